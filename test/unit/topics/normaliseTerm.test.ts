import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseTerm, normaliseTokens, singularOf } from '../../../src/core/topics/normaliseTerm';

function assertSame(spellings: string[]): void {
  const forms = spellings.map(normaliseTerm);
  for (let i = 1; i < forms.length; i++) {
    assert.equal(forms[i], forms[0], `${spellings[i]} should normalise like ${spellings[0]}`);
  }
}

test('codes fold separators: the S-400 spellings of the five sources are one term', () => {
  assertSame(['S-400', 'S400', 'S 400', 's-400', 'S‑400', 'S–400']);
  assert.equal(normaliseTerm('S-400'), 's400');
  assertSame(['AK-203', 'AK203', 'AK 203', 'ak-203', 'Ak-203']);
  assert.equal(normaliseTerm('below 50'), 'below 50', 'lower-case words before a number are prose');
  assert.equal(normaliseTerm('March 18'), 'march 18');
  assertSame(['COP26', 'Cop 26', 'COP-26', 'cop26']);
  assertSame(['G20', 'G-20', 'G 20']);
  assertSame(['Covid-19', 'COVID19', 'Covid 19', 'covid-19']);
  assertSame(['Su-30MKI', 'Su30MKI']);
});

test('"2 plus 2" is "2+2", also inside a longer term', () => {
  assertSame(['2+2', '2 plus 2', '2 Plus 2', '2 + 2']);
  assertSame(['2+2 dialogue', '2 plus 2 dialogue', '2+2 dialogues']);
  assert.notEqual(normaliseTerm('2+2'), normaliseTerm('2+3'));
});

test('case, accents and curly quotes fold', () => {
  assertSame(['Zürich', 'Zurich', 'ZURICH', 'Zu\u0308rich']);
  assertSame(['Christophe Jaffrelot', 'christophe jaffrelot']);
  assertSame(['Sputnik V', 'sputnik v']);
  assertSame(['Jean-Luc Racine', 'Jean Luc Racine']);
});

test('possessives fold, with straight or curly apostrophes', () => {
  assertSame(['Putin', 'Putin’s', "Putin's", 'Putinʼs']);
  assertSame(['Russia', 'Russia’s']);
  assertSame(['Lavrov', 'Lavrov’s']);
});

test('plurals of lower-case common words fold, names and codes ending in s do not', () => {
  assertSame(['surface-to-air missile system', 'surface-to-air missile systems']);
  assertSame(['maritime route', 'maritime routes']);
  assertSame(['country', 'countries']);
  assertSame(['S-400', 'S-400s']);
  assert.equal(normaliseTerm('Lavrov'), 'lavrov');
  assert.equal(normaliseTerm('Paris'), 'paris');
  assert.equal(normaliseTerm('Texas'), 'texas');
  assert.equal(normaliseTerm('BRICS'), 'brics');
  assert.equal(normaliseTerm('CAATSA'), 'caatsa');
  assert.equal(normaliseTerm('Bramos'), 'bramos');
  assert.equal(normaliseTerm('news'), 'news');
  assert.equal(normaliseTerm('crisis'), 'crisis');
  assert.equal(singularOf('sanctions'), 'sanctions');
  assert.equal(singularOf('patches'), 'patch');
});

test('hyphens between words are word breaks, dotted acronyms close up', () => {
  assertSame(['Indo-Pacific', 'Indo Pacific', 'indo-pacific', 'the Indo-Pacific']);
  assertSame(['Chennai-Vladivostok', 'Chennai Vladivostok', 'Chennai–Vladivostok']);
  assertSame(['U.S.', 'US', 'U.S']);
  assertSame(['U.S. Defense Secretary', 'US Defense Secretary']);
});

test('sentence words before a number are not code letters', () => {
  assert.equal(normaliseTerm('In 2019'), 'in 2019');
  assert.equal(normaliseTerm('June 2019'), 'june 2019');
  assert.equal(normaliseTerm('the 6th'), '6th');
});

test('tokens keep exact UTF-16 offsets into the original text', () => {
  const text = 'India bought the S 400 — and “2 plus 2” talks. 🇮🇳 Putin’s visit';
  const tokens = normaliseTokens(text);
  for (const token of tokens) {
    assert.ok(token.end > token.start);
  }
  const s400 = tokens.find((t) => t.norm === 's400')!;
  assert.equal(text.slice(s400.start, s400.end), 'S 400');
  const twoPlusTwo = tokens.find((t) => t.norm === '2+2')!;
  assert.equal(text.slice(twoPlusTwo.start, twoPlusTwo.end), '2 plus 2');
  const putin = tokens.find((t) => t.norm === 'putin')!;
  assert.equal(text.slice(putin.start, putin.end), 'Putin’s');
});

test('empty and punctuation-only input give an empty key', () => {
  assert.equal(normaliseTerm(''), '');
  assert.equal(normaliseTerm(' -- ... '), '');
});

test('contractions end the word, possessives and O’Brien-style names do not', () => {
  const norms = (text: string): string[] => normaliseTokens(text).map((t) => t.norm);
  assert.deepEqual(norms("I'm sure I've seen it; we'll see"), ['i', 'm', 'sure', 'i', 've', 'seen', 'it', 'we', 'll', 'see']);
  assert.deepEqual(norms("Putin's O'Brien d'Estaing"), ['putin', 'obrien', 'destaing']);
});
