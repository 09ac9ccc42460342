/**
 * Issue 16, across scripts, in a real VS Code (node host and web-worker host): with Russian,
 * Arabic and Hebrew sources beside an English one, Search Sources for `Putin` lists the Cyrillic passage after the
 * English one, labelled "transliterated"; a hover on `Putin` or `Lavrov` in a draft shows the
 * Cyrillic passage, labelled; `S-400` finds the Cyrillic `С-400` as written.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import type { TopicTreeNode } from '../../src/views/topicsTree';
import { abjadPassages, arabicBrief, englishNote, englishPassage, hebrewBrief, russianBriefing, russianPassages } from '../fixtures/transliteration/transliterationSources';
import { activateSourcebook, hoverMarkdownAt, openDraft, waitFor, workspaceFolder, writeWorkspaceFile } from './sourcebookTestKit';

const corpusFolder = 'transliteration-sources';
const config = () => vscode.workspace.getConfiguration('sourcebook');

/**
 * Runs `command` with `query` and hands the quick pick it opens, once `ready` says its items are
 * there, to `use`; the pick is hidden afterwards unless `use` accepted it.
 */
async function withQuickPick<R>(command: string, query: string, ready: (items: readonly vscode.QuickPickItem[]) => boolean, use: (pick: vscode.QuickPick<vscode.QuickPickItem>) => Promise<R> | R): Promise<R> {
  // The items are built inside the command; the test sees them by wrapping createQuickPick
  // (the extension and this suite share one vscode API object).
  const window = vscode.window as { createQuickPick: typeof vscode.window.createQuickPick };
  const original = window.createQuickPick;
  const picks: Array<vscode.QuickPick<vscode.QuickPickItem>> = [];
  window.createQuickPick = (<T extends vscode.QuickPickItem>() => {
    const pick = original.call(vscode.window) as vscode.QuickPick<T>;
    picks.push(pick as unknown as vscode.QuickPick<vscode.QuickPickItem>);
    return pick;
  }) as typeof original;
  assert.notEqual(window.createQuickPick, original, 'vscode.window.createQuickPick could not be wrapped');
  try {
    void vscode.commands.executeCommand(command, query);
    const pick = await waitFor(`the quick pick of ${command} for ${query}`, () => picks.find((candidate) => ready(candidate.items)));
    return await use(pick);
  } finally {
    window.createQuickPick = original;
    for (const pick of picks) pick.hide();
  }
}

/** The items of the Search Sources quick pick for `query`, as the writer sees them. */
function searchSourcesItems(query: string, expectedCount: number): Promise<readonly vscode.QuickPickItem[]> {
  return withQuickPick('sourcebook.search', query, (items) => items.length >= expectedCount, (pick) => pick.items);
}

/** A Topics view row as the writer reads it: the label and its description. */
function topicRow(node: TopicTreeNode): string {
  const item = node.toTreeItem();
  const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
  return `${label.replace(/[\u2066-\u2069]/g, '')} | ${String(item.description ?? '')}`;
}

