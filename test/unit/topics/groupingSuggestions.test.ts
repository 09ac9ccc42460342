import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Topic } from '../../../src/core/model';
import { groupingSuggestions, groupingSuggestionsInSlices, roleAt, soundKey, type SameTopicSuggestion } from '../../../src/core/topics/groupingSuggestions';
import { runCooperatively, TimeSlice } from '../../../src/core/scheduling/timeSlice';
import { extractTopics } from '../../../src/core/topics/topicIndex';
import type { AliasTable } from '../../../src/core/topics/aliasFile';
import { loadBundledCorpus } from './corpusLoader';

const corpus = loadBundledCorpus();

function suggestOn(articles: readonly Article[], table: AliasTable, notSame?: Array<[string, string]>): SameTopicSuggestion[] {
  const index = extractTopics(articles, table);
  const passages = new Map(articles.flatMap((article) => article.passages.map((passage) => [passage.id, passage.text] as const)));
  const byId = new Map(articles.map((article) => [article.id, article]));
  return groupingSuggestions({
    topics: index.topics(),
    passageText: (id) => passages.get(id),
    sourceLabel: (id) => byId.get(id)?.meta.outlet ?? corpus.fileOf.get(id) ?? id,
    preferAsName: (topic) => index.isNamedByAliasFile(topic.id),
    notSame,
  });
}

const pair = (s: SameTopicSuggestion): string => `${s.other.name} ↔ ${s.keep.name}`;

test('on the bundled corpus with its alias file, the one suggestion is Su Jiesheng ↔ S. Jaishankar, with its evidence', () => {
  const suggestions = suggestOn(corpus.articles, corpus.aliasTable);
  assert.deepEqual(suggestions.map(pair), ['Su Jiesheng ↔ S. Jaishankar']);
  const [jaishankar] = suggestions;
  assert.deepEqual(jaishankar.evidence.map((e) => e.text), [
    'same role: foreign minister of India',
    'names sound alike: Su Jiesheng / S. Jaishankar',
    'both mentioned with Vladimir Putin, Sergey Lavrov',
  ]);
  assert.equal(jaishankar.where, '“Su Jiesheng” in YCPress · “S. Jaishankar” in 003');
  assert.equal(jaishankar.key, 's jaishankar ↔ su jiesheng');
  assert.equal(jaishankar.summary, 'same role: foreign minister of India · in YCPress and 003');
});

test('with no alias file at all, the machine translation\'s "Byden administration" is suggested too, and nothing else', () => {
  const suggestions = suggestOn(corpus.articles, { entries: [] }).map((s) => [s.keep.name, s.other.name].sort().join(' ↔ '));
  assert.deepEqual(suggestions.sort(), ['Biden administration ↔ Byden administration', 'S Jaishankar ↔ Su Jiesheng']);
});

test('a dismissed pair ("notSame", by any of its names, in either order) is never suggested again', () => {
  assert.deepEqual(suggestOn(corpus.articles, corpus.aliasTable, [['S Jaishankar', 'Su Jiesheng']]), []);
  assert.deepEqual(suggestOn(corpus.articles, corpus.aliasTable, [['su jiesheng', 'S. Jaishankar']]), []);
  assert.equal(suggestOn(corpus.articles, corpus.aliasTable, [['Su Jiesheng', 'Sergey Lavrov']]).length, 1);
});

test('roles are read before the name, after it, and through "his counterpart"', () => {
  const at = (text: string, name: string) => {
    const start = text.indexOf(name);
    return roleAt(text, start, start + name.length);
  };
  assert.deepEqual(at('Lavrov held a meeting with Indian Foreign Minister Su Jiesheng on the 6th.', 'Su Jiesheng'), { role: 'foreign minister', country: 'India' });
  assert.deepEqual(at('Russian Foreign Minister Sergey Lavrov will meet his counterpart Dr S Jaishankar.', 'S Jaishankar'), { role: 'foreign minister', country: undefined, notCountry: 'Russia' });
  assert.deepEqual(at('Russian Defence Minister General Shoigu will be meeting Raksha Mantri Rajnath Singh.', 'Rajnath Singh'), { role: 'defence minister', country: undefined });
  assert.deepEqual(at('Russian Defence Minister General Shoigu will be meeting Raksha Mantri Rajnath Singh.', 'Shoigu'), { role: 'defence minister', country: 'Russia' });
  assert.deepEqual(at('In 2013, when Putin met with Indian Prime Minister Singh, he proposed it.', 'Singh'), { role: 'prime minister', country: 'India' });
  assert.deepEqual(at('S. Jaishankar, India’s external affairs minister, said so.', 'S. Jaishankar'), { role: 'foreign minister', country: 'India' });
  assert.deepEqual(at('The U.S. Secretary of State Antony Blinken said so.', 'Antony Blinken'), { role: 'secretary of state', country: 'United States' });
  assert.equal(at('Lavrov and Su Jiesheng focused on the meetings.', 'Su Jiesheng'), undefined);
});

