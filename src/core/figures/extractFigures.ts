import type { Article, Logger, Passage } from '../model';
import type { CalendarDate, Comparison, Figure, FigureKind, TimeAnchor } from './figure';
import {
  comparisonPhrases, currencyAfter, currencyBefore, monthNumbers, numberWords, ordinalWords, percentWords,
  scaleWords, unitWords, vagueMagnitudes,
} from './figureVocabulary';
import { conceptOf, isMeasureConcept, keyNounPhrases, midSentenceNames, namesIn, singular } from './keywords';
import { splitSentences, type SentenceBounds } from './sentences';
import { tokenise, type Token } from './tokenise';

/** Limits that keep extraction fast on any input. */
export interface ExtractFiguresOptions {
  /**
   * The text right before this passage in its article (its previous passage). A sentence that
   * points back ("In this market, Russia's share has fallen below 50%.") borrows its words.
   */
  precedingText?: string;
  /** Only this many characters of a passage are read (default 100,000). */
  maxTextLength?: number;
  /** At most this many figures per passage (default 400). */
  maxFigures?: number;
  /** Told when a passage could not be read (a bug: extraction then returns no figures rather than throwing). */
  logger?: Logger;
}

/** Where a raw figure sits in the token list, before its hedge and context are read. */
interface RawFigure {
  vague?: boolean;
  kind: FigureKind;
  value: number;
  low: number;
  high: number;
  approximate: boolean;
  unit: string;
  date?: CalendarDate;
  firstToken: number;
  lastToken: number;
}

const keywordWindow = 40;
/**
 * A number takes at most this many scale words ("1.5 lakh crore", "hundreds of millions of"):
 * a figure that fails to parse is retried from its next word, so an unbounded chain
 * ("millions of millions of ...") would be read once per word, quadratic in its length.
 */
const maxScaleWords = 3;
/** A figure names at most this many people and places of its sentence (the first ones); comparing figures compares every pair of names. */
const maxNamesPerFigure = 32;
const clauseWindow = 12;
const adjacentWindow = 4;
const adjacentWeight = 1;
const clauseWeight = 0.7;
const sentenceWeight = 0.4;
const farWeight = 0.25;
const contextWeight = 0.4;
const paragraphWeight = 0.2;
const nearWindow = 15;

/** A sentence that points back names the subject in the sentence before; any sentence shares its paragraph's subject a little. */
const clauseBreaks = new Set([',', ';', ':', '(', ')', '\u2014', '\u2013', '"', '\u201c', '\u201d', '\u00ab', '\u00bb']);
const openingPronouns = new Set(['it', 'its', 'they', 'their', 'this', 'these', 'such', 'he', 'she']);
const demonstratives = new Set(['this', 'these', 'those', 'such']);
const referentialDeterminers = new Set(['the', 'these', 'those', 'both']);
const ordinalSuffixes = new Set(['st', 'nd', 'rd', 'th']);
/** Common adjectives (stop words elsewhere) that may stand between a number and what it counts: "3.5 million new jobs". */
const countedNounAdjectives = new Set(['new', 'more', 'other', 'additional', 'extra', 'own', 'young', 'old', 'many', 'few', 'such', 'same']);

function isWord(token: Token | undefined, lower: string): boolean {
  return token !== undefined && token.kind === 'word' && token.lower === lower;
}

function isSymbol(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'symbol' && token.text === text;
}

function isGlued(token: Token | undefined): boolean {
  return token !== undefined && !token.spaceBefore;
}

function parseDigits(token: Token): number {
  return Number(token.text.replace(/,/g, ''));
}

function isPlainYear(token: Token): boolean {
  if (token.kind !== 'number' || token.text.length !== 4 || !/^[0-9]{4}$/.test(token.text)) return false;
  const year = Number(token.text);
  return year >= 1800 && year <= 2100;
}

/** A number that is part of a name or a code, not a figure: `S-400`, `G20`, `Covid-19`, `2+2`, `00:06`. */
function isNameOrCode(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  const previous = tokens[i - 1];
  const next = tokens[i + 1];
  if (!token.spaceBefore && previous && (previous.kind === 'word' || previous.kind === 'number')) return true;
  if (!token.spaceBefore && previous && (previous.text === '-' || previous.text === '/' || previous.text === '+' || previous.text === ':' || previous.text === '#')) {
    const beforeThat = tokens[i - 2];
    if (previous.text !== '-' || (beforeThat && !previous.spaceBefore && beforeThat.kind === 'word')) return true;
  }
  if (next && isGlued(next) && (next.text === '+' || next.text === '/' || next.text === ':') && tokens[i + 2]?.kind === 'number') return true;
  if (next && isWord(next, 'plus') && tokens[i + 2]?.kind === 'number') return true;
  if (previous && isWord(previous, 'plus') && tokens[i - 2]?.kind === 'number') return true;
  return false;
}

