/// <reference path="./opencc-js.d.ts" />
import traditionalCharacters from 'opencc-js/dict/TSCharacters';

/**
 * Simplified and traditional Chinese read as one (issue 16): `國` is `国`, `這` is `这`, `權` is
 * `权`. Characters only, one for one, from OpenCC's table of traditional characters and their
 * simplified forms (the `opencc-js` package's `TSCharacters`, about 30 KB): words are compared
 * by their simplified characters, so a query or an alias in one form finds the other. Phrase
 * conversions (which change lengths) and the few characters whose simplified form is not one
 * UTF-16 unit are left as written, so every offset into a text stays where it was. Japanese
 * shinjitai (`権`, `国`) are not traditional characters and are not touched; the kyūjitai of a
 * Japanese text (`國`) read as the simplified Chinese form, like any traditional character.
 */

/** The simplified form by UTF-16 unit (0 = the unit itself), made on first use. */
let simplifiedUnits: Uint16Array | undefined;

function simplifiedTable(): Uint16Array {
  const table = new Uint16Array(65536);
  for (const entry of traditionalCharacters.split('|')) {
    const [traditional, simplified] = entry.split(' ');
    if (traditional?.length === 1 && simplified?.length === 1) table[traditional.charCodeAt(0)] = simplified.charCodeAt(0);
  }
  simplifiedUnits = table;
  return table;
}

/** 1 for a code unit that is the simplified form of some other (`simplifiedUnit` maps a traditional character to it); made on first use. */
let simplifiedImages: Uint8Array | undefined;

/**
 * Whether `word` (simplified already) has a character some traditional character reads as: only
 * then can it match a text differently once the text is simplified (`国` in `國家`), so a word
 * without one is found in the text as written, with no simplified copy of the text.
 */
export function mayMatchTraditional(word: string): boolean {
  if (!simplifiedImages) {
    const table = simplifiedUnits ?? simplifiedTable();
    const images = new Uint8Array(65536);
    for (let code = 0x3400; code < 65536; code++) if (table[code] !== 0) images[table[code]] = 1;
    simplifiedImages = images;
  }
  for (let index = 0; index < word.length; index++) if (simplifiedImages[word.charCodeAt(index)] === 1) return true;
  return false;
}

/**
 * `toSimplified(text).indexOf(word, from)` without the simplified copy of `text`: search reads
 * many passages a query, and Japanese passages all have characters that read as simplified ones.
 */
export function indexOfSimplified(text: string, word: string, from = 0): number {
  const table = simplifiedUnits ?? simplifiedTable();
  const length = word.length;
  if (length === 0) return Math.min(Math.max(from, 0), text.length);
  const first = word.charCodeAt(0);
  const last = text.length - length;
  for (let at = Math.max(from, 0); at <= last; at++) {
    let code = text.charCodeAt(at);
    if (code >= 0x3400 && table[code] !== 0) code = table[code];
    if (code !== first) continue;
    let index = 1;
    for (; index < length; index++) {
      let next = text.charCodeAt(at + index);
      if (next >= 0x3400 && table[next] !== 0) next = table[next];
      if (next !== word.charCodeAt(index)) break;
    }
    if (index === length) return at;
  }
  return -1;
}

/** `simplifiedUnit` as a table by code unit: the simplified form, or 0 when the unit is its own. */
export function simplifiedUnitTable(): Uint16Array {
  return simplifiedUnits ?? simplifiedTable();
}

/** The simplified form of the UTF-16 unit `code` (the unit itself when it has none). */
export function simplifiedUnit(code: number): number {
  if (code < 0x3400) return code;
  const simplified = (simplifiedUnits ?? simplifiedTable())[code];
  return simplified === 0 ? code : simplified;
}

/** `text` with each traditional Chinese character in its simplified form; the same length, the same string when nothing changes. */
export function toSimplified(text: string): string {
  const table = simplifiedUnits ?? simplifiedTable();
  let first = -1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x3400 && table[code] !== 0) {
      first = index;
      break;
    }
  }
  if (first < 0) return text;
  // One buffer and one decode, not a string per changed character (search reads many such passages a query).
  const units = new Uint16Array(text.length);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    units[index] = index >= first && code >= 0x3400 && table[code] !== 0 ? table[code] : code;
  }
  let result = '';
  for (let from = 0; from < units.length; from += 8192) result += String.fromCharCode.apply(null, units.subarray(from, from + 8192) as unknown as number[]);
  return result;
}
