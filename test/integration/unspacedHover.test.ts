/**
 * Issue 16, hover in Chinese text, in a real VS Code: a Chinese source mentions 普京 and the
 * writer's alias file maps 普京 to Vladimir Putin; pointing at 普京 in a Chinese sentence of a
 * draft (no spaces between its words) shows the Putin card citing the Chinese passage. The run of
 * Han characters is cut by `Intl.Segmenter`: Node's ICU in the node host, the browser's in the
 * web-worker host. With no alias, a foreign name the source writes with a middle dot
 * (`安东尼·布林肯`) is a person, and the surname alone (`布林肯`) in the draft points at it; a name
 * followed by its Latin spelling in brackets (`苏杰生（S. Jaishankar）`) is the person an English source
 * names so.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import { activateSourcebook, hoverMarkdownAt, openDraft, waitFor, workspaceFolder, writeWorkspaceFile } from './sourcebookTestKit';

const corpusFolder = 'unspaced-hover-sources';
const config = () => vscode.workspace.getConfiguration('sourcebook');
const summit = '俄罗斯总统普京12月6日访问新德里，与印度总理莫迪举行会谈。';
const capital = '北京市的天气很好。';
/** With no alias: a foreign name as Chinese writes it, parts joined by a middle dot, and the surname alone. */
const statement = '美国国务卿安东尼·布林肯12月6日表示，美国重视与印度的关系。';
const followUp = '布林肯说，双方将继续对话。';
/** A name written the first time with its Latin spelling in brackets, as agencies do, and an English source that spells it so. */
const glossed = '印度外长苏杰生（S. Jaishankar）12月6日表示，两国关系良好。苏杰生说，会谈很成功。';
const glossedJapanese = 'インドのジャイシャンカル(S. Jaishankar)外相は6日、モスクワで会談した。';
const english = 'India’s foreign minister, S. Jaishankar, met his Russian counterpart in Moscow on Monday, and S. Jaishankar said the talks were useful.';

suite('Hover in Chinese text: a topic named in Han, by the alias file or as the sources write a foreign name', function () {
  this.timeout(120_000);
  let api: SourcebookApi;

  suiteSetup(async function () {
    api = await activateSourcebook();
    await writeWorkspaceFile(`${corpusFolder}/xinhua.txt`, `普京访问印度\n\n${summit}\n\n${capital}\n`);
    await writeWorkspaceFile(`${corpusFolder}/chinanews.txt`, `美印关系\n\n${statement}\n\n${followUp}\n`);
    await writeWorkspaceFile(`${corpusFolder}/cctv.txt`, `中印外长会谈\n\n${glossed}\n`);
    await writeWorkspaceFile(`${corpusFolder}/nhk.txt`, `印露外相会談\n\n${glossedJapanese}\n`);
    await writeWorkspaceFile(`${corpusFolder}/reuters.txt`, `Jaishankar in Moscow\n\n${english}\n`);
    await writeWorkspaceFile('.sourcebook/topics.json', JSON.stringify({ version: 1, topics: [{ name: 'Vladimir Putin', aliases: ['普京'] }, { name: 'Beijing', aliases: ['京'] }] }, null, 2));
    await config().update('corpus.paths', [corpusFolder], vscode.ConfigurationTarget.Workspace);
    await waitFor('the Chinese source to load', () => api.loadSummary()?.usingBundled === false && api.index.articles().length === 5, 60_000);
    await waitFor('普京 to be a mention of Vladimir Putin', () => api.index.topics().topics().some((topic) => topic.name === 'Vladimir Putin' && topic.mentions.some((mention) => mention.surface === '普京')), 60_000);
  });

  suiteTeardown(async function () {
    await writeWorkspaceFile('.sourcebook/topics.json', '{ "version": 1, "topics": [] }\n');
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
    for (const path of [corpusFolder, '.sourcebook/topics.json', '.sourcebook']) {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, path), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
    await waitFor('the bundled corpus to come back', () => api.loadSummary()?.usingBundled === true && api.index.articles().length === 5, 60_000);
    await api.ready();
  });

  test('pointing at 普京 in a Chinese sentence shows the Putin card citing the Chinese passage', async () => {
    const draft = await openDraft('普京总统访问印度时，双方签署了多项协议。\n');
    const hover = await waitFor('the hover over 普京', () => hoverMarkdownAt(draft, new vscode.Position(0, 1)), 30_000);
    assert.ok(hover.includes('Vladimir Putin'), hover);
    assert.ok(hover.includes('访问新德里'), hover);
    assert.ok(hover.includes('xinhua') || hover.includes('Xinhua') || hover.includes('普京访问印度'), hover);
  });

  test('with no alias file entry, pointing at 布林肯 finds the person the sources name 安东尼·布林肯, with both passages', async () => {
    await waitFor('安东尼·布林肯 to be a person topic', () => api.index.topics().topics().some((topic) => topic.name === '安东尼·布林肯' && topic.kind === 'person' && topic.mentions.length === 2), 60_000);
    const draft = await openDraft('草稿：布林肯将访问新德里。\n');
    const hover = await waitFor('the hover over 布林肯', () => hoverMarkdownAt(draft, new vscode.Position(0, 4)), 30_000);
    assert.ok(hover.includes('安东尼·布林肯'), hover);
    assert.ok(hover.includes('美国重视与印度的关系'), hover);
    assert.ok(hover.includes('双方将继续对话'), hover);
  });

  test('a name followed by its Latin spelling in brackets is the person an English source names: 苏杰生 and ジャイシャンカル show S. Jaishankar, with all three sources', async () => {
    await waitFor('苏杰生 to be a mention of S. Jaishankar', () => api.index.topics().topics().some((topic) => topic.name === 'S. Jaishankar' && topic.mentions.some((mention) => mention.surface === '苏杰生')), 60_000);
    const chinese = await openDraft('草稿：苏杰生将访问莫斯科。\n');
    // The card's markdown escapes the name's full stop (`S\. Jaishankar`): read as the writer sees it.
    const shown = (markdown: string) => markdown.replace(/\\(.)/g, '$1');
    const hover = shown(await waitFor('the hover over 苏杰生', () => hoverMarkdownAt(chinese, new vscode.Position(0, 4)), 30_000));
    assert.ok(hover.includes('S. Jaishankar'), hover);
    assert.ok(hover.includes('两国关系良好'), hover);
    assert.ok(hover.includes('met his Russian counterpart'), hover);
    assert.ok(hover.includes('モスクワで会談した'), hover);
    const japanese = await openDraft('下書き：ジャイシャンカル外相が来る。\n');
    const card = shown(await waitFor('the hover over ジャイシャンカル', () => hoverMarkdownAt(japanese, new vscode.Position(0, 6)), 30_000));
    assert.ok(card.includes('S. Jaishankar') && card.includes('met his Russian counterpart'), card);
  });

  test('a Han character inside another word gets no card (京 of 北京市)', async () => {
    const draft = await openDraft('北京市的天气很好。\n');
    assert.equal(await hoverMarkdownAt(draft, new vscode.Position(0, 1)), undefined);
  });
});
