import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageLabel, sourceLine } from '../../../src/core/present/pageLabel';

test('a page is shown as "p. 12"; no page (or a nonsense one) gives nothing to show', () => {
  assert.equal(pageLabel(12), 'p. 12');
  assert.equal(pageLabel(1), 'p. 1');
  assert.equal(pageLabel(undefined), undefined);
  assert.equal(pageLabel(0), undefined);
  assert.equal(pageLabel(-3), undefined);
  assert.equal(pageLabel(2.5), undefined);
  assert.equal(pageLabel(Number.NaN), undefined);
});

test('a source line joins what is known and leaves out what is not, never a dangling separator', () => {
  assert.equal(sourceLine(['News18', '2021-12-06', pageLabel(12)]), 'News18, 2021-12-06, p. 12');
  assert.equal(sourceLine(['News18', '2021-12-06', pageLabel(undefined)]), 'News18, 2021-12-06');
  assert.equal(sourceLine(['Unknown outlet', undefined, pageLabel(2)]), 'Unknown outlet, p. 2');
  assert.equal(sourceLine([undefined, '', undefined]), '');
  assert.equal(sourceLine(['line 3', pageLabel(4)], ' · '), 'line 3 · p. 4');
});