/** The head noun of a counted thing after `from`: the first plural content word in a short run of lower-case words. */
function countedNoun(tokens: readonly Token[], from: number): { unit: string; last: number } | undefined {
  let i = from;
  for (let steps = 0; steps < 6 && i < tokens.length; steps++) {
    const token = tokens[i];
    if (token.kind !== 'word' || token.text.charAt(0) !== token.lower.charAt(0)) return undefined;
    let end = i;
    while (isSymbol(tokens[end + 1], '-') && isGlued(tokens[end + 1]) && tokens[end + 2]?.kind === 'word' && isGlued(tokens[end + 2])) end += 2;
    if (end === i && countedNounAdjectives.has(token.lower)) {
      i += 1;
      continue;
    }
    if (end === i) {
      const concept = conceptOf(token);
      if (!concept) return undefined;
      const one = singular(token.lower);
      if (one !== token.lower || token.lower === 'arms') return { unit: conceptOf(token) ?? one, last: i };
    }
    i = end + 1;
  }
  return undefined;
}

/** The noun an ordinal ranks: the last content word of the short run after it ("second foreign visit" -> trip). */
function rankedNoun(tokens: readonly Token[], from: number): { unit: string; last: number } | undefined {
  let found: { unit: string; last: number } | undefined;
  for (let i = from; i < tokens.length && i < from + 3; i++) {
    const token = tokens[i];
    if (token.kind !== 'word' || token.text.charAt(0) !== token.lower.charAt(0)) break;
    const concept = conceptOf(token);
    if (!concept) break;
    if (singular(token.lower) !== token.lower) return undefined;
    found = { unit: concept, last: i };
  }
  return found;
}

function dayFromOrdinal(tokens: readonly Token[], i: number): number | undefined {
  const token = tokens[i];
  const suffix = tokens[i + 1];
  if (token.kind !== 'number' || !/^[0-9]{1,2}$/.test(token.text) || !suffix || !isGlued(suffix) || !ordinalSuffixes.has(suffix.lower)) return undefined;
  return Number(token.text);
}

/** Dates: `December 6`, `December 06, 2021`, `October 2018`, `6 December 2021`, `on the 6th`. */
function parseDate(tokens: readonly Token[], i: number): RawFigure | undefined {
  const token = tokens[i];
  const month = token.kind === 'word' && token.text.charAt(0) !== token.lower.charAt(0) ? monthNumbers.get(token.lower) : undefined;
  if (month !== undefined) {
    let j = i + 1;
    if (isSymbol(tokens[j], '.') && isGlued(tokens[j])) j++;
    const next = tokens[j];
    if (!next || next.kind !== 'number') return undefined;
    if (isPlainYear(next)) {
      return { kind: 'date', value: Number(next.text), low: Number(next.text), high: Number(next.text), approximate: false, unit: 'date', date: { year: Number(next.text), month }, firstToken: i, lastToken: j };
    }
    if (!/^[0-9]{1,2}$/.test(next.text) || Number(next.text) < 1 || Number(next.text) > 31) return undefined;
    const day = Number(next.text);
    let last = j;
    if (tokens[last + 1] && isGlued(tokens[last + 1]) && ordinalSuffixes.has(tokens[last + 1].lower)) last++;
    const date: CalendarDate = { month, day };
    if (isSymbol(tokens[last + 1], ',') && tokens[last + 2] && isPlainYear(tokens[last + 2])) {
      date.year = Number(tokens[last + 2].text);
      last += 2;
    } else if (tokens[last + 1] && isPlainYear(tokens[last + 1])) {
      date.year = Number(tokens[last + 1].text);
      last += 1;
    }
    const value = date.year ?? day;
    return { kind: 'date', value, low: value, high: value, approximate: false, unit: 'date', date, firstToken: i, lastToken: last };
  }
  if (token.kind !== 'number' || isNameOrCode(tokens, i)) return undefined;
  const ordinalDay = dayFromOrdinal(tokens, i);
  const plainDay = /^[0-9]{1,2}$/.test(token.text) ? Number(token.text) : undefined;
  const day = ordinalDay ?? plainDay;
  if (day === undefined || day < 1 || day > 31) return undefined;
  let j = ordinalDay !== undefined ? i + 2 : i + 1;
  if (isWord(tokens[j], 'of')) j++;
  const monthToken = tokens[j];
  const dayMonth = monthToken && monthToken.kind === 'word' && monthToken.text.charAt(0) !== monthToken.lower.charAt(0) ? monthNumbers.get(monthToken.lower) : undefined;
  if (dayMonth !== undefined) {
    const date: CalendarDate = { day, month: dayMonth };
    let last = j;
    if (tokens[j + 1] && isPlainYear(tokens[j + 1])) {
      date.year = Number(tokens[j + 1].text);
      last = j + 1;
    }
    const value = date.year ?? day;
    return { kind: 'date', value, low: value, high: value, approximate: false, unit: 'date', date, firstToken: i, lastToken: last };
  }
  if (ordinalDay === undefined) return undefined;
  const before = tokens[i - 1];
  const after = tokens[i + 2];
  const saysThisMonth = isWord(after, 'this') && isWord(tokens[i + 3], 'month');
  const precededByDayWord = isWord(before, 'the') || isWord(before, 'on') || isWord(before, 'from') || isWord(before, 'until');
  const followedByNoun = after !== undefined && after.kind === 'word' && conceptOf(after) !== undefined && after.text.charAt(0) === after.lower.charAt(0);
  if ((precededByDayWord && !followedByNoun) || saysThisMonth) {
    return { kind: 'date', value: ordinalDay, low: ordinalDay, high: ordinalDay, approximate: false, unit: 'date', date: { day: ordinalDay }, firstToken: i, lastToken: saysThisMonth ? i + 3 : i + 1 };
  }
  return undefined;
}