test('sound keys: a romanised rendering keeps the first consonants of the name', () => {
  assert.equal(soundKey('Jiesheng'), 'JSN');
  assert.equal(soundKey('Jaishankar'), 'JSNKR');
  assert.equal(soundKey('Havana'), soundKey('Habana'));
  assert.notEqual(soundKey('Medicare'), soundKey('Medicaid'));
});

/** Topics made by hand, each mentioned once in its own passage. */
function handMade(people: Array<[name: string, passage: string, kind?: Topic['kind'], article?: string]>): { topics: Topic[]; text: Map<string, string> } {
  const text = new Map<string, string>();
  const topics = people.map(([name, passage, kind = 'person', article], i): Topic => {
    const passageId = `p${i}`;
    text.set(passageId, passage);
    const start = passage.indexOf(name);
    const articleId = article ?? `a${i}`;
    return {
      id: `topic:${name}`, name, kind, aliases: [],
      mentions: [{ passageId, articleId, start, end: start + name.length, surface: name }],
      articleIds: [articleId], spellingsByArticle: { [articleId]: [name] },
    };
  });
  return { topics, text };
}

function suggestHandMade(people: Parameters<typeof handMade>[0]): string[] {
  const { topics, text } = handMade(people);
  return groupingSuggestions({ topics, passageText: (id) => text.get(id), sourceLabel: (id) => id }).map(pair);
}

test('two Singhs with different roles are not suggested; with the same role and country they are', () => {
  assert.deepEqual(suggestHandMade([
    ['Singh', 'In 2013, Putin met with Indian Prime Minister Singh in Moscow.'],
    ['Rajnath Singh', 'Russian Defence Minister General Shoigu will be meeting Raksha Mantri Rajnath Singh.'],
  ]), []);
  assert.deepEqual(suggestHandMade([
    ['Singh', 'Putin met with Indian Prime Minister Singh in Moscow.'],
    ['Manmohan Singh', 'The visit of Indian Prime Minister Manmohan Singh to Russia.'],
  ]), ['Singh ↔ Manmohan Singh']);
  assert.deepEqual(suggestHandMade([
    ['Rajnath Singh', 'Defence Minister Rajnath Singh spoke.'],
    ['Manmohan Singh', 'Defence Minister Manmohan Singh spoke.'],
  ]), [], 'two given names that differ are two people');
});

test('a surname that fits two people of the same role ("Roosevelt": Theodore and Franklin) is suggested for neither', () => {
  assert.deepEqual(suggestHandMade([
    ['Roosevelt', 'As President Roosevelt said.'],
    ['Theodore Roosevelt', 'President Theodore Roosevelt built canals.'],
    ['Franklin Roosevelt', 'President Franklin Roosevelt spoke of fear.'],
  ]), []);
});

test('names that only sound alike, or share a role with another country, are not suggested', () => {
  assert.deepEqual(suggestHandMade([
    ['Su Jiesheng', 'Indian Foreign Minister Su Jiesheng arrived.'],
    ['Sergey Lavrov', 'Russian Foreign Minister Sergey Lavrov arrived.'],
  ]), []);
  assert.deepEqual(suggestHandMade([
    ['Su Jiesheng', 'Su Jiesheng arrived.'],
    ['S. Jaishankar', 'S. Jaishankar arrived.'],
  ]), [], 'no role: no evidence beyond the sound');
  assert.deepEqual(suggestHandMade([
    ['Laura Bush', 'President Bush and Laura Bush came.'],
    ['Abbas', 'President Abbas came.'],
  ]), []);
});

test('near spellings need shared company and the same sounds: not Medicare and Medicaid, nor Havana and Habana with nothing in common', () => {
  assert.deepEqual(suggestHandMade([
    ['Medicare', 'Medicare and Cuba.', 'other'],
    ['Medicaid', 'Medicaid and Cuba.', 'other'],
    ['Cuba', 'Medicare and Cuba.', 'place', 'a0'],
  ]), []);
  assert.deepEqual(suggestHandMade([
    ['Havana', 'Havana, Cuba.', 'place', 'x'],
    ['Habana', 'Habana, Cuba.', 'place', 'y'],
  ]), []);
});

test('computed in slices (as the Topics view does on the extension host), the suggestions are the same', async () => {
  const index = extractTopics(corpus.articles, { entries: [] });
  const passages = new Map(corpus.articles.flatMap((article) => article.passages.map((passage) => [passage.id, passage.text] as const)));
  const inputs = { topics: index.topics(), passageText: (id: string) => passages.get(id), sourceLabel: (id: string) => id };
  const clock = new TimeSlice(0);
  let yields = 0;
  const sliced = await runCooperatively(groupingSuggestionsInSlices(inputs, clock), clock, { yieldNow: async () => void yields++ });
  assert.ok(yields > 10, `only ${yields} yields`);
  assert.deepEqual(sliced?.map(pair), groupingSuggestions(inputs).map(pair));
});
