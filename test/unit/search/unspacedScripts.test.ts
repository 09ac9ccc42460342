import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import type { SearchHit } from '../../../src/core/model';
import { PassageIndex } from '../../../src/core/search/passageIndex';
import { termSpans } from '../../../src/core/search/searchTokens';

/**
 * Search in scripts written without spaces (issue 16): Chinese, Japanese and Thai sentences from
 * the constitutions of those countries, read by our own ingestion, one passage each.
 */
const passages = {
  chineseSpeech: '中华人民共和国公民有言论、出版、集会、结社、游行、示威的自由。',
  chineseRights: '国家尊重和保障人权。',
  japaneseSpeech: '集会、結社及び言論、出版その他一切の表現の自由は、これを保障する。',
  japaneseRights: '国民は、すべての基本的人権の享有を妨げられない。',
  japaneseParty: '自由民主党は日本の政党である。',
  japaneseTrade: '一九九〇年代に貿易の自由化が進んだ。',
  japaneseWeb: 'コンピューターとインターネットで調べた。',
  thaiSpeech: 'บุคคลย่อมมีเสรีภาพในการแสดงความคิดเห็น',
  thaiKingdom: 'ประเทศไทยเป็นราชอาณาจักรอันหนึ่งอันเดียว จะแบ่งแยกมิได้',
  mixed: 'At the summit Modi spoke of 自由と民主主義, freedom and democracy, with Kishida in 東京.',
  english: 'Freedom of speech is a human right, the court said.',
};
type PassageName = keyof typeof passages;

function buildIndex(): PassageIndex {
  const outcome = ingestFile({
    uri: 'file:///corpus/constitutions.txt',
    fileName: 'constitutions.txt',
    bytes: new TextEncoder().encode(Object.values(passages).join('\n\n')),
  });
  assert.equal(outcome.kind, 'articles');
  const index = new PassageIndex();
  index.addArticles(outcome.kind === 'articles' ? outcome.articles : []);
  return index;
}

const index = buildIndex();

function found(query: string): PassageName[] {
  return index.search(query, { limit: 20 }).map((hit) => nameOf(hit));
}

function nameOf(hit: SearchHit): PassageName {
  const text = index.passage(hit.passageId)!.text;
  const name = (Object.keys(passages) as PassageName[]).find((key) => passages[key] === text);
  assert.ok(name, `unexpected passage: ${text}`);
  return name;
}

function highlightsOf(query: string, name: PassageName): string[] {
  const hit = index.search(query, { limit: 20 }).find((candidate) => nameOf(candidate) === name);
  assert.ok(hit, `"${query}" should find ${name}`);
  return hit.snippet.highlights.map(({ start, end }) => hit.snippet.text.slice(start, end));
}

/**
 * An index of `passages` (each a paragraph of one file, read by our own ingestion), and the hits
 * of a query by passage name with their highlighted words, failing on a passage not listed.
 */
function namedPassageIndex<Name extends string>(fileName: string, passages: Record<Name, string>): { index: PassageIndex; hitsOf: (query: string) => Array<{ name: Name; highlights: string[] }> } {
  const outcome = ingestFile({ uri: `file:///corpus/${fileName}`, fileName, bytes: new TextEncoder().encode(Object.values<string>(passages).join('\n\n')) });
  assert.equal(outcome.kind, 'articles');
  const index = new PassageIndex();
  index.addArticles(outcome.kind === 'articles' ? outcome.articles : []);
  const hitsOf = (query: string): Array<{ name: Name; highlights: string[] }> =>
    index.search(query, { limit: 20 }).map((hit) => {
      const text = index.passage(hit.passageId)!.text;
      const name = (Object.keys(passages) as Name[]).find((key) => passages[key] === text);
      assert.ok(name, `unexpected passage: ${text}`);
      return { name, highlights: hit.snippet.highlights.map(({ start, end }) => hit.snippet.text.slice(start, end)) };
    });
  return { index, hitsOf };
}

