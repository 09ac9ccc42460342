import type { Figure, FigureKind } from './figure';
import { conflictBetween, type ConflictContext } from './figureConflict';
import { compareFigures, type FigurePairVerdict } from './figureRange';
import { describeGroup } from './groupLabel';
import { isMeasureConcept } from './keywords';
import { comparisonWords, FigureSimilarity, type TopicsForPassage } from './figureSimilarity';
import { neverDue, runToCompletion, type SliceClock, type SlicedWork } from '../scheduling/timeSlice';

/** Two figures of a group, from different sources, that cannot both be right. */
export interface FigureConflict {
  /** Indices into `FigureGroup.figures`. */
  first: number;
  second: number;
  verdict: Exclude<FigurePairVerdict, 'agree'>;
}

/** Figures that speak of the same thing, across sources or within one. */
export interface FigureGroup {
  /** Stable while the member figures are unchanged. */
  id: string;
  /** A short human label: "weapons imported by India: Russia (%)". */
  label: string;
  kind: FigureKind;
  /** The common unit (`%`, `USD`, `day` for durations, the counted noun for counts). */
  unit: string;
  /** Ordered by article, then by position. */
  figures: Figure[];
  /** Distinct articles, in the order of `figures`. */
  articleIds: string[];
  /** The words the members share, most telling first. */
  sharedKeywords: string[];
  /** True when two sources give values that cannot both be right (see `compareFigures`). */
  disagreement: boolean;
  /** `contradiction` when the words themselves exclude each other, `tension` when only their usual reading does. */
  severity?: 'contradiction' | 'tension';
  conflicts: FigureConflict[];
}

/** Tuning and context for `groupFigures`. */
export interface GroupFiguresOptions extends ConflictContext {
  /** Topics of a passage; a topic named in a figure's sentence counts as a shared word. */
  topicsForPassage?: TopicsForPassage;
  /** How alike two figures' words must be, 0-1 (default 0.2); figures whose values conflict need 0.1 more. */
  minSimilarity?: number;
  /** Keep groups of a single figure (default true: the compare view lists every figure). */
  includeSingletons?: boolean;
}

const defaultMinSimilarity = 0.2;
/** Figures whose values conflict must be this much more alike to be grouped: a false disagreement costs the writer more than a missed grouping. */
const conflictMargin = 0.1;
/** The same number of the same thing ("four countries", "second trip") is itself a sign that two sources speak of one thing. */
const sameValueBonus = 0.1;
/** The same calendar day (month and day) in two articles is rarely a coincidence; the same bare day of the month ("the 6th") less so. */
const sameDayBonus = 0.3;
const sameBareDayBonus = 0.2;
/** A date alone says little about what it dates ("on the 6th"), so dates must be more alike to be grouped. */
const datePenalty = 0.1;
const maxGroupSize = 60;
/** Pairs less alike than this are treated as not alike at all (not stored; they count 0 when groups are merged). */
const negligibleSimilarity = 0.05;
const maxPostingsPerWord = 300;

/** The key figures must share to be compared at all: same kind and unit, durations in any time unit. */
export function unitKey(figure: Figure): string {
  switch (figure.kind) {
    case 'duration':
      return 'duration';
    case 'ordinal':
      return 'ordinal';
    case 'date':
      return 'date';
    default:
      return `${figure.kind}:${figure.unit}`;
  }
}

/**
 * Whether two figures could be about the same thing at all, whatever their words: they must
 * not name different measures ("bilateral trade" vs "investment") nor be framed by different
 * years ("in 2019" vs "by 2025").
 */
