/**
 * A single-pass tokeniser for prose: words, numbers and single symbols with their offsets.
 * No regular expression spans more than one character, so time is linear in the input and no
 * input can make it backtrack. It reads the text by the one rule of `wordText`, as search,
 * topics and quote checks do: a soft hyphen does not split a word, `５０％` is `50%`, and a
 * minus sign U+2212 (or an en dash right before a digit) is `-`.
 */
import { originalEnd, originalStart, wordText } from '../text/wordText';


export type TokenKind = 'word' | 'number' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** As read by `wordText`: as in the text, but with every hyphen and minus `-` and look-alike letters and digits plain. */
  text: string;
  /** Lower case, curly apostrophes straightened. */
  lower: string;
  /** UTF-16 offsets into the tokenised text. */
  start: number;
  end: number;
  /** True when white space (or the start of the text) comes right before the token. */
  spaceBefore: boolean;
}

const letterPattern = /[\p{L}\p{M}]/u;
const digitPattern = /[0-9]/;
const spacePattern = /\s/u;

function isLetter(ch: string): boolean {
  return letterPattern.test(ch);
}

function isDigit(ch: string): boolean {
  return ch.length === 1 && digitPattern.test(ch);
}

function isApostrophe(ch: string): boolean {
  return ch === "'" || ch === '\u2019';
}

/** The whole character (a surrogate pair is one) at `index`. */
function charAt(text: string, index: number): string {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const next = text.charCodeAt(index + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return text.slice(index, index + 2);
  }
  return text.charAt(index);
}

/**
 * Splits text into tokens. Words keep inner apostrophes (`Russia's`); hyphens are their own
 * symbol tokens so that `10-year` yields a number and a word; numbers keep inner `,` and `.`
 * only when a digit follows (`5,000`, `5.4`, but `2021,` stops at the comma).
 * `maxTokens` bounds the work on huge input.
 */
export function tokenise(text: string, maxTokens = Number.POSITIVE_INFINITY): Token[] {
  const words = wordText(text);
  const tokens = tokeniseWordText(words.text, maxTokens);
  if (words.origin) {
    for (const token of tokens) {
      token.start = originalStart(words, token.start);
      token.end = originalEnd(words, token.end);
    }
  }
  return tokens;
}

function tokeniseWordText(text: string, maxTokens: number): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  let spaceBefore = true;
  while (index < text.length && tokens.length < maxTokens) {
    const ch = charAt(text, index);
    if (spacePattern.test(ch)) {
      spaceBefore = true;
      index += ch.length;
      continue;
    }
    const start = index;
    let kind: TokenKind;
    if (isDigit(ch)) {
      kind = 'number';
      index += 1;
      while (index < text.length) {
        const c = text.charAt(index);
        if (isDigit(c)) index += 1;
        else if ((c === ',' || c === '.') && isDigit(text.charAt(index + 1))) index += 2;
        else break;
      }
    } else if (isLetter(ch)) {
      kind = 'word';
      index += ch.length;
      while (index < text.length) {
        const c = charAt(text, index);
        if (isLetter(c)) index += c.length;
        else if (isApostrophe(c) && index + 1 < text.length && isLetter(charAt(text, index + 1))) index += 1;
        else break;
      }
    } else {
      kind = 'symbol';
      index += ch.length;
    }
    const tokenText = text.slice(start, index);
    tokens.push({
      kind,
      text: tokenText,
      lower: tokenText.toLowerCase().replace(/\u2019/g, "'"),
      start,
      end: index,
      spaceBefore,
    });
    spaceBefore = false;
  }
  return tokens;
}
