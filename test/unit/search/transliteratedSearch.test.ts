import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import type { Article, SearchHit } from '../../../src/core/model';
import { buildTopicCard } from '../../../src/core/present/topicCard';
import type { PassageIndex } from '../../../src/core/search/passageIndex';
import { PassageIndex as Index } from '../../../src/core/search/passageIndex';
import { deserializePassageIndex, serializePassageIndex } from '../../../src/core/search/passageIndexPersistence';
import { termSpans } from '../../../src/core/search/searchTokens';
import { STOP_WORDS } from '../../../src/core/topics/englishWords';
import { extractTopics } from '../../../src/core/topics/topicIndex';
import { englishNote, englishPassage, russianBriefing, russianPassages } from '../../fixtures/transliteration/transliterationSources';
import { bundledIndex } from './bundledCorpus';

function read(fileName: string, text: string): Article[] {
  const outcome = ingestFile({ uri: `file:///sources/${fileName}`, fileName, bytes: new TextEncoder().encode(text) });
  assert.equal(outcome.kind, 'articles');
  return outcome.kind === 'articles' ? outcome.articles : [];
}

const articles = [...read('kremlin-briefing.md', russianBriefing), ...read('summit-notes.md', englishNote)];
const passagesById = new Map(articles.flatMap((article) => article.passages).map((passage) => [passage.id, passage]));
const articlesById = new Map(articles.map((article) => [article.id, article]));
const index = new Index();
index.addArticles(articles);

/** What the search list shows: each hit's passage, whether it is labelled transliterated, and its highlighted words. */
function shown(hits: SearchHit[]): Array<[string, boolean, string[]]> {
  return hits.map((hit) => [
    passagesById.get(hit.passageId)!.text,
    hit.transliterated === true,
    hit.snippet.highlights.map(({ start, end }) => hit.snippet.text.slice(start, end)),
  ]);
}

function search(query: string, asYouType = false, within: PassageIndex = index): Array<[string, boolean, string[]]> {
  return shown(within.search(query, { prefixLastWord: asYouType }));
}

