import { addToBucket } from './growableArrays';
import { isUnspacedScriptTerm } from './searchTokens';

/**
 * Index terms of the scripts written without spaces that contain a query word or character.
 *
 * Thai, Lao, Khmer and Myanmar passages are cut by the word segmenter, whose dictionary keeps
 * some longer words whole (`ประเทศไทย`), so the query word `ไทย` and the passage word are different
 * terms: looking the query word up inside the vocabulary's words gives that recall back. For Han
 * and kana, indexed by pairs of characters (`searchTokens.ts`), it gives the pairs that hold a
 * one-character query word (`京` -> `北京`, `京市`). Terms are bucketed by each of their UTF-16
 * units; a look-up filters the smallest bucket among the query's units.
 */
export class ScriptWordInfixes {
  private readonly buckets = new Map<number, number[]>();
  private terms: string[] = [];
  private indexedTermCount = 0;

  /** Indexes `terms[from..]`; call again with the same growing array to add more. */
  addTerms(terms: string[], from = this.indexedTermCount): void {
    this.terms = terms;
    for (let termId = from; termId < terms.length; termId++) {
      const term = terms[termId];
      if (!isUnspacedScriptTerm(term)) {
        continue;
      }
      const seen = new Set<number>();
      for (let index = 0; index < term.length; index++) {
        const code = term.charCodeAt(index);
        if (seen.has(code)) continue;
        seen.add(code);
        addToBucket(this.buckets, code, termId);
      }
    }
    this.indexedTermCount = terms.length;
  }

  /**
   * Up to `limit` live terms longer than `word` that contain it, the most frequent first
   * (`frequency` gives a term's passage count; 0 = gone). Empty for words of other scripts and
   * for words too short to mean much inside another word (see `minInfixLength`).
   */
  containing(word: string, frequency: (termId: number) => number, limit = 16): number[] {
    if (!isUnspacedScriptTerm(word) || word.length < minInfixLength(word)) {
      return [];
    }
    return this.termsHolding(word, frequency, limit);
  }

  /**
   * Up to `limit` live terms that hold `character` (one code point) and are longer than it, the
   * most frequent first: the pairs of characters the index keeps for Han and kana that stand for
   * a one-character query word (`京` -> `北京`, `京市`, `京城` ...).
   */
  holding(character: string, frequency: (termId: number) => number, limit: number): number[] {
    return isUnspacedScriptTerm(character) ? this.termsHolding(character, frequency, limit) : [];
  }

  private termsHolding(word: string, frequency: (termId: number) => number, limit: number): number[] {
    let smallest: number[] | undefined;
    for (let index = 0; index < word.length; index++) {
      const bucket = this.buckets.get(word.charCodeAt(index));
      if (!bucket) return [];
      if (!smallest || bucket.length < smallest.length) smallest = bucket;
    }
    const found: Array<{ termId: number; count: number }> = [];
    for (const termId of smallest ?? []) {
      const term = this.terms[termId];
      if (term.length > word.length && term.includes(word)) {
        const count = frequency(termId);
        if (count > 0) found.push({ termId, count });
      }
    }
    return found
      .sort((a, b) => b.count - a.count || a.termId - b.termId)
      .slice(0, limit)
      .map(({ termId }) => termId);
  }
}

/**
 * Two characters for ideographs and kana (`人権`, `自由`: most Chinese and Japanese words are two
 * characters); three for the alphabetic scripts (Thai, Lao, Khmer, Myanmar), whose letters alone
 * or in pairs sit inside too many words.
 */
function minInfixLength(word: string): number {
  const code = word.charCodeAt(0);
  return code < 0x2e80 ? 3 : 2;
}
