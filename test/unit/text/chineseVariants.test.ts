import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from '../propertyRuns';
import { indexOfSimplified, mayMatchTraditional, toSimplified } from '../../../src/core/text/chineseVariants';

describe('simplified and traditional characters', () => {
  it('reads traditional characters as simplified ones, one for one, and leaves other text as it is', () => {
    assert.equal(toSimplified('國家尊重和保障人權。'), '国家尊重和保障人权。');
    const plain = '国家尊重和保障人权, S-400.';
    assert.equal(toSimplified(plain), plain);
    assert.equal(toSimplified('見る'), '见る', 'a Japanese form that is also a traditional one');
  });

  it('says which simplified words a traditional character can stand for', () => {
    assert.equal(mayMatchTraditional('人权'), true, '权 is how 權 reads');
    assert.equal(mayMatchTraditional('国家'), true);
    assert.equal(mayMatchTraditional('人権'), false, 'the Japanese 権 is no traditional character\'s simplified form');
    assert.equal(mayMatchTraditional('自由'), false);
  });

  it('finds a simplified word in a text as if the text were simplified, without simplifying it (property)', () => {
    assert.equal(indexOfSimplified('保障人權和國家', '国家'), 5);
    assert.equal(indexOfSimplified('保障人權和國家', '人权', 3), -1);
    const character = fc.constantFrom('國', '国', '家', '權', '权', '人', '見', '见', '。', 'a');
    fc.assert(
      fc.property(fc.array(character, { maxLength: 16 }), fc.array(character, { maxLength: 3 }), fc.integer({ min: -2, max: 18 }), (textCharacters, wordCharacters, from) => {
        const text = textCharacters.join('');
        const word = toSimplified(wordCharacters.join(''));
        assert.equal(indexOfSimplified(text, word, from), toSimplified(text).indexOf(word, from), `${word} in ${text} from ${from}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('a word no traditional character stands for is found in the text as written exactly where it is found in the simplified text (property)', () => {
    const character = fc.constantFrom('國', '国', '家', '權', '权', '権', '人', '見', '见', '自', '由', '。', 'a');
    fc.assert(
      fc.property(fc.array(character, { maxLength: 16 }), fc.array(character, { minLength: 1, maxLength: 3 }), (textCharacters, wordCharacters) => {
        const text = textCharacters.join('');
        const word = toSimplified(wordCharacters.join(''));
        if (mayMatchTraditional(word)) return;
        const places = (haystack: string): number[] => {
          const found: number[] = [];
          for (let at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + 1)) found.push(at);
          return found;
        };
        assert.deepEqual(places(text), places(toSimplified(text)), `${word} in ${text}`);
      }),
      { numRuns: 3000 },
    );
  });
});
