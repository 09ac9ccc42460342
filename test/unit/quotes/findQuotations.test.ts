import assert from 'node:assert/strict';
import test from 'node:test';
import { findQuotations } from '../../../src/core/quotes/findQuotations';

test('straight, curly and German quotes and guillemets are found, with offsets of the words inside', () => {
  const draft = [
    'Lavrov said "Russia is the only country in the world" that does so.',
    'Goel said, \u201cThe United States is nervous about the summit meeting.\u201d',
    'Ein Zitat: \u201eDie Beziehungen sind sehr gut gewesen\u201c, sagte er.',
    'Le Monde: \u00abla Russie reste un partenaire privil\u00e9gi\u00e9\u00bb.',
  ].join('\n');
  const quotes = findQuotations(draft);
  assert.deepEqual(quotes.map((quote) => quote.text), [
    'Russia is the only country in the world',
    'The United States is nervous about the summit meeting.',
    'Die Beziehungen sind sehr gut gewesen',
    'la Russie reste un partenaire privil\u00e9gi\u00e9',
  ]);
  for (const quote of quotes) assert.equal(draft.slice(quote.start, quote.end), quote.text);
});

test('quotes under four words are ignored: names, scare quotes, titles', () => {
  assert.deepEqual(findQuotations('The "Quad" and the "Democracy Summit" and "omnidirectional diplomacy" here.'), []);
  assert.equal(findQuotations('He called it "a special preferential strategic partnership" then.').length, 1);
});

test('a quote does not run across a blank line, and an unclosed mark does not swallow the rest', () => {
  const draft = 'He said "this will not close\n\nNext paragraph with "four words are here" inside.';
  assert.deepEqual(findQuotations(draft).map((quote) => quote.text), ['four words are here']);
  assert.deepEqual(findQuotations('\u201cnever closed and long enough to count'), []);
});

test('a quote spanning a single line break is one quote', () => {
  const quotes = findQuotations('He said "India will move away\nfrom the United States" today.');
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0].text, 'India will move away\nfrom the United States');
});
