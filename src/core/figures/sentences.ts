import type { Token } from './tokenise';

/** A sentence as a run of tokens: `tokens[first..last]`, and its offsets in the text. */
export interface SentenceBounds {
  start: number;
  end: number;
  firstToken: number;
  /** Inclusive. */
  lastToken: number;
}

/** Words after which a full stop does not end a sentence. */
const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep',
  'jr', 'sr', 'vs', 'etc', 'no', 'nos', 'inc', 'ltd', 'co', 'corp', 'rs', 'approx', 'est', 'fig',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

const closers = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '\u00bb']);

/**
 * Sentence boundaries: `.`, `!`, `?` (and `…`) end a sentence unless the next word starts in
 * lower case, the dot follows a known abbreviation or a single letter (`U.S.`), or nothing but
 * closing quotes follow before the next token.
 */
export function splitSentences(tokens: readonly Token[]): SentenceBounds[] {
  const sentences: SentenceBounds[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'symbol' || !(token.text === '.' || token.text === '!' || token.text === '?' || token.text === '\u2026')) continue;
    let last = i;
    while (last + 1 < tokens.length && tokens[last + 1].kind === 'symbol' && closers.has(tokens[last + 1].text) && !tokens[last + 1].spaceBefore) last++;
    const next = tokens[last + 1];
    if (next && !next.spaceBefore) continue;
    if (token.text === '.') {
      const previous = tokens[i - 1];
      if (previous && previous.kind === 'word' && !token.spaceBefore) {
        if (abbreviations.has(previous.lower)) continue;
        if (previous.text.length === 1 && previous.text.toUpperCase() === previous.text) continue;
      }
      if (next && next.kind === 'word' && next.text.charAt(0) !== next.text.charAt(0).toUpperCase()) continue;
    }
    sentences.push({ start: tokens[first].start, end: tokens[last].end, firstToken: first, lastToken: last });
    first = last + 1;
    i = last;
  }
  if (first < tokens.length) {
    sentences.push({ start: tokens[first].start, end: tokens[tokens.length - 1].end, firstToken: first, lastToken: tokens.length - 1 });
  }
  return sentences;
}
