/**
 * How passage text and queries become index terms.
 *
 * Text is read by the one rule of `wordText` (invisible characters gone, every hyphen `-`,
 * look-alike letters plain), and words are folded by its `foldWord`, as topics and quote checks
 * read them. A term is a run of letters and digits, lower-cased, with accents folded
 * (`Jaishankar` = `jaishankar`, `Café` = `cafe`), apostrophes dropped and a
 * possessive `'s` removed, then lightly stemmed with the "S-stemmer" (plural
 * endings only: `missiles` = `missile`, `policies` = `policy`). Heavier
 * stemming (Porter) conflates too much for names and codes, and writers
 * search for names and codes far more than for inflected verbs. Measured
 * against no stemming on the State of the Union corpus: 14% fewer terms
 * (21,249 vs 24,796), the same number of postings, and of the ranking tests
 * only the plural one ("missiles" -> "missile system") changes: it fails
 * without stemming.
 *
 * Weapon and product codes are single terms whatever the punctuation:
 * `S-400`, `S400` and (in the text, upper-case only) `S 400` all become
 * `s400`; likewise `AK-203`, `Covid-19`, `G20`.
 *
 * Scripts written without spaces between words (Chinese, Japanese kanji and kana, Thai, Lao,
 * Khmer, Myanmar) are cut into words by `Intl.Segmenter` (ICU's dictionary word breaks): a run
 * of such characters is one stretch of text for the segmenter, and each word-like segment is a
 * term as written (no case, accents or stemming to fold). Passages and queries go through the
 * same cut, so `人権` is a term of `基本的人権の尊重` (基本 / 的 / 人権 / の / 尊重). Where the
 * dictionary keeps a longer word whole (`自由化`, `中国人`), the index finds it by what it
 * contains (`passageIndex.ts`, `ScriptWordInfixes`). Latin text never reaches the segmenter.
 *
 * The search index reads Han and kana another way (`HanAndKanaCut` `'pairs'`): ICU's dictionary
 * costs 0.5–0.9 µs a character, about fifty times the whole Latin scan, so passages are not
 * segmented at all. A run of Han and kana becomes its overlapping pairs of characters
 * (`基本的人権` -> `基本`, `本的`, `的人`, `人権`), a run of one character that character. A
 * query word (still the segmenter's) of two characters is then one index term, a longer one the
 * sequence of its pairs, and a one-character word is checked by the segmenter where the
 * character stands (`passageIndex.ts`). Thai, Lao, Khmer and Myanmar are always segmented.
 * Either way, traditional Chinese characters read as their simplified forms (`國家` is `国家`;
 * see `chineseVariants.ts`), one for one, so spans stay on the original characters.
 */

import { forEachUnspacedWord, hanOrKanaUnitTable, isHanOrKanaUnit, isUnspacedScriptUnit, unspacedRunEnd } from '../text/unspacedWords';
import { simplifiedUnit, simplifiedUnitTable } from '../text/chineseVariants';
import { foldWord, mayChange, mayChangeTerms, originalEnd, originalStart, wordText } from '../text/wordText';

export { foldWord, isHanOrKanaUnit, isUnspacedScriptUnit };

/** Called once per term, with the UTF-16 span of the source text it came from. */
export type TermSink = (term: string, start: number, end: number) => void;

/** Whether a short code followed by a space and digits (`S 400`) is joined into one term. */
export type SpacedCodeJoining = 'upper-case-only' | 'always';

const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const HYPHEN = 0x2d;
const SPACE = 0x20;
const MAX_TERM_LENGTH = 64;
const MAX_SPACED_CODE_PREFIX = 3;

const letterOrDigitPattern = /[\p{L}\p{N}\p{M}]/u;

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * How a run of Han and kana becomes terms: `'words'`, the segmenter's words (queries, topics,
 * tests); `'pairs'`, its overlapping pairs of characters, or the character of a one-character run
 * (the search index; see the module comment).
 */
export type HanAndKanaCut = 'words' | 'pairs';

/** Whether `term` is Han or kana (its first unit tells). */
export function isHanOrKanaTerm(term: string): boolean {
  return term.length > 0 && isHanOrKanaUnit(term.charCodeAt(0));
}

