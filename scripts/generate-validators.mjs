// Compiles the JSON Schemas once, at build time, into standalone validator code
// (server/src/engine/generated/*.js), so no check ever compiles a schema. Only the framework
// schemas: config.schema.json serves editors, and engine/config.ts checks a configuration
// against the rules' meta.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (name) => JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8'));

function generate(outName, mainSchema, extraSchemas) {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    // Standalone code needs the formats as code, written with ajv's codegen template.
    code: { source: true, esm: false, formats: ajvCodegen._`require("ajv-formats/dist/formats").fullFormats` },
  });
  addFormats(ajv, ['date']);
  ajv.addKeyword('enumDescriptions');
  ajv.addKeyword('markdownDescription');
  ajv.addKeyword('examplesDescriptions');
  for (const s of extraSchemas) ajv.addSchema(s);
  const validate = ajv.compile(mainSchema);
  const code = standaloneCode(ajv, validate);
  const out = join(root, 'server/src/engine/generated');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${outName}.js`), code);
  writeFileSync(
    join(out, `${outName}.d.ts`),
    `import type { ErrorObject } from 'ajv';\ndeclare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };\nexport = validate;\n`,
  );
}

const ajvCodegen = await import('ajv/dist/compile/codegen/index.js').then((m) => m.default ?? m);

const common = read('common.schema.json');
generate('framework-validator', read('framework.schema.json'), [
  common,
  read('stage.schema.json'),
  read('indicator.schema.json'),
  read('agreement.schema.json'),
]);
console.log('validators generated');
