/**
 * An article's topic evidence (its candidate names and lower-case word counts, `articleEvidence`)
 * kept and given back to buildTopics counts exactly as reading the article's passages again: the
 * archive's topic refresh relies on it to read only new articles' text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article } from '../../../src/core/model';
import { articleEvidence, buildTopics, type ArticleEvidence, type BuiltTopics } from '../../../src/core/topics/buildTopics';
import { findCandidates } from '../../../src/core/topics/findCandidates';
import { loadBundledCorpus } from './corpusLoader';
import { articlesOf } from './shortSources';

function comparable(built: BuiltTopics): unknown {
  return {
    topics: built.topics,
    hidden: [...built.hiddenIds].sort(),
    aliases: [...built.aliasNamesById],
    keys: built.trie.keys().map(({ words, entry }) => [words.join(' '), entry]),
  };
}

/** Evidence as it comes back from storage: through JSON, as the archive keeps it. */
function keptEvidence(articles: readonly Article[]): Map<string, ArticleEvidence> {
  return new Map(articles.map((article) => [article.id, JSON.parse(JSON.stringify(articleEvidence(article))) as ArticleEvidence]));
}

test('topics built from kept evidence equal topics built from the text (bundled corpus, with its aliases)', () => {
  const { articles, aliasTable } = loadBundledCorpus();
  const kept = keptEvidence(articles);
  const fromText = buildTopics(articles, aliasTable);
  const fromEvidence = buildTopics(articles, aliasTable, undefined, (article) => kept.get(article.id));
  assert.ok(fromText.topics.length > 20, `${fromText.topics.length} topics`);
  assert.deepEqual(comparable(fromEvidence), comparable(fromText));
});

test('evidence kept for some articles and read from the text for the others gives the same topics', () => {
  const { articles, aliasTable } = loadBundledCorpus();
  const kept = keptEvidence(articles.filter((_, index) => index % 2 === 0));
  const fromText = buildTopics(articles, aliasTable);
  const mixed = buildTopics(articles, aliasTable, undefined, (article) => kept.get(article.id));
  assert.deepEqual(comparable(mixed), comparable(fromText));
});

test("evidence counts lower-case words and keeps each passage's candidates in order, without places", () => {
  const [first, second] = articlesOf(['Officials in Geneva said the treaty held. The treaty was signed by Lavrov.', 'Lavrov said the Geneva talks would resume.']);
  const article: Article = { ...first, passages: [first.passages[0], { ...second.passages[0], id: `${first.id}:p1`, articleId: first.id, ordinal: 1 }] };
  const evidence = articleEvidence(article);
  const expected = article.passages.flatMap((passage) => findCandidates(passage.text).candidates.map((candidate) => candidate.key));
  assert.ok(expected.includes('geneva') && expected.includes('lavrov'), expected.join(', '));
  assert.deepEqual(evidence.candidates.map((candidate) => candidate.key), expected);
  assert.ok(evidence.candidates.every((candidate) => !('start' in candidate) && !('end' in candidate)));
  assert.equal(new Map(evidence.lowercaseWords).get('treaty'), 2);
});
