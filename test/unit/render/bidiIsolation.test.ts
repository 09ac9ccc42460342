import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../propertyRuns';
import { hasRightToLeft, isolateBidi, isolatedLabel, isolatedMarkdown, isolatedMarkdownWithBold, withoutBidiControls, withoutOurIsolates } from '../../../src/core/present/bidiIsolation';
import { articleDetails, languageLabel } from '../../../src/core/present/articleDetails';
import type { Article, Topic } from '../../../src/core/model';
import { marked } from 'marked';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import { buildCompareModel } from '../../../src/core/present/compareSourcesModel';

const FSI = '\u2068';
const PDI = '\u2069';
const arabic = 'يولد جميع الناس أحراراً متساوين في الكرامة والحقوق.';
/** Every bidi formatting character: what Trojan Source hides code with. */
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The only bidi controls in `text` are ours: one FSI at the very start and one PDI at the very end, or none. */
function onlyOurIsolates(text: string): boolean {
  const controls = text.match(bidiControls) ?? [];
  if (controls.length === 0) return true;
  return controls.length === 2 && text.startsWith(FSI) && text.endsWith(PDI);
}

test('right-to-left text is wrapped in one first-strong isolate; left-to-right text is left alone', () => {
  assert.equal(isolateBidi(arabic), `${FSI}${arabic}${PDI}`);
  assert.equal(isolateBidi('שלום עולם'), `${FSI}שלום עולם${PDI}`);
  assert.equal(isolateBidi('Putin arrives in Delhi.'), 'Putin arrives in Delhi.');
  assert.equal(isolateBidi('Путин прибыл в Дели.'), 'Путин прибыл в Дели.');
  assert.equal(isolateBidi('人人生而自由'), '人人生而自由');
  assert.ok(hasRightToLeft('mixed: الكرامة'));
  assert.ok(!hasRightToLeft('plain 123 — RFI, 2021-12-06'));
});

test('the source\'s own bidi controls are removed: overrides, embeddings, isolates and marks', () => {
  const trojan = `access \u202eelevated\u202c ${arabic}\u2066x\u2069\u200f\u061c`;
  const isolated = isolateBidi(trojan);
  assert.ok(onlyOurIsolates(isolated), JSON.stringify(isolated));
  assert.equal(isolated, `${FSI}access elevated ${arabic}x${PDI}`);
  assert.equal(isolateBidi('a \u202eb\u202c c'), 'a b c', 'no isolate needed, and no override left');
  assert.equal(isolateBidi(`${FSI}${PDI}${PDI}`), '', 'an unbalanced PDI from the source cannot close ours');
});

test('a label is sanitised, capped, then isolated; markdown is escaped, then isolated', () => {
  assert.equal(isolatedLabel(`${arabic}\u202e\n[x](command:y)`, 200), `${FSI}${arabic} [x](command:y)${PDI}`);
  const capped = isolatedLabel(arabic.repeat(10), 40);
  assert.ok(capped.startsWith(FSI) && capped.endsWith(`…${PDI}`), 'the cap falls inside the isolate');
  assert.equal(capped.length, 40, 'the isolates count towards the cap');
  assert.equal(isolatedLabel(arabic.repeat(10)).length, 120);
  assert.equal(withoutOurIsolates(`a ${FSI}${arabic}${PDI} · ${FSI}ب${PDI}`), `a ${arabic} · ب`);
  assert.equal(withoutOurIsolates(`${FSI}a\u202eb${PDI}`), `${FSI}a\u202eb${PDI}`, 'an isolate with a control inside is not ours');
  assert.equal(isolatedMarkdown('الأمم المتحدة [x](command:y)'), `${FSI}الأمم المتحدة \\[x\\]\\(command\\:y\\)${PDI}`);
  assert.equal(isolatedMarkdown('RFI'), 'RFI');
  const bold = isolatedMarkdownWithBold(arabic, [{ start: 25, end: 32 }]);
  assert.ok(bold.startsWith(FSI) && bold.endsWith(PDI) && bold.includes('**'), bold);
});

