import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { sourceUriShownIn } from '../host/documentTextViews';
import { languageEnabled, readSettings } from '../host/settings';

const debounceMs = 150;
/** Lines above and below the visible range that are decorated too, so scrolling shows them at once. */
const marginLines = 40;

/**
 * A subtle dotted underline under every term of the visible part of a draft that a hover would
 * show a card for, recomputed (debounced) as the writer types or scrolls, and when the topics
 * change. A closest match (a misspelling, "Byden") gets a dashed amber underline instead, as
 * its card says "closest match".
 */
export class TopicDecorations implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted',
    light: { textDecoration: 'underline dotted rgba(0, 100, 180, 0.55)' },
    dark: { textDecoration: 'underline dotted rgba(120, 180, 255, 0.55)' },
  });
  private readonly closestMatchDecoration = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dashed',
    light: { textDecoration: 'underline dashed rgba(170, 100, 0, 0.6)' },
    dark: { textDecoration: 'underline dashed rgba(235, 175, 70, 0.6)' },
  });
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly index: CorpusIndex) {
    const schedule = () => this.schedule();
    this.disposables.push(
      this.decoration,
      this.closestMatchDecoration,
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

  /** Every underlined range of an editor, closest matches included, in document order; for tests. */
  rangesFor(editor: vscode.TextEditor): vscode.Range[] {
    const { recognised, closest } = this.rangesByStyle(editor);
    return [...recognised, ...closest].sort((a, b) => a.start.compareTo(b.start));
  }

  /** The ranges underlined as closest matches (misspellings); for tests. */
  closestMatchRangesFor(editor: vscode.TextEditor): vscode.Range[] {
    return this.rangesByStyle(editor).closest;
  }

  private rangesByStyle(editor: vscode.TextEditor): { recognised: vscode.Range[]; closest: vscode.Range[] } {
    const recognised: vscode.Range[] = [];
    const closest: vscode.Range[] = [];
    const settings = readSettings(editor.document.uri);
    if (!settings.decorationsEnabled || !languageEnabled(settings, editor.document.languageId) || this.index.passageCount() === 0) return { recognised, closest };
    if (this.isSourceDocument(editor.document)) return { recognised, closest };
    const topics = this.index.topics();
    for (const visible of editor.visibleRanges) {
      const first = Math.max(0, visible.start.line - marginLines);
      const last = Math.min(editor.document.lineCount - 1, visible.end.line + marginLines);
      for (let line = first; line <= last; line++) {
        const text = editor.document.lineAt(line).text;
        if (text.length === 0) continue;
        for (const match of topics.findInText(text)) {
          (match.quality === 'fuzzy' ? closest : recognised).push(new vscode.Range(line, match.start, line, match.end));
        }
      }
    }
    return { recognised, closest };
  }

  private updateVisibleEditors(): void {
    this.timer = undefined;
    for (const editor of vscode.window.visibleTextEditors) {
      try {
        const { recognised, closest } = this.rangesByStyle(editor);
        editor.setDecorations(this.decoration, recognised);
        editor.setDecorations(this.closestMatchDecoration, closest);
      } catch {
        // An editor closed between scheduling and now: nothing to decorate.
      }
    }
  }

  private isSourceDocument(document: vscode.TextDocument): boolean {
    const uri = sourceUriShownIn(document.uri);
    return uri !== undefined && this.index.files().includes(uri);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
