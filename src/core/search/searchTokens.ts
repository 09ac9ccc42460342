/**
 * How passage text and queries become index terms.
 *
 * A term is a run of letters and digits, lower-cased, with accents folded
 * (`Jaishankar` = `jaishankar`, `Café` = `cafe`), apostrophes dropped and a
 * possessive `'s` removed, then lightly stemmed with the "S-stemmer" (plural
 * endings only: `missiles` = `missile`, `policies` = `policy`). Heavier
 * stemming (Porter) conflates too much for names and codes, and writers
 * search for names and codes far more than for inflected verbs.
 *
 * Weapon and product codes are single terms whatever the punctuation:
 * `S-400`, `S400` and (in the text, upper-case only) `S 400` all become
 * `s400`; likewise `AK-203`, `Covid-19`, `G20`.
 */

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
const combiningMarks = /\p{M}+/gu;
const apostrophes = /['\u2019]/g;

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Length in UTF-16 units of the word character at `index`, or 0 when it is not one. */
function wordCharLength(text: string, index: number): number {
  if (index >= text.length) {
    return 0;
  }
  const code = text.charCodeAt(index);
  if (code < 0x80) {
    return isAsciiAlphanumeric(code) ? 1 : 0;
  }
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const pair = text.slice(index, index + 2);
    return letterOrDigitPattern.test(pair) ? 2 : 0;
  }
  return letterOrDigitPattern.test(text[index]) ? 1 : 0;
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
 * Folds case and accents and strips apostrophes; `'s` at the end (a possessive)
 * goes entirely. Does not stem.
 */
export function foldWord(raw: string): string {
  let word = raw;
  const length = word.length;
  if (length > 2) {
    const apostrophe = word.charCodeAt(length - 2);
    const last = word.charCodeAt(length - 1);
    if ((apostrophe === APOSTROPHE || apostrophe === RIGHT_SINGLE_QUOTE) && (last === 0x73 || last === 0x53)) {
      word = word.slice(0, length - 2);
    }
  }
  let ascii = true;
  for (let index = 0; index < word.length; index++) {
    if (word.charCodeAt(index) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    word = word.toLowerCase();
    return word.indexOf("'") >= 0 ? word.replace(apostrophes, '') : word;
  }
  return word.normalize('NFKD').replace(combiningMarks, '').toLowerCase().replace(apostrophes, '');
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
 * Splits `text` into terms, calling `sink` for each with its source span.
 * Never throws; terms longer than 64 units (base64, URLs run together) are skipped.
 */
export function forEachTerm(text: string, sink: TermSink, spacedCodes: SpacedCodeJoining = 'upper-case-only'): void {
  const length = text.length;
  let index = 0;
  while (index < length) {
    const charLength = wordCharLength(text, index);
    if (charLength === 0) {
      index += 1;
      continue;
    }
    const start = index;
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
    const raw = text.slice(start, end);
    if (joined) {
      sink(foldWord(raw).replace(/[-\s]/g, ''), start, end);
    } else {
      sink(normaliseTerm(raw), start, end);
    }
  }
}

/** A term with its span, for snippets and re-ranking. */
export interface TermSpan {
  term: string;
  start: number;
  end: number;
}

/** All terms of `text` with their spans. */
export function termSpans(text: string, spacedCodes: SpacedCodeJoining = 'upper-case-only'): TermSpan[] {
  const spans: TermSpan[] = [];
  forEachTerm(text, (term, start, end) => spans.push({ term, start, end }), spacedCodes);
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
