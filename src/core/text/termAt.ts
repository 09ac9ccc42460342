import { forEachUnspacedWord, isUnspacedScriptUnit, unspacedRunEnd } from './unspacedWords';
import { originalEnd, originalStart, wordText } from './wordText';

/** A span of a line, in UTF-16 offsets of the line as written. */
export interface TermRange {
  start: number;
  end: number;
}

const letterDigitOrMark = /[\p{L}\p{N}\p{M}]/u;

function isWordCharacter(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (code >= 0xdc00 && code <= 0xdfff) return index > 0 && letterDigitOrMark.test(text.slice(index - 1, index + 1));
  if (code >= 0xd800 && code <= 0xdbff) return letterDigitOrMark.test(text.slice(index, index + 2));
  return letterDigitOrMark.test(text.charAt(index));
}

/** Hyphens, apostrophes and `+` hold a term together when a word character stands on both sides (`S-400`, `Putin’s`, `2+2`). */
function isInnerJoiner(code: number): boolean {
  return code === 0x2d || code === 0x27 || code === 0x2019 || code === 0x2b;
}

/**
 * The term under the cursor at `offset` of a line (for Search Sources and topic completion): a
 * run of letters, digits and marks, held together by inner hyphens, apostrophes and `+`, read by
 * the one rule of `wordText` (so `S‑400` with a non-breaking hyphen and a word with a soft hyphen
 * inside are one term). In a script written without spaces (Chinese, Japanese, Thai...) the term
 * is the word the segmenter cuts from the run under the cursor (see `unspacedWords`): `人権` of
 * `基本的人権を`, as the search index cuts it. A cursor just after the term still counts. Offsets
 * are into `line`.
 */
export function termRangeAt(line: string, offset: number): TermRange | undefined {
  if (offset < 0 || offset > line.length) return undefined;
  const words = wordText(line);
  const text = words.text;
  let at = offset;
  if (words.origin) {
    at = 0;
    while (at < text.length && originalStart(words, at) < offset) at++;
  }
  if (!isWordCharacter(text, at)) {
    if (!isWordCharacter(text, at - 1)) return undefined;
    at--;
  }
  if (isUnspacedScriptUnit(text.charCodeAt(at)) || (text.charCodeAt(at) >= 0xdc00 && text.charCodeAt(at) <= 0xdfff && isUnspacedScriptUnit(text.charCodeAt(at - 1)))) {
    const word = unspacedWordAt(text, at);
    return { start: originalStart(words, word.start), end: originalEnd(words, word.end) };
  }
  let start = at;
  for (;;) {
    while (isWordCharacter(text, start - 1)) start--;
    if (isInnerJoiner(text.charCodeAt(start - 1)) && isWordCharacter(text, start - 2)) {
      start -= 2;
      continue;
    }
    break;
  }
  let end = at + 1;
  for (;;) {
    while (isWordCharacter(text, end)) end++;
    if (isInnerJoiner(text.charCodeAt(end)) && isWordCharacter(text, end + 1)) {
      end += 2;
      continue;
    }
    break;
  }
  return { start: originalStart(words, start), end: originalEnd(words, end) };
}

/** The segmenter's word of the unspaced-script run that contains unit `at` (the run itself where no word covers `at`). */
function unspacedWordAt(text: string, at: number): TermRange {
  let runStart = at;
  while (runStart > 0 && isUnspacedScriptUnit(text.charCodeAt(runStart - 1))) runStart--;
  if (text.charCodeAt(runStart) >= 0xdc00 && text.charCodeAt(runStart) <= 0xdfff) runStart++;
  const runEnd = unspacedRunEnd(text, runStart);
  let found: TermRange | undefined;
  forEachUnspacedWord(text, runStart, runEnd, (from, to) => {
    if (!found && from <= at && at < to) found = { start: from, end: to };
  });
  return found ?? { start: runStart, end: Math.max(runEnd, at + 1) };
}
