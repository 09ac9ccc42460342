import type { CorpusChange, CorpusIndex } from '../corpus/corpusIndex';
import type { DraftFigureMatch } from '../figures/draftFigures';
import type { FigureGroup } from '../figures/groupFigures';
import { emptyLedgerReport, type LedgerReport } from '../ledger/storyLedger';
import type { IngestInput } from '../ingest/ingestFile';
import type { IngestOptions } from '../ingest/ingestOptions';
import type { DocumentTextOutcome } from '../ingest/ingestSourceFile';
import type { Article, IngestOutcome, Logger } from '../model';
import type { QuoteCheck } from '../quotes/quotationIndex';
import { runCooperatively, TimeSlice } from '../scheduling/timeSlice';
import type { BuiltTopics } from '../topics/buildTopics';
import type { PageExtraction } from '../webpage/extractedPage';
import { topicIndexInSlices, type TopicIndex } from '../topics/topicIndex';
import type { BuildMillis, DerivedAnswers, DerivedQuery, EngineChannel, FromEngine, ToEngine } from './derivedProtocol';
import { TopicAssembler } from './topicPieces';

/** Everything derived from one version of the corpus: never half-built, never mixed with another version. */
export interface DerivedSnapshot {
  /** The corpus version (`CorpusIndex.changeCount`) it was built from. */
  version: number;
  topics: TopicIndex;
  /** How many figure groups the sources have, and how many of them disagree. */
  figureGroupCount: number;
  disagreementCount: number;
  millis: BuildMillis;
  /** Checks quotations against the quotation index (which stays with the engine, like the figure groups). */
  checkQuotations(quotes: readonly string[]): Promise<QuoteCheck[]>;
  /** The figures of a draft text that speak of the same thing as the sources' figures, each compared with them. */
  figureMatches(text: string): Promise<DraftFigureMatch[]>;
  /** The figures of a draft text that contradict every source on the same thing. */
  figureContradictions(text: string): Promise<DraftFigureMatch[]>;
  /** The figure groups with a figure in any of these passages, disagreements first. */
  figureGroupsTouching(passageIds: readonly string[]): Promise<FigureGroup[]>;
  /** The story ledger of a draft text (computed by the engine, off the editor's thread when it has a worker). */
  ledger(text: string): Promise<LedgerReport>;
}

/** What readers outside Sourcebook (the public API, tests) may do with the derived indexes: read snapshots, wait for the current one. */
export type DerivedView = Pick<DerivedIndexes, 'current' | 'isCurrent' | 'whenCurrent' | 'onDidUpdate' | 'engineKind' | 'whyInThread'>;

/** What the pipeline needs from its host. */
export interface DerivedIndexesOptions {
  logger: Logger;
  /** Gives the editor's thread back between slices of installing a result (the host's `BackgroundTurns.yieldNow`). */
  yieldNow: () => Promise<void>;
  /** True while a bulk load adds files: background rebuilds wait for its end. */
  isLoading?: () => boolean;
  /** Resolves when pending file changes have reached the corpus (the loader's queue is empty). */
  settle?: () => Promise<void>;
  /** A change waits this long for the next one before a background rebuild starts. */
  debounceMs?: number;
  /** The engine to switch to if the first one's thread dies (the in-thread engine); the corpus is then sent again. */
  fallback?: () => EngineChannel;
  /** Why the engine runs on the editor's thread from the start (no worker could be started), for the log and tests. */
  whyInThread?: string;
  /** The display language's runtime bundle (`vscode.l10n.bundle`), handed to each engine: a worker has its own translator. */
  l10nContents?: Record<string, string>;
}

const defaultDebounceMs = 400;
const installSliceMs = 8;

/**
 * The one pipeline for what is derived from the whole corpus: topics, figure groups and the
 * quotation index. One rule says when they are stale (their version is not the corpus's), one
 * engine rebuilds them (in a worker when the host could start one), and one call waits for
 * the current version (`whenCurrent`). Readers that must answer at once (hovers, decorations)
 * take `current()`, the last complete snapshot; explicit commands await `whenCurrent()`.
 */
