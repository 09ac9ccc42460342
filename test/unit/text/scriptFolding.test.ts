import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachTerm } from '../../../src/core/search/searchTokens';
import { latinKeyOf } from '../../../src/core/text/transliteration';
import { foldWord, wordText } from '../../../src/core/text/wordText';
import { normaliseTerm } from '../../../src/core/topics/normaliseTerm';

/** A word as Search Sources indexes it. */
function searchTerms(text: string): string[] {
  const terms: string[] = [];
  forEachTerm(text, (term) => terms.push(term));
  return terms;
}

/** A word as words are compared (topics, quotes): read by `wordText`, then folded. */
function folded(word: string): string {
  return foldWord(wordText(word).text);
}

describe('folding per script (issue 16): the same word however it is written', () => {
  it('Latin: full-width letters and digits read as plain ones (ＳＵ－４００ is su-400)', () => {
    assert.equal(folded('ＳＵ－４００'), 'su-400');
    assert.deepEqual(searchTerms('ＳＵ－４００'), ['su400']);
    assert.deepEqual(searchTerms('Ｐｕｔｉｎ'), ['putin']);
    assert.equal(normaliseTerm('ＳＵ－４００'), normaliseTerm('SU-400'));
  });

  it('Arabic: harakat, the superscript alef and the tatweel are not part of the word', () => {
    const plain = 'محمد';
    assert.equal(folded('مُحَمَّد'), plain, 'damma, fatha, shadda');
    assert.equal(folded('مــحمد'), plain, 'tatweel U+0640 stretching the word');
    assert.equal(folded('ﻣﺤﻤﺪ'), plain, 'presentation forms');
    assert.equal(folded('هٰذا'), folded('هذا'), 'superscript alef U+0670');
    assert.deepEqual(searchTerms('قال مُحَمَّد إنّ'), searchTerms('قال مــحمد إن'));
  });

  it('Cyrillic: ё is е, case is folded, and a Russian word stays Cyrillic', () => {
    assert.equal(folded('Ёлка'), 'елка');
    assert.equal(folded('ещё'), folded('еще'));
    assert.deepEqual(searchTerms('Путин'), ['путин']);
    assert.deepEqual(searchTerms('С-400'), ['s400'], 'a short Cyrillic code reads as the press writes it (kept)');
  });

  it('Greek: tonos and dialytika gone, the final sigma is sigma', () => {
    assert.equal(folded('Αθήνα'), 'αθηνα');
    assert.equal(folded('ΑΘΗΝΑ'), 'αθηνα');
    assert.equal(folded('Οδυσσεύς'), folded('ΟΔΥΣΣΕΥΣ'));
    assert.equal(folded('Οδυσσεύς'), 'οδυσσευσ');
    assert.equal(folded('προϊόν'), 'προιον');
  });

  it('Devanagari: vowel signs are letters of the word, not accents (मोदी is not मद)', () => {
    assert.equal(folded('मोदी'), 'मोदी');
    assert.notEqual(folded('मोदी'), folded('मद'));
    assert.deepEqual(searchTerms('नरेंद्र मोदी'), ['नरेंद्र', 'मोदी']);
    assert.equal(folded('क़'), folded('क़'), 'a precomposed nukta letter and its decomposed form are one');
  });

  it('Hebrew: points are not part of the word', () => {
    assert.equal(folded('שָׁלוֹם'), 'שלום');
  });
});

describe('Latin keys of words in other alphabets (any-ascii)', () => {
  const keyOf = (word: string) => latinKeyOf(folded(word));

  it('Cyrillic names read as the press transliterates them', () => {
    assert.equal(keyOf('Путин'), 'putin');
    assert.equal(keyOf('Лавров'), 'lavrov');
    assert.equal(keyOf('Москва'), 'moskva');
    assert.equal(keyOf('Шойгу'), 'shoigu', 'й folds to и first, so every spelling gets one key');
    assert.equal(keyOf('Нетаньяху'), 'netanyakhu', 'letters and digits only');
    assert.equal(keyOf('Київ'), 'kiiv');
  });

  it('Greek, Devanagari, Arabic and Hebrew get keys too (abjads without their vowels)', () => {
    assert.equal(keyOf('Αθήνα'), 'athina');
    assert.equal(keyOf('मोदी'), 'modi');
    assert.equal(keyOf('पुतिन'), 'putin');
    assert.equal(keyOf('بوتين'), 'bwtyn');
    assert.equal(keyOf('ירושלים'), 'yrvslym');
  });

  it('no key for short function words, Latin words, mixed words or Chinese, Japanese and Thai', () => {
    for (const word of ['и', 'он', 'но', 'не', 'في', 'Putin', 'Zürich', 'Путinа', '北京', 'とうきょう', 'ประเทศ']) {
      assert.equal(keyOf(word), undefined, word);
    }
  });
});
