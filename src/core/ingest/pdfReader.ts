import * as l10n from '@vscode/l10n';
import type { ArticleMetadata } from '../model';
import { calendarDate, type DocumentContent } from './documentArticle';
import { layoutPdf, type PdfPageText, type PdfTextRun } from './pdfLayout';
import { foldWhitespace } from './splitPassages';

/**
 * The part of pdf.js (the `unpdf/pdfjs` build) Sourcebook uses. The core names only these
 * shapes, so the 1.6 MB library is loaded by whoever runs the core (the engine's thread loads
 * `dist/pdfjs.js` when the first PDF is found) and unit tests can hand in the same module.
 */
export interface PdfJsModule {
  getDocument(source: PdfDocumentSource): { promise: Promise<PdfJsDocument>; destroy(): Promise<void> };
}

/** What Sourcebook passes to pdf.js's `getDocument`: bytes only, nothing fetched, no fonts or scripts evaluated. */
export interface PdfDocumentSource {
  data: Uint8Array;
  isEvalSupported: boolean;
  disableFontFace: boolean;
  useSystemFonts: boolean;
  useWorkerFetch: boolean;
  isOffscreenCanvasSupported: boolean;
  stopAtErrors: boolean;
  verbosity: number;
}

export interface PdfJsDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfJsPage>;
  getMetadata(): Promise<{ info: unknown; metadata: { get(name: string): unknown } | null }>;
}

export interface PdfJsPage {
  getTextContent(): Promise<{ items: unknown[] }>;
  cleanup(): void;
}

/** Bounds on reading one PDF (with the file size cap, `IngestOptions.maxFileBytes`). */
export interface PdfLimits {
  /** Pages after this many are not read (a warning says so). */
  maxPages: number;
  /** Reading stops after this long, keeping the pages read so far (a warning says so). */
  maxMillis: number;
}

/** A PDF read, or why not. */
export type PdfReading =
  | { ok: true; content: DocumentContent; warnings: string[]; pages: number }
  | { ok: false; reason: 'encrypted' | 'no-text-layer' | 'parse-error'; detail: string };

/**
 * Reads the text layer of a PDF with pdf.js: every page's text runs (in the order pdf.js gives
 * them), laid out into paragraphs by `layoutPdf` (running headers, footers and page numbers
 * left out and listed), and what the document info and XMP metadata say: title, author,
 * creation date, language. A title that is only a placeholder (`Untitled`, `Microsoft Word -
 * report.docx`) is not taken; the first page's headline is, else the caller uses the file name.
 * A password-protected, damaged or image-only PDF is a reason, never an exception.
 */
export async function readPdf(bytes: Uint8Array, pdfjs: PdfJsModule, limits: PdfLimits, now: () => number = Date.now): Promise<PdfReading> {
  const deadline = now() + limits.maxMillis;
  let task: ReturnType<PdfJsModule['getDocument']>;
  try {
    // pdf.js takes over the buffer it is given; the caller's bytes stay whole.
    task = pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      isOffscreenCanvasSupported: false,
      stopAtErrors: false,
      verbosity: 0,
    });
  } catch (error) {
    return failure(error);
  }
  try {
    const document = await beforeDeadline(task.promise, deadline, now);
    const warnings: string[] = [];
    const pageCount = Math.min(document.numPages, limits.maxPages);
    if (document.numPages > limits.maxPages) warnings.push(`Only the first ${limits.maxPages} of ${document.numPages} pages were read (the PDF page cap).`);
    const pages: PdfPageText[] = [];
    let pagesWithoutText = 0;
    let lastYield = now();
    for (let pageNumber = 1; pageNumber <= pageCount; pageNumber++) {
      // pdf.js's fake worker answers in promises: without a real turn now and then, the engine's thread would read a long PDF without answering anything else.
      if (now() - lastYield > yieldEveryMs) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        lastYield = now();
      }
      if (now() > deadline) {
        warnings.push(`Only the first ${pageNumber - 1} of ${document.numPages} pages were read: reading stopped after ${Math.round(limits.maxMillis / 1000)} s (the PDF time cap).`);
        break;
      }
      const page = await beforeDeadline(document.getPage(pageNumber), deadline, now);
      const content = await beforeDeadline(page.getTextContent(), deadline, now);
      const runs = content.items.map(textRun).filter((run): run is PdfTextRun => run !== undefined);
      page.cleanup();
      if (!runs.some((run) => run.text.trim().length > 0)) pagesWithoutText++;
      pages.push({ page: pageNumber, runs });
    }
    if (pages.length > 0 && pagesWithoutText === pages.length) {
      return { ok: false, reason: 'no-text-layer', detail: pages.length === 1 ? l10n.t('no text layer — needs OCR (1 page of images, no text)') : l10n.t('no text layer — needs OCR ({0} pages of images, no text)', pages.length) };
    }
    if (pages.length === 0) return { ok: false, reason: 'parse-error', detail: document.numPages === 0 ? l10n.t('the PDF has no pages') : l10n.t('no page could be read in time') };
    if (pagesWithoutText > 0) warnings.push(`${pagesWithoutText} of ${pages.length} pages have no text layer (scanned images?) and add nothing.`);
    const layout = layoutPdf(pages);
    const meta = await beforeDeadline(document.getMetadata(), deadline, now).then(metadataOf, () => ({}) as Partial<ArticleMetadata>);
    if (!meta.title && layout.headline) meta.title = layout.headline;
    return { ok: true, content: { paragraphs: layout.paragraphs, meta, dropped: layout.dropped }, warnings, pages: pages.length };
  } catch (error) {
    return failure(error);
  } finally {
    void task.destroy().catch(() => undefined);
  }
}

