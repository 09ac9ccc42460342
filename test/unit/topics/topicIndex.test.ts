import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractTopics } from '../../../src/core/topics/topicIndex';
import { parseAliasFile } from '../../../src/core/topics/aliasFile';
import { loadBundledCorpus, withJaishankarAccepted } from './corpusLoader';

const corpus = loadBundledCorpus();
// As a writer has it after accepting the one suggestion of the bundled corpus (see groupingSuggestions.test.ts).
const index = extractTopics(corpus.articles, withJaishankarAccepted(corpus.aliasTable));

function nameAt(text: string, word: string, inside = 1): string | undefined {
  const offset = text.indexOf(word) + inside;
  return index.matchAt(text, offset)?.topic.name;
}

test('matchAt: every spelling of S-400 gives the same topic, at any offset inside it', () => {
  for (const spelling of ['S-400', 'S400', 'S 400', 's-400', 'S-400s']) {
    const line = `India bought the ${spelling} from Russia.`;
    const start = line.indexOf(spelling);
    for (let offset = start; offset <= start + spelling.length - (spelling.endsWith('s') ? 1 : 0); offset++) {
      const match = index.matchAt(line, offset);
      assert.equal(match?.topic.name, 'S-400', `${spelling} at ${offset}`);
    }
  }
  const exact = index.matchAt('the S400 deal', 5)!;
  assert.equal(exact.quality, 'exact');
  assert.deepEqual([exact.start, exact.end], [4, 8]);
  assert.equal(index.matchAt('the s-400 deal', 5)!.quality, 'variant');
});

test('matchAt: the longest topic wins, anywhere inside it', () => {
  const line = 'They signed the Reciprocal Exchange of Logistics Agreement on Monday.';
  for (const word of ['Reciprocal', 'Exchange', 'of Logistics', 'Logistics', 'Agreement']) {
    const match = index.matchAt(line, line.indexOf(word) + 1);
    assert.equal(match?.topic.name, 'RELOS', word);
    assert.equal(line.slice(match!.start, match!.end), 'Reciprocal Exchange of Logistics Agreement');
  }
  assert.equal(nameAt('Doses of Sputnik V arrived.', 'V', 0), 'Sputnik V');
  assert.equal(nameAt('Doses of Sputnik V arrived.', 'Sputnik'), 'Sputnik V');
  const route = 'the Chennai-Vladivostok maritime route';
  assert.equal(nameAt(route, 'Chennai'), 'Chennai-Vladivostok maritime route');
  assert.equal(nameAt(route, 'Vladivostok'), 'Chennai-Vladivostok maritime route');
  assert.equal(nameAt('In Vladivostok, Modi signed.', 'Vladivostok'), 'Vladivostok');
  assert.equal(nameAt('the first 2+2 dialogue', 'dialogue'), '2+2 dialogue');
  assert.equal(nameAt('the so-called 2 plus 2 talks', 'plus'), '2+2 dialogue');
  assert.equal(nameAt('Russian President Vladimir Putin said', 'Vladimir'), 'Vladimir Putin');
  assert.equal(nameAt('Putin’s visit', 'Putin'), 'Vladimir Putin');
  assert.equal(nameAt('the Indo-Pacific region', 'Pacific'), 'Indo-Pacific');
});

test('matchAt: ordinary words give nothing', () => {
  const line = 'the visit was like a banana, said the minister; us and them.';
  for (const word of ['the', 'visit', 'banana', 'minister', 'us', 'them']) {
    assert.equal(index.matchAt(line, line.indexOf(word) + 1), undefined, word);
  }
  assert.equal(index.matchAt('', 0), undefined);
  assert.equal(index.matchAt('India', 99), undefined);
});