/** Ordinals: `second trip`, `fourth country`, `3rd round`. */
function parseOrdinal(tokens: readonly Token[], i: number): RawFigure | undefined {
  const token = tokens[i];
  let value = token.kind === 'word' ? ordinalWords.get(token.lower) : undefined;
  let nounFrom = i + 1;
  if (value === undefined && token.kind === 'number' && !isNameOrCode(tokens, i)) {
    value = dayFromOrdinal(tokens, i);
    nounFrom = i + 2;
  }
  if (value === undefined) return undefined;
  if (isSymbol(tokens[nounFrom], '-') && isGlued(tokens[nounFrom])) return undefined;
  const noun = rankedNoun(tokens, nounFrom);
  if (!noun) return undefined;
  return { kind: 'ordinal', value, low: value, high: value, approximate: false, unit: noun.unit, firstToken: i, lastToken: noun.last };
}

/** A number written in digits or words at `i`, with its range: `5,000`, `twenty-five`, `hundreds of millions`. */
interface ParsedNumber {
  value: number;
  low: number;
  high: number;
  approximate: boolean;
  last: number;
  isYear: boolean;
  vague?: boolean;
  /** Written with a minus sign (`-5%`, `−5%`): the value is negative and the figure starts at the sign. */
  negative?: boolean;
}

/** Symbols after which a `-` right before a number is its sign: `(-5%)`, `[-5%]`, `: -5%`. */
const signOpeners = new Set(['(', '[', ':', '"', '\u201c']);

/**
 * True when the number at `i` has a minus sign: a `-` (word text reads U+2212 and an en dash
 * before a digit as `-`) glued to the number and not to anything before it, so `-5%` is
 * negative but `S-400`, `2019-2020` and `10-year` are not.
 */
function hasMinusSign(tokens: readonly Token[], i: number): boolean {
  const sign = tokens[i - 1];
  if (!sign || !isSymbol(sign, '-') || !isGlued(tokens[i])) return false;
  const before = tokens[i - 2];
  return sign.spaceBefore || !before || (before.kind === 'symbol' && signOpeners.has(before.text));
}

function parseNumber(tokens: readonly Token[], i: number): ParsedNumber | undefined {
  const token = tokens[i];
  if (token.kind === 'number') {
    if (isNameOrCode(tokens, i)) return undefined;
    const magnitude = parseDigits(token);
    if (!Number.isFinite(magnitude)) return undefined;
    if (hasMinusSign(tokens, i)) return { value: -magnitude, low: -magnitude, high: -magnitude, approximate: false, last: i, isYear: false, negative: true };
    const value = magnitude;
    const dash = tokens[i + 1];
    const upper = tokens[i + 2];
    if (dash && (dash.text === '-' || dash.text === '\u2013') && isGlued(dash) && upper?.kind === 'number' && isGlued(upper) && !isPlainYear(token)) {
      const high = parseDigits(upper);
      if (Number.isFinite(high) && high > value) return { value, low: value, high, approximate: false, last: i + 2, isYear: false };
    }
    return { value, low: value, high: value, approximate: false, last: i, isYear: isPlainYear(token) };
  }
  if (token.kind !== 'word') return undefined;
  const vague = vagueMagnitudes.get(token.lower);
  if (vague) {
    let low = vague.low;
    let high = vague.high;
    let last = i;
    for (let scales = 0; scales < maxScaleWords && isWord(tokens[last + 1], 'of') && tokens[last + 2] && scaleWords.has(tokens[last + 2].lower) && tokens[last + 2].lower.endsWith('s'); scales++) {
      const scale = scaleWords.get(tokens[last + 2].lower) ?? 1;
      low *= scale;
      high *= scale;
      last += 2;
    }
    return { value: low, low, high, approximate: true, last, isYear: false, vague: true };
  }
  let value = numberWords.get(token.lower);
  if (value === undefined || value >= 100) return undefined;
  let last = i;
  if (isSymbol(tokens[i + 1], '-') && isGlued(tokens[i + 1]) && tokens[i + 2] && isGlued(tokens[i + 2])) {
    const unitsDigit = numberWords.get(tokens[i + 2].lower);
    if (unitsDigit !== undefined && unitsDigit < 10 && value >= 20) {
      value += unitsDigit;
      last = i + 2;
    }
  }
  if (value === 2 && tokens[i - 1] && referentialDeterminers.has(tokens[i - 1].lower)) return undefined;
  return { value, low: value, high: value, approximate: false, last, isYear: false };
}