export function compatible(a: Figure, b: Figure): boolean {
  if (a.measures.length > 0 && b.measures.length > 0 && !a.measures.some((measure) => b.measures.includes(measure))) return false;
  if (a.anchor && b.anchor && (a.anchor.relation !== b.anchor.relation || a.anchor.year !== b.anchor.year)) return false;
  if (Boolean(a.change) !== Boolean(b.change)) return false;
  if (a.period && b.period && a.period !== b.period) return false;
  if (a.unit.startsWith('age') && a.names.length > 0 && b.names.length > 0 && !a.names.some((name) => b.names.includes(name))) return false;
  if (a.kind === 'date' && b.kind === 'date') {
    const x = a.date ?? {};
    const y = b.date ?? {};
    const sharesAField = (x.year !== undefined && y.year !== undefined) || (x.month !== undefined && y.month !== undefined) || (x.day !== undefined && y.day !== undefined);
    if (!sharesAField) return false;
    if (a.names.length > 0 && b.names.length > 0 && !a.names.some((name) => b.names.includes(name))) return false;
  }
  return true;
}

function dateBonus(a: Figure, b: Figure): number {
  const x = a.date ?? {};
  const y = b.date ?? {};
  if (x.month !== undefined && y.month !== undefined && x.day !== undefined && y.day !== undefined) return sameDayBonus;
  if (x.day !== undefined && y.day !== undefined) return sameBareDayBonus;
  return 0;
}

function sameValue(a: Figure, b: Figure): boolean {
  if (a.kind === 'date' && b.kind === 'date') {
    const x = a.date ?? {};
    const y = b.date ?? {};
    const fields = [x.year !== undefined && y.year !== undefined, x.month !== undefined && y.month !== undefined, x.day !== undefined && y.day !== undefined].filter(Boolean).length;
    return fields >= 1 && compareFigures(a, b) === 'agree';
  }
  if (a.unit !== b.unit || a.comparison !== b.comparison) return false;
  return a.low === b.low && a.high === b.high;
}

function stableGroupId(figures: readonly Figure[]): string {
  const first = figures[0];
  return `figures:${first.passageId}:${first.span.start}:${figures.length}`;
}

/**
 * Groups figures that speak of the same thing, across sources, and flags the groups whose
 * sources disagree.
 *
 * The rule: two figures can share a group only if they have the same kind and unit (durations
 * in any time unit; dates of the same precision), do not name different measures (a "$30
 * billion investment target" and "$30 billion in bilateral trade" are different things, so
 * they never meet, even though their numbers match), and are not framed by different years.
 * Among those, figures join when the words of their sentences are alike (weighted overlap of
 * content words, rare words counting more, the words of the figure's own clause more than the
 * rest of the sentence), by average linkage so that chains of loosely similar figures do not
 * snowball. Figures whose values conflict must be more alike (by 0.1) to be grouped, because
 * a false disagreement costs the writer more than a missed grouping. A group disagrees when two
 * of its figures exclude each other (`compareFigures`) and may conflict at all (`canConflict`:
 * different articles, not vague, not relative to the time of writing, not changes over
 * different periods, articles not written far apart, at least two content words in common).
 *
 * Time: the pairs of figures with the same unit that share a word (or a day of the month), a
 * word counting only while it occurs in at most 300 figures of that unit; then merging in
 * order of similarity, each merge costing the product of the two groups' sizes (groups are
 * capped at 60 figures).
 */
export function groupFigures(figures: readonly Figure[], options: GroupFiguresOptions = {}): FigureGroup[] {
  return runToCompletion(groupFiguresInSlices(figures, options, neverDue));
}

/**
 * `groupFigures` as sliced work: it yields whenever `clock` is due, inside the loops that grow
 * with the corpus, so a host can run it between other work (see `runCooperatively`).
 */
