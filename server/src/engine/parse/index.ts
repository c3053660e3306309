import { parseFast } from './fast';
import { parseFull } from './full';
import type { ParsedDocument } from './tree';

export * from './tree';
export { parseFast } from './fast';
export { parseFull } from './full';

/**
 * Parses a framework file. The fast path (js-yaml events) handles valid YAML; on the first
 * syntax error the full path (`yaml`, with recovery) reports every error. If the two parsers
 * disagree on whether the text is valid YAML, the fast path's error is still reported.
 */
export function parse(text: string): ParsedDocument {
  const fast = parseFast(text);
  if (fast.ok) return fast.doc;
  if (fast.resource) return { text, value: null, root: null, errors: [fast.error], parser: 'fast' };
  const full = parseFull(text);
  if (full.errors.length === 0) full.errors.push(fast.error);
  return full;
}
