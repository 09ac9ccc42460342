import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractTopics } from '../../../src/core/topics/topicIndex';
import { loadBundledCorpus } from './corpusLoader';
import { loadTrustFixture, measureTrust } from './trustFigures';

/**
 * Issue 14: hover cards a writer can trust. Measured on the bundled corpus with
 * test/fixtures/topics/trustFixture.json (written before measuring). Before the change
 * (d281572): 20 of 163 absent names got a card (12.27 per 100), 8 were underlined, and
 * recall on the 70 variants was 0.9.
 */
test('hover cards: no card for names the sources never mention, and the variants still find their topic', () => {
  const corpus = loadBundledCorpus();
  const index = extractTopics(corpus.articles, corpus.aliasTable);
  const fixture = loadTrustFixture();
  assert.ok(fixture.absent.length >= 100 && fixture.variants.length >= 50);
  const figures = measureTrust(index, fixture);
  console.log(
    `trust figures: ${figures.falseCards.length} false cards in ${fixture.absent.length} absent names ` +
      `(${figures.falseCardsPer100} per 100), ${figures.falseUnderlines.length} false underlines, ` +
      `recall ${figures.recall} on ${fixture.variants.length} variants; missed: ` +
      figures.missedVariants.map((miss) => `${miss.term} (${miss.got ?? 'no card'})`).join(', '),
  );
  assert.deepEqual(figures.falseCards, [], 'absent names with a card');
  assert.deepEqual(figures.falseUnderlines, [], 'absent names underlined');
  assert.ok(figures.recall >= 0.9, `recall ${figures.recall}`);
  assert.deepEqual(figures.missedVariants.map((miss) => miss.term).sort(), ['Türkiye', 'Vikramadittya'], 'the known misses (see the report of issue 14)');
});
