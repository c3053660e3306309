// docs/knowledge.md, generated from the knowledge files: every entry with its UK/US table, and
// the table mapping each item of the UK/US comparison to the entries and rules that cover it.
// Regenerate with `npx tsx scripts/knowledge-doc.ts`; the knowledge test fails while it is stale.
import agreementKinds from './agreement-kinds.json';
import comparison from './comparison.json';
import dataAndReview from './data-and-review.json';
import indicatorTypes from './indicator-types.json';
import keys from './keys.json';
import stageFocus from './stage-focus.json';
import theory from './theory.json';
import { knowledge, type KnowledgeEntry } from './index';
import { entryMarkdown } from './markdown';

const SECTIONS: { title: string; file: string; entries: KnowledgeEntry[] }[] = [
  { title: 'Agreement kinds', file: 'agreement-kinds.json', entries: agreementKinds as KnowledgeEntry[] },
  { title: 'Indicator types', file: 'indicator-types.json', entries: indicatorTypes as KnowledgeEntry[] },
  { title: 'Stage focus and management activities', file: 'stage-focus.json', entries: stageFocus as KnowledgeEntry[] },
  { title: 'Data, review, direction, level and jurisdiction', file: 'data-and-review.json', entries: dataAndReview as KnowledgeEntry[] },
  { title: 'Keys', file: 'keys.json', entries: keys as KnowledgeEntry[] },
  { title: 'Background concepts', file: 'theory.json', entries: theory as KnowledgeEntry[] },
];

export interface ComparisonItem {
  /** similarity, difference, success, defect or lesson (the seed paper's headings). */
  group: string;
  item: string;
  entries: string[];
  rules: string[];
}

export const comparisonItems: ComparisonItem[] = (comparison as { items: ComparisonItem[] }).items;

const GROUPS: Record<string, string> = {
  similarity: 'Similarity',
  difference: 'Difference',
  success: 'Successful experience',
  defect: 'Defect',
  lesson: 'Lesson',
};

export function anchor(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}

function link(id: string): string {
  const e = knowledge.get(id);
  return e ? `[${e.title}](#${anchor(id)})` : `\`${id}\``;
}

function applies(e: KnowledgeEntry): string {
  const list = (e.appliesTo ?? []).map((a) => `\`${a.path}${a.value === undefined ? '' : `: ${String(a.value)}`}\``);
  return list.length ? ` · Applies to: ${list.join(', ')}` : '';
}

function coverageTable(): string {
  const rows = comparisonItems.map(
    (c) =>
      `| ${GROUPS[c.group] ?? c.group} | ${c.item} | ${c.entries.map(link).join(', ')} | ${c.rules.map((r) => `[${r}](rules/${r}.md)`).join(', ') || '—'} |`,
  );
  return ['| Part of the comparison | Item | Knowledge entries | Rules |', '|---|---|---|---|', ...rows].join('\n');
}

export function knowledgeDoc(): string {
  const out: string[] = [];
  out.push('# Knowledge base index');
  out.push(
    'Readable index of the hover and rule background entries in `server/src/knowledge/*.json`, generated from that data by `scripts/knowledge-doc.ts`. Each entry gives what a key or value means in a Yardstick framework file, UK and US practice side by side, what worked and what went wrong in practice, and its sources (originals: official, parliamentary, archive or DOI). The JSON files are the source of truth; see `server/src/knowledge/README.md` for how to add an entry.',
  );
  out.push('## Contents');
  out.push(
    [
      '- [Coverage of the UK/US comparison](#coverage-of-the-uk-us-comparison)',
      ...SECTIONS.map((s) => `- [${s.title}](#${slug(s.title)}) (${s.entries.length} entries, \`${s.file}\`)`),
    ].join('\n'),
  );
  out.push('## Coverage of the UK/US comparison');
  out.push(
    'The comparison the project starts from (a study of government performance management in Britain and the United States under New Public Management) names similarities, differences, successful experience, defects and lessons. Each row lists the entries that explain it and the rules that check for it (`server/src/knowledge/comparison.json`).',
  );
  out.push(coverageTable());
  for (const s of SECTIONS) {
    out.push(`## ${s.title}`);
    for (const e of s.entries) {
      out.push(`### ${e.title}`);
      const head = `<a id="${anchor(e.id)}"></a>Id: \`${e.id}\`${applies(e)}`;
      const related = (e.related ?? []).map(link).join(', ');
      out.push(`${head}\n\n${entryMarkdown(e, { related: related || undefined })}`);
    }
  }
  return out.join('\n\n') + '\n';
}
