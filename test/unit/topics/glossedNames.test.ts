import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../../../src/core/model';
import { ingestBytes, onlyArticle } from '../ingest/ingestTestSupport';
import { buildTopics, type NameJoin } from '../../../src/core/topics/buildTopics';
import { extractTopics } from '../../../src/core/topics/topicIndex';

/**
 * A foreign person in a script without capitals but with spaces (Arabic, Hebrew, Devanagari), written
 * the first time with the Latin spelling in brackets, as Al Jazeera, Haaretz and BBC Hindi write
 * them. The sentences are ours. The words before the brackets, as many as the Latin spelling has,
 * join that person's topic, and so does the last of them alone, which the text then uses; no alias
 * file. (The Chinese and Japanese cases are in unspacedTopics.test.ts.)
 */
/** A source of one article, with its outlet and the summit's date. */
function article(fileName: string, text: string, outlet: string): Article {
  return onlyArticle(ingestBytes(fileName, new TextEncoder().encode(text), undefined, { outlet, date: '2021-12-06' }));
}

const arabicVisit = 'التقى وزير الخارجية الأمريكي أنتوني بلينكن (Antony Blinken) نظيره الهندي في نيودلهي يوم الاثنين.';
const arabicSaid = 'وقال بلينكن إن المحادثات كانت مفيدة، وإن البلدين سيواصلان الحوار.';
const arabicCity = 'وزار الوفد مدينة نيويورك (New York) بعد ذلك.';
const hebrewVisit = 'מזכיר המדינה האמריקני אנטוני בלינקן (Antony Blinken) נפגש עם עמיתו ההודי בניו דלהי.';
const hebrewSaid = 'בלינקן אמר כי השיחות היו מועילות.';
const hindiVisit = 'अमेरिकी विदेश मंत्री एंटनी ब्लिंकन (Antony Blinken) ने नई दिल्ली में अपने भारतीय समकक्ष से बातचीत की।';
const hindiSaid = 'ब्लिंकन ने कहा कि बातचीत उपयोगी रही।';

const aljazeera = article('aljazeera.txt', `بلينكن في نيودلهي\n\n${arabicVisit}\n\n${arabicSaid}\n\n${arabicCity}\n`, 'Al Jazeera');
const haaretz = article('haaretz.txt', `בלינקן בניו דלהי\n\n${hebrewVisit}\n\n${hebrewSaid}\n`, 'Haaretz');
const bbcHindi = article('bbc-hindi.txt', `नई दिल्ली में ब्लिंकन\n\n${hindiVisit}\n\n${hindiSaid}\n`, 'BBC Hindi');
const ap = article('ap.txt', 'Blinken in Delhi\n\nSecretary of State Antony Blinken met his Indian counterpart in New Delhi on Monday, and Antony Blinken said the talks were useful.\n', 'Associated Press');
const sources = [aljazeera, haaretz, bbcHindi, ap];
const topics = extractTopics(sources, { entries: [] });
const joins: NameJoin[] = [];
buildTopics(sources, { entries: [] }, joins);
const blinken = () => topics.topics().find((topic) => topic.name === 'Antony Blinken');
const surfacesIn = (article: Article) => (blinken()?.mentions ?? []).filter((mention) => mention.articleId === article.id).map((mention) => mention.surface).sort();

describe('a name in Arabic, Hebrew or Devanagari followed by its Latin spelling in brackets', () => {
  it('is a mention of the person the English source names, in all four sources, with the surname alone after it', () => {
    const person = blinken();
    assert.ok(person, topics.topics().map((topic) => topic.name).join(', '));
    assert.equal(person.kind, 'person');
    assert.deepEqual(person.articleIds.sort(), sources.map((source) => source.id).sort());
    assert.deepEqual(surfacesIn(aljazeera), ['Antony Blinken', 'أنتوني بلينكن', 'بلينكن'].sort());
    assert.deepEqual(surfacesIn(haaretz), ['Antony Blinken', 'אנטוני בלינקן', 'בלינקן'].sort());
    assert.deepEqual(surfacesIn(bbcHindi), ['Antony Blinken', 'एंटनी ब्लिंकन', 'ब्लिंकन'].sort());
    assert.ok(joins.some((join) => join.rule === 'gloss' && join.from === 'بلينكن' && join.to === 'antony blinken'), JSON.stringify(joins));
  });

  it('the words before the brackets are as many as the Latin spelling has: the title before them stays out', () => {
    const spellings = (blinken()?.mentions ?? []).map((mention) => mention.surface);
    assert.equal(spellings.some((surface) => /الأمريكي|האמריקני|मंत्री/.test(surface)), false, spellings.join(', '));
  });

  it('pointing at the surname in an Arabic, Hebrew or Hindi draft finds the person', () => {
    for (const [line, name] of [['وقال بلينكن شيئا.', 'بلينكن'], ['בלינקן אמר זאת.', 'בלינקן'], ['ब्लिंकन ने कहा।', 'ब्लिंकन']]) {
      assert.equal(topics.matchAt(line, line.indexOf(name) + 2)?.topic.name, 'Antony Blinken', line);
    }
  });

  it('a place in brackets joins nothing, and its words name no topic', () => {
    const newYork = topics.topics().find((topic) => topic.name === 'New York');
    assert.ok(newYork, topics.topics().map((topic) => topic.name).join(', '));
    assert.equal(newYork.mentions.some((mention) => /[\u0600-\u06ff]/.test(mention.surface)), false);
    assert.equal(topics.topics().some((topic) => /[\u0600-\u06ff\u0590-\u05ff\u0900-\u097f]/.test(topic.name)), false, topics.topics().map((topic) => topic.name).join(', '));
  });

  it('a surname written before the spellings of two people stays apart and names no topic', () => {
    const bushes = article('bush.txt', 'عائلة بوش\n\nزار الرئيس جورج بوش (George Bush) وزوجته لورا بوش (Laura Bush) الهند.\n\nGeorge Bush said so, and Laura Bush said so too, in a long speech.\n', 'Al Jazeera');
    const localJoins: NameJoin[] = [];
    const built = buildTopics([bushes], { entries: [] }, localJoins);
    const george = built.topics.find((topic) => topic.name === 'George Bush');
    assert.ok(george, built.topics.map((topic) => topic.name).join(', '));
    assert.ok(george.aliases.includes('جورج بوش'), george.aliases.join(', '));
    assert.equal(built.topics.some((topic) => topic.aliases.includes('بوش')), false, built.topics.map((topic) => `${topic.name} [${topic.aliases.join(', ')}]`).join('; '));
    assert.ok(localJoins.some((join) => join.rule === 'apart' && join.from === 'بوش'), JSON.stringify(localJoins));
  });
});
