// Bounds that keep hostile input from hanging or exhausting the checker (documented in docs/limits.md).
export const LIMITS = {
  /** Deepest nesting of collections accepted. Real framework files nest about 5 deep. */
  maxDepth: 100,
  /** Aliases (*name) accepted in one document. */
  maxAliases: 10_000,
  /** Nodes the aliases may expand the document to (or 10x the source's nodes, if larger). */
  maxExpandedNodes: 100_000,
  /**
   * Largest text (characters) re-parsed with the recovering parser to list every syntax error.
   * Above it only the first error is reported: recovery costs about 0.5 ms per KB (0.4 s at
   * 0.7 MB, 4 s at 7 MB), which would stall the editor on every keystroke that breaks the YAML.
   * Framework files are typically 10-100 KB, well below it.
   */
  maxRecoveryChars: 256 * 1024,
};