/** The index terms of a Han or kana word: its overlapping pairs of characters, or the word itself when it is one character. */
export function hanAndKanaPairs(word: string): string[] {
  const pairs: string[] = [];
  forEachPair(word, 0, word.length, (from, to) => pairs.push(word.slice(from, to)));
  return pairs;
}

/** Calls `visit` with each pair of characters of `text[start, end)` (code points), or with the whole span when it is one character. */
function forEachPair(text: string, start: number, end: number, visit: (from: number, to: number) => void): void {
  let first = start;
  let second = first + unitWidth(text, first, end);
  if (second >= end) {
    if (end > start) visit(start, end);
    return;
  }
  while (second < end) {
    const third = second + unitWidth(text, second, end);
    visit(first, third);
    first = second;
    second = third;
  }
}

/**
 * Sends each pair of characters of the Han and kana run that starts at `start` to `sink` (the
 * character alone when the run has one), and returns the run's end. Written out, without
 * callbacks: it runs over every character of a Chinese or Japanese corpus.
 */
function scanHanAndKanaPairs(text: string, start: number, sink: TermCodeSink, pairSink: PairKeySink | undefined): number {
  const length = text.length;
  let first = start;
  let firstWidth = unitWidth(text, first, length);
  let second = first + firstWidth;
  if (second >= length || !isHanOrKanaUnit(text.charCodeAt(second))) {
    emitAsWritten(text, first, second, sink);
    return second;
  }
  // Each character is folded once, and a pair of two plain units goes out as one number.
  const hanOrKana = hanOrKanaUnitTable();
  const simplifiedUnits = simplifiedUnitTable();
  let previous = firstWidth === 1 ? simplifiedUnit(text.charCodeAt(first)) : -1;
  while (second < length && hanOrKana[text.charCodeAt(second)] === 1) {
    let code = text.charCodeAt(second);
    if (pairSink !== undefined && previous >= 0 && (code < 0xd800 || code > 0xdfff)) {
      // The plain units of the run, as tight as it gets: most characters of a Chinese or Japanese corpus pass here.
      for (;;) {
        const simplified = simplifiedUnits[code] || code;
        pairSink(((previous << 16) | simplified) >>> 0);
        previous = simplified;
        second++;
        if (second >= length) break;
        code = text.charCodeAt(second);
        if (hanOrKana[code] !== 1 || (code >= 0xd800 && code <= 0xdfff)) break;
      }
      first = second - 1;
      firstWidth = 1;
      continue;
    }
    const secondWidth = unitWidth(text, second, length);
    const end = second + secondWidth;
    previous = secondWidth === 1 ? simplifiedUnit(code) : -1;
    for (let index = first; index < end; index++) termBuffer[index - first] = simplifiedUnit(text.charCodeAt(index));
    sink(termBuffer, end - first, first, end);
    first = second;
    firstWidth = secondWidth;
    second = end;
  }
  return second;
}

/** 2 for a surrogate pair starting at `index`, else 1. */
function unitWidth(text: string, index: number, end: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < end ? 2 : 1;
}

/** Per UTF-16 unit outside ASCII, Han and kana: 1 when it is a letter, digit or mark (part of a word), 2 when not, 0 not yet known. */
const wordUnitKinds = new Uint8Array(65536);

/**
 * For text whose only terms are Han and kana pairs or characters (no Latin or other letters or
 * digits, no other unspaced script, no surrogates, nothing `wordText` changes), the number of
 * terms that start before each unit: `positions[at]` is the position `scanTerms` gives the term
 * starting at `at` (with `'pairs'`). Undefined for any other text, which `scanTerms` must read
 * (and for text whose Han or kana `wordText` changes, so the passage's own characters are its terms' characters).
 * Lets search find Han and kana query words in a passage by `indexOf` and still know their
 * positions, without cutting the passage into pairs.
 */
