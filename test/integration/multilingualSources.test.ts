/**
 * Issue 16, language as metadata and right-to-left text, in a real VS Code (node host and
 * web-worker host): the Universal Declaration of Human Rights in six languages
 * (test/fixtures/multilingual), some declaring their language and some not. Search Sources finds
 * each language's file, `lang:ru` keeps only the Russian one, the Articles view's tooltip names
 * the Russian file's language (detected by franc-min in the engine's worker), and Arabic text is
 * isolated for the bidi algorithm wherever a writer sees it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import { searchItems } from '../../src/commands/searchSources';
import { activateSourcebook, nodeFs, waitFor, workspaceFolder, writeWorkspaceFile } from './sourcebookTestKit';

const corpusFolder = 'multilingual-sources';
const config = () => vscode.workspace.getConfiguration('sourcebook');
const fixtureFiles = ['zh-udhr.html', 'ja-udhr.html', 'ru-udhr.html', 'ar-udhr.html', 'hi-udhr.md', 'en-udhr.html'] as const;
const FSI = '\u2068';
const PDI = '\u2069';
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A fixture's text: read from the repository in the node host; bundled as text (scripts/webHost.mjs) in the web-worker host. */
function fixtureText(file: (typeof fixtureFiles)[number]): string {
  const fs = nodeFs();
  if (fs) return fs.readFileSync(require('path').join(__dirname, '..', '..', '..', 'test', 'fixtures', 'multilingual', file) as string, 'utf8');
  const bundled: Record<(typeof fixtureFiles)[number], () => string> = {
    'zh-udhr.html': () => require('../fixtures/multilingual/zh-udhr.html'),
    'ja-udhr.html': () => require('../fixtures/multilingual/ja-udhr.html'),
    'ru-udhr.html': () => require('../fixtures/multilingual/ru-udhr.html'),
    'ar-udhr.html': () => require('../fixtures/multilingual/ar-udhr.html'),
    'hi-udhr.md': () => require('../fixtures/multilingual/hi-udhr.md'),
    'en-udhr.html': () => require('../fixtures/multilingual/en-udhr.html'),
  };
  return bundled[file]();
}

const fileOf = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

/** A tooltip's text as the writer reads it: markdown escapes and line-break spaces gone. */
function shownText(tooltip: string | vscode.MarkdownString | undefined): string {
  const markdown = tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip ?? '');
  return markdown.replace(/\\(.)/g, '$1').replace(/ +$/gm, '');
}

/** Only our isolates: one FSI at the start and one PDI at the end of the piece, or none at all. */
function isolatedOnce(text: string): boolean {
  const controls = text.match(bidiControls) ?? [];
  return controls.length === 2 && text.startsWith(FSI) && text.endsWith(PDI);
}

