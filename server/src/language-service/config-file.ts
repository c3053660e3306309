// `.yardstick.yaml` in the editor: completion of rule ids, severities and options, and hovers that
// say what a rule checks, what a severity does and what an option means. Diagnostics come from the
// configuration reader itself (node/config-file.ts), so the editor and the CLI agree.
import { CompletionItemKind, type CompletionItem, type CompletionList, type Hover, type Position } from 'vscode-languageserver';
import { parse, nodePathAt } from '../engine/parse';
import { LineIndex } from '../engine/text';
import type { RuleOptionMeta } from '../engine/types';
import { allRules, ruleById } from '../rules';
import { docsHref } from '../rules/rule';
import { offsetAt } from './convert';
import { cursorContext } from './cursor-context';

/** What each severity does, in the editor and in `yardstick check`. */
export const SEVERITY_MEANINGS: Record<string, string> = {
  off: 'Not checked at all.',
  hint: 'The lightest: a faint underline in the editor, not listed in Problems.',
  info: 'Listed as information; never fails `yardstick check`.',
  warning: 'Listed as a warning; fails `yardstick check` only beyond `--max-warnings`.',
  error: 'Listed as an error; fails `yardstick check` (exit 1).',
};

const TOP_KEYS: Record<string, string> = {
  rules: 'Rule settings: a rule id (`YS101`) or name (`missing-baseline`) mapped to a severity or to `{ severity, options }`.',
  $schema: 'The JSON Schema of this file, for other YAML tools.',
};

function optionLine(name: string, o: RuleOptionMeta): string {
  return `- \`${name}\` (${o.type}, default ${String(o.default)}): ${o.description}`;
}

function ruleDoc(id: string): string | undefined {
  const rule = ruleById(id);
  if (!rule) return undefined;
  const m = rule.meta;
  const options = Object.entries(m.options ?? {}).map(([k, o]) => optionLine(k, o as RuleOptionMeta));
  return [
    `**${m.id}** \`${m.name}\` · default **${m.defaultSeverity}**`,
    m.description,
    options.length ? `Options:\n${options.join('\n')}` : '',
    m.docs ? `[Rule ${m.id}](${docsHref(m.docs)})` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

function severityItems(range: { start: Position; end: Position }, ruleKey?: string): CompletionItem[] {
  const rule = ruleKey ? ruleById(ruleKey) : undefined;
  return Object.entries(SEVERITY_MEANINGS).map(([s, meaning], i) => ({
    label: s,
    kind: CompletionItemKind.EnumMember,
    detail: rule?.meta.defaultSeverity === s ? `the default of ${rule.meta.id}` : undefined,
    documentation: { kind: 'markdown' as const, value: meaning },
    textEdit: { range, newText: s },
    sortText: String(i),
  }));
}

export function configCompletion(text: string, position: Position): CompletionList {
  const lines = new LineIndex(text);
  const doc = parse(text);
  const offset = offsetAt(lines, position);
  const ctx = cursorContext(lines, offset, doc.errors.length === 0 ? doc.root : null);
  const items: CompletionItem[] = [];
  if (!ctx) return { isIncomplete: false, items };
  const range = { start: lines.position(ctx.prefixStart), end: lines.position(offset) };
  const [top, ruleKey, inRule, option] = ctx.path;
  const suggest = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
  if (ctx.kind === 'key') {
    if (ctx.path.length === 0) {
      for (const [k, d] of Object.entries(TOP_KEYS))
        if (!ctx.present.has(k))
          items.push({
            label: k,
            kind: CompletionItemKind.Property,
            documentation: { kind: 'markdown', value: d },
            textEdit: { range, newText: k === 'rules' ? 'rules:' : `${k}: ` },
          });
    } else if (top === 'rules' && ctx.path.length === 1) {
      // Rules not configured yet, by id; typing a name finds them too.
      const configured = new Set([...ctx.present].map((k) => ruleById(k)?.meta.id));
      for (const r of allRules) {
        if (configured.has(r.meta.id)) continue;
        items.push({
          label: r.meta.id,
          kind: CompletionItemKind.Property,
          detail: `${r.meta.name} · ${r.meta.defaultSeverity}`,
          documentation: { kind: 'markdown', value: ruleDoc(r.meta.id)! },
          filterText: `${r.meta.id} ${r.meta.name}`,
          textEdit: { range, newText: `${r.meta.id}: ` },
          command: ctx.flow ? undefined : suggest,
        });
      }
    } else if (top === 'rules' && ctx.path.length === 2 && ruleById(String(ruleKey))) {
      for (const k of ['severity', 'options']) {
        if (ctx.present.has(k)) continue;
        items.push({
          label: k,
          kind: CompletionItemKind.Property,
          textEdit: { range, newText: k === 'severity' ? 'severity: ' : 'options:' },
          command: k === 'severity' && !ctx.flow ? suggest : undefined,
        });
      }
    } else if (top === 'rules' && inRule === 'options' && ctx.path.length === 3) {
      const rule = ruleById(String(ruleKey));
      for (const [name, o] of Object.entries(rule?.meta.options ?? {})) {
        if (ctx.present.has(name)) continue;
        const meta = o as RuleOptionMeta;
        items.push({
          label: name,
          kind: CompletionItemKind.Property,
          detail: `${meta.type}, default ${String(meta.default)}`,
          documentation: { kind: 'markdown', value: meta.description },
          textEdit: { range, newText: `${name}: ${String(meta.default)}` },
        });
      }
    }
    return { isIncomplete: false, items };
  }
  if (top === 'rules' && ((ctx.path.length === 2 && ruleById(String(ruleKey))) || (ctx.path.length === 3 && inRule === 'severity')))
    items.push(...severityItems(range, String(ruleKey)));
  void option;
  return { isIncomplete: false, items };
}

export function configHover(text: string, position: Position): Hover | null {
  const lines = new LineIndex(text);
  const doc = parse(text);
  const offset = offsetAt(lines, position);
  const hit = nodePathAt(doc.root, offset);
  if (!hit) return null;
  const { path, isKey, node } = hit;
  const range = lines.range(node.start, node.end);
  const markdown = (value: string | undefined): Hover | null => (value ? { contents: { kind: 'markdown', value }, range } : null);
  const [top, ruleKey, inRule, option] = path;
  if (path.length === 1 && isKey) return markdown(TOP_KEYS[String(top)]);
  if (top !== 'rules') return null;
  if (path.length === 2 && isKey)
    return markdown(ruleDoc(String(ruleKey)) ?? `No rule "${String(ruleKey)}": run \`yardstick rules\` for the list.`);
  const value =
    node.kind === 'scalar'
      ? text
          .slice(node.start, node.end)
          .replace(/^["']|["']$/g, '')
          .toLowerCase()
      : '';
  if (!isKey && (path.length === 2 || (path.length === 3 && inRule === 'severity')) && SEVERITY_MEANINGS[value])
    return markdown(`**${value}**: ${SEVERITY_MEANINGS[value]}`);
  if (path.length === 4 && inRule === 'options' && isKey) {
    const meta = ruleById(String(ruleKey))?.meta.options?.[String(option)] as RuleOptionMeta | undefined;
    return markdown(meta ? optionLine(String(option), meta).slice(2) : undefined);
  }
  return null;
}