describe('Search Sources across scripts: a Latin query finds its transliteration', () => {
  it('the fixture reads as one passage per paragraph', () => {
    assert.deepEqual(articles.flatMap((article) => article.passages.map((passage) => passage.text)), [...Object.values(russianPassages), englishPassage]);
  });

  it('Putin finds the English passage as written first, then the Cyrillic Путин, labelled', () => {
    assert.deepEqual(search('Putin'), [
      [englishPassage, false, ['Putin']],
      [russianPassages.putin, true, ['Путин']],
    ]);
  });

  it('Lavrov finds Лавров, Moskva finds Москва, Sergei Lavrov finds both words', () => {
    assert.deepEqual(search('Lavrov'), [[russianPassages.lavrov, true, ['Лавров']]]);
    assert.deepEqual(search('Moskva'), [[russianPassages.moscow, true, ['Москва']]]);
    assert.deepEqual(search('Sergei Lavrov')[0], [russianPassages.lavrov, true, ['Сергей', 'Лавров']]);
  });

  it('while typing, the last word also matches the beginning of a transliteration (Lavro: Лавров, Лаврова)', () => {
    const found = search('Lavro', true);
    assert.deepEqual(new Set(found.map(([text]) => text)), new Set([russianPassages.lavrov, russianPassages.moscow]));
    assert.ok(found.every(([, transliterated]) => transliterated));
    assert.deepEqual(search('Lavro', false), [], 'a finished word is a whole word');
  });

  it('S-400 finds the Cyrillic С-400 as written (a code folds to Latin), not labelled', () => {
    for (const query of ['S-400', 'S400', 's 400']) {
      assert.deepEqual(new Set(search(query).map(([text, transliterated, words]) => `${transliterated} ${words.join()} ${text}`)), new Set([
        `false С-400 ${russianPassages.putin}`,
        `false С-400 ${russianPassages.lavrov}`,
      ]), query);
    }
  });

  it('precision: no typo of a transliteration, no short words, no quoted phrase, a transliteration only when asked', () => {
    assert.deepEqual(search('Lavrob'), [], 'one letter off is not Лавров');
    assert.deepEqual(search('Putn'), []);
    assert.deepEqual(search('Moscow'), [], 'a translation is not a transliteration');
    assert.deepEqual(search('"Putin"'), [[englishPassage, false, ['Putin']]], 'a quoted phrase is exact');
    assert.deepEqual(shown(index.search('Putin', { transliterate: false })), [[englishPassage, false, ['Putin']]]);
    const withShortWords = new Index();
    withShortWords.addArticles(read('short.txt', 'Он сказал, что и но не на море.'));
    for (const query of ['on', 'no', 'ne', 'na', 'i']) assert.deepEqual(withShortWords.search(query), [], query);
    assert.deepEqual(withShortWords.search('more', { notTransliterated: STOP_WORDS }), [], 'Search Sources never transliterates an English function word');
    assert.equal(withShortWords.search('skazal')[0]?.transliterated, true, 'a word of four letters or more that is not an English function word does');
  });

  it('a transliterated hit never takes the place of a hit as written', () => {
    const hits = index.search('Putin Lavrov', { limit: 2 });
    assert.deepEqual(shown(hits).map(([text, transliterated]) => [text, transliterated]), [
      [englishPassage, false],
      [hits[1] && passagesById.get(hits[1].passageId)!.text, true],
    ]);
    assert.deepEqual(shown(index.search('Putin', { limit: 1 })), [[englishPassage, false, ['Putin']]]);
  });

  it('Greek and Devanagari names are found from their Latin spelling too', () => {
    const scripts = new Index();
    const greek = 'Ο πρωθυπουργός επισκέφθηκε την Αθήνα χθες.';
    const hindi = 'प्रधानमंत्री मोदी ने पुतिन से मुलाकात की।';
    scripts.addArticles(read('scripts.txt', [greek, hindi].join('\n\n')));
    const found = (query: string) =>
      scripts.search(query).map((hit) => [scripts.passage(hit.passageId)!.text, hit.transliterated === true, hit.snippet.highlights.map(({ start, end }) => hit.snippet.text.slice(start, end))]);
    assert.deepEqual(found('Athina'), [[greek, true, ['Αθήνα']]]);
    assert.deepEqual(found('Modi'), [[hindi, true, ['मोदी']]]);
    assert.deepEqual(found('Putin'), [[hindi, true, ['पुतिन']]]);
  });

  it('an index restored from its cache finds transliterations too', () => {
    const restored = deserializePassageIndex(serializePassageIndex(index));
    assert.ok(restored instanceof Index);
    assert.deepEqual(search('Putin', false, restored), search('Putin'));
    assert.deepEqual(search('Lavrov', false, restored), search('Lavrov'));
  });
});

