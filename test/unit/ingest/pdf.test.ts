import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentText } from '../../../src/core/ingest/documentArticle';
import { readPdf } from '../../../src/core/ingest/pdfReader';
import type { PdfJsModule } from '../../../src/core/ingest/pdfReader';
import { encryptedPdf, makePdf, reportPdf, scannedPdf, xmpPacket } from '../../fixtures/documents/documentFixtures';
import { ingestDocument, testLibraries } from './documentTestSupport';
import { onlyArticle, skipReason, textAtRange } from './ingestTestSupport';

test('a two-page PDF report: paragraphs as a reader reads them, each passage with its page', async () => {
  const article = onlyArticle(await ingestDocument('report.pdf', reportPdf()));
  assert.equal(article.format, 'pdf');
  assert.deepEqual(
    article.passages.map((passage) => [passage.page, passage.text]),
    [
      [1, 'Logistics in the Indo-Pacific'],
      [1, 'The logistics agreement gives both navies access to each other bases for fuel and repairs. Officials described it as a step toward international cooperation in the region.'],
      // Runs on from page 1 to page 2: one paragraph, cited from the page it starts on.
      [1, 'The Zircon programme was discussed at length, and the delegation from New Delhi said the talks would continue when the ministers meet again in the spring, a date both sides confirmed.'],
      [2, 'The well-known S-400 batteries were delivered in December.'],
    ],
  );
});

test('a PDF\'s title, author and date come from its document info; nothing else is filled in', async () => {
  const article = onlyArticle(await ingestDocument('report.pdf', reportPdf()));
  assert.deepEqual(article.meta, { title: 'Logistics in the Indo-Pacific', author: 'Jane Doe', date: '2021-12-06' });
});

test('running headers and page numbers are left out and listed with their reason and page', async () => {
  const article = onlyArticle(await ingestDocument('report.pdf', reportPdf()));
  assert.deepEqual(
    article.droppedLines.map((line) => [line.page, line.text, line.reason]),
    [
      [1, 'Sourcebook Defence Review - Quarterly Briefing', 'running header (on 2 of 2 pages)'],
      [1, '1', 'page number'],
      [2, 'Sourcebook Defence Review - Quarterly Briefing', 'running header (on 2 of 2 pages)'],
      [2, '2', 'page number'],
    ],
  );
  assert.ok(article.passages.every((passage) => !passage.text.includes('Quarterly Briefing')));
});

test('a passage range addresses the extracted text, one paragraph per line', async () => {
  const bytes = reportPdf();
  const article = onlyArticle(await ingestDocument('report.pdf', bytes));
  const reading = await readPdf(bytes, (await testLibraries.loadPdfJs!()) as PdfJsModule, { maxPages: 100, maxMillis: 30_000 });
  assert.ok(reading.ok);
  const text = documentText(reading.content);
  for (const passage of article.passages) assert.equal(textAtRange(text, passage.range), passage.text);
});

test('XMP metadata is preferred to the info dictionary; a placeholder title gives way to the first page\'s headline', async () => {
  const page = [
    { x: 72, y: 700, size: 20, text: 'Delivery of the S-400' },
    { x: 72, y: 660, size: 11, text: 'The first regiment arrived in December.' },
  ];
  const withXmp = onlyArticle(
    await ingestDocument('xmp.pdf', makePdf({ pages: [page], info: { Title: 'Old title', Author: 'Info Author' }, xmp: xmpPacket('XMP Title', 'Arun Kumar', '2021-12-04T10:00:00Z') })),
  );
  assert.deepEqual(withXmp.meta, { title: 'XMP Title', author: 'Arun Kumar', date: '2021-12-04' });
  const placeholder = onlyArticle(await ingestDocument('word-export.pdf', makePdf({ pages: [page], info: { Title: 'Microsoft Word - draft7.docx' } })));
  assert.deepEqual(placeholder.meta, { title: 'Delivery of the S-400' });
  const plain = onlyArticle(await ingestDocument('plain.pdf', makePdf({ pages: [[page[1]]] })));
  assert.deepEqual(plain.meta, { title: 'plain.pdf' });
});

test('a scanned PDF (pages of images, no text) is skipped as needing OCR', async () => {
  const outcome = await ingestDocument('scan.pdf', scannedPdf());
  assert.deepEqual(outcome, { kind: 'skipped', reason: 'no-text-layer', detail: 'no text layer — needs OCR (2 pages of images, no text)' });
});

test('a password-protected PDF is skipped as encrypted', async () => {
  assert.deepEqual(await ingestDocument('locked.pdf', encryptedPdf()), { kind: 'skipped', reason: 'encrypted', detail: 'the PDF is password-protected' });
});

test('damaged, truncated, empty and fake PDFs are counted skips, never exceptions', async () => {
  const report = reportPdf();
  const cases: Array<[string, Uint8Array]> = [
    ['garbage.pdf', new TextEncoder().encode('%PDF-1.4\nthis is not a PDF at all')],
    ['text.pdf', new TextEncoder().encode('Just some text saved with the wrong extension.')],
    ['empty.pdf', new Uint8Array(0)],
    ['half.pdf', report.slice(0, report.length >> 1)],
    ['zeros.pdf', new Uint8Array(4096)],
  ];
  for (const [name, bytes] of cases) {
    const outcome = await ingestDocument(name, bytes);
    // pdf.js recovers what it can from a truncated file; whatever it cannot read is a skip with a reason.
    if (outcome.kind === 'skipped') assert.ok(['parse-error', 'empty', 'no-text-layer'].includes(outcome.reason), `${name}: ${outcome.reason} ${outcome.detail}`);
    else assert.ok(outcome.articles[0].passages.every((passage) => passage.text.length > 0), name);
  }
  assert.equal(skipReason(await ingestDocument('garbage.pdf', cases[0][1])), 'parse-error');
});

test('the page cap reads the first pages and says so; the file size cap applies before pdf.js is loaded', async () => {
  const pages = Array.from({ length: 5 }, (_, index) => [{ x: 72, y: 700, size: 11, text: `Page ${index + 1} says something different about Zircon number ${index * 7}.` }]);
  const outcome = await ingestDocument('long.pdf', makePdf({ pages }), { maxPdfPages: 3 });
  assert.equal(outcome.kind, 'articles');
  assert.deepEqual(outcome.articles[0].passages.map((passage) => passage.page), [1, 2, 3]);
  assert.deepEqual(outcome.warnings, ['Only the first 3 of 5 pages were read (the PDF page cap).']);
  let loaded = false;
  const tooLarge = await ingestDocument('big.pdf', reportPdf(), { maxFileBytes: 100 }, { loadPdfJs: async () => ((loaded = true), testLibraries.loadPdfJs!()) });
  assert.equal(skipReason(tooLarge), 'too-large');
  assert.equal(loaded, false);
});

test('a PDF that pdf.js never finishes is given up at the time cap', async () => {
  const stalled: PdfJsModule = { getDocument: () => ({ promise: new Promise(() => undefined), destroy: async () => undefined }) };
  const outcome = await ingestDocument('stalled.pdf', reportPdf(), { maxPdfMillis: 50 }, { loadPdfJs: async () => stalled });
  assert.deepEqual(outcome, { kind: 'skipped', reason: 'parse-error', detail: 'reading the PDF took longer than the PDF time cap' });
});

test('without a way to load pdf.js, a PDF is skipped with the reason', async () => {
  const outcome = await ingestDocument('report.pdf', reportPdf(), undefined, {});
  assert.equal(skipReason(outcome), 'unsupported-format');
});
