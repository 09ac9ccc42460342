/**
 * PDF and Word sources in a real VS Code, in both extension hosts: a folder with a two-page
 * PDF report, a Word briefing, a scanned PDF and a password-protected one. Search Sources
 * finds the PDF's passages with their page and the Word file's paragraphs, list items, table
 * rows and footnote; the running header and page numbers are not indexed but listed; the scan
 * and the locked PDF are counted skips. In the web-worker host the PDF reader reaches the
 * engine's Web Worker through the launcher (the worker cannot read the extension's files).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import type { Article } from '../../src/core/model';
import { briefingDocx, encryptedPdf, reportPdf, scannedPdf } from '../fixtures/documents/documentFixtures';
import { activateSourcebook, waitFor, workspaceFolder, writeWorkspaceFile } from './sourcebookTestKit';

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
    assert.deepEqual(article.meta, { title: 'Logistics in the Indo-Pacific', author: 'Jane Doe', date: '2021-12-06' });
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
    assert.deepEqual(article.meta, { title: 'Putin\u2013Modi summit: what was agreed', author: 'Priya Raman', date: '2021-12-07' });
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

  test('the scanned PDF and the password-protected PDF are counted skips with their reason', () => {
    const skipped = api.loadSummary()?.skipped ?? {};
    assert.equal(skipped['no-text-layer'], 1, JSON.stringify(skipped));
    assert.equal(skipped.encrypted, 1, JSON.stringify(skipped));
    assert.equal(articleNamed(api, 'scan.pdf'), undefined);
    assert.equal(articleNamed(api, 'locked.pdf'), undefined);
  });
});
