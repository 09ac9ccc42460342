import * as vscode from 'vscode';
import { defaultFetchLimits, fetchPage, type FetchedDocument, type FetchLimits, type FetchOutcome } from '../core/capture/fetchPage';
import { pageMarkdown } from '../core/capture/pageMarkdown';
import { numberedFileName, sourceSlug } from '../core/capture/sourceSlug';
import type { CorpusView } from '../core/corpus/corpusIndex';
import type { Logger } from '../core/model';
import type { PageExtraction } from '../core/webpage/extractedPage';
import { writeAtomically } from './atomicWrite';

/** What capturing a page needs from Sourcebook's services. */
export interface CaptureServices {
  /** Reads the page's HTML into its article on the engine's thread. */
  readPage(html: string, url: string | undefined): Promise<PageExtraction>;
  /** Reads the saved file into the index now. */
  indexNow(uri: vscode.Uri): Promise<void>;
  /** Shows the saved article in the Articles view, selected (without taking the focus from the editor). */
  revealArticle(sourceUri: string): Promise<void>;
  /** Opens a passage's source at the passage (a PDF or Word file in the view of its text). */
  openPassage(passageId: string): Promise<unknown>;
  index: CorpusView;
  logger: Logger;
}

/**
 * How a capture ended, as the writer was told: commands return it, so a test (or another
 * extension) sees the same sentence the writer saw.
 */
export type CaptureResult =
  | { ok: true; uri: string; title: string; passages: number; message: string }
  | { ok: false; kind: string; message: string };

/** Pasted HTML longer than this is refused (the same cap as a fetched page). */
export const maxPastedChars = defaultFetchLimits.maxBytes;

/** True in the web-worker extension host (vscode.dev), where `fetch` is the browser's and CORS applies. */
export function inBrowserHost(): boolean {
  return !(typeof process === 'object' && typeof process?.versions?.node === 'string');
}

/** Fetches a page behind a cancellable progress notification. */
export function fetchWithProgress(url: string, limits: Partial<FetchLimits>): Promise<FetchOutcome> {
  const host = hostOf(url);
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sourcebook: fetching {0}…', host), cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        const listener = token.onCancellationRequested(() => controller.abort());
        try {
          return await fetchPage(url, { limits, signal: controller.signal, inBrowser: inBrowserHost() });
        } finally {
          listener.dispose();
        }
      },
    ),
  );
}

/**
 * Reads the page's article, writes it as `<slug>.md` in `folder` (a new name when the slug is
 * taken: nothing the writer has is overwritten), reads it into the index at once and opens it.
 */
export async function savePageAsSource(
  services: CaptureServices,
  page: { html: string; url?: string; folder: vscode.Uri; truncatedAtBytes?: number },
): Promise<CaptureResult> {
  const extraction = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sourcebook: reading the article…') },
    () => withinTime(services.readPage(page.html, page.url), readPageLimitMs),
  );
  if (!extraction.ok) {
    const why = extraction.reason === 'no-article' ? vscode.l10n.t('no article text was found on it') : extraction.detail;
    return { ok: false, kind: extraction.reason, message: page.url ? vscode.l10n.t('The page at {0} could not be saved: {1}.', page.url, why) : vscode.l10n.t('The page could not be saved: {0}.', why) };
  }
  const markdown = pageMarkdown(extraction.page, { url: page.url, retrieved: new Date() });
  const uri = await freeFileName(page.folder, sourceSlug(markdown.title, page.url));
  await writeAtomically(uri, markdown.text);
  services.logger.info(`Saved ${page.url ?? 'pasted HTML'} as ${uri.toString()} (${extraction.page.blocks.length} blocks, ${extraction.page.droppedMedia} images and media left out${extraction.page.truncated ? ', cut at the length cap' : ''}).`);
  await services.indexNow(uri);
  const passages = services.index.articles().filter((article) => article.sourceUri === uri.toString()).reduce((sum, article) => sum + article.passages.length, 0);
  await vscode.window.showTextDocument(uri, { preview: false });
  await services.revealArticle(uri.toString()).then(undefined, (error: unknown) => services.logger.warn(`The saved article could not be shown in the Articles view: ${error instanceof Error ? error.message : String(error)}`));
  const notes = [
    page.truncatedAtBytes ? vscode.l10n.t('the page was longer than {0} MB and only its beginning was read', Math.round(page.truncatedAtBytes / 1048576)) : '',
    extraction.page.truncated ? vscode.l10n.t('the article was cut at the length cap') : '',
  ].filter(Boolean);
  const where = vscode.workspace.asRelativePath(uri, true);
  const indexed = passages === 1 ? vscode.l10n.t('Saved “{0}” as {1}: 1 passage indexed', markdown.title, where) : vscode.l10n.t('Saved “{0}” as {1}: {2} passages indexed', markdown.title, where, passages);
  const message = notes.length ? vscode.l10n.t('{0} ({1}).', indexed, notes.join('; ')) : vscode.l10n.t('{0}.', indexed);
  return { ok: true, uri: uri.toString(), title: markdown.title, passages, message };
}

