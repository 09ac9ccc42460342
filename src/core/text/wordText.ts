import { simplifiedUnit } from './chineseVariants';

/**
 * One notion of a word, shared by every reader of words: Search Sources, topics, quote checks,
 * figure checks and the term under the cursor. Each reads `wordText(text).text` instead of the
 * raw text, and compares words by `foldWord` / `foldCharacter`. The rule:
 *
 * - **Invisible format characters** are not there: soft hyphen U+00AD, zero-width space U+200B,
 *   zero-width non-joiner and joiner U+200C/D, word joiner U+2060 and the invisible operators
 *   U+2061-U+2064, byte order mark U+FEFF, Mongolian vowel separator U+180E, Arabic letter mark
 *   U+061C and the bidi controls U+200E/F, U+202A-U+202E, U+2066-U+2069. They never split a word.
 * - **Hyphens**: hyphen U+2010, non-breaking hyphen U+2011, small and full-width hyphen-minus
 *   U+FE63/U+FF0D and the minus sign U+2212 read as the ASCII hyphen-minus `-` wherever they are.
 *   Figure dash U+2012 and en dash U+2013 read as `-` between two word characters (`S–400`,
 *   `2019–2020`, `India–Russia`) and right before a digit (`–5%`, a minus); a spaced en dash is a
 *   clause dash and stays one. The em dash U+2014 and the horizontal bar U+2015 never join words.
 *   So `S‑400` is `S-400`, and the sign of a number is always `-`.
 * - **Look-alike forms**: full-width forms (`Ｓ４００`), mathematical letters and digits (`𝐒`) and
 *   ligatures (`ﬁ`) read as their ASCII letters (their Unicode NFKC form, when that is ASCII).
 *   The modifier letter apostrophe U+02BC reads as the apostrophe U+2019.
 * - **Look-alike scripts**: in a word that also has Latin letters, Cyrillic and Greek letters that
 *   look like Latin ones read as those (`Сovid` with a Cyrillic `С` is `Covid`), provided every
 *   such letter has a Latin look-alike. A code of at most four Cyrillic letters and digits
 *   (`С-400`, `Су-57`, `МиГ-29`) is transliterated as the English-language press writes it
 *   (`S-400`, `Su-57`, `MiG-29`). Every other Cyrillic or Greek word is left as written: `Путин`
 *   and `СССР` are not Latin words.
 * - **Case and accents** stay in the word text (names and sentence starts need capitals);
 *   `foldWord` and `foldCharacter` remove them when words are compared.
 *
 * A character that changed keeps its place: `origin` maps each character of the word text back
 * to the original, so hover ranges, highlights, figure spans and quoted source words point at the
 * writer's own characters. Plain ASCII text, and any text with nothing to change, is returned as
 * it is, without a copy or a map.
 */
export interface WordText {
  /** The text as words are read (see the rule above); the very same string as `original` when nothing changed. */
  readonly text: string;
  readonly original: string;
  /**
   * `origin[i]` is the offset in `original` of the character behind `text[i]`. Absent when every
   * character kept its offset (nothing changed, or only same-length replacements).
   */
  readonly origin?: Int32Array;
}

/** How a character reads (see the rule): as itself, not at all, as `-`, as `-` in some places, as its replacement, by its word (Cyrillic and Greek letters), or by the code point it starts. */
const PLAIN = 1;
const INVISIBLE = 2;
const HYPHEN = 3;
const DASH = 4;
const REPLACED = 5;
const CYRILLIC_OR_GREEK = 6;
const HIGH_SURROGATE = 7;

/** Per UTF-16 code unit (0 = not yet classified); filled lazily, as most texts use few distinct characters. */
const kinds = new Uint8Array(65536);
const replacements = new Map<number, string>();
/** Per code unit: 1 a letter, digit or mark; 2 anything else (0 = not yet classified). */
const wordUnits = new Uint8Array(65536);

const invisibleCodes = new Set([
  0x00ad, 0x061c, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
  0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
]);
const hyphenCodes = new Set([0x2010, 0x2011, 0x2212, 0xfe63, 0xff0d]);
const dashCodes = new Set([0x2012, 0x2013]);
const MODIFIER_APOSTROPHE = 0x02bc;
const RIGHT_SINGLE_QUOTE = '\u2019';

