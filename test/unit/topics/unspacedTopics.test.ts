import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../../../src/core/model';
import { ingestBytes, onlyArticle } from '../ingest/ingestTestSupport';
import { buildTopicCard } from '../../../src/core/present/topicCard';
import { termSpans } from '../../../src/core/search/searchTokens';
import { termRangeAt } from '../../../src/core/text/termAt';
import { buildTopics, type NameJoin } from '../../../src/core/topics/buildTopics';
import { normaliseTokens } from '../../../src/core/topics/normaliseTerm';
import { extractTopics, type AliasEntry } from '../../../src/core/topics/topicIndex';

/**
 * Topics named in Chinese and Japanese (issue 16): a writer maps `普京` to Vladimir Putin in the
 * alias file; the Chinese source's 普京 becomes a mention of Putin, and pointing at 普京 in a
 * Chinese draft sentence finds Putin, with runs of Han and kana cut by the segmenter the search
 * index uses.
 */
const chineseSummit = '俄罗斯总统普京12月6日访问新德里，与印度总理莫迪举行会谈。';
const chinesePartnership = '普京说，两国关系是特殊的战略伙伴关系。';
const chineseCapital = '北京市的天气很好。';
const japaneseSummit = 'プーチン大統領は12月6日にインドを訪問した。';

/** A source of one article, with its outlet and the summit's date. */
function article(fileName: string, text: string, outlet: string): Article {
  return onlyArticle(ingestBytes(fileName, new TextEncoder().encode(text), undefined, { outlet, date: '2021-12-06' }));
}

const articles = [
  article('xinhua.txt', `普京访问印度\n\n${chineseSummit}\n\n${chinesePartnership}\n\n${chineseCapital}\n`, 'Xinhua'),
  article('nhk.txt', `プーチン大統領\n\n${japaneseSummit}\n`, 'NHK'),
];
const entries: AliasEntry[] = [
  { name: 'Vladimir Putin', aliases: ['普京', 'プーチン'], hidden: false },
  { name: 'Narendra Modi', aliases: ['莫迪'], hidden: false },
  { name: 'Beijing', aliases: ['京'], hidden: false },
  { name: 'India', aliases: ['印度', 'インド'], hidden: false },
];
const topics = extractTopics(articles, { entries });
const passages = new Map(articles.flatMap((a) => a.passages).map((passage) => [passage.id, passage]));
const byId = new Map(articles.map((a) => [a.id, a]));
const cardSource = { article: (id: string) => byId.get(id), passage: (id: string) => passages.get(id) };
const topicNamed = (name: string) => topics.topics().find((topic) => topic.name === name);

describe('Topics named in Chinese and Japanese', () => {
  it('a run of Han characters is cut into the words the search index cuts', () => {
    const line = '普京总统访问印度';
    assert.deepEqual(normaliseTokens(line).map((token) => line.slice(token.start, token.end)), termSpans(line).map((span) => line.slice(span.start, span.end)));
  });

  it('an alias written in Han gives the topic its mentions in Chinese passages, and the katakana alias in the Japanese one', () => {
    const putin = topicNamed('Vladimir Putin');
    assert.ok(putin, topics.topics().map((topic) => topic.name).join(', '));
    const texts = putin.mentions.map((mention) => `${passages.get(mention.passageId)?.text.slice(mention.start, mention.end)} in ${passages.get(mention.passageId)?.text}`);
    assert.ok(texts.includes(`普京 in ${chineseSummit}`), texts.join('\n'));
    assert.ok(texts.includes(`普京 in ${chinesePartnership}`), texts.join('\n'));
    assert.ok(texts.includes(`プーチン in ${japaneseSummit}`), texts.join('\n'));
    assert.deepEqual(topicNamed('Narendra Modi')?.mentions.map((mention) => mention.surface), ['莫迪']);
  });

  it('a one-character name never matches a character inside another word (京 of 北京市, of 普京)', () => {
    assert.equal(topicNamed('Beijing'), undefined);
    assert.equal(topics.matchAt('北京市的天气很好。', 1), undefined);
    assert.equal(topics.matchAt('普京总统', 1)?.topic.name, 'Vladimir Putin');
  });

  it('pointing at 普京 in a Chinese draft sentence finds Putin, and the card cites the Chinese passage', () => {
    const line = '普京总统访问印度时，双方签署了多项协议。';
    for (const offset of [0, 1]) {
      const match = topics.matchAt(line, offset);
      assert.equal(match?.topic.name, 'Vladimir Putin', `offset ${offset}`);
      assert.equal(line.slice(match.start, match.end), '普京');
    }
    const match = topics.matchAt(line, 1)!;
    const card = buildTopicCard(match, cardSource, 3);
    assert.equal(card.name, 'Vladimir Putin');
    const cited = card.passages.map((passage) => `${passage.outlet}: ${passage.snippet.text}`);
    assert.ok(cited.some((text) => text.startsWith('Xinhua: ') && text.includes('普京12月6日访问新德里')), cited.join('\n'));
  });

  it('the longest name around the pointer wins, and the words beside it are their own topics', () => {
    const line = '普京总统访问印度';
    assert.equal(topics.matchAt(line, 6)?.topic.name, 'India', JSON.stringify(topics.topics().map((topic) => [topic.name, topic.mentions.length])));
    assert.equal(topics.matchAt(line, 4), undefined);
    assert.deepEqual(topics.findInText('莫迪会见普京。').map((match) => match.topic.name), ['Narendra Modi', 'Vladimir Putin']);
  });

  it('the term under the cursor in Japanese or Chinese is the segmenter’s word, not the whole run', () => {
    const at = (line: string, offset: number): string | undefined => {
      const range = termRangeAt(line, offset);
      return range && line.slice(range.start, range.end);
    };
    assert.equal(at('基本的人権を尊重する', 3), '人権');
    assert.equal(at('普京总统访问印度', 4), '访问');
    assert.equal(at('S-400 系统', 2), 'S-400');
  });
});

