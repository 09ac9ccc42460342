import assert from 'node:assert/strict';
import test from 'node:test';
import { extractFigures } from '../../../src/core/figures/extractFigures';
import type { Passage } from '../../../src/core/model';
import { findQuotations } from '../../../src/core/quotes/findQuotations';
import { QuotationIndex } from '../../../src/core/quotes/quotationIndex';
import { parseSearchQuery } from '../../../src/core/search/searchQuery';

// Drafts built to be slow for the draft checks (and a query for the search box), at a size that
// used to take minutes. Each asserts what the writer would see; the timeout only catches a hang.
const hang = { timeout: 120_000 };

function passage(id: string, text: string): Passage {
  return { id, articleId: id, ordinal: 0, text, range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 } };
}

test('5,000,000 opening marks without a closer: the quotation after them is still found', hang, () => {
  const draft = `${'\u00ab'.repeat(5_000_000)} He said "we will not accept this deal" today.`;
  assert.deepEqual(findQuotations(draft).map((quote) => quote.text), ['we will not accept this deal']);
});

test('2,000 opening marks before 5,000,000 spaces: no quotation, and a later one is found', hang, () => {
  const draft = `${'\u201c'.repeat(2000)}\n${' '.repeat(5_000_000)}x\n\nShe said \u201cthe talks will go on\u201d.`;
  assert.deepEqual(findQuotations(draft).map((quote) => quote.text), ['the talks will go on']);
});

test('300 quotations of 2,900 commas each are checked (not found), and a true quotation is verbatim', hang, () => {
  const index = new QuotationIndex([passage('p1', '"We will not accept this deal," the minister said on Monday.')]);
  const draft = `${`"a${','.repeat(2900)}a b c d" `.repeat(300)}The minister said "we will not accept this deal".`;
  const verdicts = findQuotations(draft).map((quote) => index.check(quote.text).verdict);
  assert.equal(verdicts.length, 301);
  assert.ok(verdicts.slice(0, 300).every((verdict) => verdict === 'not-found'));
  assert.equal(verdicts[300], 'verbatim');
});

test('400 figures in one 1 MB sentence each name its people, read once', hang, () => {
  const figures = extractFigures(passage('draft', 'Alice Bob 5 percent, '.repeat(50_000)), { maxTextLength: 1_000_000 });
  assert.equal(figures.length, 400);
  assert.ok(figures.every((figure) => figure.kind === 'percent' && figure.names.join() === 'alice,bob'));
});

test('a 1 MB chain of "millions of" and one of "millions" give no figure, without stalling; "tens of millions of soldiers" is still read', hang, () => {
  assert.deepEqual(extractFigures(passage('draft', `${'millions of '.repeat(85_000)},`), { maxTextLength: 1_000_000 }), []);
  assert.deepEqual(extractFigures(passage('draft', `${'millions '.repeat(110_000)},`), { maxTextLength: 1_000_000 }), []);
  const [figure] = extractFigures(passage('draft', 'It sent tens of millions of soldiers.'));
  assert.deepEqual([figure.kind, figure.low, figure.high, figure.unit], ['count', 20e6, 99e6, 'soldier']);
});

test('a 1 MB sentence of "in 2019" gives its dates, each read from the words just before it', hang, () => {
  const figures = extractFigures(passage('draft', 'in 2019 '.repeat(125_000)), { maxTextLength: 1_000_000 });
  assert.equal(figures.length, 400);
  assert.ok(figures.every((figure) => figure.kind === 'date' && figure.date?.year === 2019));
});

test('a 5 MB search query is read up to its first 1,000 characters', hang, () => {
  const parsed = parseSearchQuery(`outlet:"Example Wire" ${'"a" '.repeat(1_250_000)}`);
  assert.equal(parsed.outlet, 'Example Wire');
  assert.ok(parsed.phrases.length > 0 && parsed.phrases.length <= 250);
});
