// The knowledge base loader: UK/US practice entries (server/src/knowledge/*.json) for hovers
// and rule explanations. Pure data, no I/O at run time: the JSON files are bundled.
// Add a file: write it next to this one (an array of entries, or { "entries": [...] }) and
// import it in SOURCES below.
import type { Path, SourceRef } from '../engine/types';
import agreementKinds from './agreement-kinds.json';
import dataAndReview from './data-and-review.json';
import indicatorTypes from './indicator-types.json';
import keys from './keys.json';
import stageFocus from './stage-focus.json';
import theory from './theory.json';

export interface KnowledgeApplies {
  /** A path pattern such as `agreements[].kind` or `framework.review_cycle`. */
  path: string;
  /** A value at that path (enum values); absent when the entry explains the key itself. */
  value?: string | number | boolean;
}

export interface KnowledgeEntry {
  id: string;
  title: string;
  appliesTo?: KnowledgeApplies[];
  meaning?: string;
  uk?: string;
  us?: string;
  wentWrong?: string;
  /** What worked, where a source shows it: the balance to `wentWrong`. */
  worked?: string;
  related?: string[];
  sources?: SourceRef[];
}

// Knowledge files, bundled at build time. Keep this list in step with the *.json files here.
const SOURCES: unknown[] = [agreementKinds, indicatorTypes, stageFocus, dataAndReview, keys, theory];

function entriesOf(source: unknown): unknown[] {
  if (Array.isArray(source)) return source;
  if (source && typeof source === 'object') {
    const o = source as Record<string, unknown>;
    if (Array.isArray(o.entries)) return o.entries;
    if (typeof o.id === 'string') return [o];
    if (o.default !== undefined) return entriesOf(o.default);
  }
  return [];
}

function isEntry(v: unknown): v is KnowledgeEntry {
  return !!v && typeof v === 'object' && typeof (v as KnowledgeEntry).id === 'string' && typeof (v as KnowledgeEntry).title === 'string';
}

export class KnowledgeBase {
  private readonly byId = new Map<string, KnowledgeEntry>();
  private readonly byPath = new Map<string, KnowledgeEntry[]>();

  constructor(sources: readonly unknown[]) {
    for (const source of sources) {
      for (const e of entriesOf(source)) {
        if (!isEntry(e) || this.byId.has(e.id)) continue;
        this.byId.set(e.id, e);
        for (const a of Array.isArray(e.appliesTo) ? e.appliesTo : []) {
          if (!a || typeof a.path !== 'string') continue;
          const key = lookupKey(normalisePattern(a.path), a.value);
          const list = this.byPath.get(key) ?? [];
          list.push(e);
          this.byPath.set(key, list);
        }
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  all(): KnowledgeEntry[] {
    return [...this.byId.values()];
  }

  get(id: string): KnowledgeEntry | undefined {
    return this.byId.get(id);
  }

  /** Entries for a key (value undefined) or for a value at a path (enum values). */
  lookup(path: Path | string, value?: unknown): KnowledgeEntry[] {
    const pattern = typeof path === 'string' ? normalisePattern(path) : pathPattern(path);
    return this.byPath.get(lookupKey(pattern, value === undefined || value === null ? undefined : (value as string))) ?? [];
  }
}

function lookupKey(pattern: string, value: string | number | boolean | undefined): string {
  return value === undefined ? `${pattern}` : `${pattern}=${String(value)}`;
}

function normalisePattern(p: string): string {
  return p
    .trim()
    .replace(/\[\d*\]/g, '[]')
    .replace(/^\$\.?/, '');
}

/** ['agreements', 3, 'kind'] → 'agreements[].kind'. */
export function pathPattern(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += '[]';
    else out += out.length ? `.${seg}` : seg;
  }
  return out;
}

export const knowledge = new KnowledgeBase(SOURCES);
