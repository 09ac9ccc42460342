import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import type { Topic } from '../core/model';
import { topicFromArgument } from '../core/corpus/commandArguments';
import type { CommandDefinition } from './commandRegistry';
import type { SourcebookServices } from './sourcebookServices';

/** Reveals a topic in the Topics view (clearing a filter that would hide it), selected and expanded. */
export async function revealTopic(services: SourcebookServices, topic: Topic | undefined): Promise<void> {
  if (!topic) return;
  if (services.topicsTree.filter) services.topicsTree.setFilter('');
  const node = services.topicsTree.nodeForTopic(topic.id);
  if (node) await services.topicsView.reveal(node, { select: true, focus: true, expand: 2 });
}

/** A hover card's topic link: reveals the topic the link names (the id is checked against the index). */
export const showTopicCommand: CommandDefinition = {
  id: CommandIds.showTopic,
  title: vscode.l10n.t('Show Topic'),
  run: (services, topicId) => revealTopic(services, topicFromArgument(services.index, topicId)),
};
