import * as vscode from 'vscode';
import type { CorpusIndex, ResolvedSearchHit } from '../core/corpus/corpusIndex';
import { languageName, languageOfFilter } from '../core/ingest/articleLanguage';
import { isolatedLabel } from '../core/present/bidiIsolation';
import { neutraliseThemeIcons, sanitiseLabel } from '../core/present/markdownEscape';
import { parseSearchQuery } from '../core/search/searchQuery';
import { pageLabel, sourceLine } from '../core/present/pageLabel';
import type { Topic } from '../core/model';
import type { ArchiveSearchHit } from '../core/archive/archiveProtocol';
import { termRangeAt } from '../core/text/termAt';
import type { PassageOpener } from '../host/passageOpener';
import { citationFor, insertQuote } from './insertQuote';
import { CommandIds } from '../contributionIds';
import type { CommandDefinition } from './commandRegistry';

interface PassageItem extends vscode.QuickPickItem {
  kind?: vscode.QuickPickItemKind;
  passageId?: string;
  topicName?: string;
  /** An archive hit: opened and quoted from the archive. */
  archiveArticleId?: string;
}

/** What Search Sources needs of the archive (see `ArchiveSession.search`). */
export interface ArchiveSearch {
  readonly active: boolean;
  search(query: string, limit: number, signal?: AbortSignal, filters?: { outlet?: string; topic?: string }): Promise<ArchiveSearchHit[]>;
}

/** The archive is asked once typing pauses this long (the local results show at once). */
const archiveTypingPauseMs = 250;
const archiveResultLimit = 20;

const insertButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('quote'), tooltip: vscode.l10n.t('Insert quote with citation') };
const copyButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy citation') };
const resultLimit = 50;
const emptyQueryTopics = 12;

/**
 * "Sourcebook: Search Sources": a quick pick over every passage, ranked by the core index,
 * re-run on every keystroke (the core answers in milliseconds, so results are never stale),
 * and refreshed if the index changes while it is open.
 */
export function searchSources(index: CorpusIndex, opener: PassageOpener, initialQuery?: string, onKeystroke: () => void = () => undefined, archive?: ArchiveSearch): Promise<void> {
  const picker = vscode.window.createQuickPick<PassageItem>();
  picker.title = vscode.l10n.t('Sourcebook: Search Sources');
  picker.placeholder = vscode.l10n.t('Search passages — "exact phrase", outlet:name, topic:S-400, lang:ru');
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  picker.value = initialQuery ?? initialQueryFromEditor();
  let archiveItems: { query: string; items: PassageItem[] } = { query: '', items: [] };
  let archiveRequest: AbortController | undefined;
  let archiveTimer: ReturnType<typeof setTimeout> | undefined;
  const show = () => {
    picker.items = mergeArchiveItems(itemsFor(index, picker.value), archiveItems.query === picker.value ? archiveItems.items : []);
  };
  // Archive hits come after the local ones once the archive answers; an answer to an older query is dropped.
  const askArchive = () => {
    clearTimeout(archiveTimer);
    archiveRequest?.abort();
    const query = picker.value;
    if (!archive?.active || query.trim().length === 0) return;
    archiveTimer = setTimeout(() => {
      const request = new AbortController();
      archiveRequest = request;
      picker.busy = true;
      const { words, filters } = archiveQueryOf(query);
      void archive.search(words, archiveResultLimit, request.signal, filters).then((hits) => {
        if (request.signal.aborted || picker.value !== query) return;
        picker.busy = false;
        archiveItems = { query, items: archiveHitItems(hits) };
        show();
      });
    }, archiveTypingPauseMs);
  };
  const update = () => {
    show();
    askArchive();
  };
  const unsubscribe = index.onDidChange(show);
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
      if (item.passageId && item.archiveArticleId) {
        picker.hide();
        await vscode.commands.executeCommand(CommandIds.openArchivePassage, item.passageId, item.archiveArticleId);
      } else if (item.passageId) {
        picker.hide();
        await opener.open(item.passageId);
      }
    });
    picker.onDidTriggerItemButton(async (event) => {
      if (event.item.archiveArticleId) {
        picker.hide();
        await vscode.commands.executeCommand(CommandIds.insertArchiveQuote, event.item.passageId, event.item.archiveArticleId);
        return;
      }
      const passage = event.item.passageId ? index.passage(event.item.passageId) : undefined;
      if (!passage) return;
      if (event.button === insertButton) {
        picker.hide();
        await insertQuote(index, passage.id);
      } else if (event.button === copyButton) {
        const citation = citationFor(index, passage);
        if (citation) {
          await vscode.env.clipboard.writeText(citation);
          void vscode.window.setStatusBarMessage(vscode.l10n.t('Sourcebook: citation copied'), 2000);
        }
      }
    });
    picker.onDidHide(() => {
      clearTimeout(archiveTimer);
      archiveRequest?.abort();
      unsubscribe();
      picker.dispose();
      resolve();
    });
    picker.show();
  });
}

