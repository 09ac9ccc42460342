/**
 * Opening a PDF or Word passage shows the document's extracted text (`documentText`), read
 * again from the file; the passage is selected by its own range. These tests hold the two
 * together: every passage's range, in the text read again, is exactly the passage.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentText } from '../../../src/core/ingest/ingestSourceFile';
import { documentViewTitle, opensAsDocumentView, passageRangeIn } from '../../../src/core/present/documentView';
import type { Article } from '../../../src/core/model';
import { briefingDocx, reportPdf } from '../../fixtures/documents/documentFixtures';
import { ingestDocument, testLibraries } from './documentTestSupport';

async function articleAndText(fileName: string, bytes: Uint8Array): Promise<{ article: Article; text: string }> {
  const outcome = await ingestDocument(fileName, bytes);
  assert.equal(outcome.kind, 'articles');
  const reading = await readDocumentText({ uri: `file:///w/${fileName}`, fileName, bytes }, {}, testLibraries);
  assert.equal(reading.kind, 'text');
  return { article: outcome.kind === 'articles' ? outcome.articles[0] : (undefined as never), text: reading.kind === 'text' ? reading.text : '' };
}

function slice(text: string, range: Article['passages'][number]['range']): string {
  const lines = text.split('\n');
  if (range.startLine === range.endLine) return lines[range.startLine].slice(range.startCharacter, range.endCharacter);
  return [lines[range.startLine].slice(range.startCharacter), ...lines.slice(range.startLine + 1, range.endLine), lines[range.endLine].slice(0, range.endCharacter)].join('\n');
}

for (const [fileName, bytes] of [['report.pdf', reportPdf()], ['briefing.docx', briefingDocx()]] as const) {
  test(`${fileName}: every passage's range, in the text read again, is exactly the passage`, async () => {
    const { article, text } = await articleAndText(fileName, bytes);
    assert.ok(article.passages.length >= 3);
    for (const passage of article.passages) {
      assert.equal(slice(text, passage.range), passage.text);
      assert.deepEqual(passageRangeIn(text, passage), passage.range);
    }
  });
}

test('the PDF\'s text is one paragraph per line, a blank line between, with the page-2 passage where its range says', async () => {
  const { article, text } = await articleAndText('report.pdf', reportPdf());
  const onPage2 = article.passages.find((passage) => passage.text === 'The well-known S-400 batteries were delivered in December.')!;
  assert.equal(onPage2.page, 2);
  assert.equal(text.split('\n')[onPage2.range.startLine], onPage2.text);
  assert.ok(!text.includes('Quarterly Briefing'), 'running headers are not in the text either');
  assert.match(text, /^Logistics in the Indo-Pacific\n\nThe logistics agreement/);
});

test('a passage that moved (the file changed) is found where its words are now; a passage that is gone is not found', () => {
  const passage = { text: 'The batteries were delivered.', range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 29 } };
  assert.deepEqual(passageRangeIn('The batteries were delivered.', passage), passage.range);
  assert.deepEqual(passageRangeIn('A new first paragraph.\n\nThe batteries were delivered.', passage), { startLine: 2, startCharacter: 0, endLine: 2, endCharacter: 29 });
  assert.equal(passageRangeIn('Something else entirely.', passage), undefined);
  assert.equal(passageRangeIn('', passage), undefined);
  assert.equal(passageRangeIn('short', { ...passage, range: { startLine: 9, startCharacter: 0, endLine: 9, endCharacter: 29 } }), undefined);
});

test('the view is titled with the file name, and the page for a PDF passage; only PDF and Word sources open as a view', () => {
  assert.equal(documentViewTitle('report.pdf', 12), 'report.pdf — p. 12');
  assert.equal(documentViewTitle('briefing.docx'), 'briefing.docx');
  assert.equal(documentViewTitle('briefing.docx', undefined), 'briefing.docx');
  assert.equal(opensAsDocumentView({ format: 'pdf' }), true);
  assert.equal(opensAsDocumentView({ format: 'docx' }), true);
  assert.equal(opensAsDocumentView({ format: 'txt' }), false);
  assert.equal(opensAsDocumentView({ format: 'html' }), false);
});

test('a file that is not a document, or a broken one, gives a reason instead of text', async () => {
  const notDocument = await readDocumentText({ uri: 'file:///w/a.txt', fileName: 'a.txt', bytes: new TextEncoder().encode('hello') }, {}, testLibraries);
  assert.equal(notDocument.kind, 'skipped');
  const broken = await readDocumentText({ uri: 'file:///w/b.docx', fileName: 'b.docx', bytes: new TextEncoder().encode('not a zip') }, {}, testLibraries);
  assert.equal(broken.kind, 'skipped');
  const empty = await readDocumentText({ uri: 'file:///w/c.pdf', fileName: 'c.pdf', bytes: new Uint8Array() }, {}, testLibraries);
  assert.deepEqual(empty.kind === 'skipped' ? empty.reason : empty.kind, 'empty');
});
