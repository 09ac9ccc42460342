import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpusIndex';
import { buildFigureGroups } from '../core/figures/compareSources';
import { extractArticleFigures } from '../core/figures/extractFigures';
import type { Figure } from '../core/figures/figure';
import { groupFiguresInSlices } from '../core/figures/groupFigures';
import { runCooperatively, TimeSlice } from '../core/topics/timeSlice';
import { DraftFigureChecker } from '../core/figures/draftFigures';
import type { FigureGroup } from '../core/figures/groupFigures';
import type { Logger } from '../core/model';
import { QuotationIndex } from '../core/quotes/quotationIndex';

/** The figure groups, draft checker and quotation index of one state of the corpus. */
export interface FigureSnapshot {
  /** `CorpusIndex.changeCount` when this was built. */
  changeCount: number;
  groups: readonly FigureGroup[];
  checker: DraftFigureChecker;
  quotations: QuotationIndex;
  buildMillis: number;
}

const rebuildDelayMs = 400;
const backgroundSliceMs = 8;

/**
 * Figure groups and the quotation index, built from the corpus once per change and reused by
 * the compare view, the draft checker and the figure hover. After a change the old snapshot
 * keeps answering (hovers and typing never wait for a rebuild) while a debounced rebuild runs;
 * commands that must be exact call `fresh()`.
 */
export class FigureService implements vscode.Disposable {
  private snapshot: FigureSnapshot | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private building = false;
  private readonly updated = new vscode.EventEmitter<FigureSnapshot>();
  private readonly unsubscribe: () => void;
  /** Fires after every rebuild. */
  readonly onDidUpdate = this.updated.event;

  /** `yieldNow` gives the thread back between slices of a rebuild (see `BackgroundTurns`). */
  constructor(
    private readonly index: CorpusIndex,
    private readonly logger: Logger,
    private readonly yieldNow: () => Promise<void>,
  ) {
    // Each change pushes the rebuild back: during a load of thousands of files it waits for a pause.
    this.unsubscribe = index.onDidChange(() => this.schedule(true));
    if (index.passageCount() > 0) this.schedule();
  }

  /** The latest snapshot, possibly from an older state of the corpus (a rebuild is then scheduled); undefined before the first build. */
  current(): FigureSnapshot | undefined {
    if (!this.snapshot || this.snapshot.changeCount !== this.index.changeCount) this.schedule();
    return this.snapshot;
  }

  /** A snapshot of the corpus as it is now, built at once if needed. */
  fresh(): FigureSnapshot {
    if (this.snapshot && this.snapshot.changeCount === this.index.changeCount) return this.snapshot;
    return this.rebuild();
  }

  private schedule(restart = false): void {
    if (this.timer && !restart) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.snapshot || this.snapshot.changeCount !== this.index.changeCount) void this.rebuildInBackground();
    }, rebuildDelayMs);
  }

  /**
   * The same snapshot as `rebuild`, with the per-article figure extraction (the bulk of the work)
   * done in slices that give the extension host back every few milliseconds; abandoned when the
   * corpus changes meanwhile (the change has scheduled another rebuild).
   */
  private async rebuildInBackground(): Promise<void> {
    if (this.building) return;
    this.building = true;
    try {
      const started = Date.now();
      const changeCount = this.index.changeCount;
      const articles = this.index.articles();
      const figures: Figure[] = [];
      const dates = new Map<string, string>();
      let sliceStart = Date.now();
      for (const article of articles) {
        figures.push(...extractArticleFigures(article, { logger: this.logger }));
        if (article.meta.date) dates.set(article.id, article.meta.date);
        if (Date.now() - sliceStart > backgroundSliceMs) {
          await this.yieldNow();
          if (this.index.changeCount !== changeCount) return;
          sliceStart = Date.now();
        }
      }
      const extractedAt = Date.now();
      const isCancelled = () => this.index.changeCount !== changeCount;
      const clock = new TimeSlice(backgroundSliceMs);
      const groups = await runCooperatively(groupFiguresInSlices(figures, { articleDate: (articleId) => dates.get(articleId) }, clock), clock, { yieldNow: this.yieldNow, isCancelled });
      if (!groups) return;
      const groupedAt = Date.now();
      const quotations = await QuotationIndex.buildInSlices(articles.flatMap((article) => article.passages), this.yieldNow, { sliceMs: backgroundSliceMs, isCancelled });
      if (!quotations || isCancelled()) return;
      this.logger.info(`Figures in the background: extraction ${extractedAt - started} ms (sliced), grouping ${groupedAt - extractedAt} ms (sliced), quotation index ${Date.now() - groupedAt} ms (sliced).`);
      this.publish(changeCount, articles, groups, started, quotations);
    } catch (error) {
      this.logger.error(`Figures could not be grouped: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.building = false;
      // A change during the build abandoned it (or its own rebuild request found this one running): try again later.
      if (!this.snapshot || this.snapshot.changeCount !== this.index.changeCount) this.schedule();
    }
  }

  private rebuild(): FigureSnapshot {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const started = Date.now();
    const changeCount = this.index.changeCount;
    const articles = this.index.articles();
    let groups: FigureGroup[] = [];
    try {
      groups = buildFigureGroups(articles, { logger: this.logger });
    } catch (error) {
      this.logger.error(`Figures could not be grouped: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.publish(changeCount, articles, groups, started);
  }

  private publish(changeCount: number, articles: ReturnType<CorpusIndex['articles']>, groups: FigureGroup[], started: number, prebuilt?: QuotationIndex): FigureSnapshot {
    const quotations = prebuilt ?? new QuotationIndex(articles.flatMap((article) => article.passages));
    const checker = new DraftFigureChecker(groups, { logger: this.logger });
    const snapshot: FigureSnapshot = { changeCount, groups, checker, quotations, buildMillis: Date.now() - started };
    this.snapshot = snapshot;
    this.logger.info(`Figures: ${groups.length} groups (${groups.filter((group) => group.disagreement).length} disagreeing) and a quotation index over ${articles.length} articles in ${snapshot.buildMillis} ms.`);
    this.updated.fire(snapshot);
    return snapshot;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.unsubscribe();
    this.updated.dispose();
  }
}
