import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import type { DerivedIndexes } from '../core/derived/derivedIndexes';
import type { Topic } from '../core/model';
import type { CompareSourcesPanel } from '../views/compareSourcesPanel';
import { topicFromArgument } from '../core/corpus/commandArguments';
import { pickTopic } from './findTopic';
import { CommandIds } from '../contributionIds';
import type { CommandDefinition } from './commandRegistry';
import type { CompareModel } from '../core/present/compareSourcesModel';
import type { CompareRenderReport } from '../views/compareSourcesPanel';

/**
 * "Sourcebook: Compare Sources on Topic...". From the palette it asks for a topic; from a hover
 * link or the Topics view it gets a topic id or a topic node, which must name a topic in the
 * index (a hover link's arguments are not trusted).
 */
export async function compareSources(index: CorpusIndex, derived: DerivedIndexes, panel: CompareSourcesPanel, argument: unknown): Promise<Topic | undefined> {
  if (argument !== undefined) {
    const topic = topicFromArgument(index, argument);
    if (!topic) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Sourcebook: that topic is no longer in the sources. Pick one with "Compare Sources on Topic...".'));
      return undefined;
    }
    await panel.show(topic);
    return topic;
  }
  const picked = await pickTopic(index, derived, vscode.l10n.t('Sourcebook: Compare Sources on Topic'));
  if (picked) await panel.show(picked);
  return picked;
}

/**
 * What `sourcebook.compareSources` resolves to (for tests and other extensions): the data the
 * view shows, and a way to wait for the webview to say it rendered it.
 */
export interface CompareSourcesResult {
  model: CompareModel | undefined;
  whenRendered(timeoutMs?: number): Promise<CompareRenderReport | undefined>;
}

export const compareSourcesCommand: CommandDefinition = {
  id: CommandIds.compareSources,
  title: vscode.l10n.t('Compare Sources'),
  async run({ index, derived, comparePanel }, argument): Promise<CompareSourcesResult | undefined> {
    if (!(await compareSources(index, derived, comparePanel, argument))) return undefined;
    return { model: comparePanel.lastRendered, whenRendered: (timeoutMs) => comparePanel.whenRendered(timeoutMs) };
  },
};