/** Money, percentages, quantities with units, durations, counts and bare years, starting at `i`. */
function parseQuantity(tokens: readonly Token[], i: number): RawFigure | undefined {
  let currency: string | undefined;
  let numberAt = i;
  const first = tokens[i];
  if (first.kind !== 'number') {
    const before = currencyBefore.get(first.lower);
    if (before && (first.kind === 'symbol' || first.text.charAt(0) !== first.lower.charAt(0) || first.lower === 'usd')) {
      currency = before;
      numberAt = i + 1;
      if (isSymbol(tokens[numberAt], '.') && isGlued(tokens[numberAt])) numberAt++;
    } else if (isWord(first, 'us') && isSymbol(tokens[i + 1], '$') && isGlued(tokens[i + 1])) {
      currency = 'USD';
      numberAt = i + 2;
    }
  }
  const numberToken = tokens[numberAt];
  if (!numberToken) return undefined;
  if (currency && numberToken.kind !== 'number') return undefined;
  const parsed = currency ? parseCurrencyNumber(tokens, numberAt) : parseNumber(tokens, numberAt);
  if (!parsed) return undefined;
  const firstToken = parsed.negative && !currency ? numberAt - 1 : i;
  let { value, low, high } = parsed;
  let last = parsed.last;
  let scaled = false;
  for (let scales = 0; scales < maxScaleWords && tokens[last + 1] && scaleWords.has(tokens[last + 1].lower) && (tokens[last + 1].lower.length > 1 || currency); scales++) {
    const scale = scaleWords.get(tokens[last + 1].lower) ?? 1;
    value *= scale;
    low *= scale;
    high *= scale;
    last++;
    scaled = true;
  }
  const range = { value, low, high, approximate: parsed.approximate, vague: parsed.vague };
  const next = tokens[last + 1];
  if (!currency && next && (next.text === '%' || percentWords.has(next.lower))) {
    let end = last + 1;
    if (next.lower === 'per') {
      if (!isWord(tokens[last + 2], 'cent')) return undefined;
      end = last + 2;
    }
    return { kind: 'percent', ...range, unit: '%', firstToken, lastToken: end };
  }
  if (!currency) {
    const afterCurrency = currencyAfterAt(tokens, last + 1);
    if (afterCurrency) return { kind: 'money', ...range, unit: afterCurrency.currency, firstToken, lastToken: afterCurrency.last };
  }
  if (currency) return { kind: 'money', ...range, unit: currency, firstToken, lastToken: last };
  let unitAt = last + 1;
  if (isSymbol(tokens[unitAt], '-') && isGlued(tokens[unitAt]) && isGlued(tokens[unitAt + 1])) unitAt++;
  const unitToken = tokens[unitAt];
  const unit = unitToken && unitToken.kind === 'word' ? unitWords.get(unitToken.lower) : undefined;
  if (unit) {
    return { kind: unit.kind, ...range, unit: unit.unit, firstToken, lastToken: unitAt };
  }
  if (parsed.isYear && !scaled) {
    return { kind: 'date', ...range, unit: 'date', date: { year: value }, firstToken, lastToken: last };
  }
  let nounFrom = last + 1;
  if (isWord(tokens[nounFrom], 'of') && parsed.approximate) nounFrom++;
  const noun = countedNoun(tokens, nounFrom);
  if (!noun) return undefined;
  return { kind: 'count', ...range, unit: noun.unit, firstToken, lastToken: noun.last };
}

/** A number right after a currency symbol: glued is fine (`$5.4`). */
function parseCurrencyNumber(tokens: readonly Token[], i: number): ParsedNumber | undefined {
  const token = tokens[i];
  const value = parseDigits(token);
  if (!Number.isFinite(value)) return undefined;
  return { value, low: value, high: value, approximate: false, last: i, isYear: false };
}

