import { test } from 'node:test';
import { articlesOf } from './shortSources';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Topic } from '../../../src/core/model';
import { buildTopics, type NameJoin } from '../../../src/core/topics/buildTopics';
import { extractTopics } from '../../../src/core/topics/topicIndex';
import { modernSotuArticles } from '../../bench/topicJudgements';
import { loadBundledCorpus, repositoryRoot } from './corpusLoader';

const corpus = loadBundledCorpus();
const index = extractTopics(corpus.articles, corpus.aliasTable);
const bundledJoins: NameJoin[] = [];
buildTopics(corpus.articles, corpus.aliasTable, bundledJoins);

const topic = (name: string, topics: readonly Topic[] = index.topics()): Topic => {
  const found = topics.find((t) => t.name === name);
  assert.ok(found, `no topic "${name}"`);
  return found;
};
const files = (t: Topic): string[] => [...new Set(t.articleIds.map((id) => corpus.fileOf.get(id)!))].sort();
const surfacesIn = (t: Topic, file: string): string[] => t.mentions.filter((m) => corpus.fileOf.get(m.articleId) === file).map((m) => m.surface);
const described = (joins: readonly NameJoin[]): string[] => joins.map((j) => `${j.rule}: ${j.from} -> ${j.to}${j.mentions ? ` (${j.mentions})` : ''}`).sort();

test('bundled corpus: every join of a name, judged by hand; the two Singhs stay apart', () => {
  assert.deepEqual(described(bundledJoins), [
    'apart: singh -> rajnath singh',
    'head: biden administration -> joe biden (4)',
    'head: byden administration -> joe biden (1)',
    'head: putin administration -> vladimir putin (1)',
    'head: trump administration -> donald trump (2)',
    'surname: goel -> anish goel',
    'surname: lavrov -> sergey lavrov',
    'surname: modi -> narendra modi',
    'surname: putin -> vladimir putin',
    'typo: byden administration -> biden administration',
  ]);
});

test('Joe Biden: "the Biden administration" and "the Byden administration" of article 000 count, beside RFI\'s "Joe Biden"', () => {
  const biden = topic('Joe Biden');
  assert.equal(biden.kind, 'person');
  assert.deepEqual(files(biden), ['000', '001']);
  assert.equal(biden.mentions.length, 6);
  assert.deepEqual(surfacesIn(biden, '000').sort(), ['Biden', 'Biden', 'Biden', 'Biden', 'Byden']);
  assert.deepEqual(surfacesIn(biden, '001'), ['Joe Biden']);
  assert.equal(topic('Biden administration').mentions.length, 5, 'the administration stays a topic of its own');
  const hover = index.matchAt('Biden said', 2)!;
  assert.equal(hover.topic.name, 'Joe Biden');
  assert.deepEqual(files(hover.topic), ['000', '001'], 'the hover on "Biden" cites article 000 and RFI');
  assert.deepEqual(files(topic('Donald Trump')), ['000', '004'], '"the former Trump administration" of 000 counts for Donald Trump');
});

test('the two Singhs: "Indian Prime Minister Singh" (2013, article 002) does not join "Raksha Mantri Rajnath Singh" (003)', () => {
  const rajnath = topic('Rajnath Singh');
  assert.deepEqual(files(rajnath), ['003']);
  assert.deepEqual(rajnath.mentions.map((m) => m.surface), ['Rajnath Singh']);
  assert.ok(!rajnath.aliases.includes('Singh'), rajnath.aliases.join('; '));
  const other = topic('Singh');
  assert.deepEqual(files(other), ['002']);
  assert.equal(index.matchAt('Rajnath Singh spoke.', 10)?.topic.name, 'Rajnath Singh');
});

test('titles and possessives join the person: "PM Modi", "Prime Minister Modi", "Putin’s", "Putin\'s", "Lavrov’s"', () => {
  const modi = topic('Narendra Modi');
  assert.deepEqual(files(modi), ['000', '001', '002', '003', '004']);
  assert.deepEqual(surfacesIn(modi, '000'), ['Modi', 'Modi'], '"Prime Minister Modi" twice');
  assert.deepEqual(surfacesIn(modi, '003').sort(), ['Modi', 'Narendra Modi'], '"PM Modi" and "Prime Minister Narendra Modi"');
  const putin = topic('Vladimir Putin');
  assert.ok(surfacesIn(putin, '002').includes('Putin’s'));
  assert.ok(surfacesIn(putin, '000').includes("Putin's"));
  assert.ok(surfacesIn(topic('Sergey Lavrov'), '002').includes('Lavrov’s'));
  assert.deepEqual(surfacesIn(topic('S. Jaishankar'), '003'), ['S Jaishankar'], '"Dr S Jaishankar": the title is no part of the name');
});

