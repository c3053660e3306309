// Markdown for a knowledge entry, shared by hovers and docs/knowledge.md: the meaning, UK and
// US practice side by side in a small table, what worked and what went wrong, and the sources.
import type { KnowledgeEntry } from './index';

/** A table cell: one line, with pipes escaped so the table holds. */
function cell(text: string | undefined): string {
  return (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|') || '—';
}

/** UK and US practice side by side. */
export function sideBySide(e: KnowledgeEntry): string {
  return ['| UK | US |', '|---|---|', `| ${cell(e.uk)} | ${cell(e.us)} |`].join('\n');
}

export function sourceLinks(e: KnowledgeEntry, separator: string): string {
  return (e.sources ?? [])
    .filter((s) => s && s.title)
    .map((s) => (s.url ? `[${s.title}](${s.url})` : s.title))
    .join(separator);
}

/** The body of an entry: meaning, the UK/US table, what worked, what went wrong, sources. */
export function entryMarkdown(e: KnowledgeEntry, opts: { sourcesSeparator?: string; related?: string } = {}): string {
  const out: string[] = [];
  if (e.meaning) out.push(e.meaning);
  if (e.uk || e.us) out.push(sideBySide(e));
  const bullets: string[] = [];
  if (e.worked) bullets.push(`- **What worked:** ${e.worked}`);
  if (e.wentWrong) bullets.push(`- **What went wrong:** ${e.wentWrong}`);
  if (opts.related) bullets.push(`- **Related:** ${opts.related}`);
  const sources = sourceLinks(e, opts.sourcesSeparator ?? '; ');
  if (sources) bullets.push(`- **Sources:** ${sources}`);
  if (bullets.length) out.push(bullets.join('\n'));
  return out.join('\n\n');
}
