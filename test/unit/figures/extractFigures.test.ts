import assert from 'node:assert/strict';
import test from 'node:test';
import { extractArticleFigures, extractFigures } from '../../../src/core/figures/extractFigures';
import type { Figure } from '../../../src/core/figures/figure';
import { loadBundledCorpus } from './bundledCorpus';
import { passageOf } from './passageOf';

function figuresOf(text: string): Figure[] {
  return extractFigures(passageOf(text));
}

function only(text: string): Figure {
  const figures = figuresOf(text).filter((figure) => !figure.isAnchorOnly);
  assert.equal(figures.length, 1, `expected one figure in ${JSON.stringify(text)}, got ${figures.map((figure) => figure.span.text).join(' | ')}`);
  return figures[0];
}

const corpus = loadBundledCorpus();
const corpusFigures = new Map([...corpus].map(([file, article]) => [file, extractArticleFigures(article)]));

function corpusFigure(file: string, spanText: string): Figure {
  const figure = corpusFigures.get(file)?.find((candidate) => candidate.span.text === spanText);
  assert.ok(figure, `${file} has no figure "${spanText}"; it has ${corpusFigures.get(file)?.map((candidate) => candidate.span.text).join(' | ')}`);
  return figure;
}

test('a percentage with "more than", its anchor year and what it is about (000)', () => {
  const figure = corpusFigure('000_cc383362073219a8.txt', 'more than 60%');
  assert.equal(figure.kind, 'percent');
  assert.equal(figure.value, 60);
  assert.equal(figure.unit, '%');
  assert.equal(figure.comparison, 'more-than');
  assert.equal(figure.comparisonText, 'more than');
  assert.deepEqual(figure.anchor, { relation: 'since', year: 2010, text: 'since 2010' });
  assert.equal(figure.sentence.text, 'Especially in the military field, India has a close relationship with Russia, and since 2010, more than 60% of the weapons imported by India have been made in Russia.');
  assert.equal(figure.keyNouns[0], 'weapons imported');
  assert.ok(figure.keywords.arms === 1 && figure.keywords.import === 1);
});

test('"fallen below 50%" borrows what it is about from the paragraph before (001)', () => {
  const figure = corpusFigure('001_68714617578c8ffe.txt', 'fallen below 50%');
  assert.equal(figure.comparison, 'less-than');
  assert.equal(figure.comparisonText, 'fallen below');
  assert.ok(figure.keywords.arms > 0, 'armaments, named in the sentence before, count');
  assert.deepEqual(figure.measures, ['share']);
});

test('money: "$30 billion", "30 billion U.S. dollars", "more than $5.4 billion", "15 billion U.S. dollars in 2019"', () => {
  const investment = corpusFigure('003_9f5badaf90869d35.txt', '$30 billion');
  assert.equal(investment.kind, 'money');
  assert.equal(investment.value, 30e9);
  assert.equal(investment.unit, 'USD');
  assert.deepEqual(investment.measures, ['investment']);
  assert.equal(investment.anchor?.relation, 'by');
  assert.equal(investment.anchor?.year, 2025);
  assert.equal(investment.anchor?.text, 'by the year 2025');

  const trade = corpusFigure('004_80468003f30bc126.txt', '30 billion U.S. dollars');
  assert.equal(trade.value, 30e9);
  assert.equal(trade.unit, 'USD');
  assert.deepEqual(trade.measures, ['trade']);
  assert.equal(trade.anchor?.text, 'by the end of 2025');
  assert.ok(trade.keyNouns.includes('bilateral trade'));

  const s400 = corpusFigure('002_f27318ddd049f123.txt', 'more than $5.4 billion');
  assert.equal(s400.value, 5.4e9);
  assert.equal(s400.comparison, 'more-than');
  assert.equal(s400.anchor?.year, 2018);

  assert.equal(corpusFigure('004_80468003f30bc126.txt', '15 billion U.S. dollars').anchor?.text, '2019');
  assert.equal(corpusFigure('004_80468003f30bc126.txt', 'more than $3 billion').value, 3e9);
});