test('whatever the input, only our balanced pair of isolates is left (labels and markdown)', () => {
  const pieces = fc.constantFrom('a', ' ', '.', '(', 'الكرامة', 'שלום', 'Путин', '人', '\u202e', '\u202a', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\n', '*', '[');
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
      for (const output of [isolatedLabel(text, 60), isolatedMarkdown(text), isolatedMarkdownWithBold(text, [{ start: 1, end: 4 }]), isolateBidi(text)]) {
        assert.ok(onlyOurIsolates(output), JSON.stringify(output));
        assert.equal(output.startsWith(FSI), hasRightToLeft(text.replace(bidiControls, '')), JSON.stringify([text, output]));
      }
    }),
  );
});

test('the compare view gets text without bidi controls, its highlights moved with the words', () => {
  const text = 'a\u202eb S-400 \u2067c';
  const { text: clean, spans } = withoutBidiControls(text, [{ start: 4, end: 9 }]);
  assert.equal(clean, 'ab S-400 c');
  assert.deepEqual(spans.map((span) => clean.slice(span.start, span.end)), ['S-400']);
  assert.deepEqual(withoutBidiControls('plain', [{ start: 0, end: 5 }]), { text: 'plain', spans: [{ start: 0, end: 5 }] });
  assert.deepEqual(withoutBidiControls('\u202e', [{ start: 0, end: 1 }]).spans, [], 'a span over a control alone disappears');
});

test('the Articles tooltip names the language in English and whether it was declared or detected', () => {
  const article: Article = {
    id: 'a1',
    sourceUri: 'file:///w/ru-udhr%20copy.html',
    format: 'html',
    meta: { title: 'Декларация', outlet: 'ООН', language: 'ru', languageSource: 'detected' },
    passages: [],
    droppedLines: [],
  };
  assert.deepEqual(articleDetails(article), [
    { label: 'Outlet', value: 'ООН' },
    { label: 'Language', value: 'Russian (detected)' },
    { label: 'Passages', value: '0 · ru-udhr copy.html' },
  ]);
  assert.equal(languageLabel('ar', 'declared'), 'Arabic (declared)');
  assert.equal(languageLabel('zh', undefined), 'Chinese');
});

test('an isolated Arabic snippet still renders its bold term and nothing live (marked, as VS Code\'s hover does)', () => {
  const snippet = `${arabic} [x](command:evil) <img src=x>`;
  const start = arabic.indexOf('الكرامة');
  const markdown = `${isolatedMarkdownWithBold(snippet, [{ start, end: start + 'الكرامة'.length }])}\n\n— *${isolatedMarkdown('الأمم المتحدة')}, 1948\\-12\\-10*`;
  const html = marked.parse(markdown, { gfm: true, async: false });
  assert.match(html, /<strong>الكرامة<\/strong>/);
  assert.match(html, /<em>\u2068الأمم المتحدة\u2069, 1948-12-10<\/em>/);
  assert.ok(html.includes(FSI + 'يولد'), 'the passage starts its isolate');
  assert.doesNotMatch(html, /<a |<img/);
});

test('the compare view\'s model carries no bidi control of the source, and its highlights still mark the topic', () => {
  const index = new CorpusIndex();
  const outcome = ingestFile({ uri: 'file:///w/a.md', fileName: 'a.md', bytes: new TextEncoder().encode('---\ntitle: "\u202eTitle"\noutlet: الجزيرة\n---\n\nThe \u202eS-400\u202c system reached Delhi. مرحبا بالعالم.\n') });
  assert.equal(outcome.kind, 'articles');
  if (outcome.kind !== 'articles') return;
  index.setFile('file:///w/a.md', outcome.articles, '1');
  const [passage] = outcome.articles[0].passages;
  const start = passage.text.indexOf('S-400');
  const topic: Topic = {
    id: 't1',
    name: 'S-400',
    kind: 'system',
    aliases: ['S-400'],
    mentions: [{ passageId: passage.id, articleId: passage.articleId, start, end: start + 5, surface: 'S-400' }],
    articleIds: [passage.articleId],
    spellingsByArticle: { [passage.articleId]: ['S-400'] },
  };
  const model = buildCompareModel(topic, index, []);
  const json = JSON.stringify(model);
  assert.doesNotMatch(json, /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
  const [source] = model.sources;
  assert.equal(source.title, 'Title');
  assert.equal(source.label, 'الجزيرة');
  const [shown] = source.passages;
  assert.deepEqual(shown.highlights.map((span) => shown.text.slice(span.start, span.end)), ['S-400']);
});
