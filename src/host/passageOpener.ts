import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { toEditorRange, toUri } from './editorRanges';
import { passageFromArgument } from '../core/corpus/commandArguments';

const highlightMillis = 2500;

/** Opens the source file at a passage, selects it and flashes a highlight over it. */
export class PassageOpener implements vscode.Disposable {
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    borderColor: new vscode.ThemeColor('editor.findMatchBorder'),
    borderStyle: 'solid',
    borderWidth: '1px',
    isWholeLine: false,
  });

  constructor(private readonly index: CorpusIndex) {}

  async open(passageArgument: unknown, viewColumn?: vscode.ViewColumn): Promise<vscode.TextEditor | undefined> {
    const passage = passageFromArgument(this.index, passageArgument);
    if (!passage) {
      void vscode.window.showWarningMessage('Sourcebook: that passage is no longer in the index (the source changed). Search again to find it.');
      return undefined;
    }
    const article = this.index.article(passage.articleId);
    if (!article) return undefined;
    const range = toEditorRange(passage.range);
    const document = await vscode.workspace.openTextDocument(toUri(article.sourceUri));
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: viewColumn ?? this.sourceColumn(),
      preview: true,
      selection: new vscode.Selection(range.start, range.end),
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    editor.setDecorations(this.highlight, [range]);
    setTimeout(() => {
      if (!editor.document.isClosed) editor.setDecorations(this.highlight, []);
    }, highlightMillis);
    return editor;
  }

  /** Sources open beside the draft, and later ones reuse that column instead of adding more. */
  private sourceColumn(): vscode.ViewColumn {
    const sourceUris = new Set(this.index.files());
    const visibleSource = vscode.window.visibleTextEditors.find((editor) => sourceUris.has(editor.document.uri.toString()));
    return visibleSource?.viewColumn ?? vscode.ViewColumn.Beside;
  }

  dispose(): void {
    this.highlight.dispose();
  }
}
