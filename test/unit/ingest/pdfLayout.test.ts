import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinLines, layoutPdf, type PdfPageText } from '../../../src/core/ingest/pdfLayout';

/** A page of lines, each one run, at 11 points with a leading of 14 unless given. */
function page(number: number, lines: Array<[number, number, string] | [number, number, string, number]>): PdfPageText {
  return { page: number, runs: lines.map(([x, y, text, size]) => ({ text, x, y, width: text.length * 5, size: size ?? 11, endsLine: true })) };
}

test('a line-end hyphen before a lower-case word is the typesetter\'s and is removed', () => {
  const none = new Set<string>();
  assert.equal(joinLines('a step toward inter-', 'national cooperation', none), 'a step toward international cooperation');
  assert.equal(joinLines('the presi-', 'dent said', none), 'the president said');
  assert.equal(joinLines('a pre-', 'vious meeting', none), 'a previous meeting');
  assert.equal(joinLines('they were high-', 'er than before', none), 'they were higher than before');
});

test('a compound keeps its hyphen: before a capital or digit, a known first or second part, or as the document spells it elsewhere', () => {
  const none = new Set<string>();
  assert.equal(joinLines('in the Indo-', 'Pacific region', none), 'in the Indo-Pacific region');
  assert.equal(joinLines('the COVID-', '19 pandemic', none), 'the COVID-19 pandemic');
  assert.equal(joinLines('the S-', '400 system', none), 'the S-400 system');
  assert.equal(joinLines('a well-', 'known system', none), 'a well-known system');
  assert.equal(joinLines('a self-', 'propelled gun', none), 'a self-propelled gun');
  assert.equal(joinLines('the state-', 'owned company', none), 'the state-owned company');
  assert.equal(joinLines('an air-', 'defence system', new Set(['air-defence'])), 'an air-defence system');
  // The document writes the joined word elsewhere: that wins over everything.
  assert.equal(joinLines('a well-', 'being index', new Set(['wellbeing'])), 'a wellbeing index');
  assert.equal(joinLines('the co-', 'operation', new Set(['co-operation'])), 'the co-operation');
  assert.equal(joinLines('the co-', 'operation', new Set(['cooperation'])), 'the cooperation');
});

test('lines join with one space; a soft hyphen joins without one; an em dash after a word joins without one', () => {
  const none = new Set<string>();
  assert.equal(joinLines('the talks would', 'continue', none), 'the talks would continue');
  assert.equal(joinLines('inter\u00ad', 'national', none), 'international');
  assert.equal(joinLines('the deal—', 'signed in Moscow', none), 'the deal—signed in Moscow');
  assert.equal(joinLines('a range of 10 -', 'and more', none), 'a range of 10 - and more');
});

test('running headers need the same band on several pages: a one-off top line stays, as does a repeated line in the body', () => {
  const pages = [1, 2, 3, 4].map((number) =>
    page(number, [
      [72, 760, `Annual Report 2021 · page ${number}`, 9],
      [72, 700, number === 1 ? 'Chapter one begins here' : `Body text of page ${number} starts with this sentence.`],
      [72, 686, 'Repeated body line.'],
      [72, 672, `More text on page ${number}.`],
      [72, 40, `Confidential draft ${number}`, 9],
    ]),
  );
  const layout = layoutPdf(pages);
  assert.deepEqual(
    [...new Set(layout.dropped.map((line) => line.reason))],
    ['running header (on 4 of 4 pages)', 'running footer (on 4 of 4 pages)'],
  );
  assert.equal(layout.dropped.length, 8);
  assert.ok(layout.paragraphs.some((paragraph) => paragraph.text.startsWith('Chapter one begins here')));
  assert.equal(layout.paragraphs.filter((paragraph) => paragraph.text.includes('Repeated body line.')).length, 4);
});

test('a lone number is a page number only on the top or bottom line of a page', () => {
  const layout = layoutPdf([
    page(1, [
      [72, 700, 'Deliveries by year:'],
      [72, 686, '42'],
      [72, 672, 'regiments in all.'],
      [300, 40, 'vii', 9],
    ]),
  ]);
  assert.deepEqual(layout.dropped.map((line) => [line.text, line.reason]), [['vii', 'page number']]);
  assert.deepEqual(layout.paragraphs.map((paragraph) => paragraph.text), ['Deliveries by year: 42 regiments in all.']);
});

test('a wider gap or a change of size ends a paragraph; two columns are read one after the other', () => {
  const layout = layoutPdf([
    page(1, [
      [72, 720, 'Two Columns', 18],
      [72, 690, 'The left column starts the first'],
      [72, 676, 'paragraph and ends it here.'],
      [72, 648, 'A second paragraph, still on the left, runs'],
      [320, 690, 'on into the right column as one paragraph.'],
      [320, 662, 'The right column ends the page.'],
    ]),
  ]);
  assert.deepEqual(layout.paragraphs.map((paragraph) => paragraph.text), [
    'Two Columns',
    'The left column starts the first paragraph and ends it here.',
    'A second paragraph, still on the left, runs on into the right column as one paragraph.',
    'The right column ends the page.',
  ]);
  assert.equal(layout.headline, 'Two Columns');
});

test('a paragraph that crosses a page records where the next page starts in its text', () => {
  const layout = layoutPdf([page(1, [[72, 100, 'The talks would continue']]), page(2, [[72, 700, 'in the spring.']])]);
  assert.deepEqual(layout.paragraphs, [{ text: 'The talks would continue in the spring.', pages: [{ at: 0, page: 1 }, { at: 25, page: 2 }] }]);
});
