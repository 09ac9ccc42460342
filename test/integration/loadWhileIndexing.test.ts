/**
 * The load scenario at a size CI can afford: 1,000 articles indexed while the writer hovers and
 * searches every 100 ms. Nothing here is about speed (that is the benchmark's job, with 10,000
 * articles: loadWhileIndexing.bench.ts in `npm run bench`): the hover and the search keep
 * answering, and the final index equals a fresh rescan. Skipped in the web-worker extension host.
 */
import type { SourcebookApi } from '../../src/extension';
import { checkLoadOutcome, playLoadScenario, removeLoadArticles, writeLoadArticles } from './loadScenario';
import { activateSourcebook, nodeFs } from './sourcebookTestKit';

const articleCount = 1_000;

suite('Load: 1,000 articles indexed while hovering and searching every 100 ms', function () {
  this.timeout(120_000);
  let api: SourcebookApi;
  const fs = nodeFs();

  suiteSetup(async function () {
    api = await activateSourcebook();
    if (fs) await writeLoadArticles(fs, articleCount);
  });

  suiteTeardown(async function () {
    await removeLoadArticles(api, fs, 60_000);
  });

  test('the hover and the search still answer after the load, and the final index equals a fresh rescan', async function () {
    if (!fs) {
      this.test!.title += ' (skipped: the web-worker extension host has no node fs to write 1,000 files quickly)';
      this.skip();
    }
    const run = await playLoadScenario(api, articleCount, { indexTimeoutMs: 90_000 });
    await checkLoadOutcome(api, run, articleCount);
  });
});
