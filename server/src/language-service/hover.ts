// Hover: the schema's description of a key, an enum value's meaning, UK/US practice from the
// knowledge base, a summary of a referenced stage or indicator, and the rule behind a problem.
import type { Hover, MarkupContent, Position } from 'vscode-languageserver';
import type { Analysis } from '../lint/analyze';
import { nodePathAt } from '../engine/parse';
import { describeAt, enumAt, schemaAt } from '../engine/schema';
import type { KnowledgeBase, KnowledgeEntry } from '../knowledge';
import { entryMarkdown } from '../knowledge/markdown';
import { ruleById } from '../rules';
import { rangeContains } from './convert';
import { byIdOf, idSlot, summary, valueAt } from './objects';
import { splitReference } from '../engine/resolve';
import type { WorkspaceIndex } from '../engine/workspace-index';

export interface HoverContext {
  knowledge: KnowledgeBase;
  index?: WorkspaceIndex;
}

export function knowledgeMarkdown(e: KnowledgeEntry): string {
  return `#### ${e.title}\n\n${entryMarkdown(e, { sourcesSeparator: ' · ' })}`;
}

export function ruleMarkdown(code: string, message?: string): string | undefined {
  const rule = ruleById(code);
  if (!rule) return undefined;
  const m = rule.meta;
  const parts = [`**${m.id}** \`${m.name}\`: ${m.description}`];
  if (message) parts.push(`*${message}*`);
  if (m.docs) parts.push(`[Documentation for ${m.id}](${m.docs})`);
  return parts.join('\n\n');
}

export function hover(analysis: Analysis, position: Position, ctx: HoverContext): Hover | null {
  const offset = analysis.lines.offset(position);
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
        else if (!local) {
          const entry = ref.framework !== undefined ? ctx.index?.frameworks.get(ref.framework) : undefined;
          const ids = slot.kind === 'stage' ? entry?.stages : entry?.indicators;
          sections.push(entry && ids?.has(ref.id) ? `${slot.kind} \`${ref.id}\` of framework \`${ref.framework}\` (${entry.uri})` : `No ${slot.kind} \`${ref.id}\` in a framework \`${ref.framework}\` of this workspace.`);
        } else if (target && slot.declaration) {
          const uses = slot.kind === 'agreement' ? 0 : countUses(analysis, slot.kind, value);
          sections.push(summary(target, slot.kind === 'agreement' ? undefined : `Used by ${uses} reference${uses === 1 ? '' : 's'} in this file.`));
        }
      }
      const en = enumAt(path);
      const index = en ? en.values.findIndex((v) => v === value || String(v) === String(value)) : -1;
      if (en && index >= 0) {
        const desc = en.descriptions[index];
        sections.push([`\`${String(key)}: ${String(value)}\``, desc].filter(Boolean).join('\n\n'));
        for (const e of ctx.knowledge.lookup(path, value)) sections.push(knowledgeMarkdown(e));
      } else if (!slot) {
        const description = describeAt(path);
        if (description) sections.push(`\`${typeof key === 'number' ? 'item' : key}\`: ${description}`);
        if (value !== undefined) for (const e of ctx.knowledge.lookup(path, value)) sections.push(knowledgeMarkdown(e));
      }
    }
  }

  // Problems under the cursor: the rule and its documentation.
  const seen = new Set<string>();
  for (const f of analysis.findings) {
    if (!rangeContains(f.range, position) || seen.has(f.code)) continue;
    seen.add(f.code);
    const md = ruleMarkdown(f.code);
    if (md) sections.push(md);
    for (const id of ruleById(f.code)?.meta.knowledge ?? []) {
      const e = ctx.knowledge.get(id);
      if (e) sections.push(`Background: **${e.title}**${e.meaning ? `. ${e.meaning}` : ''}`);
    }
    if (!range) range = f.range;
  }

  if (sections.length === 0) return null;
  const contents: MarkupContent = { kind: 'markdown', value: sections.join('\n\n---\n\n') };
  return { contents, range };
}

function countUses(analysis: Analysis, kind: 'stage' | 'indicator', id: string): number {
  let n = 0;
  for (const a of analysis.model.agreements) {
    if (kind === 'stage') {
      if (typeof a.value.stage === 'string' && splitReference(a.value.stage).id === id) n++;
    } else if (Array.isArray(a.value.indicators)) {
      for (const r of a.value.indicators) if (typeof r === 'string' && splitReference(r).id === id && (splitReference(r).framework ?? analysis.model.frameworkId) === analysis.model.frameworkId) n++;
    }
  }
  return n;
}
