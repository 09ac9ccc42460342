/** A word of folded text (see `foldText`), with its offsets in that folded text. */
export interface QuoteToken {
  word: string;
  start: number;
  end: number;
}

const wordChar = /[\p{L}\p{M}\p{N}]/u;

/** Words and numbers of folded text; inner apostrophes, dots and commas between digits stay inside (`russia's`, `5.4`). Linear. */
export function quoteTokens(folded: string, maxTokens = Number.POSITIVE_INFINITY): QuoteToken[] {
  const tokens: QuoteToken[] = [];
  let index = 0;
  while (index < folded.length && tokens.length < maxTokens) {
    const code = folded.charCodeAt(index);
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    if (!wordChar.test(folded.slice(index, index + width))) {
      index += width;
      continue;
    }
    const start = index;
    index += width;
    while (index < folded.length) {
      const c = folded.charAt(index);
      const w = folded.charCodeAt(index) >= 0xd800 && folded.charCodeAt(index) <= 0xdbff ? 2 : 1;
      if (wordChar.test(folded.slice(index, index + w))) {
        index += w;
      } else if ((c === "'" || c === '.' || c === ',') && index + 1 < folded.length && wordChar.test(folded.charAt(index + 1))
        && (c === "'" || (/[0-9]/.test(folded.charAt(index - 1)) && /[0-9]/.test(folded.charAt(index + 1))))) {
        index += 1;
      } else {
        break;
      }
    }
    tokens.push({ word: folded.slice(start, index), start, end: index });
  }
  return tokens;
}
