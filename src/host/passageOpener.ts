import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { opensAsDocumentView, passageRangeIn } from '../core/present/documentView';
import type { Article, Passage, SourceRange } from '../core/model';
import { toEditorRange, toUri } from './editorRanges';
import { passageFromArgument } from '../core/corpus/commandArguments';
import { documentViewScheme, documentViewUri, type DocumentTextViews } from './documentTextViews';

const highlightMillis = 2500;

/**
 * Brings an opened passage into view and marks it with `highlight` for a moment, so the eye finds
 * it; local sources, document views and archive articles are shown this one way.
 */
export function revealAndFlash(editor: vscode.TextEditor, range: vscode.Range, highlight: vscode.TextEditorDecorationType): void {
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  editor.setDecorations(highlight, [range]);
  setTimeout(() => {
    if (!editor.document.isClosed) editor.setDecorations(highlight, []);
  }, highlightMillis);
}

/**
 * Opens a passage's source at the passage, selects it and flashes a highlight over it: a text
 * source in its own file, a PDF or Word source in the read-only view of its extracted text
 * (`DocumentTextViews`), titled with the file name and the page.
 */
export class PassageOpener implements vscode.Disposable {
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    borderColor: new vscode.ThemeColor('editor.findMatchBorder'),
    borderStyle: 'solid',
    borderWidth: '1px',
    isWholeLine: false,
  });

  constructor(
    private readonly index: CorpusIndex,
    private readonly documentViews: DocumentTextViews,
  ) {}

  async open(passageArgument: unknown, viewColumn?: vscode.ViewColumn): Promise<vscode.TextEditor | undefined> {
    const passage = passageFromArgument(this.index, passageArgument);
    if (!passage) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Sourcebook: that passage is no longer in the index (the source changed). Search again to find it.'));
      return undefined;
    }
    const article = this.index.article(passage.articleId);
    if (!article) return undefined;
    const target = opensAsDocumentView(article) ? await this.documentView(article, passage) : { uri: toUri(article.sourceUri), range: passage.range };
    if (!target) return undefined;
    const isView = target.uri.scheme === documentViewScheme;
    const freshView = isView && !vscode.workspace.textDocuments.some((open) => open.uri.toString() === target.uri.toString());
    let document = await vscode.workspace.openTextDocument(target.uri);
    // Extracted text is the source's words, never markup to render or a language to run: plain text, whatever the file name suggests.
    if (isView && document.languageId !== 'plaintext') document = await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
    const range = toEditorRange(target.range);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: viewColumn ?? this.sourceColumn(),
      preview: true,
      selection: new vscode.Selection(range.start, range.end),
    });
    // A view holds one paragraph per line: wrapped, it reads like the document. Only a new view is
    // toggled (the toggle is remembered per document), and only where the writer's setting is off.
    if (freshView && vscode.window.activeTextEditor === editor && vscode.workspace.getConfiguration('editor', document).get<string>('wordWrap') === 'off') {
      await vscode.commands.executeCommand('editor.action.toggleWordWrap');
    }
    revealAndFlash(editor, range, this.highlight);
    return editor;
  }

  /** The view of a PDF's or Word file's text and the passage's range in it; undefined (after telling the writer why) when the file cannot be read. */
  private async documentView(article: Article, passage: Passage): Promise<{ uri: vscode.Uri; range: SourceRange } | undefined> {
    const uri = documentViewUri(article, passage.page);
    const sourcePath = toUri(article.sourceUri).path;
    const fileName = sourcePath.slice(sourcePath.lastIndexOf('/') + 1);
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Sourcebook: reading {0}', fileName) },
      () => this.documentViews.textOf(article.sourceUri),
    );
    if (outcome.kind === 'skipped') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Sourcebook could not read {0} again to show the passage: {1}.', fileName, outcome.detail));
      return undefined;
    }
    const range = passageRangeIn(outcome.text, passage);
    if (!range) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Sourcebook: the passage is no longer in {0} (the file changed); its text is shown from the top.', fileName));
      return { uri, range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 } };
    }
    return { uri, range };
  }

  /** Sources open beside the draft, and later ones reuse that column instead of adding more. */
  private sourceColumn(): vscode.ViewColumn {
    const sourceUris = new Set(this.index.files());
    const visibleSource = vscode.window.visibleTextEditors.find((editor) => sourceUris.has(editor.document.uri.toString()) || this.documentViews.sourceOf(editor.document.uri) !== undefined);
    return visibleSource?.viewColumn ?? vscode.ViewColumn.Beside;
  }

  dispose(): void {
    this.highlight.dispose();
  }
}