/** `dollars`, `U.S. dollars`, `US dollars`, `rupees`... at `i`. */
function currencyAfterAt(tokens: readonly Token[], i: number): { currency: string; last: number } | undefined {
  let j = i;
  if (isWord(tokens[j], 'u') && isSymbol(tokens[j + 1], '.') && isWord(tokens[j + 2], 's')) {
    j += isSymbol(tokens[j + 3], '.') ? 4 : 3;
  } else if (isWord(tokens[j], 'us') || isWord(tokens[j], 'american') || isWord(tokens[j], 'indian') || isWord(tokens[j], 'hong')) {
    j += 1;
  }
  const token = tokens[j];
  const currency = token && token.kind === 'word' ? currencyAfter.get(token.lower) : undefined;
  if (!currency) return undefined;
  return { currency, last: j };
}

const ratePeriods: ReadonlyMap<string, string> = new Map([
  ['year', 'year'], ['annum', 'year'], ['month', 'month'], ['week', 'week'], ['day', 'day'], ['hour', 'hour'], ['capita', 'person'], ['person', 'person'],
]);
const rateAdverbs: ReadonlyMap<string, string> = new Map([['annually', 'year'], ['yearly', 'year'], ['monthly', 'month'], ['weekly', 'week'], ['daily', 'day']]);
const changeWords = new Set(['increased', 'increase', 'increases', 'decreased', 'decrease', 'rose', 'risen', 'rise', 'rises', 'fell', 'fallen',
  'fall', 'falls', 'grew', 'grown', 'grow', 'declined', 'decline', 'dropped', 'drop', 'cut', 'cuts', 'reduced', 'reduce', 'raised', 'raise',
  'jumped', 'climbed', 'slipped', 'shrank', 'expanded', 'gained', 'lost', 'growth']);
const relativeBefore = new Set(['last', 'past', 'next', 'coming', 'previous', 'for', 'in', 'within', 'after']);
const periodUnits: ReadonlyMap<string, string> = new Map([
  ['year', 'year'], ['years', 'year'], ['decade', 'decade'], ['decades', 'decade'], ['month', 'month'], ['months', 'month'],
  ['week', 'week'], ['weeks', 'week'], ['quarter', 'quarter'], ['day', 'day'], ['days', 'day'],
]);
const periodWords = new Set(['next', 'last', 'this', 'past', 'coming', 'previous']);

/** "a year", "per month", "each day", "annually" right after a figure: the period it is a rate over. */
function ratePeriodAfter(tokens: readonly Token[], last: number): { period: string; last: number } | undefined {
  const next = tokens[last + 1];
  if (!next || next.kind !== 'word') return undefined;
  const adverb = rateAdverbs.get(next.lower);
  if (adverb) return { period: adverb, last: last + 1 };
  if (next.lower === 'a' || next.lower === 'per' || next.lower === 'each' || next.lower === 'every' || next.lower === 'an') {
    const period = tokens[last + 2] ? ratePeriods.get(tokens[last + 2].lower) : undefined;
    if (period) return { period, last: last + 2 };
  }
  return undefined;
}

/** "down 19 percent", "increased by $2 billion", "a rise of 5%": the figure is a change. */
function isChangeFigure(tokens: readonly Token[], first: number): boolean {
  const previous = tokens[first - 1];
  if (!previous) return false;
  if (previous.lower === 'down' || previous.lower === 'up') return true;
  if (previous.lower === 'by' || previous.lower === 'of') {
    for (let k = first - 2; k >= Math.max(0, first - 4); k--) if (changeWords.has(tokens[k].lower)) return true;
  }
  return false;
}

/** "two years ago", "over the next 5 years", "in the past three years", "fifteen years into": counted from the moment of writing. */
function isRelativeDuration(tokens: readonly Token[], first: number, last: number): boolean {
  const next = tokens[last + 1];
  if (next && (next.lower === 'ago' || next.lower === 'into' || next.lower === 'earlier' || next.lower === 'later')) return true;
  if (next && (next.lower === 'have' || next.lower === 'has') && tokens[last + 2]?.lower === 'passed') return true;
  for (let k = first - 1; k >= Math.max(0, first - 2); k--) if (relativeBefore.has(tokens[k].lower)) return true;
  return false;
}

/** "N years old", "a 2-year-old": an age, not a duration. */
function isAge(tokens: readonly Token[], last: number): boolean {
  const next = tokens[last + 1];
  if (isWord(next, 'old')) return true;
  return isSymbol(next, '-') && isGlued(next) && isWord(tokens[last + 2], 'old');
}

