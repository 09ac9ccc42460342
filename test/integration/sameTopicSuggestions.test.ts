/**
 * "Possibly the same" in the Topics view, in a real VS Code: the suggested pairs with their
 * evidence, Accept writing the alias to .sourcebook/topics.json (after which the tree and the
 * hover treat the two as one topic), and Dismiss remembered across a reindex.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import type { TopicTreeNode } from '../../src/views/topicsTree';
import { activateSourcebook, hoverMarkdownAt, openDraft, waitFor, workspaceFolder, writeWorkspaceFile } from './sourcebookTestKit';

const folder = 'suggest-sources';

interface Row {
  node: TopicTreeNode;
  label: string;
  description: string;
  tooltip: string;
  contextValue: string;
}

async function rows(api: SourcebookApi, parent?: TopicTreeNode): Promise<Row[]> {
  const children = (await api.topicsTree.getChildren(parent)) ?? [];
  return Promise.all(
    children.map(async (node) => {
      const item = await api.topicsTree.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value ?? '';
      return { node, label, description: String(item.description ?? ''), tooltip, contextValue: item.contextValue ?? '' };
    }),
  );
}

async function suggestionRows(api: SourcebookApi): Promise<Row[]> {
  const group = (await rows(api)).find((row) => row.label === 'Possibly the same');
  return group ? rows(api, group.node) : [];
}

async function topicNames(api: SourcebookApi): Promise<string[]> {
  const names: string[] = [];
  for (const kind of await rows(api)) if (kind.contextValue === 'kind') names.push(...(await rows(api, kind.node)).map((row) => row.label));
  return names;
}

async function aliasFileText(): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceFolder().uri, '.sourcebook/topics.json')));
}

suite('Possibly the same: suggestions a writer can accept', () => {
  let api: SourcebookApi;
  const config = () => vscode.workspace.getConfiguration('sourcebook');

  suiteSetup(async function () {
    this.timeout(120_000);
    api = await activateSourcebook();
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, '.sourcebook'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    // Two notes that name the German chancellor two ways: a second suggestion, to dismiss.
    await writeWorkspaceFile(`${folder}/berlin.md`, '---\ntitle: Berlin notes\noutlet: Field Notes\n---\n\nGerman Chancellor Olaf Scholz met Vladimir Putin in Moscow.\n\nOlaf Scholz said the talks on the S-400 were useful.\n');
    await writeWorkspaceFile(`${folder}/moscow.md`, '---\ntitle: Moscow notes\noutlet: Wire Copy\n---\n\nGerman Chancellor Olaf Sholts met Vladimir Putin in the Kremlin.\n\nOlaf Sholts said the talks on the S-400 were long.\n');
    await config().update('corpus.includeBundled', true, vscode.ConfigurationTarget.Workspace);
    await config().update('corpus.paths', [folder], vscode.ConfigurationTarget.Workspace);
    await waitFor('the bundled corpus and the two notes', () => api.index.articles().length === 7, 60_000);
    await api.ready();
    await waitFor('both suggestions', async () => (await suggestionRows(api)).length === 2, 30_000);
  });

  suiteTeardown(async function () {
    this.timeout(120_000);
    // Emptied before it is deleted: a file deleted with its folder may reach the watcher late.
    await writeWorkspaceFile('.sourcebook/topics.json', '{ "version": 1, "topics": [] }\n');
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('corpus.includeBundled', undefined, vscode.ConfigurationTarget.Workspace);
    for (const path of [folder, '.sourcebook/topics.json', '.sourcebook']) {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, path), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
    await waitFor('the bundled corpus alone', () => api.index.articles().length === 5, 60_000);
    await waitFor('the bundled topics again', () => api.index.topics().topics().some((topic) => topic.name === 'Su Jiesheng'), 60_000);
    await api.ready();
  });

  test('the group lists Su Jiesheng ↔ S. Jaishankar with its evidence, and nothing is merged', async () => {
    const found = (await suggestionRows(api)).find((row) => row.label === 'Su Jiesheng ↔ S. Jaishankar');
    assert.ok(found, (await suggestionRows(api)).map((row) => row.label).join('; '));
    assert.equal(found.contextValue, 'sameTopicSuggestion');
    assert.equal(found.description, 'same role: foreign minister of India · in YCPress and 003');
    for (const line of ['same role: foreign minister of India', 'names sound alike: Su Jiesheng / S. Jaishankar', '“Su Jiesheng” in YCPress · “S. Jaishankar” in 003']) {
      assert.ok(found.tooltip.includes(line), `"${line}" not in the tooltip:\n${found.tooltip}`);
    }
    const names = await topicNames(api);
    assert.ok(names.includes('Su Jiesheng') && names.includes('S. Jaishankar'), 'two topics until the writer accepts');
  });

  test('Dismiss writes "notSame" to .sourcebook/topics.json; the pair is gone, and stays gone after a reindex', async () => {
    const scholz = (await suggestionRows(api)).find((row) => row.label === 'Olaf Sholts ↔ Olaf Scholz');
    assert.ok(scholz, (await suggestionRows(api)).map((row) => row.label).join('; '));
    assert.ok(scholz.tooltip.includes('same role: chancellor of Germany'), scholz.tooltip);
    assert.equal(await vscode.commands.executeCommand('sourcebook.dismissSuggestion', scholz.node), true);
    assert.deepEqual(JSON.parse(await aliasFileText()).notSame, [['Olaf Sholts', 'Olaf Scholz']]);
    await waitFor('the dismissed pair to leave the view', async () => !(await suggestionRows(api)).some((row) => row.label.includes('Sholts')));
    await vscode.commands.executeCommand('sourcebook.reindex');
    await api.ready();
    const after = await api.topicsTree.suggestions();
    assert.deepEqual(after.map((suggestion) => `${suggestion.other.name} ↔ ${suggestion.keep.name}`), ['Su Jiesheng ↔ S. Jaishankar']);
    const shown = await waitFor('the view to list the suggestions again', async () => {
      const labels = (await suggestionRows(api)).map((row) => row.label);
      return labels.length > 0 ? labels : undefined;
    });
    assert.deepEqual(shown, ['Su Jiesheng ↔ S. Jaishankar']);
    const names = await topicNames(api);
    assert.ok(names.includes('Olaf Sholts') && names.includes('Olaf Scholz'), 'dismissing merges nothing and hides nothing');
  });

  test('Accept writes the alias; the Topics view then shows one topic and the hover on "Su Jiesheng" shows the Jaishankar passages', async () => {
    const jaishankar = (await suggestionRows(api)).find((row) => row.label === 'Su Jiesheng ↔ S. Jaishankar');
    assert.ok(jaishankar);
    assert.equal(await vscode.commands.executeCommand('sourcebook.acceptSuggestion', jaishankar.node), true);
    const written = JSON.parse(await aliasFileText()) as { topics: Array<{ name: string; aliases?: string[] }>; notSame: unknown };
    assert.deepEqual(written.topics, [{ name: 'S. Jaishankar', aliases: ['Su Jiesheng'] }]);
    assert.deepEqual(written.notSame, [['Olaf Sholts', 'Olaf Scholz']], 'the dismissal is kept');
    await waitFor('one topic in the view', async () => {
      const names = await topicNames(api);
      return names.includes('S. Jaishankar') && !names.includes('Su Jiesheng');
    }, 30_000);
    assert.deepEqual(await api.topicsTree.suggestions(), [], 'nothing left to suggest');
    assert.ok(!(await rows(api)).some((row) => row.label === 'Possibly the same'), 'no empty group');
    const line = 'Lavrov met Su Jiesheng in New Delhi.';
    const draft = await openDraft(line);
    const markdown = await waitFor('the hover to show the merged topic', async () => {
      const hover = await hoverMarkdownAt(draft, new vscode.Position(0, line.indexOf('Jiesheng')));
      return hover?.startsWith('**S\\. Jaishankar**') ? hover : undefined;
    });
    assert.match(markdown, /passages? in 2 sources/, markdown.slice(0, 300));
    assert.ok(markdown.includes('*YCPress'), `no YCPress passage: ${markdown}`);
    assert.ok(markdown.includes('Jaishankar'), `no passage naming Jaishankar: ${markdown}`);
  });
});
