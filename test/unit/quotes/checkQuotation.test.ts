import assert from 'node:assert/strict';
import test from 'node:test';
import type { Passage } from '../../../src/core/model';
import { checkQuotation, QuotationIndex } from '../../../src/core/quotes/quotationIndex';
import { loadBundledCorpus } from '../figures/bundledCorpus';

const articles = loadBundledCorpus();
const passages: Passage[] = [...articles.values()].flatMap((article) => article.passages);
const index = new QuotationIndex(passages);
const lavrovArticle = articles.get('002_f27318ddd049f123.txt');

test('verbatim, ignoring case, white space, quote-mark style and edge punctuation, with the source words', () => {
  const result = index.check('if sanctions are imposed,   India will move away from the United States and approach Russia.');
  assert.equal(result.verdict, 'verbatim');
  assert.equal(result.sourceText, 'If sanctions are imposed, India will move away from the United States and approach Russia');
  const passage = passages.find((candidate) => candidate.id === result.passageId);
  assert.ok(passage && passage.text.includes('Goel said'));
  assert.equal(passage.text.slice(result.sourceStart, result.sourceEnd), result.sourceText);
});

test('verbatim across quote styles: curly in the source, straight in the draft', () => {
  const result = index.check('Russia is the most "natural partner" for a 2+2 dialogue');
  assert.equal(result.verdict, 'verbatim');
  assert.equal(result.sourceText, 'Russia is the most \u201cnatural partner\u201d for a 2+2 dialogue');
});

test('an ellipsis may skip words of the source', () => {
  const result = index.check('military technical cooperation will remain the cornerstone ... of Russian-Indian cooperation');
  assert.equal(result.verdict, 'verbatim');
  assert.equal(result.sourceText, 'military technical cooperation will remain the cornerstone of Russian-Indian cooperation');
});

test('a misquote is a near match that gives the exact words of the source for a quick fix', () => {
  const result = index.check('Russia is the only nation in the world that gives India the most advanced military technology');
  assert.equal(result.verdict, 'near');
  assert.equal(result.sourceText, 'Russia is the only country in the world that provides India with the most advanced military technology');
  assert.ok(lavrovArticle?.passages.some((passage) => passage.id === result.passageId));
  assert.ok(result.similarity !== undefined && result.similarity > 0.7 && result.similarity < 1);
});

test('a quote with a dropped word and a changed ending is near, not verbatim', () => {
  const result = index.check('more than 80% of the Indian army armaments come from Russia');
  assert.equal(result.verdict, 'near');
  assert.equal(result.sourceText, 'more than 80% of the Indian army\u2019s armaments come from Russia');
});

test('words no source has are not found', () => {
  const result = index.check('the moon is made of green cheese and always has been');
  assert.equal(result.verdict, 'not-found');
  assert.equal(result.passageId, undefined);
  assert.equal(checkQuotation('', passages).verdict, 'not-found');
  assert.equal(checkQuotation('...', passages).verdict, 'not-found');
});

test('checkQuotation on a plain passage array gives the same answer as the index', () => {
  const quote = 'The Indo-Pacific is seen by the Russians as an American concept';
  assert.deepEqual(checkQuotation(quote, passages), index.check(quote));
  assert.equal(checkQuotation(quote, passages).verdict, 'verbatim');
});

test('a prefilter decides which passages are compared', () => {
  const quote = 'The Indo-Pacific is seen by the Russians as an American concept';
  let asked = '';
  const result = index.check(quote, { prefilter: (text) => { asked = text; return passages.slice(0, 1); } });
  assert.equal(asked, quote);
  assert.equal(result.verdict, 'not-found');
});

test('against 100,000 passages a quote gets the same verdict as against the five articles', () => {
  // How fast the index builds and checks at this size: `npm run bench`.
  const many: Passage[] = [];
  for (let i = 0; i < 100_000; i++) {
    const source = passages[i % passages.length];
    many.push({ ...source, id: `${source.id}#${i}`, text: `${source.text} Copy ${i} adds word${i} to keep each passage distinct.` });
  }
  const big = new QuotationIndex(many);
  const quotes = [
    'India will move away from the United States and approach Russia',
    'Russia is the only nation in the world that gives India the most advanced military technology',
    'the moon is made of green cheese and always has been',
  ];
  for (const quote of quotes) {
    const small = index.check(quote);
    const large = big.check(quote);
    assert.deepEqual([large.verdict, large.sourceText], [small.verdict, small.sourceText], quote);
  }
  assert.deepEqual(quotes.map((quote) => big.check(quote).verdict), ['verbatim', 'near', 'not-found']);
});
