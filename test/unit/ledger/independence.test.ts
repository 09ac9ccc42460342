/**
 * Independence on real passages: the Associated Press story of the bundled corpus, run again
 * by a second outlet as agency copy (lightly edited, as outlets do), and a third outlet that
 * passes it on by name. Copies and citations of one text are one voice: a claim they alone
 * state is single source, never supported.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { groupFigures } from '../../../src/core/figures/groupFigures';
import { extractFigures } from '../../../src/core/figures/extractFigures';
import type { Article } from '../../../src/core/model';
import { storyArticle } from './storyArticles';
import { independentVoices, sharedRun } from '../../../src/core/ledger/nearDuplicates';
import { StoryLedger } from '../../../src/core/ledger/storyLedger';
import { factCheckReport, openPassageLink } from '../../../src/core/present/factCheckReport';
import { loadBundledCorpus } from '../figures/bundledCorpus';

const corpus = loadBundledCorpus();
const apArticle = corpus.get('004_80468003f30bc126.txt');
assert.ok(apArticle, 'the Associated Press story of the bundled corpus');
const AP_TRADE = apArticle.passages.map((passage) => passage.text).find((text) => text.includes('30 billion U.S. dollars'));
assert.ok(AP_TRADE);
const AP_AGENDA = apArticle.passages.map((passage) => passage.text).find((text) => text.startsWith('Indian Foreign Ministry spokesperson Arindam Bagchi'));
assert.ok(AP_AGENDA);

/** The agency copy as a second outlet ran it: one word changed, a clause added. */
const WIRE_TRADE = AP_TRADE.replace('also expected', 'expected').replace('by the end of 2025.', 'by the end of 2025, officials in New Delhi said.');
/** An outlet passing the AP's report on in its own words. */
const CITING_TRADE = 'According to the Associated Press, New Delhi and Moscow want bilateral trade to reach 30 billion U.S. dollars by the end of 2025.';
/** An outlet that reported it itself, in other words. */
const OWN_TRADE = 'Officials told our correspondent that the two governments aim for bilateral trade of 30 billion U.S. dollars by the end of 2025, up from about 10 billion now.';

const ap = storyArticle('ap', 'Associated Press', '2021-12-06', [AP_AGENDA, AP_TRADE]);
const wire = storyArticle('wire', 'RFI', '2021-12-07', [WIRE_TRADE]);
const citing = storyArticle('citing', 'YCPress', '2021-12-05', [CITING_TRADE]);
const own = storyArticle('own', 'Hindustan Times', '2021-12-07', [OWN_TRADE]);

function ledgerOf(articles: Article[]): StoryLedger {
  const figures = articles.flatMap((entry) => entry.passages.flatMap((passage) => extractFigures(passage)));
  return new StoryLedger(articles, { figureGroups: groupFigures(figures) });
}

const CLAIM = 'India and Russia have set a goal of 30 billion U.S. dollars in bilateral trade by the end of 2025.';

test('the overlap of agency copy with its original is the longest run of words they share, as the copy words it', () => {
  assert.equal(sharedRun(WIRE_TRADE, AP_TRADE), 'expected to strengthen trade agreements. They have set a goal of reaching 30 billion U.S. dollars in bilateral trade by the end of 2025');
  // Reporting of its own shares only a number's words with the agency's: the first of the longest runs.
  assert.equal(sharedRun(OWN_TRADE, AP_TRADE), '30 billion U.S. dollars');
  assert.equal(sharedRun('Nothing alike here at all.', AP_TRADE), '');
  assert.equal(sharedRun('', AP_TRADE), '');
});

