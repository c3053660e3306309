// Document symbols: framework > stages, indicators, agreements (hierarchical).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis } from '../lint/analyze';
import type { ModelObject } from '../engine/model';
import { nodeAt, pairAt } from '../engine/parse';

const KIND: Record<string, SymbolKind> = { stage: SymbolKind.Event, indicator: SymbolKind.Number, agreement: SymbolKind.Interface };

function objectSymbol(analysis: Analysis, o: ModelObject): DocumentSymbol | undefined {
  const node = o.node;
  if (!node) return undefined;
  const idNode = nodeAt(analysis.doc.root, [...o.path, 'id']);
  const range = analysis.lines.range(node.start, node.end);
  const sel =
    idNode && idNode.start >= node.start && idNode.end <= node.end
      ? analysis.lines.range(idNode.start, idNode.end)
      : analysis.lines.range(node.start, node.start);
  const title = typeof o.value.title === 'string' ? o.value.title : undefined;
  return {
    name: o.id ?? `${o.kind} #${o.index + 1}`,
    detail: title,
    kind: KIND[o.kind] ?? SymbolKind.Object,
    range,
    selectionRange: sel,
  };
}

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const root = analysis.doc.root;
  const groups: DocumentSymbol[] = [];
  for (const [key, list] of [
    ['stages', analysis.model.stages],
    ['indicators', analysis.model.indicators],
    ['agreements', analysis.model.agreements],
  ] as const) {
    const pair = pairAt(root, [key]);
    if (!pair) continue;
    const end = pair.value.end > pair.keyEnd ? pair.value.end : pair.keyEnd;
    groups.push({
      name: key,
      detail: `${list.length}`,
      kind: SymbolKind.Array,
      range: analysis.lines.range(pair.keyStart, end),
      selectionRange: analysis.lines.range(pair.keyStart, pair.keyEnd),
      children: list.map((o) => objectSymbol(analysis, o)).filter((s): s is DocumentSymbol => !!s),
    });
  }
  const fw = analysis.model.framework;
  const fwKey = pairAt(root, ['framework']);
  if (!fw || !fwKey || !root) return groups;
  const idNode = nodeAt(root, ['framework', 'id']);
  const range = analysis.lines.range(root.start, root.end);
  return [
    {
      name: fw.id ?? 'framework',
      detail: typeof fw.value.title === 'string' ? fw.value.title : undefined,
      kind: SymbolKind.Module,
      range,
      selectionRange: idNode ? analysis.lines.range(idNode.start, idNode.end) : analysis.lines.range(fwKey.keyStart, fwKey.keyEnd),
      children: groups,
    },
  ];
}
