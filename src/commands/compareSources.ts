import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpusIndex';
import type { DerivedIndexes } from '../core/derived/derivedIndexes';
import type { Topic } from '../core/model';
import type { CompareSourcesPanel } from '../views/compareSourcesPanel';
import { topicFromArgument } from './commandArguments';
import { pickTopic } from './findTopic';

/**
 * "Sourcebook: Compare Sources on Topic...". From the palette it asks for a topic; from a hover
 * link or the Topics view it gets a topic id or a topic node, which must name a topic in the
 * index (a hover link's arguments are not trusted).
 */
export async function compareSources(index: CorpusIndex, derived: DerivedIndexes, panel: CompareSourcesPanel, argument: unknown): Promise<Topic | undefined> {
  if (argument !== undefined) {
    const topic = topicFromArgument(index, argument);
    if (!topic) {
      void vscode.window.showWarningMessage('Sourcebook: that topic is no longer in the sources. Pick one with "Compare Sources on Topic...".');
      return undefined;
    }
    await panel.show(topic);
    return topic;
  }
  const picked = await pickTopic(index, derived, 'Sourcebook: Compare Sources on Topic');
  if (picked) await panel.show(picked);
  return picked;
}
