/**
 * What a figure measures, beyond its number: the measured thing (imports, armaments held,
 * trade, investment), the period (since 2010, by 2025, now), the unit, and whether the source
 * states it itself or cites someone else. Two figures conflict only when they are on the same
 * measure and the ranges their hedges allow do not overlap.
 */
import * as l10n from '@vscode/l10n';
import type { Figure } from '../figures/figure';
import { compareFigures, type FigurePairVerdict } from '../figures/figureRange';
import { compatible, unitKey } from '../figures/groupFigures';
import { findCitation } from './attribution';

/** A figure's measure, as plain data. */
export interface FigureMeasure {
  /** Same kind and unit (durations in any time unit). */
  unitKey: string;
  /** Concepts naming what is measured, `share` left out for percentages (every percentage is a share). */
  measured: string[];
  /** `flow` for what moves over a period (imports, trade, investment), `stock` for what is held (an army's armaments, an arsenal). */
  kind?: 'flow' | 'stock';
  /** `since 2010`, `by 2025`, `in 2019`, or `now` for a current level ("has fallen below", "currently"). */
  period?: string;
  /** Whom the source cites for the figure ("the Indian Express"), when it is second-hand. */
  citing?: string;
  /** Words a person reads: "share of weapons imported since 2010, citing the Indian Express". */
  description: string;
}

/** How two figures' measures relate: `same` needs positive evidence (a shared measured thing); `unknown` when one of them does not say. */
export type MeasureRelation = 'same' | 'different' | 'unknown';

const flowConcepts = new Set(['import', 'export', 'trade', 'investment', 'spending', 'budget', 'market', 'production', 'output', 'aid', 'loan', 'revenue', 'income']);
const stockConcepts = new Set(['arsenal', 'inventory', 'stockpile', 'fleet', 'holding', 'reserve', 'debt', 'population']);
/** "the Indian army's armaments": what an armed force holds is a stock. */
const holderConcepts = new Set(['military', 'navy', 'airforce']);
const clauseWeight = 0.7;
const nowPattern = /\b(?:has|have) (?:fallen|dropped|declined|risen|grown|climbed|shrunk)\b|\b(?:currently|now|today|at present|current)\b/i;
/** Trailing words of a key phrase that are verbs, not part of what is measured ("armaments come"). */
const trailingVerbs = /\s+(?:come|comes|came|made|make|makes|is|are|was|were|have|has|increased|rose|fell|stood|reached|set)$/i;
const measureNounPattern = /\b(?:import|export|trade|invest|arm|weapon|share|target|goal|deal|contract|budget|spend|sale|market|production|dose|armament)/i;

/** Past forms that do not end in -ed, for the events dates mark. */
const irregularEvents = new Set(['met', 'left', 'began', 'begun', 'came', 'held', 'took', 'went', 'won', 'lost', 'fell', 'sent', 'spent', 'flew', 'wrote', 'told', 'sold', 'bought', 'broke', 'struck', 'arrival', 'departure', 'visit', 'visited', 'signing', 'launch', 'election']);
/** Words ending in -ed that name no event. */
const notEvents = new Set(['expected', 'planned', 'scheduled', 'reported', 'said', 'united', 'based', 'related', 'limited', 'advanced', 'armed', 'indeed', 'need', 'speed', 'seed', 'feed', 'hundred']);

/** The root of an event word: "arrived", "arrive", "arrival" and "arrives" are one event. */
function eventRoot(word: string): string {
  return word.toLowerCase().replace(/(?:ing|ed|al|es|e|s|d)$/, '');
}

/**
 * What happened on a date, by the verbs of the date's own clause ("arrived", "signed",
 * "published"): two dates with events that share none are about different events.
 */
export function eventsOf(figure: Figure): string[] {
  if (figure.kind !== 'date') return [];
  const words = clauseConcepts(figure).map((word) => word.toLowerCase());
  return [...new Set(words.filter((word) => !notEvents.has(word) && (irregularEvents.has(word) || (word.length > 4 && word.endsWith('ed')))).map(eventRoot))].sort();
}

/** The words of a figure's own clause (weight at least that of its clause). */
function clauseConcepts(figure: Figure): string[] {
  return Object.entries(figure.keywords).filter(([, weight]) => weight >= clauseWeight).map(([word]) => word);
}

