import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSearchQuery } from '../../../src/core/search/searchQuery';

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
});