suite('Sources in Russian: a Latin name finds its transliteration', function () {
  this.timeout(120_000);
  let api: SourcebookApi;

  suiteSetup(async function () {
    api = await activateSourcebook();
    await writeWorkspaceFile(`${corpusFolder}/kremlin-briefing.md`, russianBriefing);
    await writeWorkspaceFile(`${corpusFolder}/summit-notes.md`, englishNote);
    await writeWorkspaceFile(`${corpusFolder}/arabic-brief.md`, arabicBrief);
    await writeWorkspaceFile(`${corpusFolder}/hebrew-brief.md`, hebrewBrief);
    await config().update('corpus.paths', [corpusFolder], vscode.ConfigurationTarget.Workspace);
    await waitFor('the four sources to load', () => api.loadSummary()?.usingBundled === false && api.index.articles().length === 4, 60_000);
    await waitFor('the topics of the Russian source', () => api.index.topics().topics().some((topic) => topic.name === 'Сергей Лавров'), 60_000);
  });

  suiteTeardown(async function () {
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, corpusFolder), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await waitFor('the bundled corpus to come back', () => api.loadSummary()?.usingBundled === true && api.index.articles().length === 5, 60_000);
  });

  test('Search Sources for Putin lists the English passage, then the Cyrillic, Arabic and Hebrew ones labelled "transliterated"', async () => {
    const items = await searchSourcesItems('Putin', 4);
    assert.deepEqual(items[0] && [items[0].label, items[0].description ?? ''], [englishPassage, '']);
    assert.deepEqual(new Set(items.slice(1).map((item) => [item.label.replace(/[\u2066-\u2069]/g, ''), item.description ?? ''].join(' | '))), new Set([
      `${russianPassages.putin} | transliterated`,
      `${abjadPassages.arabicPutin} | transliterated`,
      `${abjadPassages.hebrewPutin} | transliterated`,
    ]));
    assert.match(items.find((item) => item.label === russianPassages.putin)?.detail ?? '', /Вестник, 2021-12-07 — Путин и Моди обсудили поставки С-400/);
  });

  test('Lavrov and Moskva find the Cyrillic Лавров and Москва, and the Arabic and Hebrew spellings, labelled', () => {
    const found = (query: string) => new Set(api.index.search(query).map((hit) => `${hit.transliterated} ${hit.passage.text}`));
    assert.deepEqual(found('Lavrov'), new Set([`true ${russianPassages.lavrov}`, `true ${abjadPassages.arabicLavrov}`, `true ${abjadPassages.hebrewLavrov}`]));
    assert.deepEqual(found('Moskva'), new Set([`true ${russianPassages.moscow}`, `true ${abjadPassages.hebrewLavrov}`]), 'Москва, and the Hebrew מוסקבה');
  });

  test('S-400 finds the Cyrillic С-400 as written, not as a transliteration', async () => {
    const items = await searchSourcesItems('S-400', 2);
    assert.deepEqual(new Set(items.map((item) => [item.label, item.description ?? ''].join(' | '))), new Set([`${russianPassages.putin} | `, `${russianPassages.lavrov} | `]));
  });

  test('Go to Topic for Putin lists the Latin topic, then Владимир Путин labelled "transliterated"', async () => {
    const isTransliterated = (item: vscode.QuickPickItem) => (item.description ?? '').startsWith('transliterated · ');
    await withQuickPick('sourcebook.findTopic', 'Putin', (items) => items.some(isTransliterated), async (pick) => {
      assert.equal(pick.value, 'Putin');
      const asWritten = pick.items.filter((item) => !isTransliterated(item));
      const transliterated = pick.items.filter(isTransliterated);
      assert.ok(asWritten.some((item) => item.label === 'Putin'), asWritten.map((item) => item.label).join(', '));
      assert.deepEqual(transliterated.map((item) => [item.label, item.description, item.detail, item.alwaysShow]), [
        ['Владимир Путин', 'transliterated · person · 1 sources · 1 mentions', 'transliterated from “Putin”', true],
      ]);
      assert.equal(pick.items.indexOf(transliterated[0]), pick.items.length - 1, 'after every topic the quick pick matches as written');
    });
  });

  test('Go to Topic for Lavrov, whose topic is written only in Cyrillic, offers Сергей Лавров', async () => {
    const isTransliterated = (item: vscode.QuickPickItem) => (item.description ?? '').startsWith('transliterated · ');
    const offered = await withQuickPick('sourcebook.findTopic', 'Lavrov', (items) => items.some(isTransliterated), (pick) => pick.items.filter(isTransliterated).map((item) => item.label));
    assert.deepEqual(offered, ['Сергей Лавров', 'Лаврова'], 'the whole word first, then the word it begins (the genitive Лаврова, kept as a topic by the extraction)');
  });

  test('the Topics view filtered by Lavrov shows Сергей Лавров, labelled transliterated; by Putin, the Latin topic first', async () => {
    try {
      await vscode.commands.executeCommand('sourcebook.filterTopics', 'Lavrov');
      const people = () => api.topicsTree.getChildren().flatMap((kind) => api.topicsTree.getChildren(kind)).map(topicRow);
      assert.deepEqual(people(), ['Сергей Лавров | transliterated · 1 mention · 1 source', 'Лаврова | transliterated · 1 mention · 1 source']);
      await vscode.commands.executeCommand('sourcebook.filterTopics', 'Putin');
      const rows = people();
      assert.ok(rows.indexOf('Putin | 1 mention · 1 source') >= 0, rows.join('\n'));
      assert.ok(rows.indexOf('Putin | 1 mention · 1 source') < rows.indexOf('Владимир Путин | transliterated · 1 mention · 1 source'), rows.join('\n'));
    } finally {
      await vscode.commands.executeCommand('sourcebook.filterTopics', '');
    }
  });

  test('the hover on Putin in a draft shows the English passage, then the Cyrillic one labelled transliterated', async () => {
    const draft = await openDraft('Putin met Modi in New Delhi.\n\nWe asked Lavrov about it.\n');
    const putin = await hoverMarkdownAt(draft, new vscode.Position(0, 2));
    assert.ok(putin, 'a card on Putin');
    assert.match(putin, /\*\*Putin\*\* — person/);
    assert.ok(putin.includes('arrived in New Delhi'), putin);
    assert.ok(putin.indexOf('arrived in New Delhi') < putin.indexOf('встретился с'), putin);
    assert.match(putin, /встретился с[^]*· transliterated/);

    const lavrov = await hoverMarkdownAt(draft, new vscode.Position(2, 'We asked La'.length));
    assert.ok(lavrov, 'a card on Lavrov, whose only mentions are Cyrillic');
    assert.match(lavrov, /\*\*Сергей Лавров\*\* — person \(transliterated from “Lavrov”\)/);
    assert.ok(lavrov.includes('заявил журналистам'), lavrov);
    assert.match(lavrov, /· transliterated/);
  });
});
