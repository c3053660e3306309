// Run as a child process (node --import tsx): splices edits into many items of one generated file,
// one after another, keeps only the last document, and prints how many strings in the heap are
// copies of a version of the file's text (as long as it, starting as it does).
import { parse, type ParsedDocument } from '../../server/src/engine/parse';
import { spliceItem } from '../../server/src/engine/parse/splice';
import { heapNodes } from './heap-snapshot';
import { generated } from './random-edits';

const EDITS = Number(process.argv[2] ?? 10);
let doc: ParsedDocument = parse(generated(400));
const length = doc.text.length;
for (let k = 0; k < EDITS; k++) {
  const at = doc.text.indexOf('title: ', Math.floor(((k + 0.5) * doc.text.length) / EDITS)) + 'title: '.length;
  const spliced = spliceItem(doc, { start: at, end: at, text: 'x' });
  if (!spliced) throw new Error(`edit ${k} was not spliced`);
  doc = spliced.doc;
}

void heapNodes().then((nodes) => {
  const start = doc.text.slice(0, 40);
  const textsInHeap = nodes.filter((n) => n.type === 'string' && n.size >= length && n.name.startsWith(start)).length;
  process.stdout.write(JSON.stringify({ edits: EDITS, length, textsInHeap, last: doc.text.length }) + '\n');
});
