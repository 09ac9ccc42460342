/**
 * Words of the scripts written without spaces (Chinese, Japanese kanji and kana, Thai, Lao,
 * Khmer, Myanmar), cut by `Intl.Segmenter` (ICU's dictionary word breaks). One notion of a word
 * for everything that reads such text: the search index and queries (`searchTokens`), topic
 * mentions and the term under the cursor (`normaliseTerm`, `termAt`) cut a run the same way, so a
 * name the hover finds in a draft is a name the index finds in a passage.
 */

/**
 * Whether the UTF-16 unit `code` belongs to a script written without spaces between words:
 * Thai, Lao, Myanmar, Khmer, CJK radicals and ideographs (with the surrogates of the astral
 * ideograph planes), the iteration marks, hiragana, katakana and half-width katakana. Hangul is
 * not among them: Korean puts spaces between words.
 */
export function isUnspacedScriptUnit(code: number): boolean {
  if (code < 0x0e00) return false;
  if (code <= 0x0eff) return true; // Thai, Lao
  if (code < 0x1000) return false;
  if (code <= 0x109f) return true; // Myanmar
  if (code >= 0x1780 && code <= 0x17ff) return true; // Khmer
  if (code >= 0x19e0 && code <= 0x19ff) return true; // Khmer symbols
  if (code < 0x2e80) return false;
  if (code <= 0x2fdf) return true; // CJK radicals
  if (code === 0x3005 || code === 0x3006 || code === 0x3007 || (code >= 0x3021 && code <= 0x3029) || (code >= 0x3031 && code <= 0x3035) || code === 0x303b) return true;
  if (code >= 0x3040 && code <= 0x30ff) return code !== 0x30fb; // hiragana, katakana (not the middle dot)
  if (code >= 0x31f0 && code <= 0x31ff) return true; // katakana phonetic extensions
  if (code >= 0x3400 && code <= 0x4dbf) return true; // CJK extension A
  if (code >= 0x4e00 && code <= 0x9fff) return true; // CJK unified ideographs
  if (code >= 0xa9e0 && code <= 0xa9ff) return true; // Myanmar extended-B
  if (code >= 0xaa60 && code <= 0xaa7f) return true; // Myanmar extended-A
  if (code >= 0xd840 && code <= 0xd87f) return true; // high surrogates of U+20000-U+3FFFF (CJK extensions B-H)
  if (code >= 0xdc00 && code <= 0xdfff) return false;
  if (code >= 0xf900 && code <= 0xfaff) return true; // CJK compatibility ideographs
  return code >= 0xff66 && code <= 0xff9f; // half-width katakana
}

/**
 * Whether the UTF-16 unit `code` is Han or kana (CJK radicals and ideographs, the iteration marks,
 * hiragana and katakana, the high surrogates of the astral ideographs): the part of the unspaced
 * scripts the search index reads by overlapping pairs of characters (`searchTokens`), not by the
 * segmenter. Thai, Lao, Khmer and Myanmar, alphabets whose letters mean little in pairs, are not.
 */
export function isHanOrKanaUnit(code: number): boolean {
  return (hanOrKanaUnits ?? hanOrKanaTable())[code] === 1;
}

/** `isHanOrKanaUnit` as a table by code unit (1 for Han or kana), for loops over every character. */
export function hanOrKanaUnitTable(): Uint8Array {
  return hanOrKanaUnits ?? hanOrKanaTable();
}

/** `isHanOrKanaUnit` by code unit, made on first use: the index asks it of every character of a Chinese or Japanese passage. */
let hanOrKanaUnits: Uint8Array | undefined;

function hanOrKanaTable(): Uint8Array {
  const table = new Uint8Array(65536);
  for (let code = 0x2e80; code < 65536; code++) {
    if (!(code >= 0xa9e0 && code <= 0xaa7f) && isUnspacedScriptUnit(code)) table[code] = 1;
  }
  hanOrKanaUnits = table;
  return table;
}

/** End of the run of Han and kana units starting at `start` (a low surrogate goes with its high one). */
export function hanOrKanaRunEnd(text: string, start: number): number {
  const table = hanOrKanaUnits ?? hanOrKanaTable();
  let index = start;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (table[code] !== 1) break;
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  return index;
}

/** The one word segmenter, made on first use (undefined where the runtime has no `Intl.Segmenter`). */
let wordSegmenter: Intl.Segmenter | null | undefined;

function segmenter(): Intl.Segmenter | undefined {
  if (wordSegmenter === undefined) {
    wordSegmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('und', { granularity: 'word' }) : null;
  }
  return wordSegmenter ?? undefined;
}

/** End of the run of unspaced-script units starting at `start` (a low surrogate goes with its high one). */
export function unspacedRunEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isUnspacedScriptUnit(code)) {
      index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
    } else if (index > start && isCombiningMark(text, index)) {
      index += 1;
    } else {
      break;
    }
  }
  return index;
}

const combiningMark = /\p{M}/u;

function isCombiningMark(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0x0300 && combiningMark.test(text.charAt(index));
}

/**
 * Calls `visit` with the span of each word-like segment of the unspaced-script run
 * `text[start, end)`; where the runtime has no `Intl.Segmenter`, the whole run is one word.
 */
export function forEachUnspacedWord(text: string, start: number, end: number, visit: (from: number, to: number) => void): void {
  const words = segmenter();
  if (!words) {
    visit(start, end);
    return;
  }
  for (const segment of words.segment(text.slice(start, end))) {
    if (segment.isWordLike) {
      const from = start + segment.index;
      visit(from, from + segment.segment.length);
    }
  }
}

/** How far on each side of a character `isUnspacedWordAt` lets the segmenter read. */
const WORD_CHECK_CONTEXT = 12;

/**
 * Whether the segmenter cuts `text[start, end)` as one word of its unspaced-script run, reading
 * only the run's characters within `WORD_CHECK_CONTEXT` of it (its dictionary words are short, so
 * the cut there is the cut of the whole run). The search index checks a one-character query word
 * this way where it found the character (`京` is a word in `去京城`? not in `北京市`), instead of
 * cutting every passage at index time. True where the runtime has no `Intl.Segmenter` and the
 * span is the whole run.
 */
export function isUnspacedWordAt(text: string, start: number, end: number): boolean {
  let from = start;
  const lowest = Math.max(0, start - WORD_CHECK_CONTEXT);
  while (from > lowest && (isUnspacedScriptUnit(text.charCodeAt(from - 1)) || isLowSurrogateUnit(text.charCodeAt(from - 1)))) from--;
  if (from > 0 && isLowSurrogateUnit(text.charCodeAt(from))) from--;
  let to = end;
  const highest = Math.min(text.length, end + WORD_CHECK_CONTEXT);
  while (to < highest && (isUnspacedScriptUnit(text.charCodeAt(to)) || isLowSurrogateUnit(text.charCodeAt(to)))) to++;
  const words = segmenter();
  if (!words) return from === start && (to === end || !isUnspacedScriptUnit(text.charCodeAt(to)));
  for (const segment of words.segment(text.slice(from, to))) {
    const at = from + segment.index;
    if (at === start) return segment.isWordLike === true && at + segment.segment.length === end;
    if (at > start) return false;
  }
  return false;
}

function isLowSurrogateUnit(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
