import type { TopicKind } from '../model';
import {
  ABBREVIATIONS_BEFORE_NAMES,
  ABSORBED_HEADS,
  COMPOUND_HEADS,
  IRREGULAR_DEMONYMS,
  KIND_BY_LAST_WORD,
  NAME_ABBREVIATIONS,
  NAME_CONNECTORS,
  PLACE_CUES,
  PLACE_PREFIXES,
  SPEECH_VERBS,
  STOP_WORDS,
  TITLE_WORDS,
} from './englishWords';
import { keyOfTokens, NormalToken, normaliseTokens } from './normaliseTerm';

/** Why a span of a passage might be a topic; extractTopics weighs these across the whole corpus. */
export type CandidateRole =
  /** A capitalised name in the middle of a sentence, or after a title. */
  | 'name'
  /** A capitalised word that starts a sentence: a name only if the corpus confirms it. */
  | 'sentenceStart'
  /** Letters and digits: `S-400`, `COP26`, `2+2`. */
  | 'code'
  /** An all-capital word: `RELOS`, `BRICS`. */
  | 'acronym'
  /** A lower-case technical term built on a hyphenated compound (`surface-to-air missile system`): kept when repeated. */
  | 'term'
  /** A code with a following noun (`2+2 dialogue`): kept when that is how the code is mostly used. */
  | 'codeCompound'
  /** A name in a script without capitals known only by the Latin spelling in brackets after it (`布林肯（Antony Blinken）`, `بلينكن (Antony Blinken)`): a topic only by joining that spelling's. */
  | 'glossed';

/** A span of a passage that may name a topic. */
export interface Candidate {
  key: string;
  surface: string;
  start: number;
  end: number;
  role: CandidateRole;
  /** What the words themselves say the topic is (a title before it, a head word after it). */
  kind?: TopicKind;
  /** A preposition before it ("in Geneva") or a speech verb after it ("Goel said"). */
  cue?: 'place' | 'person';
  /** For `codeCompound`: the code's key; for a multi-word name with a head noun ("Chennai-Vladivostok maritime route"), the name's key. */
  baseKey?: string;
  /** For an expansion followed by its acronym in parentheses: the acronym's key. */
  acronymKey?: string;
  /** Followed directly by a lower-case word ("American concept"): how demonyms show themselves. */
  adjectival?: boolean;
  /** The key of the capitalised word before it in a list ("Japan, Australia and India"), whose kind it likely shares. */
  listedWith?: string;
  /** For `X-Y` names: the two keys, since "Russia-India" is two topics but "Chennai-Vladivostok" one. */
  hyphenParts?: [string, string];
  /** The office named just before a person ("prime minister", "president", "mantri"); courtesy titles ("Mr", "Dr") name none. */
  title?: string;
  /** A name in a script without capitals (Chinese, Japanese, Arabic, Hebrew, Devanagari), found by its shape, not by case (`findDottedNames`, `findGlossedNames`). */
  caseless?: boolean;
  /** For the surname of such a name: the key of the full name it was written in. */
  fullNameKey?: string;
  /** For such a name followed by its Latin spelling in brackets (`布林肯（Antony Blinken）`): that spelling's key, whose topic it joins when that is a person's. */
  glossKey?: string;
}

/** How often each word occurs in lower case across a corpus. One hash look-up per word: the counters are mutable boxes. */
export class WordCounts {
  private readonly counts = new Map<string, { n: number }>();

  add(word: string, times = 1): void {
    const box = this.counts.get(word);
    if (box) box.n += times;
    else this.counts.set(word, { n: times });
  }

  /** Every word with its count, for keeping a part of the corpus's counts (the archive keeps each article's). */
  entries(): Array<[string, number]> {
    return [...this.counts].map(([word, box]) => [word, box.n]);
  }

  count(word: string): number {
    return this.counts.get(word)?.n ?? 0;
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }
}

/** What one passage contributes: its candidates. */
export interface PassageCandidates {
  candidates: Candidate[];
}

