import { test } from 'node:test';
import { articlesOf } from './shortSources';
import assert from 'node:assert/strict';
import type { Article, Topic } from '../../../src/core/model';
import { extractTopics } from '../../../src/core/topics/topicIndex';
import { emptyAliasTable } from '../../../src/core/topics/aliasFile';


function topicsOf(texts: string[]): Topic[] {
  return [...extractTopics(articlesOf(texts), emptyAliasTable).topics()];
}

const names = (topics: Topic[]): string[] => topics.map((t) => t.name);

test('a heading in capitals run into the text is no topic; an acronym among ordinary words is', () => {
  const topics = topicsOf([
    'FOREIGN POLICY The talks that were held in Geneva went on for a long time, and the members of NATO met there as well.',
    'TAX REDUCTION We have met the allies of NATO in Geneva, where the talks on trade were held last year.',
    'LEGISLATION The new law was passed after a long debate in Geneva, where NATO had been asked to help.',
  ]);
  assert.ok(!names(topics).some((n) => /foreign|tax|legislation/i.test(n)), names(topics).join('; '));
  assert.ok(names(topics).includes('NATO'));
  assert.ok(names(topics).includes('Geneva'));
});

test('abbreviations belong to the name they abbreviate or to nothing', () => {
  const topics = topicsOf([
    'The flood reached St. Louis, Mo., on Monday, said Martin Luther King, Jr. in a letter.',
    'Barges left St. Louis and Smith & Co. paid for them.',
  ]);
  assert.ok(names(topics).includes('St. Louis'), names(topics).join('; '));
  for (const abbreviation of ['St', 'Jr', 'Co']) assert.ok(!names(topics).includes(abbreviation), abbreviation);
});

test('no preposition at an edge, no numeral alone, no office alone', () => {
  const topics = topicsOf([
    'The bill went to Congress, and the Presidency changed hands after Part II was read. “Government for the People” was the slogan.',
    'Then Congress waited; the Presidency said nothing of Part II. The slogan “Government for the People” stayed.',
    'In Beijing, Xi said that Congress had erred, and Xi repeated it later.',
  ]);
  assert.ok(!names(topics).some((n) => /^(Government for|II|Presidency)$/.test(n)), names(topics).join('; '));
  assert.ok(names(topics).includes('Xi'), 'a name that spells a numeral in lower case stays');
  assert.ok(names(topics).includes('Congress'));
});

test('a capitalised common noun or adjective is no name when the sources also write it in lower case', () => {
  const topics = topicsOf([
    'The Government spent Federal funds; every government spends federal money. Federal aid rose.',
    'The Government asked for Federal grants while the government of Peru waited. Federal law is clear.',
    'A government can fail. The Government and Peru signed. Federal courts agreed.',
  ]);
  assert.ok(!names(topics).includes('Government'), names(topics).join('; '));
  assert.ok(!names(topics).includes('Federal'), names(topics).join('; '));
  assert.ok(names(topics).includes('Peru'));
});

test('a phrase the sources mostly write in lower case is a common noun phrase, a name that keeps its capitals is not', () => {
  const topics = topicsOf([
    'Foreign Policy matters. Our foreign policy is sound, and foreign policy is hard. The White House agreed.',
    'The foreign policy of the White House is clear, said the White House.',
  ]);
  assert.ok(!names(topics).some((n) => /foreign policy/i.test(n)), names(topics).join('; '));
  assert.ok(names(topics).includes('White House'));
});

test('one topic per thing: "World War" beside "World War II", "Kennedy" beside John Kennedy', () => {
  const topics = topicsOf([
    'After World War II the veterans of the World War met President John Kennedy in Boston.',
    'When World War II ended, as President Kennedy said, the World War was over. John Kennedy agreed.',
    'As President Kennedy said so often, and as Senator Edward Kennedy said of World War II, peace matters.',
    'The speech of John Kennedy in Boston was long, and President Kennedy spoke again in Dallas.',
    'Nobody forgot John Kennedy, and the words of John Kennedy were read by President Kennedy\'s friends.',
  ]);
  assert.ok(names(topics).includes('World War II'));
  assert.ok(!names(topics).includes('World War'), names(topics).join('; '));
  assert.ok(!names(topics).includes('Kennedy'), names(topics).join('; '));
  assert.ok(topics.find((t) => t.name === 'John Kennedy')!.aliases.includes('Kennedy'));
});

test('an acronym joins an expansion with its initials only when some source uses both', () => {
  const topics = topicsOf([
    'The Tennessee Valley flooded. Farmers in the Tennessee Valley waited.',
    'We watched TV all night. TV news covered it.',
    'The Tennessee Valley recovered.',
  ]);
  const tv = topics.find((t) => t.name === 'TV');
  assert.ok(tv, names(topics).join('; '));
  assert.ok(!tv.aliases.some((a) => /tennessee/i.test(a)));
  assert.notEqual(tv.kind, 'place');
});

test('a kind only on evidence: "in God" and "to Medicare" do not make places', () => {
  const topics = topicsOf([
    'We trust in God, and we know that God is patient, as God has always been, while Medicare pays and Medicare grows.',
    'The costs of Medicare rose and the reach of Medicare grew, for God knows that Medicare works, and God sees it.',
    'We owe Medicare to the work of many, and Medicare lasts; God willing, Medicare will last, as God wills, in Ohio and in Texas.',
    'The hymn says that God is good and that God is near; the people of Ohio sing it, and God hears them.',
  ]);
  assert.notEqual(topics.find((t) => t.name === 'God')?.kind, 'place');
  assert.notEqual(topics.find((t) => t.name === 'Medicare')?.kind, 'place');
});

test('a title word that opens an institution\'s name is part of the name, a title before "of" is a title', () => {
  const topics = topicsOf([
    'The report of the General Land Office was sent on, and the Secretary of State read it in Denver.',
    'Clerks of the General Land Office met the Secretary of State in Denver.',
  ]);
  assert.equal(topics.find((t) => t.name === 'General Land Office')?.kind, 'organisation', topics.map((t) => `${t.name}:${t.kind}`).join('; '));
  assert.ok(!names(topics).includes('Land Office'));
  assert.ok(!names(topics).includes('Secretary of State'));
});

test('an office named with "of" before a name is the office, and the name after it is the person', () => {
  const topics = topicsOf([
    'Secretary of State Antony Blinken met Minister of External Affairs S. Jaishankar in New Delhi on Monday.',
    'Later, Secretary of State Antony Blinken said the talks with Minister of External Affairs S. Jaishankar went well.',
  ]);
  const blinken = topics.find((t) => t.name === 'Antony Blinken');
  assert.equal(blinken?.kind, 'person', topics.map((t) => `${t.name}:${t.kind}`).join('; '));
  assert.equal(topics.find((t) => t.name === 'S. Jaishankar')?.kind, 'person', topics.map((t) => `${t.name}:${t.kind}`).join('; '));
  assert.ok(!names(topics).some((name) => /^(?:State|External|Affairs)\b/.test(name)), names(topics).join('; '));
});
