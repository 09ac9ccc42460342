import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { bundledLedger } from './ledgerCorpus';

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
