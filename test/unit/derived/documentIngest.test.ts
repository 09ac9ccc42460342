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
