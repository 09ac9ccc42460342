import * as vscode from 'vscode';
import type { LoadSummary } from '../host/corpusLoader';

/** "Sourcebook: N articles" in the status bar; a click reveals the sidebar. */
export class SourcebookStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourcebook.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Sourcebook';
    this.item.command = 'workbench.view.extension.sourcebook';
    this.item.text = '$(book) Sourcebook: indexing…';
    this.item.show();
  }

  update(articles: number, passages: number, summary: LoadSummary | undefined, indexing = false): void {
    this.item.text = indexing ? `$(sync~spin) Sourcebook: indexing, ${articles} articles so far` : `$(book) Sourcebook: ${articles} article${articles === 1 ? '' : 's'}`;
    const skipped = summary ? Object.values(summary.skipped).reduce((sum, count) => sum + (count ?? 0), 0) : 0;
    this.item.tooltip = [
      `${articles} articles, ${passages} passages${summary?.usingBundled ? ' (bundled corpus)' : ''}`,
      skipped ? `${skipped} files skipped — see the Sourcebook log` : '',
      'Click to show the Sourcebook sidebar',
    ].filter(Boolean).join('\n');
  }

  dispose(): void {
    this.item.dispose();
  }
}
