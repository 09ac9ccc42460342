import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from '../propertyRuns';
import { fillHanAndKanaTermPositions, HAN_AND_KANA_IN_PLACE, HAN_AND_KANA_SCANNED, HAN_AND_KANA_TERMS_ONLY, hanAndKanaReading, hanAndKanaReadInPlace, hanAndKanaTermPositions, HAS_TRADITIONAL_CHARACTERS, normaliseTerm, scanTerms, termOfCodes, termSpans } from '../../../src/core/search/searchTokens';
import { TermTable } from '../../../src/core/search/termTable';
import { toSimplified } from '../../../src/core/text/chineseVariants';

const terms = (text: string): string[] => termSpans(text).map((span) => span.term);

describe('search terms', () => {
  it('folds case, accents and possessives, and stems plurals only', () => {
    assert.deepEqual(terms('Russia’s Jaíshankar MISSILES policies class'), ['russia', 'jaishankar', 'missile', 'policy', 'class']);
    assert.deepEqual(terms("Lavrov's visit, don't"), ['lavrov', 'visit', 'dont']);
  });

  it('joins codes however they are written', () => {
    assert.deepEqual(terms('S-400, S400 and S 400 but not s 400'), ['s400', 's400', 'and', 's400', 'but', 'not', 's', '400']);
    assert.deepEqual(terms('AK-203 rifles, Covid-19, G20'), ['ak203', 'rifle', 'covid19', 'g20']);
    assert.deepEqual(termSpans('s 400', 'always').map((span) => span.term), ['s400']);
  });

  it('keeps hyphenated words and "2+2" as separate words, with exact spans', () => {
    const text = 'state-of-the-art 2+2 dialogue';
    assert.deepEqual(
      termSpans(text).map(({ start, end }) => text.slice(start, end)),
      ['state', 'of', 'the', 'art', '2', '2', 'dialogue'],
    );
  });

  it('skips runs longer than 64 characters (base64, glued URLs)', () => {
    assert.deepEqual(terms(`before ${'A'.repeat(500)} after`), ['before', 'after']);
  });

  it('reads non-Latin words and astral-plane letters without splitting them', () => {
    const text = 'Путин встретился 𝒜lpha';
    assert.deepEqual(terms(text), ['путин', 'встретился', 'alpha']);
  });

  it('the fast ASCII path and the general path agree (property)', () => {
    const piece = fc.constantFrom('S', '-', '400', ' ', "'s", '’s', 'Russia', 'é', 'ies', 'es', 'AK', '2', '+', 'Ladakh', '\u0301', 'ss', "'", 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const fromScanner: string[] = [];
        scanTerms(text, (buffer, length) => fromScanner.push(termOfCodes(buffer, length)));
        // Each word on its own through the string functions must give the same terms.
        for (const { term, start, end } of termSpans(text)) {
          const word = text.slice(start, end);
          if (!/[-\s]/.test(word) && !/\d/.test(word)) {
            assert.equal(term, normaliseTerm(word), `word ${JSON.stringify(word)} in ${JSON.stringify(text)}`);
          }
        }
        assert.deepEqual(fromScanner, terms(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('positions of Han and kana text without scanning it agree with the scanner, and other text is left to the scanner (property)', () => {
    const piece = fc.constantFrom('人', '権', '國', '家', 'の', 'イ', 'ー', '、', '。', '，', ' ', '\u200b', 'S-400', 'x', '7', '７', '𠀀', 'é', '\u3000', '「', '」');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join('');
        const spans = termSpans(text, 'upper-case-only', 'pairs');
        const positions = hanAndKanaTermPositions(text);
        const onlyHanAndKana = !/[A-Za-z0-9７é\u200b\ud800-\udfff]/.test(text);
        assert.equal(positions !== undefined, onlyHanAndKana, JSON.stringify(text));
        if (positions) {
          spans.forEach((span, position) => assert.equal(positions[span.start], position, `${JSON.stringify(text)} at ${span.start}`));
          assert.equal(positions[text.length], spans.length);
          const filled = new Int32Array(text.length + 1);
          fillHanAndKanaTermPositions(text, filled);
          assert.deepEqual(filled, positions, 'the count without checks agrees');
        }
        assert.equal(hanAndKanaReadInPlace(text), !/[\u200b\ud800-\udfff]/.test(text), JSON.stringify(text));
        // The one-pass reading agrees with the functions it stands for.
        const reading = positions ? HAN_AND_KANA_TERMS_ONLY : hanAndKanaReadInPlace(text) ? HAN_AND_KANA_IN_PLACE : HAN_AND_KANA_SCANNED;
        assert.equal(hanAndKanaReading(text), reading | (toSimplified(text) !== text ? HAS_TRADITIONAL_CHARACTERS : 0), JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('scans Chinese and Japanese with full-width punctuation as written, with the terms and spans of its word text', () => {
    const text = '人人有权享受生命、自由和人身安全，（第三条）：「表現の自由」！S-400？';
    const read = termSpans(text, 'upper-case-only', 'pairs');
    assert.ok(read.some((span) => span.term === '自由'));
    assert.ok(read.some((span) => span.term === 's400'));
    // The same text with its punctuation as ASCII (what `wordText` makes of it) has the same terms at the same places.
    const ascii = text.replace(/[，（）：！？]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
    assert.deepEqual(read, termSpans(ascii, 'upper-case-only', 'pairs'));
  });

  it('gives the index each pair of plain Han and kana units as one number, and every other term as code units', () => {
    const text = '國家の人権、S-400と𠀀人';
    const pairs: string[] = [];
    const others: string[] = [];
    scanTerms(text, (buffer, length) => others.push(termOfCodes(buffer, length)), 'upper-case-only', 'pairs', (key) => pairs.push(String.fromCharCode(key >>> 16, key & 0xffff)));
    assert.deepEqual(pairs, ['国家', '家の', 'の人', '人権'], 'traditional characters as simplified ones');
    assert.deepEqual(others, ['s400', 'と𠀀', '𠀀人'], 'a pair with an astral character goes as code units');
    const all: string[] = [];
    scanTerms(text, (buffer, length) => all.push(termOfCodes(buffer, length)), 'upper-case-only', 'pairs');
    assert.deepEqual([...pairs, ...others].sort(), [...all].sort(), 'the same terms as without the fast path');
  });
});

describe('the vocabulary', () => {
  it('gives every term one id, found again from its code units, for terms of one, two and more units', () => {
    const table = new TermTable();
    const words = ['京', '北京', '北京市', 's400', 'a', 'ab', 'abc', '人権', '権の', '', 'の', '\u4e00\u4e01'];
    for (let code = 0x4e00; code < 0x4e00 + 3000; code++) words.push(String.fromCharCode(code), String.fromCharCode(code, code + 1), String.fromCharCode(code, code + 1, code + 2));
    const unique = [...new Set(words)];
    const ids = unique.map((word) => {
      const buffer = Uint16Array.from(word, (character) => character.charCodeAt(0));
      return table.findOrAdd(buffer, word.length);
    });
    assert.equal(new Set(ids).size, unique.length);
    unique.forEach((word, index) => {
      assert.equal(table.idOf(word), ids[index], word);
      assert.equal(table.terms[ids[index]], word);
    });
    assert.equal(table.idOf('東京'), -1);
    assert.equal(table.idOf('xyz'), -1);
    const loaded = new TermTable();
    for (const term of table.terms) loaded.addNew(term);
    unique.forEach((word, index) => assert.equal(loaded.idOf(word), ids[index], word));
  });
});
