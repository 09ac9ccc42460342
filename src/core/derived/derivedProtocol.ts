import type { IngestInput } from '../ingest/ingestFile';
import type { DocumentTextOutcome } from '../ingest/ingestSourceFile';
import type { IngestOptions } from '../ingest/ingestOptions';
import type { Article, IngestOutcome } from '../model';
import type { DraftFigureMatch } from '../figures/draftFigures';
import type { LedgerReport } from '../ledger/storyLedger';
import type { FigureGroup } from '../figures/groupFigures';
import type { QuoteCheck } from '../quotes/quotationIndex';
import type { AliasTable } from '../topics/aliasFile';
import type { PageExtraction } from '../webpage/extractedPage';
import type { TopicPiece } from './topicPieces';

/**
 * The messages between the editor's side and the derived-index engine (a worker thread, or the
 * same thread when no worker can be started). Plain data only: every message survives
 * structured cloning. Every change to the corpus carries the corpus version it leads to, so
 * the engine's copy of the corpus at version N is the editor's corpus at version N.
 */
export type ToEngine =
  /** The display language's runtime bundle, so that what the engine words (the story ledger's notes and summaries) reads as the host does. */
  | { type: 'l10n'; contents: Record<string, string> }
  /** Read one file's bytes into articles (decode, clean, split): the heaviest per-file work. The engine keeps the articles until they are adopted or discarded. */
  | { type: 'ingest'; requestId: number; file: IngestInput; options: Partial<IngestOptions> }
  /**
   * Read a PDF or Word file again into the text its passages address (`documentText`), for a
   * view of the extracted text; queued with the ingests, one file per turn. Nothing is kept.
   */
  | { type: 'readText'; requestId: number; file: IngestInput; options: Partial<IngestOptions> }
  /** The articles of ingest `requestId` are now the file's (the editor's side added exactly them): no need to send them back. */
  | { type: 'adopt'; version: number; uri: string; requestId: number }
  /** Ingest results the editor's side did not add (a cancelled load). */
  | { type: 'discard'; requestIds: number[] }
  | { type: 'setFile'; version: number; uri: string; articles: Article[] }
  | { type: 'removeFiles'; version: number; uris: string[] }
  | { type: 'clear'; version: number }
  /** The persisted passage index (see `passageIndexPersistence`): the engine reads the articles out of it itself, so no article is cloned. */
  | { type: 'restore'; version: number; snapshot: Uint8Array }
  | { type: 'aliases'; version: number; table: AliasTable }
  /** The editor's side has taken in a `topicsPart` and had a turn of its own: the engine may send the next. */
  | { type: 'topicsPartTaken' }
  /** Build the derived indexes of the engine's current version (a no-op when it is built or being built). */
  | { type: 'build' }
  /** A question about the last build; answered from the engine's own copy (figure groups and the quotation index stay there). */
  | { type: 'query'; requestId: number; query: DerivedQuery }
  /** Read a captured web page's HTML into its article (Add Source from URL): parsing a page is too heavy for the editor's thread. */
  | { type: 'readPage'; requestId: number; html: string; url?: string };

/** What the editor's side may ask about the last build. */
export type DerivedQuery =
  | { kind: 'quotes'; quotes: string[] }
  | { kind: 'figureMatches'; text: string }
  | { kind: 'figureContradictions'; text: string }
  | { kind: 'figureGroupsTouching'; passageIds: string[] }
  /** The story ledger of a draft: its claims, each with a status and deciding passages. */
  | { kind: 'ledger'; text: string };

/** The answer to each kind of `DerivedQuery`. */
export interface DerivedAnswers {
  quotes: QuoteCheck[];
  figureMatches: DraftFigureMatch[];
  figureContradictions: DraftFigureMatch[];
  figureGroupsTouching: FigureGroup[];
  ledger: LedgerReport;
}

export type FromEngine =
  | { type: 'ingested'; requestId: number; outcome: IngestOutcome }
  | { type: 'textRead'; requestId: number; outcome: DocumentTextOutcome }
  /**
   * Part of the topics of a build (see `topicPieces`); `built` follows the last part. One part at
   * a time: node hands a thread every queued message in one go, so parts sent together would be
   * deserialised together, as one long stall.
   */
  | { type: 'topicsPart'; version: number; pieces: TopicPiece[] }
  | { type: 'built'; version: number; figureGroups: number; disagreements: number; millis: BuildMillis }
  | { type: 'answered'; requestId: number; version: number; answer: DerivedAnswers[DerivedQuery['kind']] }
  | { type: 'failed'; version: number; message: string }
  | { type: 'pageRead'; requestId: number; extraction: PageExtraction }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };

/** Milliseconds of work per part of a build, and from the request to the result. */
export interface BuildMillis {
  topics: number;
  figures: number;
  quotations: number;
  total: number;
}

/** The two ends of the conversation, whichever thread the engine runs in. */
export interface EngineChannel {
  /** `worker` when the engine has a thread of its own; `in-thread` when it shares the editor's. */
  readonly kind: 'worker' | 'in-thread';
  post(message: ToEngine, transfer?: ArrayBuffer[]): void;
  /** Messages from the engine, in order. */
  onMessage(listener: (message: FromEngine) => void): void;
  /** Called once if the engine's thread dies (the channel is then unusable). */
  onFailure(listener: (reason: string) => void): void;
  dispose(): void;
}

/**
 * A library the engine loads only when a file needs it: pdf.js (1.6 MB) for the first PDF.
 * Built by scripts/build.mjs as one script, `dist/<file>`, that both threads can run: node's
 * worker `require`s it, a Web Worker evaluates it and finds it under `globalName`.
 */
export const pdfJsLibrary = { name: 'pdfjs', file: 'pdfjs.js', globalName: 'sourcebookPdfJs' } as const;

/** The page reader (linkedom and @mozilla/readability, 280 KB), loaded when the first web page is captured. */
export const pageReaderLibrary = { name: 'pageReader', file: 'pageReader.js', globalName: 'sourcebookPageReader' } as const;

/** The libraries a worker may ask its launcher for. */
export const engineLibraries = [pdfJsLibrary, pageReaderLibrary] as const;
export type EngineLibraryName = (typeof engineLibraries)[number]['name'];

/**
 * A Web Worker cannot read the extension's files (on code-server and vscode.dev they are not at
 * a URL it may load), so it asks its launcher for a library's code with this message, outside
 * the engine protocol; the launcher answers with a `LibraryDelivery`.
 */
export interface LibraryRequest {
  type: 'sourcebook.libraryRequest';
  name: EngineLibraryName;
}

/** The launcher's answer to a `LibraryRequest`: the script's text, or why it could not be read. */
export interface LibraryDelivery {
  type: 'sourcebook.library';
  name: EngineLibraryName;
  code?: string;
  error?: string;
}

export function isLibraryRequest(message: unknown): message is LibraryRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'sourcebook.libraryRequest';
}

export function isLibraryDelivery(message: unknown): message is LibraryDelivery {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'sourcebook.library';
}