export function hanAndKanaTermPositions(text: string): Int32Array | undefined {
  // `wordText` may make look-alikes plain (a full-width comma a comma) without moving anything: the terms are those of its text.
  const read = mayChangeTerms(text) ? wordText(text) : undefined;
  if (read?.origin || (read && read.text.length !== text.length)) return undefined;
  const words = read ? read.text : text;
  const changed = words !== text;
  const length = words.length;
  const positions = new Int32Array(length + 1);
  let count = 0;
  let previousHan = false;
  let han = length > 0 && isHanOrKanaUnit(words.charCodeAt(0));
  for (let index = 0; index < length; index++) {
    const code = words.charCodeAt(index);
    const nextHan = index + 1 < length && isHanOrKanaUnit(words.charCodeAt(index + 1));
    positions[index] = count;
    if (changed && code !== text.charCodeAt(index) && (han || isHanOrKanaUnit(text.charCodeAt(index)))) return undefined;
    if (han) {
      if (code >= 0xd800 && code <= 0xdfff) return undefined;
      if (nextHan || !previousHan) count++;
    } else if (code < 0x80) {
      if (isAsciiAlphanumeric(code)) return undefined;
    } else {
      if ((code >= 0xd800 && code <= 0xdfff) || isUnspacedScriptUnit(code)) return undefined;
      let kind = wordUnitKinds[code];
      if (kind === 0) wordUnitKinds[code] = kind = letterOrDigitPattern.test(words[index]) ? 1 : 2;
      if (kind === 1) return undefined;
    }
    previousHan = han;
    han = nextHan;
  }
  positions[length] = count;
  return positions;
}

/** How search reads a passage's Han and kana (`hanAndKanaReading`): its only terms are Han and kana, found by `indexOf`, positions by a count; … */
export const HAN_AND_KANA_TERMS_ONLY = 1;
/** … its Han and kana are in place among other terms (found by `indexOf`, positions by a scan); … */
export const HAN_AND_KANA_IN_PLACE = 2;
/** … or its terms must be scanned. */
export const HAN_AND_KANA_SCANNED = 3;
/** The bits of the three above. */
export const HAN_AND_KANA_READING = 3;
/** A flag beside them: the text has traditional Chinese characters (`simplifiedUnit` changes them). */
export const HAS_TRADITIONAL_CHARACTERS = 4;

/**
 * How search can read the Han and kana of `text`: `HAN_AND_KANA_TERMS_ONLY` where
 * `hanAndKanaTermPositions` gives positions, else `HAN_AND_KANA_IN_PLACE` where
 * `hanAndKanaReadInPlace`, else `HAN_AND_KANA_SCANNED`; with `HAS_TRADITIONAL_CHARACTERS` when
 * `toSimplified` would change it. One pass over a text with no character that may change a term
 * (most Chinese and Japanese), the functions named for the rest.
 */
export function hanAndKanaReading(text: string): number {
  const simplified = simplifiedUnitTable();
  if (mayChangeTerms(text)) {
    let traditional = false;
    for (let index = 0; index < text.length && !traditional; index++) {
      const code = text.charCodeAt(index);
      traditional = code >= 0x3400 && simplified[code] !== 0;
    }
    const reading = hanAndKanaTermPositions(text) ? HAN_AND_KANA_TERMS_ONLY : hanAndKanaReadInPlace(text) ? HAN_AND_KANA_IN_PLACE : HAN_AND_KANA_SCANNED;
    return reading | (traditional ? HAS_TRADITIONAL_CHARACTERS : 0);
  }
  const hanOrKana = hanOrKanaUnitTable();
  let termsOnly = true;
  let traditional = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (hanOrKana[code] === 1) {
      if (code >= 0x3400 && simplified[code] !== 0) traditional = true;
    } else if (code < 0x80) {
      if (isAsciiAlphanumeric(code)) termsOnly = false;
    } else if (termsOnly) {
      if (isUnspacedScriptUnit(code)) termsOnly = false;
      else {
        let kind = wordUnitKinds[code];
        if (kind === 0) wordUnitKinds[code] = kind = letterOrDigitPattern.test(text[index]) ? 1 : 2;
        if (kind === 1) termsOnly = false;
      }
    }
  }
  return (termsOnly ? HAN_AND_KANA_TERMS_ONLY : HAN_AND_KANA_IN_PLACE) | (traditional ? HAS_TRADITIONAL_CHARACTERS : 0);
}

