import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundedEditDistance, editsAllowed, misspellingEdits } from '../../../src/core/topics/spellingDistance';

test('editsAllowed grows with the word: none under 4 letters, one for 4–7, two from 8', () => {
  assert.deepEqual([1, 3, 4, 7, 8, 12].map(editsAllowed), [0, 0, 1, 1, 2, 2]);
});

test('boundedEditDistance counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
  assert.equal(boundedEditDistance('biden', 'biden', 2), 0);
  assert.equal(boundedEditDistance('byden', 'biden', 2), 1);
  assert.equal(boundedEditDistance('lavarov', 'lavrov', 2), 1);
  assert.equal(boundedEditDistance('ladak', 'ladakh', 2), 1);
  assert.equal(boundedEditDistance('dehli', 'delhi', 2), 1, 'a swap of neighbours is one edit');
  assert.equal(boundedEditDistance('jaishenkar', 'jaishankar', 2), 1);
  assert.equal(boundedEditDistance('kitten', 'sitting', 5), 3);
  assert.equal(boundedEditDistance('', 'abc', 5), 3);
  assert.equal(boundedEditDistance('ca', 'abc', 5), 3, 'optimal string alignment: a swapped pair is not edited again');
});

test('boundedEditDistance stops early: anything above max is max + 1', () => {
  assert.equal(boundedEditDistance('berlin', 'beijing', 1), 2);
  assert.equal(boundedEditDistance('a', 'abcdefgh', 2), 3);
  assert.equal(boundedEditDistance('macron', 'omicron', 1), 2);
});

test('misspellingEdits: a plausible misspelling of the same word, or nothing', () => {
  assert.equal(misspellingEdits('byden', 'biden'), 1);
  assert.equal(misspellingEdits('putim', 'putin'), 1);
  assert.equal(misspellingEdits('modii', 'modi'), 1);
  assert.equal(misspellingEdits('afganistan', 'afghanistan'), 1);
  assert.equal(misspellingEdits('jaishenkar', 'jaishankar'), 1);
  assert.equal(misspellingEdits('putin', 'putin'), 0);
  assert.equal(misspellingEdits('turin', 'putin'), undefined, 'the first letter is kept');
  assert.equal(misspellingEdits('xy', 'xz'), undefined, 'short words must be exact');
  assert.equal(misspellingEdits('han', 'hat'), undefined);
  assert.equal(misspellingEdits('s500', 's400'), undefined, 'digits are exact: another system');
  assert.equal(misspellingEdits('cop27', 'cop26'), undefined);
  assert.equal(misspellingEdits('berlin', 'beijing'), undefined);
  assert.equal(misspellingEdits('paris', 'pakistan'), undefined, 'not a shared letter pattern');
  assert.equal(misspellingEdits('lviv', 'kyiv'), undefined);
  assert.equal(misspellingEdits('russian', 'russia'), undefined, 'a demonym is another word, not a typo');
  assert.equal(misspellingEdits('pakistani', 'pakistan'), undefined);
  assert.equal(misspellingEdits('ladak', 'ladakh'), 1, 'a dropped last letter is a typo');
  assert.equal(misspellingEdits('jaffrelott', 'jaffrelot'), 1, 'so is a doubled one');
  assert.equal(misspellingEdits('chita', 'china'), undefined, 'in a short name, t for n is another name, not a slip');
  assert.equal(misspellingEdits('mody', 'modi'), 1, 'a vowel for a vowel is a slip');
  assert.equal(misspellingEdits('putim', 'putin'), 1, 'so is a neighbouring key');
  assert.equal(misspellingEdits('lavrow', 'lavrov'), 1, 'longer words allow any one edit');
});

test('misspellingEdits: in a short word, a letter more or less is a slip only as a vowel, a doubled letter or the last letter', () => {
  assert.equal(misspellingEdits('lagos', 'laos'), undefined, 'Lagos is another city, not a misspelt Laos');
  assert.equal(misspellingEdits('laos', 'lagos'), undefined);
  assert.equal(misspellingEdits('modii', 'modi'), 1, 'a doubled letter');
  assert.equal(misspellingEdits('ladak', 'ladakh'), 1, 'a dropped last letter');
  assert.equal(misspellingEdits('sing', 'singh'), 1);
  assert.equal(misspellingEdits('chna', 'china'), 1, 'a dropped vowel');
});
