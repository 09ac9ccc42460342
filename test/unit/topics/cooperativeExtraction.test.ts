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
