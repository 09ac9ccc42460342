import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { createInThreadEngine } from '../../../src/core/derived/inThreadEngine';
import { lazyLibraries } from '../../../src/worker/lazyLibraries';
import { briefingDocx, reportPdf } from '../../fixtures/documents/documentFixtures';
import { testLibraries } from '../ingest/documentTestSupport';
import { eventLoopYield, pipelineFor } from './derivedTestKit';

test('the engine loads pdf.js once, at the first PDF, and reads PDFs and Word files into the corpus with their pages', async () => {
  let loads = 0;
  const libraries = lazyLibraries(async () => {
    loads++;
    return testLibraries.loadPdfJs!();
  });
  const index = new CorpusIndex();
  const derived = pipelineFor(index, createInThreadEngine(eventLoopYield, 8, libraries));
  const text = await derived.ingest({ uri: 'file:///w/notes.txt', fileName: 'notes.txt', bytes: new TextEncoder().encode('Notes\n\nThe Zircon missile was discussed.\n') }, {});
  const docx = await derived.ingest({ uri: 'file:///w/briefing.docx', fileName: 'briefing.docx', bytes: briefingDocx() }, {});
  assert.equal(loads, 0, 'no PDF yet: pdf.js is not loaded');
  const [first, second] = await Promise.all([
    derived.ingest({ uri: 'file:///w/report.pdf', fileName: 'report.pdf', bytes: reportPdf() }, {}),
    derived.ingest({ uri: 'file:///w/copy.pdf', fileName: 'copy.pdf', bytes: reportPdf() }, {}),
  ]);
  assert.equal(loads, 1);
  for (const [uri, outcome] of [['file:///w/notes.txt', text], ['file:///w/briefing.docx', docx], ['file:///w/report.pdf', first], ['file:///w/copy.pdf', second]] as const) {
    assert.equal(outcome.kind, 'articles', uri);
    if (outcome.kind === 'articles') index.setFile(uri, outcome.articles, 'stamp');
  }
  const hit = index.search('well-known S-400 batteries')[0];
  assert.equal(index.passage(hit.passageId)?.page, 2);
  assert.equal(index.passage(index.search('RELOS refuel')[0].passageId)?.text, 'The RELOS agreement lets each navy refuel at the other side\u2019s ports & bases.');
  const snapshot = await derived.whenCurrent();
  assert.ok(snapshot.topics.topics().some((topic) => topic.name === 'Zircon'));
  derived.dispose();
});

test('the engine reads a document again into the text its passages address, and keeps nothing of it', async () => {
  const index = new CorpusIndex();
  const derived = pipelineFor(index, createInThreadEngine(eventLoopYield, 8, testLibraries));
  const file = { uri: 'file:///w/report.pdf', fileName: 'report.pdf', bytes: reportPdf() };
  const ingested = await derived.ingest(file, {});
  assert.equal(ingested.kind, 'articles');
  const [reading, docx] = await Promise.all([derived.readDocumentText(file, {}), derived.readDocumentText({ uri: 'file:///w/briefing.docx', fileName: 'briefing.docx', bytes: briefingDocx() }, {})]);
  assert.equal(reading.kind, 'text');
  assert.equal(docx.kind, 'text');
  const lines = reading.kind === 'text' ? reading.text.split('\n') : [];
  for (const passage of ingested.kind === 'articles' ? ingested.articles[0].passages : []) {
    assert.equal(lines[passage.range.startLine].slice(passage.range.startCharacter, passage.range.endCharacter), passage.text);
  }
  const onePage = await derived.readDocumentText(file, { maxPdfPages: 1 });
  assert.ok(onePage.kind === 'text' && !onePage.text.includes('S-400') && onePage.text.includes('Zircon'), 'the page limit applies to the text read again');
  derived.dispose();
});