test('without the alias file, "the Byden administration" is still Joe Biden\'s, and stays a topic the writer may merge', () => {
  const bare = extractTopics(corpus.articles, { entries: [] });
  const biden = topic('Joe Biden', bare.topics());
  assert.deepEqual(files(biden), ['000', '001']);
  assert.ok(surfacesIn(biden, '000').includes('Byden'));
  assert.ok(bare.topics().some((t) => t.name === 'Byden administration'));
});


test('an initial joins the full name, titles and all ("Dr S Jaishankar", "External Affairs Minister Subrahmanyam Jaishankar")', () => {
  const joins: NameJoin[] = [];
  const built = buildTopics(articlesOf([
    'External Affairs Minister Subrahmanyam Jaishankar met the visiting envoy in the evening and talked about trade. Later that week Subrahmanyam Jaishankar said so in public.',
    'Dr S Jaishankar spoke to reporters about the talks, and then S Jaishankar left the building.',
    'The talks went well, Jaishankar said after the meeting.',
  ]), { entries: [] }, joins);
  const jaishankar = built.topics.find((t) => t.name === 'Subrahmanyam Jaishankar');
  assert.ok(jaishankar, built.topics.map((t) => t.name).join('; '));
  assert.deepEqual(jaishankar.mentions.map((m) => m.surface), ['Subrahmanyam Jaishankar', 'Subrahmanyam Jaishankar', 'S Jaishankar', 'S Jaishankar', 'Jaishankar']);
  assert.deepEqual(described(joins), ['initials: s jaishankar -> subrahmanyam jaishankar', 'surname: jaishankar -> subrahmanyam jaishankar']);
});

test('two Singhs: a bare "Singh" joins neither, unless an office tells them apart', () => {
  const texts = (title: (office: string) => string): string[] => [
    `${title('Defence Minister')}Rajnath Singh met the visiting envoy about trade and weapons. Then ${title('Defence Minister')}Rajnath Singh spoke about the deal.`,
    `${title('Prime Minister')}Jaswant Singh wrote a letter about the old treaty. Back then ${title('Prime Minister')}Jaswant Singh had signed it without delay.`,
    `Later, ${title('Prime Minister')}Singh travelled to the north and spoke with farmers.`,
  ];
  const untitled: NameJoin[] = [];
  const apart = buildTopics(articlesOf(texts(() => '')), { entries: [] }, untitled);
  assert.deepEqual(described(untitled), ['apart: singh -> jaswant singh / rajnath singh']);
  assert.deepEqual(apart.topics.find((t) => t.name === 'Rajnath Singh')!.mentions.map((m) => m.surface), ['Rajnath Singh', 'Rajnath Singh']);
  assert.deepEqual(apart.topics.find((t) => t.name === 'Jaswant Singh')!.mentions.map((m) => m.surface), ['Jaswant Singh', 'Jaswant Singh']);
  const titled: NameJoin[] = [];
  const joined = buildTopics(articlesOf(texts((office) => `${office} `)), { entries: [] }, titled);
  assert.deepEqual(described(titled), ['surname: singh -> jaswant singh'], '"Prime Minister Singh" is the Singh who is Prime Minister');
  assert.equal(joined.topics.find((t) => t.name === 'Jaswant Singh')!.mentions.length, 3);
});

const sotuJoins: NameJoin[] = [];
buildTopics(modernSotuArticles(), { entries: [] }, sotuJoins);
const judged = (JSON.parse(readFileSync(join(repositoryRoot, 'test', 'fixtures', 'topics', 'nameJoins.json'), 'utf8')) as {
  sotu: Array<{ rule: NameJoin['rule']; from: string; to: string; verdict: 'right' | 'wrong' }>;
}).sotu;
const made = sotuJoins.filter((j) => j.rule !== 'apart');
const verdictOf = (j: NameJoin) => judged.find((k) => k.rule === j.rule && k.from === j.from && k.to === j.to)?.verdict;
const right = made.filter((j) => verdictOf(j) === 'right').length;

test(`State of the Union since 1900: ${made.length} name joins, ${right} judged right by hand (precision ${(right / Math.max(1, made.length)).toFixed(2)}), ${sotuJoins.length - made.length} surnames kept apart`, () => {
  const unjudged = sotuJoins.filter((j) => verdictOf(j) === undefined);
  assert.deepEqual(described(unjudged), [], 'every join has a verdict in test/fixtures/topics/nameJoins.json');
  assert.ok(right / made.length >= 0.75, `precision ${right}/${made.length}`);
});