const letterDigitOrMark = /[\p{L}\p{N}\p{M}]/u;
const letterOrDecimalDigit = /^[\p{L}\p{Nd}]$/u;
const printableAscii = /^[\x21-\x7e]+$/;

function isCyrillicOrGreekCode(code: number): boolean {
  return (code >= 0x0370 && code <= 0x03ff) || (code >= 0x0400 && code <= 0x052f) || (code >= 0x1f00 && code <= 0x1fff);
}

function classify(code: number): number {
  if (code >= 0xd800 && code <= 0xdbff) return HIGH_SURROGATE;
  if (invisibleCodes.has(code)) return INVISIBLE;
  if (hyphenCodes.has(code)) return HYPHEN;
  if (dashCodes.has(code)) return DASH;
  if (code === MODIFIER_APOSTROPHE) {
    replacements.set(code, RIGHT_SINGLE_QUOTE);
    return REPLACED;
  }
  const char = String.fromCharCode(code);
  if (isCyrillicOrGreekCode(code) && /\p{L}/u.test(char)) return CYRILLIC_OR_GREEK;
  const plain = compatibilityForm(char, code >= 0xff01 && code <= 0xff5e);
  if (plain !== undefined) {
    replacements.set(code, plain);
    return REPLACED;
  }
  return PLAIN;
}

/** The ASCII form of a look-alike letter or digit (or any full-width form), when Unicode NFKC gives one. */
function compatibilityForm(char: string, fullWidth: boolean): string | undefined {
  if (!fullWidth && !letterOrDecimalDigit.test(char)) return undefined;
  const plain = char.normalize('NFKC');
  return plain !== char && printableAscii.test(plain) ? plain : undefined;
}

function kindOf(code: number): number {
  let kind = kinds[code];
  if (kind === 0) {
    kind = classify(code);
    kinds[code] = kind;
  }
  return kind;
}

/** Mathematical alphanumeric symbols (U+1D400-U+1D7FF): `𝐒𝟒𝟎𝟎` reads as `S400`. */
const mathematicalForms = new Map<number, string | null>();

function astralReplacement(codePoint: number): string | undefined {
  if (codePoint < 0x1d400 || codePoint > 0x1d7ff) return undefined;
  let plain = mathematicalForms.get(codePoint);
  if (plain === undefined) {
    plain = compatibilityForm(String.fromCodePoint(codePoint), false) ?? null;
    mathematicalForms.set(codePoint, plain);
  }
  return plain ?? undefined;
}

/** True for a letter, digit or combining mark at `index` (either half of a surrogate pair counts by its code point). */
function isWordUnit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (code >= 0xd800 && code <= 0xdfff) {
    const start = code <= 0xdbff ? index : index - 1;
    const point = text.codePointAt(start) ?? 0;
    return letterDigitOrMark.test(String.fromCodePoint(point));
  }
  let known = wordUnits[code];
  if (known === 0) {
    known = letterDigitOrMark.test(String.fromCharCode(code)) ? 1 : 2;
    wordUnits[code] = known;
  }
  return known === 1;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isInvisibleAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0x80 && kindOf(code) === INVISIBLE;
}

/** The nearest index before `index` that holds no invisible character (-1 at the start). */
function visibleBefore(text: string, index: number): number {
  let at = index - 1;
  while (at >= 0 && isInvisibleAt(text, at)) at--;
  return at;
}

/** The nearest index from `index` on that holds no invisible character (`text.length` at the end). */
function visibleFrom(text: string, index: number): number {
  let at = index;
  while (at < text.length && isInvisibleAt(text, at)) at++;
  return at;
}

function isDigitOrFullWidthDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** Whether the figure dash or en dash at `index` joins two words or signs a number. */
function dashReadsAsHyphen(text: string, index: number): boolean {
  const after = visibleFrom(text, index + 1);
  if (after >= text.length) return false;
  if (isDigitOrFullWidthDigit(text.charCodeAt(after))) return true;
  const before = visibleBefore(text, index);
  return before >= 0 && isWordUnit(text, before) && isWordUnit(text, after);
}

/** Any of the characters that read as `-` between two word characters. */
function isJoiningDash(code: number): boolean {
  return code === 0x2d || (code >= 0x80 && (hyphenCodes.has(code) || dashCodes.has(code)));
}