/** What Search Sources needs of the index to list its items. */
export type SearchableCorpus = Pick<CorpusIndex, 'search' | 'passageCount' | 'topics' | 'languages'>;

/** The quick pick's items for a query, as the writer sees them (exported for the integration tests). */
export function searchItems(index: SearchableCorpus, query: string): PassageItem[] {
  return itemsFor(index, query);
}

function itemsFor(index: SearchableCorpus, query: string): PassageItem[] {
  if (query.trim().length === 0) return topTopicItems(index);
  let hits: ResolvedSearchHit[] = [];
  try {
    hits = index.search(query, resultLimit, { asYouType: true });
  } catch (error) {
    return [{ label: vscode.l10n.t('The search failed on this query'), detail: error instanceof Error ? error.message : String(error), alwaysShow: true }];
  }
  if (hits.length === 0) {
    const unknownLanguage = languageNamedByNoSource(index, query);
    if (unknownLanguage) return [unknownLanguage];
    const closest = index.passageCount() > 0 ? index.topics().lookup(query, 5).map((match) => match.topic) : [];
    return [
      { label: vscode.l10n.t('No passage matches “{0}”', neutraliseThemeIcons(isolatedLabel(query, 60))), detail: closest.length ? vscode.l10n.t('Closest topics:') : vscode.l10n.t('Try fewer words or another spelling.'), alwaysShow: true },
      ...closest.map((topic) => topicItem(topic)),
    ];
  }
  return hits.map((hit) => ({
    label: neutraliseThemeIcons(isolatedLabel(hit.snippet.text, 160)),
    detail: neutraliseThemeIcons(sourceDetail(hit)),
    ...(hit.transliterated ? { description: vscode.l10n.t('transliterated') } : {}),
    passageId: hit.passage.id,
    alwaysShow: true,
    buttons: [insertButton, copyButton],
  }));
}

/** The items with the archive's after the local ones; a local "no passage matches" gives way to archive hits. */
function mergeArchiveItems(local: PassageItem[], archive: PassageItem[]): PassageItem[] {
  if (archive.length === 0) return local;
  return [...local.filter((item) => item.passageId || item.topicName || item.kind === vscode.QuickPickItemKind.Separator), ...archive];
}

/** The quick pick's items for a query once the archive has answered, as the writer sees them (exported for the integration tests). */
export async function searchItemsWithArchive(index: SearchableCorpus, archive: ArchiveSearch, query: string): Promise<PassageItem[]> {
  const { words, filters } = archiveQueryOf(query);
  const hits = archive.active ? await archive.search(words, archiveResultLimit, undefined, filters) : [];
  return mergeArchiveItems(itemsFor(index, query), archiveHitItems(hits));
}

