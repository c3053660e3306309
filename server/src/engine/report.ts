import type { Fix, Path, Severity } from './types';

/** What a check reports; the engine adds the rule's code, name, severity and the line/column range. */
export interface Report {
  message: string;
  /** Where: either a path (underlined per spanOf) or explicit offsets. */
  path?: Path;
  on?: 'key' | 'value';
  start?: number;
  end?: number;
  fixes?: Fix[];
  data?: Record<string, unknown>;
  /** Overrides the configured severity for this one report (rare: e.g. info-level advice). */
  severity?: Severity;
}
