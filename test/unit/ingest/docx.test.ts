import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zipSync, strToU8 } from 'fflate';
import { documentText } from '../../../src/core/ingest/documentArticle';
import { readDocx } from '../../../src/core/ingest/docxReader';
import { briefingDocx, makeDocx, wordParagraph } from '../../fixtures/documents/documentFixtures';
import { ingestDocument } from './documentTestSupport';
import { onlyArticle, skipReason, textAtRange } from './ingestTestSupport';

test('a Word briefing: title, heading, paragraph, list items, table rows and the footnote, in reading order', async () => {
  const article = onlyArticle(await ingestDocument('briefing.docx', briefingDocx()));
  assert.equal(article.format, 'docx');
  assert.deepEqual(article.passages.map((passage) => passage.text), [
    'Summit Briefing Note',
    'Background',
    // The footnote mark is left out, so a sentence quoted from the body matches word for word.
    'The RELOS agreement lets each navy refuel at the other side\u2019s ports & bases.',
    'Fuel and repairs at naval bases',
    'Joint exercises in the Arabian Sea',
    'System | Delivered',
    'S-400 | December 2021',
    '[1] Signed in Moscow by the defence ministers.',
  ]);
  assert.ok(article.passages.every((passage) => passage.page === undefined));
});

test('a Word document\'s title, author and date come from docProps/core.xml', async () => {
  const article = onlyArticle(await ingestDocument('briefing.docx', briefingDocx()));
  assert.deepEqual(article.meta, { title: 'Putin\u2013Modi summit: what was agreed', author: 'Priya Raman', date: '2021-12-07' });
});

test('without a core title, the Title paragraph, else the first heading, names the document; without either, the file name', async () => {
  const titled = makeDocx({ body: wordParagraph('Report Title', { style: 'Title' }) + wordParagraph('Intro', { style: 'Heading1' }) + wordParagraph('Text.'), core: { creator: 'A. Writer', modified: '2022-01-03T00:00:00Z' } });
  assert.deepEqual(onlyArticle(await ingestDocument('a.docx', titled)).meta, { title: 'Report Title', author: 'A. Writer', date: '2022-01-03' });
  const headed = makeDocx({ body: wordParagraph('Some text first.') + wordParagraph('The Heading', { style: 'Heading1' }) });
  assert.equal(onlyArticle(await ingestDocument('b.docx', headed)).meta.title, 'The Heading');
  const bodyLevel = makeDocx({ body: '<w:p><w:pPr><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>Body-level text.</w:t></w:r></w:p>' + wordParagraph('Real Heading', { style: 'Heading1' }) });
  assert.equal(onlyArticle(await ingestDocument('d.docx', bodyLevel)).meta.title, 'Real Heading', 'outline level 9 is body text, not a heading');
  const plain = makeDocx({ body: wordParagraph('Only a paragraph.') });
  assert.deepEqual(onlyArticle(await ingestDocument('c.docx', plain)).meta, { title: 'c.docx' });
});

test('deleted revisions, field codes and a text box\'s fallback copy are not read; tabs and breaks are spaces', async () => {
  const body =
    '<w:p><w:r><w:t>Kept</w:t></w:r><w:del w:id="1"><w:r><w:delText>deleted words</w:delText></w:r></w:del><w:r><w:tab/><w:t>text</w:t><w:br/><w:t>here</w:t></w:r>' +
    '<w:r><w:instrText> HYPERLINK "command:evil" </w:instrText></w:r></w:p>' +
    '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Text box</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Text box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>After the box.</w:t></w:r></w:p>';
  const article = onlyArticle(await ingestDocument('revisions.docx', makeDocx({ body })));
  assert.deepEqual(article.passages.map((passage) => passage.text), ['Kept text here', 'Text box', 'After the box.']);
});

test('a passage range addresses the extracted text', async () => {
  const bytes = briefingDocx();
  const article = onlyArticle(await ingestDocument('briefing.docx', bytes));
  const reading = readDocx(bytes, 1 << 20);
  assert.ok(reading.ok);
  const text = documentText(reading.content);
  for (const passage of article.passages) assert.equal(textAtRange(text, passage.range), passage.text);
});

test('not a zip, a zip without a document, a damaged entry and an empty document are counted skips', async () => {
  assert.equal(skipReason(await ingestDocument('text.docx', new TextEncoder().encode('plain text, not a zip'))), 'parse-error');
  assert.equal(skipReason(await ingestDocument('other.docx', zipSync({ 'readme.txt': strToU8('hello') }))), 'parse-error');
  const damaged = briefingDocx();
  const documentAt = findBytes(damaged, strToU8('word/document.xml'));
  for (let index = documentAt + 40; index < documentAt + 80; index++) damaged[index] ^= 0xff;
  assert.equal(skipReason(await ingestDocument('damaged.docx', damaged)), 'parse-error');
  assert.equal(skipReason(await ingestDocument('empty.docx', makeDocx({ body: '<w:p/>' }))), 'empty');
  assert.equal(skipReason(await ingestDocument('zero.docx', new Uint8Array(0))), 'empty');
});

test('a zip bomb stops at the expansion cap, whatever sizes the archive declares', async () => {
  const huge = strToU8(`<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>${'A'.repeat(8 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`);
  const bomb = zipSync({ 'word/document.xml': huge }, { level: 9 });
  assert.ok(bomb.length < 100_000, `the bomb is ${bomb.length} bytes`);
  // Declare a small size in the central directory: the reader must not believe it.
  const view = new DataView(bomb.buffer, bomb.byteOffset);
  const directory = findBytes(bomb, new Uint8Array([0x50, 0x4b, 0x01, 0x02]));
  view.setUint32(directory + 24, 100, true);
  const outcome = await ingestDocument('bomb.docx', bomb, { maxDocxExpandedBytes: 1024 * 1024 });
  assert.deepEqual(outcome, { kind: 'skipped', reason: 'too-large', detail: 'its text expands to more than 1 MB (a zip bomb?)' });
});

function findBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let index = 0; index + needle.length <= haystack.length; index++) {
    for (let offset = 0; offset < needle.length; offset++) if (haystack[index + offset] !== needle[offset]) continue outer;
    return index;
  }
  return -1;
}