/** The measure of a source (or draft) figure. */
export function measureOf(figure: Figure): FigureMeasure {
  const clause = clauseConcepts(figure);
  const measured = new Set(figure.measures.filter((word) => !(word === 'share' && figure.kind === 'percent')));
  for (const word of clause) if (flowConcepts.has(word) || stockConcepts.has(word)) measured.add(word);
  let kind: FigureMeasure['kind'];
  if ([...measured].some((word) => flowConcepts.has(word))) kind = 'flow';
  else if ([...measured].some((word) => stockConcepts.has(word)) || (clause.includes('arms') && clause.some((word) => holderConcepts.has(word)))) kind = 'stock';
  if (kind === 'stock' && clause.includes('arms')) measured.add('arms held');
  let period: string | undefined;
  if (figure.anchor) period = `${figure.anchor.relation} ${figure.anchor.year}`;
  else if (figure.period) period = figure.period;
  else if (nowPattern.test(figure.sentence.text)) period = 'now';
  const citing = findCitation(figure.sentence.text);
  const measure: FigureMeasure = { unitKey: unitKey(figure), measured: [...measured].sort(), description: '' };
  if (kind) measure.kind = kind;
  if (period) measure.period = period;
  if (citing) measure.citing = citing;
  measure.description = describeMeasure(figure, measure);
  return measure;
}

/** A measure named away from the figure ("the investment target of $30 billion … has now been revised to $50 billion"). */
const sentenceMeasurePattern = /\b(?:investment|trade|import|export|spending|defen[cs]e|arms)\s+(?:target|goal|deal|budget)\b/i;

function describeMeasure(figure: Figure, measure: FigureMeasure): string {
  let phrase = figure.keyNouns.map((noun) => noun.replace(trailingVerbs, '')).find((noun) => measureNounPattern.test(noun) && !/^share$/i.test(noun));
  if (phrase === undefined) {
    const named = sentenceMeasurePattern.exec(figure.sentence.text.slice(0, 2000))?.[0];
    const change = figure.keyNouns[0] && /^[a-z]+ed$/.test(figure.keyNouns[0]) ? figure.keyNouns[0] : undefined;
    if (named) phrase = change ? `${named}, ${change}` : named;
  }
  const bare = phrase !== undefined && /^(?:target|goal|value|total|share|aim)$/i.test(phrase.trim());
  const measuredPhrase = bare ? figure.keyNouns.find((noun) => noun !== phrase && measure.measured.some((word) => noun.toLowerCase().includes(word))) : undefined;
  if (measuredPhrase) phrase = `${measuredPhrase} ${phrase}`;
  const shareWords = /\bshare\b/i.test(phrase ?? '');
  let what: string;
  if (figure.kind === 'percent') what = phrase && !shareWords ? l10n.t('share of {0}', lowerCommon(phrase)) : l10n.t('share');
  else what = phrase ? lowerCommon(phrase) : figure.keyNouns[0] ? lowerCommon(figure.keyNouns[0]) : figure.unit;
  const period = measure.period === 'now' ? '' : measure.period && !what.includes(measure.period) ? ` ${measure.period}` : '';
  const described = measure.period === 'now' ? l10n.t('current {0}', `${what}${period}`) : `${what}${period}`;
  return measure.citing ? l10n.t('{0}, citing {1}', described, measure.citing) : described;
}

function lowerCommon(phrase: string): string {
  return /^[A-Z][a-z]+(?:\s|$)/.test(phrase) && !/^(?:Russia|India|China|Indian|Russian|Chinese|American|US)\b/.test(phrase) ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
}

/**
 * Whether two figures are on one measure. `different` when the unit, the measured thing (one
 * says imports, the other armaments held), the period (since 2010 vs now), the framing years or,
 * for dates, the event (one "arrived", the other "published") differ; `same` when they share a measured thing and nothing differs; `unknown` otherwise.
 */
export function measureRelation(a: Figure, b: Figure, ma: FigureMeasure = measureOf(a), mb: FigureMeasure = measureOf(b)): MeasureRelation {
  if (ma.unitKey !== mb.unitKey || !compatible(a, b)) return 'different';
  const eventsA = eventsOf(a);
  const eventsB = eventsOf(b);
  if (eventsA.length > 0 && eventsB.length > 0 && !eventsA.some((event) => eventsB.includes(event))) return 'different';
  if (ma.period && mb.period && ma.period !== mb.period) return 'different';
  if (ma.kind && mb.kind && ma.kind !== mb.kind) return 'different';
  if (ma.measured.length > 0 && mb.measured.length > 0) return ma.measured.some((word) => mb.measured.includes(word)) ? 'same' : 'different';
  if (a.kind === 'date' || a.kind === 'ordinal' || a.kind === 'count') return 'same';
  return 'unknown';
}

/** How two figures' values relate, hedges read as ranges ("more than 60%" is 60-75%, "below 50%" 25-50%). */
export function valuesAgree(a: Figure, b: Figure): FigurePairVerdict {
  return compareFigures(a, b);
}