export function* groupFiguresInSlices(figures: readonly Figure[], options: GroupFiguresOptions, clock: SliceClock): SlicedWork<FigureGroup[]> {
  const eligible = figures.filter((figure) => !figure.isAnchorOnly);
  const minSimilarity = options.minSimilarity ?? defaultMinSimilarity;
  const words = eligible.map((figure) => comparisonWords(figure, options.topicsForPassage));
  const figureSimilarity = new FigureSimilarity(words);
  const idf = (word: string): number => figureSimilarity.idf(word);
  const vectors = words.map((set) => figureSimilarity.vector(set));
  const similarity = (i: number, j: number): number => figureSimilarity.scoreVectors(vectors[i], vectors[j]);

  const blocks = new Map<string, number[]>();
  eligible.forEach((figure, index) => {
    const key = unitKey(figure);
    const block = blocks.get(key);
    if (block) block.push(index);
    else blocks.set(key, [index]);
  });

  const neighbours = eligible.map(() => new Map<number, number>());
  const pairScore = (i: number, j: number): number => neighbours[i].get(j) ?? 0;
  const candidatePairs: Array<{ i: number; j: number; score: number }> = [];
  // Values from two sources that differ are themselves a sign of two different things, whether or not they may be flagged as a disagreement.
  const conflicting = (i: number, j: number): boolean => eligible[i].articleId !== eligible[j].articleId && compareFigures(eligible[i], eligible[j]) !== 'agree';
  const baseThreshold = (i: number): number => minSimilarity + (eligible[i].kind === 'date' ? datePenalty : 0);
  const thresholdFor = (i: number, j: number): number => baseThreshold(i) + (conflicting(i, j) ? conflictMargin : 0);
  const consider = (i: number, j: number): void => {
    let score = similarity(i, j);
    const isDate = eligible[i].kind === 'date';
    if (score < negligibleSimilarity && !isDate) return;
    if (!compatible(eligible[i], eligible[j])) return;
    if (sameValue(eligible[i], eligible[j]) && (score > 0 || isDate)) score += isDate ? dateBonus(eligible[i], eligible[j]) : sameValueBonus;
    if (score < negligibleSimilarity) return;
    neighbours[i].set(j, score);
    neighbours[j].set(i, score);
    if (score >= baseThreshold(i) && score >= thresholdFor(i, j)) candidatePairs.push({ i, j, score });
  };
  // Shared rare words add up, per pair, to a lower bound of the similarity; only pairs whose bound is worth it are scored in full.
  const partial = new Float64Array(eligible.length);
  const sameDay = new Uint8Array(eligible.length);
  const lastSeenBy = new Int32Array(eligible.length).fill(-1);
  for (const block of blocks.values()) {
    const postings = new Map<string, { figures: number[]; weights: number[] }>();
    for (const index of block) {
      for (const [word, weight] of words[index]) {
        const list = postings.get(word);
        if (!list) postings.set(word, { figures: [index], weights: [weight] });
        else if (list.figures.length <= maxPostingsPerWord) {
          list.figures.push(index);
          list.weights.push(weight);
        }
      }
      const day = eligible[index].date?.day;
      if (day !== undefined) {
        const key = `\u0000day:${day}`;
        const list = postings.get(key);
        if (!list) postings.set(key, { figures: [index], weights: [0] });
        else list.figures.push(index);
      }
    }
    for (const i of block) {
      if (clock.due()) yield;
      const touched: number[] = [];
      const visit = (key: string, weight: number, isDay: boolean): void => {
        const list = postings.get(key);
        if (!list || (!isDay && list.figures.length > maxPostingsPerWord)) return;
        const rarity = isDay ? 0 : idf(key);
        for (let k = 0; k < list.figures.length; k++) {
          const j = list.figures[k];
          if (j <= i) continue;
          if (lastSeenBy[j] !== i) {
            lastSeenBy[j] = i;
            partial[j] = 0;
            sameDay[j] = 0;
            touched.push(j);
          }
          if (isDay) sameDay[j] = 1;
          else partial[j] += Math.min(weight, list.weights[k]) * rarity;
        }
      };
      for (const [word, weight] of words[i]) visit(word, weight, false);
      const day = eligible[i].date?.day;
      if (day !== undefined) visit(`\u0000day:${day}`, 0, true);
      for (const j of touched) {
        const norm = Math.sqrt(vectors[i].mass * vectors[j].mass);
        const bound = norm > 0 ? partial[j] / norm : 0;
        if (bound >= negligibleSimilarity || sameDay[j] === 1) consider(i, j);
      }
    }
  }
  candidatePairs.sort((a, b) => b.score - a.score);

  const clusterOf = eligible.map((_, index) => index);
  const members = new Map<number, number[]>(eligible.map((_, index) => [index, [index]]));
  for (const { i, j } of candidatePairs) {
    if (clock.due()) yield;
    const leftId = clusterOf[i];
    const rightId = clusterOf[j];
    const left = members.get(leftId);
    const right = members.get(rightId);
    if (!left || !right || leftId === rightId || left.length + right.length > maxGroupSize) continue;
    let total = 0;
    let acceptable = true;
    for (const x of left) {
      for (const y of right) {
        const score = pairScore(x, y);
        if (!compatible(eligible[x], eligible[y]) || (conflicting(x, y) && score < thresholdFor(x, y))) acceptable = false;
        total += score;
      }
    }
    const linkThreshold = minSimilarity + (eligible[i].kind === 'date' ? datePenalty : 0);
    if (!acceptable || total / (left.length * right.length) < linkThreshold) continue;
    for (const y of right) clusterOf[y] = leftId;
    left.push(...right);
    members.delete(rightId);
  }

  const groups: FigureGroup[] = [];
  for (const indices of members.values()) {
    if (clock.due()) yield;
    if (indices.length < 2 && options.includeSingletons === false) continue;
    groups.push(buildGroup(indices.map((index) => eligible[index]), idf, options));
  }
  groups.sort((a, b) => Number(b.disagreement) - Number(a.disagreement) || b.articleIds.length - a.articleIds.length || b.figures.length - a.figures.length);
  return groups;
}

