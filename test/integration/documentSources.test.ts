/**
 * PDF and Word sources in a real VS Code, in both extension hosts: a folder with a two-page
 * PDF report, a Word briefing, a scanned PDF and a password-protected one. Search Sources
 * finds the PDF's passages with their page and the Word file's paragraphs, list items, table
 * rows and footnote; the running header and page numbers are not indexed but listed; the scan
 * and the locked PDF are counted skips. In the web-worker host the PDF reader reaches the
 * engine's Web Worker through the launcher (the worker cannot read the extension's files).
 *
 * Opening a PDF or Word passage shows the document's extracted text in a read-only view
 * (`sourcebook-source:`), titled with the file name and the page, the passage selected; the
 * hover, the Articles view and Insert Quote name the page.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import type { Article } from '../../src/core/model';
import { briefingDocx, encryptedPdf, reportPdf, scannedPdf } from '../fixtures/documents/documentFixtures';
import { activateSourcebook, hoverMarkdownAt, openDraft, waitFor, workspaceFolder, writeWorkspaceFile } from './sourcebookTestKit';

const corpusFolder = 'document-sources';
const config = () => vscode.workspace.getConfiguration('sourcebook');

function articleNamed(api: SourcebookApi, fileName: string): Article | undefined {
  return api.index.articles().find((article) => article.sourceUri.endsWith(`/${corpusFolder}/${fileName}`));
}

suite('PDF and Word sources: Search Sources finds their passages, PDF passages with their page', function () {
  this.timeout(120_000);
  let api: SourcebookApi;

  suiteSetup(async function () {
    this.timeout(120_000);
    api = await activateSourcebook();
    await writeWorkspaceFile(`${corpusFolder}/report.pdf`, reportPdf());
    await writeWorkspaceFile(`${corpusFolder}/briefing.docx`, briefingDocx());
    await writeWorkspaceFile(`${corpusFolder}/scan.pdf`, scannedPdf());
    await writeWorkspaceFile(`${corpusFolder}/locked.pdf`, encryptedPdf());
    await writeWorkspaceFile(`${corpusFolder}/notes.md`, '# Notes\n\nThe writer\u2019s own notes on the summit.\n');
    await config().update('corpus.paths', [corpusFolder], vscode.ConfigurationTarget.Workspace);
    await waitFor('the PDF and the Word file to be indexed', () => api.loadSummary()?.usingBundled === false && articleNamed(api, 'report.pdf') && articleNamed(api, 'briefing.docx'), 90_000);
    await api.ready();
  });

  suiteTeardown(async function () {
    this.timeout(120_000);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, corpusFolder), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the bundled corpus to come back', () => api.loadSummary()?.usingBundled === true && api.index.articles().length === 5, 60_000);
  });

  test('a PDF passage is found with its page, its hyphenation undone, under the title and author of the PDF', () => {
    const hit = api.index.search('international cooperation in the region')[0];
    assert.ok(hit, 'no result');
    assert.equal(hit.passage.text, 'The logistics agreement gives both navies access to each other bases for fuel and repairs. Officials described it as a step toward international cooperation in the region.');
    assert.equal(hit.passage.page, 1);
    const article = articleNamed(api, 'report.pdf')!;
    assert.equal(hit.passage.articleId, article.id);
    // The PDF declares no language: its text says English (franc-min, in the engine's worker).
    assert.deepEqual(article.meta, { title: 'Logistics in the Indo-Pacific', author: 'Jane Doe', date: '2021-12-06', language: 'en', languageSource: 'detected' });
  });

  test('a passage on the second page says page 2; a paragraph running over the page break is one passage from page 1', () => {
    const second = api.index.search('"well-known S-400 batteries"')[0];
    assert.equal(second?.passage.text, 'The well-known S-400 batteries were delivered in December.');
    assert.equal(second?.passage.page, 2);
    const across = api.index.search('"talks would continue when the ministers meet again"')[0];
    assert.equal(across?.passage.page, 1);
    assert.match(across?.passage.text ?? '', /^The Zircon programme .* a date both sides confirmed\.$/);
  });

  test('the running header and the page numbers are not indexed, and are listed with their reason', () => {
    assert.equal(api.index.search('"Quarterly Briefing"').length, 0);
    const article = articleNamed(api, 'report.pdf')!;
    assert.deepEqual(
      article.droppedLines.map((line) => `p. ${line.page}: ${line.text} (${line.reason})`),
      [
        'p. 1: Sourcebook Defence Review - Quarterly Briefing (running header (on 2 of 2 pages))',
        'p. 1: 1 (page number)',
        'p. 2: Sourcebook Defence Review - Quarterly Briefing (running header (on 2 of 2 pages))',
        'p. 2: 2 (page number)',
      ],
    );
  });

  test('a Word file\'s paragraph, list item, table row and footnote are found, under its core properties', () => {
    const article = articleNamed(api, 'briefing.docx')!;
    assert.deepEqual(article.meta, { title: 'Putin\u2013Modi summit: what was agreed', author: 'Priya Raman', date: '2021-12-07', language: 'en', languageSource: 'detected' });
    const expectations: Array<[string, string]> = [
      ['RELOS refuel ports', 'The RELOS agreement lets each navy refuel at the other side\u2019s ports & bases.'],
      ['exercises Arabian Sea', 'Joint exercises in the Arabian Sea'],
      ['"S-400 | December 2021"', 'S-400 | December 2021'],
      ['signed in Moscow defence ministers', '[1] Signed in Moscow by the defence ministers.'],
    ];
    for (const [query, text] of expectations) {
      const hit = api.index.search(query)[0];
      assert.equal(hit?.passage.text, text, query);
      assert.equal(hit?.passage.articleId, article.id, query);
      assert.equal(hit?.passage.page, undefined, query);
    }
  });

  const s400OnPage2 = 'The well-known S-400 batteries were delivered in December.';

  test('a hover on a term found in a PDF passage names the page, p. 2, beside the PDF\'s title', async () => {
    const draft = await openDraft('The S-400 batteries arrived.');
    const markdown = await waitFor('a hover card for S-400', () => hoverMarkdownAt(draft, new vscode.Position(0, 6)), 30_000);
    assert.ok(markdown.includes('Logistics in the Indo\\-Pacific · p. 2'), markdown);
    assert.ok(markdown.includes('The well\\-known **S\\-400** batteries'), markdown);
  });

  test('the Articles view shows a PDF passage\'s page, and a Word passage its line in the extracted text', () => {
    const article = articleNamed(api, 'report.pdf')!;
    const passage = article.passages.find((candidate) => candidate.text === s400OnPage2)!;
    const articleNode = api.articlesTree.getChildren().flatMap((group) => api.articlesTree.getChildren(group)).find((node) => 'article' in node && node.article.id === article.id);
    assert.ok(articleNode, 'the PDF is in the Articles view');
    const passageItems = api.articlesTree.getChildren(articleNode).map((node) => api.articlesTree.getTreeItem(node));
    const item = passageItems.find((candidate) => candidate.id === `passage:${passage.id}`);
    assert.equal(item?.description, 'p. 2');
    const docx = articleNamed(api, 'briefing.docx')!;
    const docxNode = api.articlesTree.getChildren().flatMap((group) => api.articlesTree.getChildren(group)).find((node) => 'article' in node && node.article.id === docx.id)!;
    assert.match(String(api.articlesTree.getTreeItem(api.articlesTree.getChildren(docxNode)[0]).description), /^line \d+$/);
  });

  test('Open on a PDF passage shows the extracted text read-only, titled "report.pdf — p. 2", with the passage selected', async () => {
    const passage = articleNamed(api, 'report.pdf')!.passages.find((candidate) => candidate.text === s400OnPage2)!;
    await vscode.commands.executeCommand('sourcebook.openPassage', passage.id);
    const editor = await waitFor('the view of the PDF\'s text', () => vscode.window.activeTextEditor?.document.uri.scheme === 'sourcebook-source' && vscode.window.activeTextEditor, 30_000);
    const { document } = editor;
    assert.ok(document.uri.path.endsWith('/document-sources/report.pdf — p. 2'), document.uri.toString());
    assert.equal(document.uri.query, articleNamed(api, 'report.pdf')!.sourceUri);
    assert.equal(document.languageId, 'plaintext');
    assert.equal(document.getText(editor.selection), s400OnPage2);
    assert.ok(document.getText().startsWith('Logistics in the Indo-Pacific\n\nThe logistics agreement gives both navies access'), document.getText().slice(0, 200));
    assert.ok(!document.getText().includes('Quarterly Briefing'), 'the running header is not in the text');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.equal(tab?.label, 'report.pdf — p. 2');
    // What the writer types goes nowhere: the view is read-only.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('type', { text: 'X' });
    assert.ok(document.getText().startsWith('Logistics in the Indo-Pacific'), 'the view is read-only');
    assert.equal(document.isDirty, false);
  });

  test('Open on a Word passage shows its text titled "briefing.docx", with the passage selected', async () => {
    const passage = articleNamed(api, 'briefing.docx')!.passages.find((candidate) => candidate.text === 'S-400 | December 2021')!;
    await vscode.commands.executeCommand('sourcebook.openPassage', passage.id);
    const editor = await waitFor('the view of the Word file\'s text', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/briefing.docx') && vscode.window.activeTextEditor?.document.uri.scheme === 'sourcebook-source' && vscode.window.activeTextEditor, 30_000);
    assert.equal(editor.document.getText(editor.selection), 'S-400 | December 2021');
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'briefing.docx');
  });

  test('Insert Quote of a PDF passage cites its page; a sentence selected in the view is quoted with the page too', async () => {
    const passage = articleNamed(api, 'report.pdf')!.passages.find((candidate) => candidate.text === s400OnPage2)!;
    // The draft and the view side by side, nothing else: Insert Quote writes into the draft beside the source.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const draft = await openDraft('Draft.\n');
    const draftEditor = await vscode.window.showTextDocument(draft, vscode.ViewColumn.One);
    draftEditor.selection = new vscode.Selection(1, 0, 1, 0);
    assert.equal(await vscode.commands.executeCommand('sourcebook.insertQuote', passage.id), true);
    assert.equal(draft.getText(), `Draft.\n> ${s400OnPage2}\n>\n> — unknown outlet, 2021-12-06, p. 2`);

    await vscode.commands.executeCommand('sourcebook.openPassage', passage.id);
    const view = await waitFor('the view of the PDF\'s text', () => vscode.window.activeTextEditor?.document.uri.scheme === 'sourcebook-source' && vscode.window.activeTextEditor, 30_000);
    const line = view.selection.start.line;
    view.selection = new vscode.Selection(line, 4, line, 14);
    assert.equal(view.document.getText(view.selection), 'well-known');
    const lengthBefore = draft.getText().length;
    assert.equal(await vscode.commands.executeCommand('sourcebook.insertQuote'), true);
    const editors = () => `active ${vscode.window.activeTextEditor?.document.uri.toString()}; visible ${vscode.window.visibleTextEditors.map((shown) => `${shown.viewColumn}:${shown.document.uri.toString()}`).join(', ')}`;
    assert.ok(draft.getText().length > lengthBefore, `the quote went into the draft, not the read-only view (${editors()})`);
    assert.ok(draft.getText().endsWith(`> ${s400OnPage2}\n>\n> — unknown outlet, 2021-12-06, p. 2`), draft.getText());
  });

  test('a Word passage\'s citation has no page and no dangling separator', async () => {
    const passage = articleNamed(api, 'briefing.docx')!.passages.find((candidate) => candidate.text === 'S-400 | December 2021')!;
    const draft = await openDraft('');
    await vscode.window.showTextDocument(draft, vscode.ViewColumn.One);
    assert.equal(await vscode.commands.executeCommand('sourcebook.insertQuote', passage.id), true);
    assert.equal(draft.getText(), '> S-400 | December 2021\n>\n> — unknown outlet, 2021-12-07');
  });

  test('the PDF page limit is a setting: with sourcebook.corpus.pdfMaxPages at 1, page 2 is no longer read', async function () {
    this.timeout(120_000);
    try {
      await config().update('corpus.pdfMaxPages', 1, vscode.ConfigurationTarget.Workspace);
      await waitFor('the PDF to be read again with one page', () => !articleNamed(api, 'report.pdf')?.passages.some((passage) => passage.page === 2), 60_000);
      assert.ok(articleNamed(api, 'report.pdf')!.passages.some((passage) => passage.page === 1));
    } finally {
      await config().update('corpus.pdfMaxPages', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the PDF to be read again whole', () => articleNamed(api, 'report.pdf')?.passages.some((passage) => passage.text === s400OnPage2), 60_000);
  });

  test('the scanned PDF and the password-protected PDF are counted skips with their reason', () => {
    const skipped = api.loadSummary()?.skipped ?? {};
    assert.equal(skipped['no-text-layer'], 1, JSON.stringify(skipped));
    assert.equal(skipped.encrypted, 1, JSON.stringify(skipped));
    assert.equal(articleNamed(api, 'scan.pdf'), undefined);
    assert.equal(articleNamed(api, 'locked.pdf'), undefined);
  });
});
