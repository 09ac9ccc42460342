/**
 * What a figure is about, from the words around it: content words folded to a concept
 * (`armaments`, `weapons` -> `arms`; `Indian` -> `india`) and short noun phrases for people.
 * A deliberately small, English-only vocabulary: enough to tell "bilateral trade" from
 * "investment" and to see that "weapons imported by India" and "the Indian army's armaments"
 * speak of the same thing.
 */

import type { Token } from './tokenise';
import { currencyAfter, monthNumbers, numberWords, ordinalWords, scaleWords, unitWords, vagueMagnitudes } from './figureVocabulary';

const stopWords = new Set(`a about above across after again against all almost along already also although always am among an and
another any anyone anything are around as at away back be became because become becomes been before being below between both
but by came can cannot could did do does doing done down during each either else even ever every few for from further
get gets getting given gives go goes going gone got had has have having he her here hers herself him himself his how however i if
in into is it its itself just last least less like likely made make makes many may me might more most much must my myself near
nearly neither never new next no nor not now of off often on once one only onto or other others our ours ourselves out over
own per perhaps put quite rather really said same say says see seem seems seemed several shall she should since so some such
than that the their theirs them themselves then there these they thing things this those though through thus to too toward
towards under until up upon us very via was we well were what whatever when where whether which while who whom whose why
will with within without would yet you your yours yourself according especially recently anyway way ways first second third
took take takes taken told tell think want wants asked ask including included include includes instead whole part
outside inside beyond abroad time times approximately roughly around estimated exceeding upwards least fallen fell dropped risen rose reached reaching
today yesterday tomorrow total largely mainly mostly`.split(/\s+/));

/** Word forms folded to one concept, so that different wordings of one measure meet. */
const conceptForms: ReadonlyMap<string, string> = new Map(
  Object.entries({
    arms: 'arms armament armaments weapon weapons weaponry munitions',
    import: 'import imports imported importing importer importers procurement procurements purchase purchases purchased buy buys bought buying buyer buyers',
    export: 'export exports exported exporting exporter exporters sale sales sell sells sold supplier suppliers',
    trade: 'trade trades trading commerce commercial',
    investment: 'investment investments invest invests invested investing investor investors',
    target: 'target targets goal goals aim objective objectives',
    share: 'share shares proportion percentage portion fraction',
    country: 'country countries nation nations',
    trip: 'trip trips visit visits visited visiting journey journeys tour travel travelling traveling travelled',
    agreement: 'agreement agreements deal deals pact pacts treaty treaties contract contracts',
    pandemic: 'pandemic covid coronavirus corona',
    warning: 'warn warns warned warning warnings threat threats threaten threatens threatened',
    defence: 'defence defense',
    military: 'military army armies armed',
    india: 'india indian indians',
    russia: 'russia russian russians',
    china: 'china chinese',
    japan: 'japan japanese',
    australia: 'australia australian',
    pakistan: 'pakistan pakistani',
    america: 'america american americans',
    france: 'france french',
    britain: 'britain british',
    europe: 'europe european europeans',
  }).flatMap(([concept, forms]) => forms.split(' ').map((form): [string, string] => [form, concept])),
);

/** Concepts that name what is measured; two figures measuring different ones are different things. */
const measureConcepts = new Set([
  'trade', 'investment', 'share', 'import', 'export', 'budget', 'spending', 'gdp', 'growth', 'population',
  'death', 'casualty', 'price', 'cost', 'revenue', 'profit', 'debt', 'aid', 'income', 'tax', 'tariff', 'loan',
  'production', 'output', 'reserve', 'deficit', 'surplus', 'inflation', 'unemployment',
]);

function isVocabularyWord(lower: string): boolean {
  return numberWords.has(lower) || vagueMagnitudes.has(lower) || scaleWords.has(lower) || currencyAfter.has(lower)
    || unitWords.has(lower) || monthNumbers.has(lower) || ordinalWords.has(lower);
}

/** Plural and possessive endings off; irregular forms are in the concept table instead. */
export function singular(lower: string): string {
  let word = lower;
  if (word.endsWith("'s")) word = word.slice(0, -2);
  else if (word.endsWith("'")) word = word.slice(0, -1);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && (word.endsWith('sses') || word.endsWith('shes') || word.endsWith('ches') || word.endsWith('xes'))) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/** The concept a word stands for, or undefined for stop words, numbers and vocabulary words. */
