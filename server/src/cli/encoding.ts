// Reading and writing framework files in the encoding they came in (so --fix changes nothing
// but its edits): UTF-8 with or without a BOM, UTF-16 LE or BE with a BOM.

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export function decode(bytes: Buffer): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return { text: swapped.toString('utf16le'), encoding: 'utf16be' };
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), encoding: 'utf8-bom' } : { text, encoding: 'utf8' };
}

export function encode(text: string, encoding: Encoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf8-bom') return Buffer.from('\ufeff' + text, 'utf8');
  const le = Buffer.from('\ufeff' + text, 'utf16le');
  if (encoding === 'utf16be') le.swap16();
  return le;
}
