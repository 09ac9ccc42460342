/**
 * The sidebar and the writer's own sources, in a real VS Code: the trees show what the sources
 * hold, the corpus follows the setting and the files as they change, the alias file applies
 * live, and hostile article text stays inert in the hover.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CorpusIndex, type CorpusView } from '../../src/core/corpus/corpusIndex';
import type { SourcebookApi } from '../../src/extension';
import { activateSourcebook, hoverMarkdownAt, openDraft, waitFor, workspaceFolder, writeWorkspaceFile } from './sourcebookTestKit';

async function treeLabels<T>(provider: vscode.TreeDataProvider<T>, parent?: T): Promise<Array<{ node: T; label: string; description: string }>> {
  const children = (await provider.getChildren(parent)) ?? [];
  return Promise.all(
    children.map(async (node) => {
      const item = await provider.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      return { node, label, description: String(item.description ?? '') };
    }),
  );
}

async function topicRow(api: SourcebookApi, name: string) {
  for (const kind of await treeLabels(api.topicsTree)) {
    const found = (await treeLabels(api.topicsTree, kind.node)).find((row) => row.label === name);
    if (found) return { ...found, kind: kind.label };
  }
  return undefined;
}

suite('Sidebar trees on the bundled corpus', () => {
  let api: SourcebookApi;
  suiteSetup(async () => {
    api = await activateSourcebook();
  });

  test('the warm-start cache is written to the extension storage and restores the same articles and search results', async () => {
    await api.ready();
    const written = await api.cache.save();
    assert.ok(written > 1000, `the cache save wrote ${written} bytes`);
    const uri = api.cache.cacheUri;
    assert.ok(uri, 'no storage folder for the cache');
    const data = await vscode.workspace.fs.readFile(uri);
    assert.equal(data.length, written);
    const restored = new CorpusIndex();
    assert.deepEqual(restored.restore(data), { ok: true });
    const titles = (index: CorpusView) => index.articles().map((article) => article.meta.title).sort();
    assert.deepEqual(titles(restored), titles(api.index));
    const hits = (index: CorpusView) => index.search('S-400 air defence').map((hit) => `${hit.article.meta.outlet ?? '?'}: ${hit.passage.text}`);
    assert.deepEqual(hits(restored), hits(api.index));
    assert.ok(hits(restored).some((hit) => hit.includes('S-400')), hits(restored).join('\n'));
  });

  test('Topics view shows S-400 under weapons and systems with its 5 sources', async () => {
    const row = await topicRow(api, 'S-400');
    assert.ok(row, 'no S-400 in the Topics view');
    assert.equal(row.kind, 'Weapons and systems');
    assert.match(row.description, /^\d+ mentions · 5 sources$/);
    const articles = await treeLabels(api.topicsTree, row.node);
    assert.equal(articles.length, 5);
    const spellings = articles.map((article) => article.description).join(' ');
    for (const spelling of ['“S400”', '“S 400”', '“S-400”']) assert.ok(spellings.includes(spelling), `${spelling} not shown in ${spellings}`);
    const mentions = await treeLabels(api.topicsTree, articles[0].node);
    assert.ok(mentions.length > 0 && mentions.every((mention) => /S.?400/.test(mention.label)), JSON.stringify(mentions.map((m) => m.label)));
  });

  test('Articles view groups by outlet and expands to passages', async () => {
    const groups = await treeLabels(api.articlesTree);
    const labels = groups.map((group) => group.label);
    for (const outlet of ['Associated Press', 'RFI', 'YCPress', 'Unknown outlet']) assert.ok(labels.includes(outlet), `${outlet} missing from ${labels}`);
    assert.equal(labels[labels.length - 1], 'Unknown outlet');
    const rfi = groups.find((group) => group.label === 'RFI');
    assert.ok(rfi);
    const [article] = await treeLabels(api.articlesTree, rfi.node);
    assert.equal(article.label, 'Vladimir Putin in India to strengthen ties and maintain a balance');
    const passages = await treeLabels(api.articlesTree, article.node);
    assert.ok(passages.some((passage) => passage.label.startsWith('Vladimir Putin was absent from the G20 and Cop 26')), passages.map((p) => p.label).join('\n'));
    assert.ok(!passages.some((passage) => /^(Advertising|Read more|I subscribe)$/.test(passage.label)), 'web cruft is not a passage');
  });
});

suite('Your own sources', () => {
  let api: SourcebookApi;
  const config = () => vscode.workspace.getConfiguration('sourcebook');

  suiteSetup(async () => {
    api = await activateSourcebook();
    await writeWorkspaceFile('sources/summit.md', '---\ntitle: Summit notes\noutlet: Field Notes\ndate: 2021-12-07\n---\n\nThe S-400 deliveries began in December.\n\nA second paragraph about Ladakh.\n');
    await writeWorkspaceFile('sources/windows.txt', 'Windows line endings\r\n\r\nFirst paragraph here.\r\n\r\nThe second paragraph mentions the Zircon missile.\r\n');
    await config().update('corpus.paths', ['sources'], vscode.ConfigurationTarget.Workspace);
    await waitFor('the corpus to switch to the fixture folder', () => api.index.articles().length === 2 && api.index.articles().every((article) => !article.sourceUri.includes('/corpus/')));
  });

  suiteTeardown(async () => {
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, 'sources'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, '.sourcebook'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await waitFor('the bundled corpus to come back', () => api.index.articles().length === 5, 30_000);
    await api.ready();
  });

  test('the tree shows the folder given in sourcebook.corpus.paths, with front-matter metadata', async () => {
    const groups = await treeLabels(api.articlesTree);
    const fieldNotes = groups.find((group) => group.label === 'Field Notes');
    assert.ok(fieldNotes, groups.map((group) => group.label).join(', '));
    const [article] = await treeLabels(api.articlesTree, fieldNotes.node);
    assert.equal(article.label, 'Summit notes');
    assert.equal(article.description, '2021-12-07 · Field Notes');
  });

  test('editing, adding and deleting files updates the tree and the search', async () => {
    await writeWorkspaceFile('sources/summit.md', '---\ntitle: Summit notes, revised\noutlet: Field Notes\n---\n\nThe Kalibr cruise missile came up.\n');
    await waitFor('the edited title', () => api.index.articles().some((article) => article.meta.title === 'Summit notes, revised'));
    assert.equal(api.index.search('Kalibr')[0]?.passage.text, 'The Kalibr cruise missile came up.');
    await writeWorkspaceFile('sources/added.txt', 'An added article\n\nIt talks about the Tsirkon programme.\n');
    await waitFor('the added article', () => api.index.articles().some((article) => article.meta.title === 'An added article'));
    assert.ok(api.index.search('Tsirkon').length === 1);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, 'sources/added.txt'));
    await waitFor('the deleted article to go', () => !api.index.articles().some((article) => article.meta.title === 'An added article'));
    assert.equal(api.index.search('Tsirkon').length, 0);
  });

  test('Check Draft run straight after a source is edited and saved sees the new words', async () => {
    const quote = 'Both sides agreed to extend the Kalibr talks into January';
    const draft = await openDraft(`# Draft\n\nThe minister said: "${quote}."\n`);
    await vscode.window.showTextDocument(draft);
    const flagged = await vscode.commands.executeCommand<vscode.Diagnostic[]>('sourcebook.checkDraft');
    assert.deepEqual(flagged.map((diagnostic) => diagnostic.code), ['quote-not-found'], 'before the edit no source has these words');

    const sourceUri = vscode.Uri.joinPath(workspaceFolder().uri, 'sources/summit.md');
    const source = await vscode.workspace.openTextDocument(sourceUri);
    const original = source.getText();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(sourceUri, source.positionAt(original.length), `\n${quote}, an official said.\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await source.save(), 'the source was not saved');
    await vscode.window.showTextDocument(draft);
    // No waiting: the command itself must wait for the change to reach the index and the quotation index.
    const found = await vscode.commands.executeCommand<vscode.Diagnostic[]>('sourcebook.checkDraft');
    assert.deepEqual(found.map((diagnostic) => `${String(diagnostic.code)}: ${diagnostic.message}`), [], 'the quotation is now word for word in the edited source');
    assert.ok(api.index.search(`"${quote}"`).some((hit) => hit.article.sourceUri.endsWith('sources/summit.md')), 'the edit is searchable');

    const undo = new vscode.WorkspaceEdit();
    undo.replace(sourceUri, new vscode.Range(source.positionAt(0), source.positionAt(source.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(undo));
    assert.ok(await source.save());
    await vscode.window.showTextDocument(draft);
    const again = await vscode.commands.executeCommand<vscode.Diagnostic[]>('sourcebook.checkDraft');
    assert.deepEqual(again.map((diagnostic) => diagnostic.code), ['quote-not-found'], 'with the words gone from the source, the quotation is flagged again');
  });

  test('a CRLF file opens at the right passage', async () => {
    const [hit] = api.index.search('Zircon missile');
    assert.ok(hit, 'the CRLF file is not searchable');
    await vscode.commands.executeCommand('sourcebook.openPassage', hit.passage.id);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor opened');
    assert.ok(editor.document.uri.path.endsWith('windows.txt'), editor.document.uri.toString());
    assert.equal(editor.document.getText(editor.selection), 'The second paragraph mentions the Zircon missile.');
    assert.equal(editor.selection.start.line, 4);
  });

  test('an alias added in .sourcebook/topics.json applies live', async () => {
    await writeWorkspaceFile('sources/summit.md', '---\ntitle: Summit notes\noutlet: Field Notes\n---\n\nThe S-400 deliveries began in December.\n');
    await waitFor('the S-400 article', () => api.index.topics().topics().some((topic) => topic.name === 'S-400'));
    const draft = await openDraft('We call it the Triumf system.');
    assert.equal(await hoverMarkdownAt(draft, new vscode.Position(0, 17)), undefined, 'no card before the alias');
    await writeWorkspaceFile('.sourcebook/topics.json', JSON.stringify({ version: 1, topics: [{ name: 'S-400', kind: 'system', aliases: ['Triumf'] }] }, null, 2));
    const markdown = await waitFor('the alias to apply', () => hoverMarkdownAt(draft, new vscode.Position(0, 17)));
    assert.ok(markdown.startsWith('**S\\-400**'), markdown.slice(0, 60));
    const row = await topicRow(api, 'S-400');
    assert.ok(row);
  });

  test('hostile article text renders inert in the hover', async () => {
    await writeWorkspaceFile(
      'sources/hostile.md',
      'Hostile page\n\nThe S-300 deal [click me](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> ![pixel](https://tracker.example/p.gif) $(zap) <script>alert(1)</script> javascript:alert(1)\n',
    );
    await waitFor('the hostile article', () => api.index.topics().topics().some((topic) => topic.name === 'S-300'));
    const line = 'About the S-300 system.';
    const draft = await openDraft(line);
    const markdown = await hoverMarkdownAt(draft, new vscode.Position(0, line.indexOf('S-300') + 2));
    assert.ok(markdown, 'no hover over S-300');
    assert.ok(!markdown.includes('](command:workbench'), 'a live command link from the article');
    assert.ok(!/(^|[^\\])<(img|script)/i.test(markdown), 'raw HTML from the article');
    // The writer reads the article's text as it is written: the tags, the icon syntax, the link.
    assert.ok(markdown.includes('&lt;img src\\=x onerror\\=alert\\(1\\)&gt;'), `the tag is not shown as escaped text:\n${markdown}`);
    assert.ok(markdown.includes('&lt;script&gt;alert\\(1\\)&lt;\\/script&gt;'), `the script tag is not shown as escaped text:\n${markdown}`);
    assert.ok(!markdown.includes('](https://tracker'), 'a live image or link from the article');
    assert.ok(markdown.includes('\\$\\(zap\\)'), `the $(zap) text is not escaped, so it could render as an icon:\n${markdown}`);
    assert.ok(!/(^|[^\\])\$\(zap\)/.test(markdown), `the article's $(zap) would render as a theme icon:\n${markdown}`);
    const links = [...markdown.matchAll(/\]\((\w+):([^)\s]*)/g)].map((match) => `${match[1]}:${match[2].split('?')[0]}`);
    assert.ok(links.every((link) => /^command:sourcebook\.(openPassage|insertQuote|showTopic|compareSources)$/.test(link)), `unexpected links: ${links}`);
  });
});
