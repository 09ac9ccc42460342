/**
 * Issue 16, first slice, in a real VS Code: sources in Chinese and Japanese (no spaces between
 * words) are found by Search Sources, in the node host (Node's ICU) and in the web-worker host
 * (the browser's), which split words with their own `Intl.Segmenter`.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import { activateSourcebook, waitFor, workspaceFolder, writeWorkspaceFile } from './sourcebookTestKit';

const corpusFolder = 'unspaced-sources';
const config = () => vscode.workspace.getConfiguration('sourcebook');
const japaneseRights = '国民は、すべての基本的人権の享有を妨げられない。';
const japaneseSpeech = '集会、結社及び言論、出版その他一切の表現の自由は、これを保障する。';
const chineseSpeech = '中华人民共和国公民有言论、出版、集会、结社、游行、示威的自由。';

suite('Sources in Chinese and Japanese: found by Search Sources', function () {
  this.timeout(120_000);
  let api: SourcebookApi;

  suiteSetup(async function () {
    api = await activateSourcebook();
    await writeWorkspaceFile(`${corpusFolder}/kenpo.txt`, `日本国憲法\n\n${japaneseRights}\n\n${japaneseSpeech}\n`);
    await writeWorkspaceFile(`${corpusFolder}/xianfa.txt`, `中华人民共和国宪法\n\n${chineseSpeech}\n`);
    await config().update('corpus.paths', [corpusFolder], vscode.ConfigurationTarget.Workspace);
    await waitFor('the two sources to load', () => api.loadSummary()?.usingBundled === false && api.index.articles().length === 2, 60_000);
  });

  suiteTeardown(async function () {
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, corpusFolder), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await waitFor('the bundled corpus to come back', () => api.loadSummary()?.usingBundled === true && api.index.articles().length === 5, 60_000);
  });

  test('人権 finds the passage on fundamental human rights (基本的人権), and only it', () => {
    assert.deepEqual(api.index.search('人権').map((hit) => hit.passage.text), [japaneseRights]);
  });

  test('自由 finds freedom of expression in the Japanese source and freedom of speech in the Chinese one', () => {
    const found = new Set(api.index.search('自由').map((hit) => hit.passage.text));
    assert.ok(found.has(japaneseSpeech), JSON.stringify([...found]));
    assert.ok(found.has(chineseSpeech), JSON.stringify([...found]));
  });

  test('a word neither source has finds nothing', () => {
    assert.deepEqual(api.index.search('政府').map((hit) => hit.passage.text), []);
  });
});
