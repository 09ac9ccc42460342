import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import { pipelineFor } from '../derived/derivedTestKit';

function addText(index: CorpusIndex, name: string, text: string, stamp = '1'): void {
  const outcome = ingestFile({ uri: `file:///w/${name}`, fileName: name, bytes: new TextEncoder().encode(text) });
  assert.equal(outcome.kind, 'articles');
  if (outcome.kind === 'articles') index.setFile(`file:///w/${name}`, outcome.articles, stamp);
}

test('a file edited after the index was persisted is found by its new words in the restored index', () => {
  const index = new CorpusIndex();
  addText(index, 'summit.md', '---\ntitle: Summit notes\n---\n\nThe S-400 deliveries began.\n\nLadakh again.\n');
  addText(index, 'windows.txt', 'Windows\r\n\r\nThe Zircon missile.\r\n');
  // The warm start: the next session restores the persisted snapshot into a fresh index...
  const restored = new CorpusIndex();
  assert.deepEqual(restored.restore(index.snapshot()), { ok: true });
  const view = (corpus: CorpusIndex) => ({
    articles: corpus.articles().map((article) => [article.meta.title, article.passages.map((passage) => passage.text)]).sort(),
    searches: ['S-400', 'Ladakh', 'Zircon'].map((query) => corpus.search(query).map((hit) => [hit.article.meta.title, hit.passage.text])),
  });
  assert.deepEqual(view(restored), view(index));
  assert.equal(restored.fileStamp('file:///w/summit.md'), '1');
  // ...and then reads the one file that changed since.
  addText(restored, 'summit.md', '---\ntitle: Summit notes, revised\n---\n\nThe Kalibr cruise missile came up.\n', '2');
  assert.equal(restored.search('Kalibr')[0]?.passage.text, 'The Kalibr cruise missile came up.');
  assert.equal(restored.search('Ladakh').length, 0, 'the old text is gone');
  assert.equal(restored.search('Zircon')[0]?.passage.text, 'The Zircon missile.');
  assert.deepEqual(restored.articles().map((article) => article.meta.title).sort(), ['Summit notes, revised', 'Windows']);
});

test('a restored snapshot holds the same articles, passages, stamps and search results', async () => {
  const index = new CorpusIndex();
  addText(index, 'a.txt', 'First article\n\nThe Reciprocal Exchange of Logistics Agreement (RELOS) is expected.\n', 'stamp-a');
  addText(index, 'b.txt', 'Second article\n\nSputnik V doses were discussed.\n', 'stamp-b');
  const restored = new CorpusIndex();
  assert.deepEqual(restored.restore(index.snapshot()), { ok: true });
  assert.deepEqual(restored.articles().map((article) => article.meta.title).sort(), ['First article', 'Second article']);
  assert.equal(restored.fileStamp('file:///w/a.txt'), 'stamp-a');
  assert.equal(restored.search('RELOS')[0]?.passage.text, 'The Reciprocal Exchange of Logistics Agreement (RELOS) is expected.');
  const derived = pipelineFor(restored);
  assert.equal((await derived.whenCurrent()).topics.lookup('Sputnik V', 1)[0]?.topic.name, 'Sputnik V');
  derived.dispose();
});

test('a corrupt snapshot is refused and the index stays as it was', () => {
  const index = new CorpusIndex();
  addText(index, 'a.txt', 'Title\n\nSome text about Ladakh.\n');
  const data = index.snapshot();
  const corrupt = data.slice(0, Math.floor(data.length / 2));
  const result = index.restore(corrupt);
  assert.equal(result.ok, false);
  assert.equal(index.search('Ladakh').length, 1);
});

test('outlet: and topic: filters narrow the search', async () => {
  const index = new CorpusIndex();
  const outcome = ingestFile({ uri: 'file:///w/x.jsonl', fileName: 'x.jsonl', bytes: new TextEncoder().encode([
    JSON.stringify({ title: 'One', outlet: 'RFI', text: 'Russia sells the S-400 to India.' }),
    JSON.stringify({ title: 'Two', outlet: 'Associated Press', text: 'India buys the S-400 from Russia.' }),
  ].join('\n')) });
  assert.equal(outcome.kind, 'articles');
  if (outcome.kind !== 'articles') return;
  index.setFile('file:///w/x.jsonl', outcome.articles);
  assert.deepEqual(index.search('Russia outlet:rfi').map((hit) => hit.article.meta.outlet), ['RFI']);
  assert.deepEqual(index.search('India outlet:"Associated Press"').map((hit) => hit.article.meta.outlet), ['Associated Press']);
  const derived = pipelineFor(index);
  await derived.whenCurrent();
  assert.equal(index.search('Russia topic:S-400').length, 2);
  derived.dispose();
});