test('matchAt: the writer\'s aliases and cross-language names', () => {
  const jaishankar = index.matchAt('Su Jiesheng met Lavrov', 3)!;
  assert.equal(jaishankar.topic.name, 'S. Jaishankar');
  const poutine = index.matchAt('Poutine arrive à New Delhi', 2)!;
  assert.equal(poutine.topic.name, 'Vladimir Putin');
  assert.equal(poutine.quality, 'alias');
  assert.equal(index.matchAt('BrahMos missiles', 2)?.topic.name, 'BrahMos');
  assert.equal(index.matchAt('a quad meeting', 3)?.topic.name, 'Quad', 'the alias file writes "quad" in lower case');
});

test('matchAt: a typo finds the topic as a fuzzy match, ranked below exact ones', () => {
  const byden = index.matchAt('Byden said', 2)!;
  assert.equal(byden.topic.name, 'Joe Biden');
  assert.equal(byden.quality, 'fuzzy');
  assert.equal(index.matchAt('Lavrow said', 2)?.topic.name, 'Sergey Lavrov');
  assert.equal(index.matchAt('Lavrow said', 2)?.quality, 'fuzzy');
  assert.equal(index.matchAt('Bananas said', 2), undefined);
  assert.equal(index.matchAt('Biden said', 2)?.quality, 'exact', 'the sources wrote "Biden" ("the Biden administration" counts for Joe Biden), not a typo');
  assert.equal(index.matchAt('Modi said', 2)?.quality, 'exact', 'the sources wrote "Modi"');
});

test('a name goes with a topic only when its words agree with the topic\'s', () => {
  const cases: Array<[line: string, word: string, topic: string | undefined]> = [
    ['Joe Biden spoke.', 'Biden', 'Joe Biden'],
    ['Then Biden spoke.', 'Biden', 'Joe Biden'],
    ['President Biden spoke.', 'Biden', 'Joe Biden'],
    ['Hunter Biden spoke.', 'Biden', undefined],
    ['Hunter Biden spoke.', 'Hunter', undefined],
    ['Manmohan Singh spoke.', 'Singh', undefined],
    ['Rajnath Singh spoke.', 'Singh', 'Rajnath Singh'],
    ['Indian Defence Minister Rajnath Singh spoke.', 'Singh', 'Rajnath Singh'],
    ['the South China Sea', 'China', undefined],
    ['the Washington Post reported', 'Washington', undefined],
    ['Putin and Modi met.', 'Modi', 'Narendra Modi'],
    ['the Putin-Modi summit', 'Modi', 'Narendra Modi'],
    ['India Today reported', 'India', 'India'],
    ['the Russia India summit', 'India', 'India'],
    ['the Russia India summit', 'Russia', 'Russia'],
  ];
  for (const [line, word, topic] of cases) {
    assert.equal(nameAt(line, word), topic, line);
    const underlined = index.findInText(line).find((match) => match.start <= line.indexOf(word) && line.indexOf(word) < match.end);
    assert.equal(underlined?.topic.name, topic, `underline in: ${line}`);
  }
});

test('a misspelt name of several words matches word by word, and is labelled fuzzy', () => {
  const cases: Array<[term: string, topic: string]> = [
    ['Joe Byden', 'Joe Biden'], ['Narendra Mody', 'Narendra Modi'], ['Sergei Lavrow', 'Sergey Lavrov'], ['New Dehli', 'New Delhi'],
    ['Bay of Bangal', 'Bay of Bengal'], ['Nuclear Supplier Group', 'Nuclear Suppliers Group'], ['Indo-Pacfic', 'Indo-Pacific'],
  ];
  for (const [term, topic] of cases) {
    const line = `Here ${term}, again.`;
    const match = index.matchAt(line, line.indexOf(term) + 1);
    assert.equal(match?.topic.name, topic, term);
    assert.equal(match?.quality, 'fuzzy', term);
    assert.equal(line.slice(match!.start, match!.end), term, `${term}: the whole name is the match`);
  }
  for (const term of ['Jane Austen', 'Chita', 'Turin', 'S-500', 'COP27', 'Russian', 'Emmanuel Macron', 'Paris']) {
    const line = `Here ${term}, again.`;
    assert.equal(index.matchAt(line, line.indexOf(term) + 1), undefined, term);
  }
});

