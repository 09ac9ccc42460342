import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturesDir, ingestFixture, ingestString, onlyArticle, skipReason, textAtRange } from './ingestTestSupport';

test('front matter gives the metadata; markup is stripped from passages; headings are not passages', () => {
  const article = onlyArticle(ingestFixture('article.md'));
  assert.deepEqual(article.meta, {
    title: 'Putin arrives in New Delhi',
    outlet: 'RFI',
    author: 'Anissa el-Jabri',
    date: '2021-12-06',
    url: 'https://www.rfi.fr/en/example',
    language: 'en',
  });
  assert.deepEqual(article.passages.map((passage) => passage.text), [
    'Vladimir Putin was absent from the G20 and Cop 26, but he is in New Delhi this Monday, December 6.',
    "Russia's share of India's arms market has fallen below 50%.",
    'Washington even discussed sanctions over the S-400 deliveries.',
    '"India is important to Vladimir Putin," said Jean-Luc Racine.',
  ]);
  assert.deepEqual(article.droppedLines.map((dropped) => [dropped.line + 1, dropped.reason, dropped.text]), [
    [10, 'heading', 'Putin arrives in New Delhi'],
    [14, 'heading', 'Why it matters'],
    [21, 'advertising', 'Advertising'],
    [23, 'read-more link', 'Read more'],
  ]);
});

test('markdown passage ranges cover the source markup, line and column exact', () => {
  const source = readFileSync(join(fixturesDir, 'article.md'), 'utf8');
  const article = onlyArticle(ingestFixture('article.md'));
  assert.equal(
    textAtRange(source, article.passages[0].range),
    'Vladimir Putin was **absent** from the G20 and *Cop 26*, but he is in [New Delhi](https://en.wikipedia.org/wiki/New_Delhi) this Monday, December 6.',
  );
  assert.equal(textAtRange(source, article.passages[1].range), "Russia's share of India's arms market has fallen below 50%.");
  assert.equal(textAtRange(source, article.passages[3].range), '"India is important to Vladimir Putin," said Jean-Luc Racine.');
});

test('without front matter the first heading is the title', () => {
  const article = onlyArticle(ingestString('note.md', 'Intro words before.\n\n# The Real Headline\n\nBody text here.\n'));
  assert.equal(article.meta.title, 'The Real Headline');
  assert.deepEqual(article.passages.map((passage) => passage.text), ['Intro words before.', 'Body text here.']);
});

test('a setext heading is a heading, a thematic break is not text', () => {
  const article = onlyArticle(ingestString('note.md', 'Summit in Delhi\n===============\n\nFirst paragraph.\n\n---\n\nSecond paragraph.\n'));
  assert.equal(article.meta.title, 'Summit in Delhi');
  assert.deepEqual(article.passages.map((passage) => passage.text), ['First paragraph.', 'Second paragraph.']);
});

test('invalid front matter is reported, and the body still indexed', () => {
  const outcome = ingestString('note.md', '---\ntitle: [unclosed\n---\n\nThe body survives.\n');
  const article = onlyArticle(outcome);
  assert.equal(article.passages[0].text, 'The body survives.');
  assert.ok(outcome.kind === 'articles' && outcome.warnings.some((warning) => warning.startsWith('The front matter is not valid YAML')));
});

test('YAML tags and aliases in front matter are refused, not executed or expanded', () => {
  const outcome = ingestString('note.md', '---\ntitle: !!js/function "function () { return 1 }"\nauthor: &a x\nbyline: *a\n---\n\nText.\n');
  const article = onlyArticle(outcome);
  assert.equal(article.meta.title, 'Text.', 'the refused front matter gives no title; the first line does');
  assert.equal(article.meta.author, undefined);
  assert.ok(outcome.kind === 'articles' && outcome.warnings.some((warning) => warning.startsWith('The front matter is not valid YAML')));
});

test('front matter only is skipped as empty', () => {
  assert.equal(skipReason(ingestFixture('front-matter-only.md')), 'empty');
});

