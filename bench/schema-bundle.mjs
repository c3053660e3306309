// The benchmark hands yaml-language-server one self-contained schema, so that no $ref between
// files is resolved during the measurement: the five schema files are inlined into one, each
// file under definitions["<file>"], every "$ref": "<file>#/x" becoming "#/definitions/<file>/x".
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function bundleSchema(out = join(ROOT, 'bench', 'out', 'framework.bundled.schema.json')) {
  const dir = join(ROOT, 'schemas');
  const files = readdirSync(dir).filter((f) => f.endsWith('.schema.json'));
  const wanted = new Set();
  // `self`: the file being rewritten, whose local refs (#/...) move under its definition.
  const rewrite = (node, self) => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, self));
    if (!node || typeof node !== 'object') return node;
    const copy = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') {
        const [file, pointer = ''] = v.split('#');
        const target = file === '' ? self : file;
        if (!files.includes(target)) throw new Error(`unknown $ref ${v}`);
        if (target === 'framework.schema.json') copy[k] = `#${pointer}`;
        else {
          wanted.add(target);
          copy[k] = `#/definitions/${target}${pointer}`;
        }
      } else copy[k] = rewrite(v, self);
    }
    return copy;
  };
  const root = rewrite(JSON.parse(readFileSync(join(dir, 'framework.schema.json'), 'utf8')), 'framework.schema.json');
  delete root.$id;
  root.definitions ??= {};
  const done = new Set();
  while (wanted.size > done.size) {
    for (const f of [...wanted]) {
      if (done.has(f)) continue;
      done.add(f);
      const s = rewrite(JSON.parse(readFileSync(join(dir, f), 'utf8')), f);
      delete s.$id;
      delete s.$schema;
      root.definitions[f] = s;
    }
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(root, null, 1));
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(bundleSchema());
