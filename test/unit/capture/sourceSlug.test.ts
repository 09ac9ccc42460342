import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numberedFileName, sourceSlug } from '../../../src/core/capture/sourceSlug';

test('a slug is the title in lower case, words joined by hyphens, accents removed, other scripts kept', () => {
  assert.equal(sourceSlug('S-400 deliveries to India begin, says Moscow'), 's-400-deliveries-to-india-begin-says-moscow');
  assert.equal(sourceSlug('Le café de Genève: « Nous préférons le dialogue »'), 'le-cafe-de-geneve-nous-preferons-le-dialogue');
  assert.equal(sourceSlug('Визит в Нью-Дели'), 'визит-в-нью-дели');
  assert.equal(sourceSlug('ＡＢＣ　１２３'), 'abc-123');
});

test('a slug is at most 60 characters, cut at a hyphen, never splitting a letter outside the BMP', () => {
  const slug = sourceSlug('India receives Putin because it balances relations with Russia and the United States of America');
  assert.equal(slug, 'india-receives-putin-because-it-balances-relations-with');
  assert.ok(slug.length <= 60);
  const astral = sourceSlug('𝒜'.repeat(40));
  assert.ok(astral.length <= 60 && !/[\ud800-\udbff]$/.test(astral));
});

test('without a usable title: the last part of the address, then its host, then "page"; never a path, a dot file or a reserved name', () => {
  assert.equal(sourceSlug('', 'https://news.example/world/2021/putin-visit.html?x=1'), 'putin-visit');
  assert.equal(sourceSlug('!!!', 'https://www.news.example/'), 'news-example');
  assert.equal(sourceSlug(undefined, 'not a url'), 'page');
  assert.equal(sourceSlug('../../etc/passwd'), 'etc-passwd');
  assert.equal(sourceSlug('.hidden'), 'hidden');
  assert.equal(sourceSlug('CON'), 'con-page');
  assert.equal(sourceSlug('nul'), 'nul-page');
  assert.ok(!/[/\\]/.test(sourceSlug('a/b\\c')));
});

test('a taken name gets a number', () => {
  assert.equal(numberedFileName('putin-visit', 1), 'putin-visit.md');
  assert.equal(numberedFileName('putin-visit', 2), 'putin-visit-2.md');
});
