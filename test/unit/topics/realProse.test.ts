import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import type { Article } from '../../../src/core/model';
import { extractTopics } from '../../../src/core/topics/topicIndex';
import { normaliseTerm } from '../../../src/core/topics/normaliseTerm';
import { repositoryRoot } from './corpusLoader';

/** About 1 MB of the most recent State of the Union addresses: public-domain English prose nobody here wrote. */
function recentAddresses(limitChars: number): Article[] {
  const dir = join(repositoryRoot, 'node_modules', '@stdlib', 'datasets-sotu', 'data');
  const articles: Article[] = [];
  let chars = 0;
  for (const fileName of readdirSync(dir).filter((name) => name.endsWith('.txt')).sort().reverse()) {
    if (chars >= limitChars) break;
    const outcome = ingestFile({ uri: `file:///sotu/${fileName}`, fileName, bytes: readFileSync(join(dir, fileName)) });
    if (outcome.kind !== 'articles') continue;
    for (const article of outcome.articles) {
      articles.push(article);
      for (const passage of article.passages) chars += passage.text.length;
    }
  }
  return articles;
}

test('State of the Union addresses: the expected names lead, and no ordinary words or sentence openers do', () => {
  const articles = recentAddresses(1_000_000);
  const index = extractTopics(articles, { entries: [] });
  const top = index.topics().slice(0, 100);
  const names = new Set(top.map((t) => normaliseTerm(t.name)));
  for (const expected of ['America', 'Congress', 'United States', 'China', 'Iraq', 'Afghanistan', 'Russia', 'NATO', 'Al Qaida', 'Medicare', 'Social Security']) {
    assert.ok(names.has(normaliseTerm(expected)), `${expected} among the top 100`);
  }
  for (const noise of ['However', 'Tonight', 'Today', 'Now', 'Thank', 'And', 'But', 'We', 'I', "I'm", "I've", 'Americans', 'American', 'January', 'Nation', 'Others']) {
    assert.ok(!names.has(normaliseTerm(noise)), `"${noise}" is not a top topic`);
  }
  assert.equal(index.topics().find((t) => t.name === 'Iraq')?.kind, 'place');
  assert.equal(index.topics().find((t) => t.name === 'Abraham Lincoln')?.kind, 'person');
});