/** The period a clause speaks of ("over the next decade", "for next year", "in the last 2 years"), normalised: `next decade`, `last 2 year`. */
function periodIn(tokens: readonly Token[], from: number, to: number): string | undefined {
  for (let i = from; i <= to; i++) {
    if (!periodWords.has(tokens[i].lower)) continue;
    let j = i + 1;
    let count = '';
    if (tokens[j]?.kind === 'number' || numberWords.has(tokens[j]?.lower ?? '')) {
      count = `${tokens[j].kind === 'number' ? tokens[j].text : numberWords.get(tokens[j].lower)} `;
      j++;
    }
    const unit = tokens[j] ? periodUnits.get(tokens[j].lower) : undefined;
    if (unit) return `${tokens[i].lower} ${count}${unit}`;
  }
  return undefined;
}

/** The hedge right before `firstToken`, if any. */
function comparisonBefore(tokens: readonly Token[], firstToken: number, kind: FigureKind): { comparison: Comparison; start: number } | undefined {
  if (kind === 'date') {
    const previous = tokens[firstToken - 1];
    if (isWord(previous, 'since')) return { comparison: 'since', start: firstToken - 1 };
    if (isWord(previous, 'until') || isWord(previous, 'till')) return { comparison: 'until', start: firstToken - 1 };
    if (isWord(previous, 'by')) return { comparison: 'by', start: firstToken - 1 };
    if ((isWord(previous, 'of') || isWord(previous, 'year')) && isWord(tokens[firstToken - 3], 'by')) return { comparison: 'by', start: firstToken - 3 };
    if (isWord(previous, 'of') && isWord(tokens[firstToken - 2], 'end') && isWord(tokens[firstToken - 3], 'the') && isWord(tokens[firstToken - 4], 'by')) return { comparison: 'by', start: firstToken - 4 };
    return undefined;
  }
  for (const phrase of comparisonPhrases) {
    const start = firstToken - phrase.words.length;
    if (start < 0) continue;
    let matches = true;
    for (let k = 0; k < phrase.words.length; k++) {
      if (!isWord(tokens[start + k], phrase.words[k])) {
        matches = false;
        break;
      }
    }
    if (matches) {
      if (phrase.words[0] === 'some' && kind === 'duration') continue;
      return { comparison: phrase.comparison, start };
    }
  }
  return undefined;
}

function clauseBounds(tokens: readonly Token[], sentence: SentenceBounds, first: number, last: number): { from: number; to: number } {
  let from = first;
  while (from > sentence.firstToken && first - from < clauseWindow && !(tokens[from - 1].kind === 'symbol' && clauseBreaks.has(tokens[from - 1].text))) from--;
  let to = last;
  while (to < sentence.lastToken && to - last < clauseWindow && !(tokens[to + 1].kind === 'symbol' && clauseBreaks.has(tokens[to + 1].text))) to++;
  return { from, to };
}

/** Where the last clause of a sentence starts: what "this market" or "it" in the next sentence most likely points to. */
function lastClauseStart(tokens: readonly Token[], sentence: SentenceBounds): number {
  let from = sentence.lastToken;
  while (from > sentence.firstToken && sentence.lastToken - from < clauseWindow && !(tokens[from - 1].kind === 'symbol' && clauseBreaks.has(tokens[from - 1].text))) from--;
  return from;
}

function addKeywords(target: Record<string, number>, tokens: readonly Token[], from: number, to: number, weight: number, skipFrom = -1, skipTo = -2): void {
  for (let i = from; i <= to; i++) {
    if (i >= skipFrom && i <= skipTo) continue;
    const concept = conceptOf(tokens[i]);
    if (concept && (target[concept] ?? 0) < weight) target[concept] = weight;
  }
}

/** Words of the last sentence of `text`, for a sentence that points back to it. */
function precedingSentenceKeywords(text: string, maxLength: number): Record<string, number> {
  const tail = text.length > maxLength ? text.slice(text.length - maxLength) : text;
  const tokens = tokenise(tail, 2000);
  const sentences = splitSentences(tokens);
  const keywords: Record<string, number> = {};
  const last = sentences[sentences.length - 1];
  if (last) addKeywords(keywords, tokens, lastClauseStart(tokens, last), last.lastToken, contextWeight);
  return keywords;
}

/**
 * True when a sentence leans on the one before: it opens with a pronoun ("It", "They"), names
 * something with a demonstrative ("this market", "these weapons"), or has almost no words of its own.
 */
function pointsBack(tokens: readonly Token[], sentence: SentenceBounds): boolean {
  let contentWords = 0;
  for (let i = sentence.firstToken; i <= sentence.lastToken && i < sentence.firstToken + 60; i++) {
    const token = tokens[i];
    if (conceptOf(token)) contentWords++;
    if (i === sentence.firstToken && openingPronouns.has(token.lower)) return true;
    if (demonstratives.has(token.lower) && tokens[i + 1] && conceptOf(tokens[i + 1])) return true;
  }
  return contentWords < 4;
}

