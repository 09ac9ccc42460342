import { foldCharacter, originalEnd, originalStart, wordText, type WordText } from '../text/wordText';

/**
 * Text folded for comparing quotes: read by the one rule of `wordText` (invisible characters
 * gone, every joining dash `-`, look-alike letters plain), each character folded by
 * `foldCharacter` (lower case, no accents), as search and topics fold words; besides, every quote
 * mark straight, every dash plain, runs of white space one space. Keeps, for each folded
 * character, the offsets of the original character it came from, so a match maps back to the
 * source's exact words.
 */
export interface FoldedText {
  text: string;
  /** `origin[i]` is the offset in the original text where the character behind folded character `i` starts. */
  origin: Int32Array;
  /** `originEnd[i]` is where that original character ends. */
  originEnd: Int32Array;
}

const foldedChars: ReadonlyMap<string, string> = new Map([
  ['\u201c', '"'], ['\u201d', '"'], ['\u201e', '"'], ['\u201f', '"'], ['\u00ab', '"'], ['\u00bb', '"'],
  ['\u2018', "'"], ['\u2019', "'"], ['\u201a', "'"], ['\u201b', "'"], ['\u2032', "'"], ['`', "'"],
  ['\u2013', '-'], ['\u2014', '-'], ['\u2012', '-'], ['\u2212', '-'], ['\u2010', '-'], ['\u2011', '-'],
  ['\u2026', '...'],
]);

const otherSpace = /\s/u;

function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** Folds `text` (see `FoldedText`). Linear in the length; plain ASCII takes a fast path. */
export function foldText(text: string): FoldedText {
  return fold(text, true) as FoldedText;
}

/** The folded text alone, without offsets (for building an index). */
export function foldTextOnly(text: string): string {
  return fold(text, false).text;
}

function fold(original: string, trackOrigins: boolean): { text: string; origin?: Int32Array; originEnd?: Int32Array } {
  const words = wordText(original);
  const folded = foldWordText(words.text, trackOrigins);
  if (!trackOrigins || !words.origin || !folded.origin || !folded.originEnd) return folded;
  return { text: folded.text, ...originsInOriginal(words, folded.origin, folded.originEnd) };
}

/** Offsets into the word text as offsets into the original it was read from; a collapsed space (start = end) stays empty. */
function originsInOriginal(words: WordText, origin: Int32Array, originEnd: Int32Array): { origin: Int32Array; originEnd: Int32Array } {
  const starts = new Int32Array(origin.length);
  const ends = new Int32Array(origin.length);
  for (let index = 0; index < origin.length; index++) {
    starts[index] = originalStart(words, origin[index]);
    ends[index] = originEnd[index] === origin[index] ? starts[index] : originalEnd(words, originEnd[index]);
  }
  return { origin: starts, originEnd: ends };
}

function foldWordText(text: string, trackOrigins: boolean): { text: string; origin?: Int32Array; originEnd?: Int32Array } {
  const parts: string[] = [];
  let capacity = trackOrigins ? text.length + 16 : 0;
  let origin = new Int32Array(capacity);
  let originEnd = new Int32Array(capacity);
  let length = 0;
  let pendingSpace = false;
  const push = (piece: string, start: number, end: number): void => {
    parts.push(piece);
    if (!trackOrigins) {
      length += piece.length;
      return;
    }
    if (length + piece.length > capacity) {
      capacity = (length + piece.length) * 2;
      const grownOrigin = new Int32Array(capacity);
      const grownEnd = new Int32Array(capacity);
      grownOrigin.set(origin.subarray(0, length));
      grownEnd.set(originEnd.subarray(0, length));
      origin = grownOrigin;
      originEnd = grownEnd;
    }
    for (let k = 0; k < piece.length; k++) {
      origin[length] = start;
      originEnd[length] = end;
      length++;
    }
  };
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code < 128) {
      if (isAsciiSpace(code)) {
        pendingSpace = length > 0;
        index++;
        continue;
      }
      if (pendingSpace) {
        push(' ', index, index);
        pendingSpace = false;
      }
      const ch = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code === 96 ? "'" : text.charAt(index);
      push(ch, index, index + 1);
      index++;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
    const ch = text.slice(index, index + width);
    const start = index;
    index += width;
    if (otherSpace.test(ch)) {
      pendingSpace = length > 0;
      continue;
    }
    if (pendingSpace) {
      push(' ', start, start);
      pendingSpace = false;
    }
    push(foldedChars.get(ch) ?? foldCharacter(ch), start, index);
  }
  const folded = parts.join('');
  return trackOrigins ? { text: folded, origin: origin.subarray(0, length), originEnd: originEnd.subarray(0, length) } : { text: folded };
}

/** The original text offsets behind folded characters `[start, end)`. */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  if (folded.origin.length === 0) return { start: 0, end: 0 };
  const first = Math.min(Math.max(start, 0), folded.origin.length - 1);
  const last = Math.min(Math.max(end - 1, first), folded.origin.length - 1);
  return { start: folded.origin[first], end: folded.originEnd[last] };
}
