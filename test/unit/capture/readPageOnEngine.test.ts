import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { createInThreadEngine } from '../../../src/core/derived/inThreadEngine';
import { extractPage } from '../../../src/core/webpage/extractPage';
import { lazyLibraries } from '../../../src/worker/lazyLibraries';
import { eventLoopYield, pipelineFor } from '../derived/derivedTestKit';
import { captureFixturesDir, readerLibraries } from './captureTestSupport';

const liveBlog = readFileSync(join(captureFixturesDir, 'live-blog.html'), 'utf8');

test('the engine reads a captured page with the page reader it loads the first time, once', async () => {
  let loads = 0;
  const libraries = lazyLibraries(
    async () => undefined,
    async () => {
      loads++;
      return { readPage: (html: string, url: string | undefined) => extractPage(html, url, readerLibraries) };
    },
  );
  const derived = pipelineFor(new CorpusIndex(), createInThreadEngine(eventLoopYield, 8, libraries));
  try {
    const [first, second] = await Promise.all([derived.readPage(liveBlog, 'https://ledger.example/live'), derived.readPage('<p>too short</p>', undefined)]);
    assert.ok(first.ok && first.page.metadata.title === 'Putin in Delhi: live updates');
    assert.deepEqual(second, { ok: false, reason: 'no-article', detail: 'no article text was found on the page' });
    assert.equal(loads, 1);
  } finally {
    derived.dispose();
  }
});

test('without a page reader (no worker on vscode.dev) or with one that fails to load, the answer says why', async () => {
  const none = pipelineFor(new CorpusIndex(), createInThreadEngine(eventLoopYield, 8, {}));
  const broken = pipelineFor(new CorpusIndex(), createInThreadEngine(eventLoopYield, 8, lazyLibraries(async () => undefined, async () => ({}))));
  try {
    assert.deepEqual(await none.readPage(liveBlog, undefined), { ok: false, reason: 'unavailable', detail: 'web pages are read in the background worker, which this editor could not start' });
    assert.deepEqual(await broken.readPage(liveBlog, undefined), { ok: false, reason: 'parse-error', detail: 'the page reader script did not define readPage' });
  } finally {
    none.dispose();
    broken.dispose();
  }
});