export class DerivedIndexes {
  private snapshot: DerivedSnapshot | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly waiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private readonly listeners = new Set<(snapshot: DerivedSnapshot) => void>();
  private readonly pendingQueries = new Map<number, { resolve: (answer: DerivedAnswers[DerivedQuery['kind']]) => void; empty: DerivedAnswers[DerivedQuery['kind']] }>();
  /** Topics of a build arriving in parts, by version. */
  private assembling: { version: number; assembler: TopicAssembler } | undefined;
  /** Ingest requests not answered yet: sent again to a fallback engine if the worker dies. */
  private readonly pendingIngests = new Map<number, { file: IngestInput; options: Partial<IngestOptions>; resolve: (outcome: IngestOutcome) => void }>();
  /** Document texts asked for and not answered yet: sent again to a fallback engine if the worker dies. */
  private readonly pendingTextReads = new Map<number, { file: IngestInput; options: Partial<IngestOptions>; resolve: (outcome: DocumentTextOutcome) => void }>();
  /** Article arrays the engine read and still holds, by the request that read them, until the corpus adopts or drops them. */
  private readonly ingestedBy = new WeakMap<Article[], { requestId: number; channel: EngineChannel }>();
  private readonly unadopted = new Set<number>();
  /** Captured pages being read by the engine. Not sent again if the worker dies: the page may be what killed it. */
  private readonly pendingPages = new Map<number, { html: string; url?: string; resolve: (extraction: PageExtraction) => void }>();
  private nextRequestId = 1;
  private installing: Promise<void> = Promise.resolve();
  private lastFailure: { version: number; message: string } | undefined;
  private readonly unsubscribe: () => void;
  private disposed = false;

  private channel!: EngineChannel;
  private inThreadReason: string | undefined;

  constructor(private readonly corpus: CorpusIndex, channel: EngineChannel, private readonly options: DerivedIndexesOptions) {
    this.unsubscribe = corpus.onDidChangeContent((change) => this.forward(change));
    this.attach(channel);
  }

  /** Connects an engine and gives it the whole corpus as it is now. */
  private attach(channel: EngineChannel): void {
    this.channel = channel;
    channel.onMessage((message) => {
      if (this.channel === channel) this.receive(message);
    });
    channel.onFailure((reason) => {
      if (this.channel === channel) this.engineFailed(reason);
    });
    if (this.options.l10nContents) channel.post({ type: 'l10n', contents: this.options.l10nContents });
    channel.post({ type: 'aliases', version: this.corpus.changeCount, table: this.corpus.aliasTable() });
    this.sendWholeCorpus();
    this.unadopted.clear();
    for (const [requestId, request] of this.pendingIngests) channel.post({ type: 'ingest', requestId, file: request.file, options: request.options });
    for (const [requestId, request] of this.pendingTextReads) channel.post({ type: 'readText', requestId, file: request.file, options: request.options });
    if (this.waiters.length > 0) this.requestBuild();
    else if (this.corpus.passageCount() > 0) this.schedule();
  }

  private engineFailed(reason: string): void {
    for (const request of this.pendingPages.values()) request.resolve({ ok: false, reason: 'unavailable', detail: `the background worker stopped while reading the page (${reason})` });
    this.pendingPages.clear();
    const fallback = this.options.fallback;
    if (!fallback || this.channel.kind === 'in-thread' || this.disposed) {
      this.failAll(`The background engine stopped: ${reason}`);
      for (const request of this.pendingTextReads.values()) request.resolve({ kind: 'skipped', reason: 'unreadable', detail: `the background engine stopped: ${reason}` });
      this.pendingTextReads.clear();
      return;
    }
    this.options.logger.warn(`The background worker stopped (${reason}); topics and figures are built on the extension host from now on.`);
    this.inThreadReason = `the worker stopped: ${reason}`;
    this.channel.dispose();
    this.answerPendingQueriesEmpty();
    this.assembling = undefined;
    this.attach(fallback());
  }

  /** Where the engine runs: `worker` (its own thread) or `in-thread`. */
  get engineKind(): EngineChannel['kind'] {
    return this.channel.kind;
  }

  /** Why the engine runs on the editor's thread, when it does. */
  get whyInThread(): string | undefined {
    return this.channel.kind === 'in-thread' ? this.inThreadReason ?? this.options.whyInThread : undefined;
  }

  /** The last complete snapshot, possibly of an older version; undefined before the first build. */
  current(): DerivedSnapshot | undefined {
    return this.snapshot;
  }

  /** Whether the last snapshot was built from the corpus as it is now. */
  isCurrent(): boolean {
    return this.snapshot !== undefined && this.snapshot.version === this.corpus.changeCount;
  }

  /**
   * The snapshot of the corpus as it is once pending file changes are in: asks for a build at
   * once if needed and waits for it. Rejects if the engine fails on this version.
   */
  async whenCurrent(): Promise<DerivedSnapshot> {
    for (;;) {
      if (this.disposed) throw new Error('Sourcebook is shutting down.');
      await this.options.settle?.();
      await this.installing;
      if (this.isCurrent()) return this.snapshot!;
      if (this.lastFailure && this.lastFailure.version === this.corpus.changeCount) throw new Error(this.lastFailure.message);
      const next = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
      this.requestBuild();
      await next;
    }
  }

