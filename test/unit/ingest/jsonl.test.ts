import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import { fixturesDir, ingestFixture, ingestString, onlyArticle, skipReason, textAtRange } from './ingestTestSupport';

test('one article per line, with its own metadata; bad lines are skipped and counted', () => {
  const outcome = ingestFixture('archive.jsonl');
  assert.equal(outcome.kind, 'articles');
  if (outcome.kind !== 'articles') return;
  assert.deepEqual(outcome.articles.map((article) => article.meta), [
    { title: 'Vladimir Putin in India to strengthen ties and maintain a balance', outlet: 'RFI', date: '2021-12-06', url: 'https://www.rfi.fr/en/example' },
    { title: 'India receives Putin', outlet: 'Associated Press', date: '2021-12-06' },
  ]);
  assert.deepEqual(outcome.warnings, ['3 line(s) are not JSON articles with a "text" field and were skipped (line 2, 4, 5).']);
  const [rfi, ap] = outcome.articles;
  assert.deepEqual(rfi.passages.map((passage) => passage.text), [
    'Vladimir Putin was absent from the G20 and Cop 26, but he is in New Delhi this Monday, December 6.',
    'This is his second trip outside Russia’s borders since the start of the pandemic after meeting Joe Biden in Geneva in June.',
    'Russia is also irritated to see India emancipate itself and diversify its commercial portfolio, particularly in the area of armaments.',
  ]);
  assert.deepEqual(rfi.droppedLines, [{ line: 0, text: 'Advertising', reason: 'advertising' }]);
  assert.deepEqual(ap.passages.map((passage) => passage.text), [
    'New Delhi (Associated Press)-Indian Prime Minister Narendra Modi met with Russian President Vladimir Putin on Monday.',
    '"We are friends," he said.',
  ]);
  assert.notEqual(rfi.id, ap.id);
});

test('passage ranges point into the JSON string on the article\'s line, escapes included', () => {
  const source = readFileSync(join(fixturesDir, 'archive.jsonl'), 'utf8');
  const outcome = ingestFixture('archive.jsonl');
  if (outcome.kind !== 'articles') throw new Error('expected articles');
  const [rfi, ap] = outcome.articles;
  assert.equal(rfi.passages[1].range.startLine, 0);
  assert.equal(
    textAtRange(source, rfi.passages[1].range),
    'This is his second trip outside Russia\\u2019s borders since the start of the pandemic after meeting Joe Biden in Geneva in June.',
  );
  assert.equal(ap.passages[1].range.startLine, 5);
  assert.equal(textAtRange(source, ap.passages[1].range), '\\"We are friends,\\" he said.');
});

test('a .jsonl file with no readable article is skipped as empty', () => {
  assert.equal(skipReason(ingestString('bad.jsonl', '{"title": "x"}\nnot json\n[1,2]\n')), 'empty');
});

test('unsafe URLs in a .jsonl article are not kept', () => {
  const outcome = ingestString('a.jsonl', JSON.stringify({ title: 'T', text: 'Some words here.', url: 'command:workbench.action.terminal.new' }));
  assert.ok(outcome.kind === 'articles');
  assert.equal(outcome.articles[0].meta.url, undefined);
});

test('a record whose text is one line without a full stop (a wire alert) is indexed, not taken for its title and dropped', () => {
  const alerts = [
    JSON.stringify({ text: 'Russia will deliver five regiments, officials say' }),
    JSON.stringify({ text: 'BREAKING: S-400 deliveries to India begin', outlet: 'Wire' }),
  ].join('\n');
  const outcome = ingestFile({ uri: 'file:///w/alerts.jsonl', fileName: 'alerts.jsonl', bytes: new TextEncoder().encode(alerts) });
  assert.equal(outcome.kind, 'articles', outcome.kind === 'skipped' ? outcome.detail : '');
  if (outcome.kind !== 'articles') return;
  assert.deepEqual(outcome.articles.map((article) => article.passages.map((passage) => passage.text)), [['Russia will deliver five regiments, officials say'], ['BREAKING: S-400 deliveries to India begin']]);
  assert.deepEqual(outcome.articles.map((article) => article.meta.title), ['Russia will deliver five regiments, officials say', 'BREAKING: S-400 deliveries to India begin']);
  assert.equal(outcome.articles[1].meta.outlet, 'Wire');
});

test('__proto__, constructor and prototype fields in a record set no metadata and pollute no prototype', () => {
  const lines = [
    '{"__proto__": {"title": "Evil", "polluted": "yes"}, "text": "Putin landed in New Delhi."}',
    '{"constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"title": "Evil"}, "toString": "x", "title": "India receives Putin", "text": "Modi met Putin."}',
    '{"__proto__": {"text": "Injected text."}, "title": "No text of its own"}',
  ];
  const outcome = ingestString('proto.jsonl', lines.join('\n'));
  assert.ok(outcome.kind === 'articles');
  assert.deepEqual(outcome.articles.map((article) => [article.meta, article.passages.map((passage) => passage.text)]), [
    [{ title: 'Putin landed in New Delhi.' }, ['Putin landed in New Delhi.']],
    [{ title: 'India receives Putin' }, ['Modi met Putin.']],
  ]);
  assert.deepEqual(outcome.warnings, ['1 line(s) are not JSON articles with a "text" field and were skipped (line 3).']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('a record with its text key twice is read as JSON reads it: the last one', () => {
  const article = onlyArticle(ingestString('twice.jsonl', '{"text": "A draft that was replaced.", "text": "Putin landed in New Delhi."}'));
  assert.deepEqual(article.passages.map((passage) => [passage.text, passage.range.startCharacter]), [['Putin landed in New Delhi.', 48]]);
});
