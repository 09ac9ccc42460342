import type { QuoteToken } from './quoteTokens';

/** The stretch of a passage's words that best matches a quote's words. */
export interface QuoteAlignment {
  /** Index of the first and last passage token of the match (inclusive). */
  firstToken: number;
  lastToken: number;
  /** Word-level edit distance (a near-identical word costs half). */
  distance: number;
  /** 1 - distance / the longer of the quote and the matched stretch; 1 is identical. */
  similarity: number;
}

/** Cost of putting word `a` where the source has word `b`: 0 if equal, 0.5 if one letter or an ending apart, else 1. */
function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  if (shorter.length >= 4 && longer.startsWith(shorter) && longer.length - shorter.length <= 3) return 0.5;
  if (shorter.length >= 4 && longer.length - shorter.length <= 1 && characterDistanceAtMostOne(a, b)) return 0.5;
  return 1;
}

function characterDistanceAtMostOne(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a.charAt(i) === b.charAt(j)) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Fitting alignment: the stretch of `passage` words with the smallest word-level edit distance
 * to the whole `quote` (free to start and end anywhere in the passage). O(quote x passage)
 * time, O(passage) memory per row plus the start pointers.
 */
export function alignQuote(quote: readonly QuoteToken[], passage: readonly QuoteToken[]): QuoteAlignment | undefined {
  const m = quote.length;
  const n = passage.length;
  if (m === 0 || n === 0) return undefined;
  let previous = new Float64Array(n + 1);
  let previousStart = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) previousStart[j] = j;
  for (let i = 1; i <= m; i++) {
    const current = new Float64Array(n + 1);
    const currentStart = new Int32Array(n + 1);
    current[0] = i;
    currentStart[0] = 0;
    for (let j = 1; j <= n; j++) {
      const diagonal = previous[j - 1] + substitutionCost(quote[i - 1].word, passage[j - 1].word);
      const skipQuoteWord = previous[j] + 1;
      const extraSourceWord = current[j - 1] + 1;
      if (diagonal <= skipQuoteWord && diagonal <= extraSourceWord) {
        current[j] = diagonal;
        currentStart[j] = previousStart[j - 1];
      } else if (skipQuoteWord <= extraSourceWord) {
        current[j] = skipQuoteWord;
        currentStart[j] = previousStart[j];
      } else {
        current[j] = extraSourceWord;
        currentStart[j] = currentStart[j - 1];
      }
    }
    previous = current;
    previousStart = currentStart;
  }
  let bestEnd = 1;
  for (let j = 2; j <= n; j++) if (previous[j] < previous[bestEnd]) bestEnd = j;
  const firstToken = Math.min(previousStart[bestEnd], bestEnd - 1);
  const lastToken = bestEnd - 1;
  const distance = previous[bestEnd];
  const matchedLength = lastToken - firstToken + 1;
  const similarity = Math.max(0, 1 - distance / Math.max(m, matchedLength));
  return { firstToken, lastToken, distance, similarity };
}
