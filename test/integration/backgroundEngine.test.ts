/**
 * Where the heavy work runs, in a real VS Code: topics, figure groups and the quotation index
 * are built, and source files read, on a worker thread of their own (node `worker_threads` in
 * the desktop host, a Web Worker in the web-worker host), so a hover never waits behind them.
 */
import * as assert from 'node:assert/strict';
import type { SourcebookApi } from '../../src/extension';
import { activateSourcebook } from './sourcebookTestKit';

suite('Background engine', () => {
  let api: SourcebookApi;
  suiteSetup(async () => {
    api = await activateSourcebook();
    await api.ready();
  });

  test('the derived indexes are built on a worker thread, and are those of the corpus as it is', async () => {
    assert.equal(api.derived.engineKind, 'worker', `the engine runs on the extension host: ${api.derived.whyInThread}`);
    const snapshot = await api.derived.whenCurrent();
    assert.equal(snapshot.version, api.index.changeCount);
    assert.equal(api.index.topics(), snapshot.topics, 'hovers read the installed topics');
    assert.ok(snapshot.topics.topics().some((topic) => topic.name === 'S-400'));
    const [relos] = await snapshot.checkQuotations(['The Reciprocal Exchange of Logistics Agreement (RELOS) is also expected to be inked on Monday']);
    assert.equal(relos.verdict, 'verbatim');
    assert.ok(relos.passageId && api.index.passage(relos.passageId)?.text.includes('RELOS'), 'the check names the passage it found');
  });
});
