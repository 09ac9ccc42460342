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

/** True when a blank line starts at `index` (a paragraph break ends any quote); returns where the white space after the line break ends otherwise. */
function paragraphBreakAt(text: string, index: number): { isBreak: boolean; next: number } {
  let next = index + 1;
  while (next < text.length && (text.charAt(next) === ' ' || text.charAt(next) === '\t' || text.charAt(next) === '\r')) next++;
  return { isBreak: text.charAt(next) === '\n', next };
}

/**
 * Where the next closing mark or paragraph break is, for positions that only move forward: each
 * answer is remembered until the position passes it, so the text is scanned once in all, however
 * many openers lack a closer.
 */
class ForwardScanner {
  private readonly nextMark = new Map<string, number>();
  private nextBreak = -1;

  constructor(private readonly text: string) {}

  /** The first `mark` at or after `from`, or Infinity. */
  mark(mark: string, from: number): number {
    let at = this.nextMark.get(mark);
    if (at === undefined || (at !== Infinity && at < from)) {
      const found = this.text.indexOf(mark, from);
      at = found < 0 ? Infinity : found;
      this.nextMark.set(mark, at);
    }
    return at;
  }

  /** The first paragraph break (a line break before a blank line) at or after `from`, or Infinity. */
  paragraphBreak(from: number): number {
    if (this.nextBreak >= from) return this.nextBreak;
    let search = from;
    for (;;) {
      const newline = this.text.indexOf('\n', search);
      if (newline < 0) {
        this.nextBreak = Infinity;
        break;
      }
      const { isBreak, next } = paragraphBreakAt(this.text, newline);
      if (isBreak) {
        this.nextBreak = newline;
        break;
      }
      search = next;
    }
    return this.nextBreak;
  }
}

/**
 * Finds the quotations in a draft: text between straight double quotes, curly double quotes
 * (“…”, „…“) or guillemets («…», »…«), not crossing a blank line. Quotes under `minWords`
 * words are ignored. Linear in the text however many marks lack a closer (each opener looks up
 * the next closer and paragraph break, remembered while they lie ahead); never throws.
 */
export function findQuotations(draftText: string, options: FindQuotationsOptions = {}): Quotation[] {
  const minWords = options.minWords ?? 4;
  const maxLength = options.maxLength ?? 3000;
  const quotations: Quotation[] = [];
  if (typeof draftText !== 'string') return quotations;
  const scanner = new ForwardScanner(draftText);
  let index = 0;
  while (index < draftText.length) {
    const closers = closersByOpener.get(draftText.charAt(index));
    if (!closers) {
      index++;
      continue;
    }
    const start = index + 1;
    let close = Infinity;
    for (const closer of closers) close = Math.min(close, scanner.mark(closer, start));
    if (close - start > maxLength || close >= draftText.length || scanner.paragraphBreak(start) < close) {
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
