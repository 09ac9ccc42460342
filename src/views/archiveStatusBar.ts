import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import type { ArchiveSession } from '../host/archiveSession';

/**
 * The archive's state in the status bar ("$(database) Archive: 1,204,311 passages",
 * "Archive unreachable"), with the details in the tooltip; a click connects (or reconnects).
 * Shown only once an archive address is set.
 */
export class ArchiveStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourcebook.archive', vscode.StatusBarAlignment.Left, 9);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: ArchiveSession) {
    this.item.name = vscode.l10n.t('Sourcebook Archive');
    this.item.command = CommandIds.connectArchive;
    this.subscription = session.onDidChange(() => this.update());
    this.update();
  }

  /** What the item says now (for the integration tests). */
  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : '';
  }

  private update(): void {
    const url = this.session.url;
    if (!url) {
      this.item.hide();
      return;
    }
    const connection = this.session.connection;
    const lines: string[] = [url];
    if (!this.session.active) {
      this.item.text = vscode.l10n.t('$(database) Archive: not connected');
      lines.push(vscode.l10n.t('Click to connect (the token is kept in VS Code’s secret storage).'));
      this.item.backgroundColor = undefined;
    } else if (!connection || this.session.isChecking) {
      this.item.text = vscode.l10n.t('$(sync~spin) Archive: connecting…');
      this.item.backgroundColor = undefined;
    } else {
      const { state, detail, status } = connection;
      this.item.text = {
        connected: status ? vscode.l10n.t('$(database) Archive: {0} passages', status.passages.toLocaleString('en-US')) : vscode.l10n.t('$(database) Archive: connected'),
        unauthorized: vscode.l10n.t('$(lock) Archive: token refused'),
        unreachable: vscode.l10n.t('$(debug-disconnect) Archive unreachable'),
        'too-slow': vscode.l10n.t('$(watch) Archive too slow'),
        incompatible: vscode.l10n.t('$(warning) Archive incompatible'),
      }[state];
      this.item.backgroundColor = state === 'connected' ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
      lines.push(detail);
      if (status) {
        lines.push(vscode.l10n.t('{0} articles, {1} passages, {2} topics', status.articles.toLocaleString('en-US'), status.passages.toLocaleString('en-US'), status.topics.toLocaleString('en-US')));
        if (status.updatedAt) lines.push(vscode.l10n.t('Last import: {0}', status.updatedAt));
      }
      if (state !== 'connected') lines.push(vscode.l10n.t('Hovers and search use your local sources meanwhile.'));
      lines.push(vscode.l10n.t('Click to connect again, or to change the token.'));
    }
    this.item.tooltip = lines.join('\n');
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
