import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturesDir, ingestBytes, ingestFixture, ingestString, onlyArticle, skipReason, textAtRange } from './ingestTestSupport';

// One test per row of the bad-input table in SECURITY.md that concerns reading files.

test('empty, white-space-only and front-matter-only files are skipped as empty', () => {
  assert.equal(skipReason(ingestFixture('empty.txt')), 'empty');
  assert.equal(skipReason(ingestFixture('whitespace-only.txt')), 'empty');
  assert.equal(skipReason(ingestFixture('front-matter-only.md')), 'empty');
  assert.equal(skipReason(ingestString('only-cruft.txt', 'Advertising\n\nRead more\n')), 'empty');
});

test('a file that is only a headline is indexed as that text, not skipped as empty', () => {
  const article = onlyArticle(ingestString('alert.txt', 'Putin arrives in Delhi\n\nAdvertising\n\nRead more\n'));
  assert.equal(article.meta.title, 'Putin arrives in Delhi');
  assert.deepEqual(article.passages.map((passage) => passage.text), ['Putin arrives in Delhi']);
  assert.deepEqual(article.droppedLines.map((dropped) => [dropped.text, dropped.reason]), [['Advertising', 'advertising'], ['Read more', 'read-more link']]);
});

test('a file over the size cap is skipped as too large without being decoded', () => {
  const outcome = ingestBytes('big.txt', new Uint8Array(2048).fill(0x41), { maxFileBytes: 1024 });
  assert.deepEqual(outcome, { kind: 'skipped', reason: 'too-large', detail: '2048 bytes is over the 1024-byte limit.' });
});

test('one enormous line (5 MB of base64) is capped, without freezing', () => {
  const line = 'TWFu'.repeat(1_250_000);
  const outcome = ingestString('blob.txt', `Attachment\n\n${line}\n\nA real closing paragraph.\n`);
  const article = onlyArticle(outcome);
  assert.ok(article.passages.length <= 130, `${article.passages.length} passages`);
  assert.ok(article.passages.every((passage) => passage.text.length <= 800));
  assert.equal(article.passages[article.passages.length - 1].text, 'A real closing paragraph.');
  assert.ok(outcome.kind === 'articles' && outcome.warnings.some((warning) => warning.includes('characters were shortened')));
});

test('5 MB of minified HTML on one line is read up to the passage cap', () => {
  const paragraphs = Array.from({ length: 80_000 }, (_, i) => `<p>Meeting ${i}: Modi met Putin in New Delhi to discuss trade.</p>`);
  const html = `<html><body><article>${paragraphs.join('')}</article></body></html>`;
  assert.ok(html.length > 5_000_000 && !html.includes('\n'));
  const outcome = ingestString('min.html', html, { maxPassagesPerArticle: 1000 });
  const passages = onlyArticle(outcome).passages;
  assert.equal(passages.length, 1000);
  assert.equal(passages[999].text, 'Meeting 999: Modi met Putin in New Delhi to discuss trade.');
});