/** Cyrillic letters and the Latin letters they look like. */
const cyrillicLookAlikes: Record<string, string> = {
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'У': 'Y',
  'І': 'I', 'Ј': 'J', 'Ѕ': 'S', 'Ԛ': 'Q', 'Ԝ': 'W', 'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'х': 'x', 'у': 'y',
  'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԛ': 'q', 'ԝ': 'w', 'һ': 'h', 'ӏ': 'l',
};
/** Greek letters and the Latin letters they look like. */
const greekLookAlikes: Record<string, string> = {
  'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T',
  'Υ': 'Y', 'Χ': 'X', 'ο': 'o', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ρ': 'p', 'υ': 'u', 'χ': 'x', 'α': 'a',
};
/** The transliteration of Russian and Ukrainian letters the English-language press uses (BGN/PCGN, simplified). */
const cyrillicTransliteration: Record<string, string> = {
  'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'ґ': 'g', 'д': 'd', 'е': 'e', 'ё': 'e', 'є': 'ye', 'ж': 'zh', 'з': 'z', 'и': 'i',
  'і': 'i', 'ї': 'yi', 'й': 'y', 'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't',
  'у': 'u', 'ф': 'f', 'х': 'kh', 'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'shch', 'ъ': '', 'ы': 'y', 'ь': '', 'э': 'e',
  'ю': 'yu', 'я': 'ya',
};
const MAX_CYRILLIC_CODE_LETTERS = 4;

function isCyrillicUnit(code: number): boolean {
  return code >= 0x0400 && code <= 0x052f;
}

/** The look-alikes and transliterations by code unit: a map from numbers, as one-letter strings make slow keys. */
const lookAlikeByCode = new Map<number, string>(
  Object.entries({ ...cyrillicLookAlikes, ...greekLookAlikes }).map(([letter, latin]) => [letter.charCodeAt(0), latin]),
);
const transliterationByCode = new Map<number, string>();
for (const [letter, latin] of Object.entries(cyrillicTransliteration)) {
  transliterationByCode.set(letter.charCodeAt(0), latin);
  const capital = letter.toUpperCase();
  if (capital !== letter) transliterationByCode.set(capital.charCodeAt(0), latin.charAt(0).toUpperCase() + latin.slice(1));
}

/** How the Cyrillic and Greek letters of one stretch of text read (see the rule). */
type ScriptReading = 'as-written' | 'look-alike' | 'transliterated';

/** The letters of a stretch of text, counted by script. */
interface ScriptCensus {
  latin: number;
  cyrillic: number;
  /** Cyrillic or Greek letters with no Latin look-alike. */
  unlike: number;
  /** Greek letters. */
  greek: number;
  /** Letters of any other script. */
  other: number;
  digits: number;
}

function censusOf(text: string, from: number, to: number): ScriptCensus {
  const census: ScriptCensus = { latin: 0, cyrillic: 0, unlike: 0, greek: 0, other: 0, digits: 0 };
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      if (code >= 0x30 && code <= 0x39) census.digits++;
      else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) census.latin++;
      continue;
    }
    if (!isWordUnit(text, index)) continue;
    const kind = kindOf(code);
    if (kind === CYRILLIC_OR_GREEK) {
      if (isCyrillicUnit(code)) census.cyrillic++;
      else census.greek++;
      if (!lookAlikeByCode.has(code)) census.unlike++;
      continue;
    }
    const char = text.charAt(index);
    const plain = kind === REPLACED ? replacements.get(code) ?? char : char;
    if (/^[0-9]+$/.test(plain)) census.digits++;
    else if (/\p{Script=Latin}/u.test(plain)) census.latin++;
    else if (/\p{L}/u.test(plain)) census.other++;
  }
  return census;
}

/** The bounds of the word (letters, digits, marks and invisible characters) around `index`. */
function wordBounds(text: string, index: number): { start: number; end: number } {
  let start = index;
  while (start > 0 && (isWordUnit(text, start - 1) || isInvisibleAt(text, start - 1))) start--;
  let end = index + 1;
  while (end < text.length && (isWordUnit(text, end) || isInvisibleAt(text, end))) end++;
  return { start, end };
}

