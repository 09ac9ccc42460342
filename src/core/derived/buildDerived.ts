import type { Article, Logger } from '../model';
import { buildFigureGroupsInSlices } from '../figures/compareSources';
import type { FigureGroup } from '../figures/groupFigures';
import { QuotationIndex } from '../quotes/quotationIndex';
import type { AliasTable } from '../topics/aliasFile';
import { buildTopicsInSlices, type BuiltTopics } from '../topics/buildTopics';
import type { SliceClock, SlicedWork } from '../scheduling/timeSlice';

/** Everything derived from the whole corpus at once (as opposed to the per-file passage index). */
export interface DerivedParts {
  topics: BuiltTopics;
  figureGroups: FigureGroup[];
  quotations: QuotationIndex;
  /** How long each part took, in milliseconds of work (yields excluded where the driver pauses). */
  millis: { topics: number; figures: number; quotations: number };
}

/**
 * Builds the topics, the figure groups and the quotation index of a corpus as one piece of
 * sliced work: it yields whenever `clock` is due, so the same code runs straight through in a
 * worker thread, or between the writer's requests on the editor's thread.
 */
export function* buildDerivedInSlices(articles: readonly Article[], aliasTable: AliasTable, clock: SliceClock, logger: Logger): SlicedWork<DerivedParts> {
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  const topicsStarted = now();
  const topics = yield* buildTopicsInSlices(articles, aliasTable, clock);
  const figuresStarted = now();
  const figureGroups = yield* buildFigureGroupsInSlices(articles, { logger }, clock);
  const quotationsStarted = now();
  const quotations = yield* QuotationIndex.buildInSlices(articles.flatMap((article) => article.passages), clock);
  const done = now();
  return {
    topics,
    figureGroups,
    quotations,
    millis: { topics: figuresStarted - topicsStarted, figures: quotationsStarted - figuresStarted, quotations: done - quotationsStarted },
  };
}