/**
 * `hanAndKanaTermPositions` into `positions` (at least `text.length + 1` long), for text it gave
 * positions for: the count depends only on which units are Han or kana, so it needs no checks.
 */
export function fillHanAndKanaTermPositions(text: string, positions: Int32Array): void {
  const hanOrKana = hanOrKanaUnitTable();
  const length = text.length;
  let count = 0;
  let previousHan = false;
  let han = length > 0 && hanOrKana[text.charCodeAt(0)] === 1;
  for (let index = 0; index < length; index++) {
    const nextHan = index + 1 < length && hanOrKana[text.charCodeAt(index + 1)] === 1;
    positions[index] = count;
    if (han && (nextHan || !previousHan)) count++;
    previousHan = han;
    han = nextHan;
  }
  positions[length] = count;
}

/**
 * Whether the Han and kana of `text` are its terms' characters, in place: `wordText` moves and
 * changes none of them, and there are no surrogates (astral ideographs). What search needs to
 * find Han and kana query words in it by `indexOf` when their positions do not matter.
 */
export function hanAndKanaReadInPlace(text: string): boolean {
  if (surrogate.test(text)) return false;
  if (!mayChangeTerms(text)) return true;
  const read = wordText(text);
  if (read.origin || read.text.length !== text.length) return false;
  if (read.text === text) return true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const readCode = read.text.charCodeAt(index);
    if (code !== readCode && (isHanOrKanaUnit(code) || isHanOrKanaUnit(readCode))) return false;
  }
  return true;
}

const surrogate = /[\ud800-\udfff]/;

/** Whether `term` is a word of a script written without spaces (its first unit tells). */
export function isUnspacedScriptTerm(term: string): boolean {
  return term.length > 0 && isUnspacedScriptUnit(term.charCodeAt(0));
}

/** Sends each word of the unspaced-script run `text[start, end)` to `sink`, as written. */
function scanUnspacedRun(text: string, start: number, end: number, sink: TermCodeSink): void {
  forEachUnspacedWord(text, start, end, (from, to) => emitAsWritten(text, from, to, sink));
}

/** Sends `text[start, end)` to `sink` as written, but for traditional Chinese characters, which read as simplified ones (`chineseVariants`). */
function emitAsWritten(text: string, start: number, end: number, sink: TermCodeSink): void {
  if (end - start > MAX_TERM_LENGTH) {
    return;
  }
  for (let index = start; index < end; index++) {
    termBuffer[index - start] = simplifiedUnit(text.charCodeAt(index));
  }
  sink(termBuffer, end - start, start, end);
}

/** Length in UTF-16 units of the word character at `index`, or 0 when it is not one (nor is a character of an unspaced script). */
function wordCharLength(text: string, index: number): number {
  if (index >= text.length) {
    return 0;
  }
  const code = text.charCodeAt(index);
  if (code < 0x80) {
    return isAsciiAlphanumeric(code) ? 1 : 0;
  }
  if (isUnspacedScriptUnit(code)) {
    return 0;
  }
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const pair = text.slice(index, index + 2);
    return letterOrDigitPattern.test(pair) ? 2 : 0;
  }
  let kind = wordUnitKinds[code];
  if (kind === 0) wordUnitKinds[code] = kind = letterOrDigitPattern.test(text[index]) ? 1 : 2;
  return kind === 1 ? 1 : 0;
}

/** End of the word run starting at `start` (letters, digits, marks, inner apostrophes). */
function wordRunEnd(text: string, start: number): number {
  let index = start;
  for (;;) {
    const length = wordCharLength(text, index);
    if (length > 0) {
      index += length;
      continue;
    }
    const code = text.charCodeAt(index);
    if ((code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE) && index > start && wordCharLength(text, index + 1) > 0) {
      index += 1;
      continue;
    }
    return index;
  }
}

/**
 * The S-stemmer (Harman, 1991): removes English plural endings only.
 * Words containing digits are codes and are never stemmed.
 */
