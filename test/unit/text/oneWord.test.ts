import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Passage } from '../../../src/core/model';
import { buildFigureGroups } from '../../../src/core/figures/compareSources';
import { DraftFigureChecker } from '../../../src/core/figures/draftFigures';
import { extractFigures } from '../../../src/core/figures/extractFigures';
import { buildTopicCard } from '../../../src/core/present/topicCard';
import { QuotationIndex } from '../../../src/core/quotes/quotationIndex';
import { PassageIndex } from '../../../src/core/search/passageIndex';
import { termRangeAt } from '../../../src/core/text/termAt';
import { extractTopics, type TopicIndex } from '../../../src/core/topics/topicIndex';

/**
 * One notion of a word: a source passage written with a variant character (a non-breaking
 * hyphen, a soft hyphen, a full-width digit, a Cyrillic look-alike...) is read the same way by
 * Search Sources, the topic index and its hover card, the quote check and the figure check.
 */

function article(id: string, outlet: string, texts: string[], date?: string): Article {
  const passages: Passage[] = texts.map((text, ordinal) => ({
    id: `${id}#${ordinal}`, articleId: id, ordinal, text, range: { startLine: ordinal, startCharacter: 0, endLine: ordinal, endCharacter: text.length },
  }));
  return { id, sourceUri: `file:///sources/${id}.txt`, format: 'txt', meta: { title: `${outlet} story`, outlet, ...(date ? { date } : {}) }, passages, droppedLines: [] };
}

/** Two sources that write every word plainly, so the topics S-400 and Jaishankar exist whatever the variant. */
const plainSources = [
  article('rfi', 'RFI', [
    'India took delivery of the S-400 missile system from Russia, Foreign Minister Subrahmanyam Jaishankar said.',
    'Jaishankar met Sergey Lavrov in Moscow to discuss the S-400 deliveries.',
  ]),
  article('n18', 'News18', ['The S-400 air defence system is Russian. Jaishankar praised the deal.', 'Vladimir Putin visited New Delhi and met Narendra Modi.']),
];

interface Spelling {
  code: string;
  name: string;
  percent: string;
}

function passageText({ code, name, percent }: Spelling): string {
  return `India took delivery of the ${code} missile system, ${name} said; Russia supplies ${percent} of its arms.`;
}

const plain: Spelling = { code: 'S-400', name: 'Jaishankar', percent: '60%' };

/** Every row writes the same passage with variant characters; every reader must see the plain words. */
const variants: Array<{ label: string; spelling: Spelling }> = [
  ...[
    ['U+2010 hyphen', '\u2010'], ['U+2011 non-breaking hyphen', '\u2011'], ['U+2012 figure dash', '\u2012'], ['U+2013 en dash', '\u2013'],
    ['U+2212 minus sign', '\u2212'], ['U+FE63 small hyphen-minus', '\ufe63'], ['U+FF0D full-width hyphen-minus', '\uff0d'],
  ].map(([label, dash]) => ({ label: `${label} in a code`, spelling: { ...plain, code: `S${dash}400` } })),
  ...[
    ['U+00AD soft hyphen', '\u00ad'], ['U+200B zero-width space', '\u200b'], ['U+200C zero-width non-joiner', '\u200c'],
    ['U+200D zero-width joiner', '\u200d'], ['U+2060 word joiner', '\u2060'], ['U+FEFF byte order mark', '\ufeff'],
    ['U+200E left-to-right mark', '\u200e'], ['U+202C pop directional formatting', '\u202c'], ['U+2069 pop directional isolate', '\u2069'],
  ].map(([label, invisible]) => ({
    label: `${label} inside a name, a code and a number`,
    spelling: { code: `S-${invisible}400`, name: `Jaishan${invisible}kar`, percent: `6${invisible}0%` },
  })),
  { label: 'full-width letters and digits', spelling: { code: '\uff33\uff0d\uff14\uff10\uff10', name: '\uff2a\uff41\uff49\uff53\uff48\uff41\uff4e\uff4b\uff41\uff52', percent: '\uff16\uff10\uff05' } },
  { label: 'mathematical bold letters and digits', spelling: { ...plain, code: '\ud835\udc12-\ud835\udfd2\ud835\udfce\ud835\udfce' } },
  { label: 'a Cyrillic \u0421 in a code and a Cyrillic \u0430 in a Latin name', spelling: { ...plain, code: '\u0421-400', name: 'J\u0430ishankar' } },
  { label: 'a Greek \u03b9 in a Latin name', spelling: { ...plain, name: 'Ja\u03b9shankar' } },
];

