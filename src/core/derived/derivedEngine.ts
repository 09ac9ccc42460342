import * as l10n from '@vscode/l10n';
import { formatOfFileName, ingestFile } from '../ingest/ingestFile';
import { ingestSourceFile, readDocumentText, type LazyLibraries } from '../ingest/ingestSourceFile';
import { settleArticleLanguage, type LanguageGuesser } from '../ingest/articleLanguage';
import type { PageExtraction } from '../webpage/extractedPage';
import type { Article, IngestOutcome, Logger } from '../model';
import { groupsTouchingPassages } from '../figures/compareSources';
import { DraftFigureChecker } from '../figures/draftFigures';
import type { FigureGroup } from '../figures/groupFigures';
import type { QuotationIndex } from '../quotes/quotationIndex';
import { emptyLedgerReport, StoryLedger } from '../ledger/storyLedger';
import type { BuiltTopics } from '../topics/buildTopics';
import { deserializePassageIndex } from '../search/passageIndexPersistence';
import type { AliasTable } from '../topics/aliasFile';
import { PassageIndex } from '../search/passageIndex';
import { runCooperatively, TimeSlice } from '../scheduling/timeSlice';
import { buildDerivedInSlices } from './buildDerived';
import type { DerivedAnswers, DerivedQuery, FromEngine, ToEngine } from './derivedProtocol';
import { topicMessages } from './topicPieces';

/** What `dist/pageReader.js` offers: a page's HTML read into its article (linkedom and Readability). */
export interface PageReaderModule {
  readPage(html: string, url: string | undefined): PageExtraction;
}

/** The libraries the engine's thread loads only when it needs them: pdf.js at the first PDF, the page reader at the first captured page. */
export interface EngineLibraries extends LazyLibraries {
  loadPageReader?: () => Promise<PageReaderModule>;
  /** Guesses the language of an article that declares none (franc-min, in the worker bundles); without it, only the script tells. */
  guessLanguage?: LanguageGuesser;
}

/** How the engine gives its thread back between slices, and how long a slice is. */
export interface EngineScheduling {
  /** Resolves once messages that arrived meanwhile (changes, quote checks) have been handled. */
  yieldNow: () => Promise<void>;
  sliceMs: number;
}

/**
 * The derived-index engine: keeps its own copy of the corpus (per file, as the editor's side
 * sends it) and builds topics, figure groups and the quotation index from it on request. The
 * same class runs in a worker thread (node `worker_threads`, a Web Worker on vscode.dev) and,
 * when no worker can be started, on the editor's thread with the host's turns as its yields.
 * A change that arrives during a build abandons it at the next slice: the editor asks again.
 */
export class DerivedEngine {
  private readonly files = new Map<string, Article[]>();
  /** Articles this engine read, waiting for the editor's side to adopt (or discard) them. */
  private readonly ingested = new Map<number, Article[]>();
  private aliasTable: AliasTable = { entries: [] };
  private version = 0;
  private buildingVersion: number | undefined;
  private builtVersion: number | undefined;
  /** What the last build left here to answer questions with. */
  private latest: { version: number; quotations: QuotationIndex; figureGroups: FigureGroup[]; figureChecker: DraftFigureChecker; articles: Article[]; topics: BuiltTopics; ledger?: StoryLedger } | undefined;
  private readonly logger: Logger;
  /** Resolves when the editor's side has taken the last topics part sent. */
  private partTaken: (() => void) | undefined;
  /**
   * Files waiting to be read, one per turn of the thread: a question (a hover's figure check, a
   * quote check) that arrives meanwhile is answered after the file being read, not after all of
   * them.
   */
  private readonly pendingIngests: Array<Extract<ToEngine, { type: 'ingest' | 'readText' }>> = [];
  private ingesting = false;

  constructor(
    private readonly post: (message: FromEngine) => void,
    private readonly scheduling: EngineScheduling,
    /** How this thread loads the libraries it needs only for some files (pdf.js for PDFs) and for captured pages. */
    private readonly libraries: EngineLibraries = {},
  ) {
    this.logger = {
      info: (message) => post({ type: 'log', level: 'info', message }),
      warn: (message) => post({ type: 'log', level: 'warn', message }),
      error: (message) => post({ type: 'log', level: 'error', message }),
    };
  }

  receive(message: ToEngine): void {
    const versionBefore = this.version;
    this.handle(message);
    // A build waiting to send its next topics part learns of the change and stops.
    if (this.version !== versionBefore) this.partTaken?.();
  }

