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

/** Compiles `mainSchema` (one validator, the module's export) or, given `exports` (name → schema
 * $id), one module exporting a validator per name. */
function generate(outName, mainSchema, extraSchemas, exports) {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    // The schemas' patterns are ASCII classes, anchors and literals, which match the same strings
    // with or without the u flag; without it V8 tests them faster (every id and reference).
    unicodeRegExp: false,
    // Standalone code needs the formats as code, written with ajv's codegen template: ours
    // (engine/calendar.ts), the same check as ajv-formats' `date` without a regular expression
    // and its match array per date (test/unit/engine/calendar.test.ts compares the two).
    code: { source: true, esm: false, formats: ajvCodegen._`require("../calendar").validatorFormats` },
  });
  addFormats(ajv, ['date']);
  ajv.addKeyword('enumDescriptions');
  ajv.addKeyword('markdownDescription');
  ajv.addKeyword('examplesDescriptions');
  for (const s of extraSchemas) ajv.addSchema(s);
  const validate = mainSchema && ajv.compile(mainSchema);
  const code = exports ? standaloneCode(ajv, exports) : standaloneCode(ajv, validate);
  const out = join(root, 'server/src/engine/generated');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${outName}.js`), code);
  const type = '((data: unknown) => boolean) & { errors?: ErrorObject[] | null }';
  writeFileSync(
    join(out, `${outName}.d.ts`),
    exports
      ? `import type { ErrorObject } from 'ajv';\n${Object.keys(exports)
          .map((name) => `export declare const ${name}: ${type};\n`)
          .join('')}`
      : `import type { ErrorObject } from 'ajv';\ndeclare const validate: ${type};\nexport = validate;\n`,
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
// One validator per list item kind, for re-checking the one item an edit changed: the same
// schemas, so the same errors (keywords, schema paths, messages) as the framework validator's.
const items = ['stage', 'indicator', 'agreement'].map((kind) => read(`${kind}.schema.json`));
generate('item-validators', undefined, [common, ...items], {
  stages: items[0].$id,
  indicators: items[1].$id,
  agreements: items[2].$id,
});
console.log('validators generated');
