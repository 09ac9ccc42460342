import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import type { EngineChannel, FromEngine, ToEngine } from '../../../src/core/derived/derivedProtocol';
import { createInThreadEngine } from '../../../src/core/derived/inThreadEngine';
import { startNodeWorkerChannel } from '../../../src/worker/nodeWorkerChannel';
import { addText, bundledIndex, eventLoopYield, pipelineFor } from './derivedTestKit';

/** The compiled worker entry (tsc puts it beside the other compiled sources). */
const workerScript = join(__dirname, '..', '..', '..', 'src', 'worker', 'nodeWorkerMain.js');
const relosSentence = 'The Reciprocal Exchange of Logistics Agreement (RELOS) is also expected to be inked on Monday';

test('before the first build the topics are empty, not half-built; whenCurrent builds the current version', async () => {
  const index = bundledIndex();
  const derived = pipelineFor(index);
  assert.deepEqual(index.topics().topics(), []);
  assert.equal(derived.current(), undefined);
  const snapshot = await derived.whenCurrent();
  assert.equal(snapshot.version, index.changeCount);
  assert.equal(derived.isCurrent(), true);
  assert.equal(index.topics(), snapshot.topics, 'the corpus serves the installed topics');
  assert.equal(snapshot.topics.matchAt('Russia delivered the S-400 to India.', 22)?.topic.name, 'S-400');
  const [check] = await snapshot.checkQuotations([relosSentence]);
  assert.equal(check.verdict, 'verbatim');
  assert.ok(snapshot.disagreementCount > 0 && snapshot.figureGroupCount > snapshot.disagreementCount, 'the bundled sources disagree on some figures');
  const allPassages = index.articles().flatMap((article) => article.passages.map((passage) => passage.id));
  const groups = await snapshot.figureGroupsTouching(allPassages);
  assert.equal(groups.length, snapshot.figureGroupCount);
  const [share] = await snapshot.figureContradictions("Only 10% of India's arms imports come from Russia.");
  assert.equal(share?.figure.span.text, '10%', 'a figure that contradicts every source is found by the engine');
  derived.dispose();
});

test('a check made straight after a change to the sources sees the change (topics, quotations and figures of one version)', async () => {
  const index = bundledIndex();
  const derived = pipelineFor(index);
  const before = await derived.whenCurrent();
  addText(index, 'space.txt', 'Space news\n\nThe Gaganyaan capsule was tested by ISRO on Monday. Officials said Gaganyaan will fly next year.\n');
  assert.equal(derived.current(), before, 'until the rebuild is in, readers get the previous complete snapshot');
  assert.equal(derived.isCurrent(), false);
  const after = await derived.whenCurrent();
  assert.equal(after.version, index.changeCount);
  assert.ok(after.topics.topics().some((topic) => topic.name === 'Gaganyaan'));
  const [check] = await after.checkQuotations(['The Gaganyaan capsule was tested by ISRO on Monday']);
  assert.equal(check.verdict, 'verbatim');
  derived.dispose();
});

test('a change during a build abandons it: nothing half-built or mixed is installed, and the waiter gets the version after the change', async () => {
  const index = bundledIndex();
  const installed: number[] = [];
  let engineYields = 0;
  // The engine's second yield is in the middle of its first build: the corpus changes there.
  const channel = createInThreadEngine(() => {
    if (++engineYields === 2) addText(index, 'later.txt', 'Chandrayaan\n\nThe Chandrayaan lander, said ISRO, reached the Moon. Chandrayaan did it.\n');
    return eventLoopYield();
  }, 0);
  const derived = pipelineFor(index, channel);
  derived.onDidUpdate((snapshot) => installed.push(snapshot.version));
  const versionAtStart = index.changeCount;
  const snapshot = await derived.whenCurrent();
  assert.ok(engineYields > 2, 'the engine went on building after the change');
  assert.equal(snapshot.version, versionAtStart + 1, 'built after the change');
  assert.deepEqual(installed, [snapshot.version], 'the abandoned build never reached the readers');
  assert.ok(snapshot.topics.topics().some((topic) => topic.name === 'Chandrayaan'));
  derived.dispose();
});

test('the worker thread builds exactly what the in-thread engine builds, and the corpus reaches it through messages only', async () => {
  const local = pipelineFor(bundledIndex());
  const index = bundledIndex();
  const threaded = pipelineFor(index, startNodeWorkerChannel(workerScript));
  assert.equal(threaded.engineKind, 'worker');
  const [a, b] = await Promise.all([local.whenCurrent(), threaded.whenCurrent()]);
  assert.deepEqual(b.topics.topics(), a.topics.topics());
  const allPassages = index.articles().flatMap((article) => article.passages.map((passage) => passage.id));
  assert.deepEqual(await b.figureGroupsTouching(allPassages), await a.figureGroupsTouching(allPassages));
  assert.equal(b.topics.matchAt('Talks on RELOS went on.', 10)?.topic.name, 'RELOS');
  const checks = await b.checkQuotations([relosSentence, 'the Reciprocal Exchange of Logistic Agreement is expected to be signed on Monday', 'bananas on Mars were never in the news']);
  assert.deepEqual(checks.map((check) => check.verdict), ['verbatim', 'near', 'not-found']);
  addText(index, 'space.txt', 'Space news\n\nThe Gaganyaan capsule was tested by ISRO on Monday. Officials said Gaganyaan will fly next year.\n');
  const after = await threaded.whenCurrent();
  assert.ok(after.topics.topics().some((topic) => topic.name === 'Gaganyaan'));
  local.dispose();
  threaded.dispose();
});

