import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../../src/core/model';
import { buildTopicCard, prepareTopicCardsInSlices } from '../../../src/core/present/topicCard';
import { extractTopics } from '../../../src/core/topics/topicIndex';
import { loadBundledCorpus } from '../topics/corpusLoader';

test('cards prepared in slices ahead of the first hover are the cards a hover would build, and the hover then looks up only what it shows', () => {
  const corpus = loadBundledCorpus();
  const byId = new Map(corpus.articles.map((article) => [article.id, article]));
  const passages = new Map(corpus.articles.flatMap((article) => article.passages.map((passage) => [passage.id, passage] as const)));
  let articleLookups = 0;
  const source = { article: (id: string): Article | undefined => (articleLookups++, byId.get(id)), passage: (id: string) => passages.get(id) };
  const line = 'Deliveries of the S-400 had started.';
  const cold = extractTopics(corpus.articles, corpus.aliasTable);
  const expected = buildTopicCard(cold.matchAt(line, 20)!, source, 3);

  const warm = extractTopics(corpus.articles, corpus.aliasTable);
  let yields = 0;
  const work = prepareTopicCardsInSlices(warm.topics(), source, { due: () => true });
  while (!work.next().done) yields++;
  assert.ok(yields > warm.topics().length, `the work yields inside topics too (${yields} yields for ${warm.topics().length} topics)`);
  articleLookups = 0;
  const card = buildTopicCard(warm.matchAt(line, 20)!, source, 3);
  assert.deepEqual(card, expected);
  assert.equal(card.name, 'S-400');
  assert.ok(articleLookups <= 3, `the hover looked up ${articleLookups} articles: only those of the passages it shows`);
});