test('findInText underlines closest matches too, as fuzzy, so the underline follows the card', () => {
  const line = 'Byden met Modi in New Dehli; Hunter Biden did not.';
  assert.deepEqual(index.findInText(line).map((m) => [line.slice(m.start, m.end), m.topic.name, m.quality]), [
    ['Byden', 'Joe Biden', 'fuzzy'], ['Modi', 'Narendra Modi', 'exact'], ['New Dehli', 'New Delhi', 'fuzzy'],
  ]);
  for (let offset = 0; offset <= line.length; offset++) {
    const card = index.matchAt(line, offset);
    const underline = index.findInText(line).find((m) => m.start <= offset && offset < m.end);
    if (underline) assert.deepEqual(card && [card.topic.name, card.start, card.end], [underline.topic.name, underline.start, underline.end], `offset ${offset}`);
    else if (card) assert.equal(card.end, offset, `offset ${offset}: a card without an underline`);
  }
});

test('findInText: every recognised term of a draft, without overlaps', () => {
  const draft = 'Putin met Modi in New Delhi. They discussed the S 400, RELOS and the 2+2 dialogue, and the Quad.\nLavrov met Su Jiesheng.';
  const found = index.findInText(draft).map((m) => [draft.slice(m.start, m.end), m.topic.name]);
  assert.deepEqual(found, [
    ['Putin', 'Vladimir Putin'], ['Modi', 'Narendra Modi'], ['New Delhi', 'New Delhi'], ['S 400', 'S-400'], ['RELOS', 'RELOS'],
    ['2+2 dialogue', '2+2 dialogue'], ['Quad', 'Quad'], ['Lavrov', 'Sergey Lavrov'], ['Su Jiesheng', 'S. Jaishankar'],
  ]);
});

test('findInText finds every topic of a 5,000-line draft, on the last line as on the first', () => {
  const line = 'Putin and Modi discussed the S-400, the Indo-Pacific and the banana trade in the Bay of Bengal.\n';
  const draft = line.repeat(5000);
  const matches = index.findInText(draft);
  assert.equal(matches.length, 5 * 5000);
  const names = (found: typeof matches) => found.map((match) => [draft.slice(match.start, match.end), match.topic.name]);
  const lastLine = draft.length - line.length;
  assert.deepEqual(names(matches.slice(-5)), names(matches.slice(0, 5)));
  assert.deepEqual(matches.slice(-5).map((match) => match.start - lastLine), matches.slice(0, 5).map((match) => match.start));
});

test('lookup: exact and variant names first, then prefixes, then fuzzy', () => {
  assert.equal(index.lookup('s400')[0].topic.name, 'S-400');
  assert.equal(index.lookup('Reciprocal Exchange')[0].topic.name, 'RELOS');
  const indo = index.lookup('Indo').map((m) => m.topic.name);
  assert.equal(indo[0], 'Indo-Pacific');
  const biden = index.lookup('Biden', 5);
  assert.equal(biden[0].topic.name, 'Joe Biden', 'a unique surname names the person');
  assert.equal(biden[0].quality, 'exact', '"the Biden administration" is a mention of Joe Biden written "Biden"');
  assert.ok(biden.some((m) => m.topic.name === 'Biden administration'));
  const typo = index.lookup('Jaishankr');
  assert.equal(typo[0].topic.name, 'S. Jaishankar');
  assert.equal(typo[0].quality, 'fuzzy');
  assert.deepEqual(index.lookup('   '), []);
  assert.ok(index.lookup('Russia', 3).length <= 3);
});

