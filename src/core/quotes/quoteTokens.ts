/** A word of folded text (see `foldText`), with its offsets in that folded text. */
export interface QuoteToken {
  word: string;
  start: number;
  end: number;
}

const otherWordChar = /[\p{L}\p{M}\p{N}]/u;

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Width (1 or 2) of the word character at `index`, or 0 when it is not one. ASCII takes a fast path. */
function wordCharWidth(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isAsciiDigit(code) ? 1 : 0;
  const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  return otherWordChar.test(text.slice(index, index + width)) ? width : 0;
}

/** Words and numbers of folded text; inner apostrophes stay inside words (`russia's`), and `.`/`,` between digits inside numbers (`5.4`). Linear. */
export function quoteTokens(folded: string, maxTokens = Number.POSITIVE_INFINITY): QuoteToken[] {
  const tokens: QuoteToken[] = [];
  let index = 0;
  while (index < folded.length && tokens.length < maxTokens) {
    const width = wordCharWidth(folded, index);
    if (width === 0) {
      index++;
      continue;
    }
    const start = index;
    index += width;
    while (index < folded.length) {
      const next = wordCharWidth(folded, index);
      if (next > 0) {
        index += next;
        continue;
      }
      const code = folded.charCodeAt(index);
      const following = index + 1 < folded.length ? wordCharWidth(folded, index + 1) : 0;
      const joinsWord = code === 39 && following > 0;
      const joinsNumber = (code === 46 || code === 44) && isAsciiDigit(folded.charCodeAt(index - 1)) && isAsciiDigit(folded.charCodeAt(index + 1));
      if (!joinsWord && !joinsNumber) break;
      index += 1;
    }
    tokens.push({ word: folded.slice(start, index), start, end: index });
  }
  return tokens;
}
