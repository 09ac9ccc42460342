/**
 * Restricted Mode (an untrusted workspace): Sourcebook still reads and shows the sources, and the
 * settings that widen its reach (sourcebook.corpus.paths, sourcebook.corpus.followSymlinks) are
 * ignored. Runs in the harness's run without --disable-workspace-trust; skipped when trusted.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import { activateSourcebook, hoverMarkdownAt, openDraft, workspaceFolder, writeWorkspaceFile } from './sourcebookTestKit';

suite('Restricted Mode', () => {
  let api: SourcebookApi;

  suiteSetup(async function () {
    if (vscode.workspace.isTrusted) this.skip();
    api = await activateSourcebook();
  });

  test('the workspace really is untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('the bundled sources are indexed and listed', async () => {
    assert.equal((await api.articleTitles()).length, 5);
    const groups = await api.articlesTree.getChildren();
    assert.ok(groups && groups.length >= 3, 'the Articles view is empty');
  });

  test('hover cards still answer', async () => {
    const draft = await openDraft('The S-400 and RELOS again.');
    const markdown = await hoverMarkdownAt(draft, new vscode.Position(0, 6));
    assert.ok(markdown?.startsWith('**S\\-400**'), markdown?.slice(0, 80));
  });

  test('a workspace corpus.paths setting is ignored: the bundled corpus stays', async () => {
    await writeWorkspaceFile('restricted-sources/outside.txt', 'Restricted source\n\nThe Zircon hypersonic missile appears only here.\n');
    await writeWorkspaceFile('.vscode/settings.json', JSON.stringify({ 'sourcebook.corpus.paths': ['restricted-sources'], 'sourcebook.corpus.followSymlinks': true }, null, 2));
    // VS Code reads the settings file within moments; nothing Sourcebook does may react to it.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceFolder().uri, '.vscode/settings.json')));
    assert.ok(written.includes('restricted-sources'), 'the workspace settings file holds the setting');
    assert.deepEqual(vscode.workspace.getConfiguration('sourcebook').get('corpus.paths'), [], 'VS Code withholds the restricted setting');
    assert.equal(vscode.workspace.getConfiguration('sourcebook').get('corpus.followSymlinks'), false, 'VS Code withholds followSymlinks too');
    await vscode.commands.executeCommand('sourcebook.reindex');
    await api.ready();
    assert.equal(api.index.articles().length, 5);
    assert.equal(api.index.search('Zircon hypersonic').length, 0, 'the restricted folder was read');
    assert.ok(api.index.articles().every((article) => article.sourceUri.includes('/corpus/')));
  });

  test('a workspace archive.url setting is ignored: the workspace cannot point Sourcebook at an archive', async () => {
    await writeWorkspaceFile('.vscode/settings.json', JSON.stringify({ 'sourcebook.archive.url': 'https://archive.elsewhere.example/' }, null, 2));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceFolder().uri, '.vscode/settings.json')));
    assert.ok(written.includes('archive.elsewhere.example'), 'the workspace settings file holds the setting');
    assert.equal(api.archive.url, undefined, 'Sourcebook reads no archive address from the workspace');
    assert.equal(api.archive.active, false);
    assert.doesNotMatch(api.archiveStatusBar.text, /Archive/, 'no archive item is shown');
  });
});