  private handle(message: ToEngine): void {
    switch (message.type) {
      case 'l10n':
        l10n.config({ contents: message.contents });
        break;
      case 'ingest':
      case 'readText':
        // Read on a later turn, never inside the message's own handler: a question already queued behind it is answered first.
        this.pendingIngests.push(message);
        if (!this.ingesting) {
          this.ingesting = true;
          void this.scheduling.yieldNow().then(() => this.readPendingFiles());
        }
        break;
      case 'adopt': {
        const articles = this.ingested.get(message.requestId);
        this.ingested.delete(message.requestId);
        this.files.delete(message.uri);
        if (articles) this.files.set(message.uri, articles);
        else this.logger.error(`The derived-index engine was asked to adopt a reading it does not have (${message.uri}); topics may miss that file until it changes.`);
        this.version = message.version;
        break;
      }
      case 'discard':
        // Only readings already sent back are discarded: a file still waiting here is read and answered.
        for (const requestId of message.requestIds) this.ingested.delete(requestId);
        break;
      case 'setFile':
        this.files.delete(message.uri);
        if (message.articles.length > 0) this.files.set(message.uri, message.articles);
        this.version = message.version;
        break;
      case 'removeFiles':
        for (const uri of message.uris) this.files.delete(uri);
        this.version = message.version;
        break;
      case 'clear':
        this.files.clear();
        this.version = message.version;
        break;
      case 'restore':
        this.restore(message.snapshot);
        this.version = message.version;
        break;
      case 'aliases':
        this.aliasTable = message.table;
        this.version = message.version;
        break;
      case 'topicsPartTaken':
        this.partTaken?.();
        break;
      case 'build':
        void this.build();
        break;
      case 'query':
        this.post({ type: 'answered', requestId: message.requestId, version: this.latest?.version ?? -1, answer: this.answer(message.query) });
        break;
      case 'readPage':
        void this.readPage(message);
        break;
    }
  }

  /** Reads a captured page (loading the page reader the first time), on a later turn; never throws. */
  private async readPage(message: Extract<ToEngine, { type: 'readPage' }>): Promise<void> {
    let extraction: PageExtraction;
    try {
      if (!this.libraries.loadPageReader) {
        extraction = { ok: false, reason: 'unavailable', detail: 'web pages are read in the background worker, which this editor could not start' };
      } else {
        const reader = await this.libraries.loadPageReader();
        await this.scheduling.yieldNow();
        extraction = reader.readPage(message.html, message.url);
      }
    } catch (error) {
      extraction = { ok: false, reason: 'parse-error', detail: error instanceof Error ? error.message : String(error) };
    }
    this.post({ type: 'pageRead', requestId: message.requestId, extraction });
  }

  /** Reads the waiting files in order, one per turn, answering what arrived between them. */
  private async readPendingFiles(): Promise<void> {
    try {
      for (let next = this.pendingIngests.shift(); next; next = this.pendingIngests.shift()) {
        // A PDF or Word file is read asynchronously (pdf.js), giving the thread back as it goes.
        if (next.type === 'readText') await this.readText(next);
        else if (isDocument(next.file.fileName)) await this.ingestDocument(next);
        else this.post({ type: 'ingested', requestId: next.requestId, outcome: this.ingest(next.requestId, next) });
        if (this.pendingIngests.length > 0) await this.scheduling.yieldNow();
      }
    } finally {
      this.ingesting = false;
    }
  }

  private ingest(requestId: number, message: Extract<ToEngine, { type: 'ingest' }>): IngestOutcome {
    try {
      const outcome = this.withLanguages(ingestFile(message.file, message.options));
      if (outcome.kind === 'articles' && outcome.articles.length > 0) this.ingested.set(requestId, outcome.articles);
      return outcome;
    } catch (error) {
      // ingestFile catches what it expects; anything else is a defect, reported as a counted skip rather than a lost load.
      return { kind: 'skipped', reason: 'parse-error', detail: `could not be read (${error instanceof Error ? error.message : String(error)})` };
    }
  }

  /** PDFs and Word files are read asynchronously (pdf.js answers in promises); other messages are handled meanwhile. */
  private async ingestDocument(message: Extract<ToEngine, { type: 'ingest' }>): Promise<void> {
    let outcome: IngestOutcome;
    try {
      outcome = this.withLanguages(await ingestSourceFile(message.file, message.options, this.libraries));
    } catch (error) {
      outcome = { kind: 'skipped', reason: 'parse-error', detail: `could not be read (${error instanceof Error ? error.message : String(error)})` };
    }
    if (outcome.kind === 'articles' && outcome.articles.length > 0) this.ingested.set(message.requestId, outcome.articles);
    this.post({ type: 'ingested', requestId: message.requestId, outcome });
  }

