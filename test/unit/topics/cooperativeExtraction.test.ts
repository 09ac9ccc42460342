import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../../src/core/model';
import { emptyAliasTable, type AliasTable } from '../../../src/core/topics/aliasFile';
import { extractTopics, extractTopicsCooperatively, type TopicIndex } from '../../../src/core/topics/topicIndex';
import { corpusOfSize, loadSotuArticles } from '../../bench/sotuCorpus';
import { loadBundledCorpus } from './corpusLoader';

const corpus = loadBundledCorpus();

/** A yield that really goes through the event loop, counted so a test can tell the work did give the thread back. */
function countingYield(): { yieldNow: () => Promise<void>; count: () => number } {
  let yields = 0;
  return {
    yieldNow: () => {
      yields++;
      return new Promise((resolve) => setImmediate(resolve));
    },
    count: () => yields,
  };
}

/** Everything a reader of the index can see: every topic with its mentions, the per-passage topics and the recognised names in each passage. */
function assertSameIndex(cooperative: TopicIndex, synchronous: TopicIndex, articles: readonly Article[]): void {
  assert.deepEqual(cooperative.topics(), synchronous.topics());
  for (const topic of synchronous.topics()) assert.equal(cooperative.isHidden(topic.id), synchronous.isHidden(topic.id));
  for (const article of articles) {
    for (const passage of article.passages) {
      assert.deepEqual(cooperative.topicsForPassage(passage.id).map((t) => t.id), synchronous.topicsForPassage(passage.id).map((t) => t.id));
      assert.deepEqual(cooperative.findInText(passage.text), synchronous.findInText(passage.text));
    }
  }
}

async function extractBoth(articles: Article[], table: AliasTable, sliceMs: number): Promise<{ cooperative: TopicIndex; synchronous: TopicIndex; yields: number }> {
  const counter = countingYield();
  const cooperative = await extractTopicsCooperatively(articles, table, { yieldNow: counter.yieldNow, sliceMs });
  assert.ok(cooperative, 'not cancelled, so there is a result');
  return { cooperative, synchronous: extractTopics(articles, table), yields: counter.count() };
}

test('the bundled corpus gives exactly the same topics and mentions when extraction yields at every slice point', async () => {
  const { cooperative, synchronous, yields } = await extractBoth(corpus.articles, corpus.aliasTable, 0);
  assert.ok(yields > corpus.articles.reduce((sum, article) => sum + article.passages.length, 0), `${yields} yields: at least one per passage`);
  assertSameIndex(cooperative, synchronous, corpus.articles);
  const match = cooperative.matchAt('Russia delivered the S-400 to India.', 22);
  assert.equal(match?.topic.name, 'S-400');
  assert.deepEqual(cooperative.lookup('Jaishankar', 3), synchronous.lookup('Jaishankar', 3));
});

test('a few thousand State of the Union passages give the same topics whether extracted at once or in 1 ms slices', async () => {
  const articles = corpusOfSize(loadSotuArticles(), 4000);
  const { cooperative, synchronous, yields } = await extractBoth(articles, emptyAliasTable, 1);
  assert.ok(yields > 10, `${yields} yields`);
  assert.ok(synchronous.topics().length > 200, `${synchronous.topics().length} topics`);
  assert.ok(synchronous.topics().some((topic) => topic.name === 'Congress'));
  assertSameIndex(cooperative, synchronous, articles);
});

test('cancelling at a yield abandons the extraction and resolves undefined', async () => {
  let yields = 0;
  const result = await extractTopicsCooperatively(corpus.articles, corpus.aliasTable, {
    yieldNow: async () => {
      yields++;
    },
    sliceMs: 0,
    isCancelled: () => yields >= 3,
  });
  assert.equal(result, undefined);
  assert.equal(yields, 3, 'no work after the cancelling yield');
});

/**
 * Not an assertion, a measurement (timing on a shared machine is no test): run with
 * TOPICS_SLICE_MEASURE=1 to print the longest stretch between yields and the cost of yielding
 * at 100,000 State of the Union passages (about 25 MB).
 */
test('measure: longest stretch between yields and total overhead at 100,000 passages', { skip: !process.env.TOPICS_SLICE_MEASURE }, async () => {
  const articles = corpusOfSize(loadSotuArticles(), 100_000);
  const passages = articles.reduce((sum, article) => sum + article.passages.length, 0);
  const chars = articles.reduce((sum, article) => sum + article.passages.reduce((n, passage) => n + passage.text.length, 0), 0);
  extractTopics(articles.slice(0, 200), emptyAliasTable);
  let started = performance.now();
  const synchronous = extractTopics(articles, emptyAliasTable);
  const synchronousMs = performance.now() - started;
  for (const [label, wait] of [
    ['setTimeout(0)', () => new Promise<void>((resolve) => setTimeout(resolve, 0))],
    ['setImmediate', () => new Promise<void>((resolve) => setImmediate(resolve))],
  ] as const) {
    const stretches: number[] = [];
    // CPU time of the process per stretch: on a busy machine the wall clock also counts time the OS gave to others.
    const cpuStretches: number[] = [];
    const cpuSince = (at: NodeJS.CpuUsage): number => {
      const used = process.cpuUsage(at);
      return (used.user + used.system) / 1000;
    };
    let resumed = performance.now();
    let resumedCpu = process.cpuUsage();
    started = resumed;
    const cooperative = await extractTopicsCooperatively(articles, emptyAliasTable, {
      yieldNow: async () => {
        stretches.push(performance.now() - resumed);
        cpuStretches.push(cpuSince(resumedCpu));
        await wait();
        resumed = performance.now();
        resumedCpu = process.cpuUsage();
      },
    });
    stretches.push(performance.now() - resumed);
    cpuStretches.push(cpuSince(resumedCpu));
    const totalMs = performance.now() - started;
    assert.equal(cooperative?.topics().length, synchronous.topics().length);
    const sorted = [...stretches].sort((a, b) => a - b);
    const over = (limit: number): number => stretches.filter((ms) => ms > limit).length;
    console.log(`${passages} passages, ${(chars / 1e6).toFixed(1)} MB, ${synchronous.topics().length} topics; yieldNow = ${label}: `
      + `synchronous ${synchronousMs.toFixed(0)} ms, cooperative ${totalMs.toFixed(0)} ms (+${(((totalMs - synchronousMs) / synchronousMs) * 100).toFixed(1)}%), `
      + `${stretches.length} stretches, longest ${sorted[sorted.length - 1].toFixed(1)} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)].toFixed(1)} ms, `
      + `over 16 ms: ${over(16)}, over 50 ms: ${over(50)}; longest in CPU time ${Math.max(...cpuStretches).toFixed(1)} ms (GC threads included)`);
  }
});
