// The engine's public types. Pure data: no LSP types, no I/O.
// Offsets are 0-based UTF-16 code-unit offsets into the checked text (as JS strings index);
// end offsets are exclusive. Line/character positions are 0-based too.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A path into the YAML value: map keys and sequence indexes, e.g. ['indicators', 3, 'type']. */
export type Path = ReadonlyArray<string | number>;

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A text edit on the checked text, by offsets. newText is the text to insert as it stands
 * (the plain edit); `placeholders` mark the parts of it the user is meant to overwrite. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
  placeholders?: TextPlaceholder[];
}

/** A part of an edit's newText, [start, end) relative to newText, that the user fills in; the
 * text there is its default. Editors with snippets select it (or offer `choices`, the first of
 * which is the default). */
export interface TextPlaceholder {
  start: number;
  end: number;
  choices?: readonly string[];
}

/** A fix a finding offers. `safe` fixes are applied by fix-all and `yardstick check --fix`. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without looking (fix-all, --fix): the result is the only value the rule's doc
   * accepts. Guesses, skeletons with placeholders and judgement calls are not safe. */
  safe: boolean;
  /** Preferred fix for the finding (VS Code's isPreferred). */
  preferred?: boolean;
}

export type RuleCategory =
  | 'structure' // YS0xx: the file is wrong
  | 'evaluation' // YS1xx: problems in performance evaluation itself
  | 'self-interest' // YS2xx: self-interested behaviour of officials (gaming)
  | 'political-system' // YS3xx: restriction of the political system
  | 'reform-model'; // YS4xx: a flawed reform model

export interface Finding {
  /** Rule id, e.g. YS101. */
  code: string;
  /** Rule name, e.g. missing-baseline. */
  name: string;
  severity: Severity;
  message: string;
  /** The id of the rule's message (in its meta.messages) the text was made from. */
  messageId?: string;
  start: number;
  end: number;
  range: Range;
  fixes?: Fix[];
  /** Extra facts for fixes and hovers (e.g. { expected: [...], suggestion: 'quarterly' }). */
  data?: Record<string, unknown>;
  /** The object the finding is about and its cause, which other objects' findings may share
   * (lint/cause.ts says when two share one). Absent where the finding is about no one object. */
  cause?: FindingCause;
}

/** What a finding says, with the object it is about taken out; see lint/cause.ts. */
export interface FindingCause {
  /** Equal for two findings exactly when they have one cause. */
  key: string;
  /** The object's kind: indicator, agreement or stage. */
  kind: string;
  /** How a list of objects names it: its id, or #n (its place in its list) without one. */
  name: string;
  /** How the message names it: `Indicator "gdp-growth"`, as it appears in the message. */
  label: string;
}

export interface SourceRef {
  title: string;
  url?: string;
}

export interface RuleOptionMeta {
  type: 'number' | 'integer' | 'boolean' | 'string';
  default: number | boolean | string;
  description: string;
  minimum?: number;
}

/** What configuration needs to know of a rule (rules/rule.ts holds the full contract). */
export interface ConfigurableRule {
  meta: { id: string; name: string; defaultSeverity: Severity; options?: Record<string, RuleOptionMeta> };
}
