import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topic } from '../../../src/core/model';
import { normaliseTerm } from '../../../src/core/topics/normaliseTerm';
import { extractTopics } from '../../../src/core/topics/topicIndex';
import { emptyAliasTable } from '../../../src/core/topics/aliasFile';
import { loadBundledCorpus, withJaishankarAccepted, repositoryRoot } from './corpusLoader';

interface ExpectedTopic {
  name: string;
  kind: string;
  articles: string[];
  alsoKnownAs?: string[];
}
interface Expected {
  topics: ExpectedTopic[];
  acceptableExtras: Array<{ name: string }>;
}

const expected: Expected = JSON.parse(readFileSync(join(repositoryRoot, 'test', 'fixtures', 'topics', 'expectedTopics.json'), 'utf8'));
const corpus = loadBundledCorpus();
// As a writer has it after accepting the one suggestion of the bundled corpus (see groupingSuggestions.test.ts).
const index = extractTopics(corpus.articles, withJaishankarAccepted(corpus.aliasTable));
const sourcesOf = (topic: Topic): string[] => topic.articleIds.map((id) => corpus.fileOf.get(id)!).sort();
const namesOf = (topic: Topic): Set<string> => new Set([topic.name, ...topic.aliases].map(normaliseTerm));

/** Pairs each expected topic with at most one found topic (its own name first), so one topic cannot answer for two. */
function assess(): { found: Map<ExpectedTopic, Topic>; missed: string[] } {
  const found = new Map<ExpectedTopic, Topic>();
  const used = new Set<string>();
  const missed: string[] = [];
  const byName = [...expected.topics].sort((a, b) => a.articles.length - b.articles.length);
  for (const pass of ['name', 'any'] as const) {
    for (const want of byName) {
      if (found.has(want)) continue;
      const keys = pass === 'name' ? [normaliseTerm(want.name)] : [want.name, ...(want.alsoKnownAs ?? [])].map(normaliseTerm);
      const topic = index.topics().find((t) => !used.has(t.id) && keys.some((k) => (pass === 'name' ? normaliseTerm(t.name) === k : namesOf(t).has(k)))
        && want.articles.every((a) => sourcesOf(t).includes(a)));
      if (topic) {
        found.set(want, topic);
        used.add(topic.id);
      }
    }
  }
  for (const want of expected.topics) if (!found.has(want)) missed.push(`${want.name} (${want.articles.join(',')})`);
  return { found, missed };
}

test('the hand-written list has at least 40 topics, each with a kind and its articles', () => {
  assert.ok(expected.topics.length >= 40);
  for (const want of expected.topics) {
    assert.ok(['person', 'place', 'organisation', 'system', 'agreement', 'event', 'other'].includes(want.kind), want.name);
    assert.ok(want.articles.length > 0 && want.articles.every((a) => /^00[0-4]$/.test(a)), want.name);
  }
});

test('recall on the bundled corpus is at least 95%, counting a topic only when it covers every article that mentions it', () => {
  const { found, missed } = assess();
  const recall = found.size / expected.topics.length;
  const kindsRight = [...found].filter(([want, topic]) => want.kind === topic.kind).length;
  console.log(`recall ${(recall * 100).toFixed(1)}% (${found.size}/${expected.topics.length}); kind right for ${kindsRight}/${found.size}; missed: ${missed.join('; ') || 'none'}`);
  assert.ok(recall >= 0.95, `recall ${recall.toFixed(3)}; missed ${missed.join('; ')}`);
});

test('at most 3 junk topics among the 60 with most sources', () => {
  const known = new Set<string>();
  for (const want of expected.topics) for (const name of [want.name, ...(want.alsoKnownAs ?? [])]) known.add(normaliseTerm(name));
  for (const extra of expected.acceptableExtras) known.add(normaliseTerm(extra.name));
  const top = index.topics().slice(0, 60);
  const junk = top.filter((topic) => ![...namesOf(topic)].some((name) => known.has(name))).map((topic) => topic.name);
  console.log(`top 60 junk (${junk.length}): ${junk.join('; ') || 'none'}`);
  assert.ok(junk.length <= 3, `junk: ${junk.join('; ')}`);
});