/** The bounds of the hyphenated run of words (`С-400`, `Су-57`) around `index`. */
function codeBounds(text: string, index: number): { start: number; end: number } {
  let { start, end } = wordBounds(text, index);
  for (;;) {
    const dash = start - 1;
    const before = visibleBefore(text, dash);
    if (dash < 0 || !isJoiningDash(text.charCodeAt(dash)) || before < 0 || !isWordUnit(text, before)) break;
    start = wordBounds(text, before).start;
  }
  for (;;) {
    const after = visibleFrom(text, end + 1);
    if (end >= text.length || !isJoiningDash(text.charCodeAt(end)) || after >= text.length || !isWordUnit(text, after)) break;
    end = wordBounds(text, after).end;
  }
  return { start, end };
}

/** How the Cyrillic or Greek letter at `index` reads, and up to where that reading holds. */
function scriptReadingAt(text: string, index: number): { reading: ScriptReading; end: number } {
  const code = codeBounds(text, index);
  const codeCensus = censusOf(text, code.start, code.end);
  if (codeCensus.digits > 0 && codeCensus.latin === 0 && codeCensus.greek === 0 && codeCensus.other === 0
    && codeCensus.cyrillic <= MAX_CYRILLIC_CODE_LETTERS) {
    return { reading: 'transliterated', end: code.end };
  }
  const word = wordBounds(text, index);
  if (codeCensus.latin === 0) return { reading: 'as-written', end: word.end };
  const census = word.start === code.start && word.end === code.end ? codeCensus : censusOf(text, word.start, word.end);
  const lookAlike = census.latin > 0 && census.unlike === 0 && census.other === 0;
  return { reading: lookAlike ? 'look-alike' : 'as-written', end: word.end };
}

/** Builds the word text: copies unchanged stretches of the original lazily and keeps `origin` only once a length changes. */
class WordTextBuilder {
  private readonly parts: string[] = [];
  private keptFrom = 0;
  private length = 0;
  private origin: Int32Array | undefined;
  private changed = false;

  constructor(private readonly original: string) {}

  /** Puts `replacement` where the original has `width` code units at `at`. */
  replace(at: number, width: number, replacement: string): void {
    this.keep(at);
    this.changed = true;
    this.parts.push(replacement);
    if (!this.origin && replacement.length !== width) this.startOrigin(replacement.length);
    if (this.origin) {
      this.ensure(replacement.length);
      for (let k = 0; k < replacement.length; k++) this.origin[this.length + k] = at;
    }
    this.length += replacement.length;
    this.keptFrom = at + width;
  }

  finish(): WordText {
    if (!this.changed) return { text: this.original, original: this.original };
    this.keep(this.original.length);
    const text = this.parts.join('');
    return this.origin ? { text, original: this.original, origin: this.origin.subarray(0, this.length) } : { text, original: this.original };
  }

  /** Copies the original from where it was last kept up to `to`. */
  private keep(to: number): void {
    if (to <= this.keptFrom) return;
    this.parts.push(this.original.slice(this.keptFrom, to));
    if (this.origin) {
      this.ensure(to - this.keptFrom);
      for (let at = this.keptFrom; at < to; at++) this.origin[this.length++] = at;
    } else {
      this.length += to - this.keptFrom;
    }
    this.keptFrom = to;
  }

  /** Until now every character kept its offset, so the map so far is the identity. */
  private startOrigin(extra: number): void {
    this.origin = new Int32Array(this.original.length + extra + 16);
    for (let index = 0; index < this.length; index++) this.origin[index] = index;
  }

  private ensure(extra: number): void {
    if (this.origin && this.length + extra > this.origin.length) {
      const grown = new Int32Array((this.length + extra) * 2);
      grown.set(this.origin.subarray(0, this.length));
      this.origin = grown;
    }
  }
}

/**
 * The text as every reader of words reads it (see the module comment). Linear in the length;
 * returns the original string itself, without a copy, when no character needs changing.
 */
export function wordText(original: string): WordText {
  const first = original.search(mayChange);
  if (first < 0) return { text: original, original };
  const length = original.length;
  for (let index = first; index < length; index++) {
    const code = original.charCodeAt(index);
    if (code < 0x80) continue;
    const kind = kindOf(code);
    if (kind === PLAIN) continue;
    if (kind === HIGH_SURROGATE && astralReplacement(original.codePointAt(index) ?? 0) === undefined) {
      if (isLowSurrogate(original.charCodeAt(index + 1))) index++;
      continue;
    }
    return rebuild(original, index);
  }
  return { text: original, original };
}