describe('words of scripts written without spaces', () => {
  it('are cut into dictionary words, with spans on the original characters', () => {
    const text = '国民は、すべての基本的人権の享有を妨げられない。';
    const spans = termSpans(text);
    assert.deepEqual(spans.slice(4, 7).map((span) => span.term), ['基本', '的', '人権']);
    for (const span of spans) assert.equal(text.slice(span.start, span.end), span.term);
  });

  it('leave Latin words around them as they were', () => {
    // 東 is also the traditional Chinese form of 东: terms compare Han characters by their simplified forms.
    assert.deepEqual(termSpans('Tokyo東京タワーはS-400と missiles').map((span) => span.term), ['tokyo', '东京タワー', 'は', 's400', 'と', 'missile']);
  });

  it('Chinese: 自由 and 人权 find the constitution', () => {
    assert.ok(found('自由').includes('chineseSpeech'));
    assert.deepEqual(found('人权'), ['chineseRights']);
    assert.deepEqual(highlightsOf('自由', 'chineseSpeech'), ['自由']);
  });

  it('Japanese: 自由 finds …表現の自由は…, 自由民主党 and 自由化; 人権 finds 基本的人権', () => {
    const free = found('自由');
    for (const name of ['japaneseSpeech', 'japaneseParty', 'japaneseTrade', 'mixed'] as const) assert.ok(free.includes(name), `自由 should find ${name}: ${free.join(', ')}`);
    assert.deepEqual(found('人権'), ['japaneseRights']);
    assert.deepEqual(highlightsOf('人権', 'japaneseRights'), ['人権']);
  });

  it('highlight only the query word inside a longer dictionary word (自由 in 自由化)', () => {
    assert.deepEqual(highlightsOf('自由', 'japaneseTrade'), ['自由']);
    assert.deepEqual(highlightsOf('東京', 'mixed'), ['東京']);
  });

  it('a word that is a whole phrase ranks the passage with all its words first', () => {
    assert.equal(found('基本的人権')[0], 'japaneseRights');
    assert.deepEqual(found('"表現の自由"'), ['japaneseSpeech']);
    assert.deepEqual(found('"自由の表現"'), []);
  });

  it('Thai: เสรีภาพ (freedom) and ประเทศไทย (Thailand) find their sentences', () => {
    assert.deepEqual(found('เสรีภาพ'), ['thaiSpeech']);
    assert.deepEqual(highlightsOf('เสรีภาพ', 'thaiSpeech'), ['เสรีภาพ']);
    assert.deepEqual(found('ประเทศไทย'), ['thaiKingdom']);
  });

  it('do not find what is not there', () => {
    assert.deepEqual(found('憲法'), []);
    assert.deepEqual(found('人権').filter((name) => name.startsWith('chinese')), [], 'the traditional 権 is not the simplified 权');
    assert.deepEqual(found('政府'), []);
    assert.ok(!found('自由').includes('english'));
    assert.deepEqual(found('โรงเรียน'), []); // school
  });

  it('get no Latin-style typo matches (one letter off is another word)', () => {
    assert.deepEqual(termSpans('インタネット').map((span) => span.term), ['インタネット']);
    assert.deepEqual(found('インタネット'), [], 'one letter away from インターネット, but no typo match');
  });

  it('find a longer dictionary word by the word it contains (コンピュータ in コンピューター, ไทย in ประเทศไทย)', () => {
    assert.deepEqual(found('コンピュータ'), ['japaneseWeb']);
    assert.deepEqual(found('ไทย'), ['thaiKingdom']);
  });

  it('mixed Latin and CJK: each script finds the passage by its own words', () => {
    assert.ok(found('民主主義').includes('mixed'));
    assert.ok(found('Kishida').includes('mixed'));
    assert.deepEqual(highlightsOf('democracy 民主主義', 'mixed'), ['民主主義', 'democracy']);
    assert.deepEqual(found('freedom').sort(), ['english', 'mixed']);
  });
});

/**
 * The index reads Han and kana by overlapping pairs of characters, not by the segmenter (issue 16's
 * speed target); queries are still cut by the segmenter, and what a writer finds must not change:
 * a one-character word only where it is a word, a longer word only whole.
 */
