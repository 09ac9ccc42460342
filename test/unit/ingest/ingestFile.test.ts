import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import type { Article } from '../../../src/core/model';

const corpusDir = join(__dirname, '..', '..', '..', '..', 'corpus');

function ingestText(fileName: string, text: string): Article {
  const outcome = ingestFile({ uri: `file:///t/${fileName}`, fileName, bytes: new TextEncoder().encode(text) });
  assert.equal(outcome.kind, 'articles');
  return outcome.articles[0];
}

function sliceAt(text: string, article: Article, ordinal: number): string {
  const lines = text.split(/\r\n|\r|\n/);
  const { startLine, startCharacter, endLine, endCharacter } = article.passages[ordinal].range;
  if (startLine === endLine) {
    return lines[startLine].slice(startCharacter, endCharacter);
  }
  return [lines[startLine].slice(startCharacter), ...lines.slice(startLine + 1, endLine), lines[endLine].slice(0, endCharacter)].join('\n');
}

test('a .txt article becomes one passage per paragraph, titled by its first line', () => {
  const fileName = '004_80468003f30bc126.txt';
  const bytes = readFileSync(join(corpusDir, fileName));
  const outcome = ingestFile({ uri: `file:///corpus/${fileName}`, fileName, bytes });
  assert.equal(outcome.kind, 'articles');
  const [article] = outcome.articles;
  assert.equal(article.meta.title, 'India receives Putin because it balances relations with Russia and the United States');
  assert.equal(article.format, 'txt');
  assert.ok(article.passages[0].text.startsWith('New Delhi (Associated Press)-Indian Prime Minister Narendra Modi met with Russian President Vladimir Putin on Monday'));
  assert.deepEqual(article.passages[0].range, { startLine: 2, startCharacter: 0, endLine: 2, endCharacter: 215 });
});

test('passage ids are stable across reindexing and survive edits elsewhere in the file', () => {
  const before = ingestText('a.txt', 'Title\n\nFirst paragraph.\n\nSecond paragraph.\n');
  const again = ingestText('a.txt', 'Title\n\nFirst paragraph.\n\nSecond paragraph.\n');
  const edited = ingestText('a.txt', 'Title\n\nA new opening.\n\nFirst paragraph.\n\nSecond paragraph.\n');
  assert.deepEqual(again.passages.map((p) => p.id), before.passages.map((p) => p.id));
  assert.equal(edited.passages[1].id, before.passages[0].id);
  assert.equal(edited.passages[2].id, before.passages[1].id);
  assert.notEqual(edited.passages[0].id, before.passages[0].id);
});

test('repeated identical paragraphs get distinct ids', () => {
  const article = ingestText('a.txt', 'Title\n\nSame words.\n\nSame words.\n');
  assert.equal(article.passages.length, 2);
  assert.notEqual(article.passages[0].id, article.passages[1].id);
});

test('ranges are exact with CRLF, lone CR and mixed line endings', () => {
  const text = 'Title\r\n\r\nFirst line of one\r\nparagraph.\r\rAfter a lone CR\nand LF.\r\n';
  const article = ingestText('a.txt', text);
  assert.deepEqual(article.passages.map((p) => p.text), ['First line of one paragraph.', 'After a lone CR and LF.']);
  assert.deepEqual(article.passages[0].range, { startLine: 2, startCharacter: 0, endLine: 3, endCharacter: 10 });
  assert.deepEqual(article.passages[1].range, { startLine: 5, startCharacter: 0, endLine: 6, endCharacter: 7 });
  assert.equal(sliceAt(text, article, 1), 'After a lone CR\nand LF.');
});
