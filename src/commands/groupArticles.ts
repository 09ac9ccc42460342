import * as vscode from 'vscode';
import { CommandIds, ContextKeys } from '../contributionIds';
import type { CommandDefinition } from './commandRegistry';
import type { SourcebookServices } from './sourcebookServices';

/** Groups the Articles view by outlet or by date; the context key switches the view's title button. */
export function setArticleGrouping(services: Pick<SourcebookServices, 'articlesTree'>, grouping: 'outlet' | 'date'): void {
  services.articlesTree.setGrouping(grouping);
  void vscode.commands.executeCommand('setContext', ContextKeys.articlesGrouping, grouping);
}

export const groupArticlesByOutletCommand: CommandDefinition = {
  id: CommandIds.groupArticlesByOutlet,
  title: vscode.l10n.t('Group Articles by Outlet'),
  run: (services) => setArticleGrouping(services, 'outlet'),
};

export const groupArticlesByDateCommand: CommandDefinition = {
  id: CommandIds.groupArticlesByDate,
  title: vscode.l10n.t('Group Articles by Date'),
  run: (services) => setArticleGrouping(services, 'date'),
};
