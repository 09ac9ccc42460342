import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { corpusDir, ingestBytes, ingestString, onlyArticle, textAtRange } from './ingestTestSupport';

test('a .txt article becomes one passage per paragraph, titled by its first line', () => {
  const fileName = '004_80468003f30bc126.txt';
  const article = onlyArticle(ingestBytes(fileName, readFileSync(join(corpusDir, fileName))));
  assert.equal(article.meta.title, 'India receives Putin because it balances relations with Russia and the United States');
  assert.equal(article.format, 'txt');
  assert.ok(article.passages[0].text.startsWith('New Delhi (Associated Press)-Indian Prime Minister Narendra Modi met with Russian President Vladimir Putin on Monday'));
  assert.deepEqual(article.passages[0].range, { startLine: 2, startCharacter: 0, endLine: 2, endCharacter: 215 });
});

test('passage ids are stable across reindexing and survive edits elsewhere in the file', () => {
  const before = onlyArticle(ingestString('a.txt', 'Title\n\nFirst paragraph.\n\nSecond paragraph.\n'));
  const again = onlyArticle(ingestString('a.txt', 'Title\n\nFirst paragraph.\n\nSecond paragraph.\n'));
  const edited = onlyArticle(ingestString('a.txt', 'Title\n\nA new opening.\n\nFirst paragraph.\n\nSecond paragraph.\n'));
  assert.deepEqual(again.passages.map((p) => p.id), before.passages.map((p) => p.id));
  assert.equal(edited.passages[1].id, before.passages[0].id);
  assert.equal(edited.passages[2].id, before.passages[1].id);
  assert.notEqual(edited.passages[0].id, before.passages[0].id);
});

test('article ids derive from the source URI', () => {
  const bytes = new TextEncoder().encode('Title\n\nSome words.\n');
  const first = onlyArticle(ingestBytes('a.txt', bytes));
  const renamed = onlyArticle(ingestBytes('b.txt', bytes));
  assert.equal(onlyArticle(ingestBytes('a.txt', bytes)).id, first.id);
  assert.notEqual(renamed.id, first.id);
  assert.ok(first.passages.every((passage) => passage.articleId === first.id && passage.id.startsWith(`${first.id}.`)));
});

test('repeated identical paragraphs get distinct ids', () => {
  const article = onlyArticle(ingestString('a.txt', 'Title\n\nSame words.\n\nSame words.\n'));
  assert.equal(article.passages.length, 2);
  assert.notEqual(article.passages[0].id, article.passages[1].id);
});

test('ranges are exact with CRLF, lone CR and mixed line endings', () => {
  const text = 'Title\r\n\r\nFirst line of one\r\nparagraph.\r\rAfter a lone CR\nand LF.\r\n';
  const article = onlyArticle(ingestString('a.txt', text));
  assert.deepEqual(article.passages.map((p) => p.text), ['First line of one paragraph.', 'After a lone CR and LF.']);
  assert.deepEqual(article.passages[0].range, { startLine: 2, startCharacter: 0, endLine: 3, endCharacter: 10 });
  assert.deepEqual(article.passages[1].range, { startLine: 5, startCharacter: 0, endLine: 6, endCharacter: 7 });
  assert.equal(textAtRange(text, article.passages[1].range), 'After a lone CR\nand LF.');
});
