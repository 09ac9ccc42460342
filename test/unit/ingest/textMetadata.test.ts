import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAgencyDateline, parseBylineLine, parseDateStampLine, parsePrintedDate } from '../../../src/core/ingest/textMetadata';
import { ingestString, onlyArticle } from './ingestTestSupport';

test('printed dates become calendar dates, as printed', () => {
  assert.equal(parsePrintedDate('December 06, 2021, 00:06 IST'), '2021-12-06');
  assert.equal(parsePrintedDate('6 December 2021'), '2021-12-06');
  assert.equal(parsePrintedDate('Monday, Dec. 6, 2021 at 9:30 a.m.'), '2021-12-06');
  assert.equal(parsePrintedDate('2021-12-06T23:30:00-05:00'), '2021-12-06');
  assert.equal(parsePrintedDate('December 6'), undefined, 'no year, no date');
  assert.equal(parsePrintedDate('February 30, 2021'), undefined);
  assert.equal(parsePrintedDate('the 6th'), undefined);
});

test('publication stamps are read whole, or not at all', () => {
  assert.deepEqual(parseDateStampLine('first published:December 05, 2021, 14:54 IST'), { kind: 'published', date: '2021-12-05' });
  assert.deepEqual(parseDateStampLine('Last Updated: December 06, 2021, 00:06 IST'), { kind: 'updated', date: '2021-12-06' });
  assert.equal(parseDateStampLine('Published reports on December 6, 2021 said the visit went well.'), undefined);
});

test('bylines name an author or, for organisations, an outlet', () => {
  assert.deepEqual(parseBylineLine('By: Maha Siddiqui'), { name: 'Maha Siddiqui', kind: 'author' });
  assert.deepEqual(parseBylineLine('Text by: RFI Follow'), { name: 'RFI', kind: 'outlet' });
  assert.deepEqual(parseBylineLine('by YCPress'), { name: 'YCPress', kind: 'outlet' });
  assert.deepEqual(parseBylineLine('By Anissa el-Jabri'), { name: 'Anissa el-Jabri', kind: 'author' });
});

test('sentences that start with "By" are not bylines', () => {
  assert.equal(parseBylineLine('By Monday, the talks had ended.'), undefined);
  assert.equal(parseBylineLine('By the end of 2025 trade should reach 30 billion dollars'), undefined);
  assert.equal(parseBylineLine('by far the largest buyer'), undefined);
});

test('agency datelines name the outlet; other parentheses do not', () => {
  assert.equal(parseAgencyDateline('New Delhi (Associated Press)-Indian Prime Minister Narendra Modi met'), 'Associated Press');
  assert.equal(parseAgencyDateline('MOSCOW (Reuters) — Russia said'), 'Reuters');
  assert.equal(parseAgencyDateline('Russian President Vladimir Putin (R) and Indian Prime Minister'), undefined);
  assert.equal(parseAgencyDateline('Moscow (Friday) - talks resumed'), undefined);
});

test('a body sentence starting with "By" is never dropped as a byline', () => {
  const article = onlyArticle(ingestString('a.txt', 'Headline of the piece\n\nBy Monday, the talks had ended without a deal between the two sides.\n\nBy then everyone had gone home.\n'));
  assert.deepEqual(article.droppedLines, []);
  assert.equal(article.meta.author, undefined);
  assert.equal(article.passages.length, 2);
});

test('a real sentence mentioning cruft words is kept', () => {
  const text = [
    'Headline',
    '',
    'Advertising revenue fell sharply in 2021, the company said.',
    '',
    'Readers can subscribe to the newsletter, but few do.',
    '',
    'Share prices rose after the summit.',
    '',
    'Home to millions, New Delhi hosted the summit.',
    '',
  ].join('\n');
  const article = onlyArticle(ingestString('a.txt', text));
  assert.deepEqual(article.droppedLines, []);
  assert.equal(article.passages.length, 4);
});