test('money in rupees, euros and with scales written many ways', () => {
  const crore = only('The ministry cleared projects worth Rs 5,000 crore last week.');
  assert.equal(crore.kind, 'money');
  assert.equal(crore.unit, 'INR');
  assert.equal(crore.value, 5e10);
  assert.equal(crore.span.text, 'Rs 5,000 crore');
  assert.equal(only('It costs \u20b9250 crore.').value, 2.5e9);
  assert.equal(only('A deal of \u20ac1.2bn was signed.').unit, 'EUR');
  assert.equal(only('Sales reached US$ 40 million.').value, 40e6);
  assert.equal(only('They lent 300 million rupees.').unit, 'INR');
});

test('counts: "hundreds of millions of doses", "four countries", "five ... systems", "11 governors"', () => {
  const doses = corpusFigure('001_68714617578c8ffe.txt', 'hundreds of millions of doses');
  assert.equal(doses.kind, 'count');
  assert.equal(doses.unit, 'dose');
  assert.equal(doses.low, 200e6);
  assert.equal(doses.high, 999e6);
  assert.equal(doses.approximate, true);
  assert.equal(corpusFigure('004_80468003f30bc126.txt', 'four countries').unit, 'country');
  assert.equal(corpusFigure('000_cc383362073219a8.txt', 'five state-of-the-art surface-to-air missile systems').value, 5);
  assert.equal(corpusFigure('003_9f5badaf90869d35.txt', '11 governors').unit, 'governor');
});

test('durations and quantities with units: "10-year", "about two years", "nearly 20 years", "around 10,300 km", "24 days from 40 days"', () => {
  const tenYear = corpusFigure('004_80468003f30bc126.txt', '10-year');
  assert.equal(tenYear.kind, 'duration');
  assert.equal(tenYear.unit, 'year');
  assert.equal(tenYear.value, 10);
  const twoYears = corpusFigure('000_cc383362073219a8.txt', 'about two years');
  assert.equal(twoYears.value, 2);
  assert.equal(twoYears.comparison, 'about');
  assert.equal(twoYears.approximate, true);
  assert.equal(corpusFigure('002_f27318ddd049f123.txt', 'nearly 20 years').comparison, 'nearly');
  const route = corpusFigure('003_9f5badaf90869d35.txt', 'around 10,300 km');
  assert.equal(route.kind, 'quantity');
  assert.equal(route.value, 10300);
  assert.equal(route.unit, 'km');
  assert.equal(corpusFigure('003_9f5badaf90869d35.txt', 'roughly 24 days').value, 24);
  assert.equal(corpusFigure('003_9f5badaf90869d35.txt', '40 days').unit, 'day');
  assert.equal(only('The pipeline runs 1,200 kilometres.').unit, 'km');
  assert.equal(only('Talks lasted over three weeks.').comparison, 'more-than');
});

test('dates: "since 2010", "by 2025", "December 6", "on the 6th", "October 2018", "November 16, 2013"', () => {
  const since = corpusFigure('000_cc383362073219a8.txt', 'since 2010');
  assert.equal(since.kind, 'date');
  assert.equal(since.comparison, 'since');
  assert.equal(since.isAnchorOnly, true);
  const by = only('India wants to double exports by 2025.');
  assert.equal(by.kind, 'date');
  assert.equal(by.comparison, 'by');
  assert.deepEqual(by.date, { year: 2025 });
  assert.deepEqual(corpusFigure('001_68714617578c8ffe.txt', 'December 6').date, { month: 12, day: 6 });
  assert.deepEqual(corpusFigure('000_cc383362073219a8.txt', '6th').date, { day: 6 });
  assert.deepEqual(corpusFigure('002_f27318ddd049f123.txt', 'October 2018').date, { year: 2018, month: 10 });
  assert.deepEqual(corpusFigure('002_f27318ddd049f123.txt', 'November 16, 2013').date, { year: 2013, month: 11, day: 16 });
  assert.deepEqual(only('They met on 6 December 2021 in Delhi.').date, { year: 2021, month: 12, day: 6 });
});