describe('Topics named in simplified and traditional Chinese', () => {
  const traditionalSummit = '習近平主席會見了來訪的印度總理莫迪。';
  const taiwanArticle = article('cna.txt', `習近平會見莫迪\n\n${traditionalSummit}\n`, 'CNA');
  const variantTopics = extractTopics([taiwanArticle], { entries: [{ name: 'Xi Jinping', aliases: ['习近平'], hidden: false }] });

  it('an alias in simplified characters gives the topic its mentions in a traditional passage, as written there', () => {
    const xi = variantTopics.topics().find((topic) => topic.name === 'Xi Jinping');
    assert.ok(xi, variantTopics.topics().map((topic) => topic.name).join(', '));
    assert.ok(xi.mentions.some((mention) => mention.surface === '習近平'), xi.mentions.map((mention) => mention.surface).join(', '));
  });

  it('pointing at the name in a draft in either form finds the topic', () => {
    assert.equal(variantTopics.matchAt('習近平說，雙方同意。', 1)?.topic.name, 'Xi Jinping');
    assert.equal(variantTopics.matchAt('习近平说，双方同意。', 1)?.topic.name, 'Xi Jinping');
  });
});

/**
 * Foreign people named in Chinese and Japanese text, found with no alias file: the full name as
 * these scripts write it, parts joined by a middle dot, and the surname alone joining it. The
 * sentences are ours, written like the news agencies' (Xinhua, NHK) reports of the summit.
 */