describe('hover cards across scripts', () => {
  const topics = extractTopics(articles, { entries: [] });
  const source = { article: (id: string) => articlesById.get(id), passage: (id: string) => passagesById.get(id) };

  function card(line: string, word: string) {
    const match = topics.matchAt(line, line.indexOf(word) + 1);
    if (!match) return undefined;
    const built = buildTopicCard(match, source, 3, line.slice(match.start, match.end), match.quality === 'transliterated' ? [] : topics.transliterationsAt(line, match));
    return {
      name: built.name,
      quality: built.matchQuality,
      transliteratedFrom: built.transliteratedFrom,
      passages: built.passages.map((passage) => [passagesById.get(passage.passageId)!.text, passage.transliterated === true]),
    };
  }

  it('Lavrov, whose only mentions are Cyrillic, gets the card of Сергей Лавров, labelled transliterated', () => {
    assert.deepEqual(card('We asked Lavrov about it.', 'Lavrov'), {
      name: 'Сергей Лавров',
      quality: 'transliterated',
      transliteratedFrom: 'Lavrov',
      passages: [[russianPassages.lavrov, true]],
    });
    assert.equal(card('Then Sergei Lavrov spoke.', 'Sergei')?.name, 'Сергей Лавров');
  });

  it('Putin gets the card of the Latin topic, and the Cyrillic passage after its own, labelled', () => {
    assert.deepEqual(card('Putin arrived on Monday.', 'Putin'), {
      name: 'Putin',
      quality: 'exact',
      transliteratedFrom: undefined,
      passages: [[englishPassage, false], [russianPassages.putin, true]],
    });
  });

  it('Go to Topic and the Topics filter: Lavrov, Sergei Lavrov and the unfinished Lavr name Сергей Лавров; a typo, a short word or a translation none', () => {
    const names = (query: string, unfinished = false) => topics.topicsTransliteratedFrom(query, unfinished).map((topic) => topic.name);
    assert.deepEqual(names('Lavrov'), ['Сергей Лавров']);
    assert.deepEqual(names('Sergei Lavrov'), ['Сергей Лавров']);
    assert.deepEqual(names('lavrov'), ['Сергей Лавров'], 'a filter is not case-sensitive');
    assert.deepEqual(names('Lavr', true), ['Лаврова', 'Сергей Лавров'], 'the beginning of Лавров and of its genitive Лаврова, which the extraction keeps as a topic');
    assert.deepEqual(names('Lavr'), [], 'a finished word is a whole word');
    assert.deepEqual(names('Lav', true), [], 'fewer than four letters name nothing');
    assert.deepEqual(names('Lavrob'), []);
    assert.deepEqual(names('Moscow'), []);
    assert.deepEqual(names('Lavrov Putin'), [], 'words of two names are not one name');
    assert.ok(names('Putin').includes('Владимир Путин'));
  });

  it('no card for a lower-case word, a typo of a transliteration or a translation', () => {
    assert.equal(card('the lavrov question', 'lavrov'), undefined);
    assert.equal(card('We asked Lavrob about it.', 'Lavrob'), undefined);
    assert.equal(card('We flew to Moscow.', 'Moscow'), undefined);
  });
});

describe('the bundled English corpus: transliteration changes nothing', () => {
  const { index: bundled, articles: bundledArticles } = bundledIndex();

  it('every search gives the same results with and without transliteration keys', () => {
    const words = new Set<string>();
    for (const article of bundledArticles) {
      for (const passage of article.passages) for (const { start, end } of termSpans(passage.text)) words.add(passage.text.slice(start, end));
    }
    const queries = [...words].filter((_, position) => position % 3 === 0);
    queries.push('Putin Modi summit', 'S-400', 'Lavrov', 'Jaishankar', 'Afganistan', 'Moskva', 'Rossiya', 'Indiya');
    let compared = 0;
    for (const query of queries) {
      for (const asYouType of [false, true]) {
        const plain = bundled.search(query, { prefixLastWord: asYouType, transliterate: false });
        const transliterating = bundled.search(query, { prefixLastWord: asYouType });
        assert.deepEqual(transliterating, plain, query);
        compared++;
      }
    }
    assert.ok(compared > 500, `compared ${compared} searches`);
  });

  it('no hover match is a transliteration: the draft and every topic name find what they found before', () => {
    const topics = extractTopics(bundledArticles, { entries: [] });
    for (const topic of topics.topics()) assert.deepEqual(topics.topicsTransliteratedFrom(topic.name, true), [], topic.name);
    const draftLines = [...topics.topics().map((topic) => `About ${topic.name} today.`)];
    for (const line of draftLines) {
      for (const match of topics.findInText(line)) {
        assert.notEqual(match.quality, 'transliterated', line);
        assert.deepEqual(topics.transliterationsAt(line, match), [], line);
      }
    }
  });
});
