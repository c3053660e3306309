// yaml-language-server resolves the schemas' relative $refs against their $id
// (https://yardstick.dev/schemas/v1/...), which is not served anywhere. For the benchmark
// we inline the five schema files into one: each file goes under definitions["<file>"] and
// every "$ref": "<file>#/x" becomes "#/definitions/<file>/x".
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function bundleSchema(out = join(ROOT, 'bench', 'out', 'framework.bundled.schema.json')) {
  const dir = join(ROOT, 'schemas');
  const files = readdirSync(dir).filter((f) => f.endsWith('.schema.json'));
  const rewrite = (node) => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    const copy = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && !v.startsWith('#')) {
        const [file, pointer = ''] = v.split('#');
        if (!files.includes(file)) throw new Error(`unknown $ref ${v}`);
        copy[k] = `#/definitions/${file}${pointer}`;
      } else copy[k] = rewrite(v);
    }
    return copy;
  };
  const root = rewrite(JSON.parse(readFileSync(join(dir, 'framework.schema.json'), 'utf8')));
  delete root.$id;
  root.definitions ??= {};
  for (const f of files) {
    const s = rewrite(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    delete s.$id;
    delete s.$schema;
    root.definitions[f] = s;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(root, null, 1));
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(bundleSchema());
