import assert from 'node:assert/strict';
import test from 'node:test';
import fc from '../propertyRuns';
import type { Logger } from '../../../src/core/model';

/** Fails the property when the code under test reports a caught error. */
const failingLogger: Logger = { info() {}, warn() {}, error(message) { throw new Error(message); } };
import type { Passage } from '../../../src/core/model';
import { findQuotations } from '../../../src/core/quotes/findQuotations';
import { QuotationIndex } from '../../../src/core/quotes/quotationIndex';

const quoteLikeText = fc
  .array(
    fc.oneof(
      fc.constantFrom('"', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '...', '\u2026', 'the', 'India', 'Russia', 'said', ' ', '\n', '\n\n', '\r\n', '\u00ad', '\u200b', '\ud83d\ude00', 'I\u0307', '\u0130'),
      fc.string({ unit: 'binary', maxLength: 10 }),
    ),
    { maxLength: 60 },
  )
  .map((pieces) => pieces.join(' '));

function passage(text: string, index: number): Passage {
  return { id: `p${index}`, articleId: 'a', ordinal: index, text, range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 } };
}

test('findQuotations never throws and its offsets point at its text', () => {
  fc.assert(
    fc.property(fc.oneof(quoteLikeText, fc.string({ unit: 'binary' })), (text) => {
      for (const quote of findQuotations(text, { minWords: 1 })) {
        assert.equal(text.slice(quote.start, quote.end), quote.text);
        assert.ok(quote.start <= quote.end);
      }
    }),
    { numRuns: 500 },
  );
});

test('a quotation check never throws; a verbatim or near source span is the passage text at its offsets', () => {
  fc.assert(
    fc.property(fc.array(quoteLikeText, { minLength: 1, maxLength: 5 }), quoteLikeText, (texts, quote) => {
      const passages = texts.map(passage);
      const result = new QuotationIndex(passages).check(quote, { logger: failingLogger });
      if (result.verdict !== 'not-found') {
        const source = passages.find((candidate) => candidate.id === result.passageId);
        assert.ok(source);
        assert.equal(source.text.slice(result.sourceStart, result.sourceEnd), result.sourceText);
      }
    }),
    { numRuns: 300 },
  );
});

test('any stretch of words taken from a passage is found verbatim in it', () => {
  fc.assert(
    fc.property(quoteLikeText, fc.nat(), fc.nat(), (text, a, b) => {
      const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word) && !/["\u201c\u201d\u201e\u00ab\u00bb\u2026]|\.\.\./u.test(word));
      if (words.length < 3) return;
      const start = a % words.length;
      const end = Math.min(words.length, start + 3 + (b % 5));
      const quote = words.slice(start, end).join(' ');
      const cleanText = words.join(' ');
      const result = new QuotationIndex([passage(cleanText, 0)]).check(quote);
      assert.equal(result.verdict, 'verbatim', `${JSON.stringify(quote)} in ${JSON.stringify(cleanText)}`);
    }),
    { numRuns: 300 },
  );
});