export function stemWord(word: string): string {
  const length = word.length;
  if (length < 4 || word.charCodeAt(length - 1) !== 0x73) {
    return word;
  }
  for (let index = 0; index < length; index++) {
    if (isDigitCode(word.charCodeAt(index))) {
      return word;
    }
  }
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies')) {
    return word.slice(0, -3) + 'y';
  }
  if (word.endsWith('es') && !word.endsWith('aes') && !word.endsWith('ees') && !word.endsWith('oes')) {
    return word.slice(0, -1);
  }
  if (word.endsWith('us') || word.endsWith('ss')) {
    return word;
  }
  return word.slice(0, -1);
}

/** One raw word as the index sees it: folded and stemmed. */
export function normaliseTerm(raw: string): string {
  return stemWord(foldWord(raw));
}

function hasDigit(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    if (isDigitCode(text.charCodeAt(index))) {
      return true;
    }
  }
  return false;
}

function isAllDigits(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    if (!isDigitCode(text.charCodeAt(index))) {
      return false;
    }
  }
  return end > start;
}

function isAsciiLetters(text: string, start: number, end: number, upperOnly: boolean): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    const upper = code >= 0x41 && code <= 0x5a;
    const lower = code >= 0x61 && code <= 0x7a;
    if (!(upper || (lower && !upperOnly))) {
      return false;
    }
  }
  return end > start;
}

/**
 * Receives each term as UTF-16 code units in a scratch buffer (valid only
 * during the call), with the term's span in the source text. The index uses
 * this form to look terms up without allocating a string per word.
 */
export type TermCodeSink = (buffer: Uint16Array, length: number, start: number, end: number) => void;

/**
 * Receives a pair of Han or kana characters of two plain UTF-16 units as one number,
 * `(first << 16 | second) >>> 0` (after `simplifiedUnit`), with no span: the search index's
 * fast path for the terms that make up most of a Chinese or Japanese passage.
 */
export type PairKeySink = (key: number) => void;

const termBuffer = new Uint16Array(MAX_TERM_LENGTH * 4);

function copyFolded(folded: string, joined: boolean): number {
  let length = 0;
  for (let index = 0; index < folded.length && length < termBuffer.length; index++) {
    const code = folded.charCodeAt(index);
    if (joined && (code === HYPHEN || code === SPACE || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0)) {
      continue;
    }
    termBuffer[length++] = code;
  }
  return length;
}

/** Writes the folded form of `text[start, end)` into `termBuffer`; returns its length. */
function fillFolded(text: string, start: number, end: number, joined: boolean): number {
  let stop = end;
  if (end - start > 2) {
    const apostrophe = text.charCodeAt(end - 2);
    const last = text.charCodeAt(end - 1);
    if ((apostrophe === APOSTROPHE || apostrophe === RIGHT_SINGLE_QUOTE) && (last === 0x73 || last === 0x53)) {
      stop = end - 2;
    }
  }
  let length = 0;
  for (let index = start; index < stop; index++) {
    let code = text.charCodeAt(index);
    if (code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE || (joined && (code === HYPHEN || code === SPACE))) {
      continue;
    }
    if (code >= 0x80) {
      return copyFolded(foldWord(text.slice(start, end)), joined);
    }
    if (code >= 0x41 && code <= 0x5a) {
      code += 0x20;
    }
    termBuffer[length++] = code;
  }
  return length;
}

/** The S-stemmer of `stemWord`, applied in place to `termBuffer`; returns the new length. */
function stemBuffer(length: number): number {
  if (length < 4 || termBuffer[length - 1] !== 0x73) {
    return length;
  }
  for (let index = 0; index < length; index++) {
    if (isDigitCode(termBuffer[index])) {
      return length;
    }
  }
  const beforeS = termBuffer[length - 2];
  const twoBefore = termBuffer[length - 3];
  const threeBefore = termBuffer[length - 4];
  if (beforeS === 0x65 && twoBefore === 0x69 && threeBefore !== 0x65 && threeBefore !== 0x61) {
    termBuffer[length - 3] = 0x79;
    return length - 2;
  }
  if (beforeS === 0x65 && twoBefore !== 0x61 && twoBefore !== 0x65 && twoBefore !== 0x6f) {
    return length - 1;
  }
  if (beforeS === 0x75 || beforeS === 0x73) {
    return length;
  }
  return length - 1;
}

