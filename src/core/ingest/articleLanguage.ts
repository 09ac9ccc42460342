import type { Article } from '../model';

/**
 * An article's language: what it declares (`<html lang>`, front matter, a .jsonl field, a
 * document's metadata) reduced to its BCP-47 primary subtag (`en-GB` is `en`), else what its
 * text shows. Chinese, Japanese, Korean, Thai, Greek, Hebrew... are told by their script alone;
 * text in a script several languages share (Latin, Cyrillic, Arabic, Devanagari) is given to a
 * trigram guesser (`franc-min`, passed in by the engine's thread that has it bundled), and only
 * when there is enough of it: a guess from a headline is worse than no answer.
 */

/** Guesses a text's language as an ISO 639-3 code (`rus`), or undefined when it cannot tell. */
export type LanguageGuesser = (sample: string) => string | undefined;

/** Tags that name no language (`und`etermined, `mul`tiple, `zxx` no linguistic content). */
const noLanguage = new Set(['und', 'mul', 'zxx', 'mis']);

/** Deprecated ISO 639 codes still seen in pages, and their BCP-47 replacements. */
const replacedCodes: Record<string, string> = { iw: 'he', in: 'id', ji: 'yi', jw: 'jv', mo: 'ro' };

/**
 * The primary language subtag of a declared tag, lower-cased (`en-GB`, `en_GB`, `EN` are `en`),
 * or undefined when the declaration names no language (`und`, `x-klingon`, `*`, a sentence).
 * Content-Language may list several languages (`en, fr`): the first counts.
 */
export function primaryLanguageTag(declared: string | undefined): string | undefined {
  const first = declared?.split(',')[0]?.trim();
  const match = first ? /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$/.exec(first) : null;
  if (!match) return undefined;
  const code = match[1].toLowerCase();
  if (noLanguage.has(code)) return undefined;
  return replacedCodes[code] ?? bcp47OfIso6393[code] ?? code;
}

/** ISO 639-3 codes franc answers with whose BCP-47 tag is a two-letter code (or the macrolanguage's). */
const bcp47OfIso6393: Record<string, string> = {
  afr: 'af', amh: 'am', arb: 'ar', azj: 'az', bel: 'be', ben: 'bn', bos: 'bs', bul: 'bg', ces: 'cs', cmn: 'zh', deu: 'de',
  ell: 'el', eng: 'en', fra: 'fr', fuv: 'ff', guj: 'gu', hau: 'ha', heb: 'he', hin: 'hi', hrv: 'hr', hun: 'hu', ibo: 'ig',
  ind: 'id', ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn', kaz: 'kk', khm: 'km', kin: 'rw', kor: 'ko', lin: 'ln', mal: 'ml',
  mar: 'mr', mya: 'my', nld: 'nl', npi: 'ne', nya: 'ny', pan: 'pa', pbu: 'ps', pes: 'fa', plt: 'mg', pol: 'pl', por: 'pt',
  ron: 'ro', run: 'rn', rus: 'ru', sin: 'si', som: 'so', spa: 'es', srp: 'sr', sun: 'su', swe: 'sv', swh: 'sw', tam: 'ta',
  tel: 'te', tgl: 'tl', tha: 'th', tur: 'tr', ukr: 'uk', urd: 'ur', uzn: 'uz', vie: 'vi', yor: 'yo', zlm: 'ms', zul: 'zu', zyb: 'za',
};

/** The BCP-47 primary subtag for an ISO 639-3 code: the two-letter code where there is one, else the code itself. */
export function bcp47OfGuess(iso6393: string | undefined): string | undefined {
  if (!iso6393 || !/^[a-z]{3}$/.test(iso6393) || iso6393 === 'und') return undefined;
  return bcp47OfIso6393[iso6393] ?? iso6393;
}

/** Scripts that name one language on their own (enough of it, and nothing else much). */
const singleLanguageScripts: ReadonlyArray<{ language: string; pattern: RegExp }> = [
  { language: 'ko', pattern: /\p{Script=Hangul}/u },
  { language: 'th', pattern: /\p{Script=Thai}/u },
  { language: 'el', pattern: /\p{Script=Greek}/u },
  { language: 'he', pattern: /\p{Script=Hebrew}/u },
  { language: 'ka', pattern: /\p{Script=Georgian}/u },
  { language: 'hy', pattern: /\p{Script=Armenian}/u },
  { language: 'km', pattern: /\p{Script=Khmer}/u },
  { language: 'lo', pattern: /\p{Script=Lao}/u },
  { language: 'my', pattern: /\p{Script=Myanmar}/u },
  { language: 'bn', pattern: /\p{Script=Bengali}/u },
  { language: 'ta', pattern: /\p{Script=Tamil}/u },
  { language: 'te', pattern: /\p{Script=Telugu}/u },
  { language: 'gu', pattern: /\p{Script=Gujarati}/u },
  { language: 'kn', pattern: /\p{Script=Kannada}/u },
  { language: 'ml', pattern: /\p{Script=Malayalam}/u },
  { language: 'pa', pattern: /\p{Script=Gurmukhi}/u },
  { language: 'si', pattern: /\p{Script=Sinhala}/u },
  { language: 'am', pattern: /\p{Script=Ethiopic}/u },
];