/** How long the thread reads pages before it lets other messages (a quote check, a change) in. */
const yieldEveryMs = 20;

class DeadlinePassed extends Error {}

/** Settles like `promise`, or rejects once the deadline passes (a stalled parse never holds a load up). */
function beforeDeadline<T>(promise: Promise<T>, deadline: number, now: () => number): Promise<T> {
  const left = deadline - now();
  if (left <= 0) return Promise.reject(new DeadlinePassed());
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeadlinePassed()), left);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function failure(error: unknown): PdfReading {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DeadlinePassed) return { ok: false, reason: 'parse-error', detail: l10n.t('reading the PDF took longer than the PDF time cap') };
  if (name === 'PasswordException') return { ok: false, reason: 'encrypted', detail: l10n.t('the PDF is password-protected') };
  if (name === 'InvalidPDFException') return { ok: false, reason: 'parse-error', detail: l10n.t('not a readable PDF (damaged or truncated: {0})', message) };
  return { ok: false, reason: 'parse-error', detail: l10n.t('the PDF could not be read ({0})', message) };
}

/** A pdf.js text item as a run; marked-content items (no `str`) are left out. */
function textRun(item: unknown): PdfTextRun | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { str, transform, width, hasEOL } = item as { str?: unknown; transform?: unknown; width?: unknown; hasEOL?: unknown };
  if (typeof str !== 'string' || !Array.isArray(transform) || transform.length < 6) return undefined;
  const [, , c, d, x, y] = transform as number[];
  return { text: str, x: Number(x) || 0, y: Number(y) || 0, width: Number(width) || 0, size: Math.hypot(Number(c) || 0, Number(d) || 0), endsLine: hasEOL === true };
}

/** Title, author, date and language from XMP (preferred, as PDF viewers do) and the document info dictionary. */
function metadataOf({ info, metadata }: { info: unknown; metadata: { get(name: string): unknown } | null }): Partial<ArticleMetadata> {
  const dictionary = (typeof info === 'object' && info !== null ? info : {}) as Record<string, unknown>;
  const xmp = (name: string) => textOf(metadata?.get(name));
  const meta: Partial<ArticleMetadata> = {};
  const title = [xmp('dc:title'), textOf(dictionary.Title)].find((candidate) => candidate !== undefined && !isPlaceholderTitle(candidate));
  const author = xmp('dc:creator') ?? textOf(dictionary.Author);
  const date = pdfDate(textOf(dictionary.CreationDate)) ?? calendarDate(xmp('xmp:createdate'));
  const language = textOf(dictionary.Language) ?? xmp('dc:language');
  if (title) meta.title = title;
  if (author) meta.author = author;
  if (date) meta.date = date;
  if (language && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) meta.language = language;
  return meta;
}

function textOf(value: unknown): string | undefined {
  const text = Array.isArray(value) ? value.filter((part) => typeof part === 'string').join(', ') : typeof value === 'string' ? value : '';
  const folded = foldWhitespace(text);
  return folded.length > 0 && folded.length <= 500 ? folded : undefined;
}

/** Titles that tools write when nobody gave one. */
function isPlaceholderTitle(title: string): boolean {
  return /^(untitled|no title|title|document\d*|slide \d+)$/i.test(title) || /^microsoft (word|powerpoint|excel) - /i.test(title) || /\.(docx?|pdf|indd|odt|rtf|txt|pptx?|xlsx?)$/i.test(title);
}

/** `YYYY-MM-DD` from a PDF date string (`D:20211206120000+05'30'`). */
export function pdfDate(value: string | undefined): string | undefined {
  const match = value ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return match ? calendarDate(`${match[1]}-${match[2]}-${match[3]}`) : undefined;
}