describe('Han and kana in the index, by pairs of characters', () => {
  const pairPassages = {
    capitalCity: '北京市的天气很好。',
    capitalLove: '我爱北京天安门。',
    travel: '他从京到沪。',
    alone: '京。',
    internetSplit: 'インター、ターネットの話。',
    internet: 'インターネットの話。',
  };
  const { index: pairIndex, hitsOf } = namedPassageIndex('pairs.txt', pairPassages);

  it('a run becomes its overlapping pairs, a one-character run that character, with spans on the original text', () => {
    const text = '基本的人権の享有。京。S-400';
    const spans = termSpans(text, 'upper-case-only', 'pairs');
    assert.deepEqual(spans.map((span) => span.term), ['基本', '本的', '的人', '人権', '権の', 'の享', '享有', '京', 's400']);
    for (const span of spans.slice(0, 8)) assert.equal(text.slice(span.start, span.end), span.term);
  });

  it('a one-character query word finds the character only where the segmenter cuts it as a word (京 of 从京到, not of 北京市)', () => {
    const hits = hitsOf('京');
    assert.deepEqual(hits.map((hit) => hit.name).sort(), ['alone', 'travel']);
    assert.deepEqual(hits.find((hit) => hit.name === 'travel')?.highlights, ['京']);
  });

  it('a word longer than a pair is found only whole, not by its pairs standing apart', () => {
    const hits = hitsOf('インターネット');
    assert.deepEqual(hits.map((hit) => hit.name), ['internet']);
    assert.deepEqual(hits[0].highlights, ['インターネット']);
  });

  it('while the writer types, one character is the start of a word: 北 (search as you type) finds 北京', () => {
    const typed = pairIndex.search('北', { limit: 20, prefixLastWord: true }).map((hit) => pairIndex.passage(hit.passageId)!.text);
    assert.deepEqual(typed.sort(), [pairPassages.capitalCity, pairPassages.capitalLove].sort());
    assert.deepEqual(hitsOf('北'), [], 'once typed, 北 alone is no word of either passage');
  });

  it('a two-character word is one pair: 北京 finds both passages that write it, highlighted', () => {
    const hits = hitsOf('北京');
    assert.deepEqual(hits.map((hit) => hit.name).sort(), ['capitalCity', 'capitalLove']);
    for (const hit of hits) assert.deepEqual(hit.highlights, ['北京']);
  });

  it('what search remembers of a one-character word (its merged postings, the segmenter\'s answers) follows every change to the index', () => {
    const article = (id: string, text: string) => {
      const read = ingestFile({ uri: `file:///corpus/${id}.txt`, fileName: `${id}.txt`, bytes: new TextEncoder().encode(text) });
      assert.equal(read.kind, 'articles');
      return read.kind === 'articles' ? read.articles[0] : assert.fail('not read');
    };
    const city = article('city', '北京市。');
    const travel = article('travel', '从京到沪。');
    const alone = article('alone', '京。');
    const index = new PassageIndex();
    index.addArticles([city, travel]);
    const found = (query: string, prefixLastWord = false): string[] => index.search(query, { limit: 20, prefixLastWord }).map((hit) => index.passage(hit.passageId)!.text).sort();
    assert.deepEqual(found('京'), ['从京到沪。']);
    assert.deepEqual(found('京'), ['从京到沪。'], 'the same the second time, from what it remembers');
    assert.deepEqual(found('北', true), ['北京市。'], 'typed, 北 is the start of 北京: remembered apart from the word 北');
    index.addArticle(alone);
    assert.deepEqual(found('京'), ['京。', '从京到沪。'], 'an article added since');
    index.removeArticle(travel.id);
    assert.deepEqual(found('京'), ['京。'], 'an article removed since');
    // Without 北京市, the passages are renumbered when the index compacts: 从京到 takes the number
    // 北京市 had, with 京 at the same place, where the segmenter said "not a word" before.
    const renumbered = new PassageIndex();
    renumbered.addArticles([city, travel]);
    assert.deepEqual(renumbered.search('京', { limit: 20 }).map((hit) => renumbered.passage(hit.passageId)!.text), ['从京到沪。']);
    renumbered.removeArticle(city.id);
    renumbered.compact();
    const hits = renumbered.search('京', { limit: 20 });
    assert.deepEqual(hits.map((hit) => renumbered.passage(hit.passageId)!.text), ['从京到沪。']);
    assert.deepEqual(hits[0].snippet.highlights.map(({ start, end }) => hits[0].snippet.text.slice(start, end)), ['京']);
  });
});