const han = /\p{Script=Han}/u;
const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const letter = /\p{L}/u;

/** Letters at least this many for the script to decide (a headline in Chinese says as much as a paragraph). */
const minScriptLetters = 20;
/** Words at least this many before the guesser is asked. */
const minGuessWords = 20;
/** Characters at least this many before the guesser is asked. */
const minGuessChars = 60;
/** The script count reads at most this much of an article. */
const sampleChars = 2048;
/**
 * The guesser reads at most this much: about 100 words, enough for trigrams to tell the
 * languages apart, at a third of the cost of franc's own 2,048 (0.7 ms an article, not 2.5).
 */
const guessChars = 640;

/**
 * The language a text's script alone tells: Japanese for Han with kana (kanji outnumber kana in
 * news prose, so counting the majority script would say Chinese), Chinese for Han alone,
 * Korean for Hangul, Thai, Greek, Hebrew... Undefined for scripts several languages share, and
 * for text with too few letters.
 */
export function languageOfScript(text: string): string | undefined {
  let letters = 0;
  let hanCount = 0;
  let kanaCount = 0;
  const counts = new Map<string, number>();
  for (const char of text) {
    const code = char.codePointAt(0)!;
    // Latin, Cyrillic, Arabic and Devanagari letters (most text) name no language by script: counted, never tested further.
    if (code < 0x0370 || (code >= 0x0400 && code < 0x0530) || (code >= 0x0600 && code < 0x0700) || (code >= 0x0900 && code < 0x0980)) {
      if (code >= 0x0400 ? letter.test(char) : isLatinLetter(code)) letters++;
      continue;
    }
    if (!letter.test(char)) continue;
    letters++;
    if (han.test(char)) hanCount++;
    else if (kana.test(char)) kanaCount++;
    else {
      for (const { language, pattern } of singleLanguageScripts) {
        if (pattern.test(char)) {
          counts.set(language, (counts.get(language) ?? 0) + 1);
          break;
        }
      }
    }
  }
  if (letters < minScriptLetters) return undefined;
  const majority = letters / 2;
  if (hanCount + kanaCount > majority) return kanaCount >= Math.max(3, (hanCount + kanaCount) * 0.05) ? 'ja' : 'zh';
  for (const [language, count] of counts) if (count > majority) return language;
  return undefined;
}

/** A letter below U+0370: A-Z, a-z, and the Latin-1 and Latin Extended letters (not × or ÷). */
function isLatinLetter(code: number): boolean {
  return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || (code >= 0xc0 && code < 0x0250 && code !== 0xd7 && code !== 0xf7);
}

/**
 * The language of a text: from its script when that decides, else from the guesser when there
 * are at least 20 words or 60 characters of it, else undefined.
 */
export function detectLanguage(text: string, guess?: LanguageGuesser): string | undefined {
  const sample = text.length > sampleChars ? text.slice(0, sampleChars) : text;
  const byScript = languageOfScript(sample);
  if (byScript) return byScript;
  if (!guess) return undefined;
  const guessSample = sample.length > guessChars ? sample.slice(0, guessChars) : sample;
  const words = guessSample.split(/\s+/).filter((word) => letter.test(word)).length;
  if (words < minGuessWords && guessSample.replace(/\s+/g, '').length < minGuessChars) return undefined;
  try {
    return bcp47OfGuess(guess(guessSample));
  } catch {
    return undefined;
  }
}

/** The text of an article the detector reads: its passages in order, up to the sample's length. */
function articleSample(article: Article): string {
  let sample = '';
  for (const passage of article.passages) {
    if (sample.length >= sampleChars) break;
    sample += (sample ? '\n' : '') + passage.text;
  }
  return sample.slice(0, sampleChars);
}

/**
 * The article with its language settled: a declared language reduced to its primary subtag and
 * marked `declared`; else, when its text shows one, that language marked `detected`; else no
 * language at all. Applied wherever files are read (the engine's thread), so the index and its
 * cache hold the settled value.
 */
export function settleArticleLanguage(article: Article, guess?: LanguageGuesser): Article {
  const { language: declaredTag, languageSource: _previous, ...rest } = article.meta;
  const declared = primaryLanguageTag(declaredTag);
  if (declared) return { ...article, meta: { ...rest, language: declared, languageSource: 'declared' } };
  const detected = detectLanguage(articleSample(article), guess);
  return { ...article, meta: detected ? { ...rest, language: detected, languageSource: 'detected' } : rest };
}

const displayNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  } catch {
    return undefined;
  }
})();

/** A language code as a writer reads it: `ru` is `Russian`; a code the platform cannot name stays as it is. */
export function languageName(code: string): string {
  try {
    return displayNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * What a `lang:` filter asks for, as a primary subtag: `ru`, `ru-RU`, or the English name of a
 * language the corpus holds (`russian`); undefined when it names no language.
 */
export function languageOfFilter(value: string, known: Iterable<string>): string | undefined {
  const tag = primaryLanguageTag(value);
  if (tag) return tag;
  const wanted = value.trim().toLowerCase();
  for (const code of known) if (languageName(code).toLowerCase() === wanted) return code;
  return undefined;
}