/** The archive's items: a separator, then each hit labelled "Archive", with its source line. */
function archiveHitItems(hits: readonly ArchiveSearchHit[]): PassageItem[] {
  if (hits.length === 0) return [];
  return [
    { label: vscode.l10n.t('Archive'), kind: vscode.QuickPickItemKind.Separator },
    ...hits.map((hit) => ({
      label: neutraliseThemeIcons(isolatedLabel(hit.snippet.text, 160)),
      description: vscode.l10n.t('Archive'),
      detail: neutraliseThemeIcons(sourceLine([`${sourceLine([isolatedLabel(hit.outlet ?? vscode.l10n.t('Unknown outlet'), 50), hit.date ? sanitiseLabel(hit.date, 20) : undefined])} — ${isolatedLabel(hit.articleTitle, 100)}`, pageLabel(hit.page)])),
      passageId: hit.passageId,
      archiveArticleId: hit.articleId,
      alwaysShow: true,
      buttons: [insertButton],
    })),
  ];
}

/** The query as the archive takes it: free words and quoted phrases, and `outlet:` and `topic:` as filters (`lang:` is local only). */
function archiveQueryOf(query: string): { words: string; filters: { outlet?: string; topic?: string } } {
  const parsed = parseSearchQuery(query);
  return {
    words: [...parsed.terms, ...parsed.phrases.map((phrase) => `"${phrase}"`)].join(' '),
    filters: { ...(parsed.outlet ? { outlet: parsed.outlet } : {}), ...(parsed.topic ? { topic: parsed.topic } : {}) },
  };
}

/**
 * The source line of a result, each piece of source text isolated on its own so that an Arabic
 * outlet or title cannot pull the date or the page into its run: `outlet, date — title, p. 12`.
 */
function sourceDetail(hit: ResolvedSearchHit): string {
  const { meta } = hit.article;
  const outlet = isolatedLabel(meta.outlet ?? vscode.l10n.t('Unknown outlet'), 50);
  const date = meta.date ? sanitiseLabel(meta.date, 20) : undefined;
  return sourceLine([`${sourceLine([outlet, date])} — ${isolatedLabel(meta.title, 100)}`, pageLabel(hit.passage.page)]);
}

/**
 * The item that says a `lang:` filter names no source's language ("No source is in Korean"),
 * with the languages there are; undefined when the query has no such filter or some source is
 * in that language.
 */
function languageNamedByNoSource(index: SearchableCorpus, query: string): PassageItem | undefined {
  const wanted = parseSearchQuery(query).language;
  if (wanted === undefined) return undefined;
  const languages = index.languages();
  const code = languageOfFilter(wanted, languages.map((entry) => entry.language));
  if (code !== undefined && languages.some((entry) => entry.language === code)) return undefined;
  const known = languages.map((entry) => `${languageName(entry.language)} (lang:${entry.language}, ${entry.articles})`).join(', ');
  return {
    label: code ? vscode.l10n.t('No source is in {0}', languageName(code)) : vscode.l10n.t('lang:{0} names no language', sanitiseLabel(neutraliseThemeIcons(wanted), 40)),
    detail: known ? vscode.l10n.t('Languages of your sources: {0}', known) : vscode.l10n.t('No source has a known language yet.'),
    alwaysShow: true,
  };
}

function topTopicItems(index: SearchableCorpus): PassageItem[] {
  if (index.passageCount() === 0) return [{ label: vscode.l10n.t('No sources indexed yet'), detail: vscode.l10n.t('Add a source folder, or wait for indexing to finish.'), alwaysShow: true }];
  const topics = [...index.topics().topics()]
    .sort((a, b) => b.articleIds.length - a.articleIds.length || b.mentions.length - a.mentions.length)
    .slice(0, emptyQueryTopics);
  return [{ label: vscode.l10n.t('Topics in most sources'), kind: vscode.QuickPickItemKind.Separator }, ...topics.map((topic) => topicItem(topic))];
}

function topicItem(topic: Topic): PassageItem {
  return {
    label: `$(tag) ${neutraliseThemeIcons(sanitiseLabel(topic.name, 80))}`,
    description: vscode.l10n.t('{0} sources · {1} mentions', topic.articleIds.length, topic.mentions.length),
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
  title: vscode.l10n.t('Search Sources'),
  run: ({ index, opener, turns, archive }, query) => searchSources(index, opener, typeof query === 'string' ? query.slice(0, 500) : undefined, () => turns.noteInteraction(), archive),
};
