import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import { addNotSame } from '../core/topics/aliasFile';
import type { CommandDefinition } from './commandRegistry';
import type { SourcebookServices } from './sourcebookServices';
import { suggestionFromArgument } from './acceptSuggestion';

/**
 * "Dismiss Suggestion": records the pair in .sourcebook/topics.json's "notSame" list, beside the
 * writer's aliases (visible, shared with the folder, undone by deleting the line), so it is never
 * suggested again.
 */
async function dismissSuggestion(services: SourcebookServices, argument?: unknown): Promise<boolean> {
  const suggestion = await suggestionFromArgument(services, argument, vscode.l10n.t('Sourcebook: Dismiss — these are not the same'));
  if (!suggestion) return false;
  const { keep, other } = suggestion;
  const written = await services.aliasFiles.edit((text) => addNotSame(text, other.name, keep.name));
  if (written) {
    services.topicsTree.refresh();
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Sourcebook: “{0}” and “{1}” will not be suggested again', other.name, keep.name), 4000);
  }
  return written;
}

export const dismissSuggestionCommand: CommandDefinition = {
  id: CommandIds.dismissSuggestion,
  title: vscode.l10n.t('Dismiss Suggestion'),
  run: (services, node) => dismissSuggestion(services, node),
};
