// For child processes that check what the heap keeps: a snapshot of it, taken on the next turn
// (until then the caller's synchronous code still holds its temporaries), node by node.
import { getHeapSnapshot } from 'node:v8';

export interface HeapNode {
  type: string;
  /** A string's text, an object's constructor name. */
  name: string;
  size: number;
}

export function heapNodes(): Promise<HeapNode[]> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      const chunks: Buffer[] = [];
      const stream = getHeapSnapshot();
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('end', () => {
        const snap = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const fields: string[] = snap.snapshot.meta.node_fields;
        const types: string[] = snap.snapshot.meta.node_types[0];
        const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
        const nodes: HeapNode[] = [];
        for (let i = 0; i < snap.nodes.length; i += fields.length)
          nodes.push({ type: types[snap.nodes[i + type]], name: snap.strings[snap.nodes[i + name]], size: snap.nodes[i + size] });
        resolve(nodes);
      });
    }),
  );
}