test('a binary file with a text extension is skipped as binary', () => {
  assert.equal(skipReason(ingestFixture('nul-binary.txt')), 'binary');
  assert.equal(skipReason(ingestBytes('image.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))), 'binary');
});

test('UTF-8 with BOM and UTF-16 LE/BE with BOM are decoded, with columns as the editor counts them', () => {
  const utf8 = onlyArticle(ingestFixture('utf8-bom.txt'));
  assert.equal(utf8.meta.title, 'Visit to New Delhi');
  assert.deepEqual(utf8.passages.map((passage) => [passage.text, passage.range]), [
    ['Putin met Modi – and the S‑400 deal went ahead.', { startLine: 2, startCharacter: 0, endLine: 2, endCharacter: 47 }],
  ]);
  for (const name of ['utf16le-bom.txt', 'utf16be-bom.txt']) {
    const article = onlyArticle(ingestFixture(name));
    assert.equal(article.meta.title, 'Кремль и Дели');
    assert.deepEqual(article.passages.map((passage) => passage.text), ['Путин встретился с Моди в Нью-Дели 6 декабря.']);
  }
});

test('windows-1251, KOI8-R and windows-1252 files are decoded, not indexed as mojibake', () => {
  for (const name of ['windows-1251.txt', 'koi8-r.txt']) {
    const article = onlyArticle(ingestFixture(name));
    assert.equal(article.meta.title, 'Визит в Нью-Дели');
    assert.deepEqual(article.passages.map((passage) => passage.text), [
      'Президент России Владимир Путин прибыл в Нью-Дели на переговоры с премьер-министром Индии.',
      'Стороны обсудили оборонное сотрудничество, поставки систем С-400 и торговлю.',
    ]);
  }
  const latin = onlyArticle(ingestFixture('windows-1252.txt'));
  assert.equal(latin.meta.title, 'Le café de Genève');
  assert.equal(latin.passages[0].text, '“Nous préférons le dialogue”, a déclaré le ministre – sans détour.');
});

test('undecodable text is skipped as unknown encoding, never as U+FFFD soup', () => {
  assert.equal(skipReason(ingestFixture('shift-jis.txt')), 'unknown-encoding');
  assert.equal(skipReason(ingestFixture('invalid-utf8-soup.txt')), 'unknown-encoding');
});

test('CRLF, lone CR and mixed line endings give the same passages at the editor\'s positions', () => {
  const expected = [
    ['First paragraph spans two lines.', { startLine: 2, startCharacter: 0, endLine: 3, endCharacter: 10 }],
    ['Second paragraph.', { startLine: 5, startCharacter: 0, endLine: 5, endCharacter: 17 }],
  ];
  for (const name of ['crlf.txt', 'lone-cr.txt']) {
    const article = onlyArticle(ingestFixture(name));
    assert.equal(article.meta.title, 'Title line');
    assert.deepEqual(article.passages.map((passage) => [passage.text, passage.range]), expected, name);
  }
  const mixed = onlyArticle(ingestFixture('mixed-endings.txt'));
  const source = readFileSync(join(fixturesDir, 'mixed-endings.txt'), 'utf8');
  assert.deepEqual(mixed.passages.map((passage) => passage.text), ['First paragraph spans two lines.', 'Second paragraph.']);
  assert.equal(textAtRange(source, mixed.passages[0].range), 'First paragraph spans\ntwo lines.');
  assert.deepEqual(mixed.passages[1].range, { startLine: 6, startCharacter: 0, endLine: 6, endCharacter: 17 });
});

test('surrogate pairs and combining marks at a cut point are never split', () => {
  const emojiSentence = 'Talks 😀 went on. '.repeat(100);
  const article = onlyArticle(ingestString('a.txt', `Title\n\n${emojiSentence}\n\n${'e\u0301'.repeat(2000)}\n`));
  for (const passage of article.passages) {
    assert.ok(!/^[\uDC00-\uDFFF\u0300-\u036f]|[\uD800-\uDBFF]$/.test(passage.text), JSON.stringify(passage.text.slice(0, 3)));
  }
});

test('hostile text in a .txt file stays literal, inert text', () => {
  const article = onlyArticle(ingestFixture('hostile.txt'));
  assert.equal(article.meta.title, 'Hostile text: [x](command:workbench.action.terminal.new)');
  assert.deepEqual(article.passages.map((passage) => passage.text), [
    'Click [here](command:sourcebook.insertQuote?%5B%22..%2F..%2Fetc%2Fpasswd%22%5D) to see <img src=x onerror=alert(1)> and <script>alert("owned")</script> with $(zap) icons.',
    'A tracking pixel ![](https://tracker.example.com/p.gif?u=writer) and a javascript:alert(1) link.',
  ]);
});

test('hostile markdown loses its link targets and keeps its words as text', () => {
  const article = onlyArticle(ingestFixture('hostile.md'));
  assert.deepEqual(article.meta, { title: '<img src=x onerror=alert(1)> $(zap)' });
  assert.deepEqual(article.passages.map((passage) => passage.text), [
    'Click here to see <img src=x onerror=alert(1)> and <script>alert("owned")</script> with $(zap) icons.',
    'A tracking pixel pixel and a file.',
  ]);
});

test('hostile HTML: scripts, iframes, attributes and link targets are gone; escaped markup is text', () => {
  const article = onlyArticle(ingestFixture('hostile.html'));
  assert.equal(article.meta.title, '$(zap) <img src=x onerror=alert(1)>');
  assert.deepEqual(article.passages.map((passage) => passage.text), [
    'Click here to see <script>alert("owned")</script> with $(zap) icons.',
    'A javascript link and end.',
  ]);
});

test('a file name with no supported extension is skipped as unsupported', () => {
  assert.equal(skipReason(ingestString('notes.docx', 'text')), 'unsupported-format');
  assert.equal(skipReason(ingestString('README', 'text')), 'unsupported-format');
});

test('lines built to make regular expressions backtrack are read, and read as what they are', () => {
  // How fast is measured by `npm run bench`; here: what comes out (the unit tier's timeout catches a hang).
  const longRun = (passages: string[]) => passages.length > 0 && passages.every((text) => text.length <= 800 && /^a?\.+$/.test(text));
  const adversarial: Array<[string, string, (passages: string[]) => boolean]> = [
    ['dots.txt', `Title\n\na${'.'.repeat(100_000)}\n`, longRun],
    ['byline.txt', `Title\n\nBy x${' '.repeat(50_000)}y\n`, (passages) => passages.join('|') === 'By x|y'],
    ['dots.md', `a${'.'.repeat(100_000)}\n`, longRun],
    ['table.md', `${' '.repeat(50_000)}|x\n`, (passages) => passages.join('|') === '|x'],
    ['list.md', `${' '.repeat(50_000)}- x\n`, (passages) => passages.join('|') === '- x'],
  ];
  for (const [fileName, text, expected] of adversarial) {
    const passages = onlyArticle(ingestString(fileName, text)).passages.map((passage) => passage.text);
    assert.ok(expected(passages), `${fileName}: ${passages.length} passages: ${passages.slice(0, 3).map((passage) => JSON.stringify(passage.slice(0, 40))).join(', ')}`);
  }
  assert.equal(skipReason(ingestString('heading.md', `# ${' '.repeat(50_000)}x\n`)), 'empty');
});
