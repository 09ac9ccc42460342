import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import type { DerivedIndexes } from '../core/derived/derivedIndexes';
import { awaitCurrentDerived } from '../host/awaitCurrentDerived';
import { neutraliseThemeIcons, sanitiseLabel } from '../core/present/markdownEscape';
import type { Topic } from '../core/model';
import { CommandIds } from '../contributionIds';
import type { CommandDefinition } from './commandRegistry';
import { revealTopic } from './showTopic';

interface TopicItem extends vscode.QuickPickItem {
  topic: Topic;
}

/** "Sourcebook: Go to Topic...": fuzzy pick over the current topics' names and aliases; resolves to the chosen topic. */
export async function pickTopic(index: CorpusIndex, derived: DerivedIndexes, title = vscode.l10n.t('Sourcebook: Go to Topic')): Promise<Topic | undefined> {
  if (index.passageCount() === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Sourcebook has no sources indexed yet.'));
    return undefined;
  }
  const { topics } = await awaitCurrentDerived(derived, vscode.l10n.t('Go to Topic'));
  const items: TopicItem[] = [...topics.topics()]
    .sort((a, b) => b.articleIds.length - a.articleIds.length || b.mentions.length - a.mentions.length)
    .map((topic) => ({
      topic,
      label: neutraliseThemeIcons(sanitiseLabel(topic.name, 80)),
      description: vscode.l10n.t('{0} · {1} sources · {2} mentions', topic.kind, topic.articleIds.length, topic.mentions.length),
      detail: topic.aliases.length ? neutraliseThemeIcons(sanitiseLabel(vscode.l10n.t('also: {0}', topic.aliases.filter((alias) => alias !== topic.name).join(', ')), 160)) : undefined,
    }));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Type a name, spelling or alias'), matchOnDetail: true, matchOnDescription: false });
  return picked?.topic;
}

export const findTopicCommand: CommandDefinition = {
  id: CommandIds.findTopic,
  title: vscode.l10n.t('Go to Topic'),
  run: async (services) => revealTopic(services, await pickTopic(services.index, services.derived)),
};