test('topicsForPassage and topicById use the precomputed maps', () => {
  const passage = corpus.articles.flatMap((a) => a.passages).find((p) => p.text.includes('Reciprocal Exchange of Logistics Agreement'))!;
  const names = index.topicsForPassage(passage.id).map((t) => t.name);
  assert.ok(names.includes('RELOS'));
  const relos = index.topics().find((t) => t.name === 'RELOS')!;
  assert.equal(index.topicById(relos.id), relos);
  assert.equal(index.topicById('topic:nothing'), undefined);
  assert.deepEqual(index.topicsForPassage('no-such-passage'), []);
});

test('hidden topics leave lists, hovers and decorations', () => {
  const aliases = parseAliasFile('{ "topics": [ { "name": "Omicron", "hidden": true } ] }');
  assert.ok(aliases.ok);
  const hiding = extractTopics(corpus.articles, aliases.table);
  assert.ok(!hiding.topics().some((t) => t.name === 'Omicron'));
  assert.equal(hiding.matchAt('the Omicron variant', 6), undefined);
  assert.deepEqual(hiding.findInText('the Omicron variant'), []);
  assert.deepEqual(hiding.lookup('Omicron').filter((m) => m.topic.name === 'Omicron'), []);
});

test('matchAt, at every offset inside a topic of a line, finds the topic findInText finds there', () => {
  // How fast a hover's look-up is: `npm run bench` (hover row, and matchAt on the bundled corpus).
  const line = 'Russian President Vladimir Putin discussed the S-400 and the Reciprocal Exchange of Logistics Agreement with Modi.';
  const found = index.findInText(line);
  assert.deepEqual(found.map((match) => match.topic.name), ['Vladimir Putin', 'S-400', 'RELOS', 'Narendra Modi']);
  for (const expected of found) {
    for (let offset = expected.start; offset < expected.end; offset++) {
      const match = index.matchAt(line, offset);
      assert.deepEqual(match && [match.topic.name, match.start, match.end], [expected.topic.name, expected.start, expected.end], `offset ${offset}`);
    }
  }
});

test('the draft terms of the hover cards resolve to the expected topic and number of sources', () => {
  const cases: Array<[term: string, topic: string, sources: number]> = [
    ['S-400', 'S-400', 5], ['S400', 'S-400', 5], ['S 400', 'S-400', 5], ['RELOS', 'RELOS', 1],
    ['Reciprocal Exchange of Logistics Agreement', 'RELOS', 1], ['BrahMos', 'BrahMos', 1], ['Bramos', 'BrahMos', 1],
    ['Byden', 'Joe Biden', 2], ['Su Jiesheng', 'S. Jaishankar', 2], ['Jaishankar', 'S. Jaishankar', 2],
    ['Poutine', 'Vladimir Putin', 5], ['Putin', 'Vladimir Putin', 5], ['Modi', 'Narendra Modi', 5], ['Lavrov', 'Sergey Lavrov', 2],
    ['Quad', 'Quad', 2], ['Sputnik V', 'Sputnik V', 1], ['AK-203', 'AK-203', 1], ['AK203', 'AK-203', 1],
    ['2+2 dialogue', '2+2 dialogue', 2], ['Ladakh', 'Ladakh', 2], ['Indo-Pacific', 'Indo-Pacific', 4], ['COP26', 'COP26', 2],
    ['Cop 26', 'COP26', 2], ['Chennai-Vladivostok', 'Chennai-Vladivostok maritime route', 1], ['Afghanistan', 'Afghanistan', 2],
  ];
  for (const [term, topic, sources] of cases) {
    const line = `The writer mentions ${term} in passing.`;
    const match = index.matchAt(line, line.indexOf(term) + Math.floor(term.length / 2));
    assert.equal(match?.topic.name, topic, term);
    assert.equal(match?.topic.articleIds.length, sources, term);
    assert.equal(line.slice(match!.start, match!.end), term, `${term}: the whole term is the match`);
  }
});
