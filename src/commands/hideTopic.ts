import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import type { Topic } from '../core/model';
import { hideTopic } from '../core/topics/aliasFile';
import { topicFromArgument } from '../core/corpus/commandArguments';
import type { CommandDefinition } from './commandRegistry';
import { pickTopic } from './findTopic';
import type { SourcebookServices } from './sourcebookServices';

/** "Sourcebook: Hide Topic": keeps a topic out of the views and hovers (it stays in the file, undoable by editing it). */
async function hideTopicInteractively({ index, derived, aliasFiles }: SourcebookServices, argument?: unknown): Promise<void> {
  const topic: Topic | undefined = topicFromArgument(index, argument) ?? (await pickTopic(index, derived, vscode.l10n.t('Sourcebook: Hide Topic')));
  if (!topic) return;
  if (await aliasFiles.edit((text) => hideTopic(text, topic.name))) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Sourcebook: hid {0} (edit .sourcebook/topics.json to undo)', topic.name), 4000);
  }
}

export const hideTopicCommand: CommandDefinition = {
  id: CommandIds.hideTopic,
  title: vscode.l10n.t('Hide Topic'),
  run: (services, node) => hideTopicInteractively(services, node),
};
