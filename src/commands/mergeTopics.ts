import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import { sanitiseLabel } from '../core/present/markdownEscape';
import { mergeTopics } from '../core/topics/aliasFile';
import { topicFromArgument } from '../core/corpus/commandArguments';
import type { CommandDefinition } from './commandRegistry';
import { pickTopic } from './findTopic';
import type { SourcebookServices } from './sourcebookServices';

/** "Sourcebook: Merge Topics...": declares that several topics are one. */
async function mergeTopicsInteractively({ index, derived, aliasFiles }: SourcebookServices, argument?: unknown): Promise<void> {
  const into = topicFromArgument(index, argument) ?? (await pickTopic(index, derived, vscode.l10n.t('Sourcebook: Merge Topics — choose the topic to keep')));
  if (!into) return;
  const others = await vscode.window.showQuickPick(
    index
      .topics()
      .topics()
      .filter((topic) => topic.id !== into.id)
      .map((topic) => ({ label: sanitiseLabel(topic.name, 80), description: `${topic.kind} · ${topic.articleIds.length === 1 ? vscode.l10n.t('1 source') : vscode.l10n.t('{0} sources', topic.articleIds.length)}`, topic })),
    { title: vscode.l10n.t('Merge into {0}', sanitiseLabel(into.name, 60)), placeHolder: vscode.l10n.t('Choose the topics that are the same thing'), canPickMany: true, matchOnDescription: true },
  );
  if (!others || others.length === 0) return;
  const names = others.map((item) => item.topic.name);
  if (await aliasFiles.edit((text) => mergeTopics(text, into.name, names))) {
    void vscode.window.setStatusBarMessage(names.length === 1 ? vscode.l10n.t('Sourcebook: merged 1 topic into {0}', into.name) : vscode.l10n.t('Sourcebook: merged {0} topics into {1}', names.length, into.name), 3000);
  }
}

export const mergeTopicsCommand: CommandDefinition = {
  id: CommandIds.mergeTopics,
  title: vscode.l10n.t('Merge Topics'),
  run: (services, node) => mergeTopicsInteractively(services, node),
};