let plainLength = 0;

/**
 * The common case, fast: an ASCII word that is not part of a code. Folds it
 * into `termBuffer` (length in `plainLength`) while finding its end, and
 * returns the end; returns 0 when the word needs the general path (non-ASCII
 * letters, a hyphen or a space that may join a code, an over-long run).
 */
function scanPlainAsciiWord(text: string, start: number): number {
  let index = start;
  let length = 0;
  let lastApostrophe = -1;
  let sawDigit = false;
  const textLength = text.length;
  while (index < textLength) {
    let code = text.charCodeAt(index);
    if (code >= 0x61 && code <= 0x7a) {
      // lower-case letter: as is
    } else if (code >= 0x41 && code <= 0x5a) {
      code += 0x20;
    } else if (code >= 0x30 && code <= 0x39) {
      sawDigit = true;
    } else if (code === APOSTROPHE && wordCharLength(text, index + 1) > 0) {
      lastApostrophe = index;
      index++;
      continue;
    } else if (
      (code >= 0x80 && (code === RIGHT_SINGLE_QUOTE || wordCharLength(text, index) > 0)) ||
      code === HYPHEN ||
      (code === SPACE && index - start <= MAX_SPACED_CODE_PREFIX && !sawDigit && isDigitCode(text.charCodeAt(index + 1)))
    ) {
      return 0;
    } else {
      break;
    }
    if (length === termBuffer.length) {
      return 0;
    }
    termBuffer[length++] = code;
    index++;
  }
  if (lastApostrophe === index - 2 && index - start > 2 && termBuffer[length - 1] === 0x73) {
    length--;
  }
  plainLength = length;
  return index;
}

/**
 * Splits `text` into terms (see the module comment), calling `sink` with each
 * term's code units and source span. Never throws; words longer than 64 units
 * (base64, URLs run together) are skipped.
 */
export function scanTerms(text: string, sink: TermCodeSink, spacedCodes: SpacedCodeJoining = 'upper-case-only', hanAndKana: HanAndKanaCut = 'words', pairSink?: PairKeySink): void {
  // `mayChange` settles most Latin text fastest; `mayChangeTerms` the rest (a Han character is all it takes to fail the first).
  if (!mayChange.test(text) || !mayChangeTerms(text)) {
    scanWordText(text, sink, spacedCodes, hanAndKana, pairSink);
    return;
  }
  const words = wordText(text);
  if (!words.origin) {
    scanWordText(words.text, sink, spacedCodes, hanAndKana, pairSink);
    return;
  }
  scanWordText(words.text, (buffer, length, start, end) => sink(buffer, length, originalStart(words, start), originalEnd(words, end)), spacedCodes, hanAndKana, pairSink);
}

/** The first Han or kana unit of `text[start, end)`, or `end`. */
function firstHanOrKana(text: string, start: number, end: number): number {
  for (let index = start; index < end; index++) if (isHanOrKanaUnit(text.charCodeAt(index))) return index;
  return end;
}