/** How long the engine may take to read a page (a 5 MB page takes about 4 s on one core) before the writer is told. */
const readPageLimitMs = 120_000;

function withinTime(reading: Promise<PageExtraction>, limitMs: number): Promise<PageExtraction> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<PageExtraction>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'too-large', detail: vscode.l10n.t('reading it took longer than {0} seconds', limitMs / 1000) }), limitMs);
  });
  return Promise.race([reading, late]).finally(() => clearTimeout(timer));
}

/**
 * Saves a PDF or Word file fetched from the web as `<name>.pdf` / `.docx` in `folder` (a new name
 * when taken), reads it into the index at once, opens its text at the first passage and selects
 * it in the Articles view. A file with no readable text (a scanned PDF) is kept and the writer told.
 */
export async function saveDocumentAsSource(services: CaptureServices, fetched: { document: FetchedDocument; folder: vscode.Uri }): Promise<CaptureResult> {
  const { document, folder } = fetched;
  const uri = await freeFileName(folder, sourceSlug(undefined, document.url), document.kind);
  await writeAtomically(uri, document.bytes);
  services.logger.info(`Saved ${document.url} as ${uri.toString()} (${document.bytes.length} bytes, ${document.kind}).`);
  await services.indexNow(uri);
  const articles = services.index.articles().filter((article) => article.sourceUri === uri.toString());
  const passages = articles.reduce((sum, article) => sum + article.passages.length, 0);
  const where = vscode.workspace.asRelativePath(uri, true);
  const title = articles[0]?.meta.title ?? where;
  const first = articles[0]?.passages[0];
  if (first) await services.openPassage(first.id);
  await services.revealArticle(uri.toString()).then(undefined, (error: unknown) => services.logger.warn(`The saved file could not be shown in the Articles view: ${error instanceof Error ? error.message : String(error)}`));
  const message =
    passages === 0
      ? document.kind === 'pdf'
        ? vscode.l10n.t('Saved {0}, but no text could be read from it (a scanned PDF has only images of pages; Sourcebook does not read those).', where)
        : vscode.l10n.t('Saved {0}, but no text could be read from it.', where)
      : passages === 1
        ? vscode.l10n.t('{0}.', vscode.l10n.t('Saved “{0}” as {1}: 1 passage indexed', title, where))
        : vscode.l10n.t('{0}.', vscode.l10n.t('Saved “{0}” as {1}: {2} passages indexed', title, where, passages));
  return { ok: true, uri: uri.toString(), title, passages, message };
}

/** `<slug>.md`, else `<slug>-2.md`, `<slug>-3.md`, ...: the first name not taken in the folder. */
async function freeFileName(folder: vscode.Uri, slug: string, extension = 'md'): Promise<vscode.Uri> {
  for (let attempt = 1; attempt <= 200; attempt++) {
    const uri = vscode.Uri.joinPath(folder, numberedFileName(slug, attempt, extension));
    const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
    if (!exists) return uri;
  }
  return vscode.Uri.joinPath(folder, numberedFileName(`${slug}-${Date.now().toString(36)}`, 1, extension));
}

/** Tells the writer how a capture ended (errors with `actions` as buttons); resolves with the button chosen. */
export async function reportCapture(result: CaptureResult, actions: string[] = []): Promise<string | undefined> {
  if (result.ok) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Sourcebook: {0}', result.message));
    return undefined;
  }
  if (result.kind === 'cancelled') return undefined;
  return vscode.window.showErrorMessage(vscode.l10n.t('Sourcebook: {0}', result.message), ...actions);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 60);
  }
}
