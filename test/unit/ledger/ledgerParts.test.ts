import assert from 'node:assert/strict';
import test from 'node:test';
import { extractFigures } from '../../../src/core/figures/extractFigures';
import type { Figure } from '../../../src/core/figures/figure';
import { figureRange } from '../../../src/core/figures/figureRange';
import { groupFigures } from '../../../src/core/figures/groupFigures';
import type { Article } from '../../../src/core/model';
import { storyArticle } from './storyArticles';
import { findCitation, hasAttribution } from '../../../src/core/ledger/attribution';
import { findDraftClaims, TermMatcher } from '../../../src/core/ledger/draftClaims';
import { measureOf, measureRelation } from '../../../src/core/ledger/figureMeasure';
import { independentVoices, jaccard, shingles } from '../../../src/core/ledger/nearDuplicates';
import { StoryLedger } from '../../../src/core/ledger/storyLedger';

function figureIn(text: string, articleId = 'a'): Figure {
  const figure = extractFigures({ id: `${articleId}:0`, articleId, ordinal: 0, text, range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 } }).find((entry) => !entry.isAnchorOnly);
  assert.ok(figure, `a figure in "${text}"`);
  return figure;
}

test('claims: a sentence with a figure, a date, a quotation, an attribution or a known topic is a claim; headings, block quotes and plain opinion are not', () => {
  const topics = new TermMatcher([{ name: 'S-400', spellings: ['S400'] }]);
  const draft = [
    '# Putin in New Delhi',
    '',
    'Deliveries of the S400 had started. It was a grey morning.',
    'Trade reached $15 billion in 2019. The summit was on 6 December.',
    '"We are old friends," he told reporters. According to officials, talks went well.',
    '',
    '> A quotation inserted with its citation: "not a claim of the draft".',
  ].join('\n');
  const claims = findDraftClaims(draft, topics);
  assert.deepEqual(claims.map((claim) => [claim.text, claim.reasons]), [
    ['Deliveries of the S400 had started.', ['topic']],
    ['Trade reached $15 billion in 2019.', ['figure']],
    ['The summit was on 6 December.', ['date']],
    ['"We are old friends," he told reporters.', ['quotation', 'attribution']],
    ['According to officials, talks went well.', ['attribution']],
  ]);
  const first = claims[0];
  assert.equal(draft.slice(first.start, first.end), 'Deliveries of the S400 had started.');
});

test('hedges are ranges: "more than 60%" and "below 50%" exclude each other, "about 30" and "nearly 30" overlap', () => {
  const more = figureRange(figureIn('more than 60% of imports'));
  const below = figureRange(figureIn('has fallen below 50% of imports'));
  assert.ok(more.low >= 60 && more.lowOpen && more.high > 60);
  assert.ok(below.high <= 50 && below.highOpen);
  const about = figureRange(figureIn('about 30 ships'));
  const nearly = figureRange(figureIn('nearly 30 ships'));
  assert.ok(about.low < 30 && about.high > 30 && nearly.high === 30 && nearly.low < 30);
});

test('measures: imports since 2010, an army\'s armaments and the current share are three measures; a trade goal and an investment target two', () => {
  const imports = figureIn('Since 2010, more than 60% of the weapons imported by India have been made in Russia.');
  const armaments = figureIn('According to the Indian Express, more than 80% of the Indian army\'s armaments come from Russia.');
  const current = figureIn('In this market, Russia\'s share has fallen below 50%.');
  assert.deepEqual([measureOf(imports).period, measureOf(imports).kind], ['since 2010', 'flow']);
  assert.deepEqual([measureOf(armaments).kind, measureOf(armaments).citing], ['stock', 'the Indian Express']);
  assert.equal(measureOf(current).period, 'now');
  assert.equal(measureOf(imports).description, 'share of weapons imported since 2010');
  assert.equal(measureOf(armaments).description, 'share of Indian army\'s armaments, citing the Indian Express');
  assert.equal(measureOf(current).description, 'current share');
  assert.equal(measureRelation(imports, armaments), 'different');
  assert.equal(measureRelation(imports, current), 'different');
  const trade = figureIn('They have set a goal of reaching 30 billion U.S. dollars in bilateral trade by the end of 2025.');
  const investment = figureIn('The total investment target of $30 billion from both sides by the year 2025 has been met.');
  assert.equal(measureRelation(trade, investment), 'different');
  assert.equal(measureOf(trade).description, 'bilateral trade goal by 2025');
  const sameAgain = figureIn('India and Russia aim for bilateral trade of $25 billion by 2025.');
  assert.equal(measureRelation(trade, sameAgain), 'same');
});

