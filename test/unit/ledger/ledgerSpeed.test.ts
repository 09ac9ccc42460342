import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { buildFigureGroups } from '../../../src/core/figures/compareSources';
import { DraftFigureChecker } from '../../../src/core/figures/draftFigures';
import { paragraphClaims } from '../../../src/core/ledger/draftClaims';
import { FigureGroupIndex } from '../../../src/core/ledger/figureGroupIndex';
import { loadBundledCorpus } from '../figures/bundledCorpus';
import { bundledLedger, ledgerFixture } from './ledgerCorpus';

const demoDraft = readFileSync(join(__dirname, '..', '..', '..', '..', 'demo', 'draft.md'), 'utf8');

test('a ledger that kept its earlier checks answers an edited draft exactly as a fresh check does, with each claim at its place in the edited text', () => {
  const { ledger } = bundledLedger();
  ledger.check(demoDraft);
  const edited = demoDraft.replace('more than 60%', 'less than 40%').replace('Whether Biden', 'Here is a new opening sentence. Whether Biden');
  const kept = ledger.check(edited);
  ledger.forgetEarlierChecks();
  const fresh = ledger.check(edited);
  assert.deepEqual(kept, fresh);
  assert.equal(kept.claims.length, 12);
  for (const claim of kept.claims) assert.equal(edited.slice(claim.start, claim.end).replace(/\s+/g, ' '), claim.text);
  assert.equal(kept.claims.find((claim) => claim.text.startsWith('Russia still supplies'))?.status, 'disputed');
  // Checking the original again gives the original answer, not the edited one.
  assert.equal(ledger.check(demoDraft).claims.find((claim) => claim.text.startsWith('Russia still supplies'))?.status, 'single-source');
});

test('the figure group index finds the same group as the draft figure checker for every figure of the fixture claims', () => {
  const articles = [...loadBundledCorpus().values()];
  const groups = buildFigureGroups(articles);
  const index = new FigureGroupIndex(groups);
  const checker = new DraftFigureChecker(groups);
  let compared = 0;
  for (const { text } of ledgerFixture) {
    const expected = checker.matches(text);
    for (const claim of paragraphClaims(text)) {
      for (const figure of claim.figures) {
        const match = expected.find((candidate) => candidate.figure.span.start === figure.span.start);
        assert.equal(index.groupOf(figure)?.id, match?.group.id, `${figure.span.text} in "${text}"`);
        compared += 1;
      }
    }
  }
  assert.ok(compared >= 30, `${compared} figures compared`);
});
