import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import type { DerivedIndexes } from '../core/derived/derivedIndexes';
import { awaitCurrentDerived } from '../host/awaitCurrentDerived';
import { neutraliseThemeIcons, sanitiseLabel } from '../core/present/markdownEscape';
import type { Topic } from '../core/model';
import type { TopicIndex } from '../core/topics/topicIndex';
import { CommandIds } from '../contributionIds';
import { topicKindName } from '../editor/renderTopicCard';
import type { CommandDefinition } from './commandRegistry';
import { revealTopic } from './showTopic';

interface TopicItem extends vscode.QuickPickItem {
  topic: Topic;
}

/**
 * "Sourcebook: Go to Topic...": fuzzy pick over the current topics' names and aliases; resolves
 * to the chosen topic. A Latin query also lists the topics it names in another alphabet
 * (`Lavrov`: Сергей Лавров), after the topics matched as written, labelled "transliterated".
 * `initialQuery` starts the pick with that text typed.
 */
export async function pickTopic(index: CorpusIndex, derived: DerivedIndexes, title = vscode.l10n.t('Sourcebook: Go to Topic'), initialQuery?: string): Promise<Topic | undefined> {
  if (index.passageCount() === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Sourcebook has no sources indexed yet.'));
    return undefined;
  }
  const { topics } = await awaitCurrentDerived(derived, vscode.l10n.t('Go to Topic'));
  const topicItems: TopicItem[] = [...topics.topics()]
    .sort((a, b) => b.articleIds.length - a.articleIds.length || b.mentions.length - a.mentions.length)
    .map((topic) => ({
      topic,
      label: neutraliseThemeIcons(sanitiseLabel(topic.name, 80)),
      description: topicSummary(topic),
      detail: topic.aliases.length ? neutraliseThemeIcons(sanitiseLabel(vscode.l10n.t('also: {0}', topic.aliases.filter((alias) => alias !== topic.name).join(', ')), 160)) : undefined,
    }));
  const pick = vscode.window.createQuickPick<TopicItem>();
  pick.title = title;
  pick.placeholder = vscode.l10n.t('Type a name, spelling or alias');
  pick.matchOnDetail = true;
  pick.matchOnDescription = false;
  let shownTransliterations: string | undefined;
  const showItemsFor = (query: string) => {
    const extra = transliteratedItems(topics, query);
    // Setting the items again on every keystroke would make VS Code redo its list for nothing.
    const key = extra.map((item) => `${item.topic.id}\u0000${item.detail ?? ''}`).join('\u0001');
    if (key === shownTransliterations) return;
    shownTransliterations = key;
    pick.items = [...topicItems, ...extra];
  };
  return new Promise<Topic | undefined>((resolve) => {
    let chosen: Topic | undefined;
    const subscriptions = [
      pick.onDidChangeValue(showItemsFor),
      pick.onDidAccept(() => {
        chosen = pick.selectedItems[0]?.topic ?? pick.activeItems[0]?.topic;
        pick.hide();
      }),
      pick.onDidHide(() => {
        for (const subscription of subscriptions) subscription.dispose();
        pick.dispose();
        resolve(chosen);
      }),
    ];
    if (initialQuery) pick.value = initialQuery;
    showItemsFor(pick.value);
    pick.show();
  });
}

function topicSummary(topic: Topic): string {
  return vscode.l10n.t('{0} · {1} sources · {2} mentions', topicKindName(topic.kind), topic.articleIds.length, topic.mentions.length);
}

/**
 * The topics a Latin query names only in another alphabet, as items the quick pick always shows
 * (its own filter cannot see that `Lavrov` is `Лавров`): after every item it matches as written,
 * since VS Code ranks items whose label matches first. A topic whose name or alias holds the
 * query as written is left to the quick pick's own filter.
 */
function transliteratedItems(topics: TopicIndex, query: string): TopicItem[] {
  const asWritten = query.trim().toLocaleLowerCase();
  if (!asWritten) return [];
  return topics
    .topicsTransliteratedFrom(query, true)
    .filter((topic) => ![topic.name, ...topic.aliases].some((name) => name.toLocaleLowerCase().includes(asWritten)))
    .slice(0, MAX_TRANSLITERATED_ITEMS)
    .map((topic) => ({
      topic,
      label: neutraliseThemeIcons(sanitiseLabel(topic.name, 80)),
      description: `${vscode.l10n.t('transliterated')} · ${topicSummary(topic)}`,
      detail: neutraliseThemeIcons(sanitiseLabel(vscode.l10n.t('transliterated from “{0}”', query.trim()), 160)),
      alwaysShow: true,
    }));
}

const MAX_TRANSLITERATED_ITEMS = 20;

export const findTopicCommand: CommandDefinition = {
  id: CommandIds.findTopic,
  title: vscode.l10n.t('Go to Topic'),
  run: async (services, query) => revealTopic(services, await pickTopic(services.index, services.derived, undefined, typeof query === 'string' ? query : undefined)),
};
