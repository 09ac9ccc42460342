import anyAscii from 'any-ascii';
import blockList from './transliteratedBlocks.json';

/**
 * The Latin key of a word written in another alphabet, so that a writer who types `Putin` also
 * finds `Путин`, `Lavrov` finds `Лавров` and `Moskva` finds `Москва`.
 *
 * The key is the word's transliteration by any-ascii (one table per Unicode block, maintained
 * upstream), lower-cased, letters and digits only. It is made from a word already folded by
 * `foldWord`, so accents, harakat and the tatweel are gone first and every spelling of the word
 * gets one key (`ё` reads `е`, `й` reads `и`: `Шойгу` -> `shoigu`).
 *
 * Which words get one, precision first:
 * - words of alphabets written with spaces: Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac,
 *   Thaana, Devanagari and the other Indic scripts of U+0900-U+0DFF, Georgian. Chinese,
 *   Japanese and Thai are not among them: their romanisations are syllables that would match
 *   thousands of unrelated Latin words. Latin words (and so the whole of an English corpus) get
 *   none, which is why adding the keys changes no English result.
 * - only a whole word of such letters (and digits): a word mixing scripts is not a name;
 * - only keys of at least `MIN_KEY_LENGTH` characters: shorter ones are the function words
 *   (`и` -> `i`, `он` -> `on`, `но` -> `no`) that would turn an English query into junk.
 *
 * Abjads are written without most vowels, so an Arabic or Hebrew key is consonants
 * (`بوتين` -> `bwtyn`) and rarely equals a Latin spelling: those scripts match little.
 */
export function latinKeyOf(foldedWord: string): string | undefined {
  if (foldedWord.length < MIN_KEY_LENGTH - 2 || !isTransliteratedWord(foldedWord)) return undefined;
  const key = latinKeyOfLatin(anyAscii(foldedWord));
  return key.length >= MIN_KEY_LENGTH ? key : undefined;
}

/** A Latin word as keys are compared: lower case, ASCII letters and digits only. */
function latinKeyOfLatin(latin: string): string {
  return latin.toLowerCase().replace(nonKeyCharacters, '');
}

/** Whether a query word is one a transliteration key can answer: plain Latin letters (and digits), long enough. */
export function isLatinQueryWord(foldedWord: string): boolean {
  return foldedWord.length >= MIN_KEY_LENGTH && latinQueryWord.test(foldedWord) && /[a-z]/.test(foldedWord);
}

/** Keys shorter than this are function words more often than names. */
export const MIN_KEY_LENGTH = 4;

const nonKeyCharacters = /[^a-z0-9]+/g;
const latinQueryWord = /^[a-z0-9]+$/;

const transliteratedBlocks = new Set<number>(blockList.blocks);

/** Letters of the transliterated blocks (see the module comment), digits and marks; at least one letter of those blocks. */
function isTransliteratedWord(word: string): boolean {
  let letters = 0;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code >= 0x30 && code <= 0x39) continue;
    if (code < 0x80 || code >= 0xd800) return false;
    if (!transliteratedBlocks.has(code >> 8)) return false;
    if (code >= 0x1000 && code < 0x10a0) return false; // Myanmar, written without spaces
    letters++;
  }
  return letters > 0;
}
