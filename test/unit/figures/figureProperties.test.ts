import assert from 'node:assert/strict';
import test from 'node:test';
import fc from '../propertyRuns';
import type { Logger } from '../../../src/core/model';

/** Fails the property when the code under test reports a caught error. */
const failingLogger: Logger = { info() {}, warn() {}, error(message) { throw new Error(message); } };
import { DraftFigureChecker } from '../../../src/core/figures/draftFigures';
import { extractFigures } from '../../../src/core/figures/extractFigures';
import type { Figure } from '../../../src/core/figures/figure';
import { groupFigures } from '../../../src/core/figures/groupFigures';
import { passageOf } from './passageOf';

/** Text made of the pieces the extractor reacts to, mixed with arbitrary Unicode. */
const figureLikeText = fc
  .array(
    fc.oneof(
      fc.constantFrom('$', '\u20b9', 'Rs', '%', 'percent', 'per', 'cent', 'billion', 'crore', 'hundreds', 'of', 'millions', '5,000', '5.4', '60',
        '2010', '2025', 'since', 'by', 'the', 'end', 'more', 'than', 'fallen', 'below', 'nearly', 'about', 'two', 'years', 'ago', '10-year',
        'km', 'days', '6th', 'December', 'S-400', '2+2', '00:06', 'second', 'trip', 'countries', '.', ',', '-', ' ', '\n', '"', '\u201c', '\u201d', '\ud83d\ude00', '\u0301'),
      fc.string({ unit: 'binary', maxLength: 12 }),
    ),
    { maxLength: 80 },
  )
  .map((pieces) => pieces.join(' '));

test('extractFigures never throws, and every span and sentence is the text at its offsets', () => {
  fc.assert(
    fc.property(fc.oneof(figureLikeText, fc.string({ unit: 'binary' })), (text) => {
      const figures = extractFigures(passageOf(text), { logger: failingLogger });
      for (const figure of figures) {
        assert.equal(text.slice(figure.span.start, figure.span.end), figure.span.text);
        assert.equal(text.slice(figure.sentence.start, figure.sentence.end), figure.sentence.text);
        assert.ok(Number.isFinite(figure.low) && Number.isFinite(figure.high) && figure.low <= figure.high);
      }
    }),
    { numRuns: 400 },
  );
});

test('groupFigures and the draft checker never throw, and every figure lands in exactly one group', () => {
  fc.assert(
    fc.property(fc.array(figureLikeText, { maxLength: 6 }), figureLikeText, (texts, draft) => {
      const figures: Figure[] = texts.flatMap((text, index) => extractFigures(passageOf(text, `article-${index % 3}`, `p${index}`), { logger: failingLogger }));
      const groups = groupFigures(figures);
      const placed = groups.flatMap((group) => group.figures);
      assert.equal(placed.length, figures.filter((figure) => !figure.isAnchorOnly).length);
      assert.equal(new Set(placed).size, placed.length);
      for (const group of groups) assert.ok(group.label.length > 0 && group.label.length <= 120);
      new DraftFigureChecker(groups, { logger: failingLogger }).matches(draft);
    }),
    { numRuns: 200 },
  );
});
