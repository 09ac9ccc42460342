import { abjadFirstLetters, abjadWrites, isAbjadWord } from '../text/abjadSpelling';
import { isLatinQueryWord, latinKeyOf } from '../text/transliteration';

/**
 * The index terms of other alphabets by their Latin key (`путин` under `putin`, see
 * `transliteration.ts`), so a Latin query word also finds its transliteration. A whole key
 * answers a query word; while the writer is still typing the last word, a key that starts with
 * it answers too (the prefix rule of `TermCompletions`), never a typo of it. A corpus with no
 * words of those alphabets has no keys, and its searches are as they were.
 *
 * Arabic and Hebrew words, whose keys lack the short vowels (`بوتين` -> `bwtyn`), also answer a
 * whole Latin word they write letter for letter (`abjadWrites`: `Putin` -> بوتين, פוטין), found
 * among the words of their first letter.
 */
export class TransliterationKeys {
  private readonly termsByKey = new Map<string, number[]>();
  /** Keys by their first `MIN_PREFIX_LENGTH` characters, for the unfinished last word. */
  private readonly keysByStart = new Map<string, string[]>();
  private indexedTermCount = 0;
  /** Arabic and Hebrew terms by their first letter: [termId, term]. */
  private readonly abjadTermsByFirstLetter = new Map<string, Array<[number, string]>>();

  /** Indexes `terms[from..]`; call again with the same growing array to add more. */
  addTerms(terms: readonly string[], from = this.indexedTermCount): void {
    for (let termId = from; termId < terms.length; termId++) {
      const term = terms[termId];
      if (isAbjadWord(term)) {
        const first = term[0];
        const list = this.abjadTermsByFirstLetter.get(first);
        if (list) list.push([termId, term]);
        else this.abjadTermsByFirstLetter.set(first, [[termId, term]]);
      }
      const key = latinKeyOf(term);
      if (key === undefined) continue;
      let termIds = this.termsByKey.get(key);
      if (!termIds) {
        termIds = [];
        this.termsByKey.set(key, termIds);
        const start = key.slice(0, MIN_PREFIX_LENGTH);
        const keys = this.keysByStart.get(start);
        if (keys) keys.push(key);
        else this.keysByStart.set(start, [key]);
      }
      termIds.push(termId);
    }
    this.indexedTermCount = terms.length;
  }

  /** Whether any term has a key (a corpus of Latin text has none). */
  get isEmpty(): boolean {
    return this.termsByKey.size === 0;
  }

  /**
   * Live terms whose key is the query word `term` (folded), and with `unfinished` those whose key
   * starts with it (up to `limit`, the most frequent first; `frequency` 0 = gone).
   */
  matching(term: string, frequency: (termId: number) => number, unfinished: boolean, limit = 8): Array<{ termId: number; whole: boolean }> {
    if (this.termsByKey.size === 0 || !isLatinQueryWord(term)) return [];
    const found: Array<{ termId: number; whole: boolean }> = [];
    for (const termId of this.termsByKey.get(term) ?? []) {
      if (frequency(termId) > 0) found.push({ termId, whole: true });
    }
    for (const termId of this.abjadSpellings(term)) {
      if (frequency(termId) > 0 && !found.some((known) => known.termId === termId)) found.push({ termId, whole: true });
    }
    if (!unfinished) return found;
    const longer: Array<{ termId: number; count: number }> = [];
    for (const key of this.keysByStart.get(term.slice(0, MIN_PREFIX_LENGTH)) ?? []) {
      if (key.length <= term.length || !key.startsWith(term)) continue;
      for (const termId of this.termsByKey.get(key) ?? []) {
        const count = frequency(termId);
        if (count > 0) longer.push({ termId, count });
      }
    }
    longer.sort((a, b) => b.count - a.count || a.termId - b.termId);
    for (const { termId } of longer.slice(0, limit)) found.push({ termId, whole: false });
    return found;
  }

  /** Arabic and Hebrew terms that write the whole Latin word `term` (see `abjadWrites`). */
  private abjadSpellings(term: string): number[] {
    if (this.abjadTermsByFirstLetter.size === 0 || !/^[a-z]+$/.test(term)) return [];
    const found: number[] = [];
    for (const first of abjadFirstLetters(term)) {
      for (const [termId, abjad] of this.abjadTermsByFirstLetter.get(first) ?? []) {
        if (abjad.length <= term.length + 2 && abjadWrites(abjad, term)) found.push(termId);
      }
    }
    return found;
  }
}

/** The shortest query word matched as a key's beginning: the same as a key's shortest length. */
const MIN_PREFIX_LENGTH = 4;