/**
 * Every character outside this class reads as itself: ASCII, and the punctuation, symbols and
 * accented letters of ordinary Western text (curly quotes, em dash, ellipsis, `é`, `€`). A
 * regular expression finds the first character that may change much faster than a loop, so
 * most passages are settled without looking at each character. (A unit test checks the class.)
 */
export const mayChange = /[^\x00-\x7f\u00a0-\u00a9\u00ab\u00ac\u00ae-\u00b9\u00bb-\u0131\u0134-\u017e\u2014-\u2029\u202f-\u205f\u20a0-\u20bf]/;

/**
 * The code units that cannot change a term of the text they are in: `mayChange`'s class, and
 * the CJK symbols and punctuation, kana, Han, and the full-width punctuation that `wordText`
 * changes, one for one, only into ASCII punctuation no term reads (`，` -> `,`; not the
 * full-width apostrophe and hyphen-minus, which join words). (A unit test checks them.)
 */
const TERM_SAFE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00, 0x7f], [0xa0, 0xa9], [0xab, 0xac], [0xae, 0xb9], [0xbb, 0x131], [0x134, 0x17e], [0x2014, 0x2029], [0x202f, 0x205f], [0x20a0, 0x20bf],
  [0x3000, 0x30ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xff01, 0xff06], [0xff08, 0xff0c], [0xff0e, 0xff0f], [0xff1a, 0xff20], [0xff3b, 0xff40], [0xff5b, 0xff5e],
];

/** 1 for a code unit outside `TERM_SAFE_RANGES`; made on first use. */
let termChangingUnits: Uint8Array | undefined;

function termChangingTable(): Uint8Array {
  const table = new Uint8Array(65536).fill(1);
  for (const [from, to] of TERM_SAFE_RANGES) table.fill(0, from, to + 1);
  termChangingUnits = table;
  return table;
}

/**
 * Whether `text` has a character that may change one of its terms (see `TERM_SAFE_RANGES`).
 * When it has none, its terms are those of the text as written, without its word text: the
 * search index scans a Chinese or Japanese passage so. A loop over a table, as a regular
 * expression of that class costs about 9 ns a character on Han (measured), more than the scan.
 */
export function mayChangeTerms(text: string): boolean {
  const table = termChangingUnits ?? termChangingTable();
  for (let index = 0; index < text.length; index++) {
    if (table[text.charCodeAt(index)] === 1) return true;
  }
  return false;
}

function rebuild(original: string, from: number): WordText {
  const builder = new WordTextBuilder(original);
  let reading: ScriptReading = 'as-written';
  let readingEnd = -1;
  const length = original.length;
  let index = from;
  while (index < length) {
    const code = original.charCodeAt(index);
    if (code < 0x80) {
      index++;
      continue;
    }
    switch (kindOf(code)) {
      case INVISIBLE:
        builder.replace(index, 1, '');
        break;
      case HYPHEN:
        builder.replace(index, 1, '-');
        break;
      case DASH:
        if (dashReadsAsHyphen(original, index)) builder.replace(index, 1, '-');
        break;
      case REPLACED:
        builder.replace(index, 1, replacements.get(code) ?? '');
        break;
      case CYRILLIC_OR_GREEK: {
        if (index >= readingEnd) ({ reading, end: readingEnd } = scriptReadingAt(original, index));
        const latin = reading === 'transliterated' ? transliterationByCode.get(code) : reading === 'look-alike' ? lookAlikeByCode.get(code) : undefined;
        if (latin !== undefined) builder.replace(index, 1, latin);
        break;
      }
      case HIGH_SURROGATE: {
        if (!isLowSurrogate(original.charCodeAt(index + 1))) break;
        const plain = astralReplacement(original.codePointAt(index) ?? 0);
        if (plain !== undefined) builder.replace(index, 2, plain);
        index += 2;
        continue;
      }
      default:
        break;
    }
    index++;
  }
  return builder.finish();
}

/** `text` without its invisible format characters (see the rule): what the writer sees, for spellings shown back to them. */
export function withoutInvisibleCharacters(text: string): string {
  const first = text.search(mayChange);
  if (first < 0) return text;
  let visible = '';
  let keptFrom = 0;
  for (let index = first; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80 && kindOf(code) === INVISIBLE) {
      visible += text.slice(keptFrom, index);
      keptFrom = index + 1;
    }
  }
  return keptFrom === 0 ? text : visible + text.slice(keptFrom);
}

