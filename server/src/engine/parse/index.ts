import { parseFast } from './fast';
import { parseFull } from './full';
import { LIMITS } from './limits';
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
  // Recovery is slow on big files and super-linear on deeply nested flow collections.
  if (text.length > LIMITS.maxRecoveryChars || flowDepthExceeds(text, LIMITS.maxDepth)) {
    return { text, value: null, root: null, errors: [fast.error], parser: 'fast' };
  }
  const full = parseFull(text);
  if (full.errors.length === 0) full.errors.push(fast.error);
  return full;
}

/** Whether [ and { nest deeper than `limit` (a rough scan: quotes and comments skipped). */
export function flowDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    } else if (c === 35 && (i === 0 || text.charCodeAt(i - 1) <= 32)) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++; // comment
    } else if (c === 34 || c === 39) {
      const prev = i === 0 ? 32 : text.charCodeAt(i - 1);
      if (prev <= 32 || prev === 44 || prev === 58 || prev === 91 || prev === 123) {
        // A quoted scalar: skip to its closing quote ("" with \ escapes, '' doubled).
        for (i++; i < text.length; i++) {
          const q = text.charCodeAt(i);
          if (c === 34 && q === 92) i++;
          else if (q === c) {
            if (c === 39 && text.charCodeAt(i + 1) === 39) i++;
            else break;
          }
        }
      }
    }
  }
  return false;
}
