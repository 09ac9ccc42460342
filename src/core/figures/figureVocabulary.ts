/**
 * The words the figure extractor knows: number words, scales, currencies, units, hedges.
 * English only; every entry is lower case.
 */

import type { Comparison } from './figure';

/** Number words with their value. `one` is left out on purpose: "one of the reasons", "One Belt, One Road". */
export const numberWords: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13],
  ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18],
  ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60],
  ['seventy', 70], ['eighty', 80], ['ninety', 90], ['dozen', 12], ['hundred', 100],
  ['thousand', 1000], ['million', 1e6], ['billion', 1e9],
]);

/** Vague plural magnitudes: "hundreds", "dozens"; the range they allow. */
export const vagueMagnitudes: ReadonlyMap<string, { low: number; high: number }> = new Map([
  ['dozens', { low: 24, high: 99 }],
  ['scores', { low: 40, high: 99 }],
  ['hundreds', { low: 200, high: 999 }],
  ['thousands', { low: 2000, high: 9999 }],
  ['tens', { low: 20, high: 99 }],
  ['millions', { low: 2e6, high: 9.99e8 }],
  ['billions', { low: 2e9, high: 9.99e11 }],
]);

/** Multipliers written after a number. */
export const scaleWords: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['k', 1e3], ['lakh', 1e5], ['lakhs', 1e5], ['million', 1e6], ['millions', 1e6],
  ['mn', 1e6], ['mln', 1e6], ['crore', 1e7], ['crores', 1e7], ['billion', 1e9], ['billions', 1e9],
  ['bn', 1e9], ['trillion', 1e12], ['trillions', 1e12], ['tn', 1e12],
]);

/** Currency symbols and codes written before the number. */
export const currencyBefore: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['us$', 'USD'], ['usd', 'USD'], ['\u20ac', 'EUR'], ['eur', 'EUR'], ['\u00a3', 'GBP'],
  ['gbp', 'GBP'], ['\u20b9', 'INR'], ['rs', 'INR'], ['inr', 'INR'], ['\u00a5', 'JPY'], ['jpy', 'JPY'],
  ['rmb', 'CNY'], ['cny', 'CNY'], ['\u20bd', 'RUB'], ['rub', 'RUB'],
]);

/** Currency words written after the number (and its scale). */
export const currencyAfter: ReadonlyMap<string, string> = new Map([
  ['dollars', 'USD'], ['dollar', 'USD'], ['usd', 'USD'], ['rupees', 'INR'], ['rupee', 'INR'],
  ['inr', 'INR'], ['euros', 'EUR'], ['euro', 'EUR'], ['pounds', 'GBP'], ['yuan', 'CNY'],
  ['renminbi', 'CNY'], ['yen', 'JPY'], ['roubles', 'RUB'], ['rubles', 'RUB'], ['rouble', 'RUB'], ['ruble', 'RUB'],
]);

