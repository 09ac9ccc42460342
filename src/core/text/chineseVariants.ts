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
