// `yardstick rules`: the rule catalogue, or one rule's documentation page in the terminal
// (`yardstick rules YS101`, or by name: `yardstick rules missing-baseline`). The page is the
// docs/rules/YSnnn.md installed beside the bundle, so it reads the same offline.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { didYouMean } from '../engine/suggest';
import { allRules, ruleById } from '../rules';
import { docsHref, docsPath } from '../rules/rule';
import { reasonFor } from '../node/write-file';
import type { CliIO } from './main';

export function runRules(keys: readonly string[], io: CliIO): number {
  if (keys.length === 0) {
    for (const r of allRules)
      io.stdout(`${r.meta.id}  ${r.meta.name.padEnd(28)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.description}\n`);
    return 0;
  }
  const pages: string[] = [];
  for (const key of keys) {
    const rule = ruleById(key);
    if (!rule) {
      const close = didYouMean(
        key,
        allRules.flatMap((r) => [r.meta.id, r.meta.name]),
      );
      io.stderr(`yardstick: no rule "${key}"${close ? `; did you mean ${close}?` : '.'} Run "yardstick rules" for the list.\n`);
      return 2;
    }
    const file = fileURLToPath(docsHref(rule.meta.docs ?? docsPath(rule.meta.id)));
    try {
      pages.push(plainText(readFileSync(file, 'utf8')));
    } catch (e) {
      io.stderr(`yardstick: cannot read the documentation of ${rule.meta.id} (${file}): ${reasonFor(e).reason}.\n`);
      return 2;
    }
  }
  io.stdout(pages.join('\n'));
  return 0;
}

/**
 * A Markdown page as terminal text: headings underlined, emphasis marks dropped, links as
 * "text (address)" so no source is lost, code blocks indented. Everything else is kept as written.
 */
export function plainText(markdown: string): string {
  const out: string[] = [];
  let inCode = false;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*```/.test(line)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      out.push(line === '' ? '' : `    ${line}`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const text = inline(heading[2]);
      out.push(text, (heading[1].length === 1 ? '=' : '-').repeat(text.length));
      continue;
    }
    out.push(inline(line));
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
}

/** Inline Markdown outside code spans: links spelled out, ** and * emphasis dropped. */
function inline(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_, label: string, url: string) => (label === url ? url : `${label} (${url})`))
            .replace(/\*\*([^*]+)\*\*/g, '$1')
            .replace(/(^|[\s(])\*([^*\s][^*]*)\*(?=[\s).,;:!?]|$)/g, '$1$2'),
    )
    .join('');
}
