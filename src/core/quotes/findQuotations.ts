/** A quotation in a draft: the words between the quote marks, with their offsets in the draft. */
export interface Quotation {
  /** UTF-16 offset of the first quoted character (after the opening mark). */
  start: number;
  /** UTF-16 offset just past the last quoted character (before the closing mark). */
  end: number;
  text: string;
}

/** Closing marks each opening mark accepts. Straight quotes close themselves; German „ closes with “ or ”. */
const closersByOpener: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['\u201c', '\u201d"'],
  ['\u201e', '\u201c\u201d'],
  ['\u00ab', '\u00bb'],
  ['\u00bb', '\u00ab'],
]);

/** Options for `findQuotations`. */
export interface FindQuotationsOptions {
  /** Quotes with fewer words are ignored (default 4): short ones are names and scare quotes. */
  minWords?: number;
  /** A quote longer than this is taken for an unclosed mark and skipped (default 3,000 characters). */
  maxLength?: number;
}

function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (const ch of text) {
    const isWordChar = /[\p{L}\p{N}]/u.test(ch);
    if (isWordChar && !inWord) words++;
    inWord = isWordChar;
  }
  return words;
}

/** True when a blank line starts at `index` (a paragraph break ends any quote). */
function isParagraphBreak(text: string, index: number): boolean {
  if (text.charAt(index) !== '\n') return false;
  let next = index + 1;
  while (next < text.length && (text.charAt(next) === ' ' || text.charAt(next) === '\t' || text.charAt(next) === '\r')) next++;
  return text.charAt(next) === '\n';
}

/**
 * Finds the quotations in a draft: text between straight double quotes, curly double quotes
 * (“…”, „…“) or guillemets («…», »…«), not crossing a blank line. Quotes under `minWords`
 * words are ignored. One pass over the text; never throws.
 */
export function findQuotations(draftText: string, options: FindQuotationsOptions = {}): Quotation[] {
  const minWords = options.minWords ?? 4;
  const maxLength = options.maxLength ?? 3000;
  const quotations: Quotation[] = [];
  if (typeof draftText !== 'string') return quotations;
  let index = 0;
  while (index < draftText.length) {
    const closers = closersByOpener.get(draftText.charAt(index));
    if (!closers) {
      index++;
      continue;
    }
    const start = index + 1;
    let close = start;
    let found = false;
    while (close < draftText.length && close - start <= maxLength) {
      if (closers.includes(draftText.charAt(close))) {
        found = true;
        break;
      }
      if (isParagraphBreak(draftText, close)) break;
      close++;
    }
    if (!found) {
      index = start;
      continue;
    }
    const inner = draftText.slice(start, close);
    let innerStart = start;
    let innerEnd = close;
    while (innerStart < innerEnd && /\s/.test(draftText.charAt(innerStart))) innerStart++;
    while (innerEnd > innerStart && /\s/.test(draftText.charAt(innerEnd - 1))) innerEnd--;
    if (countWords(inner) >= minWords) quotations.push({ start: innerStart, end: innerEnd, text: draftText.slice(innerStart, innerEnd) });
    index = close + 1;
  }
  return quotations;
}
