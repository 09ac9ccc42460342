/**
 * Finds index terms one edit away from a misspelt query word
 * ("afganistan" -> "afghanistan"), over the vocabulary rather than the passages.
 *
 * Candidates come from a bigram index of the vocabulary: one edit (insertion,
 * deletion, substitution or transposition of neighbours) changes at most three
 * of a word's bigrams, so a true neighbour shares all but three of them. Each
 * candidate is then checked with a bounded edit distance. This keeps memory
 * to one integer per vocabulary bigram, where a symmetric-delete dictionary
 * needs a string per deletion. Measured against fuse.js over the same
 * vocabulary (the other option): about 0.1 ms against 28 ms per look-up at
 * 21,000 terms (BENCHMARKS.md, "typo look-up alone").
 */
export class TypoNeighbours {
  private readonly postingsByBigram = new Map<string, number[]>();
  private terms: string[] = [];
  private counts = new Uint16Array(0);
  private indexedTermCount = 0;

  /** Indexes `terms[from..]`; call again with the same growing array to add more. */
  addTerms(terms: string[], from = this.indexedTermCount): void {
    this.terms = terms;
    for (let termId = from; termId < terms.length; termId++) {
      const term = terms[termId];
      if (term.length < MIN_TYPO_LENGTH - 1) {
        continue;
      }
      const seen = new Set<string>();
      for (let index = 0; index + 1 < term.length; index++) {
        const bigram = term.slice(index, index + 2);
        if (seen.has(bigram)) {
          continue;
        }
        seen.add(bigram);
        let postings = this.postingsByBigram.get(bigram);
        if (!postings) {
          postings = [];
          this.postingsByBigram.set(bigram, postings);
        }
        postings.push(termId);
      }
    }
    this.indexedTermCount = terms.length;
  }

  /**
   * Term ids within one edit of `word` (never `word` itself), for words of
   * at least five characters. `isLive` lets the caller skip terms whose
   * passages were all removed.
   */
  neighbours(word: string, isLive: (termId: number) => boolean, limit = 16): number[] {
    if (word.length < MIN_TYPO_LENGTH) {
      return [];
    }
    if (this.counts.length < this.terms.length) {
      this.counts = new Uint16Array(Math.max(this.terms.length, this.counts.length * 2));
    }
    const counts = this.counts;
    const touched: number[] = [];
    const bigrams = new Set<string>();
    for (let index = 0; index + 1 < word.length; index++) {
      bigrams.add(word.slice(index, index + 2));
    }
    for (const bigram of bigrams) {
      const postings = this.postingsByBigram.get(bigram);
      if (!postings) {
        continue;
      }
      for (let index = 0; index < postings.length; index++) {
        const termId = postings[index];
        if (counts[termId] === 0) {
          touched.push(termId);
        }
        counts[termId] += 1;
      }
    }
    const needed = Math.max(1, bigrams.size - 3);
    const found: number[] = [];
    for (const termId of touched) {
      const shared = counts[termId];
      counts[termId] = 0;
      if (shared < needed || found.length >= limit) {
        continue;
      }
      const term = this.terms[termId];
      if (Math.abs(term.length - word.length) > 1 || term === word) {
        continue;
      }
      if (isWithinOneEdit(word, term) && isLive(termId)) {
        found.push(termId);
      }
    }
    return found;
  }
}

/** Query words shorter than this are never corrected: too many short words are one edit apart. */
export const MIN_TYPO_LENGTH = 5;

/** True when `a` and `b` differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function isWithinOneEdit(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const lengthDifference = a.length - b.length;
  if (lengthDifference > 1 || lengthDifference < -1) {
    return false;
  }
  let prefix = 0;
  const shorter = Math.min(a.length, b.length);
  while (prefix < shorter && a.charCodeAt(prefix) === b.charCodeAt(prefix)) {
    prefix++;
  }
  let suffixA = a.length;
  let suffixB = b.length;
  while (suffixA > prefix && suffixB > prefix && a.charCodeAt(suffixA - 1) === b.charCodeAt(suffixB - 1)) {
    suffixA--;
    suffixB--;
  }
  const restA = suffixA - prefix;
  const restB = suffixB - prefix;
  if (restA <= 1 && restB <= 1) {
    return true;
  }
  return (
    restA === 2 &&
    restB === 2 &&
    a.charCodeAt(prefix) === b.charCodeAt(prefix + 1) &&
    a.charCodeAt(prefix + 1) === b.charCodeAt(prefix)
  );
}