function highlightedWords(index: PassageIndex, query: string, passageId: string): string[] | undefined {
  const hit = index.search(query, { limit: 20 }).find((candidate) => candidate.passageId === passageId);
  return hit?.snippet.highlights.map(({ start, end }) => hit.snippet.text.slice(start, end));
}

function cardAt(topics: TopicIndex, articles: readonly Article[], line: string, offset: number): { name: string; term: string; quality: string; passages: string[] } | undefined {
  const match = topics.matchAt(line, offset);
  if (!match) return undefined;
  const passages = new Map(articles.flatMap((a) => a.passages).map((p) => [p.id, p]));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const card = buildTopicCard(match, { article: (id) => byId.get(id), passage: (id) => passages.get(id) }, 10);
  return { name: card.name, term: line.slice(match.start, match.end), quality: card.matchQuality, passages: card.passages.map((passage) => passage.passageId) };
}

describe('one notion of a word: every reader agrees on a passage written with variant characters', () => {
  for (const { label, spelling } of variants) {
    it(label, () => {
      const text = passageText(spelling);
      const articles = [...plainSources, article('variant', 'Variant', [text])];
      const passageId = 'variant#0';

      const search = new PassageIndex();
      for (const source of articles) search.addArticle(source);
      assert.deepEqual(highlightedWords(search, 'S-400', passageId), [spelling.code], 'Search Sources for S-400 highlights the code as the source wrote it');
      assert.deepEqual(highlightedWords(search, 'Jaishankar', passageId), [spelling.name]);
      assert.deepEqual(highlightedWords(search, '60%', passageId), [spelling.percent.replace(/[%\uff05]$/, '')]);

      const topics = extractTopics(articles, { entries: [] });
      const s400 = topics.lookup('S-400', 1)[0]?.topic;
      assert.equal(s400?.name, 'S-400');
      assert.ok(s400.mentions.some((mention) => mention.passageId === passageId && mention.surface === spelling.code), 'the passage is a mention of S-400');
      const jaishankar = topics.lookup('Jaishankar', 1)[0]?.topic;
      assert.ok(jaishankar?.mentions.some((mention) => mention.passageId === passageId && mention.surface === spelling.name));

      const draft = `Our piece: ${text}`;
      const codeCard = cardAt(topics, articles, draft, draft.indexOf(spelling.code) + 1);
      assert.equal(codeCard?.name, 'S-400', 'hovering the code in a draft that copies the source shows the S-400 card');
      assert.equal(codeCard.term, spelling.code);
      assert.equal(codeCard.quality, 'exact', 'a spelling a source used is an exact match');
      assert.ok(codeCard.passages.includes(passageId));
      const nameCard = cardAt(topics, articles, draft, draft.indexOf(spelling.name) + spelling.name.length - 1);
      assert.equal(nameCard?.name, 'Subrahmanyam Jaishankar');
      assert.equal(nameCard.term, spelling.name);
      assert.equal(nameCard.quality, 'exact');

      const quotes = new QuotationIndex(articles.flatMap((source) => source.passages));
      const check = quotes.check(passageText(plain));
      assert.equal(check.verdict, 'verbatim', 'the plain quote is the source, word for word');
      assert.equal(check.passageId, passageId);
      assert.equal(check.sourceText, text.slice(0, -1), 'the quick fix gives the source characters');

      const figures = extractFigures(articles[2].passages[0]);
      assert.deepEqual(figures.map((figure) => [figure.kind, figure.value, figure.span.text]), [['percent', 60, spelling.percent]], 'one figure, 60%, and no figure in the code');
    });
  }
});

