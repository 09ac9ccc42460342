import type { Logger, Passage } from '../model';
import { extractFigures } from './extractFigures';
import type { Figure } from './figure';
import { compareFigures, type FigurePairVerdict } from './figureRange';
import { comparisonWords, FigureSimilarity, type TopicsForPassage } from './figureSimilarity';
import { compatible, unitKey, type FigureGroup } from './groupFigures';

/** How a figure in the writer's draft relates to one source figure. */
export interface SourceFigureVerdict {
  figure: Figure;
  verdict: FigurePairVerdict;
}

/** A figure in the draft and the sources' group about the same thing. */
export interface DraftFigureMatch {
  /** The draft's figure; its offsets are into the text given to the checker. */
  figure: Figure;
  group: FigureGroup;
  /** How alike the words around the draft's figure and the group's figures are, 0-1. */
  similarity: number;
  /** One per figure of the group, in the group's order. */
  verdicts: SourceFigureVerdict[];
  /** True when the draft's figure disagrees with every source figure of the group. */
  contradictsAll: boolean;
}

/** Tuning for the draft checker. */
export interface DraftFigureOptions {
  /** How alike the words must be for a draft figure to be about a group's thing (default 0.2, as for grouping; contradictions need 0.1 more). */
  minSimilarity?: number;
  topicsForPassage?: TopicsForPassage;
  /** Only this many characters of the draft are read (default 1,000,000). */
  maxTextLength?: number;
  /** Told when a check failed (a bug: the check then finds nothing rather than throwing). */
  logger?: Logger;
}

const draftPassageId = 'draft';
const contradictionMargin = 0.1;

/**
 * Compares the figures in a writer's draft with the sources' figure groups: for a hover
 * ("80% of India's arms": what do the sources say?) and for diagnostics (a figure that
 * contradicts every source on the same thing). Build once per set of groups; reuse for every
 * check. Cost per check: figure extraction (linear in the text) plus, per draft figure, the
 * figures of the groups with the same unit.
 */
export class DraftFigureChecker {
  private readonly similarity: FigureSimilarity;
  private readonly membersByUnit = new Map<string, Array<{ group: FigureGroup; figure: Figure; words: Map<string, number> }>>();

  constructor(groups: readonly FigureGroup[], private readonly options: DraftFigureOptions = {}) {
    const allWords: Array<Map<string, number>> = [];
    for (const group of groups) {
      for (const figure of group.figures) {
        const words = comparisonWords(figure, options.topicsForPassage);
        allWords.push(words);
        const key = unitKey(figure);
        const list = this.membersByUnit.get(key);
        const entry = { group, figure, words };
        if (list) list.push(entry);
        else this.membersByUnit.set(key, [entry]);
      }
    }
    this.similarity = new FigureSimilarity(allWords);
  }

  /** Every figure of `text` that speaks of the same thing as a group, with how it compares to each source. Offsets are into `text`. */
  matches(text: string): DraftFigureMatch[] {
    try {
      return this.matchesUnguarded(typeof text === 'string' ? text : '');
    } catch (error) {
      this.options.logger?.error(`Figures in the draft could not be checked: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }

  /** The match whose figure covers `offset` in `text` (for a hover), if any. */
  matchAt(text: string, offset: number): DraftFigureMatch | undefined {
    return this.matches(text).find((match) => match.figure.span.start <= offset && offset <= match.figure.span.end);
  }

  /** The figures of `text` that contradict every source on the same thing. */
  contradictions(text: string): DraftFigureMatch[] {
    const minSimilarity = (this.options.minSimilarity ?? defaultMinSimilarity) + contradictionMargin;
    return this.matches(text).filter((match) => match.contradictsAll && match.similarity >= minSimilarity);
  }

  private matchesUnguarded(text: string): DraftFigureMatch[] {
    const passage: Passage = {
      id: draftPassageId,
      articleId: draftPassageId,
      ordinal: 0,
      text,
      range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 },
    };
    const minSimilarity = this.options.minSimilarity ?? defaultMinSimilarity;
    const results: DraftFigureMatch[] = [];
    for (const figure of extractFigures(passage, { maxTextLength: this.options.maxTextLength ?? 1_000_000, logger: this.options.logger })) {
      if (figure.isAnchorOnly) continue;
      const words = comparisonWords(figure);
      const mass = this.similarity.mass(words);
      const bestByGroup = new Map<FigureGroup, number>();
      for (const member of this.membersByUnit.get(unitKey(figure)) ?? []) {
        if (!compatible(figure, member.figure)) continue;
        const score = this.similarity.score(words, member.words, mass);
        if (score > (bestByGroup.get(member.group) ?? 0)) bestByGroup.set(member.group, score);
      }
      let best: { group: FigureGroup; score: number } | undefined;
      for (const [group, score] of bestByGroup) if (score >= minSimilarity && (!best || score > best.score)) best = { group, score };
      if (!best) continue;
      const verdicts = best.group.figures.map((source) => ({ figure: source, verdict: compareFigures(figure, source) }));
      results.push({
        figure,
        group: best.group,
        similarity: best.score,
        verdicts,
        contradictsAll: verdicts.every((entry) => entry.verdict !== 'agree'),
      });
    }
    return results;
  }
}

const defaultMinSimilarity = 0.2;

/**
 * The figures in a draft sentence that contradict every source on the same thing ("Only 10% of
 * India's arms come from Russia" against sources saying more than 60%, more than 80% and below
 * 50%). For many checks, build a `DraftFigureChecker` once instead.
 */
export function checkFigureInDraft(sentence: string, groups: readonly FigureGroup[], options: DraftFigureOptions = {}): DraftFigureMatch[] {
  return new DraftFigureChecker(groups, options).contradictions(sentence);
}

/**
 * Whether the writer's `text` has a figure covering `offset`: the editor asks this on its own
 * thread before it asks the engine for a figure card, so a hover on a word with digits that is
 * no figure ("S-400") never waits for the engine.
 */
export function hasDraftFigureAt(text: string, offset: number): boolean {
  const passage: Passage = { id: draftPassageId, articleId: draftPassageId, ordinal: 0, text, range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 } };
  try {
    return extractFigures(passage).some((figure) => !figure.isAnchorOnly && figure.span.start <= offset && offset <= figure.span.end);
  } catch {
    // The engine's check reports a failure; here a figure is only a reason to ask it.
    return true;
  }
}
