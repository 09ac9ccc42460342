import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { languageEnabled, readSettings } from '../host/settings';

const debounceMs = 150;
/** Lines above and below the visible range that are decorated too, so scrolling shows them at once. */
const marginLines = 40;

/**
 * A subtle dotted underline under every recognised topic in the visible part of a draft,
 * recomputed (debounced) as the writer types or scrolls, and when the topics change.
 */
export class TopicDecorations implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted',
    light: { textDecoration: 'underline dotted rgba(0, 100, 180, 0.55)' },
    dark: { textDecoration: 'underline dotted rgba(120, 180, 255, 0.55)' },
  });
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly index: CorpusIndex) {
    const schedule = () => this.schedule();
    this.disposables.push(
      this.decoration,
      vscode.window.onDidChangeActiveTextEditor(schedule),
      vscode.window.onDidChangeVisibleTextEditors(schedule),
      vscode.window.onDidChangeTextEditorVisibleRanges(schedule),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (vscode.window.visibleTextEditors.some((editor) => editor.document === event.document)) schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sourcebook')) schedule();
      }),
    );
    const unsubscribe = index.onDidChange(schedule);
    this.disposables.push({ dispose: unsubscribe });
    schedule();
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.updateVisibleEditors(), debounceMs);
  }

  /** Decorated ranges of an editor, for tests. */
  rangesFor(editor: vscode.TextEditor): vscode.Range[] {
    const settings = readSettings(editor.document.uri);
    if (!settings.decorationsEnabled || !languageEnabled(settings, editor.document.languageId) || this.index.passageCount() === 0) return [];
    if (this.isSourceDocument(editor.document)) return [];
    const topics = this.index.topics();
    const ranges: vscode.Range[] = [];
    for (const visible of editor.visibleRanges) {
      const first = Math.max(0, visible.start.line - marginLines);
      const last = Math.min(editor.document.lineCount - 1, visible.end.line + marginLines);
      for (let line = first; line <= last; line++) {
        const text = editor.document.lineAt(line).text;
        if (text.length === 0) continue;
        for (const match of topics.findInText(text)) {
          if (match.quality !== 'fuzzy') ranges.push(new vscode.Range(line, match.start, line, match.end));
        }
      }
    }
    return ranges;
  }

  private updateVisibleEditors(): void {
    this.timer = undefined;
    for (const editor of vscode.window.visibleTextEditors) {
      try {
        editor.setDecorations(this.decoration, this.rangesFor(editor));
      } catch {
        // An editor closed between scheduling and now: nothing to decorate.
      }
    }
  }

  private isSourceDocument(document: vscode.TextDocument): boolean {
    const uri = document.uri.toString();
    return this.index.files().includes(uri);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