test('a restored cache reaches the worker as bytes, and its topics equal those of the files read one by one', async () => {
  const source = bundledIndex();
  const restored = new CorpusIndex();
  restored.setAliasTables([]);
  const threaded = pipelineFor(restored, startNodeWorkerChannel(workerScript));
  const reference = new CorpusIndex();
  for (const article of source.articles()) reference.setFile(article.sourceUri, [article]);
  const local = pipelineFor(reference);
  assert.deepEqual(restored.restore(source.snapshot()), { ok: true });
  const [a, b] = await Promise.all([local.whenCurrent(), threaded.whenCurrent()]);
  assert.ok(b.topics.topics().length > 20);
  assert.deepEqual(b.topics.topics().map((topic) => topic.name), a.topics.topics().map((topic) => topic.name));
  local.dispose();
  threaded.dispose();
});

test('when the worker thread dies, the pipeline moves to the in-thread engine, sends it the corpus again and still answers', async () => {
  const index = bundledIndex();
  const worker = startNodeWorkerChannel(workerScript);
  let killed = false;
  // A worker that dies as soon as it is asked to build.
  const dying: EngineChannel = {
    ...worker,
    post(message: ToEngine, transfer?: ArrayBuffer[]) {
      if (message.type === 'build' && !killed) {
        killed = true;
        worker.dispose();
        failure?.('the worker thread exited (code 1)');
        return;
      }
      worker.post(message, transfer);
    },
    onFailure(listener) {
      failure = listener;
    },
  };
  let failure: ((reason: string) => void) | undefined;
  const warnings: string[] = [];
  const derived = pipelineFor(index, dying, {
    fallback: () => createInThreadEngine(eventLoopYield),
    logger: { info() {}, warn: (message) => warnings.push(message), error() {} },
  });
  const snapshot = await derived.whenCurrent();
  assert.equal(derived.engineKind, 'in-thread');
  assert.match(warnings.join('\n'), /background worker stopped \(the worker thread exited \(code 1\)\)/);
  assert.equal(snapshot.topics.matchAt('Russia delivered the S-400 to India.', 22)?.topic.name, 'S-400');
  derived.dispose();
});

test('an engine that fails on the current version makes whenCurrent reject with its reason, not hang', async () => {
  const index = bundledIndex();
  const listeners: Array<(message: FromEngine) => void> = [];
  let version = 0;
  const failing: EngineChannel = {
    kind: 'worker',
    post(message) {
      if ('version' in message) version = message.version;
      if (message.type === 'build') setImmediate(() => listeners.forEach((listener) => listener({ type: 'failed', version, message: 'out of memory' })));
    },
    onMessage: (listener) => listeners.push(listener),
    onFailure() {},
    dispose() {},
  };
  const derived = pipelineFor(index, failing);
  await assert.rejects(derived.whenCurrent(), /out of memory/);
  derived.dispose();
});

test('files are read on the worker thread; the corpus adopts the worker’s own reading instead of sending the articles back', async () => {
  const index = new CorpusIndex();
  const worker = startNodeWorkerChannel(workerScript);
  const sent: string[] = [];
  const counting: EngineChannel = { ...worker, post: (message, transfer) => (sent.push(message.type), worker.post(message, transfer)) };
  const derived = pipelineFor(index, counting);
  const text = 'Summit notes\n\nBy: Anna Field\n\nThe Zircon missile was discussed in Vladivostok. Officials said the Zircon tests would go on.\n';
  const outcome = await derived.ingest({ uri: 'file:///w/zircon.txt', fileName: 'zircon.txt', bytes: new TextEncoder().encode(text) }, {});
  assert.equal(outcome.kind, 'articles');
  if (outcome.kind !== 'articles') return;
  assert.equal(outcome.articles[0].meta.author, 'Anna Field');
  assert.equal(outcome.articles[0].passages[0].text, 'The Zircon missile was discussed in Vladivostok. Officials said the Zircon tests would go on.');
  index.setFile('file:///w/zircon.txt', outcome.articles, 'stamp');
  const snapshot = await derived.whenCurrent();
  assert.ok(snapshot.topics.topics().some((topic) => topic.name === 'Zircon'), snapshot.topics.topics().map((topic) => topic.name).join(', '));
  assert.ok(sent.includes('adopt'));
  assert.ok(!sent.includes('setFile'), `the articles were sent back: ${sent.join(', ')}`);
  const skipped = await derived.ingest({ uri: 'file:///w/blob.txt', fileName: 'blob.txt', bytes: new Uint8Array([0, 1, 2, 0, 255, 0, 7, 0]) }, {});
  assert.deepEqual(skipped.kind === 'skipped' && skipped.reason, 'binary');
  derived.dispose();
});
