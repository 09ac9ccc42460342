import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultCitationFormat, formatQuote, quoteTextFor } from '../../../src/core/present/citation';
import type { Article, Passage } from '../../../src/core/model';

const passage: Passage = {
  id: 'p1',
  articleId: 'a1',
  ordinal: 3,
  text: 'Several key agreements are likely to be signed. The Reciprocal Exchange of Logistics Agreement (RELOS) is also expected to be inked on Monday. Such agreements help.',
  range: { startLine: 20, startCharacter: 0, endLine: 20, endCharacter: 150 },
};
const article: Article = {
  id: 'a1',
  sourceUri: 'file:///corpus/003.txt',
  format: 'txt',
  meta: { title: 'India Does Balancing Act Between Russia and US', outlet: 'News18', author: 'Maha Siddiqui', date: '2021-12-06' },
  passages: [passage],
  droppedLines: [],
};

test('the default format is a block quote with outlet and date', () => {
  const { text, footnote } = formatQuote(defaultCitationFormat, article, 'RELOS is expected to be inked.');
  assert.equal(text, '> RELOS is expected to be inked.\n>\n> — News18, 2021-12-06');
  assert.equal(footnote, undefined);
});

test('every placeholder is filled, and unknown metadata says so instead of inventing it', () => {
  const template = '"{quote}" ({author}, {outlet}, {title}, {date}, {url})';
  const { text } = formatQuote(template, { ...article, meta: { title: 'Untitled piece' } }, 'Quoted words');
  assert.equal(text, '"Quoted words" (unknown author, unknown outlet, Untitled piece, n.d., )');
});

test('the footnote style puts a reference at the cursor and the source in a footnote', () => {
  const { text, footnote } = formatQuote('footnote', article, 'RELOS is expected to be inked.', 'source-2');
  assert.equal(text, '“RELOS is expected to be inked.”[^source-2]');
  assert.equal(footnote, '[^source-2]: Maha Siddiqui, News18, “India Does Balancing Act Between Russia and US”, 2021-12-06.');
});

test('a selection inside a passage quotes its whole sentence', () => {
  assert.equal(quoteTextFor(passage, 'Logistics Agreement'), 'The Reciprocal Exchange of Logistics Agreement (RELOS) is also expected to be inked on Monday.');
  assert.equal(quoteTextFor(passage, 'not in the passage'), passage.text);
  assert.equal(quoteTextFor(passage), passage.text);
});
