import type { FigureGroup } from './groupFigures';
import { conceptOf } from './keywords';
import { tokenise } from './tokenise';

const maxLabelLength = 80;
/** Control, zero-width and bidi-override characters: article text must not reorder or hide parts of a label. */
const invisibleOrControl = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

function unitLabel(group: FigureGroup): string {
  switch (group.kind) {
    case 'percent':
      return '%';
    case 'money':
      return group.unit;
    case 'duration':
      return 'duration';
    case 'date':
      return 'date';
    case 'ordinal':
      return `rank of ${group.figures[0].unit}`;
    case 'count':
      return `number of ${group.unit}`;
    default:
      return group.unit;
  }
}

/**
 * The key noun phrases of the members, each with the concepts it covers. In a group of several
 * figures, words at either end of a phrase that the members do not share are trimmed
 * ("Indian army's armaments come" -> "Indian army's armaments").
 */
function phrasesWithConcepts(group: FigureGroup): Array<{ phrase: string; concepts: Set<string> }> {
  const seen = new Set<string>();
  const shared = new Set(group.sharedKeywords);
  const trim = group.figures.length > 1;
  const result: Array<{ phrase: string; concepts: Set<string> }> = [];
  for (const figure of group.figures) {
    for (const original of figure.keyNouns) {
      const tokens = tokenise(original, 50);
      let first = 0;
      let last = tokens.length - 1;
      const keeps = (index: number): boolean => {
        const concept = conceptOf(tokens[index]);
        return concept !== undefined && shared.has(concept);
      };
      if (trim) {
        while (first <= last && !keeps(first)) first++;
        while (last >= first && !keeps(last)) last--;
      }
      if (first > last) continue;
      const phrase = original.slice(tokens[first].start, tokens[last].end);
      if (seen.has(phrase)) continue;
      seen.add(phrase);
      const concepts = new Set<string>();
      for (let index = first; index <= last; index++) {
        const concept = conceptOf(tokens[index]);
        if (concept) concepts.add(concept);
      }
      result.push({ phrase, concepts });
    }
  }
  return result;
}

/** Nouns that name a measure of something else: "Russia's share" of what, "value" of what. */
const measureNouns = new Set(['share', 'value', 'target', 'goal', 'number', 'cost', 'price', 'amount', 'total', 'rate', 'level', 'volume', 'proportion', 'percentage', 'part', 'size', 'length']);
/** Verbs that the figure sentences of news text use around figures and that are no subject of them. */
const commonVerbs = new Set(['hold', 'holds', 'held', 'sign', 'signs', 'show', 'shows', 'stretch', 'stretches', 'cut', 'cuts', 'say', 'says', 'said', 'make', 'makes', 'made', 'reach', 'reaches', 'rise', 'rises', 'fall', 'falls', 'grow', 'grows']);

function isLoneVerb(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  if (words.length !== 1) return false;
  const word = words[0].toLowerCase();
  return commonVerbs.has(word) || (/^[a-z]/.test(words[0]) && /(?:ed|ing)$/.test(word) && word.length > 5);
}

function endsWithMeasureNoun(phrase: string): boolean {
  const last = phrase.trim().split(/\s+/).pop() ?? '';
  return measureNouns.has(last.toLowerCase());
}

/**
 * "Russia's share" + "Indian army's armaments" reads "Russia's share of Indian army's armaments";
 * "Bilateral trade" + "goal" reads "goal of bilateral trade"; other pairs are listed with a comma.
 */
function joinPhrases(chosen: string[]): string {
  if (chosen.length !== 2) return chosen.join(', ');
  const [first, second] = chosen;
  const isLoneCommonWord = (phrase: string) => /^[a-z][\w-]*$/.test(phrase.trim());
  for (const [measure, measured] of [[first, second], [second, first]]) {
    if (!endsWithMeasureNoun(measure) || endsWithMeasureNoun(measured)) continue;
    // "Investment target" + "advance" (from "in advance"): the lone word adds nothing.
    if (isLoneCommonWord(measured)) return measure;
    return `${measure} of ${lowerFirst(measured)}`;
  }
  return chosen.join(', ');
}

/** Lower-cases a leading common word ("Bilateral trade" -> "bilateral trade") but not a name ("Russia", "Indian army"). */
function lowerFirst(phrase: string): string {
  const [word] = phrase.split(/\s+/);
  const isCommonWord = /^[A-Z][a-z]+$/.test(word) && !/^(?:Russia|India|China|Japan|Indian|Russian|Chinese)/.test(word) && phrase === phrase.charAt(0) + phrase.slice(1).toLowerCase();
  return isCommonWord ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
}

/**
 * A short label for a group, made of the sources' own words: the noun phrases that carry the
 * words the members share, most telling first, then the unit ("weapons imported, Russia's
 * share (%)"). Honest rather than fluent: it never invents a word the sources did not use.
 * Plain text, with control and bidi characters removed; escape it before rendering.
 */
export function describeGroup(group: FigureGroup): string {
  const allPhrases = phrasesWithConcepts(group);
  // A lone verb ("purchased", "hold") says little about what was measured: kept only if nothing else is there.
  const nounPhrases = allPhrases.filter((candidate) => !isLoneVerb(candidate.phrase));
  const phrases = nounPhrases.length > 0 ? nounPhrases : allPhrases;
  const chosen: string[] = [];
  const covered = new Set<string>();
  for (const keyword of group.sharedKeywords.slice(0, 4)) {
    if (covered.has(keyword)) continue;
    const best = phrases
      .filter((candidate) => candidate.concepts.has(keyword))
      .sort((a, b) => [...b.concepts].filter((c) => group.sharedKeywords.includes(c)).length - [...a.concepts].filter((c) => group.sharedKeywords.includes(c)).length
        || a.phrase.length - b.phrase.length)[0];
    if (!best) continue;
    chosen.push(best.phrase);
    for (const concept of best.concepts) covered.add(concept);
    if (chosen.length === 2) break;
  }
  if (chosen.length === 0 && phrases[0]) chosen.push(phrases[0].phrase);
  if (chosen.length === 0 && group.figures[0].keyNouns[0]) chosen.push(group.figures[0].keyNouns[0]);
  let words = joinPhrases(chosen).replace(invisibleOrControl, '');
  if (words.length > maxLabelLength) words = `${words.slice(0, maxLabelLength - 1).trimEnd()}\u2026`;
  const unit = unitLabel(group);
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)} (${unit})` : unit;
}
