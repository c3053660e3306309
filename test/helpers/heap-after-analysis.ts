// Run as a child process (node --import tsx): analyses a generated file with unknown references
// (so YS003 builds its did-you-mean index), re-checks an edit to one of them incrementally, keeps
// both analyses and prints what the heap still holds of the checks' scratch indexes.
import { analyze } from '../../server/src/lint/analyze';
import { analyzeChange } from '../../server/src/lint/incremental';
import { heapNodes } from './heap-snapshot';
import { generated } from './random-edits';

const text = generated(400);
const full = analyze(text);
const at = text.indexOf('ind-missing-5') + 'ind-missing'.length;
const edited = analyzeChange(analyze(text), { start: at, end: at, text: 'x' }, text.slice(0, at) + 'x' + text.slice(at));
const unknown = (findings: typeof full.findings) => findings.filter((f) => f.code === 'YS003').length;

void heapNodes().then((nodes) => {
  const suggesters = nodes.filter((n) => n.type === 'object' && n.name === 'Suggester').length;
  process.stdout.write(JSON.stringify({ unknown: unknown(full.findings), unknownAfterEdit: unknown(edited.findings), suggesters }) + '\n');
});
