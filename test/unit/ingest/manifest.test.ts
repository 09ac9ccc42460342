import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseManifest } from '../../../src/core/ingest/manifest';
import { corpusDir, ingestBytes, onlyArticle } from './ingestTestSupport';

test('the bundled manifest adds only what the articles state', () => {
  const parsed = parseManifest(readFileSync(join(corpusDir, 'sourcebook.manifest.json'), 'utf8'));
  assert.ok(parsed.ok);
  if (!parsed.ok) return;
  assert.deepEqual(parsed.entries, {
    '000_cc383362073219a8.txt': { language: 'en' },
    '001_68714617578c8ffe.txt': { outlet: 'RFI', date: '2021-12-06', language: 'en' },
    '002_f27318ddd049f123.txt': {
      title: 'What signal did the Russian Foreign Minister send when he visited India at the delicate moment of the joint military exercise of the five countries?',
      outlet: 'YCPress',
      language: 'en',
    },
    '003_9f5badaf90869d35.txt': { author: 'Maha Siddiqui', date: '2021-12-06', language: 'en' },
    '004_80468003f30bc126.txt': { outlet: 'Associated Press', language: 'en' },
  });
});

test('every manifest value is also what the text alone yields (the manifest invents nothing)', () => {
  const parsed = parseManifest(readFileSync(join(corpusDir, 'sourcebook.manifest.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  const files = readdirSync(corpusDir).filter((name) => name.endsWith('.txt'));
  assert.deepEqual(Object.keys(parsed.entries).sort(), files.sort());
  for (const [fileName, entry] of Object.entries(parsed.entries)) {
    const bytes = readFileSync(join(corpusDir, fileName));
    const textOnly = onlyArticle(ingestBytes(fileName, bytes));
    const manifested = onlyArticle(ingestBytes(fileName, bytes, undefined, entry));
    const fromText = textOnly.meta;
    const withManifest = manifested.meta;
    assert.deepEqual(manifested.droppedLines, textOnly.droppedLines, `${fileName}: the manifest changes no cleaning`);
    assert.deepEqual(manifested.passages, textOnly.passages, `${fileName}: the manifest changes no passage`);
    for (const field of ['title', 'outlet', 'author', 'date'] as const) {
      if (entry[field] !== undefined && !(fileName === pinnedByWeekday.fileName && field === 'date')) {
        assert.equal(fromText[field], entry[field], `${fileName} ${field}`);
      }
    }
    assert.deepEqual(withManifest, { ...fromText, ...entry });
  }
});

/** The one manifest value the text gives only as a weekday and a day: "this Monday, December 6", during the pandemic. */
const pinnedByWeekday = { fileName: '001_68714617578c8ffe.txt', words: 'he is in New Delhi this Monday, December 6', pandemic: 'since the start of the pandemic' };

test('001\'s date is pinned by its text: December 6 was a Monday in 2021 and in no other year from 2020 to 2026', () => {
  const text = readFileSync(join(corpusDir, pinnedByWeekday.fileName), 'utf8');
  assert.ok(text.includes(pinnedByWeekday.words));
  assert.ok(text.includes(pinnedByWeekday.pandemic));
  const mondays = [2020, 2021, 2022, 2023, 2024, 2025, 2026].filter((year) => new Date(Date.UTC(year, 11, 6)).getUTCDay() === 1);
  assert.deepEqual(mondays, [2021]);
  const parsed = parseManifest(readFileSync(join(corpusDir, 'sourcebook.manifest.json'), 'utf8'));
  assert.ok(parsed.ok && parsed.entries[pinnedByWeekday.fileName].date === '2021-12-06');
});

test('manifest metadata wins over what the text says', () => {
  const bytes = new TextEncoder().encode('Headline\n\nBy: Someone Else\n\nA body sentence that is long enough to count as the body.\n');
  const article = onlyArticle(ingestBytes('a.txt', bytes, undefined, { author: 'Manifest Author', outlet: 'Manifest Outlet' }));
  assert.equal(article.meta.author, 'Manifest Author');
  assert.equal(article.meta.outlet, 'Manifest Outlet');
});

test('a malformed manifest is refused with a reason; bad fields are dropped, not trusted', () => {
  const broken = parseManifest('{ not json');
  assert.ok(!broken.ok && broken.error.startsWith('The manifest is not valid JSON'));
  assert.equal(parseManifest('[]').ok, false);
  assert.equal(parseManifest('{"articles": {}}').ok, false);
  const parsed = parseManifest(JSON.stringify({ files: { 'a.txt': { date: '2021-02-30', outlet: 42, author: '  ', title: 'Kept', url: 'https://example.com/a' }, 'b.txt': 'nope' } }));
  assert.deepEqual(parsed, { ok: true, entries: { 'a.txt': { title: 'Kept', url: 'https://example.com/a' } } });
});
