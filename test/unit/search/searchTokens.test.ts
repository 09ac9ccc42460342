import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normaliseTerm, scanTerms, termOfCodes, termSpans } from '../../../src/core/search/searchTokens';

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
});
