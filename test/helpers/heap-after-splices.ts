// Run as a child process (node --import tsx): splices edits into many items of one generated file,
// one after another, keeps only the last document, and prints how many strings in the heap are
// copies of a version of the file's text (as long as it, starting as it does).
import { getHeapSnapshot } from 'node:v8';
import { parse, type ParsedDocument } from '../../server/src/engine/parse';
import { spliceItem } from '../../server/src/engine/parse/splice';
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

// On the next turn: until then the module's evaluation holds temporaries of the last edit.
setTimeout(() => {
  const chunks: Buffer[] = [];
  const stream = getHeapSnapshot();
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => {
    const snap = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const fields: string[] = snap.snapshot.meta.node_fields;
    const types: string[] = snap.snapshot.meta.node_types[0];
    const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
    const start = doc.text.slice(0, 40);
    let copies = 0;
    for (let i = 0; i < snap.nodes.length; i += fields.length)
      if (
        types[snap.nodes[i + type]] === 'string' &&
        snap.nodes[i + size] >= length &&
        snap.strings[snap.nodes[i + name]].startsWith(start)
      )
        copies++;
    process.stdout.write(JSON.stringify({ edits: EDITS, length, textsInHeap: copies, last: doc.text.length }) + '\n');
  });
});