/**
 * Search finds Han and kana query words in a passage of Han and kana by `indexOf` (issue 16's
 * speed), and cuts it into terms only where it also holds other words: both ways give the same
 * hits, highlights and order.
 */
describe('Han and kana query words in passages with and without Latin words', () => {
  const mixed = {
    plain: '我爱北京天安门，北京很大。',
    latin: 'NATO 的北京会议，S-400 和北京。',
    apart: '北京很大天安门。',
    together: '北京天安门很大。',
    traditional: '北京的國家圖書館。',
  };
  const { index, hitsOf } = namedPassageIndex('mixed.txt', mixed);

  it('a two-character word is found and highlighted at each place, in a passage with Latin words as in one without', () => {
    const hits = hitsOf('北京');
    assert.deepEqual(hits.map((hit) => hit.name).sort(), ['apart', 'latin', 'plain', 'together', 'traditional']);
    assert.deepEqual(hits.find((hit) => hit.name === 'latin')?.highlights, ['北京', '北京']);
    assert.deepEqual(hits.find((hit) => hit.name === 'plain')?.highlights, ['北京', '北京']);
  });

  it('a traditional query word finds the passage that writes it so, highlighted on its own characters', () => {
    assert.deepEqual(hitsOf('国家').map((hit) => [hit.name, hit.highlights]), [['traditional', ['國家']]]);
  });

  it('two words standing together rank above the same words apart in a passage as long (and indexed first)', () => {
    const names = hitsOf('北京 天安门').map((hit) => hit.name);
    assert.ok(names.indexOf('together') >= 0 && names.indexOf('together') < names.indexOf('apart'), names.join(', '));
  });
});

/**
 * Simplified and traditional Chinese are one (issue 16): a query in either form finds passages in
 * the other, highlighted on the passage's own characters, and Japanese text keeps its own forms.
 */
describe('simplified and traditional Chinese', () => {
  const variantPassages = {
    simplified: '这是国家尊重和保障人权的问题。',
    traditional: '這是國家尊重和保障人權的問題。',
    japanese: '国民は、すべての基本的人権の享有を妨げられない。',
  };
  const { index: variantIndex, hitsOf } = namedPassageIndex('variants.txt', variantPassages);

  it('a simplified query finds the traditional passage, highlighted as the passage writes it (人权 -> 人權)', () => {
    const hits = hitsOf('人权');
    assert.deepEqual(hits.map((hit) => hit.name).sort(), ['simplified', 'traditional']);
    assert.deepEqual(hits.find((hit) => hit.name === 'traditional')?.highlights, ['人權']);
  });

  it('a traditional query finds the simplified passage (國家 -> 国家, 問題 -> 问题, a phrase with 這)', () => {
    assert.deepEqual(hitsOf('國家').map((hit) => hit.name).sort(), ['simplified', 'traditional']);
    assert.deepEqual(hitsOf('"這是國家"').map((hit) => hit.name).sort(), ['simplified', 'traditional']);
    assert.deepEqual(hitsOf('問題').map((hit) => hit.name).sort(), ['simplified', 'traditional']);
  });

  it('the Japanese form 人権 stays its own word: neither 人权 nor 人權 finds it', () => {
    assert.deepEqual(hitsOf('人権').map((hit) => hit.name), ['japanese']);
    assert.ok(!hitsOf('人權').some((hit) => hit.name === 'japanese'));
  });
});
