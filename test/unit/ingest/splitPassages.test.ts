import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeCharacterCut, splitPassages } from '../../../src/core/ingest/splitPassages';

function split(text: string, maxChars = 80): string[] {
  return splitPassages({ pieces: [{ text, start: 0, end: text.length }] }, maxChars).map((cut) => cut.text);
}

test('a short paragraph is one passage, white space folded', () => {
  assert.deepEqual(split('  India and  Russia\n have a long\trelationship.  '), ['India and Russia have a long relationship.']);
});

test('a long paragraph splits at sentence ends, not after "U.S.", "Mr." or inside decimals', () => {
  const text = 'Mr. Putin met Mr. Modi in New Delhi on Monday. The U.S. Defense Secretary visited in 2021. The deal was worth 5.4 billion dollars to Russia. Talks will continue next year in Moscow.';
  assert.deepEqual(split(text, 100), [
    'Mr. Putin met Mr. Modi in New Delhi on Monday. The U.S. Defense Secretary visited in 2021.',
    'The deal was worth 5.4 billion dollars to Russia. Talks will continue next year in Moscow.',
  ]);
});

test('a sentence end needs a capital or a digit after it', () => {
  const text = 'He said e.g. things like this one over and over. and then kept on going without a capital letter for a long while.';
  assert.deepEqual(split(text, 80).length, 2);
  assert.ok(!split(text, 80)[0].endsWith('e.g.'));
});

test('source offsets map each cut back to the source exactly', () => {
  const text = 'First sentence is here. Second sentence is here. Third sentence is here.';
  const cuts = splitPassages({ pieces: [{ text, start: 100, end: 100 + text.length }] }, 50);
  for (const cut of cuts) {
    assert.equal(text.slice(cut.start - 100, cut.end - 100), cut.text);
  }
});

test('a run-on line without spaces is cut into bounded pieces', () => {
  const base64 = 'QUJD'.repeat(2_000);
  const cuts = split(base64, 800);
  assert.equal(cuts.length, 10);
  assert.ok(cuts.every((cut) => cut.length <= 800));
  assert.equal(cuts.join(''), base64);
});

test('a cut never splits a surrogate pair or strands a combining mark', () => {
  const emoji = '😀'.repeat(500);
  const cuts = split(emoji, 81);
  assert.equal(cuts.join(''), emoji);
  assert.ok(cuts.every((cut) => !/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(cut)));
  const accents = 'e\u0301'.repeat(500);
  const accentCuts = split(accents, 81);
  assert.equal(accentCuts.join(''), accents);
  assert.ok(accentCuts.every((cut) => !cut.startsWith('\u0301')));
  assert.equal(safeCharacterCut('ab😀cd', 3), 2);
  assert.equal(safeCharacterCut('abe\u0301cd', 3), 2);
});