const SINGLE_SPACE = /^[ \u00a0]$/;
/** Gaps come from word text (see `wordText`), which writes every dash that joins two words as `-`. */
const HYPHEN = /^-$/;
const SENTENCE_BREAK = /(?:[.!?:;•»|]["”’)\]]*\s*["“‘(\[]*|["“‘]\s*|\n\s*)$/;
const ORDINAL = /^\d+(?:st|nd|rd|th|d)$/;
const POSSESSIVE = /['’ʼ]s$/;
/** Heads that follow programmes and diseases as often as machines ("Social Security system", "AIDS vaccine"): a system only after a code ("S-400 system"). */
const GENERIC_SYSTEM_HEADS = new Set(['system', 'vaccine']);
/** Heads that name people in the plural ("Al Qaida fighters"), machines in the singular ("Rafale fighter"). */
const PEOPLE_WHEN_PLURAL = new Set(['fighter']);
/** Longer capitalised runs are headings or shouting, not names; the cap also bounds how far a look-up reaches. */
const MAX_NAME_TOKENS = 8;
const QUOTED = /["“]([^"“”\n]{2,80})["”]/g;

function isAllCaps(_text: string, token: NormalToken): boolean {
  return token.allCaps;
}

function isProperToken(text: string, token: NormalToken): boolean {
  return token.capitalised || token.isCode || isAllCaps(text, token);
}

/** Stop words are stop words in capitals too ("THE PRESIDENT"), except "US". */
function isStopWord(_text: string, token: NormalToken): boolean {
  return STOP_WORDS.has(token.norm) && !(token.allCaps && token.norm === 'us');
}

/** Office words that name the next capitalised word's bearer even in lower case ("spokesman Srivastava"); "marshal" and "general" are too often verbs and adjectives. */
const LOWERCASE_TITLES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'president', 'minister', 'secretary', 'senator',
  'governor', 'ambassador', 'chairman', 'chairwoman', 'envoy']);

function startsSentence(tokens: NormalToken[], i: number): boolean {
  return i === 0 || (SENTENCE_BREAK.test(tokens[i].gapBefore) && !continuesAbbreviation(tokens, i))
    || (isCapitalsWord(tokens[i - 1]) && !tokens[i].allCaps);
}

/**
 * "St. Louis", "Mt. Vernon": the full stop after the abbreviation is part of the name; so is the
 * stop after an initial in a person's name ("George W. Bush", "S. Jaishankar"), when the initial
 * follows a capitalised word or no sentence ends before it.
 */
function continuesAbbreviation(tokens: NormalToken[], i: number): boolean {
  const previous = tokens[i - 1];
  if (!previous || !tokens[i] || !previous.capitalised || (previous.norm.length !== 1 && !ABBREVIATIONS_BEFORE_NAMES.has(previous.norm)) || !/^\. ?$/.test(tokens[i].gapBefore)) return false;
  if (ABBREVIATIONS_BEFORE_NAMES.has(previous.norm)) return true;
  return /^\p{L}$/u.test(previous.norm) && tokens[i].capitalised && !tokens[i].allCaps && !STOP_WORDS.has(tokens[i].norm)
    && (i < 2 || (tokens[i - 2].capitalised && !tokens[i - 2].allCaps && / $/.test(previous.gapBefore)) || !SENTENCE_BREAK.test(previous.gapBefore));
}

/** A word of letters in capitals, not a code: the stuff of headings ("FOREIGN POLICY") and acronyms ("NATO"). */
function isCapitalsWord(token: NormalToken | undefined): boolean {
  return !!token && token.allCaps && !token.isCode && /^\p{L}+$/u.test(token.norm);
}

/**
 * How many tokens from `i` are a heading in capitals run into the text ("PUBLIC IMPROVEMENTS The time has
 * come", "LABOR The..."): two capitals words or more, or one of five letters or more that opens a sentence
 * and is followed by a capitalised word. Acronyms stand among ordinary words ("NATO Summit" stays a name).
 */
function headingLength(tokens: NormalToken[], i: number): number {
  let end = i;
  while (isCapitalsWord(tokens[end]) && (end === i || SINGLE_SPACE.test(tokens[end].gapBefore) || HYPHEN.test(tokens[end].gapBefore))) end++;
  if (end - i >= 2 && tokens.slice(i, end).some((t) => t.norm.length >= 4)) return end - i;
  const next = tokens[end];
  if (end - i === 1 && tokens[i].norm.length >= 5 && startsSentence(tokens, i) && (!next || (next.capitalised && !next.allCaps && !SENTENCE_BREAK.test(next.gapBefore) && !/[,(]/.test(next.gapBefore)))) return 1;
  return 0;
}

/**
 * A demonym by its shape alone ("Russian", "Chinese", "Turkish", "Korean", "Pakistani", "French").
 * A bare "-an" counts only after the letters demonyms put there (Cuban, American, Rwandan,
 * Korean, Tongan, Alaskan, Angolan, German, Samoan, Tibetan, Nicaraguan, Kenyan): names end in
 * "-han", "-ran", "-san", "-wan", "-pan" too (Manmohan, Jonathan, Kiran, Susan, Taiwan, Japan).
 */
export function looksLikeDemonym(norm: string): boolean {
  return IRREGULAR_DEMONYMS.has(norm) || (norm.length >= 5 && /(?:ian|ese|ish|[bcdegklmotuy]an|stani)s?$/.test(norm));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Title-case lines (headlines, menus) capitalise every word; only known names are taken from them, by the mention pass. */
function isTitleCase(text: string, tokens: NormalToken[]): boolean {
  let words = 0;
  let capitalised = 0;
  for (const token of tokens) {
    if (token.isCode || token.end - token.start < 4 || isDigit(token.norm.charCodeAt(0))) continue;
    words++;
    if (token.capitalised) capitalised++;
  }
  return words >= 4 && capitalised / words >= 0.7;
}

function headOf(token: NormalToken | undefined, table: ReadonlyMap<string, TopicKind>): TopicKind | undefined {
  return token && token.lowercase && !token.isCode ? table.get(token.singular) : undefined;
}

/**
 * Finds the spans of one passage that may name topics: capitalised names (split at titles,
 * stripped of sentence openers and leading demonyms), codes, acronyms and their defined
 * expansions, and technical terms. Judging them needs the whole corpus: see extractTopics.
 * The lower-case words of the passage (singular) are counted in `lowercaseWords` when given: the corpus's
 * evidence that a capitalised word is an ordinary word.
 */
export function findCandidates(text: string, lowercaseWords?: WordCounts): PassageCandidates {
  const tokens = normaliseTokens(text);
  if (lowercaseWords) {
    for (const token of tokens) {
      if (token.lowercase && !token.isCode) lowercaseWords.add(token.singular);
    }
  }
  const candidates: Candidate[] = [];
  const headline = isTitleCase(text, tokens);
  const emit = (from: number, to: number, role: CandidateRole, extra: Partial<Candidate> = {}): void => {
    const start = tokens[from].start;
    const end = tokens[to - 1].end;
    candidates.push({ key: keyOfTokens(tokens, from, to), surface: text.slice(start, end), start, end, role, ...extra });
  };

  const quoted = headline ? [] : quotedNames(text, tokens);
  for (const [from, to] of quoted) emit(from, to, 'name', { kind: KIND_BY_LAST_WORD.get(tokens[to - 1].norm) });
  let i = 0;
  while (i < tokens.length) {
    const inQuote = quoted.find(([from, to]) => i >= from && i < to);
    if (inQuote) {
      i = inQuote[1];
      continue;
    }
    if (!isProperToken(text, tokens[i])) {
      i++;
      continue;
    }
    const heading = headline ? 0 : headingLength(tokens, i);
    if (heading > 0) {
      i += heading;
      continue;
    }
    let end = i + 1;
    for (;;) {
      if (continuesAbbreviation(tokens, end) && tokens[end] && tokens[end].capitalised) {
        end++;
        continue;
      }
      if (POSSESSIVE.test(text.slice(tokens[end - 1].start, tokens[end - 1].end))) break;
      const next = tokens[end];
      if (next && (SINGLE_SPACE.test(next.gapBefore) || HYPHEN.test(next.gapBefore)) && isProperToken(text, next)) {
        end++;
        continue;
      }
      const after = tokens[end + 1];
      const connects = next && (NAME_CONNECTORS.has(next.norm) || (next.norm === 'on' && KIND_BY_LAST_WORD.has(tokens[end - 1].norm)));
      if (next && after && next.lowercase && connects
        && (SINGLE_SPACE.test(next.gapBefore) || HYPHEN.test(next.gapBefore))
        && (SINGLE_SPACE.test(after.gapBefore) || HYPHEN.test(after.gapBefore)) && isProperToken(text, after)) {
        end += 2;
        continue;
      }
      break;
    }
    if (!headline) {
      considerRun(text, tokens, i, end, emit);
    } else {
      for (let k = i; k < end; k++) {
        if (tokens[k].isCode && !ORDINAL.test(tokens[k].norm)) emit(k, k + 1, 'code');
      }
    }
    i = end;
  }
  if (!headline) findTerms(tokens, emit);
  findDottedNames(text, tokens, emit);
  findGlossedNames(text, tokens, emit, (start) => candidates.some((candidate) => candidate.start === start));
  return { candidates };
}

/**
 * Foreign names as Chinese and Japanese write them: the transliterated given name and surname
 * joined by a middle dot (`弗拉基米尔·普京`, `ウラジーミル・プーチン`), a shape these scripts keep for
 * people's names. In Japanese the parts are katakana, which the script around them ends, and a
 * title or an honorific must follow (`…大統領`, `…氏`): Japanese also dots loanwords and names of
 * papers (`ニューヨーク・タイムズ紙`) and lists (`日本・米国`, so a dotted Han name is left out). In
 * Chinese, where the name runs on into the words around it (`总统弗拉基米尔·普京抵达`), a part is what
 * the segmenter leaves beside the dot as single characters or pieces it happens to know
 * (`partStart`, `partEnd`).
 * Each part has two characters or more. Each such name is a person, and its last part (`普京`,
 * `プーチン`) a candidate of its own that knows its full name, so the surname alone, which these
 * scripts use most, joins the person (`buildTopics`).
 */
function findDottedNames(text: string, tokens: NormalToken[], emit: Emit): void {
  if (!NAME_DOT.test(text)) return;
  const japanese = /[\u3040-\u309f]/.test(text);
  const emitName = (from: number, to: number, lastFrom: number): void => {
    const fullNameKey = keyOfTokens(tokens, from, to);
    const glossKey = latinGlossAt(text, tokens, tokens[to - 1].end)?.key;
    emit(from, to, 'name', { kind: 'person', cue: 'person', caseless: true, ...(glossKey ? { glossKey } : {}) });
    emit(lastFrom, to, 'name', { kind: 'person', cue: 'person', caseless: true, fullNameKey });
  };
  for (const match of text.matchAll(KATAKANA_NAME)) {
    const start = match.index;
    const end = start + match[0].length;
    const from = firstTokenAtOrAfter(tokens, start);
    const lastFrom = firstTokenAtOrAfter(tokens, start + match[0].search(/[^\u30fb\uff65\u00b7]*$/));
    if (from < 0 || lastFrom < 0 || tokens[from].start !== start) continue;
    let to = lastFrom;
    while (to < tokens.length && tokens[to].end <= end) to++;
    // Katakana joined by a dot is also a loanword or a title (`ニューヨーク・タイムズ`): a person only with a title or an honorific after it.
    if (tokens[to - 1].end === end && JAPANESE_PERSON_SUFFIX.test(text.slice(end, end + 60).replace(ROMANISED_ASIDE, ''))) emitName(from, to, lastFrom);
  }
  if (japanese) return;
  // Chinese: from each dot between two Han characters, the parts on either side, and on along further dots.
  let at = 0;
  while (at < tokens.length) {
    const dot = tokens[at].end;
    if (!isNameDotBetweenHan(text, dot) || at + 1 >= tokens.length || tokens[at + 1].start !== dot + 1) {
      at++;
      continue;
    }
    const from = partStart(text, tokens, at);
    if (from > at || tokens[at].end - tokens[from].start < 2) {
      at++;
      continue;
    }
    let lastFrom = at + 1;
    let to = partEnd(text, tokens, lastFrom);
    while (to > lastFrom && tokens[to - 1].end - tokens[lastFrom].start >= 2 && isNameDotBetweenHan(text, tokens[to - 1].end) && to < tokens.length && tokens[to].start === tokens[to - 1].end + 1) {
      const next = partEnd(text, tokens, to);
      if (next === to || tokens[next - 1].end - tokens[to].start < 2) break;
      lastFrom = to;
      to = next;
    }
    if (to > lastFrom && tokens[to - 1].end - tokens[lastFrom].start >= 2 && !namesAPlace(text.slice(tokens[from].start, tokens[to - 1].end))) emitName(from, to, lastFrom);
    at = Math.max(to, at + 1);
  }
}

/**
 * A foreign person's name as Chinese and Japanese news write it the first time, with the Latin
 * spelling in brackets after it and no dot (`国务卿布林肯（Antony Blinken）`, `ブリンケン(Antony Blinken)国務長官`).
 * The name before the brackets is what a dotted name's part would be (`partStart`: the title before
 * it stays out), or the katakana run; it becomes a `glossed` candidate that knows the Latin key, so it
 * joins that spelling's topic, also in English sources, when that topic is a person (`buildTopics`).
 * A dotted name with such brackets is found as dotted (`findDottedNames`) and knows its Latin key too.
 * Arabic, Hebrew and Hindi news write names the same way, with a space (`أنتوني بلينكن (Antony Blinken)`):
 * there the name is as many words as the Latin spelling has, and its last word alone is a candidate too.
 */
function findGlossedNames(text: string, tokens: NormalToken[], emit: Emit, hasCandidateAt: (start: number) => boolean): void {
  // Most passages have no bracket at all: two scans for a character are cheaper than the pattern.
  if ((!text.includes('(') && !text.includes('（')) || !GLOSS_OPENING.test(text)) return;
  for (let at = 0; at < tokens.length; at++) {
    const end = tokens[at].end;
    const before = text[end - 1];
    const cjk = HAN.test(before) || KATAKANA.test(before);
    // Scripts with spaces and no capitals (Arabic, Hebrew, Devanagari) put a space before the bracket; Chinese and Japanese none.
    const bracketAt = GLOSS_BRACKET.test(text[end] ?? '') ? end : !cjk && text[end] === ' ' && GLOSS_BRACKET.test(text[end + 1] ?? '') ? end + 1 : -1;
    if (bracketAt < 0 || !(cjk || isCaselessWord(text, tokens[at]))) continue;
    const gloss = latinGlossAt(text, tokens, bracketAt);
    if (!gloss) continue;
    // The spelling in brackets is a name whatever its shape (`S. Jaishankar` reads as a sentence's end and start elsewhere).
    if (!hasCandidateAt(tokens[gloss.from].start)) emit(gloss.from, gloss.to, 'name');
    const glossed = { kind: 'person' as const, cue: 'person' as const, caseless: true, glossKey: gloss.key };
    if (!cjk) {
      // As many words as the Latin spelling has (`أنتوني بلينكن (Antony Blinken)`), one space apart; the last alone is the surname the text uses after.
      const from = at + 1 - (gloss.to - gloss.from);
      if (from < 0 || tokens.slice(from, at + 1).some((token, k) => !isCaselessWord(text, token) || (k > 0 && token.gapBefore !== ' '))) continue;
      emit(from, at + 1, 'glossed', glossed);
      emit(at, at + 1, 'glossed', glossed);
      continue;
    }
    let from: number;
    if (KATAKANA.test(before)) {
      let start = end;
      while (start > 0 && KATAKANA.test(text[start - 1])) start--;
      from = firstTokenAtOrAfter(tokens, start);
      if (from < 0 || tokens[from].start !== start || end - start < 2 || (start > 0 && NAME_DOT.test(text[start - 1]))) continue;
    } else {
      from = partStart(text, tokens, at);
      if (from > at || end - tokens[from].start < 2 || (tokens[from].start > 0 && NAME_DOT.test(text[tokens[from].start - 1]))) continue;
    }
    emit(from, at + 1, 'glossed', glossed);
  }
}

/** A word of a script written with spaces and without capitals (Arabic, Hebrew, Devanagari): letters and marks, two letters or more, none with case. */
function isCaselessWord(text: string, token: NormalToken): boolean {
  const word = text.slice(token.start, token.end);
  return word.length >= 2 && CASELESS_WORD.test(word) && !HAN.test(word[0]) && !KATAKANA.test(word[0]) && !/[\u3040-\u309f]/.test(word[0]);
}

/**
 * The Latin spelling of a person's name in brackets at `offset` (`（Antony Blinken）`, `(S. Jaishankar)`):
 * two to four capitalised words or initials, the last a word, with the key its tokens make.
 */
function latinGlossAt(text: string, tokens: NormalToken[], offset: number): { key: string; from: number; to: number } | undefined {
  if (!GLOSS_BRACKET.test(text[offset] ?? '')) return undefined;
  const match = LATIN_GLOSS.exec(text.slice(offset, offset + 64));
  if (!match) return undefined;
  const innerStart = offset + match[0].indexOf(match[1]);
  const innerEnd = innerStart + match[1].length;
  const from = firstTokenAtOrAfter(tokens, innerStart);
  if (from < 0) return undefined;
  let to = from;
  while (to < tokens.length && tokens[to].end <= innerEnd) to++;
  return to - from >= 2 ? { key: keyOfTokens(tokens, from, to), from, to } : undefined;
}

/** An opening bracket, half or full width, as a Latin spelling follows such a name. */
const GLOSS_BRACKET = /[(（]/;
const GLOSS_OPENING = /[\p{Script=Han}\u30a1-\u30fa\u30fc][(（]\s*\p{Lu}|[\p{Lo}\p{M}] ?[(（]\s*\p{Lu}/u;
/** Letters without case and their marks (Arabic, Hebrew, Devanagari words). */
const CASELESS_WORD = /^(?:\p{Lo}|\p{M})+$/u;
/** Two to four capitalised words or initials, the last a word, closed by a bracket: `Antony Blinken`, `S. Jaishankar`, `Jean-Yves Le Drian`. */
const LATIN_GLOSS = /^[(（]\s*((?:(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)?)\s+){1,3}\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)?)\s*[)）]/u;
const KATAKANA = /[\u30a1-\u30fa\u30fc]/;

/**
 * Where the part of a Chinese name that ends with token `last` (just before a dot) starts. The
 * segmenter cuts a transliteration into single characters and the pieces its dictionary happens
 * to know (`约翰`, `东尼`): the part takes single characters, and a longer piece only while it has
 * one character or none, so a title or a place before it (`总统`, `美国`) ends it; so do the
 * one-character words beside names (`了`, `与`).
 */
function partStart(text: string, tokens: NormalToken[], last: number): number {
  let from = last + 1;
  while (from > 0) {
    const token = tokens[from - 1];
    const taken = from > last ? 0 : tokens[last].end - tokens[from].start;
    if (from <= last && token.end !== tokens[from].start) break;
    if (!isNamePiece(text, token, taken) || taken + (token.end - token.start) > MAX_NAME_PART || WORDS_BESIDE_NAMES.has(text.slice(token.start, token.end))) break;
    from--;
  }
  return from;
}

/** The end (exclusive) of the part of a Chinese name that starts at token `from`, the same way (`partStart`), rightwards. */
function partEnd(text: string, tokens: NormalToken[], from: number): number {
  let to = from;
  while (to < tokens.length) {
    const token = tokens[to];
    const taken = to === from ? 0 : tokens[to - 1].end - tokens[from].start;
    if (to > from && token.start !== tokens[to - 1].end) break;
    if (!isNamePiece(text, token, taken) || taken + (token.end - token.start) > MAX_NAME_PART || WORDS_BESIDE_NAMES.has(text.slice(token.start, token.end))) break;
    to++;
  }
  return to;
}

/**
 * Whether a dotted Chinese name is rather places (`中国·北京`, an event's or a dateline's): a part
 * that is a country or a city of the news, or ends as an administrative place does (`省`, `市`).
 */
function namesAPlace(name: string): boolean {
  return name.split(/[\u00b7\u2022\u30fb\uff65]/).some((part) => CHINESE_PLACES.has(part) || /[国省市县区州]$/.test(part));
}

/** Countries and cities that Chinese writes with a dot beside another place, never in a person's name. */
const CHINESE_PLACES = new Set(['中国', '北京', '上海', '广州', '深圳', '天津', '重庆', '香港', '澳门', '台湾', '台北', '南京', '武汉', '成都', '杭州', '西安', '东京', '大阪', '首尔', '纽约', '伦敦', '巴黎', '柏林', '罗马', '莫斯科', '新德里', '孟买', '日本', '韩国', '朝鲜', '印度', '俄罗斯', '美国', '英国', '法国', '德国', '意大利', '加拿大', '澳大利亚', '新加坡', '欧洲', '亚洲', '非洲', '美洲']);

/** Whether `token` may be a piece of a transliterated name part that has `taken` characters so far: Han, and one character unless the part has at most one yet. */
function isNamePiece(text: string, token: NormalToken, taken: number): boolean {
  const length = token.end - token.start;
  if (!HAN.test(text[token.start]) || !HAN.test(text[token.end - 1]) || (length === 1 && CHINESE_NUMERALS.has(text[token.start]))) return false;
  return length === 1 || taken <= 1;
}

function isNameDotBetweenHan(text: string, at: number): boolean {
  return at > 0 && at + 1 < text.length && NAME_DOT.test(text[at]) && HAN.test(text[at - 1]) && HAN.test(text[at + 1]);
}

/** A middle dot as Chinese (`·`, `•`) and Japanese (`・`, `･`) put it between the parts of a name. */
const NAME_DOT = /[\u00b7\u2022\u30fb\uff65]/;
const HAN = /\p{Script=Han}/u;
/** Characters of a transliterated name part at most (苏布拉马尼亚姆 is seven; 弗拉基米尔 five). */
const MAX_NAME_PART = 8;
/** Numerals and the like, which end a name part (`北京·上海·广州三地`). */
const CHINESE_NUMERALS = new Set([...'一二三四五六七八九十百千万两零〇'.split('')]);
/**
 * One-character words found beside names in Chinese text and no part of them (says, of, and, at,
 * is, will, by, to...), and the first characters of the time words that follow a name (`此前`,
 * `今天`, `近日`, `随后`), and the last characters of the titles before one that the segmenter
 * leaves alone (`外交部长` -> `外交部` `长`; `发言人`): a name part stops at them.
 */
const WORDS_BESIDE_NAMES = new Set([...'说称的和与在是对将也都就而及同向于为被把从到等会要能已曾又还并但却即则且或令让给跟了由据前此今昨近随当这那该其之所首次每各长人员者卿统官'.split('')]);
/** The name in Latin letters that Japanese news puts in brackets after a foreign name (`ナレンドラ・モディ(Narendra Modi)首相`). */
const ROMANISED_ASIDE = /^[(（][^()（）]{1,50}[)）]/;
/** What follows a person's name in Japanese news: an office or an honorific. */
const JAPANESE_PERSON_SUFFIX = /^(?:大統領|首相|総理|氏|さん|外相|国防相|財務相|外務大臣|国務長官|長官|議長|主席|国家主席|首席|国王|女王|王子|皇太子|書記長|大使|司令官|将軍|教授|博士|議員|知事|市長|監督|選手|記者|容疑者|被告|元大統領|前大統領|副大統領|次期大統領)/;
/** Two katakana parts or more (each two characters or more, `ー` included) joined by a middle dot, with no katakana on either side. */
const KATAKANA_NAME = /(?<![\u30a0-\u30ff])[\u30a1-\u30fa\u30fc]{2,12}(?:[\u30fb\uff65\u00b7][\u30a1-\u30fa\u30fc]{2,12})+(?![\u30a0-\u30ff])/gu;

function firstTokenAtOrAfter(tokens: NormalToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low < tokens.length ? low : -1;
}

/** Short quoted phrases in title case name something as a whole: “One Belt, One Road”, "Democracy Summit". */
function quotedNames(text: string, tokens: NormalToken[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const match of text.matchAll(QUOTED)) {
    const start = (match.index ?? 0) + 1;
    const end = start + match[1].length;
    const from = firstTokenAtOrAfter(tokens, start);
    let to = from;
    while (to >= 0 && tokens[to] && tokens[to].end <= end) to++;
    if (from < 0 || to - from < 2 || to - from > 6) continue;
    const words = tokens.slice(from, to).filter((t) => !NAME_CONNECTORS.has(t.norm));
    if (words.every((t) => t.capitalised || t.isCode) && !words.every((t) => STOP_WORDS.has(t.norm))) spans.push([from, to]);
  }
  return spans;
}

function listNeighbour(text: string, tokens: NormalToken[], a: number): string | undefined {
  const gap = tokens[a].gapBefore;
  let k = a - 1;
  if (/^\s*(?:,|and|or)\s*$/.test(gap)) {
    // direct list: "Japan, Australia"
  } else if (tokens[k] && /^(?:and|or)$/.test(tokens[k].norm) && /^,?\s*$/.test(gap) && /^\s*,?\s*$/.test(tokens[k].gapBefore)) {
    k--;
  } else {
    return undefined;
  }
  const previous = tokens[k];
  return previous && previous.capitalised && !previous.isCode ? previous.norm : undefined;
}

type Emit = (from: number, to: number, role: CandidateRole, extra?: Partial<Candidate>) => void;

function considerRun(text: string, tokens: NormalToken[], runStart: number, runEnd: number, emit: Emit): void {
  let a = runStart;
  let b = runEnd;
  const gapBeforeRun = tokens[runStart].gapBefore;
  if (/[_/@.#=]$/.test(gapBeforeRun) && !/\s$/.test(gapBeforeRun)) return;

  for (let k = a; k < b; k++) {
    if (tokens[k].isCode && b - a > 1 && !ORDINAL.test(tokens[k].norm)) emit(k, k + 1, 'code');
  }

  let titled = false;
  let title: string | undefined;
  // A title word that opens an institution's name is no title: "General Land Office", "General Accounting Office".
  for (let k = b - 1; k >= a; k--) {
    if (TITLE_WORDS.has(tokens[k].norm)) {
      if (k === a && b - a >= 3 && !tokens[k].allCaps && !NAME_CONNECTORS.has(tokens[k + 1].norm) && KIND_BY_LAST_WORD.has(tokens[b - 1].norm)) break;
      // An office named with "of" ("Secretary of State", "Minister of External Affairs"): the name starts after it.
      const officeEnd = officeOfDomainEnd(tokens, k, b);
      if (officeEnd !== undefined) {
        a = officeEnd;
        titled = true;
        title = `${officeOf(tokens, runStart, k) ?? tokens[k].norm} of ${tokens.slice(k + 2, officeEnd).map((t) => t.norm).join(' ')}`;
        break;
      }
      a = k + 1;
      titled = !(tokens[a] && NAME_CONNECTORS.has(tokens[a].norm));
      if (titled) title = officeOf(tokens, runStart, k);
      break;
    }
  }
  const before = tokens[runStart - 1];
  if (!titled && before && before.lowercase && LOWERCASE_TITLES.has(before.norm) && SINGLE_SPACE.test(tokens[runStart].gapBefore)) {
    titled = true;
    title = before.norm;
  }
  if (title) emit = withTitle(emit, title);
  while (a < b && (isStopWord(text, tokens[a]) || (tokens[a].lowercase && NAME_CONNECTORS.has(tokens[a].norm)) || ORDINAL.test(tokens[a].norm))) a++;
  if (a === runStart && b - a >= 2 && startsSentence(tokens, a) && !tokens[a].allCaps && /(?:ly|ing|ed)$/.test(tokens[a].norm)) a++;
  while (b > a && (isStopWord(text, tokens[b - 1]) || NAME_CONNECTORS.has(tokens[b - 1].norm))) b--;
  if (a >= b || b - a > MAX_NAME_TOKENS) return;
  if (b - a >= 3 && HYPHEN.test(tokens[a + 1].gapBefore) && looksLikeDemonym(tokens[a + 1].norm)) {
    a += 2;
  }
  if (b - a >= 2 && !tokens[a].isCode && looksLikeDemonym(tokens[a].norm) && (tokens[a].norm.length >= 6 || IRREGULAR_DEMONYMS.has(tokens[a].norm))
    && !KIND_BY_LAST_WORD.has(tokens[b - 1].norm)
    && (SINGLE_SPACE.test(tokens[a + 1].gapBefore) || looksLikeDemonym(tokens[a + 1].norm))) {
    a++;
  }
  if (b - a >= 3 && tokens[b - 1].isCode && !tokens[b - 2].isCode) {
    b--;
  }
  if (a >= b) return;

  const acronym = definedAcronym(text, tokens, a, b);
  if (acronym) {
    emit(a, b, 'name', { acronymKey: acronym, kind: KIND_BY_LAST_WORD.get(tokens[b - 1].norm) });
    return;
  }

  const after1 = tokens[b];
  const after2 = tokens[b + 1];
  const follows = (t: NormalToken | undefined): boolean => !!t && SINGLE_SPACE.test(t.gapBefore);
  const single = b - a === 1;
  const baseIsCode = single && tokens[a].isCode;
  let compoundEnd = -1;
  let compoundKind: TopicKind | undefined;
  if (follows(after1) && headOf(after1, COMPOUND_HEADS)) {
    compoundEnd = b + 1;
    compoundKind = headOf(after1, COMPOUND_HEADS);
  } else if (follows(after1) && follows(after2) && after1.lowercase && !STOP_WORDS.has(after1.norm) && headOf(after2, COMPOUND_HEADS)) {
    compoundEnd = b + 2;
    compoundKind = headOf(after2, COMPOUND_HEADS);
  }
  if (compoundEnd > 0 && !titled && !(single && a === runStart && startsSentence(tokens, a))) {
    if (baseIsCode) {
      emit(a, compoundEnd, 'codeCompound', { kind: compoundKind, baseKey: tokens[a].norm });
    } else {
      emit(a, compoundEnd, 'name', { kind: compoundKind, baseKey: keyOfTokens(tokens, a, b) });
      return;
    }
  }
  let kind: TopicKind | undefined = titled ? 'person' : !single ? headBeforeConnector(tokens, a, b) ?? KIND_BY_LAST_WORD.get(tokens[b - 1].norm) : undefined;
  const absorbedHead = follows(after1) && headOf(after1, ABSORBED_HEADS) ? after1
    : follows(after1) && follows(after2) && after1.lowercase && !STOP_WORDS.has(after1.norm) && headOf(after2, ABSORBED_HEADS) ? after2 : undefined;
  const namesMachine = !absorbedHead || tokens.slice(a, b).some((t) => t.isCode)
    || !(GENERIC_SYSTEM_HEADS.has(absorbedHead.singular) || (PEOPLE_WHEN_PLURAL.has(absorbedHead.singular) && absorbedHead.norm !== absorbedHead.singular));
  const absorbed = namesMachine ? headOf(absorbedHead, ABSORBED_HEADS) : undefined;
  if (!kind && absorbed) kind = absorbed;
  if (!kind && !single) {
    kind = headBeforeConnector(tokens, a, b)
      ?? KIND_BY_LAST_WORD.get(tokens[b - 1].norm)
      ?? (PLACE_PREFIXES.has(tokens[a].norm) ? 'place' : undefined);
  }
  const headBefore = tokens[a - 1];
  if (!kind && headBefore && a === runStart && SINGLE_SPACE.test(tokens[a].gapBefore)) {
    kind = headOf(headBefore, ABSORBED_HEADS);
  }

  if (single) {
    const token = tokens[a];
    const raw = text.slice(token.start, token.end);
    if (ORDINAL.test(token.norm) || /^\d+$/.test(token.norm)) return;
    if (!token.isCode && (raw.length < 2 || NAME_ABBREVIATIONS.has(token.norm))) return;
    if (token.isCode) {
      emit(a, b, 'code', { kind });
      return;
    }
    if (isAllCaps(text, token)) {
      emit(a, b, 'acronym', { kind });
      return;
    }
    kind ??= KIND_BY_LAST_WORD.get(token.norm);
    const previous = tokens[a - 1];
    const adjectival = !!after1 && follows(after1) && after1.lowercase && !after1.isCode && !STOP_WORDS.has(after1.norm);
    const cue: Candidate['cue'] = previous && PLACE_CUES.has(previous.norm) && previous.lowercase ? 'place'
      : after1 && SPEECH_VERBS.has(after1.norm) ? 'person' : undefined;
    const role: CandidateRole = !titled && a === runStart && startsSentence(tokens, a) ? 'sentenceStart' : 'name';
    emit(a, b, role, { kind, cue, adjectival, listedWith: listNeighbour(text, tokens, a) });
    return;
  }
  if (b - a === 2 && HYPHEN.test(tokens[a + 1].gapBefore)) {
    emit(a, b, 'name', { kind, hyphenParts: [tokens[a].norm, tokens[a + 1].norm] });
    return;
  }
  if (/^\p{Lu}$/u.test(text.slice(tokens[b - 1].start, tokens[b - 1].end)) && b - a === 2 && TITLE_WORDS.has(tokens[a].norm)) return;
  emit(a, b, 'name', { kind });
}

/** Titles of courtesy say nothing of which office a person holds, so they never tell two people apart. */
const COURTESY_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'lady', 'dame', 'lord', 'prof', 'professor', 'excellency', 'highness', 'majesty']);

/** Short forms of offices, written out so "PM Modi" and "Prime Minister Narendra Modi" hold the same office. */
const OFFICE_ABBREVIATIONS = new Map([['pm', 'prime minister'], ['gen', 'general'], ['col', 'colonel'], ['capt', 'captain'], ['adm', 'admiral'],
  ['lt', 'lieutenant'], ['sgt', 'sergeant'], ['cmdr', 'commander'], ['rep', 'representative']]);

/** The office the title words ending at `last` name ("Indian Prime Minister" -> "prime minister"), or none for a courtesy title. */
function officeOf(tokens: NormalToken[], runStart: number, last: number): string | undefined {
  let first = last;
  while (first > runStart && TITLE_WORDS.has(tokens[first - 1].norm)) first--;
  const words = tokens.slice(first, last + 1).map((t) => OFFICE_ABBREVIATIONS.get(t.norm) ?? t.norm).filter((w) => !COURTESY_TITLES.has(w));
  return words.length > 0 ? words.join(' ').replace(/s$/, '') : undefined;
}

/**
 * Where an office named "<title> of <domain>" ends when a name follows it in the same run
 * ("Secretary of State Antony Blinken", "Minister of External Affairs S. Jaishankar"); undefined
 * when token `k` opens no such office or nothing follows it.
 */
function officeOfDomainEnd(tokens: NormalToken[], k: number, runEnd: number): number | undefined {
  if (tokens[k + 1]?.norm !== 'of' || !tokens[k + 1].lowercase) return undefined;
  let from = k + 2;
  if (tokens[from]?.norm === 'the') from++;
  for (const length of [2, 1]) {
    if (from + length >= runEnd) continue;
    if (OFFICE_DOMAINS.has(tokens.slice(from, from + length).map((t) => t.norm).join(' '))) return from + length;
  }
  return undefined;
}

/** What an office "of" is in charge of, in the names of ministries and departments. */
const OFFICE_DOMAINS = new Set(['state', 'defense', 'defence', 'war', 'treasury', 'commerce', 'energy', 'interior', 'labor', 'labour', 'agriculture', 'education',
  'health', 'transportation', 'transport', 'justice', 'finance', 'external affairs', 'foreign affairs', 'home affairs', 'homeland security', 'veterans affairs',
  'housing', 'trade', 'industry', 'culture', 'information']);

/** The same emit, each candidate marked with the office named before it. */
function withTitle(emit: Emit, title: string): Emit {
  return (from, to, role, extra = {}) => emit(from, to, role, { ...extra, title });
}

/** "Bay of Bengal", "Conference on Afghanistan": the kind of a head word that a connector follows. */
function headBeforeConnector(tokens: NormalToken[], a: number, b: number): TopicKind | undefined {
  for (let k = b - 2; k >= a; k--) {
    const next = tokens[k + 1];
    if (next.lowercase && (NAME_CONNECTORS.has(next.norm) || next.norm === 'on')) {
      const kind = KIND_BY_LAST_WORD.get(tokens[k].norm);
      if (kind) return kind;
    }
  }
  return undefined;
}

/** "the Reciprocal Exchange of Logistics Agreement (RELOS)": the acronym's key when the parenthesis defines the run before it. */
function definedAcronym(text: string, tokens: NormalToken[], a: number, b: number): string | undefined {
  const acronym = tokens[b];
  if (!acronym || b - a < 2 || !/^\s*\(\s*$/.test(acronym.gapBefore) || !isAllCaps(text, acronym)) return undefined;
  const closing = tokens[b + 1];
  const afterAcronym = text.slice(acronym.end, closing ? closing.start : text.length);
  if (!/^\s*\)/.test(afterAcronym)) return undefined;
  const letters = acronym.norm.replace(/[^a-z]/g, '');
  const words = tokens.slice(a, b).filter((t) => !NAME_CONNECTORS.has(t.norm)).map((t) => t.norm);
  if (letters.length < 2 || letters[0] !== words[0][0]) return undefined;
  const initials = words.map((w) => w[0]);
  const initialsInAcronym = initials.filter((c) => letters.includes(c)).length;
  if (initialsInAcronym * 2 < initials.length) return undefined;
  const joined = words.join('');
  let at = 0;
  for (const letter of letters) {
    at = joined.indexOf(letter, at);
    if (at < 0) return undefined;
    at++;
  }
  return acronym.norm;
}

/** Lower-case technical terms: a hyphenated compound, then up to two nouns ending in a system/agreement head ("surface-to-air missile system"). */
function findTerms(tokens: NormalToken[], emit: Emit): void {
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].lowercase || tokens[i].isCode || (i > 0 && HYPHEN.test(tokens[i].gapBefore) && tokens[i - 1].lowercase)) continue;
    let j = i + 1;
    while (tokens[j] && HYPHEN.test(tokens[j].gapBefore) && tokens[j].lowercase && !tokens[j].isCode) j++;
    if (j - i < 2) continue;
    const plain = (k: number): boolean => {
      const t = tokens[k];
      return !!t && t.lowercase && !t.isCode && SINGLE_SPACE.test(t.gapBefore) && !STOP_WORDS.has(t.norm)
        && !(tokens[k + 1] && HYPHEN.test(tokens[k + 1].gapBefore));
    };
    const isHead = (k: number): boolean => ABSORBED_HEADS.has(tokens[k].singular) || COMPOUND_HEADS.has(tokens[k].singular);
    const kindOfHead = (k: number): TopicKind | undefined => GENERIC_SYSTEM_HEADS.has(tokens[k].singular)
      ? (k > j && isHead(k - 1) ? kindOfHead(k - 1) : undefined)
      : ABSORBED_HEADS.get(tokens[k].singular) ?? COMPOUND_HEADS.get(tokens[k].singular);
    if (plain(j) && plain(j + 1) && isHead(j + 1)) {
      emit(i, j + 2, 'term', { kind: kindOfHead(j + 1) });
    } else if (plain(j) && isHead(j)) {
      emit(i, j + 1, 'term', { kind: kindOfHead(j) });
    }
    i = j - 1;
  }
}
