import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeCharacterCut, splitPassages } from '../../../src/core/ingest/splitPassages';
import { ingestString, onlyArticle } from './ingestTestSupport';

function split(text: string, maxChars = 80): string[] {
  return splitPassages({ pieces: [{ text, start: 0, end: text.length }] }, maxChars).map((cut) => cut.text);
}

test('a short paragraph is one passage, white space folded', () => {
  assert.deepEqual(split('  India and  Russia\n have a long\trelationship.  '), ['India and Russia have a long relationship.']);
});

test('a long paragraph splits at sentence ends, not after "U.S.", "Mr." or inside decimals', () => {
  const text = 'Mr. Putin met Mr. Modi in New Delhi on Monday. The U.S. Defense Secretary visited in 2021. The deal was worth 5.4 billion dollars to Russia. Talks will continue next year in Moscow.';
  assert.deepEqual(split(text, 100), [
    'Mr. Putin met Mr. Modi in New Delhi on Monday. The U.S. Defense Secretary visited in 2021.',
    'The deal was worth 5.4 billion dollars to Russia. Talks will continue next year in Moscow.',
  ]);
});

test('a sentence end needs a capital or a digit after it', () => {
  const text = 'He said e.g. things like this one over and over. and then kept on going without a capital letter for a long while.';
  assert.deepEqual(split(text, 80).length, 2);
  assert.ok(!split(text, 80)[0].endsWith('e.g.'));
});

test('source offsets map each cut back to the source exactly', () => {
  const text = 'First sentence is here. Second sentence is here. Third sentence is here.';
  const cuts = splitPassages({ pieces: [{ text, start: 100, end: 100 + text.length }] }, 50);
  for (const cut of cuts) {
    assert.equal(text.slice(cut.start - 100, cut.end - 100), cut.text);
  }
});

test('a run-on line without spaces is cut into bounded pieces', () => {
  const base64 = 'QUJD'.repeat(2_000);
  const cuts = split(base64, 800);
  assert.equal(cuts.length, 10);
  assert.ok(cuts.every((cut) => cut.length <= 800));
  assert.equal(cuts.join(''), base64);
});

test('a cut never splits a surrogate pair or strands a combining mark', () => {
  const emoji = '😀'.repeat(500);
  const cuts = split(emoji, 81);
  assert.equal(cuts.join(''), emoji);
  assert.ok(cuts.every((cut) => !/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(cut)));
  const accents = 'e\u0301'.repeat(500);
  const accentCuts = split(accents, 81);
  assert.equal(accentCuts.join(''), accents);
  assert.ok(accentCuts.every((cut) => !cut.startsWith('\u0301')));
  assert.equal(safeCharacterCut('ab😀cd', 3), 2);
  assert.equal(safeCharacterCut('abe\u0301cd', 3), 2);
});

test('a letter with 5,000 combining marks cannot make a passage longer than the cap; ordinary clusters stay whole', () => {
  const zalgo = `e${'\u0301'.repeat(5000)}`;
  const cuts = split(`${zalgo} end.`, 800);
  assert.ok(cuts.every((cut) => cut.length <= 800), `${Math.max(...cuts.map((cut) => cut.length))} characters`);
  assert.ok(cuts.join('').replace(/ /g, '') === `${zalgo}end.`, 'every mark is in a passage');
  const accents = split('e\u0301\u0323'.repeat(300), 80);
  assert.ok(accents.every((cut) => cut.length <= 80 && cut.length % 3 === 0));
});

test('combining marks cannot bypass the passage and paragraph caps of an ingested file', () => {
  for (const [fileName, text] of [
    ['zalgo.txt', `Zalgo\n\nH${'\u0301\u0316'.repeat(60_000)}\n`],
    ['zalgo.md', `# Zalgo\n\nH${'\u0301'.repeat(120_000)}\n`],
    ['zalgo.html', `<p>H${'\u0301'.repeat(120_000)}</p>`],
    ['zalgo.jsonl', JSON.stringify({ title: 'Zalgo', text: `H${'\u0301'.repeat(120_000)}` })],
  ]) {
    const outcome = ingestString(fileName, text);
    const article = onlyArticle(outcome);
    assert.ok(article.passages.every((passage) => passage.text.length <= 800), `${fileName}: ${Math.max(...article.passages.map((passage) => passage.text.length))} characters`);
    assert.equal(article.passages.reduce((total, passage) => total + passage.text.length, 0), 100_000, fileName);
    assert.ok(outcome.kind === 'articles' && outcome.warnings.includes('1 paragraph(s) of more than 100000 characters were shortened.'), fileName);
  }
});

test('a heading as long as a paragraph gives a title of its first words, not a 10,000-character title', () => {
  const heading = 'Putin arrives in New Delhi '.repeat(400);
  for (const [fileName, text] of [['long.md', `# ${heading}\n\nBody text.\n`], ['long.html', `<h1>${heading}</h1><p>Body text.</p>`]]) {
    const title = onlyArticle(ingestString(fileName, text)).meta.title;
    assert.ok(title.length <= 121 && title.startsWith('Putin arrives in New Delhi Putin') && title.endsWith('…'), `${fileName}: ${title.length}`);
  }
});

test('a paragraph cut at the paragraph cap ends at a whole word, never half of one', () => {
  const outcome = ingestString('cap.txt', `Summit\n\n${'Putin met Modi in Delhi. '.repeat(10)}\n`, { maxBlockChars: 108 });
  assert.deepEqual(onlyArticle(outcome).passages.map((passage) => passage.text), ['Putin met Modi in Delhi. Putin met Modi in Delhi. Putin met Modi in Delhi. Putin met Modi in Delhi. Putin']);
  assert.ok(outcome.kind === 'articles' && outcome.warnings.includes('1 paragraph(s) of more than 108 characters were shortened.'));
});