test('a source citing another source\'s outlet repeats it, even when it ran first and in other words; a voice citing nobody in the corpus stays independent', () => {
  const result = independentVoices([
    { articleId: 'citing', text: CITING_TRADE, citing: 'the Associated Press', outlet: 'YCPress', date: '2021-12-05' },
    { articleId: 'ap', text: AP_TRADE, outlet: 'Associated Press', date: '2021-12-06' },
    { articleId: 'own', text: OWN_TRADE, outlet: 'Hindustan Times', date: '2021-12-07' },
  ]);
  assert.deepEqual(result.independent, ['ap', 'own']);
  assert.equal(result.repeats.get('citing'), 'ap');
  assert.equal(result.repeats.has('own'), false);
  // "AP" is not "Associated Press", and a short name is no citation of a longer one that merely contains its letters.
  const apart = independentVoices([
    { articleId: 'a', text: 'Trade is up, according to Reuters.', citing: 'Reuters', outlet: 'RFI' },
    { articleId: 'b', text: 'Trade went up sharply this year.', outlet: 'Reuters Breakingviews' },
  ]);
  assert.deepEqual(apart.independent, ['a', 'b']);
});

test('the ledger: AP and its agency copy are "2 sources, 1 independent: RFI repeats Associated Press", single source, with the overlap shown', () => {
  const [claim] = ledgerOf([ap, wire]).check(CLAIM).claims;
  assert.equal(claim.status, 'single-source');
  assert.equal(claim.summary, '2 sources, 1 independent: RFI repeats Associated Press');
  const copy = claim.passages.find((passage) => passage.source === 'RFI');
  assert.equal(copy?.role, 'repeats');
  assert.equal(copy?.repeatsSource, 'Associated Press');
  assert.equal(copy?.overlap, 'They have set a goal of reaching 30 billion U.S. dollars in bilateral trade by the end of 2025');
  assert.ok(copy?.overlapShare !== undefined && copy.overlapShare >= 0.5 && copy.overlapShare < 1, String(copy?.overlapShare));

  const markdown = factCheckReport({
    report: { claims: [claim], counts: { supported: 0, 'single-source': 1, 'second-hand': 0, disputed: 0, 'not-found': 0 } },
    draftName: 'draft.md',
    draftText: CLAIM,
    checkedOn: '2026-12-01',
    sourceCount: 2,
    links: (passage) => ({ command: openPassageLink('sourcebook.openPassage', passage.passageId) }),
  });
  assert.match(markdown, /\*\*RFI\*\*, 2021-12-07, repeating Associated Press \(\d\d% same wording\): “[^”]+” — \[open passage\]\([^)]+\)[^\n]*\n {2}- same words as Associated Press: “They have set a goal of reaching 30 billion U\.S\. dollars in bilateral trade by the end of 2025”/);
});

test('the ledger: AP, its copy and an outlet citing AP by name are still one voice (single source); an outlet\'s own reporting makes it supported', () => {
  const [three] = ledgerOf([ap, wire, citing]).check(CLAIM).claims;
  assert.equal(three.status, 'single-source');
  assert.equal(three.independentCount, 1);
  assert.deepEqual(three.passages.map((passage) => [passage.source, passage.role, passage.repeatsSource]).sort(), [
    ['Associated Press', 'supports', undefined],
    ['RFI', 'repeats', 'Associated Press'],
    ['YCPress', 'repeats', 'Associated Press'],
  ]);
  const [four] = ledgerOf([ap, wire, citing, own]).check(CLAIM).claims;
  assert.equal(four.status, 'supported');
  assert.equal(four.independentCount, 2);
  assert.match(four.summary, /^4 sources, 2 independent: /);
});

test('copies of a second-hand report are one second-hand voice, not two', () => {
  const first = storyArticle('x', 'Outlet X', '2021-12-06', ['According to the Indian Express, more than 80% of the Indian army\'s armaments come from Russia.']);
  const second = storyArticle('y', 'Outlet Y', '2021-12-07', ['Citing the paper, the Indian Express reported that more than 80% of the Indian army\'s armaments come from Russia, according to the Indian Express.']);
  const [claim] = ledgerOf([first, second]).check('More than 80% of the Indian army\'s armaments come from Russia.').claims;
  assert.equal(claim.status, 'second-hand');
  assert.equal(claim.independentCount, 1);
});