describe('people named with a middle dot in Chinese and Japanese', () => {
  const xinhua = article('xinhua-summit.txt', [
    '普京访问印度',
    '俄罗斯总统弗拉基米尔·普京12月6日抵达新德里，与印度总理纳伦德拉·莫迪举行会谈。普京说，两国关系很好。',
    '莫迪表示，印度重视与俄罗斯的伙伴关系。',
    '美国前总统乔治·布什和他的夫人劳拉·布什也曾访问印度。布什当时说，印度很重要。',
  ].join('\n\n'), 'Xinhua');
  const xinhuaLater = article('xinhua-later.txt', '中俄关系\n\n普京在会后表示，双方签署了多项协议。\n', 'Xinhua');
  const nhk = article('nhk-summit.txt', [
    'プーチン大統領がインド訪問',
    'ロシアのウラジーミル・プーチン大統領は6日、ニューデリーでインドのナレンドラ・モディ首相と会談した。プーチン氏は両国の協力を強調した。',
    'ニューヨーク・タイムズ紙によると、日本・米国・インドの首脳も歓迎した。',
  ].join('\n\n'), 'NHK');
  const found = extractTopics([xinhua, xinhuaLater, nhk], { entries: [] });
  const joins: NameJoin[] = [];
  buildTopics([xinhua, xinhuaLater, nhk], { entries: [] }, joins);
  const named = (name: string) => found.topics().find((topic) => topic.name === name);

  it('makes each dotted name a person, named as written whole, with the surname alone as its mentions too', () => {
    const putin = named('弗拉基米尔·普京');
    assert.ok(putin, found.topics().map((topic) => topic.name).join(', '));
    assert.equal(putin.kind, 'person');
    assert.deepEqual(putin.mentions.map((mention) => mention.surface).sort(), ['普京', '普京', '弗拉基米尔·普京'].sort());
    assert.deepEqual(putin.articleIds.sort(), [xinhua.id, xinhuaLater.id].sort());
    assert.deepEqual(named('纳伦德拉·莫迪')?.mentions.map((mention) => mention.surface).sort(), ['纳伦德拉·莫迪', '莫迪'].sort());
    assert.deepEqual(named('ウラジーミル・プーチン')?.mentions.map((mention) => mention.surface).sort(), ['ウラジーミル・プーチン', 'プーチン'].sort());
    assert.equal(named('ナレンドラ・モディ')?.kind, 'person');
  });

  it('a surname two people share joins neither, and names no topic of its own', () => {
    assert.ok(named('乔治·布什') && named('劳拉·布什'));
    assert.equal(found.topics().some((topic) => topic.name === '布什'), false);
    assert.ok(joins.some((join) => join.rule === 'apart' && join.from === '布 什'), JSON.stringify(joins));
    assert.deepEqual(named('乔治·布什')!.mentions.map((mention) => mention.surface), ['乔治·布什']);
  });

  it('leaves out what the dot also joins: in Japanese a newspaper\'s name and a list of countries, in Chinese places', () => {
    const names = found.topics().map((topic) => topic.name);
    assert.equal(names.some((name) => name.includes('タイムズ')), false, names.join(', '));
    assert.equal(names.some((name) => name.includes('米国')), false, names.join(', '));
    const places = extractTopics([article('expo.txt', '2021中国·北京国际服务贸易交易会开幕。\n\n北京·上海·广州三地同时举行活动。\n', 'Xinhua')], { entries: [] });
    assert.deepEqual(places.topics().filter((topic) => /[·]/.test(topic.name)).map((topic) => topic.name), []);
  });

  it('finds the names of the news however the segmenter cuts them, each part whole: titles, places and the words around stay out', () => {
    const sentences = [
      ['会见了约翰·肯尼迪。', '约翰·肯尼迪'],
      ['美国国务卿安东尼·布林肯表示', '安东尼·布林肯'],
      ['俄外长谢尔盖·拉夫罗夫说', '谢尔盖·拉夫罗夫'],
      ['印度外长苏布拉马尼亚姆·苏杰生在会上', '苏布拉马尼亚姆·苏杰生'],
      ['英国首相鲍里斯·约翰逊', '鲍里斯·约翰逊'],
      ['法国总统埃马纽埃尔·马克龙抵达', '埃马纽埃尔·马克龙'],
      ['德国总理奥拉夫·朔尔茨和', '奥拉夫·朔尔茨'],
      ['美总统约瑟夫·罗比内特·拜登表示', '约瑟夫·罗比内特·拜登'],
    ];
    for (const [sentence, name] of sentences) {
      const topics = extractTopics([article('names.txt', `新闻\n\n${sentence}\n`, 'Xinhua')], { entries: [] }).topics();
      assert.deepEqual(topics.filter((topic) => topic.kind === 'person').map((topic) => topic.name), [name], sentence);
    }
  });

  it('a draft sentence that names the surname alone points at the person', () => {
    const line = '草稿：普京将访问印度。';
    assert.equal(found.matchAt(line, line.indexOf('普京') + 1)?.topic.name, '弗拉基米尔·普京');
    const japanese = '下書き：プーチン氏が来る。';
    assert.equal(found.matchAt(japanese, japanese.indexOf('プーチン') + 2)?.topic.name, 'ウラジーミル・プーチン');
  });
});

/**
 * A foreign person as Chinese and Japanese news name them the first time: the name in Han or
 * katakana, then the Latin spelling in brackets (our own sentences, written as Xinhua, CNA and NHK
 * write them). The name joins the topic of the Latin spelling, so an English source's person and
 * the Chinese and Japanese spellings are one topic, with no alias file.
 */
