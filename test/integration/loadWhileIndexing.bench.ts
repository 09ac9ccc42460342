/**
 * Benchmark, not a CI test: 10,000 articles indexed in a real VS Code while the writer hovers
 * and searches every 100 ms (see loadScenario.ts). It records hover and search times end to end,
 * the longest extension-host stall and the times until the index and the topics are ready, and
 * reports them with its result (`measurements`) for scripts/loadBench.mjs to print; then it
 * switches back to the bundled corpus and deletes the articles, timing that too. It asserts
 * only what must hold however slow the machine: samples were taken while indexing, the hover and
 * the search still answer, and the final index equals a fresh rescan.
 *
 * Loaded only by benchIndex.ts (`npm run bench`, `npm run bench:load`); `npm test` never runs it.
 */
import * as assert from 'node:assert/strict';
import type { SourcebookApi } from '../../src/extension';
import { checkLoadOutcome, loadMeasurements, playLoadScenario, removeLoadArticles, watchHostStalls, writeLoadArticles } from './loadScenario';
import { activateSourcebook, nodeFs } from './sourcebookTestKit';
import { recordMeasurements } from './suiteReport';

const articleCount = 10_000;
/** Only to catch a hang: a healthy run takes well under a minute, even with a CPU hog. */
const hangLimitMs = 10 * 60_000;

suite('Load benchmark: 10,000 articles indexed while hovering and searching every 100 ms', function () {
  this.timeout(hangLimitMs);
  let api: SourcebookApi;
  const fs = nodeFs();
  let writeMs = NaN;
  let removed = false;

  suiteSetup(async function () {
    api = await activateSourcebook();
    assert.ok(fs, 'the load benchmark needs a node extension host (it writes 10,000 files with node fs)');
    writeMs = await writeLoadArticles(fs, articleCount);
  });

  suiteTeardown(async function () {
    if (!removed) await removeLoadArticles(api, fs, hangLimitMs / 2);
  });

  test('records hover, search, host stalls and time to ready; the final index equals a fresh rescan', async function () {
    const run = await playLoadScenario(api, articleCount, { indexTimeoutMs: hangLimitMs / 2 });
    // Recorded before each check, so a failing check still reports what was measured.
    const measured: Record<string, number> = { ...loadMeasurements(run), articles: articleCount, writeMs };
    recordMeasurements(this.test, measured);
    this.test!.title += ` (stalls over 100 ms: ${run.longStalls.join(', ') || 'none'})`;
    assert.ok(run.samples.some((sample) => sample.articles > 5 && sample.articles < articleCount), 'no sample was taken while indexing');
    measured.rescanMs = await checkLoadOutcome(api, run, articleCount);
    recordMeasurements(this.test, measured);

    // Going back to the bundled corpus and deleting the 10,000 files (the file watcher reports every deletion).
    const removalWatch = watchHostStalls();
    const removalStart = performance.now();
    await removeLoadArticles(api, fs, hangLimitMs / 2);
    removed = true;
    const removal = removalWatch.stop();
    measured.removalMs = performance.now() - removalStart;
    measured.removalLongestStallMs = removal.longestStallMs;
    measured.removalStallsOver100Ms = removal.longStalls.length;
    recordMeasurements(this.test, measured);
  });
});
