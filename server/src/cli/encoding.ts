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

/**
 * Why `bytes` would not come back byte for byte from decode-then-encode, or undefined when they
 * would. --fix rewrites only files that round-trip, so it never changes a byte it did not edit.
 */
export function notRoundTrip(bytes: Buffer, decoded: { text: string; encoding: Encoding }): string | undefined {
  const again = encode(decoded.text, decoded.encoding);
  if (again.equals(bytes)) return undefined;
  if (decoded.encoding === 'utf16le' || decoded.encoding === 'utf16be') {
    return bytes.length % 2
      ? 'it is UTF-16 with an odd number of bytes (one missing or extra at the end)'
      : 'its UTF-16 does not decode cleanly';
  }
  let at = 0;
  while (at < bytes.length && at < again.length && bytes[at] === again[at]) at++;
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  const byte = bytes[at] === undefined ? '' : ` 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')}`;
  return `it is not valid UTF-8 (byte${byte} on line ${line}; a Windows-1252 or Latin-1 file needs saving as UTF-8)`;
}
