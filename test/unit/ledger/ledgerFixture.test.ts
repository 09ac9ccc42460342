import assert from 'node:assert/strict';
import test from 'node:test';
import { claimStatuses, type ClaimStatus } from '../../../src/core/ledger/storyLedger';
import { bundledLedger, ledgerFixture } from './ledgerCorpus';
import { checkFixture, scoreLine, statusScore } from './ledgerScores';

const { ledger, fileOf } = bundledLedger();
const results = checkFixture(ledger, fileOf, ledgerFixture);
const table = scoreLine(results);
const percent = (value: number) => `${Math.round(value * 100)}%`;
const scores = (status: ClaimStatus) => statusScore(results, status);

/**
 * The floors this fixture reaches (measured, then rounded down); a drop below any is a
 * regression. Supported and disputed recall stop short of 100% on claims the ledger leaves "not
 * found" (a paraphrase it cannot read: "a grouping Moscow views with suspicion" is found, "hard
 * to give up" is not), which is also why not-found precision is lower.
 */
const floors: Record<ClaimStatus, { precision: number; recall: number }> = {
  supported: { precision: 1, recall: 0.92 },
  'single-source': { precision: 0.96, recall: 0.93 },
  'second-hand': { precision: 1, recall: 1 },
  disputed: { precision: 1, recall: 0.88 },
  'not-found': { precision: 0.77, recall: 1 },
};

test(`the story ledger on ${ledgerFixture.length} hand-written claims about the bundled corpus: ${table}`, () => {
  assert.ok(ledgerFixture.length >= 70);
  for (const result of results) assert.ok(result.claim, `"${result.expected.text}" is a claim`);
  for (const status of claimStatuses) {
    const { precision, recall } = scores(status);
    assert.ok(precision >= floors[status].precision, `${status}: precision ${percent(precision)} below ${percent(floors[status].precision)}`);
    assert.ok(recall >= floors[status].recall, `${status}: recall ${percent(recall)} below ${percent(floors[status].recall)}`);
  }
});

test('a wrong "supported" is worse than "not found": no claim the fixture calls single-source, second-hand, disputed or not found comes out supported', () => {
  const wronglySupported = results.filter((result) => result.claim?.status === 'supported' && result.expected.status !== 'supported');
  assert.deepEqual(wronglySupported.map((result) => result.expected.text), []);
});

test('the demo draft\'s twelve sentences: at least 8 decided as the fixture decides them, none wrongly supported or single-source', () => {
  const demo = results.filter((result) => result.expected.draft === 'demo');
  assert.equal(demo.length, 12);
  const right = demo.filter((result) => result.claim?.status === result.expected.status);
  assert.ok(right.length >= 8, `${right.length} of 12: ${demo.map((result) => `${result.expected.status} -> ${result.claim?.status}: ${result.expected.text}`).join('\n')}`);
  const overstated = demo.filter((result) => (result.claim?.status === 'supported' || result.claim?.status === 'single-source') && result.claim.status !== result.expected.status);
  assert.deepEqual(overstated.map((result) => result.expected.text), []);
});

test('traps (one fact of a source sentence changed, most words kept) never come out supported or single-source: another country, another seller, the opposite stance, another ordinal', () => {
  const traps = results.filter((result) => result.expected.trap);
  assert.ok(traps.length >= 8);
  const believed = traps.filter((result) => result.claim?.status === 'supported' || result.claim?.status === 'single-source');
  assert.deepEqual(believed.map((result) => `${result.expected.text} -> ${result.claim?.status}`), []);
});

test('the deciding passages of a rightly decided claim come from the articles the fixture names (single source, second-hand: exactly that article; disputed: only named articles, at least one)', () => {
  for (const result of results) {
    if (result.claim?.status !== result.expected.status || result.expected.status === 'not-found') continue;
    if (result.expected.status === 'supported') {
      assert.ok(result.articles.length >= 2, `${result.expected.text}: ${result.articles}`);
      assert.ok(result.expected.articles.some((file) => result.articles.includes(file)), `${result.expected.text}: ${result.articles}`);
    } else if (result.expected.status === 'disputed') {
      // One disagreeing source is enough to dispute: "his first trip abroad" is disputed by 001's
      // "his second trip"; 003 says "second" too, in a sentence that does not name Putin.
      assert.ok(result.articles.length >= 1 && result.articles.every((file) => result.expected.articles.includes(file)), `${result.expected.text}: ${result.articles}`);
    } else {
      assert.deepEqual(result.articles, result.expected.articles, result.expected.text);
    }
  }
});

test('the arms-share figures are different measures: imports since 2010, the army\'s armaments citing the Indian Express, the current share', () => {
  const armsShares = [
    /share of weapons imported since 2010 \([^)]*: more than 60%\)/,
    /share of Indian army’s armaments, citing the Indian Express \(YCPress: more than 80%\)/,
    /current share \(RFI: fallen below 50%\)/,
  ];
  for (const result of results.filter((entry) => entry.expected.note === 'different measures')) {
    const note = result.claim?.notes.find((line) => line.startsWith('different measures: ')) ?? '';
    const statements = note.slice('different measures: '.length).split(' · ');
    assert.ok(statements.length >= 2, `${result.expected.text}: ${note}`);
    for (const statement of statements) assert.ok(armsShares.some((pattern) => pattern.test(statement)), `${result.expected.text}: ${statement}`);
  }
  const draft = results.find((entry) => entry.expected.text.startsWith('Russia still supplies'));
  assert.equal(draft?.claim?.status, 'single-source');
  assert.equal(draft?.claim?.notes[0], 'different measures: share of weapons imported since 2010 (“Russian President Vladimir Putin will…”: more than 60%) · share of Indian army’s armaments, citing the Indian Express (YCPress: more than 80%) · current share (RFI: fallen below 50%)');
});

test('"$30 billion by 2025" is an investment target in one source and a trade goal in another: not a contradiction', () => {
  const trade = results.find((entry) => entry.expected.text.startsWith('India and Russia have set a goal of $30 billion'));
  assert.equal(trade?.claim?.status, 'single-source');
  assert.ok(trade?.claim?.notes.includes('not a contradiction: bilateral trade goal by 2025 (Associated Press: 30 billion U.S. dollars) vs investment target by 2025 (“India Does Balancing Act Between…”: $30 billion)'), trade?.claim?.notes.join('\n'));
  const investment = results.find((entry) => entry.expected.text.startsWith('The investment target of $30 billion'));
  assert.ok(investment?.claim?.notes.some((note) => note.startsWith('not a contradiction: investment target by 2025') && note.includes('bilateral trade goal by 2025 (Associated Press')), investment?.claim?.notes.join('\n'));
});