describe('one notion of a word: what does not join or fold', () => {
  const articles = [
    ...plainSources,
    article('ru', 'TASS', ['\u041f\u0443\u0442\u0438\u043d \u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0441\u044f \u0441 \u041c\u043e\u0434\u0438. \u0421\u0421\u0421\u0420 \u0438 \u0421\u0443-57.']),
    article('dash', 'Dash', ['The S\u2014400 figure came up \u2013 twice \u2013 in the talks.']),
  ];
  const search = new PassageIndex();
  for (const source of articles) search.addArticle(source);
  const topics = extractTopics(articles, { entries: [] });

  it('a Cyrillic word stays Cyrillic: Путин is not Putin, СССР is not CCCP', () => {
    assert.deepEqual(search.search('Putin', { transliterate: false }).map((hit) => hit.passageId), ['n18#1']);
    assert.deepEqual(
      search.search('Putin').map((hit) => [hit.passageId, hit.transliterated === true]),
      [['n18#1', false], ['ru#0', true]],
      'the Cyrillic passage comes only as a transliteration, after the Latin one',
    );
    assert.deepEqual(highlightedWords(search, '\u041f\u0443\u0442\u0438\u043d', 'ru#0'), ['\u041f\u0443\u0442\u0438\u043d']);
    assert.deepEqual(search.search('CCCP'), []);
    assert.deepEqual(highlightedWords(search, '\u0421\u0421\u0421\u0420', 'ru#0'), ['\u0421\u0421\u0421\u0420']);
    const line = '\u041f\u0443\u0442\u0438\u043d said so.';
    assert.equal(topics.matchAt(line, 2)?.topic.name, undefined, 'no card for Putin on a Cyrillic word');
  });

  it('a short Cyrillic code with digits reads as the press writes it: Су-57 is Su-57', () => {
    assert.deepEqual(highlightedWords(search, 'Su-57', 'ru#0'), ['\u0421\u0443-57']);
  });

  it('an em dash never joins words, and a spaced en dash is a clause dash', () => {
    assert.equal(highlightedWords(search, '"S-400"', 'dash#0'), undefined, 'S—400 is not the code S-400');
    assert.deepEqual(highlightedWords(search, 'twice', 'dash#0'), ['twice']);
  });
});

describe('one notion of a word: the sign of a number', () => {
  const sources = [
    article('a', 'RFI', ['India\u2019s defence exports to Vietnam grew 5% in 2023, the defence ministry said.'], '2024-01-10'),
    article('b', 'News18', ['Defence exports from India to Vietnam grew 5% in 2023, according to the defence ministry.'], '2024-01-12'),
  ];
  const checker = new DraftFigureChecker(buildFigureGroups(sources));

  for (const [label, figure, verdict] of [
    ['the same figure', '5%', 'agree'],
    ['a hyphen-minus', '-5%', 'contradiction'],
    ['a minus sign U+2212', '\u22125%', 'contradiction'],
    ['an en dash used as a minus', '\u20135%', 'contradiction'],
    ['a minus in brackets', '(-5%)', 'contradiction'],
  ] as const) {
    it(`${figure} in the draft against 5% in the sources (${label}): ${verdict}`, () => {
      const draft = `India\u2019s defence exports to Vietnam grew ${figure} in 2023.`;
      const [match] = checker.matches(draft);
      assert.ok(match, 'the draft figure is about what the sources measure');
      assert.equal(match.figure.span.text, figure.replace(/[()]/g, ''), 'the figure as the writer wrote it, sign included');
      assert.deepEqual(match.verdicts.map((entry) => entry.verdict), [verdict, verdict]);
    });
  }

  it('a quote with -5% is not the source that says 5%', () => {
    const quotes = new QuotationIndex(sources.flatMap((source) => source.passages));
    assert.notEqual(quotes.check('Defence exports from India to Vietnam grew -5% in 2023').verdict, 'verbatim');
    assert.equal(quotes.check('Defence exports from India to Vietnam grew 5% in 2023').verdict, 'verbatim');
  });

  it('hyphens that join are no signs: S-400, 2019-2020 and 10-year', () => {
    const figures = extractFigures(article('c', 'C', ['The S-400 deal of 2019-2020 runs for 10-year terms.']).passages[0]);
    assert.ok(figures.every((figure) => figure.value >= 0), JSON.stringify(figures.map((figure) => figure.span.text)));
  });
});

describe('one notion of a word: the term under the cursor', () => {
  for (const [line, cursorAt, term] of [
    ['We hear the S\u2011400 deliveries began.', 'S\u2011', 'S\u2011400'],
    ['We hear the S\u2013400 deliveries began.', '400', 'S\u2013400'],
    ['Jaishan\u00adkar said so.', 'kar', 'Jaishan\u00adkar'],
    ['Putin\u2019s visit', 'Put', 'Putin\u2019s'],
    ['The 2+2 dialogue', '2+', '2+2'],
    ['\uff33\uff0d\uff14\uff10\uff10 again', '\uff14', '\uff33\uff0d\uff14\uff10\uff10'],
  ] as const) {
    it(`${JSON.stringify(line)}: the cursor on ${JSON.stringify(cursorAt)} is on ${JSON.stringify(term)}`, () => {
      const range = termRangeAt(line, line.indexOf(cursorAt) + 1);
      assert.ok(range);
      assert.equal(line.slice(range.start, range.end), term);
    });
  }

  it('the cursor right after a term is on it; on a space between words, on none', () => {
    const line = 'The S\u2011400 system';
    const range = termRangeAt(line, line.indexOf(' system'));
    assert.equal(range && line.slice(range.start, range.end), 'S\u2011400');
    assert.equal(termRangeAt('a  b', 2), undefined);
  });
});