test('S-400 is one topic with five sources and each source\'s own spelling', () => {
  const s400 = index.lookup('S-400', 1)[0].topic;
  assert.equal(s400.name, 'S-400');
  assert.equal(s400.kind, 'system');
  assert.deepEqual(sourcesOf(s400), ['000', '001', '002', '003', '004']);
  const spelling = (file: string): string[] => s400.spellingsByArticle[[...corpus.fileOf].find(([, f]) => f === file)![0]];
  assert.deepEqual(spelling('000'), ['S400']);
  assert.deepEqual(spelling('001').sort(), ['S 400', 'S400']);
  assert.deepEqual(spelling('002'), ['S-400']);
  assert.deepEqual(spelling('004'), ['S-400']);
  for (const mention of s400.mentions) {
    const passage = corpus.articles.flatMap((a) => a.passages).find((p) => p.id === mention.passageId)!;
    assert.equal(passage.text.slice(mention.start, mention.end), mention.surface);
    assert.equal(normaliseTerm(mention.surface), 's400');
  }
});

test('an acronym defined in the text is one topic with its expansion', () => {
  const relos = index.lookup('RELOS', 1)[0].topic;
  assert.equal(relos.name, 'RELOS');
  assert.equal(relos.kind, 'agreement');
  assert.ok(relos.aliases.includes('Reciprocal Exchange of Logistics Agreement'));
  assert.equal(index.lookup('Reciprocal Exchange of Logistics Agreement', 1)[0].topic.id, relos.id);
});

test('surnames join the full name; the writer\'s aliases join other languages', () => {
  const putin = index.lookup('Putin', 1)[0].topic;
  assert.equal(putin.name, 'Vladimir Putin');
  assert.equal(putin.kind, 'person');
  assert.equal(index.lookup('Modi', 1)[0].topic.name, 'Narendra Modi');
  assert.equal(index.lookup('Lavrov', 1)[0].topic.name, 'Sergey Lavrov');
  const jaishankar = index.lookup('Su Jiesheng', 1)[0].topic;
  assert.equal(jaishankar.name, 'S. Jaishankar');
  assert.deepEqual(sourcesOf(jaishankar), ['002', '003']);
});

test('noise stays out: sentence openers, fragments, months, numbers, demonyms', () => {
  const names = new Set(index.topics().map((t) => normaliseTerm(t.name)));
  for (const noise of ['However', 'Interestingly', 'Asked', 'Meanwhile', 'Recently', 'Especially', 'The Biden', 'Biden', 'December',
    'Monday', '2019', '6th', 'Russian', 'Indian', 'American', 'Chinese', 'Turkish', 'Russia-India', 'India-US', 'Experts', 'Secondly']) {
    assert.ok(!names.has(normaliseTerm(noise)) || noise === 'Biden', `"${noise}" should not be a topic`);
  }
  assert.ok(!index.topics().some((t) => t.name === 'Biden'), 'Biden alone is not a topic: the text has "Joe Biden" and "Biden administration"');
});

test('without any alias file the extractor still finds the core topics', () => {
  const bare = extractTopics(corpus.articles, emptyAliasTable);
  const top = bare.topics().slice(0, 8).map((t) => t.name);
  for (const name of ['India', 'Russia', 'Vladimir Putin', 'S-400', 'Narendra Modi']) assert.ok(top.includes(name), `${name} in ${top}`);
});

test('hostile or odd text gives plain topics and no crash', () => {
  const passage = (id: string, text: string) => ({ id, articleId: 'a1', ordinal: 0, text, range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: text.length } });
  const texts = [
    '[x](command:workbench.action.terminal.new) and <img src=x onerror=alert(1)> and $(zap) near the Kremlin.',
    'THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG AND THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG AGAIN',
    `${'Alpha Beta '.repeat(2000)}end`,
    '(((((((((((((((((((( ))))))))))))))))))))'.repeat(50),
    'Zürich ‮evil‬ Zu\u0308rich 🇮🇳 Modi 𝐁𝐨𝐥𝐝',
  ];
  const article = { id: 'a1', sourceUri: 'file:///x.txt', format: 'txt' as const, meta: { title: 'x' }, passages: texts.map((t, i) => passage(`p${i}`, t)), droppedLines: [] };
  const hostile = extractTopics([article], emptyAliasTable);
  for (const topic of hostile.topics()) {
    assert.ok(topic.name.split(' ').length <= 8, topic.name);
    for (const mention of topic.mentions) assert.equal(article.passages.find((p) => p.id === mention.passageId)!.text.slice(mention.start, mention.end), mention.surface);
  }
  assert.ok(hostile.topics().some((t) => t.name === 'Kremlin'));
});