describe('a name followed by its Latin spelling in brackets joins that person', () => {
  const xinhua = article('xinhua-blinken.txt', [
    '美印外长会谈',
    '美国国务卿布林肯（Antony Blinken）12月6日在新德里会见印度外长苏杰生（S. Jaishankar），双方讨论了地区安全问题。',
    '布林肯说，美国重视与印度的伙伴关系。苏杰生表示，两国将继续对话。',
    '据《纽约时报》（The New York Times）报道，纽约（New York）的天气很好。',
  ].join('\n\n'), 'Xinhua');
  const nhk = article('nhk-blinken.txt', 'ブリンケン長官が来日\n\nブリンケン(Antony Blinken)国務長官は6日、東京で会談した。ブリンケン氏は協力を強調した。\n', 'NHK');
  const ap = article('ap-blinken.txt', 'Blinken in Delhi\n\nSecretary of State Antony Blinken met S. Jaishankar in New Delhi on Monday.\n', 'Associated Press');
  const joins: NameJoin[] = [];
  buildTopics([xinhua, nhk, ap], { entries: [] }, joins);
  const found = extractTopics([xinhua, nhk, ap], { entries: [] });
  const named = (name: string) => found.topics().find((topic) => topic.name === name);
  const surfacesIn = (name: string, articleId: string) => (named(name)?.mentions ?? []).filter((mention) => mention.articleId === articleId).map((mention) => mention.surface).sort();

  it('the Chinese and the Japanese spelling are mentions of the person the English source names, in all three sources', () => {
    const blinken = named('Antony Blinken');
    assert.ok(blinken, found.topics().map((topic) => topic.name).join(', '));
    assert.equal(blinken.kind, 'person');
    assert.deepEqual(blinken.articleIds.sort(), [ap.id, nhk.id, xinhua.id].sort());
    assert.deepEqual(surfacesIn('Antony Blinken', xinhua.id), ['Antony Blinken', '布林肯', '布林肯']);
    assert.deepEqual(surfacesIn('Antony Blinken', nhk.id), ['Antony Blinken', 'ブリンケン', 'ブリンケン']);
    assert.deepEqual(surfacesIn('Antony Blinken', ap.id), ['Antony Blinken']);
    assert.ok(joins.some((join) => join.rule === 'gloss' && join.from === '布 林肯' && join.to === 'antony blinken'), JSON.stringify(joins));
  });

  it('a spelling with an initial works too, and no topic is named in Han or katakana', () => {
    assert.deepEqual(surfacesIn('S. Jaishankar', xinhua.id), ['S. Jaishankar', '苏杰生', '苏杰生']);
    assert.deepEqual(surfacesIn('S. Jaishankar', ap.id), ['S. Jaishankar']);
    const names = found.topics().map((topic) => topic.name);
    assert.equal(names.some((name) => /[\p{Script=Han}\p{Script=Katakana}]/u.test(name)), false, names.join(', '));
  });

  it('a place or a paper in brackets joins nothing: a Han name joins only a person', () => {
    const newYork = named('New York');
    assert.ok(newYork, found.topics().map((topic) => topic.name).join(', '));
    assert.equal(newYork.mentions.some((mention) => mention.surface === '纽约'), false, newYork.mentions.map((mention) => mention.surface).join(', '));
    assert.equal(found.topics().some((topic) => topic.mentions.some((mention) => mention.surface === '时报' || mention.surface === '纽约')), false);
  });

  it('pointing at the Han or katakana name in a draft finds the person', () => {
    const chinese = '草稿：布林肯将再次访问新德里。';
    assert.equal(found.matchAt(chinese, chinese.indexOf('布林肯') + 1)?.topic.name, 'Antony Blinken');
    const japanese = '下書き：ブリンケン氏が来る。';
    assert.equal(found.matchAt(japanese, japanese.indexOf('ブリンケン') + 2)?.topic.name, 'Antony Blinken');
  });

  it('a dotted name with its Latin spelling joins that person, with its surname alone', () => {
    const dotted = article('cna-blinken.txt', '布林肯訪印\n\n美国国务卿安东尼·布林肯（Antony Blinken）抵达新德里。布林肯说，会谈很好。\n', 'CNA');
    const topics = extractTopics([dotted, ap], { entries: [] });
    const blinken = topics.topics().find((topic) => topic.name === 'Antony Blinken');
    assert.ok(blinken, topics.topics().map((topic) => topic.name).join(', '));
    assert.deepEqual(blinken.mentions.filter((mention) => mention.articleId === dotted.id).map((mention) => mention.surface).sort(), ['Antony Blinken', '安东尼·布林肯', '布林肯'].sort());
    assert.equal(topics.topics().some((topic) => topic.name === '安东尼·布林肯'), false);
  });

  it('one Han name before the spellings of two people stays apart and names no topic', () => {
    const bushes = article('bush.txt', '布什夫妇\n\n美国前总统布什（George Bush）和夫人布什（Laura Bush）访问印度。\n\nGeorge Bush said so. Laura Bush said so too.\n', 'Xinhua');
    const localJoins: NameJoin[] = [];
    const built = buildTopics([bushes], { entries: [] }, localJoins);
    assert.equal(built.topics.some((topic) => topic.aliases?.includes('布什') || topic.name === '布什'), false, built.topics.map((topic) => `${topic.name} [${topic.aliases?.join(', ')}]`).join('; '));
    assert.ok(localJoins.some((join) => join.rule === 'apart' && join.from === '布 什'), JSON.stringify(localJoins));
  });
});
