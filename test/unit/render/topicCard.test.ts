import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Passage, Topic } from '../../../src/core/model';
import { buildTopicCard, spellingSourcesText } from '../../../src/core/present/topicCard';
import { pickTopicPassages, windowAround } from '../../../src/core/present/topicPassages';

function article(id: string, outlet: string, texts: string[]): Article {
  const passages: Passage[] = texts.map((text, ordinal) => ({ id: `${id}-p${ordinal}`, articleId: id, ordinal, text, range: { startLine: ordinal * 2, startCharacter: 0, endLine: ordinal * 2, endCharacter: text.length } }));
  return { id, sourceUri: `file:///c/${id}.txt`, format: 'txt', meta: { title: `${outlet} story`, outlet, date: '2021-12-06' }, passages, droppedLines: [] };
}

const articles = [
  article('nhk', 'NHK', ['India has also purchased the surface-to-air missile system S400 from Russia.', 'Unrelated.', 'The S400 again, and S400 once more.']),
  article('rfi', 'RFI', ['Washington went so far as to discuss sanctions for the country starting to be delivered in S 400.']),
  article('n18', 'News18', ['The threat of CAATSA sanction persists due to the purchase of S-400 air defence missile system from Russia.']),
];
const passages = new Map(articles.flatMap((a) => a.passages).map((p) => [p.id, p]));
const byId = new Map(articles.map((a) => [a.id, a]));
const source = { article: (id: string) => byId.get(id), passage: (id: string) => passages.get(id) };

function mention(passageId: string, surface: string, occurrence = 0) {
  const passage = passages.get(passageId)!;
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = passage.text.indexOf(surface, at + 1);
  return { passageId, articleId: passage.articleId, start: at, end: at + surface.length, surface };
}

const s400: Topic = {
  id: 's400',
  name: 'S-400',
  kind: 'system',
  aliases: ['S400', 'S 400'],
  mentions: [mention('nhk-p0', 'S400'), mention('nhk-p2', 'S400'), mention('nhk-p2', 'S400', 1), mention('rfi-p0', 'S 400'), mention('n18-p0', 'S-400')],
  articleIds: ['nhk', 'rfi', 'n18'],
  spellingsByArticle: { nhk: ['S400'], rfi: ['S 400'], n18: ['S-400'] },
};

test('the card prefers three sources over three passages of one', () => {
  const picked = pickTopicPassages(s400, 3);
  assert.deepEqual(new Set(picked.map((p) => p.articleId)), new Set(['nhk', 'rfi', 'n18']));
  assert.equal(picked.find((p) => p.articleId === 'nhk')?.passageId, 'nhk-p2', 'within a source, the passage with most mentions');
});

test('a closest-match card names what the writer wrote; an exact one does not', () => {
  const fuzzy = buildTopicCard({ topic: s400, start: 0, end: 5, quality: 'fuzzy' }, source, 3, 'S-4oo');
  assert.equal(fuzzy.matchQuality, 'fuzzy');
  assert.equal(fuzzy.closestMatchFor, 'S-4oo');
  assert.equal(buildTopicCard({ topic: s400, start: 0, end: 5, quality: 'exact' }, source, 3, 'S-400').closestMatchFor, undefined);
});

test('the card shows counts, spellings per outlet and highlighted snippets', () => {
  const card = buildTopicCard({ topic: s400, start: 0, end: 5, quality: 'exact' }, source, 3);
  assert.equal(card.name, 'S-400');
  assert.equal(card.passageCount, 4);
  assert.equal(card.sourceCount, 3);
  assert.deepEqual(card.spellings.map((entry) => `${entry.spelling}: ${entry.sources.join(',')}`).sort(), ['S 400: RFI', 'S-400: News18', 'S400: NHK']);
  assert.deepEqual(card.spellings.map(spellingSourcesText).sort(), ['NHK', 'News18', 'RFI'], 'three sources, none left to count');
  const news18 = card.passages.find((p) => p.outlet === 'News18')!;
  const [highlight] = news18.snippet.highlights;
  assert.equal(news18.snippet.text.slice(highlight.start, highlight.end), 'S-400');
  const nhk = card.passages.find((p) => p.outlet === 'NHK')!;
  assert.deepEqual(nhk.snippet.highlights.map((h) => nhk.snippet.text.slice(h.start, h.end)), ['S400', 'S400']);
});

test('a long passage is trimmed around the mention, with ellipses', () => {
  const long = `${'word '.repeat(200)}the S-400 deal ${'more '.repeat(200)}`;
  const window = windowAround(long, long.indexOf('S-400'), long.indexOf('S-400') + 5, 100);
  const slice = long.slice(window.start, window.end);
  assert.ok(slice.includes('S-400'));
  assert.ok(slice.length <= 110);
  assert.ok(!slice.startsWith('ord'), 'cut at a word boundary');
});

test('a topic in thousands of sources names three per spelling, counts the rest, and is summarised once', () => {
  const many: Article[] = Array.from({ length: 3000 }, (_, i) => article(`a${i}`, `Outlet ${i}`, [`Report ${i}: the ${i % 3 ? 'S-400' : 'S400'} unit moved.`]));
  const manyPassages = new Map(many.flatMap((a) => a.passages).map((p) => [p.id, p]));
  const manyById = new Map(many.map((a) => [a.id, a]));
  let articleLookups = 0;
  const counting = { article: (id: string) => (articleLookups++, manyById.get(id)), passage: (id: string) => manyPassages.get(id) };
  const topic: Topic = {
    id: 's400-many',
    name: 'S-400',
    kind: 'system',
    aliases: ['S400'],
    mentions: many.map((a) => {
      const text = a.passages[0].text;
      const surface = text.includes('S400') ? 'S400' : 'S-400';
      return { passageId: a.passages[0].id, articleId: a.id, start: text.indexOf(surface), end: text.indexOf(surface) + surface.length, surface };
    }),
    articleIds: many.map((a) => a.id),
    spellingsByArticle: Object.fromEntries(many.map((a) => [a.id, [a.passages[0].text.includes('S400') ? 'S400' : 'S-400']])),
  };
  const card = buildTopicCard({ topic, start: 0, end: 5, quality: 'exact' }, counting, 3);
  assert.deepEqual(card.spellings.map((entry) => [entry.spelling, entry.sources.length, entry.sourceCount]), [['S-400', 3, 2000], ['S400', 3, 1000]]);
  assert.deepEqual(card.spellings[1].sources, ['Outlet 0', 'Outlet 3', 'Outlet 6']);
  assert.equal(spellingSourcesText(card.spellings[1]), 'Outlet 0, Outlet 3, Outlet 6 and 997 more');
  assert.equal(spellingSourcesText(card.spellings[0]), 'Outlet 1, Outlet 2, Outlet 4 and 1,997 more');
  assert.equal(card.passageCount, 3000);
  const lookupsForFirstCard = articleLookups;
  buildTopicCard({ topic, start: 0, end: 5, quality: 'exact' }, counting, 3);
  assert.ok(articleLookups - lookupsForFirstCard <= 3, `the second card looked up ${articleLookups - lookupsForFirstCard} articles; only its passages' should be`);
});
