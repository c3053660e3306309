// Hover: the schema's description of a key, an enum value's meaning, UK/US practice from the
// knowledge base, a summary of a referenced stage or indicator, and the rule behind a problem.
import type { Hover, MarkupContent, Position } from 'vscode-languageserver';
import type { Analysis } from '../lint/analyze';
import { othersOfCause, plural } from '../lint/cause';
import type { Finding } from '../engine/types';
import { nodePathAt } from '../engine/parse';
import { describeAt, enumAt, schemaAt } from '../engine/schema';
import type { KnowledgeBase, KnowledgeEntry } from '../knowledge';
import { entryMarkdown } from '../knowledge/markdown';
import { ruleById } from '../rules';
import { docsHref } from '../rules/rule';
import { offsetAt, rangeContains } from './convert';
import { valueAt } from '../engine/model';
import { byIdOf, idSlot, summary } from './objects';
import { splitReference } from '../engine/resolve';
import type { WorkspaceIndex } from '../engine/workspace-index';

export interface HoverContext {
  knowledge: KnowledgeBase;
  index?: WorkspaceIndex;
  /** Another file's analysis (open or on disk), for summaries of cross-file references. */
  analysisOf?: (uri: string) => Analysis | undefined;
  /** Where the docs are published; without it rule links open the installed pages. */
  docsBaseUrl?: string;
}

export function knowledgeMarkdown(e: KnowledgeEntry): string {
  return `#### ${e.title}\n\n${entryMarkdown(e, { sourcesSeparator: ' · ' })}`;
}

/** One compact section per problem: its message, its rule and one link; and, when other
 * objects of the file have a finding of the same cause, how many. */
function problemMarkdown(finding: Finding, all: readonly Finding[], docsBaseUrl?: string): string {
  const { code, message } = finding;
  const rule = ruleById(code);
  const name = rule ? `**${code}** \`${rule.meta.name}\`` : `**${code}**`;
  const text = `${name}: ${message}${rule?.meta.docs ? ` [Rule ${code}](${docsHref(rule.meta.docs, docsBaseUrl)})` : ''}`;
  const others = othersOfCause(all, finding);
  if (others === 0) return text;
  const kind = others === 1 ? finding.cause!.kind : plural(finding.cause!.kind);
  return `${text}\n\nThe same finding is reported for ${others} other ${kind} in this file.`;
}

export function hover(analysis: Analysis, position: Position, ctx: HoverContext): Hover | null {
  const offset = offsetAt(analysis.lines, position);
  // Problems under the cursor: the hover is about them, compactly (the key's documentation and
  // background are one hover away, once the problem is fixed).
  const problems = analysis.findings.filter((f) => rangeContains(f.range, position));
  if (problems.length) {
    const seen = new Set<string>();
    const sections = problems
      .filter((f) => !seen.has(`${f.code}:${f.message}`) && seen.add(`${f.code}:${f.message}`))
      .map((f) => problemMarkdown(f, analysis.findings, ctx.docsBaseUrl));
    return { contents: { kind: 'markdown', value: sections.join('\n\n') }, range: problems[0].range };
  }
  const sections: string[] = [];

  const hit = nodePathAt(analysis.doc.root, offset);
  let range = undefined as Hover['range'];
  if (hit && hit.path.length > 0) {
    const { node, path, isKey } = hit;
    const value = valueAt(analysis.doc.value, path);
    const key = path[path.length - 1];
    if (isKey) {
      const schema = schemaAt(path);
      const head = [`\`${String(key)}\``];
      if (schema?.title) head.push(`**${schema.title}**`);
      const text = [head.join(' · ')];
      const description = schema?.description ?? describeAt(path);
      if (description) text.push(description);
      else if (!schema && !String(key).startsWith('x-')) text.push('*Not a key of the Yardstick format at this place.*');
      sections.push(text.join('\n\n'));
      for (const e of ctx.knowledge.lookup(path)) sections.push(knowledgeMarkdown(e));
      range = analysis.lines.range(node.start, node.end);
    } else if (node.kind === 'scalar' && !node.empty) {
      range = analysis.lines.range(node.start, node.end);
      const slot = idSlot(path);
      if (slot && typeof value === 'string') {
        const ref = slot.declaration ? { id: value, framework: undefined } : splitReference(value);
        const local = ref.framework === undefined || ref.framework === analysis.model.frameworkId;
        const target = local ? byIdOf(analysis, slot.kind).get(ref.id) : undefined;
        if (target && !slot.declaration) sections.push(summary(target));
        else if (!local) sections.push(crossFileSummary(slot.kind, ref.framework!, ref.id, ctx));
        else if (target && slot.declaration) {
          const uses = slot.kind === 'agreement' ? 0 : countUses(analysis, slot.kind, value);
          sections.push(
            summary(target, slot.kind === 'agreement' ? undefined : `Used by ${uses} reference${uses === 1 ? '' : 's'} in this file.`),
          );
        }
      }
      const en = enumAt(path);
      const index = en ? en.values.findIndex((v) => v === value || String(v) === String(value)) : -1;
      if (en && index >= 0) {
        const desc = en.descriptions[index];
        // A list item is titled by its value and its list's key (`focus: outcomes`), not its index.
        const title =
          typeof key === 'number' ? `\`${String(path[path.length - 2])}: ${String(value)}\`` : `\`${String(key)}: ${String(value)}\``;
        sections.push([title, desc].filter(Boolean).join('\n\n'));
        for (const e of ctx.knowledge.lookup(path, value)) sections.push(knowledgeMarkdown(e));
      } else if (!slot) {
        const description = describeAt(path);
        if (description) sections.push(`\`${typeof key === 'number' ? 'item' : key}\`: ${description}`);
        if (value !== undefined) for (const e of ctx.knowledge.lookup(path, value)) sections.push(knowledgeMarkdown(e));
      }
    }
  }

  if (sections.length === 0) return null;
  const contents: MarkupContent = { kind: 'markdown', value: sections.join('\n\n---\n\n') };
  return { contents, range };
}

/** A reference into another framework file: the same summary as for this file's objects. */
function crossFileSummary(kind: 'stage' | 'indicator' | 'agreement', framework: string, id: string, ctx: HoverContext): string {
  const entry = ctx.index?.frameworks.get(framework);
  const ids = kind === 'stage' ? entry?.stages : entry?.indicators;
  if (!entry && ctx.index && !ctx.index.complete) return `No framework \`${framework}\` among the files indexed so far.`;
  if (!entry || !ids?.has(id)) return `No ${kind} \`${id}\` in a framework \`${framework}\` of this workspace.`;
  const file = decodeURIComponent(entry.uri.replace(/^.*\//, ''));
  const where = `In framework \`${framework}\` (${file}).`;
  const other = ctx.analysisOf?.(entry.uri);
  const target = other && (kind === 'stage' ? other.model.stagesById : other.model.indicatorsById).get(id);
  return target ? summary(target, where) : `${kind} \`${id}\`. ${where}`;
}

function countUses(analysis: Analysis, kind: 'stage' | 'indicator', id: string): number {
  let n = 0;
  for (const a of analysis.model.agreements) {
    if (kind === 'stage') {
      if (typeof a.value.stage === 'string' && splitReference(a.value.stage).id === id) n++;
    } else if (Array.isArray(a.value.indicators)) {
      for (const r of a.value.indicators)
        if (
          typeof r === 'string' &&
          splitReference(r).id === id &&
          (splitReference(r).framework ?? analysis.model.frameworkId) === analysis.model.frameworkId
        )
          n++;
    }
  }
  return n;
}