function buildGroup(unordered: Figure[], idf: (word: string) => number, context: ConflictContext): FigureGroup {
  const articleOrder: string[] = [];
  for (const figure of unordered) if (!articleOrder.includes(figure.articleId)) articleOrder.push(figure.articleId);
  articleOrder.sort();
  const figures = [...unordered].sort((a, b) => articleOrder.indexOf(a.articleId) - articleOrder.indexOf(b.articleId)
    || (a.passageId < b.passageId ? -1 : a.passageId > b.passageId ? 1 : 0) || a.span.start - b.span.start);
  const conflicts: FigureConflict[] = [];
  for (let x = 0; x < figures.length; x++) {
    for (let y = x + 1; y < figures.length; y++) {
      const verdict = conflictBetween(figures[x], figures[y], context);
      if (verdict !== 'agree') conflicts.push({ first: x, second: y, verdict });
    }
  }
  const weights = new Map<string, { count: number; weight: number }>();
  for (const figure of figures) {
    for (const [word, weight] of Object.entries(figure.keywords)) {
      const entry = weights.get(word) ?? { count: 0, weight: 0 };
      entry.count += 1;
      entry.weight += weight;
      weights.set(word, entry);
    }
  }
  const needed = figures.length > 1 ? 2 : 1;
  const telling = (word: string, entry: { weight: number }): number => entry.weight * idf(word) * (isMeasureConcept(word) ? 2 : 1);
  const sharedKeywords = [...weights.entries()]
    .filter(([, entry]) => entry.count >= needed)
    .sort((a, b) => telling(b[0], b[1]) - telling(a[0], a[1]))
    .map(([word]) => word);
  const severity = conflicts.some((conflict) => conflict.verdict === 'contradiction') ? 'contradiction' : conflicts.length > 0 ? 'tension' : undefined;
  const group: FigureGroup = {
    id: stableGroupId(figures),
    label: '',
    kind: figures[0].kind,
    unit: figures[0].kind === 'duration' ? 'day' : figures[0].unit,
    figures,
    articleIds: articleOrder,
    sharedKeywords,
    disagreement: conflicts.length > 0,
    conflicts,
  };
  if (severity) group.severity = severity;
  group.label = describeGroup(group);
  return group;
}