test('ordinals: "second trip", "second foreign visit"; "first" and plural idioms are not figures', () => {
  const trip = corpusFigure('001_68714617578c8ffe.txt', 'second trip');
  assert.equal(trip.kind, 'ordinal');
  assert.equal(trip.value, 2);
  assert.equal(trip.unit, 'trip');
  assert.equal(corpusFigure('003_9f5badaf90869d35.txt', 'second foreign visit').unit, 'trip');
  assert.deepEqual(figuresOf('For the first time, relations with third countries mattered.'), []);
});

test('hedges: over, below, nearly, about, at least, up to, fewer than', () => {
  const cases: Array<[string, string]> = [
    ['Over 40% voted.', 'more-than'],
    ['Turnout was below 50%.', 'less-than'],
    ['Nearly 30% agreed.', 'nearly'],
    ['About 25% disagreed.', 'about'],
    ['At least 12% abstained.', 'at-least'],
    ['Up to 70% may vote.', 'at-most'],
    ['Fewer than 20 ships arrived.', 'less-than'],
    ['Exactly 20 ships arrived.', 'none'],
  ];
  for (const [text, comparison] of cases) assert.equal(only(text).comparison, comparison, text);
});

test('names and codes are not figures: S-400, S400, G20, COP26, AK-203, Covid-19, 2+2, 2 plus 2, 00:06', () => {
  const text = 'The S-400 and S400 systems, the G20 and COP26 meetings, AK-203 rifles, Covid-19, the 2+2 dialogue, so-called 2 plus 2, at 00:06 IST.';
  assert.deepEqual(figuresOf(text).map((figure) => figure.span.text), []);
});

test('ranges and vague magnitudes', () => {
  const range = only('Growth of 5-7% is expected.');
  assert.equal(range.low, 5);
  assert.equal(range.high, 7);
  const dozens = only('Dozens of ships were seized.');
  assert.equal(dozens.kind, 'count');
  assert.equal(dozens.low, 24);
  assert.equal(only('Twenty-five countries signed.').value, 25);
});

test('every span and sentence is exactly the passage text at its offsets, in every bundled article', () => {
  let count = 0;
  for (const [file, article] of corpus) {
    for (const figure of corpusFigures.get(file) ?? []) {
      const passage = article.passages.find((candidate) => candidate.id === figure.passageId);
      assert.ok(passage);
      assert.equal(passage.text.slice(figure.span.start, figure.span.end), figure.span.text);
      assert.equal(passage.text.slice(figure.sentence.start, figure.sentence.end), figure.sentence.text);
      assert.ok(figure.sentence.start <= figure.span.start && figure.span.end <= figure.sentence.end);
      count++;
    }
  }
  assert.ok(count >= 30, `only ${count} figures in the bundled corpus`);
});

test('huge input: one enormous line of numbers gives a bounded number of figures, read in order', () => {
  const huge = '12% 3 km $4 billion 2019 '.repeat(200_000);
  const figures = extractFigures(passageOf(huge));
  assert.equal(figures.length, 400);
  assert.deepEqual(figures.slice(0, 4).map((figure) => [figure.span.text, figure.kind]), [['12%', 'percent'], ['3 km', 'quantity'], ['$4 billion', 'money'], ['2019', 'date']]);
  // Only the first 100,000 characters are read: a figure after 1.5 MB of words without a full stop is not reached.
  assert.deepEqual(figuresOf('word '.repeat(1_000) + '5% of it').map((figure) => figure.span.text), ['5%']);
  assert.deepEqual(figuresOf('word '.repeat(300_000) + '5% of it'), []);
});
