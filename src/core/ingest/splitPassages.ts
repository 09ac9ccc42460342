import { BlockText, TextBlock } from './textBlock';

/** A passage cut out of a block: its display text and its source offsets `[start, end)`. */
export interface PassageCut {
  text: string;
  start: number;
  end: number;
}

const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'gov',
  'sen', 'rep', 'rev', 'hon', 'pres', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'fig',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'est', 'vol',
  'op', 'cf', 'al', 'mt', 'ft',
]);

const terminators = new Set(['.', '!', '?', '…']);
const closers = new Set(['"', "'", '”', '’', ')', ']']);
/** CJK full stops end a sentence without a following space. */
const fullStops = new Set(['。', '！', '？']);
const sentenceStart = /^[\p{Lu}\p{Lt}\p{Lo}\p{N}"'“‘«(\[¿¡]/u;
const combiningMark = /^[\p{M}\u200d\ufe0f]/u;

/** Folds runs of white space (and stray control characters) into one space, as `Passage.text` promises. */
export function foldWhitespace(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Splits a block into passages: the whole block when it is short, else sentence-bounded
 * pieces of about `maxChars`. A single run-on "sentence" (minified HTML, base64) is cut at
 * white space or, failing that, at a character boundary that never splits a surrogate pair
 * or separates a combining mark from its base. Work is linear in the block's length.
 */
export function splitPassages(block: TextBlock, maxChars: number): PassageCut[] {
  const joined = new BlockText(block);
  const text = joined.text;
  const cuts: PassageCut[] = [];
  const boundaries = sentenceBoundaries(text);
  const hardMax = maxChars * 2;
  let boundaryIndex = 0;
  let start = skipWhitespace(text, 0);
  while (start < text.length) {
    let end: number;
    if (text.length - start <= maxChars) {
      end = text.length;
    } else {
      while (boundaryIndex < boundaries.length && boundaries[boundaryIndex] <= start) {
        boundaryIndex++;
      }
      let best = -1;
      let probe = boundaryIndex;
      while (probe < boundaries.length && boundaries[probe] <= start + maxChars) {
        best = boundaries[probe];
        probe++;
      }
      if (best < 0 && probe < boundaries.length && boundaries[probe] <= start + hardMax) {
        best = boundaries[probe];
      }
      end = best > start ? best : cutAtSpaceOrCharacter(text, start, start + maxChars);
    }
    const trimmedEnd = trimEnd(text, start, end);
    if (trimmedEnd > start) {
      const passageText = foldWhitespace(text.slice(start, trimmedEnd));
      if (passageText.length > 0) {
        cuts.push({ text: passageText, start: joined.sourceStart(start), end: joined.sourceEnd(trimmedEnd) });
      }
    }
    start = skipWhitespace(text, end);
  }
  return cuts;
}

/**
 * Offsets where a new sentence starts, skipping abbreviations ("Mr.", "U.S.") and initials.
 * A hand-written scan rather than a regular expression: a run of 100,000 dots must cost
 * one pass, not one pass per dot.
 */
function sentenceBoundaries(text: string): number[] {
  const result: number[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (fullStops.has(char)) {
      let end = i;
      while (end < text.length && fullStops.has(text[end])) {
        end++;
      }
      if (end < text.length && sentenceStart.test(text.slice(end, end + 2))) {
        result.push(end);
      }
      i = end;
      continue;
    }
    if (!terminators.has(char)) {
      i++;
      continue;
    }
    const runStart = i;
    while (i < text.length && terminators.has(text[i])) {
      i++;
    }
    while (i < text.length && closers.has(text[i])) {
      i++;
    }
    if (i >= text.length || !/\s/.test(text[i])) {
      continue;
    }
    while (i < text.length && /\s/.test(text[i])) {
      i++;
    }
    if (i >= text.length || !sentenceStart.test(text.slice(i, i + 2))) {
      continue;
    }
    if (text[runStart] === '.' && endsWithAbbreviation(text, runStart)) {
      continue;
    }
    result.push(i);
  }
  return result;
}

function endsWithAbbreviation(text: string, periodIndex: number): boolean {
  let wordStart = periodIndex;
  while (wordStart > 0 && !/\s/.test(text[wordStart - 1]) && periodIndex - wordStart < 40) {
    wordStart--;
  }
  const word = text.slice(wordStart, periodIndex).replace(/^[("'“‘]+/, '');
  if (word.includes('.')) {
    return true;
  }
  if (/^\p{Lu}$/u.test(word)) {
    return true;
  }
  return abbreviations.has(word.toLowerCase());
}

function cutAtSpaceOrCharacter(text: string, start: number, limit: number): number {
  const earliest = start + Math.floor((limit - start) / 2);
  for (let i = limit; i > earliest; i--) {
    if (/\s/.test(text[i])) {
      return i;
    }
  }
  return safeCharacterCut(text, limit, start);
}

/**
 * A cut moves at most this far to keep a character whole: real clusters (an emoji sequence, a
 * letter with its accents) are shorter; a run of 5,000,000 combining marks is not one character
 * to keep whole, or it would become one passage of 5 MB.
 */
const maxClusterLength = 32;

/**
 * Moves a cut back so it never splits a surrogate pair or strands a combining mark (forward
 * when going back would reach `floor`). Past `maxClusterLength` it gives up on the mark, never
 * on the surrogate pair.
 */
export function safeCharacterCut(text: string, position: number, floor = 0): number {
  const start = Math.min(position, text.length);
  let cut = start;
  while (cut > floor && start - cut < maxClusterLength && cut < text.length && isInsideCluster(text, cut)) {
    cut--;
  }
  if (cut > floor && (cut === text.length || !isInsideCluster(text, cut))) {
    return cut;
  }
  cut = start;
  while (cut < text.length && cut - start < maxClusterLength && isInsideCluster(text, cut)) {
    cut++;
  }
  return cut < text.length && isLowSurrogate(text, cut) ? cut + 1 : cut;
}

function isLowSurrogate(text: string, position: number): boolean {
  const code = text.charCodeAt(position);
  return code >= 0xdc00 && code <= 0xdfff;
}

function isInsideCluster(text: string, position: number): boolean {
  const code = text.charCodeAt(position);
  if (code >= 0xdc00 && code <= 0xdfff) {
    return true;
  }
  const codePoint = text.codePointAt(position) ?? 0;
  return combiningMark.test(String.fromCodePoint(codePoint));
}

function skipWhitespace(text: string, position: number): number {
  while (position < text.length && /\s/.test(text[position])) {
    position++;
  }
  return position;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) {
    end--;
  }
  return end;
}
