import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpusIndex';
import type { DerivedIndexes } from '../core/derived/derivedIndexes';
import { sanitiseLabel } from '../core/markdownEscape';
import type { Topic } from '../core/model';
import { addAlias, hideTopic, mergeTopics } from '../core/topics/aliasFile';
import type { AliasFiles } from '../host/aliasFiles';
import { topicFromArgument } from './commandArguments';
import { pickTopic } from './findTopic';

/** "Sourcebook: Add Alias...": another name for a topic (a transliteration, a translation, a nickname). */
export async function addAliasCommand(index: CorpusIndex, derived: DerivedIndexes, aliasFiles: AliasFiles, argument?: unknown): Promise<void> {
  const topic = topicFromArgument(index, argument) ?? (await pickTopic(index, derived, 'Sourcebook: Add Alias to Topic'));
  if (!topic) return;
  const alias = await vscode.window.showInputBox({
    title: `Add an alias for ${sanitiseLabel(topic.name, 60)}`,
    prompt: 'Another name the sources or your draft use for it (a transliteration, a translation, a misspelling)',
    validateInput: (value) => (value.trim().length === 0 ? 'Type a name' : value.length > 200 ? 'Keep it under 200 characters' : undefined),
  });
  if (!alias) return;
  if (await aliasFiles.edit((text) => addAlias(text, topic.name, alias.trim(), topic.kind))) {
    void vscode.window.setStatusBarMessage(`Sourcebook: “${alias.trim()}” now means ${topic.name}`, 3000);
  }
}

/** "Sourcebook: Merge Topics...": declares that several topics are one. */
export async function mergeTopicsCommand(index: CorpusIndex, derived: DerivedIndexes, aliasFiles: AliasFiles, argument?: unknown): Promise<void> {
  const into = topicFromArgument(index, argument) ?? (await pickTopic(index, derived, 'Sourcebook: Merge Topics — choose the topic to keep'));
  if (!into) return;
  const others = await vscode.window.showQuickPick(
    index
      .topics()
      .topics()
      .filter((topic) => topic.id !== into.id)
      .map((topic) => ({ label: sanitiseLabel(topic.name, 80), description: `${topic.kind} · ${topic.articleIds.length} sources`, topic })),
    { title: `Merge into ${sanitiseLabel(into.name, 60)}`, placeHolder: 'Choose the topics that are the same thing', canPickMany: true, matchOnDescription: true },
  );
  if (!others || others.length === 0) return;
  const names = others.map((item) => item.topic.name);
  if (await aliasFiles.edit((text) => mergeTopics(text, into.name, names))) {
    void vscode.window.setStatusBarMessage(`Sourcebook: merged ${names.length} topic${names.length === 1 ? '' : 's'} into ${into.name}`, 3000);
  }
}

/** "Sourcebook: Hide Topic": keeps a topic out of the views and hovers (it stays in the file, undoable by editing it). */
export async function hideTopicCommand(index: CorpusIndex, derived: DerivedIndexes, aliasFiles: AliasFiles, argument?: unknown): Promise<void> {
  const topic: Topic | undefined = topicFromArgument(index, argument) ?? (await pickTopic(index, derived, 'Sourcebook: Hide Topic'));
  if (!topic) return;
  if (await aliasFiles.edit((text) => hideTopic(text, topic.name))) {
    void vscode.window.setStatusBarMessage(`Sourcebook: hid ${topic.name} (edit .sourcebook/topics.json to undo)`, 4000);
  }
}
