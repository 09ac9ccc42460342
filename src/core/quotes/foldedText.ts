/**
 * Text folded for comparing quotes: lower case, every quote mark straight, dashes plain, runs
 * of white space one space, invisible characters gone. Keeps, for each folded character, the
 * offset of the original character it came from, so a match maps back to the source's exact words.
 */
export interface FoldedText {
  text: string;
  /** `origin[i]` is the offset in the original text where the character behind folded character `i` starts. */
  origin: number[];
  /** `originEnd[i]` is where that original character ends. */
  originEnd: number[];
}

const foldedChars: ReadonlyMap<string, string> = new Map([
  ['\u201c', '"'], ['\u201d', '"'], ['\u201e', '"'], ['\u201f', '"'], ['\u00ab', '"'], ['\u00bb', '"'],
  ['\u2018', "'"], ['\u2019', "'"], ['\u201a', "'"], ['\u201b', "'"], ['\u2032', "'"], ['`', "'"],
  ['\u2013', '-'], ['\u2014', '-'], ['\u2012', '-'], ['\u2212', '-'], ['\u2010', '-'], ['\u2011', '-'],
  ['\u2026', '...'],
]);

const invisible = new Set(['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);

/** Folds `text` (see `FoldedText`). Linear in the length. */
export function foldText(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  const originEnd: number[] = [];
  let pendingSpace = false;
  let index = 0;
  for (const ch of text) {
    const start = index;
    index += ch.length;
    if (invisible.has(ch)) continue;
    if (/\s/.test(ch)) {
      pendingSpace = folded.length > 0;
      continue;
    }
    if (pendingSpace) {
      folded += ' ';
      origin.push(start);
      originEnd.push(start);
      pendingSpace = false;
    }
    const replacement = foldedChars.get(ch) ?? ch.toLowerCase();
    folded += replacement;
    for (let k = 0; k < replacement.length; k++) {
      origin.push(start);
      originEnd.push(index);
    }
  }
  return { text: folded, origin, originEnd };
}

/** The original text offsets behind folded characters `[start, end)`. */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  if (folded.origin.length === 0) return { start: 0, end: 0 };
  const first = Math.min(Math.max(start, 0), folded.origin.length - 1);
  const last = Math.min(Math.max(end - 1, first), folded.origin.length - 1);
  return { start: folded.origin[first], end: folded.originEnd[last] };
}
