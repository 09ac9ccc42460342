import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import { sanitiseLabel } from '../core/present/markdownEscape';
import { addAlias } from '../core/topics/aliasFile';
import { topicFromArgument } from '../core/corpus/commandArguments';
import type { CommandDefinition } from './commandRegistry';
import { pickTopic } from './findTopic';
import type { SourcebookServices } from './sourcebookServices';

/** "Sourcebook: Add Alias...": another name for a topic (a transliteration, a translation, a nickname). */
async function addAliasInteractively({ index, derived, aliasFiles }: SourcebookServices, argument?: unknown): Promise<void> {
  const topic = topicFromArgument(index, argument) ?? (await pickTopic(index, derived, vscode.l10n.t('Sourcebook: Add Alias to Topic')));
  if (!topic) return;
  const alias = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add an alias for {0}', sanitiseLabel(topic.name, 60)),
    prompt: vscode.l10n.t('Another name the sources or your draft use for it (a transliteration, a translation, a misspelling)'),
    validateInput: (value) => (value.trim().length === 0 ? vscode.l10n.t('Type a name') : value.length > 200 ? vscode.l10n.t('Keep it under 200 characters') : undefined),
  });
  if (!alias) return;
  if (await aliasFiles.edit((text) => addAlias(text, topic.name, alias.trim(), topic.kind))) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Sourcebook: “{0}” now means {1}', alias.trim(), topic.name), 3000);
  }
}

export const addAliasCommand: CommandDefinition = {
  id: CommandIds.addAlias,
  title: vscode.l10n.t('Add Alias'),
  run: (services, node) => addAliasInteractively(services, node),
};