test('attribution: second-hand sources are told from first-hand ones', () => {
  assert.equal(findCitation('According to the Indian Express, more than 80% come from Russia.'), 'the Indian Express');
  assert.equal(findCitation('According to Russian media reports, Lavrov conveyed a message.'), 'Russian media');
  assert.equal(findCitation('It is reported that it has purchased five systems.'), 'unnamed reports');
  assert.equal(findCitation('Government sources said that India will continue.'), undefined);
  assert.equal(findCitation('India bought the S-400.'), undefined);
  assert.ok(hasAttribution('Goel said the US was nervous.'));
  assert.ok(!hasAttribution('The US was nervous.'));
});

test('independence: near-duplicate passages are one voice, the earlier source the original; different wording stays independent', () => {
  const ap = 'India and Russia signed a 10-year military technology agreement on Monday, officials said, as Modi hosted Putin in New Delhi.';
  const rfi = 'India and Russia signed a 10-year military technology agreement on Monday, officials said, while Modi hosted Putin in New Delhi.';
  const other = 'The two countries agreed a decade-long pact on military technology when the Russian leader came to the Indian capital.';
  assert.ok(jaccard(shingles(ap), shingles(rfi)) >= 0.5);
  assert.ok(jaccard(shingles(ap), shingles(other)) < 0.1);
  const result = independentVoices([
    { articleId: 'rfi', text: rfi, date: '2021-12-07' },
    { articleId: 'ap', text: ap, date: '2021-12-06' },
    { articleId: 'other', text: other },
  ]);
  assert.deepEqual(result.independent, ['ap', 'other']);
  assert.equal(result.repeats.get('rfi'), 'ap');
  const cited = independentVoices([
    { articleId: 'x', text: 'One wording of it.', citing: 'the Indian Express' },
    { articleId: 'y', text: 'A quite different wording.', citing: 'the Indian Express' },
  ]);
  assert.deepEqual(cited.independent, ['x']);
});

test('the ledger counts agency copy once: "2 sources, 1 independent: RFI repeats AP", and a third independent source makes it supported', () => {
  const ap = storyArticle('ap', 'AP', '2021-12-06', ['India and Russia signed a 10-year military technology agreement on Monday, officials said, as Modi hosted Putin in New Delhi.']);
  const rfi = storyArticle('rfi', 'RFI', '2021-12-07', ['India and Russia signed a 10-year military technology agreement on Monday, officials said, while Modi hosted Putin in New Delhi.']);
  const claim = 'India and Russia signed a 10-year military technology agreement on Monday.';
  const build = (articles: Article[]) => {
    const figures = articles.flatMap((entry) => entry.passages.flatMap((passage) => extractFigures(passage)));
    return new StoryLedger(articles, { figureGroups: groupFigures(figures) });
  };
  const twoCopies = build([ap, rfi]).check(claim).claims[0];
  assert.equal(twoCopies.status, 'single-source');
  assert.equal(twoCopies.summary, '2 sources, 1 independent: RFI repeats AP');
  assert.deepEqual(twoCopies.passages.map((passage) => [passage.source, passage.role, passage.repeatsSource]), [['AP', 'supports', undefined], ['RFI', 'repeats', 'AP']]);
  const reuters = storyArticle('reuters', 'Reuters', '2021-12-06', ['On Monday India and Russia signed a 10-year agreement on military technology, according to a joint statement released after the talks.']);
  const three = build([ap, rfi, reuters]).check(claim).claims[0];
  assert.equal(three.status, 'supported');
  assert.equal(three.summary, '3 sources, 2 independent: RFI repeats AP');
});

test('hostile drafts: empty, huge and odd input give an answer, never a throw', () => {
  const ledger = new StoryLedger([], { figureGroups: [] });
  assert.deepEqual(ledger.check('').claims, []);
  assert.deepEqual(ledger.check(undefined as unknown as string).claims, []);
  const long = 'Russia supplied more than 60% of the arms.\n\n'.repeat(5000);
  assert.equal(ledger.check(long).counts['not-found'], 5000);
  assert.equal(ledger.check('"'.repeat(10000)).claims.length, 0);
});
