import assert from 'node:assert/strict';
import test from 'node:test';
import { buildFigureGroups } from '../../../src/core/figures/compareSources';
import { checkFigureInDraft, DraftFigureChecker, hasDraftFigureAt } from '../../../src/core/figures/draftFigures';
import { loadBundledCorpus } from './bundledCorpus';

const groups = buildFigureGroups([...loadBundledCorpus().values()]);
const checker = new DraftFigureChecker(groups);

test('a hover on a figure in the draft finds what each source says about the same thing', () => {
  const draft = 'About 80% of India\u2019s arms come from Russia.';
  const [match] = checker.matches(draft);
  assert.ok(match);
  assert.equal(draft.slice(match.figure.span.start, match.figure.span.end), 'About 80%');
  assert.deepEqual(match.verdicts.map((entry) => `${entry.figure.span.text}: ${entry.verdict}`).sort(), [
    'fallen below 50%: contradiction',
    'more than 60%: agree',
    'more than 80%: agree',
  ]);
  assert.equal(match.contradictsAll, false);
});

test('a figure that contradicts every source on the same thing is reported', () => {
  const found = checkFigureInDraft('Only 10% of India\u2019s arms imports come from Russia.', groups);
  assert.equal(found.length, 1);
  assert.equal(found[0].figure.span.text, '10%');
  assert.equal(found[0].group.figures.length, 3);
  assert.ok(found[0].verdicts.every((entry) => entry.verdict !== 'agree'));
});

test('a figure some source supports, or about something no source measures, is not reported', () => {
  assert.deepEqual(checkFigureInDraft('Russia supplies 30% of India\u2019s weapons.', groups), []);
  assert.deepEqual(checkFigureInDraft('Russia and India aim for $30 billion in bilateral trade by 2025.', groups), []);
  assert.deepEqual(checkFigureInDraft('The stadium holds 40,000 people.', groups), []);
});

test('a changed investment target in the draft contradicts the source that gives it', () => {
  const [found] = checkFigureInDraft('They set a $20 billion investment target for the energy sector.', groups);
  assert.ok(found);
  assert.deepEqual(found.group.figures.map((figure) => figure.span.text), ['$30 billion', '$50 billion']);
});

test('matchAt finds the figure under the cursor, and nothing between figures', () => {
  const draft = 'Sources differ: about 80% of India\u2019s arms come from Russia, they say.';
  const offset = draft.indexOf('80%') + 1;
  assert.equal(checker.matchAt(draft, offset)?.figure.span.text, 'about 80%');
  assert.equal(checker.matchAt(draft, 3), undefined);
});

test('hasDraftFigureAt: the editor asks the engine for a figure card only on a figure, not on a code with digits', () => {
  const line = 'Delhi bought the S-400 system and 5 regiments, 60% of its arms.';
  assert.equal(hasDraftFigureAt(line, line.indexOf('S-400') + 2), false);
  assert.equal(hasDraftFigureAt(line, line.indexOf('5 regiments')), true);
  assert.equal(hasDraftFigureAt(line, line.indexOf('60%') + 1), true);
  assert.equal(hasDraftFigureAt(line, line.indexOf('Delhi')), false);
});