export function conceptOf(token: Token): string | undefined {
  if (token.kind !== 'word') return undefined;
  let lower = token.lower;
  if (lower.endsWith("'s")) lower = lower.slice(0, -2);
  if (lower.length < 3 || stopWords.has(lower) || isVocabularyWord(lower)) return undefined;
  const direct = conceptForms.get(lower);
  if (direct) return direct;
  const one = singular(lower);
  if (stopWords.has(one) || isVocabularyWord(one)) return undefined;
  return conceptForms.get(one) ?? one;
}

/** Countries and demonyms: named so often in a corpus about them that they do not tell one event from another. */
const placeConcepts = new Set(['india', 'russia', 'china', 'japan', 'australia', 'pakistan', 'america', 'france', 'britain', 'europe']);

/** Capitalised words that are titles or roles, not names. */
const titleWords = new Set(['president', 'minister', 'prime', 'foreign', 'defence', 'secretary', 'general', 'chief', 'director',
  'spokesman', 'spokesperson', 'ambassador', 'senator', 'governor', 'mayor', 'king', 'queen', 'prince', 'chairman', 'ceo',
  'deputy', 'senior', 'former', 'state', 'united', 'government', 'ministry', 'mr', 'mrs', 'ms', 'dr']);

function isNameToken(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (token.kind !== 'word' || token.text.charAt(0) === token.lower.charAt(0)) return false;
  const concept = conceptOf(token);
  return concept !== undefined && !placeConcepts.has(concept) && !titleWords.has(concept) && !isMeasureConcept(concept);
}

/** Capitalised words that appear inside sentences of a text (not only at their start): names, not sentence openers. */
export function midSentenceNames(tokens: readonly Token[], sentenceStarts: ReadonlySet<number>): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (sentenceStarts.has(i)) continue;
    const previous = tokens[i - 1];
    if (previous && previous.kind === 'symbol' && (previous.text === '"' || previous.text === '\u201c')) continue;
    if (isNameToken(tokens, i)) names.add(conceptOf(tokens[i]) as string);
  }
  return names;
}

/**
 * The proper names of a sentence (capitalised words that are not titles like "President" nor
 * countries), as concepts: who and where an event involves. The sentence's first word counts
 * only when the text also capitalises it mid-sentence ("Lavrov held...", but not "Meanwhile").
 */
export function namesIn(tokens: readonly Token[], first: number, last: number, knownNames: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  for (let i = first; i <= last; i++) {
    if (!isNameToken(tokens, i)) continue;
    const concept = conceptOf(tokens[i]) as string;
    if (i === first && !knownNames.has(concept)) continue;
    names.add(concept);
  }
  return [...names];
}

/** True when the concept names a measure (`trade`, `share`...). */
export function isMeasureConcept(concept: string): boolean {
  return measureConcepts.has(concept);
}

/** True for a content word: not a stop word, a number word or a unit. */
export function isContentWord(token: Token): boolean {
  return conceptOf(token) !== undefined;
}

/**
 * Noun-phrase-like runs of content words in `tokens[first..last]` (hyphenated compounds kept
 * whole, possessives kept), nearest to `near` first, at most `limit`.
 */
export function keyNounPhrases(text: string, tokens: readonly Token[], first: number, last: number, near: number, limit: number): string[] {
  const runs: Array<{ start: number; end: number; distance: number }> = [];
  let runStart = -1;
  let runEnd = -1;
  const closeRun = (): void => {
    if (runStart < 0) return;
    const distance = Math.min(Math.abs(runStart - near), Math.abs(runEnd - near));
    runs.push({ start: runStart, end: runEnd, distance });
    runStart = -1;
  };
  for (let i = first; i <= last; i++) {
    const token = tokens[i];
    const joinsHyphen = token.kind === 'symbol' && token.text === '-' && !token.spaceBefore
      && runStart >= 0 && tokens[i + 1] && !tokens[i + 1].spaceBefore && tokens[i + 1].kind !== 'symbol';
    if (joinsHyphen) {
      runEnd = i + 1;
      i += 1;
      continue;
    }
    if (isContentWord(token) || (runStart >= 0 && token.kind === 'word' && !token.spaceBefore)) {
      if (runStart < 0) runStart = i;
      runEnd = i;
    } else {
      closeRun();
    }
  }
  closeRun();
  runs.sort((a, b) => a.distance - b.distance);
  const phrases: string[] = [];
  for (const run of runs) {
    const phrase = text.slice(tokens[run.start].start, tokens[run.end].end);
    if (!phrases.includes(phrase)) phrases.push(phrase);
    if (phrases.length >= limit) break;
  }
  return phrases;
}
