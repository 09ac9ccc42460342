import assert from 'node:assert/strict';
import test from 'node:test';
import { buildFigureGroups } from '../../../src/core/figures/compareSources';
import { DraftFigureChecker, type DraftFigureMatch } from '../../../src/core/figures/draftFigures';
import { extractFigures } from '../../../src/core/figures/extractFigures';
import type { Figure } from '../../../src/core/figures/figure';
import { contradictsOnItsMeasure, measuredVerdict, measuredVerdicts } from '../../../src/core/ledger/figureVerdict';
import { loadBundledCorpus } from '../figures/bundledCorpus';
import { passageOf } from '../figures/passageOf';
import { bundledLedger } from './ledgerCorpus';

const articles = [...loadBundledCorpus().values()];
const checker = new DraftFigureChecker(buildFigureGroups(articles));

function matchOf(sentence: string): DraftFigureMatch {
  const matches = checker.matches(sentence);
  assert.equal(matches.length, 1, `${sentence}: ${matches.map((match) => match.figure.span.text).join(', ')}`);
  return matches[0];
}

/** Each source figure of the match: "its words: verdict (its measure)". */
function readings(match: DraftFigureMatch): string[] {
  return measuredVerdicts(match).map(({ figure, verdict, measure }) => `${figure.span.text}: ${verdict} (${measure.description})`);
}

/** The one figure of a source sentence from the bundled corpus. */
function sourceFigure(sentence: string, words: string): Figure {
  const figure = extractFigures(passageOf(sentence)).find((candidate) => candidate.span.text === words);
  assert.ok(figure, `no figure “${words}” in “${sentence}”`);
  return figure;
}

test('the arms share: the draft\'s "more than 60% of India\'s arms imports" agrees with the imports since 2010; the army\'s armaments and the current share are different measures, not contradictions', () => {
  const match = matchOf('Russia still supplies more than 60% of India\'s arms imports.');
  assert.deepEqual(readings(match), [
    'more than 60%: agree (share of weapons imported since 2010)',
    'more than 80%: different-measure (share of Indian army’s armaments, citing the Indian Express)',
    'fallen below 50%: different-measure (current share)',
  ]);
  assert.equal(contradictsOnItsMeasure(match), false);
});

test('a draft figure on the measure of the imports since 2010 that excludes "more than 60%" contradicts it; the figures on other measures still do not', () => {
  const match = matchOf('Since 2010, less than 40% of the weapons India imported were made in Russia.');
  assert.deepEqual(readings(match), [
    'more than 60%: contradiction (share of weapons imported since 2010)',
    'more than 80%: different-measure (share of Indian army’s armaments, citing the Indian Express)',
    // "below 50%" allows 40%: it is no support either, being the current share.
    'fallen below 50%: same-number-other-measure (current share)',
  ]);
  assert.equal(contradictsOnItsMeasure(match), true);
});

test('a figure whose measure the draft leaves open, excluded by every source, still contradicts them (the diagnostic stays)', () => {
  const match = matchOf('Only 10% of India\'s arms come from Russia.');
  assert.equal(contradictsOnItsMeasure(match), true);
  assert.ok(measuredVerdicts(match).every((entry) => entry.verdict === 'contradiction' || entry.verdict === 'tension'), readings(match).join('\n'));
});

test('"$30 billion by 2025": the trade goal (AP) and the investment target are the same number on different measures, "not a contradiction"', () => {
  const trade = sourceFigure('India and Russia have set a goal of $30 billion in bilateral trade by 2025.', '$30 billion');
  const investment = sourceFigure('The investment target of $30 billion by 2025 has been met and revised to $50 billion.', '$30 billion');
  assert.equal(measuredVerdict(trade, investment), 'same-number-other-measure');
  assert.equal(measuredVerdict(investment, investment), 'agree');

  const { ledger } = bundledLedger();
  const [claim] = ledger.check('India and Russia have set a goal of $30 billion in bilateral trade by 2025.').claims;
  assert.equal(claim.status, 'single-source');
  assert.deepEqual(claim.notes, ['not a contradiction: bilateral trade goal by 2025 (Associated Press: 30 billion U.S. dollars) vs investment target by 2025 (“India Does Balancing Act Between…”: $30 billion)']);
  assert.equal(claim.passages.some((passage) => passage.role === 'disputes'), false);
});

test('the investment target met and "revised to $50 billion" is the current target, a different measure from the target by 2025, named as such', () => {
  const match = matchOf('The investment target of $30 billion by 2025 has been met.');
  assert.deepEqual(readings(match), [
    '$30 billion: agree (investment target by 2025)',
    '$50 billion: different-measure (current investment target, revised)',
  ]);
});

test('hedges are ranges: "more than 60%" agrees with "about 65%", is in tension with "more than 80%" and contradicts "below 50%" on one measure', () => {
  const sentence = (words: string) => sourceFigure(`Since 2010, ${words} of the weapons imported by India were made in Russia.`, words);
  const draft = sentence('more than 60%');
  assert.equal(measuredVerdict(draft, sentence('about 65%')), 'agree');
  assert.equal(measuredVerdict(draft, sentence('more than 80%')), 'tension');
  assert.equal(measuredVerdict(draft, sentence('below 50%')), 'contradiction');
  assert.equal(measuredVerdict(draft, sentence('60%')), 'agree');
});