/** `scanTerms` over text already read by `wordText`; spans are into that text. */
function scanWordText(text: string, sink: TermCodeSink, spacedCodes: SpacedCodeJoining, hanAndKana: HanAndKanaCut, pairSink: PairKeySink | undefined): void {
  const length = text.length;
  const pairs = hanAndKana === 'pairs';
  const hanOrKana = hanOrKanaUnitTable();
  let index = 0;
  while (index < length) {
    if (pairs && hanOrKana[text.charCodeAt(index)] === 1) {
      index = scanHanAndKanaPairs(text, index, sink, pairSink);
      continue;
    }
    const charLength = wordCharLength(text, index);
    if (charLength === 0) {
      const code = text.charCodeAt(index);
      if (code >= 0x0e00 && isUnspacedScriptUnit(code)) {
        if (hanAndKana === 'pairs' && isHanOrKanaUnit(code)) {
          index = scanHanAndKanaPairs(text, index, sink, pairSink);
          continue;
        }
        let runEnd = unspacedRunEnd(text, index);
        if (hanAndKana === 'pairs') runEnd = Math.min(runEnd, firstHanOrKana(text, index, runEnd));
        scanUnspacedRun(text, index, runEnd, sink);
        index = runEnd;
        continue;
      }
      index += 1;
      continue;
    }
    const start = index;
    const plainEnd = scanPlainAsciiWord(text, start);
    if (plainEnd > 0) {
      index = plainEnd;
      if (plainEnd - start <= MAX_TERM_LENGTH && plainLength > 0) {
        sink(termBuffer, stemBuffer(plainLength), start, plainEnd);
      }
      continue;
    }
    let end = wordRunEnd(text, start);
    let joined = false;
    // A hyphenated code such as S-400 or AK-203: letters on one side, digits on the other.
    while (text.charCodeAt(end) === HYPHEN && wordCharLength(text, end + 1) > 0) {
      const nextEnd = wordRunEnd(text, end + 1);
      const leftHasDigit = hasDigit(text, start, end);
      const rightHasDigit = hasDigit(text, end + 1, nextEnd);
      const leftAllDigits = isAllDigits(text, start, end);
      const rightAllDigits = isAllDigits(text, end + 1, nextEnd);
      const isCode = (rightHasDigit && !leftAllDigits) || (leftHasDigit && !rightAllDigits && !joined && nextEnd - end - 1 <= MAX_SPACED_CODE_PREFIX);
      if (!isCode) {
        break;
      }
      end = nextEnd;
      joined = true;
    }
    if (
      !joined &&
      end - start <= MAX_SPACED_CODE_PREFIX &&
      text.charCodeAt(end) === SPACE &&
      isAsciiLetters(text, start, end, spacedCodes === 'upper-case-only') &&
      isDigitCode(text.charCodeAt(end + 1))
    ) {
      const digitsEnd = wordRunEnd(text, end + 1);
      if (isAllDigits(text, end + 1, digitsEnd)) {
        end = digitsEnd;
        joined = true;
      }
    }
    index = end;
    if (end - start > MAX_TERM_LENGTH) {
      continue;
    }
    let termLength = fillFolded(text, start, end, joined);
    if (termLength === 0) {
      continue;
    }
    if (!joined) {
      termLength = stemBuffer(termLength);
    }
    sink(termBuffer, termLength, start, end);
  }
}

/** The term in a scanner buffer as a string (terms are at most 256 units, well within argument limits). */
export function termOfCodes(buffer: Uint16Array, length: number): string {
  return String.fromCharCode.apply(null, buffer.subarray(0, length) as unknown as number[]);
}

/** Like `scanTerms`, with each term as a string: for queries, snippets and tests, not for bulk indexing. */
export function forEachTerm(text: string, sink: TermSink, spacedCodes: SpacedCodeJoining = 'upper-case-only', hanAndKana: HanAndKanaCut = 'words'): void {
  scanTerms(text, (buffer, length, start, end) => sink(termOfCodes(buffer, length), start, end), spacedCodes, hanAndKana);
}

/** A term with its span, for snippets and re-ranking. */
export interface TermSpan {
  term: string;
  start: number;
  end: number;
}

/** All terms of `text` with their spans. */
export function termSpans(text: string, spacedCodes: SpacedCodeJoining = 'upper-case-only', hanAndKana: HanAndKanaCut = 'words'): TermSpan[] {
  const spans: TermSpan[] = [];
  forEachTerm(text, (term, start, end) => spans.push({ term, start, end }), spacedCodes, hanAndKana);
  return spans;
}

/**
 * The terms a joined code stands for when the joined form is unknown:
 * `cop26` -> `cop`, `26`. Returns an empty array for plain words.
 */
export function splitCodeTerm(term: string): string[] {
  const parts = term.match(/\p{N}+|[^\p{N}]+/gu);
  if (!parts || parts.length < 2) {
    return [];
  }
  return parts.map((part) => (/\p{N}/u.test(part) ? part : stemWord(part)));
}