/** Units of measure written after the number, with their normal form and kind. */
export const unitWords: ReadonlyMap<string, { unit: string; kind: 'quantity' | 'duration' }> = new Map([
  ['km', { unit: 'km', kind: 'quantity' }], ['kms', { unit: 'km', kind: 'quantity' }],
  ['kilometres', { unit: 'km', kind: 'quantity' }], ['kilometers', { unit: 'km', kind: 'quantity' }],
  ['kilometre', { unit: 'km', kind: 'quantity' }], ['kilometer', { unit: 'km', kind: 'quantity' }],
  ['miles', { unit: 'mile', kind: 'quantity' }], ['mile', { unit: 'mile', kind: 'quantity' }],
  ['metres', { unit: 'm', kind: 'quantity' }], ['meters', { unit: 'm', kind: 'quantity' }],
  ['kg', { unit: 'kg', kind: 'quantity' }], ['kilograms', { unit: 'kg', kind: 'quantity' }],
  ['tonnes', { unit: 'tonne', kind: 'quantity' }], ['tons', { unit: 'tonne', kind: 'quantity' }],
  ['tonne', { unit: 'tonne', kind: 'quantity' }], ['ton', { unit: 'tonne', kind: 'quantity' }],
  ['barrels', { unit: 'barrel', kind: 'quantity' }], ['mw', { unit: 'MW', kind: 'quantity' }],
  ['gw', { unit: 'GW', kind: 'quantity' }], ['megawatts', { unit: 'MW', kind: 'quantity' }],
  ['years', { unit: 'year', kind: 'duration' }], ['year', { unit: 'year', kind: 'duration' }],
  ['yrs', { unit: 'year', kind: 'duration' }], ['decades', { unit: 'decade', kind: 'duration' }],
  ['decade', { unit: 'decade', kind: 'duration' }], ['months', { unit: 'month', kind: 'duration' }],
  ['month', { unit: 'month', kind: 'duration' }], ['weeks', { unit: 'week', kind: 'duration' }],
  ['week', { unit: 'week', kind: 'duration' }], ['days', { unit: 'day', kind: 'duration' }],
  ['day', { unit: 'day', kind: 'duration' }], ['hours', { unit: 'hour', kind: 'duration' }],
  ['hour', { unit: 'hour', kind: 'duration' }], ['hrs', { unit: 'hour', kind: 'duration' }],
  ['minutes', { unit: 'minute', kind: 'duration' }], ['minute', { unit: 'minute', kind: 'duration' }],
  ['min', { unit: 'minute', kind: 'duration' }], ['mins', { unit: 'minute', kind: 'duration' }],
]);

/** Words that turn a number into a percentage. */
export const percentWords = new Set(['percent', 'per', 'pc', 'pct']);

/** Month names and abbreviations. */
export const monthNumbers: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4],
  ['apr', 4], ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8],
  ['september', 9], ['sep', 9], ['sept', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11],
  ['december', 12], ['dec', 12],
]);

/** Ordinal words (`first` is left out: "first of all", "for the first time"). */
export const ordinalWords: ReadonlyMap<string, number> = new Map([
  ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['twentieth', 20],
]);

/**
 * Hedges written before a number, longest first within each, as word sequences. A hedge may
 * be separated from the number by a currency symbol (`more than $5.4 billion`).
 */
export const comparisonPhrases: ReadonlyArray<{ words: string[]; comparison: Comparison }> = [
  ['in excess of', 'more-than'], ['upwards of', 'more-than'], ['more than', 'more-than'],
  ['greater than', 'more-than'], ['higher than', 'more-than'], ['just over', 'more-than'],
  ['well over', 'more-than'], ['well above', 'more-than'], ['risen above', 'more-than'],
  ['rose above', 'more-than'], ['over', 'more-than'], ['above', 'more-than'], ['exceeding', 'more-than'],
  ['at least', 'at-least'], ['no less than', 'at-least'], ['not less than', 'at-least'], ['as many as', 'at-least'],
  ['as much as', 'at-least'], ['fallen below', 'less-than'], ['fell below', 'less-than'],
  ['dropped below', 'less-than'], ['dipped below', 'less-than'], ['less than', 'less-than'],
  ['fewer than', 'less-than'], ['lower than', 'less-than'], ['just under', 'nearly'], ['below', 'less-than'],
  ['under', 'less-than'], ['up to', 'at-most'], ['at most', 'at-most'], ['no more than', 'at-most'],
  ['not more than', 'at-most'], ['nearly', 'nearly'], ['almost', 'nearly'], ['close to', 'nearly'],
  ['approaching', 'nearly'], ['about', 'about'], ['around', 'about'], ['roughly', 'about'],
  ['approximately', 'about'], ['approx', 'about'], ['some', 'about'], ['an estimated', 'about'],
  ['estimated', 'about'], ['circa', 'about'],
].map(([phrase, comparison]) => ({ words: phrase.split(' '), comparison: comparison as Comparison }))
  .sort((a, b) => b.words.length - a.words.length);