/**
 * Finds the figures a passage states: percentages, money, counts, quantities with units,
 * durations, dates and ordinals, each with its hedge, sentence, time anchor and the words
 * around it. Never throws; linear in the passage length (reads at most `maxTextLength`
 * characters and returns at most `maxFigures` figures).
 */
export function extractFigures(passage: Passage, options: ExtractFiguresOptions = {}): Figure[] {
  try {
    return extractFiguresUnguarded(passage, options);
  } catch (error) {
    options.logger?.error(`Figures of passage ${String(passage?.id)} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

function extractFiguresUnguarded(passage: Passage, options: ExtractFiguresOptions): Figure[] {
  const maxTextLength = options.maxTextLength ?? 100_000;
  const maxFigures = options.maxFigures ?? 400;
  const text = typeof passage.text === 'string' ? passage.text.slice(0, maxTextLength) : '';
  const tokens = tokenise(text);
  const sentences = splitSentences(tokens);
  const figures: Figure[] = [];
  const rawBySentence: Array<{ raw: RawFigure; sentence: SentenceBounds; sentenceIndex: number }> = [];
  let sentenceIndex = 0;
  for (let i = 0; i < tokens.length && rawBySentence.length < maxFigures; i++) {
    while (sentenceIndex < sentences.length - 1 && sentences[sentenceIndex].lastToken < i) sentenceIndex++;
    const raw = parseDate(tokens, i) ?? parseQuantity(tokens, i) ?? parseOrdinal(tokens, i);
    if (!raw) continue;
    const sentence = sentences[sentenceIndex];
    raw.lastToken = Math.min(raw.lastToken, sentence.lastToken);
    rawBySentence.push({ raw, sentence, sentenceIndex });
    i = raw.lastToken;
  }
  let contextKeywords: Record<string, number> | undefined;
  const knownNames = rawBySentence.length > 0 ? midSentenceNames(tokens, new Set(sentences.map((sentence) => sentence.firstToken))) : new Set<string>();
  // Read once per sentence, not once per figure: 400 figures in one long sentence would read it 400 times.
  const namesBySentence = new Map<number, string[]>();
  const namesOfSentence = (index: number, sentence: SentenceBounds): string[] => {
    let names = namesBySentence.get(index);
    if (!names) {
      names = namesIn(tokens, sentence.firstToken, sentence.lastToken, knownNames).slice(0, maxNamesPerFigure);
      namesBySentence.set(index, names);
    }
    return names;
  };
  for (const { raw, sentence, sentenceIndex: indexOfSentence } of rawBySentence) {
    const hedge = comparisonBefore(tokens, raw.firstToken, raw.kind);
    const rate = raw.kind !== 'date' && raw.kind !== 'duration' && raw.kind !== 'ordinal' ? ratePeriodAfter(tokens, raw.lastToken) : undefined;
    const spanStart = tokens[hedge?.start ?? raw.firstToken].start;
    const spanEnd = tokens[raw.lastToken].end;
    const keywords: Record<string, number> = {};
    const clause = clauseBounds(tokens, sentence, hedge?.start ?? raw.firstToken, raw.lastToken);
    const figureStart = hedge?.start ?? raw.firstToken;
    addKeywords(keywords, tokens, Math.max(clause.from, figureStart - adjacentWindow), Math.min(clause.to, raw.lastToken + adjacentWindow), adjacentWeight, raw.firstToken, raw.lastToken);
    addKeywords(keywords, tokens, clause.from, clause.to, clauseWeight, raw.firstToken, raw.lastToken);
    addKeywords(keywords, tokens, Math.max(sentence.firstToken, raw.firstToken - nearWindow), Math.min(sentence.lastToken, raw.lastToken + nearWindow), sentenceWeight, raw.firstToken, raw.lastToken);
    addKeywords(keywords, tokens, Math.max(sentence.firstToken, raw.firstToken - keywordWindow), Math.min(sentence.lastToken, raw.lastToken + keywordWindow), farWeight, raw.firstToken, raw.lastToken);
    const previousSentence = sentences[indexOfSentence - 1];
    if (previousSentence) addKeywords(keywords, tokens, Math.max(previousSentence.firstToken, previousSentence.lastToken - keywordWindow), previousSentence.lastToken, paragraphWeight);
    if (pointsBack(tokens, sentence)) {
      if (previousSentence) {
        addKeywords(keywords, tokens, lastClauseStart(tokens, previousSentence), previousSentence.lastToken, contextWeight);
      } else if (options.precedingText) {
        contextKeywords ??= precedingSentenceKeywords(options.precedingText, 4000);
        for (const [word, weight] of Object.entries(contextKeywords)) if ((keywords[word] ?? 0) < weight) keywords[word] = weight;
      }
    }
    const measures: string[] = [];
    for (const [word, weight] of Object.entries(keywords)) if (weight >= clauseWeight && isMeasureConcept(word)) measures.push(word);
    if (raw.kind === 'percent' && !measures.includes('share')) {
      measures.push('share');
      keywords.share = 1;
    }
    const figure: Figure = {
      passageId: passage.id,
      articleId: passage.articleId,
      kind: raw.kind,
      value: raw.value,
      low: raw.low,
      high: raw.high,
      approximate: raw.approximate || hedge?.comparison === 'about' || hedge?.comparison === 'nearly',
      unit: rate ? `${raw.unit}/${rate.period}` : raw.unit,
      comparison: hedge?.comparison ?? 'none',
      span: { start: spanStart, end: spanEnd, text: text.slice(spanStart, spanEnd) },
      sentence: { start: sentence.start, end: sentence.end, text: text.slice(sentence.start, sentence.end) },
      keyNouns: keyNounPhrases(text, tokens, Math.max(sentence.firstToken, raw.firstToken - keywordWindow), Math.min(sentence.lastToken, raw.lastToken + keywordWindow), raw.firstToken, 5),
      keywords,
      measures,
      names: namesOfSentence(indexOfSentence, sentence),
    };
    if (hedge) figure.comparisonText = text.slice(tokens[hedge.start].start, tokens[raw.firstToken - 1].end);
    if (raw.vague) figure.vague = true;
    if (raw.kind === 'duration' && isAge(tokens, raw.lastToken)) {
      figure.kind = 'quantity';
      figure.unit = `age in ${raw.unit}s`;
    } else if (raw.kind === 'duration' && isRelativeDuration(tokens, hedge?.start ?? raw.firstToken, raw.lastToken)) {
      figure.relative = true;
    }
    const period = raw.kind === 'date' ? undefined : periodIn(tokens, clause.from, clause.to);
    if (period) figure.period = period;
    if (raw.kind !== 'date' && raw.kind !== 'ordinal' && isChangeFigure(tokens, hedge?.start ?? raw.firstToken)) figure.change = true;
    if (raw.date) figure.date = raw.date;
    figures.push(figure);
  }
  attachAnchors(figures);
  return figures;
}

/** Gives each non-date figure the nearest framing year of its sentence ("since 2010", "by 2025", "in 2019"). */
function attachAnchors(figures: Figure[]): void {
  const anchorDistances = new Map<Figure, number>();
  for (const date of figures) {
    if (date.kind !== 'date' || date.date?.year === undefined || date.date.day !== undefined) continue;
    const relation = anchorRelation(date);
    if (!relation) continue;
    let nearest: Figure | undefined;
    let nearestDistance = Number.POSITIVE_INFINITY;
    for (const other of figures) {
      if (other.kind === 'date' || other.sentence.start !== date.sentence.start || other.passageId !== date.passageId) continue;
      // A year right after a figure frames it ("15 billion U.S. dollars in 2019"), so on a tie it wins over the year before.
      const distance = other.span.start > date.span.start ? other.span.start - date.span.end : date.span.start - other.span.end - 0.5;
      if (distance < nearestDistance) {
        nearest = other;
        nearestDistance = distance;
      }
    }
    if (!nearest) continue;
    const anchor: TimeAnchor = { relation, year: date.date.year, text: date.span.text };
    const previousDistance = anchorDistances.get(nearest) ?? Number.POSITIVE_INFINITY;
    if (nearestDistance < previousDistance) {
      nearest.anchor = anchor;
      anchorDistances.set(nearest, nearestDistance);
    }
    date.isAnchorOnly = true;
  }
}

function anchorRelation(date: Figure): TimeAnchor['relation'] | undefined {
  if (date.comparison === 'since' || date.comparison === 'by' || date.comparison === 'until') return date.comparison;
  // Only the end of the text before the date is read: a long sentence of dates would otherwise be copied once per date.
  const text = date.sentence.text;
  let end = date.span.start - date.sentence.start;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const lastWord = text.slice(Math.max(0, end - 3), end).toLowerCase();
  if (lastWord === ' in' || (end === 2 && lastWord === 'in')) return 'in';
  return undefined;
}

/**
 * Figures of a whole article, each passage read with its previous passage as context (a
 * one-sentence paragraph like "In this market, Russia's share has fallen below 50%." is about
 * what the paragraph before named).
 */
export function extractArticleFigures(article: Article, options: Omit<ExtractFiguresOptions, 'precedingText'> = {}): Figure[] {
  const figures: Figure[] = [];
  let precedingText: string | undefined;
  for (const passage of article.passages) {
    figures.push(...extractFigures(passage, { ...options, precedingText }));
    precedingText = passage.text;
  }
  return figures;
}
