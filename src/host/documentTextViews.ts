import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import type { IngestInput } from '../core/ingest/ingestFile';
import type { IngestOptions } from '../core/ingest/ingestOptions';
import type { DocumentTextOutcome } from '../core/ingest/ingestSourceFile';
import { documentViewTitle, opensAsDocumentView } from '../core/present/documentView';
import type { Article, Logger, Passage } from '../core/model';
import { toEditorRange, toUri } from './editorRanges';
import { ingestOptionsOf, readSettings } from './settings';

/** The scheme of the read-only views of a PDF's or Word file's extracted text. */
export const documentViewScheme = 'sourcebook-source';

/**
 * The source a document shows: the file itself, or the source a view of extracted text names
 * (as the index names it; check it is in the index before trusting it).
 */
export function sourceUriShownIn(uri: vscode.Uri): string | undefined {
  return uri.scheme === documentViewScheme ? uri.query : uri.toString();
}

/** The URI of the view of `article`'s text, titled with its file name and, for a PDF passage, the page. */
export function documentViewUri(article: Pick<Article, 'sourceUri'>, page?: number): vscode.Uri {
  const source = toUri(article.sourceUri);
  const slash = source.path.lastIndexOf('/');
  const title = documentViewTitle(source.path.slice(slash + 1), page);
  return vscode.Uri.from({ scheme: documentViewScheme, path: `${source.path.slice(0, slash + 1)}${title}`, query: article.sourceUri });
}

/**
 * Where a passage is shown: its own file for a text source, else the view of the extracted
 * text (for links to passages that VS Code opens itself, like a diagnostic's related location).
 */
export function passageLocation(article: Pick<Article, 'sourceUri' | 'format'>, passage: Pick<Passage, 'range' | 'page'>): vscode.Location {
  const uri = opensAsDocumentView(article) ? documentViewUri(article, passage.page) : toUri(article.sourceUri);
  return new vscode.Location(uri, toEditorRange(passage.range));
}

/** Reads a document's text on the engine's thread (`DerivedIndexes.readDocumentText`). */
export type ReadTextOnEngine = (file: IngestInput, options: Partial<IngestOptions>) => Promise<DocumentTextOutcome>;

/** How many documents' texts are kept, so opening passage after passage of one PDF reads it once. */
const cachedTexts = 4;

/**
 * The read-only view of a PDF's or Word file's text, as Sourcebook extracted it: the text
 * passages' ranges address (`documentText`), so opening a passage selects exactly its words.
 *
 * The text is read again from the file, through `workspace.fs` (so it works on vscode.dev) and
 * the engine's thread (where pdf.js is), with the limits of the settings; the last few texts
 * are kept, keyed by the file's modification time and size. It is never stored in the index:
 * a folder of PDFs would double the memory the index takes for text nobody opened.
 *
 * The view's URI names the file (and the page) for the tab's title, `report.pdf — p. 12`, and
 * carries the source's URI in its query. A URI of this scheme can be made by anyone (a link in
 * a preview), so only a source in the index is ever read, never an arbitrary path. A content
 * provider's documents are read-only; the text is shown as plain text, never rendered.
 */
export class DocumentTextViews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly texts = new Map<string, { key: string; text: Promise<DocumentTextOutcome> }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly index: CorpusIndex,
    private readonly readOnEngine: ReadTextOnEngine,
    private readonly logger: Logger,
  ) {
    this.disposables.push(this.changeEmitter, vscode.workspace.registerTextDocumentContentProvider(documentViewScheme, this));
    const unsubscribe = index.onDidChangeContent((change) => {
      if (change.kind === 'setFile') this.sourceChanged([change.uri]);
      else if (change.kind === 'removeFiles') this.sourceChanged(change.uris);
    });
    this.disposables.push({ dispose: unsubscribe });
  }

  /** The source a view shows (as the index names it), or undefined when `uri` is not a view of an indexed document. */
  sourceOf(uri: vscode.Uri): string | undefined {
    const sourceUri = sourceUriShownIn(uri);
    return sourceUri !== undefined && this.index.fileStamp(sourceUri) !== undefined ? sourceUri : undefined;
  }

  /** The text of an indexed PDF or Word file as its passages address it, or why it cannot be read now. */
  async textOf(sourceUri: string): Promise<DocumentTextOutcome> {
    const article = this.index.articles().find((candidate) => candidate.sourceUri === sourceUri);
    if (!article || !opensAsDocumentView(article)) return { kind: 'skipped', reason: 'unsupported-format', detail: vscode.l10n.t('it is not a PDF or Word source in the index') };
    const file = toUri(sourceUri);
    const settings = readSettings(file);
    const options = ingestOptionsOf(settings);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(file);
    } catch (error) {
      return { kind: 'skipped', reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
    }
    if (stat.size > settings.maxFileBytes) return { kind: 'skipped', reason: 'too-large', detail: vscode.l10n.t('it is over the {0} MB cap (sourcebook.corpus.maxFileSizeMB)', (settings.maxFileBytes / 1048576).toFixed(1)) };
    const key = `${stat.mtime}:${stat.size}:${JSON.stringify(options)}`;
    const cached = this.texts.get(sourceUri);
    if (cached?.key === key) {
      this.texts.delete(sourceUri);
      this.texts.set(sourceUri, cached);
      return cached.text;
    }
    const text = this.read(file, sourceUri, options);
    this.texts.set(sourceUri, { key, text });
    while (this.texts.size > cachedTexts) this.texts.delete(this.texts.keys().next().value!);
    const outcome = await text;
    if (outcome.kind === 'skipped') this.texts.delete(sourceUri);
    return outcome;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const sourceUri = this.sourceOf(uri);
    if (!sourceUri) return vscode.l10n.t('This Sourcebook view is not of a source in the index (the source was removed, or the link was not made by Sourcebook).');
    const outcome = await this.textOf(sourceUri);
    return outcome.kind === 'text' ? outcome.text : vscode.l10n.t('Sourcebook could not read this source again: {0}.', outcome.detail);
  }

  private async read(file: vscode.Uri, sourceUri: string, options: Partial<IngestOptions>): Promise<DocumentTextOutcome> {
    try {
      const bytes = await vscode.workspace.fs.readFile(file);
      const fileName = file.path.slice(file.path.lastIndexOf('/') + 1);
      return await this.readOnEngine({ uri: sourceUri, fileName, bytes }, options);
    } catch (error) {
      this.logger.warn(`Could not read ${file.fsPath || sourceUri} again to show its text: ${error instanceof Error ? error.message : String(error)}`);
      return { kind: 'skipped', reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Open views of a changed source show its new text. */
  private sourceChanged(sourceUris: readonly string[]): void {
    const changed = new Set(sourceUris);
    for (const uri of changed) this.texts.delete(uri);
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === documentViewScheme && changed.has(document.uri.query)) this.changeEmitter.fire(document.uri);
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.texts.clear();
  }
}
