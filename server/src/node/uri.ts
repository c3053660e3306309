// file: URIs and paths. Clients and Node encode some characters differently (`%3A` or `:` in a
// Windows drive, `~`, `@`), so every URI that keys the index goes through canonicalUri.
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The path of a file: URI; undefined for other schemes and for URIs that do not decode. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** One spelling per file: Node's encoding of its path; other URIs as they are. */
export function canonicalUri(uri: string): string {
  const path = uriToPath(uri);
  return path === undefined ? uri : pathToUri(path);
}
