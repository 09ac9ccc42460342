import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../../../src/core/model';
import { PassageIndex } from '../../../src/core/search/passageIndex';
import { MAX_QUERY_WORDS, parseSearchQuery } from '../../../src/core/search/searchQuery';

describe('parseSearchQuery', () => {
  it('splits words, quoted phrases and filters', () => {
    assert.deepEqual(parseSearchQuery('outlet:rfi "Far East" investment topic:S-400'), {
      terms: ['investment'],
      phrases: ['Far East'],
      outlet: 'rfi',
      topic: 'S-400',
    });
  });

  it('reads quoted filter values and curly quotes', () => {
    assert.deepEqual(parseSearchQuery('outlet:"Associated Press" Ladakh'), { terms: ['Ladakh'], phrases: [], outlet: 'Associated Press', endsInWord: true });
    assert.deepEqual(parseSearchQuery('“maritime route” Chennai'), { terms: ['Chennai'], phrases: ['maritime route'], endsInWord: true });
    assert.deepEqual(parseSearchQuery('Topic:"Vladimir Putin"'), { terms: [], phrases: [], topic: 'Vladimir Putin' });
  });

  it('treats an unterminated quote as a phrase to the end', () => {
    assert.deepEqual(parseSearchQuery('Putin "joint military'), { terms: ['Putin'], phrases: ['joint military'] });
  });

  it('keeps unknown prefixes and regex-like input as plain words', () => {
    assert.deepEqual(parseSearchQuery('note:this (a+)+$ ['), { terms: ['note:this', '(a+)+$', '['], phrases: [], endsInWord: true });
    assert.deepEqual(parseSearchQuery('outlet: rfi'), { terms: ['rfi'], phrases: [], endsInWord: true }, 'an empty filter is ignored');
  });

  it('says whether the last word may be unfinished', () => {
    assert.equal(parseSearchQuery('Afgh').endsInWord, true);
    assert.equal(parseSearchQuery('Afgh ').endsInWord, undefined);
    assert.equal(parseSearchQuery('Afgh "Far East"').endsInWord, undefined);
  });

  it('never throws, and bounds its work on huge input', () => {
    for (const query of ['', '"', '""', 'outlet:"', '\ud800', '"'.repeat(10_001), 'x'.repeat(1_000_000)]) {
      assert.doesNotThrow(() => parseSearchQuery(query));
    }
    assert.equal(parseSearchQuery('x'.repeat(1_000_000)).terms[0].length, 1000);
  });

  it(`counts at most ${MAX_QUERY_WORDS} words`, () => {
    const words = Array.from({ length: 300 }, (_, n) => `w${n}`);
    assert.deepEqual(parseSearchQuery(words.join(' ')).terms, words.slice(0, MAX_QUERY_WORDS));
  });
});

describe('a query of more words than a byte counts (a pasted paragraph)', () => {
  const words: string[] = [];
  for (let first = 0; first < 26 && words.length < 300; first++) {
    for (let second = 0; second < 26 && words.length < 300; second++) words.push(String.fromCharCode(97 + first, 97 + second));
  }
  const texts = [words.join(' '), words.slice(0, 10).join(' '), 'Nothing to see here.'];
  const article: Article = {
    id: 'letters', sourceUri: 'file:///letters.txt', format: 'txt', meta: { title: 'Letters' }, droppedLines: [],
    passages: texts.map((text, ordinal) => ({ id: `letters#${ordinal}`, articleId: 'letters', ordinal, text, range: { startLine: ordinal, startCharacter: 0, endLine: ordinal, endCharacter: text.length } })),
  };
  const index = new PassageIndex();
  index.addArticle(article);

  for (const count of [255, 256, 257, 300]) {
    it(`${count} words find the passage that has them all once, first, and the passage with ten of them after it`, () => {
      const hits = index.search(words.slice(0, count).join(' '), { limit: 10 });
      assert.deepEqual(hits.map((hit) => hit.passageId), ['letters#0', 'letters#1']);
    });
  }
});