  /** Every article of the outcome with its language settled (declared, else detected from its text). */
  private withLanguages(outcome: IngestOutcome): IngestOutcome {
    if (outcome.kind !== 'articles') return outcome;
    return { ...outcome, articles: outcome.articles.map((article) => settleArticleLanguage(article, this.libraries.guessLanguage)) };
  }

  /** A document's text for a view of it; nothing is kept here. */
  private async readText(message: Extract<ToEngine, { type: 'readText' }>): Promise<void> {
    const outcome = await readDocumentText(message.file, message.options, this.libraries);
    this.post({ type: 'textRead', requestId: message.requestId, outcome });
  }

  private restore(snapshot: Uint8Array): void {
    this.files.clear();
    const loaded = deserializePassageIndex(snapshot);
    if (!(loaded instanceof PassageIndex)) {
      this.logger.error(`The derived-index engine could not read the restored index (${loaded.error}); it waits for the files to be read again.`);
      return;
    }
    for (const articleId of loaded.articleIds()) {
      const article = loaded.article(articleId);
      if (!article) continue;
      const siblings = this.files.get(article.sourceUri);
      if (siblings) siblings.push(article);
      else this.files.set(article.sourceUri, [article]);
    }
  }

  private answer(query: DerivedQuery): DerivedAnswers[DerivedQuery['kind']] {
    const latest = this.latest;
    switch (query.kind) {
      case 'quotes':
        return query.quotes.map((quote) => (latest ? latest.quotations.check(quote, { logger: this.logger }) : { verdict: 'not-found' as const }));
      case 'figureMatches':
        return latest ? latest.figureChecker.matches(query.text) : [];
      case 'figureContradictions':
        return latest ? latest.figureChecker.contradictions(query.text) : [];
      case 'figureGroupsTouching':
        return latest ? groupsTouchingPassages(latest.figureGroups, new Set(query.passageIds)) : [];
      case 'ledger':
        return latest ? this.ledgerOf(latest).check(query.text) : emptyLedgerReport();
    }
  }

  /** The story ledger of the last build, made at the first draft check (its sentence index costs a pass over the corpus). */
  private ledgerOf(latest: NonNullable<DerivedEngine['latest']>): StoryLedger {
    if (!latest.ledger) {
      const hidden = latest.topics.hiddenIds;
      const topics = latest.topics.topics.filter((topic) => !hidden.has(topic.id)).map((topic) => ({ name: topic.name, spellings: topic.aliases }));
      latest.ledger = new StoryLedger(latest.articles, {
        figureGroups: latest.figureGroups,
        checkQuote: (quote) => latest.quotations.check(quote, { logger: this.logger }),
        topics,
        logger: this.logger,
      });
    }
    return latest.ledger;
  }

  private async build(): Promise<void> {
    const version = this.version;
    if (this.builtVersion === version || this.buildingVersion === version) return;
    this.buildingVersion = version;
    const started = now();
    try {
      const articles = [...this.files.values()].flat();
      const clock = new TimeSlice(this.scheduling.sliceMs);
      const parts = await runCooperatively(buildDerivedInSlices(articles, this.aliasTable, clock, this.logger), clock, {
        yieldNow: this.scheduling.yieldNow,
        isCancelled: () => this.version !== version,
      });
      if (!parts || this.version !== version) return;
      const figureChecker = new DraftFigureChecker(parts.figureGroups, { logger: this.logger });
      this.builtVersion = version;
      this.latest = { version, quotations: parts.quotations, figureGroups: parts.figureGroups, figureChecker, articles, topics: parts.topics };
      for (const pieces of topicMessages(parts.topics)) {
        const taken = new Promise<void>((resolve) => (this.partTaken = resolve));
        this.post({ type: 'topicsPart', version, pieces });
        await taken;
        // A change meanwhile makes these topics old news: the editor's side will ask for a new build.
        if (this.version !== version) return;
      }
      const disagreements = parts.figureGroups.filter((group) => group.disagreement).length;
      this.post({ type: 'built', version, figureGroups: parts.figureGroups.length, disagreements, millis: { ...parts.millis, total: now() - started } });
    } catch (error) {
      this.post({ type: 'failed', version, message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (this.buildingVersion === version) this.buildingVersion = undefined;
    }
  }
}

function isDocument(fileName: string): boolean {
  const format = formatOfFileName(fileName);
  return format === 'pdf' || format === 'docx';
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