test('70,000 asterisks and other pathological markdown parse, and the real sentence after them is read', () => {
  const lines = [
    '*'.repeat(70_000),
    '*a'.repeat(35_000),
    '['.repeat(50_000) + ']'.repeat(50_000) + '(' + ')'.repeat(1000),
    '`'.repeat(30_000) + 'x' + '` '.repeat(20_000),
    '> '.repeat(20_000) + 'deep quote',
    '_'.repeat(40_000) + 'word' + '_'.repeat(40_000),
  ];
  const outcome = ingestString('evil.md', `# Evil\n\n${lines.join('\n\n')}\n\nA real sentence at the end.\n`);
  const article = onlyArticle(outcome);
  assert.equal(article.passages[article.passages.length - 1].text, 'A real sentence at the end.');
  assert.ok(!article.passages.some((passage) => /^\*+$/.test(passage.text)), 'a line of asterisks is not a passage');
});

test('front matter over the 64 KB cap is not indexed as prose: it is ignored with a warning and the body is read', () => {
  const keys = Array.from({ length: 3000 }, (_, i) => `note_${i}: Moscow supplied part ${i} of the regiment`);
  const text = `---\ntitle: Putin arrives in New Delhi\n${keys.join('\n')}\n---\n\nVladimir Putin landed in New Delhi on Monday.\n`;
  assert.ok(text.length > 64 * 1024);
  const outcome = ingestString('long-front-matter.md', text);
  const article = onlyArticle(outcome);
  assert.deepEqual(article.passages.map((passage) => passage.text), ['Vladimir Putin landed in New Delhi on Monday.']);
  assert.equal(article.meta.title, 'Vladimir Putin landed in New Delhi on Monday.', 'front matter over the cap is not read for a title either');
  assert.ok(outcome.kind === 'articles');
  assert.deepEqual(outcome.warnings, ['The front matter (lines 1-3003, 154 KB) is over the 64 KB limit; it was not read, and is not indexed.']);
});

test('front matter of many short lines under the size cap is read, whatever its line count', () => {
  const keys = Array.from({ length: 400 }, (_, i) => `k${i}: v`);
  const article = onlyArticle(ingestString('many-keys.md', `---\n${keys.join('\n')}\ntitle: Putin arrives in New Delhi\n---\n\nBody text.\n`));
  assert.equal(article.meta.title, 'Putin arrives in New Delhi');
  assert.deepEqual(article.passages.map((passage) => passage.text), ['Body text.']);
});

test('a thematic break above a long essay is not taken for front matter', () => {
  const essay = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} of the essay about the summit in New Delhi.`).join('\n\n');
  const article = onlyArticle(ingestString('essay.md', `---\n\n${essay}\n\n---\n\nThe end.\n`));
  assert.equal(article.passages[0].text, 'Paragraph 0 of the essay about the summit in New Delhi.');
  assert.equal(article.passages[article.passages.length - 1].text, 'The end.');
});

test('__proto__, constructor, prototype and toString keys in front matter set no metadata and pollute no prototype', () => {
  const outcome = ingestString('proto.md', '---\n__proto__: Evil\nconstructor: Bad\nprototype: Worse\ntoString: x\nhasOwnProperty: x\ntitle: Putin arrives in New Delhi\n---\n\nBody text.\n');
  const article = onlyArticle(outcome);
  assert.deepEqual(article.meta, { title: 'Putin arrives in New Delhi' });
  const nested = onlyArticle(ingestString('proto.md', '---\n__proto__:\n  title: Evil\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n---\n\nBody text.\n'));
  assert.deepEqual(nested.meta, { title: 'Body text.' });
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(nested.meta), Object.prototype);
});

test('a file of front matter, headings and cruft only is skipped, and the skip says what it held', () => {
  const outcome = ingestString('outline.md', '---\ntitle: Summit\n---\n\n# Putin in Delhi\n\n## Background\n\nAdvertising\n');
  assert.deepEqual(outcome, {
    kind: 'skipped',
    reason: 'empty',
    detail: 'The file has no passages to index: only front matter and 3 line(s) of headings or cruft (heading, advertising).',
  });
});
