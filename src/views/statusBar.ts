import * as vscode from 'vscode';
import type { LoadSummary } from '../host/corpusLoader';

/** "Sourcebook: N articles" in the status bar; a click reveals the sidebar. */
export class SourcebookStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourcebook.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Sourcebook';
    this.item.command = 'workbench.view.extension.sourcebook';
    this.item.text = vscode.l10n.t('$(book) Sourcebook: indexing…');
    this.item.show();
  }

  update(articles: number, passages: number, summary: LoadSummary | undefined, indexing = false): void {
    this.item.text = indexing ? vscode.l10n.t('$(sync~spin) Sourcebook: indexing, {0} articles so far', articles) : articles === 1 ? vscode.l10n.t('$(book) Sourcebook: 1 article') : vscode.l10n.t('$(book) Sourcebook: {0} articles', articles);
    const skipped = summary ? Object.values(summary.skipped).reduce((sum, count) => sum + (count ?? 0), 0) : 0;
    this.item.tooltip = [
      summary?.usingBundled ? vscode.l10n.t('{0} articles, {1} passages (bundled corpus)', articles, passages) : vscode.l10n.t('{0} articles, {1} passages', articles, passages),
      skipped ? vscode.l10n.t('{0} files skipped — see the Sourcebook log', skipped) : '',
      vscode.l10n.t('Click to show the Sourcebook sidebar'),
    ].filter(Boolean).join('\n');
  }

  dispose(): void {
    this.item.dispose();
  }
}
