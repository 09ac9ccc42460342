import * as vscode from 'vscode';
import type { CorpusIndex, ResolvedSearchHit } from '../core/corpus/corpusIndex';
import { neutraliseThemeIcons, sanitiseLabel } from '../core/present/markdownEscape';
import { pageLabel, sourceLine } from '../core/present/pageLabel';
import type { Topic } from '../core/model';
import { termRangeAt } from '../core/text/termAt';
import type { PassageOpener } from '../host/passageOpener';
import { citationFor, insertQuote } from './insertQuote';
import { CommandIds } from '../contributionIds';
import type { CommandDefinition } from './commandRegistry';

interface PassageItem extends vscode.QuickPickItem {
  kind?: vscode.QuickPickItemKind;
  passageId?: string;
  topicName?: string;
}

const insertButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('quote'), tooltip: 'Insert quote with citation' };
const copyButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy citation' };
const resultLimit = 50;
const emptyQueryTopics = 12;

/**
 * "Sourcebook: Search Sources": a quick pick over every passage, ranked by the core index,
 * re-run on every keystroke (the core answers in milliseconds, so results are never stale),
 * and refreshed if the index changes while it is open.
 */
export function searchSources(index: CorpusIndex, opener: PassageOpener, initialQuery?: string, onKeystroke: () => void = () => undefined): Promise<void> {
  const picker = vscode.window.createQuickPick<PassageItem>();
  picker.title = 'Sourcebook: Search Sources';
  picker.placeholder = 'Search passages — "exact phrase", outlet:name, topic:S-400';
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  picker.value = initialQuery ?? initialQueryFromEditor();
  const update = () => {
    picker.items = itemsFor(index, picker.value);
  };
  const unsubscribe = index.onDidChange(update);
  update();
  return new Promise((resolve) => {
    picker.onDidChangeValue(() => {
      onKeystroke();
      update();
    });
    picker.onDidAccept(async () => {
      const [item] = picker.selectedItems;
      if (!item) return;
      if (item.topicName) {
        picker.value = item.topicName;
        return;
      }
      if (item.passageId) {
        picker.hide();
        await opener.open(item.passageId);
      }
    });
    picker.onDidTriggerItemButton(async (event) => {
      const passage = event.item.passageId ? index.passage(event.item.passageId) : undefined;
      if (!passage) return;
      if (event.button === insertButton) {
        picker.hide();
        await insertQuote(index, passage.id);
      } else if (event.button === copyButton) {
        const citation = citationFor(index, passage);
        if (citation) {
          await vscode.env.clipboard.writeText(citation);
          void vscode.window.setStatusBarMessage('Sourcebook: citation copied', 2000);
        }
      }
    });
    picker.onDidHide(() => {
      unsubscribe();
      picker.dispose();
      resolve();
    });
    picker.show();
  });
}

function itemsFor(index: CorpusIndex, query: string): PassageItem[] {
  if (query.trim().length === 0) return topTopicItems(index);
  let hits: ResolvedSearchHit[] = [];
  try {
    hits = index.search(query, resultLimit, { asYouType: true });
  } catch (error) {
    return [{ label: 'The search failed on this query', detail: error instanceof Error ? error.message : String(error), alwaysShow: true }];
  }
  if (hits.length === 0) {
    const closest = index.passageCount() > 0 ? index.topics().lookup(query, 5).map((match) => match.topic) : [];
    return [
      { label: `No passage matches “${sanitiseLabel(neutraliseThemeIcons(query), 60)}”`, detail: closest.length ? 'Closest topics:' : 'Try fewer words or another spelling.', alwaysShow: true },
      ...closest.map((topic) => topicItem(topic)),
    ];
  }
  return hits.map((hit) => ({
    label: neutraliseThemeIcons(sanitiseLabel(hit.snippet.text, 160)),
    detail: neutraliseThemeIcons(sanitiseLabel(sourceLine([`${sourceLine([hit.article.meta.outlet ?? 'Unknown outlet', hit.article.meta.date])} — ${hit.article.meta.title}`, pageLabel(hit.passage.page)]), 160)),
    ...(hit.transliterated ? { description: 'transliterated' } : {}),
    passageId: hit.passage.id,
    alwaysShow: true,
    buttons: [insertButton, copyButton],
  }));
}

function topTopicItems(index: CorpusIndex): PassageItem[] {
  if (index.passageCount() === 0) return [{ label: 'No sources indexed yet', detail: 'Add a source folder, or wait for indexing to finish.', alwaysShow: true }];
  const topics = [...index.topics().topics()]
    .sort((a, b) => b.articleIds.length - a.articleIds.length || b.mentions.length - a.mentions.length)
    .slice(0, emptyQueryTopics);
  return [{ label: 'Topics in most sources', kind: vscode.QuickPickItemKind.Separator }, ...topics.map((topic) => topicItem(topic))];
}

function topicItem(topic: Topic): PassageItem {
  return {
    label: `$(tag) ${neutraliseThemeIcons(sanitiseLabel(topic.name, 80))}`,
    description: `${topic.articleIds.length} sources · ${topic.mentions.length} mentions`,
    topicName: topic.name,
    alwaysShow: true,
  };
}

function initialQueryFromEditor(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return '';
  if (!editor.selection.isEmpty) return editor.document.getText(editor.selection).replace(/\s+/g, ' ').trim().slice(0, 200);
  const cursor = editor.selection.active;
  const line = editor.document.lineAt(cursor.line).text;
  const term = termRangeAt(line, cursor.character);
  return term ? line.slice(term.start, term.end) : '';
}

/** "Sourcebook: Search Sources" (a query may come from a keybinding's arguments; it is capped). */
export const searchSourcesCommand: CommandDefinition = {
  id: CommandIds.search,
  title: 'Search Sources',
  run: ({ index, opener, turns }, query) => searchSources(index, opener, typeof query === 'string' ? query.slice(0, 500) : undefined, () => turns.noteInteraction()),
};
