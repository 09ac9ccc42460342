import * as vscode from 'vscode';
import type { ArchiveArticle } from '../core/archive/archiveProtocol';
import { articleIdOfPassage } from '../core/archive/archiveClient';
import { sanitiseLabel } from '../core/present/markdownEscape';
import type { ArchiveSession } from './archiveSession';
import { revealAndFlash } from './passageOpener';

/** The scheme of the read-only documents that show archive articles. */
export const archiveDocumentScheme = 'sourcebook-archive';


/** The URI of an archive article's document: its id, then its title for the tab (`Archive — Harbour dredging resumes.txt`). */
export function archiveDocumentUri(article: Pick<ArchiveArticle, 'id' | 'title'>): vscode.Uri {
  const title = sanitiseLabel(article.title, 60).replace(/[\\/:*?"<>|#%]/g, ' ').trim() || 'article';
  return vscode.Uri.from({ scheme: archiveDocumentScheme, path: `/${article.id}/${vscode.l10n.t('Archive')} — ${title}.txt` });
}

/**
 * Archive articles as read-only plain-text documents, fetched from the archive when opened (the
 * last few are kept by the session). The URI's first segment is the article id; a URI of this
 * scheme can be made by anyone, so that id is checked by the client before any request, and the
 * text is shown as plain text, never rendered.
 */
export class ArchiveDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    borderColor: new vscode.ThemeColor('editor.findMatchBorder'),
    borderStyle: 'solid',
    borderWidth: '1px',
  });

  constructor(private readonly session: ArchiveSession) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(archiveDocumentScheme, this);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const articleId = uri.path.split('/')[1] ?? '';
    const outcome = await this.session.article(articleId);
    return outcome.ok ? outcome.value.text : vscode.l10n.t('This archive article cannot be shown: {0}', outcome.message);
  }

  /** Opens an archive passage beside the draft, selected and briefly highlighted; tells the writer why when it cannot. */
  async open(passageId: unknown, articleIdArgument?: unknown): Promise<vscode.TextEditor | undefined> {
    const found = await this.passage(passageId, articleIdArgument);
    if (!found) return undefined;
    const { article, passage } = found;
    let document = await vscode.workspace.openTextDocument(archiveDocumentUri(article));
    if (document.languageId !== 'plaintext') document = await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
    const range = new vscode.Range(document.positionAt(passage.start), document.positionAt(passage.end));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, selection: new vscode.Selection(range.start, range.end) });
    revealAndFlash(editor, range, this.highlight);
    return editor;
  }

  /** An archive passage with its article, fetched; undefined after telling the writer why not. */
  async passage(passageId: unknown, articleIdArgument?: unknown): Promise<{ article: ArchiveArticle; passage: ArchiveArticle['passages'][number]; text: string } | undefined> {
    const articleId = typeof articleIdArgument === 'string' ? articleIdArgument : typeof passageId === 'string' ? articleIdOfPassage(passageId) : undefined;
    if (typeof passageId !== 'string' || !articleId) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Sourcebook: that is not an archive passage.'));
      return undefined;
    }
    const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Sourcebook: reading the archive') }, () => this.session.article(articleId));
    if (!outcome.ok) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Sourcebook could not fetch the archive article: {0}', outcome.message));
      return undefined;
    }
    const passage = outcome.value.passages.find((candidate) => candidate.id === passageId);
    if (!passage) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Sourcebook: the archive no longer has that passage (the article changed). Search again to find it.'));
      return undefined;
    }
    return { article: outcome.value, passage, text: outcome.value.text.slice(passage.start, passage.end) };
  }

  dispose(): void {
    this.registration.dispose();
    this.highlight.dispose();
  }
}
