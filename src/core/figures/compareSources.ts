import type { Article } from '../model';
import { extractArticleFigures, type ExtractFiguresOptions } from './extractFigures';
import type { Figure } from './figure';
import { groupFiguresInSlices, type FigureGroup, type GroupFiguresOptions } from './groupFigures';
import { neverDue, runToCompletion, type SliceClock, type SlicedWork } from '../scheduling/timeSlice';

/** Options for `buildFigureGroups`: extraction limits and grouping rules together. */
export type BuildFigureGroupsOptions = Omit<ExtractFiguresOptions, 'precedingText'> & GroupFiguresOptions;

/**
 * The figure groups of a corpus, in one call: every article's figures (each passage read with
 * the one before it) grouped across sources, disagreements first. Article dates from the
 * metadata are used unless the caller gives its own `articleDate`.
 */
export function buildFigureGroups(articles: readonly Article[], options: BuildFigureGroupsOptions = {}): FigureGroup[] {
  return runToCompletion(buildFigureGroupsInSlices(articles, options, neverDue));
}

/** `buildFigureGroups` as sliced work: it yields whenever `clock` is due (see `runCooperatively`). */
export function* buildFigureGroupsInSlices(articles: readonly Article[], options: BuildFigureGroupsOptions, clock: SliceClock): SlicedWork<FigureGroup[]> {
  const figures: Figure[] = [];
  const dates = new Map<string, string>();
  for (const article of articles) {
    if (clock.due()) yield;
    for (const figure of extractArticleFigures(article, options)) figures.push(figure);
    if (article.meta.date) dates.set(article.id, article.meta.date);
  }
  return yield* groupFiguresInSlices(figures, { articleDate: (articleId) => dates.get(articleId), ...options }, clock);
}

/**
 * The groups with a figure in any of the given passages (a topic's passages, for the compare
 * view), disagreements first, then the groups most sources speak of.
 */
export function groupsTouchingPassages(groups: readonly FigureGroup[], passageIds: ReadonlySet<string>): FigureGroup[] {
  return groups
    .filter((group) => group.figures.some((figure) => passageIds.has(figure.passageId)))
    .sort((a, b) => Number(b.disagreement) - Number(a.disagreement) || b.articleIds.length - a.articleIds.length);
}

/**
 * One line stating what each source says, as the compare view and hovers show it:
 * "Russia's share…: more than 60% (Source A, since 2010); more than 80% (Source B); fallen
 * below 50% (Source C)". Plain text: escape it before putting it into markdown or HTML.
 */
export function describeFigureGroup(group: FigureGroup, sourceName: (articleId: string) => string): string {
  const statements = group.figures.map((figure) => {
    const frame = figure.anchor && !figure.span.text.includes(figure.anchor.text) ? `, ${figure.anchor.text}` : '';
    return `${figure.span.text} (${sourceName(figure.articleId)}${frame})`;
  });
  return `${group.label}: ${statements.join('; ')}`;
}