suite('Sources in six languages: language metadata, lang: filter, right-to-left text', function () {
  this.timeout(120_000);
  let api: SourcebookApi;

  suiteSetup(async function () {
    api = await activateSourcebook();
    for (const file of fixtureFiles) await writeWorkspaceFile(`${corpusFolder}/${file}`, fixtureText(file));
    await config().update('corpus.paths', [corpusFolder], vscode.ConfigurationTarget.Workspace);
    await waitFor('the six sources to load', () => api.loadSummary()?.usingBundled === false && api.index.articles().length === fixtureFiles.length, 60_000);
  });

  suiteTeardown(async function () {
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, corpusFolder), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await waitFor('the bundled corpus to come back', () => api.loadSummary()?.usingBundled === true && api.index.articles().length === 5, 60_000);
  });

  test('every file has its language, declared or detected', () => {
    const languages = api.index
      .articles()
      .map((article) => `${fileOf(article.sourceUri)} ${article.meta.language} ${article.meta.languageSource}`)
      .sort();
    assert.deepEqual(languages, [
      'ar-udhr.html ar detected',
      'en-udhr.html en declared',
      'hi-udhr.md hi declared',
      'ja-udhr.html ja detected',
      'ru-udhr.html ru detected',
      'zh-udhr.html zh declared',
    ]);
  });

  for (const [language, query, file] of [
    ['Chinese', '兄弟关系', 'zh-udhr.html'],
    ['Japanese', '同胞の精神', 'ja-udhr.html'],
    ['Russian', 'неприкосновенность', 'ru-udhr.html'],
    ['Hindi', 'स्वतन्त्रता', 'hi-udhr.md'],
    ['Arabic', 'الكرامة', 'ar-udhr.html'],
  ] as const) {
    test(`a search in ${language} (${query}) finds ${file} in the top three`, () => {
      const top = api.index.search(query, 3).map((hit) => fileOf(hit.article.sourceUri));
      assert.ok(top.includes(file), `${query}: ${JSON.stringify(top)}`);
    });
  }

  test('lang:ru keeps only the Russian file\'s passages', () => {
    const all = api.index.search('lang:ru', 50);
    assert.ok(all.length >= 5, `${all.length} passages`);
    assert.deepEqual([...new Set(all.map((hit) => fileOf(hit.article.sourceUri)))], ['ru-udhr.html']);
    const freedom = api.index.search('lang:ru свободу', 50);
    assert.ok(freedom.length > 0);
    assert.deepEqual([...new Set(freedom.map((hit) => fileOf(hit.article.sourceUri)))], ['ru-udhr.html']);
    assert.deepEqual(api.index.search('lang:ru brotherhood', 50), []);
  });

  test('Search Sources says when lang: names no source\'s language, and which languages there are', () => {
    const [item] = searchItems(api.index, 'lang:ko 자유');
    assert.equal(item.label, 'No source is in Korean');
    assert.match(item.detail ?? '', /Russian \(lang:ru, 1\)/);
    assert.match(item.detail ?? '', /Arabic \(lang:ar, 1\)/);
  });

  test('the Articles tree tooltip of the Russian file names its language', () => {
    const articleNodes = api.articlesTree.getChildren().flatMap((group) => api.articlesTree.getChildren(group));
    const russian = articleNodes.find((node) => 'article' in node && fileOf(node.article.sourceUri) === 'ru-udhr.html');
    assert.ok(russian, 'the Russian file is in the Articles view');
    const tooltip = api.articlesTree.getTreeItem(russian).tooltip;
    assert.match(shownText(tooltip), /^Language: Russian \(detected\)$/m);
    const chinese = articleNodes.find((node) => 'article' in node && fileOf(node.article.sourceUri) === 'zh-udhr.html')!;
    assert.match(shownText(api.articlesTree.getTreeItem(chinese).tooltip), /^Language: Chinese \(declared\)$/m);
  });

  test('an Arabic passage in Search Sources is isolated, apart from its outlet and title', () => {
    const items = searchItems(api.index, 'الكرامة');
    const arabic = items.find((item) => item.passageId && api.index.passage(item.passageId)?.text.includes('الكرامة'));
    assert.ok(arabic, JSON.stringify(items.map((item) => item.label)));
    assert.ok(isolatedOnce(arabic.label), `the label is one isolate: ${JSON.stringify(arabic.label)}`);
    // "الأمم المتحدة, 1948-12-10 — الإعلان …": the outlet and the title are each isolated, the date and the dash are not inside either.
    const detail = arabic.detail ?? '';
    assert.equal(detail, `${FSI}الأمم المتحدة${PDI}, 1948-12-10 — ${FSI}الإعلان العالمي لحقوق الإنسان (مقتطفات)${PDI}`);
  });

  test('the Arabic file\'s rows in the Articles view are isolated; the Russian file\'s are not touched', () => {
    const articleNodes = api.articlesTree.getChildren().flatMap((group) => api.articlesTree.getChildren(group));
    const arabic = articleNodes.find((node) => 'article' in node && fileOf(node.article.sourceUri) === 'ar-udhr.html')!;
    const label = api.articlesTree.getTreeItem(arabic).label;
    assert.ok(isolatedOnce(typeof label === 'string' ? label : label?.label ?? ''), JSON.stringify(label));
    const passageLabels = api.articlesTree.getChildren(arabic).map((node) => api.articlesTree.getTreeItem(node).label as string);
    assert.ok(passageLabels.length > 0 && passageLabels.every(isolatedOnce), JSON.stringify(passageLabels));
    const russian = articleNodes.find((node) => 'article' in node && fileOf(node.article.sourceUri) === 'ru-udhr.html')!;
    assert.doesNotMatch(String(api.articlesTree.getTreeItem(russian).label), bidiControls);
  });
});
