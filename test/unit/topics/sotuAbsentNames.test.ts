import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modernSotuArticles } from '../../bench/topicJudgements';
import { extractTopics } from '../../../src/core/topics/topicIndex';
import { loadTrustFixture, measureTrust } from './trustFigures';

test('State of the Union since 1900: names the addresses never mention get no card (false cards per 100 absent names, on text nobody here wrote)', () => {
  const articles = modernSotuArticles();
  const text = articles.flatMap((article) => article.passages.map((passage) => passage.text)).join('\n').toLowerCase();
  // The fixture's absent names that these addresses do not contain either, as written.
  const absent = loadTrustFixture().absent.filter((name) => !text.includes(name.toLowerCase()));
  assert.ok(absent.length >= 100, `only ${absent.length} of the fixture's names are absent from the addresses`);
  const figures = measureTrust(extractTopics(articles, { entries: [] }), { absent, variants: [] });
  console.log(`State of the Union since 1900: ${figures.falseCards.length} false cards in ${absent.length} absent names (${figures.falseCardsPer100} per 100): ${figures.falseCards.map((card) => `${card.term} -> ${card.topic}`).join('; ') || 'none'}`);
  // "Nancy Pelosi" used to show the card of the topic "Nancy" (a first name the addresses use
  // alone): a name word recognised as another topic now also counts as part of the writer's name.
  assert.deepEqual(figures.falseCards.map((card) => `${card.term} -> ${card.topic}`), []);
});
