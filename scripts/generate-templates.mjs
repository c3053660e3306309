// Bundles the framework templates (templates/*.framework.yaml, listed in templates/templates.json)
// into one JSON module, so the CLI, the server and the client carry them without reading files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const list = JSON.parse(readFileSync(join(root, 'templates', 'templates.json'), 'utf8'));
const bundled = list.map((t) => ({ ...t, text: readFileSync(join(root, 'templates', t.file), 'utf8').replace(/\r\n?/g, '\n') }));
const out = join(root, 'templates/generated');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'templates.json'), `${JSON.stringify(bundled, null, 2)}\n`);
