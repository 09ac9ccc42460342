import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeBytes, declaredCharset } from '../../../src/core/ingest/decodeBytes';

const fixtures = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'ingest');

function decodeFixture(name: string) {
  return decodeBytes(readFileSync(join(fixtures, name)));
}

function decodedText(name: string): { text: string; encoding: string } {
  const result = decodeFixture(name);
  assert.ok(result.ok, `${name} should decode`);
  return result;
}

test('a UTF-8 BOM is honoured and removed', () => {
  const { text, encoding } = decodedText('utf8-bom.txt');
  assert.equal(encoding, 'utf-8');
  assert.ok(text.startsWith('Visit to New Delhi\r\n'));
  assert.ok(text.includes('Putin met Modi – and the S‑400 deal went ahead.'));
});

test('UTF-16 LE and BE with a BOM decode to the same Russian text', () => {
  const little = decodedText('utf16le-bom.txt');
  const big = decodedText('utf16be-bom.txt');
  assert.equal(little.encoding, 'utf-16le');
  assert.equal(big.encoding, 'utf-16be');
  assert.equal(little.text, big.text);
  assert.ok(little.text.includes('Путин встретился с Моди в Нью-Дели 6 декабря.'));
});

test('windows-1251 and KOI8-R Russian are told apart by a guess', () => {
  const cp1251 = decodedText('windows-1251.txt');
  const koi8 = decodedText('koi8-r.txt');
  assert.equal(cp1251.encoding, 'windows-1251');
  assert.equal(koi8.encoding, 'koi8-r');
  assert.equal(cp1251.text, koi8.text);
  assert.ok(cp1251.text.includes('Президент России Владимир Путин прибыл в Нью-Дели'));
});

test('windows-1252 with curly quotes and accents is guessed as Latin, not Cyrillic', () => {
  const { text, encoding } = decodedText('windows-1252.txt');
  assert.equal(encoding, 'windows-1252');
  assert.ok(text.includes('“Nous préférons le dialogue”, a déclaré le ministre – sans détour.'));
  assert.ok(text.startsWith('Le café de Genève'));
});

test('an HTML meta charset is used before guessing', () => {
  const bytes = readFileSync(join(fixtures, 'declared-windows-1251.html'));
  assert.equal(declaredCharset(bytes), 'windows-1251');
  const { text, encoding } = decodedText('declared-windows-1251.html');
  assert.equal(encoding, 'windows-1251');
  assert.ok(text.includes('<title>Визит в Нью-Дели</title>'));
});

test('NUL bytes mean binary', () => {
  const result = decodeFixture('nul-binary.txt');
  assert.deepEqual(result.ok ? 'decoded' : result.reason, 'binary');
});

test('Shift-JIS is not mistaken for a legacy European encoding', () => {
  const result = decodeFixture('shift-jis.txt');
  assert.deepEqual(result.ok ? `decoded as ${result.encoding}` : result.reason, 'unknown-encoding');
});

test('text already full of U+FFFD is refused rather than indexed', () => {
  const result = decodeFixture('invalid-utf8-soup.txt');
  assert.deepEqual(result.ok ? 'decoded' : result.reason, 'unknown-encoding');
});

test('random high bytes are not indexed as mojibake', () => {
  const bytes = new Uint8Array(400);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = 0x80 + ((i * 73) % 128);
  }
  const result = decodeBytes(bytes);
  assert.deepEqual(result.ok ? `decoded as ${result.encoding}` : result.reason, 'unknown-encoding');
});

test('UTF-16 without a BOM is recognised by its NUL pattern, not taken for binary', () => {
  for (const [name, encoding] of [['utf16le-no-bom.txt', 'utf-16le'], ['utf16be-no-bom.txt', 'utf-16be']]) {
    const decoded = decodedText(name);
    assert.equal(decoded.encoding, encoding);
    assert.equal(decoded.text, 'Visit to New Delhi\n\nPutin met Modi on Monday, December 6.\n');
  }
});

/** Deterministic bytes for the tests below (a linear congruential generator). */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

test('a UTF-16 BOM followed by binary is refused, not indexed as characters', () => {
  const zerosAlternating = pseudoRandomBytes(2002, 1);
  zerosAlternating.set([0xff, 0xfe]);
  for (let i = 3; i < zerosAlternating.length; i += 2) {
    zerosAlternating[i] = 0;
  }
  const controls = decodeBytes(zerosAlternating);
  assert.deepEqual(controls.ok ? `decoded as ${controls.encoding}` : [controls.reason, controls.detail], [
    'binary',
    'The file decodes as utf-16le but is mostly control or unassigned characters: it is not text.',
  ]);

  const bmpSoup = pseudoRandomBytes(2002, 2);
  bmpSoup.set([0xfe, 0xff]);
  for (let i = 2; i < bmpSoup.length; i += 2) {
    bmpSoup[i] %= 0xd8;
  }
  const soup = decodeBytes(bmpSoup);
  assert.ok(!soup.ok, `decoded as ${soup.ok ? soup.encoding : ''}`);
  assert.ok(['binary', 'unknown-encoding'].includes(soup.reason));
  assert.match(soup.detail, /^The file decodes as utf-16be but .*: it is not text\.$/);

  const scriptSoup = new Uint8Array(Buffer.from(`\ufeff${'ʝ౩畬쿿旺뀸ꤣ䖿ࢂʆ䛴첌㰲ᑺàꉍꆨ鮁๏萛Ⲛ臨腔볦維ꋼ諡'.repeat(20)}`, 'utf16le'));
  const mixed = decodeBytes(scriptSoup);
  assert.deepEqual(mixed.ok ? `decoded as ${mixed.encoding}` : [mixed.reason, mixed.detail], [
    'unknown-encoding',
    'The file decodes as utf-16le but its letters mix unrelated scripts inside words: it is not text.',
  ]);
});

test('random bytes with zeros in alternate places are binary, not UTF-16 without a BOM', () => {
  const bytes = pseudoRandomBytes(2000, 3);
  for (let i = 0; i < bytes.length; i += 2) {
    bytes[i] = bytes[i] || 1;
    bytes[i + 1] = 0;
  }
  const result = decodeBytes(bytes);
  assert.deepEqual(result.ok ? `decoded as ${result.encoding}` : result.reason, 'binary');
});

test('real UTF-16 text in many scripts still decodes', () => {
  const samples = [
    'Путин встретился с Моди в Нью-Дели 6 декабря.',
    '普京访问印度，与莫迪举行会谈。日本語のテキストもあります。',
    '문재인 대통령이 文在寅 말했다. 한국어 뉴스입니다.',
    'Ἐν ἀρχῇ ἦν ὁ λόγος, καὶ ὁ λόγος ἦν πρὸς τὸν θεόν.',
    'مرحبا بالعالم هذا نص عربي',
    'नमस्ते दुनिया यह हिंदी है',
    'Tiếng Việt có dấu rất nhiều — “ça va”, café.',
  ];
  for (const sample of samples) {
    const little = new Uint8Array(Buffer.from(`\ufeff${`${sample}\n`.repeat(10)}`, 'utf16le'));
    const result = decodeBytes(little);
    assert.ok(result.ok, `${sample}: ${result.ok ? '' : result.detail}`);
    assert.equal(result.text, `${sample}\n`.repeat(10));
  }
});
