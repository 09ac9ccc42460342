import { addToBucket } from './growableArrays';

/**
 * Index terms that start with what the writer is still typing ("afgh" ->
 * afghan, afghanistan), so results appear before the last word is complete.
 * Terms are bucketed by their first three characters; a bucket is small
 * enough to filter on every keystroke.
 */
export class TermCompletions {
  private readonly buckets = new Map<string, number[]>();
  private terms: string[] = [];
  private indexedTermCount = 0;

  /** Indexes `terms[from..]`; call again with the same growing array to add more. */
  addTerms(terms: string[], from = this.indexedTermCount): void {
    this.terms = terms;
    for (let termId = from; termId < terms.length; termId++) {
      const term = terms[termId];
      if (term.length <= MIN_PREFIX_LENGTH) {
        continue;
      }
      addToBucket(this.buckets, term.slice(0, MIN_PREFIX_LENGTH), termId);
    }
    this.indexedTermCount = terms.length;
  }

  /**
   * Up to `limit` live terms longer than `prefix` that start with it, the
   * most frequent first (`frequency` gives a term's passage count; 0 = gone).
   */
  complete(prefix: string, frequency: (termId: number) => number, limit = 8): number[] {
    if (prefix.length < MIN_PREFIX_LENGTH) {
      return [];
    }
    const bucket = this.buckets.get(prefix.slice(0, MIN_PREFIX_LENGTH)) ?? [];
    const found: Array<{ termId: number; count: number }> = [];
    for (const termId of bucket) {
      const term = this.terms[termId];
      if (term.length > prefix.length && term.startsWith(prefix)) {
        const count = frequency(termId);
        if (count > 0) {
          found.push({ termId, count });
        }
      }
    }
    return found
      .sort((a, b) => b.count - a.count || a.termId - b.termId)
      .slice(0, limit)
      .map(({ termId }) => termId);
  }
}

/** Shorter beginnings match too much to be useful. */
export const MIN_PREFIX_LENGTH = 3;
