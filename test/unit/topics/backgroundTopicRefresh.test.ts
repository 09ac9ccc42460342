import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusIndex } from '../../../src/core/corpusIndex';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import { loadBundledCorpus } from './corpusLoader';

const corpus = loadBundledCorpus();

/** The five bundled articles, one file each, as the extension's loader adds them. */
function bundledIndex(): CorpusIndex {
  const index = new CorpusIndex();
  index.setAliasTables([corpus.aliasTable]);
  for (const article of corpus.articles) index.setFile(article.sourceUri, [article]);
  return index;
}

function addText(index: CorpusIndex, name: string, text: string): void {
  const outcome = ingestFile({ uri: `file:///w/${name}`, fileName: name, bytes: new TextEncoder().encode(text) });
  assert.equal(outcome.kind, 'articles');
  if (outcome.kind === 'articles') index.setFile(`file:///w/${name}`, outcome.articles);
}

/** A real trip through the event loop, counted. */
function eventLoopYield(onYield: () => void = () => {}): () => Promise<void> {
  return () => {
    onYield();
    return new Promise((resolve) => setImmediate(resolve));
  };
}

test('before the first build of a real corpus, topics() answers at once with no topics instead of building them', () => {
  const index = bundledIndex();
  // No topics at all (not the bundled corpus's), and still not current: nothing was extracted on the caller's thread.
  assert.deepEqual(index.topics().topics(), []);
  assert.equal(index.topics().matchAt('The S-400 deal.', 5), undefined);
  assert.equal(index.topicsAreCurrent(), false);
});

test('a background refresh swaps in the same topics a synchronous build finds, and then has nothing to do', async () => {
  const index = bundledIndex();
  const reference = bundledIndex();
  reference.refreshTopics();
  assert.equal(await index.refreshTopicsInBackground(eventLoopYield()), true);
  assert.equal(index.topicsAreCurrent(), true);
  assert.deepEqual(index.topics().topics(), reference.topics().topics());
  assert.equal(index.topics().matchAt('Russia delivered the S-400 to India.', 22)?.topic.name, 'S-400');
  assert.equal(await index.refreshTopicsInBackground(eventLoopYield()), false);
});

test('while a rebuild runs, hovers see the previous topics; a change mid-build abandons it, and a request made meanwhile builds again with the change', async () => {
  const index = bundledIndex();
  await index.refreshTopicsInBackground(eventLoopYield());
  const before = index.topics();
  let yields = 0;
  addText(index, 'new.txt', 'Space news\n\nThe Gaganyaan capsule was tested by ISRO on Monday. Officials said Gaganyaan will fly next year.\n');
  const interrupted = index.refreshTopicsInBackground(eventLoopYield(() => {
    yields++;
    assert.equal(index.topics(), before, 'the previous index answers until the new one is complete');
    if (yields === 2) addText(index, 'later.txt', 'Chandrayaan\n\nThe Chandrayaan lander, said ISRO, reached the Moon. Chandrayaan did it.\n');
  }), { sliceMs: 0 });
  const queued = index.refreshTopicsInBackground(eventLoopYield(), { sliceMs: 0 });
  assert.equal(await interrupted, false, 'the change abandoned the build');
  assert.equal(yields, 2, 'abandoned at the first yield after the change');
  assert.equal(index.topics(), before, 'nothing half-built was swapped in');
  assert.equal(index.topicsAreCurrent(), false);
  assert.equal(await queued, true);
  assert.equal(index.topicsAreCurrent(), true);
  const names = index.topics().topics().map((topic) => topic.name);
  assert.ok(names.includes('Gaganyaan'), 'the change before the build');
  assert.ok(names.includes('Chandrayaan'), 'the change during the build');
});
