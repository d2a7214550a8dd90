// Every in-code word list of the detectors is built through wordSet, which keeps the list as written (with any
// repeats that a Set would hide), so that a unit test can check that no list holds the same word twice.

/**
 * The lists as written, by "module.NAME". Module-level on purpose: filled once while the modules load, read
 * only by the test.
 */
export const WORD_LISTS = new Map<string, readonly string[]>();

/** A set of words, its list registered under name. */
export function wordSet(name: string, words: readonly string[]): Set<string> {
  WORD_LISTS.set(name, words);
  return new Set(words);
}

/** Words separated by white space. */
export function wordsOf(spec: string): string[] {
  return spec.split(/\s+/).filter(Boolean);
}