/** The offset in the original text where the character at `index` of the word text comes from (`index` may be the length). */
export function originalStart(words: WordText, index: number): number {
  if (!words.origin) return index;
  if (index >= words.origin.length) return words.original.length;
  return words.origin[Math.max(0, index)];
}

/** The offset in the original text just after the character before `end` of the word text: the end of a span that ends at `end`. */
export function originalEnd(words: WordText, end: number): number {
  if (!words.origin) return end;
  if (end <= 0) return 0;
  const last = words.origin[Math.min(end, words.origin.length) - 1];
  const code = words.original.charCodeAt(last);
  return last + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
}

/** Caches the fold of each non-ASCII code unit. */
const foldedUnits = new Map<number, string>();
/**
 * The marks that are accents, removed when words are compared: the combining diacritical blocks
 * (Latin, Greek and Cyrillic accents, the tonos, the breve of `й`, the diaeresis of `ё`),
 * Cyrillic titlo and number signs, Hebrew points and cantillation, Arabic harakat, Quranic
 * annotation signs and the superscript alef U+0670. The vowel signs, virama and nukta of
 * Devanagari and the other Indic and Southeast Asian scripts are not accents but letters of the
 * word (`मोदी` is not `मद`), so they stay.
 */
const accentMarks = /[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/gu;
const GREEK_FINAL_SIGMA = '\u03c2';
const GREEK_SIGMA = '\u03c3';
const ARABIC_TATWEEL = '\u0640';

function foldUncached(char: string): string {
  if (char === ARABIC_TATWEEL) return '';
  if (char.length === 1) {
    const simplified = simplifiedUnit(char.charCodeAt(0));
    if (simplified !== char.charCodeAt(0)) return String.fromCharCode(simplified);
  }
  const folded = char.normalize('NFKD').toLowerCase().replace(accentMarks, '');
  return folded === GREEK_FINAL_SIGMA ? GREEK_SIGMA : folded;
}

/**
 * One character of word text as words are compared: lower case, accents removed, compatibility
 * forms plain (`É` -> `e`, `ﬁ` -> `fi`, `²` -> `2`, full-width `Ｓ` -> `s`), the Greek final sigma
 * as sigma and tonos gone (`ά` -> `α`), Cyrillic `ё` as `е`, Arabic harakat and the tatweel
 * U+0640 gone (`مُحَمَّد` and `مــحمد` -> `محمد`); Indic vowel signs stay (see `accentMarks`);
 * traditional Chinese characters as their simplified forms (`國` -> `国`, see `chineseVariants`).
 * The same character always folds the same way, wherever it stands in a word.
 */
export function foldCharacter(char: string): string {
  if (char.length === 1) {
    const code = char.charCodeAt(0);
    if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : char;
    let folded = foldedUnits.get(code);
    if (folded === undefined) {
      folded = foldUncached(char);
      foldedUnits.set(code, folded);
    }
    return folded;
  }
  return foldUncached(char);
}

const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE_CODE = 0x2019;

/**
 * A word of word text as words are compared: `foldCharacter` on each character, without
 * apostrophes, and without a possessive `'s` (`Putin’s` -> `putin`, `Zürich` -> `zurich`,
 * `O'Brien` -> `obrien`). Search terms and topic keys are both made by it.
 */
export function foldWord(word: string): string {
  let end = word.length;
  if (end > 2) {
    const apostrophe = word.charCodeAt(end - 2);
    const last = word.charCodeAt(end - 1);
    if ((apostrophe === APOSTROPHE || apostrophe === RIGHT_SINGLE_QUOTE_CODE) && (last === 0x73 || last === 0x53)) end -= 2;
  }
  let ascii = true;
  let apostrophes = false;
  for (let index = 0; index < end; index++) {
    const code = word.charCodeAt(index);
    if (code >= 0x80) ascii = false;
    if (code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE_CODE) apostrophes = true;
  }
  const stem = end === word.length ? word : word.slice(0, end);
  if (ascii) {
    const lower = stem.toLowerCase();
    return apostrophes ? lower.replace(/'/g, '') : lower;
  }
  let folded = '';
  for (let index = 0; index < end; index++) {
    const code = stem.charCodeAt(index);
    if (code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE_CODE) continue;
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < end) {
      folded += foldCharacter(stem.slice(index, index + 2));
      index++;
      continue;
    }
    folded += foldCharacter(stem.charAt(index));
  }
  return folded;
}
