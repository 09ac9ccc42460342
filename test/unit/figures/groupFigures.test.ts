import assert from 'node:assert/strict';
import test from 'node:test';
import { buildFigureGroups, describeFigureGroup, groupsTouchingPassages } from '../../../src/core/figures/compareSources';
import { extractFigures } from '../../../src/core/figures/extractFigures';
import type { Figure } from '../../../src/core/figures/figure';
import { compareFigures, figureRange } from '../../../src/core/figures/figureRange';
import { groupFigures } from '../../../src/core/figures/groupFigures';
import { loadBundledCorpus } from './bundledCorpus';
import { passageOf } from './passageOf';

function figure(text: string, articleId: string): Figure {
  const figures = extractFigures(passageOf(text, articleId)).filter((candidate) => !candidate.isAnchorOnly);
  assert.equal(figures.length, 1, text);
  return figures[0];
}

test('hedges read as a journalist means them: "more than 60%" is 60-75%, "below 50%" is 25-50%', () => {
  const moreThan = figureRange(figure('More than 60% of the weapons came from Russia.', 'a'));
  assert.deepEqual([moreThan.low, moreThan.high, moreThan.lowOpen], [60, 75, true]);
  const strict = figureRange(figure('More than 60% of the weapons came from Russia.', 'a'), true);
  assert.equal(strict.high, 100);
  const below = figureRange(figure('Russia’s share has fallen below 50%.', 'a'));
  assert.deepEqual([below.low, below.high, below.highOpen], [25, 50, true]);
});

test('contradiction when the words exclude each other, tension when only their usual reading does', () => {
  const sixty = figure('More than 60% of the weapons came from Russia.', 'a');
  const eighty = figure('More than 80% of the armaments come from Russia.', 'b');
  const below = figure('Russia’s share of arms sales has fallen below 50%.', 'c');
  assert.equal(compareFigures(sixty, eighty), 'tension');
  assert.equal(compareFigures(sixty, below), 'contradiction');
  assert.equal(compareFigures(sixty, figure('About 65% of the weapons came from Russia.', 'd')), 'agree');
  assert.equal(compareFigures(figure('The visit is on December 6.', 'a'), figure('He arrives on December 7.', 'b')), 'contradiction');
});

test('the same measure from two sources that disagree is flagged; a revision within one source is not', () => {
  const groups = groupFigures([
    figure('India imports more than 60% of its weapons from Russia, SIPRI says.', 'a'),
    figure('India imports below 40% of its weapons from Russia now, officials say.', 'b'),
    ...extractFigures(passageOf('The investment target of $30 billion for the energy sector was revised to $50 billion.', 'c')),
  ]);
  const arms = groups.find((group) => group.kind === 'percent');
  assert.ok(arms);
  assert.equal(arms.figures.length, 2);
  assert.equal(arms.disagreement, true);
  assert.equal(arms.severity, 'contradiction');
  const investment = groups.find((group) => group.kind === 'money');
  assert.ok(investment);
  assert.equal(investment.figures.length, 2);
  assert.equal(investment.disagreement, false);
});

test('different measures never meet: a trade goal is not an investment target, even at the same $30 billion', () => {
  const groups = groupFigures([
    figure('Both sides set a goal of $30 billion in bilateral trade with Russia by 2025.', 'a'),
    figure('The investment target with Russia was raised to $50 billion by 2025.', 'b'),
  ]);
  assert.equal(groups.length, 2);
  assert.ok(groups.every((group) => !group.disagreement));
});

test('different framing years never meet: "in 2019" is not "by 2025"', () => {
  const groups = groupFigures([
    figure('Bilateral defence trade with the US reached $15 billion in 2019.', 'a'),
    figure('Bilateral defence trade with the US should reach $30 billion by 2025.', 'b'),
  ]);
  assert.equal(groups.length, 2);
});

test('vague magnitudes, relative durations and articles written far apart are never a disagreement', () => {
  const vague = groupFigures([
    figure('The plan will create thousands of new jobs in the steel industry.', 'a'),
    figure('The plan will create 3.5 million new jobs in the steel industry.', 'b'),
  ]);
  assert.ok(vague.every((group) => !group.disagreement));
  const ago = groupFigures([
    figure('The summit between Russia and India was last held about two years ago in Moscow.', 'a'),
    figure('The summit between Russia and India was last held five years ago in Moscow.', 'b'),
  ]);
  assert.ok(ago.every((group) => !group.disagreement));
  const dates: Record<string, string> = { a: '2013-01-10', b: '2021-03-01' };
  const apart = groupFigures([
    figure('The federal minimum wage for workers should rise to $9 an hour.', 'a'),
    figure('The federal minimum wage for workers should rise to $15 an hour.', 'b'),
  ], { articleDate: (articleId) => dates[articleId] });
  assert.ok(apart.every((group) => !group.disagreement));
  const close = groupFigures([
    figure('The federal minimum wage for workers should rise to $9 an hour.', 'a'),
    figure('The federal minimum wage for workers should rise to $15 an hour.', 'b'),
  ], { articleDate: () => '2021-03-01' });
  assert.ok(close.some((group) => group.disagreement), 'the same week, $9 and $15 do disagree');
});

test('buildFigureGroups over the bundled corpus: the compare view for the arms passages leads with the disagreement, stated per source', () => {
  const articles = loadBundledCorpus();
  const groups = buildFigureGroups([...articles.values()]);
  const sourceNames = new Map([...articles].map(([file, article]) => [article.id, article.meta.outlet ?? file.slice(0, 3)]));
  const armsPassages = new Set([...articles.values()].flatMap((article) => article.passages)
    .filter((passage) => /weapons|armaments|this market/.test(passage.text)).map((passage) => passage.id));
  const touching = groupsTouchingPassages(groups, armsPassages);
  assert.ok(touching.length >= 1);
  assert.equal(touching[0].disagreement, true);
  const line = describeFigureGroup(touching[0], (articleId) => sourceNames.get(articleId) ?? articleId);
  assert.ok(line.startsWith(`${touching[0].label}: `));
  assert.deepEqual(line.slice(touching[0].label.length + 2).split('; ').sort(), ['fallen below 50% (RFI)', 'more than 60% (000, since 2010)', 'more than 80% (YCPress)']);
});

test('a topic named in both sentences counts as a shared word (topicsForPassage)', () => {
  const first = extractFigures(passageOf('Kalashnikov revenue hit $2 billion.', 'a', 'pa'));
  const second = extractFigures(passageOf('The AK-47 maker earned $2 billion.', 'b', 'pb'));
  const withoutTopics = groupFigures([...first, ...second]);
  assert.equal(withoutTopics.length, 2);
  const topic = { id: 'ak-47', name: 'AK-47' };
  const aliasTopic = { id: 'ak-47', name: 'Kalashnikov' };
  const withTopics = groupFigures([...first, ...second], { topicsForPassage: (passageId) => (passageId === 'pa' ? [aliasTopic] : [topic]) });
  assert.equal(withTopics.length, 1);
  assert.equal(withTopics[0].disagreement, false);
});