  /**
   * Reads a file's bytes into articles on the engine's thread (decoding, cleaning and splitting
   * are the heaviest per-file work of a load). When the corpus then takes exactly these
   * articles (`setFile`), the engine adopts its own copy instead of receiving them back.
   */
  ingest(file: IngestInput, options: Partial<IngestOptions>): Promise<IngestOutcome> {
    if (this.disposed) return Promise.resolve({ kind: 'skipped', reason: 'unreadable', detail: 'Sourcebook is shutting down' });
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.pendingIngests.set(requestId, { file, options, resolve });
      this.channel.post({ type: 'ingest', requestId, file, options });
    });
  }

  /**
   * Reads a PDF or Word file again into the text its passages' ranges address (`documentText`),
   * on the engine's thread, where pdf.js is: for the read-only view of a document's text.
   */
  readDocumentText(file: IngestInput, options: Partial<IngestOptions>): Promise<DocumentTextOutcome> {
    if (this.disposed) return Promise.resolve({ kind: 'skipped', reason: 'unreadable', detail: 'Sourcebook is shutting down' });
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.pendingTextReads.set(requestId, { file, options, resolve });
      this.channel.post({ type: 'readText', requestId, file, options });
    });
  }

  /**
   * Reads a captured web page's HTML into its article on the engine's thread (parsing a large
   * page would stall the editor's). The page reader is loaded there the first time.
   */
  readPage(html: string, url: string | undefined): Promise<PageExtraction> {
    if (this.disposed) return Promise.resolve({ ok: false, reason: 'unavailable', detail: 'Sourcebook is shutting down' });
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.pendingPages.set(requestId, { html, url, resolve });
      this.channel.post({ type: 'readPage', requestId, html, url });
    });
  }

  /** Lets the engine drop what it read for files the corpus did not take (a cancelled load); the loader calls it after each load. */
  releaseUnadopted(): void {
    if (this.unadopted.size === 0) return;
    this.channel.post({ type: 'discard', requestIds: [...this.unadopted] });
    this.unadopted.clear();
  }

  /** Called with every new snapshot; returns a function that unsubscribes. */
  onDidUpdate(listener: (snapshot: DerivedSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks for a background rebuild after the corpus has been quiet for a moment (and no load runs). */
  schedule(): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.isCurrent()) return;
      if (this.options.isLoading?.() && this.waiters.length === 0) return;
      this.requestBuild();
    }, this.options.debounceMs ?? defaultDebounceMs);
  }

  private requestBuild(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.channel.post({ type: 'build' });
  }

  private forward(change: CorpusChange): void {
    const { kind, ...rest } = change;
    if (change.kind === 'restore') {
      // The engine reads the articles out of the persisted bytes itself; a copy is handed over whole.
      const copy = change.snapshot.slice();
      this.channel.post({ type: 'restore', version: change.version, snapshot: copy }, [copy.buffer as ArrayBuffer]);
    } else if (change.kind === 'setFile' && this.ingestedBy.get(change.articles)?.channel === this.channel) {
      const { requestId } = this.ingestedBy.get(change.articles)!;
      this.ingestedBy.delete(change.articles);
      this.unadopted.delete(requestId);
      this.channel.post({ type: 'adopt', version: change.version, uri: change.uri, requestId });
    } else {
      this.channel.post({ type: kind, ...rest } as ToEngine);
    }
    // Commands that wait see the change at once; background rebuilds wait for a quiet moment.
    if (this.waiters.length > 0) this.requestBuild();
    else this.schedule();
  }

  /** At start the corpus may already hold files (restored from the cache before the pipeline existed). */
  private sendWholeCorpus(): void {
    const version = this.corpus.changeCount;
    const byFile = new Map<string, Article[]>();
    for (const article of this.corpus.articles()) {
      const siblings = byFile.get(article.sourceUri);
      if (siblings) siblings.push(article);
      else byFile.set(article.sourceUri, [article]);
    }
    for (const [uri, articles] of byFile) this.channel.post({ type: 'setFile', version, uri, articles });
  }

  private receive(message: FromEngine): void {
    switch (message.type) {
      case 'ingested': {
        const request = this.pendingIngests.get(message.requestId);
        this.pendingIngests.delete(message.requestId);
        const { outcome } = message;
        if (outcome.kind === 'articles' && outcome.articles.length > 0) {
          this.ingestedBy.set(outcome.articles, { requestId: message.requestId, channel: this.channel });
          this.unadopted.add(message.requestId);
        }
        request?.resolve(outcome);
        break;
      }
      case 'textRead':
        this.pendingTextReads.get(message.requestId)?.resolve(message.outcome);
        this.pendingTextReads.delete(message.requestId);
        break;
      case 'pageRead':
        this.pendingPages.get(message.requestId)?.resolve(message.extraction);
        this.pendingPages.delete(message.requestId);
        break;
      case 'log':
        this.options.logger[message.level](message.message);
        break;
      case 'answered':
        this.pendingQueries.get(message.requestId)?.resolve(message.answer);
        this.pendingQueries.delete(message.requestId);
        break;
      case 'topicsPart':
        if (this.assembling?.version !== message.version) this.assembling = { version: message.version, assembler: new TopicAssembler() };
        this.assembling.assembler.add(message.pieces);
        // The next part comes after the editor had a turn of its own (hovers first).
        void this.options.yieldNow().then(() => {
          if (!this.disposed) this.channel.post({ type: 'topicsPartTaken' });
        });
        break;
      case 'failed':
        this.options.logger.error(`Topics and figures could not be built: ${message.message}`);
        this.lastFailure = { version: message.version, message: `Topics and figures could not be built: ${message.message}` };
        if (message.version === this.corpus.changeCount) this.failAll(this.lastFailure.message);
        break;
      case 'built': {
        const topics = this.assembling?.version === message.version ? this.assembling.assembler.result() : undefined;
        this.assembling = undefined;
        if (!topics) {
          this.options.logger.error(`The topics of version ${message.version} arrived incomplete; they are built again.`);
          this.requestBuild();
          break;
        }
        this.installing = this.installing.then(() => this.install(message, topics)).catch((error: unknown) => {
          this.options.logger.error(`Topics could not be installed: ${error instanceof Error ? error.message : String(error)}`);
        });
        break;
      }
    }
  }

  private async install(message: Extract<FromEngine, { type: 'built' }>, built: BuiltTopics): Promise<void> {
    if (this.disposed || (this.snapshot && this.snapshot.version >= message.version)) return;
    const clock = new TimeSlice(installSliceMs);
    const topics = await runCooperatively(topicIndexInSlices(built, clock), clock, { yieldNow: this.options.yieldNow, isCancelled: () => this.disposed });
    if (!topics) return;
    const snapshot: DerivedSnapshot = {
      version: message.version,
      topics,
      figureGroupCount: message.figureGroups,
      disagreementCount: message.disagreements,
      millis: message.millis,
      checkQuotations: async (quotes) => (quotes.length === 0 ? [] : ((await this.ask({ kind: 'quotes', quotes: [...quotes] }, [])) as QuoteCheck[])),
      figureMatches: async (text) => (await this.ask({ kind: 'figureMatches', text }, [])) as DraftFigureMatch[],
      figureContradictions: async (text) => (await this.ask({ kind: 'figureContradictions', text }, [])) as DraftFigureMatch[],
      figureGroupsTouching: async (passageIds) => (await this.ask({ kind: 'figureGroupsTouching', passageIds: [...passageIds] }, [])) as FigureGroup[],
      ledger: async (text) => (await this.ask({ kind: 'ledger', text }, emptyLedgerReport())) as LedgerReport,
    };
    this.snapshot = snapshot;
    this.corpus.installTopics(topics, message.version);
    const { topics: t, figures, quotations, total } = message.millis;
    this.options.logger.info(
      `Derived indexes for version ${message.version} (${this.channel.kind}): ${built.topics.length} topics, ${message.figureGroups} figure groups (${message.disagreements} disagreeing); topics ${t.toFixed(0)} ms, figures ${figures.toFixed(0)} ms, quotations ${quotations.toFixed(0)} ms, ${total.toFixed(0)} ms in all.`,
    );
    for (const listener of this.listeners) listener(snapshot);
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
  }

  /** Asks the engine about its last build; a lost engine answers `empty`. */
  private ask(query: DerivedQuery, empty: DerivedAnswers[DerivedQuery['kind']]): Promise<DerivedAnswers[DerivedQuery['kind']]> {
    if (this.disposed) return Promise.resolve(empty);
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.pendingQueries.set(requestId, { resolve, empty });
      this.channel.post({ type: 'query', requestId, query });
    });
  }

  private answerPendingQueriesEmpty(): void {
    for (const { resolve, empty } of this.pendingQueries.values()) resolve(empty);
    this.pendingQueries.clear();
  }

  private failAll(message: string): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error(message));
    this.answerPendingQueriesEmpty();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.unsubscribe();
    this.failAll('Sourcebook is shutting down.');
    for (const request of this.pendingIngests.values()) request.resolve({ kind: 'skipped', reason: 'unreadable', detail: 'Sourcebook is shutting down' });
    this.pendingIngests.clear();
    for (const request of this.pendingTextReads.values()) request.resolve({ kind: 'skipped', reason: 'unreadable', detail: 'Sourcebook is shutting down' });
    this.pendingTextReads.clear();
    for (const request of this.pendingPages.values()) request.resolve({ ok: false, reason: 'unavailable', detail: 'Sourcebook is shutting down' });
    this.pendingPages.clear();
    this.channel.dispose();
  }
}
