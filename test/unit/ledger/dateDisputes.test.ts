/**
 * Date disputes: sources that give different dates for the same event make a dated claim
 * disputed, and the ledger says which source gives which date. A date of another event (the
 * statement published the day after the arrival) disputes nothing.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { extractFigures } from '../../../src/core/figures/extractFigures';
import type { Figure } from '../../../src/core/figures/figure';
import { groupFigures } from '../../../src/core/figures/groupFigures';
import type { Article } from '../../../src/core/model';
import { storyArticle } from './storyArticles';
import { explainDateDispute } from '../../../src/core/ledger/dateDisputes';
import { eventsOf, measureRelation } from '../../../src/core/ledger/figureMeasure';
import { StoryLedger } from '../../../src/core/ledger/storyLedger';

function dateIn(text: string): Figure {
  const figure = extractFigures({ id: 'd:0', articleId: 'd', ordinal: 0, text, range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 } }).find((entry) => entry.kind === 'date' && !entry.isAnchorOnly);
  assert.ok(figure, `a date in "${text}"`);
  return figure;
}

function ledgerOf(articles: Article[]): StoryLedger {
  return new StoryLedger(articles, { figureGroups: groupFigures(articles.flatMap((entry) => entry.passages.flatMap((passage) => extractFigures(passage)))) });
}

// The day of Putin's visit as three outlets gave it (the third a day off, as a wire mistake would be).
const AP = storyArticle('ap', 'AP', '2021-12-06', ['Russian President Vladimir Putin arrived in New Delhi on 6 December 2021 for his annual summit with Prime Minister Narendra Modi.']);
const TASS = storyArticle('tass', 'TASS', '2021-12-07', ['Vladimir Putin arrived in New Delhi on December 7, 2021, to hold the annual Russia-India summit with Narendra Modi.']);
const KREMLIN = storyArticle('kremlin', 'Kremlin', '2021-12-07', ['The joint statement of the summit was published on December 7, 2021, a day after Putin left New Delhi.']);
const ARRIVAL = 'Putin arrived in New Delhi on 6 December 2021 for his annual summit with Modi.';

test('a date the sources give differently for the same event is disputed, and the note says who gives which date', () => {
  const [claim] = ledgerOf([AP, TASS]).check(ARRIVAL).claims;
  assert.equal(claim.status, 'disputed');
  assert.deepEqual(claim.passages.map((passage) => `${passage.role} ${passage.source} ${passage.figure}`), ['disputes TASS December 7, 2021', 'supports AP 6 December 2021']);
  assert.deepEqual(claim.notes, ['different dates for the same event: 6 December 2021 (the draft, AP) · December 7, 2021 (TASS)']);
  assert.equal(claim.summary, '1 source; 1 disagrees');
});

test('a draft date no source gives: every source disputes it, each date listed once', () => {
  const [claim] = ledgerOf([AP, TASS]).check('Putin arrived in New Delhi on 8 December 2021 for his annual summit with Modi.').claims;
  assert.equal(claim.status, 'disputed');
  assert.deepEqual(claim.notes, ['different dates for the same event: 8 December 2021 (the draft) · 6 December 2021 (AP) · December 7, 2021 (TASS)']);
});

test('a date of another event (a statement published the day after the arrival) disputes nothing', () => {
  assert.deepEqual(eventsOf(dateIn(ARRIVAL)), ['arriv']);
  assert.deepEqual(eventsOf(dateIn(KREMLIN.passages[0].text)), ['publish']);
  assert.equal(measureRelation(dateIn(ARRIVAL), dateIn(KREMLIN.passages[0].text)), 'different');
  assert.equal(measureRelation(dateIn(ARRIVAL), dateIn(TASS.passages[0].text)), 'same');
  const [claim] = ledgerOf([AP, KREMLIN]).check(ARRIVAL).claims;
  assert.equal(claim.status, 'single-source');
  assert.deepEqual(claim.notes, []);
});

test('explainDateDispute: no note without a disputing date, for a figure that is no date, or for a source whose partial date agrees', () => {
  const draft = dateIn(ARRIVAL);
  const tass = { figure: dateIn(TASS.passages[0].text), source: 'TASS' };
  const month = { figure: dateIn('Putin arrived in New Delhi in December 2021.'), source: 'The Hindu' };
  assert.equal(explainDateDispute(draft, [], []), undefined);
  assert.equal(explainDateDispute(draft, [], [month]), undefined);
  const share = extractFigures({ id: 's:0', articleId: 's', ordinal: 0, text: 'Russia supplies 60% of the arms.', range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 } })[0];
  assert.equal(explainDateDispute(share, [], [tass]), undefined);
  assert.equal(explainDateDispute(draft, [month], [tass, tass]), 'different dates for the same event: 6 December 2021 (the draft, The Hindu) · December 7, 2021 (TASS)');
});
