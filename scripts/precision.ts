// npm run precision: prints precision per rule on the real-framework corpus and writes
// docs/precision.md (the corpus test checks the file is up to date).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFindings, keyOf, loadBeforeFindings, loadExpected } from '../test/corpus/corpus';
import { precisionReport } from './precision-report';

const findings = corpusFindings();
const expected = loadExpected();
const judged = new Set(expected.findings.map(keyOf));
const unjudged = findings.filter((f) => !judged.has(keyOf(f)));
const report = precisionReport(findings, expected, loadBeforeFindings());
writeFileSync(join(__dirname, '..', 'docs', 'precision.md'), report);
process.stdout.write(report);
if (unjudged.length) {
  process.stderr.write(
    `\n${unjudged.length} findings are not judged in test/corpus/real/expected.yaml:\n${unjudged.map((f) => `  - { file: ${f.file}, rule: ${f.rule}, where: "${f.where}", verdict: ?, reason: ? }  # line ${f.line}: ${f.message}`).join('\n')}\n`,
  );
  process.exitCode = 1;
}
