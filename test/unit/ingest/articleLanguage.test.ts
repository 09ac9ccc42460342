import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bcp47OfGuess, detectLanguage, languageName, languageOfFilter, languageOfScript, primaryLanguageTag, settleArticleLanguage } from '../../../src/core/ingest/articleLanguage';
import { francGuesser } from '../../../src/core/ingest/francGuesser';
import type { Article } from '../../../src/core/model';
import { ingestString, onlyArticle, repositoryRoot } from './ingestTestSupport';

const multilingualDir = join(repositoryRoot, 'test', 'fixtures', 'multilingual');
/** The fixture files and the language each is written in. */
const fixtureLanguages: Record<string, string> = {
  'zh-udhr.html': 'zh',
  'ja-udhr.html': 'ja',
  'ru-udhr.html': 'ru',
  'ar-udhr.html': 'ar',
  'hi-udhr.md': 'hi',
  'en-udhr.html': 'en',
};

function fixtureArticle(fileName: string): Article {
  return onlyArticle(ingestString(fileName, readFileSync(join(multilingualDir, fileName), 'utf8')));
}

test('a declared tag is reduced to its primary subtag; non-languages are no language', () => {
  assert.equal(primaryLanguageTag('en-GB'), 'en');
  assert.equal(primaryLanguageTag('en_GB'), 'en');
  assert.equal(primaryLanguageTag('ZH-Hans-CN'), 'zh');
  assert.equal(primaryLanguageTag('ru, en'), 'ru');
  assert.equal(primaryLanguageTag('iw'), 'he', 'a deprecated code becomes its replacement');
  assert.equal(primaryLanguageTag('rus'), 'ru', 'a three-letter code with a two-letter one becomes it');
  assert.equal(primaryLanguageTag('mai'), 'mai');
  for (const nothing of ['und', 'mul', 'zxx', '', '*', 'x-klingon', 'English please', undefined]) assert.equal(primaryLanguageTag(nothing), undefined, String(nothing));
});

test('franc answers map to BCP-47: two letters where ISO 639-1 has them, the macrolanguage for an individual one', () => {
  assert.deepEqual(['rus', 'cmn', 'arb', 'hin', 'eng', 'pes', 'swh', 'bho', 'und', undefined].map(bcp47OfGuess), ['ru', 'zh', 'ar', 'hi', 'en', 'fa', 'sw', 'bho', undefined, undefined]);
});

test('the script alone tells Chinese from Japanese (kanji with kana), Korean, Thai, Greek, Hebrew', () => {
  assert.equal(languageOfScript('人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。'), 'zh');
  // More kanji than kana, as in news prose: counting the majority script would say Chinese.
  assert.equal(languageOfScript('第三条　すべて人は、生命、自由及び身体の安全に対する権利を有する。国民の権利。'), 'ja');
  assert.equal(languageOfScript('모든 인간은 태어날 때부터 자유로우며 그 존엄과 권리에 있어 동등하다.'), 'ko');
  assert.equal(languageOfScript('Πάντες οι άνθρωποι γεννιούνται ελεύθεροι και ίσοι στην αξιοπρέπεια.'), 'el');
  assert.equal(languageOfScript('כל בני אדם נולדו בני חורין ושווים בערכם ובזכויותיהם.'), 'he');
  assert.equal(languageOfScript('Все люди рождаются свободными и равными в своем достоинстве.'), undefined, 'Cyrillic is shared by many languages');
  assert.equal(languageOfScript('人人生而自由'), undefined, 'too few letters');
});

test('detection needs enough text: a headline or a few words stay unknown', () => {
  assert.equal(detectLanguage('Putin arrives in Delhi', francGuesser), undefined);
  assert.equal(detectLanguage('Путин прибыл в Дели', francGuesser), undefined);
  assert.equal(detectLanguage('', francGuesser), undefined);
  assert.equal(detectLanguage('12 345 678 — 2021-12-06 · 9:30 · 10%', francGuesser), undefined);
});

test('a throwing guesser leaves the language unknown', () => {
  const text = 'All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience and should act towards one another.';
  assert.equal(detectLanguage(text, () => { throw new Error('broken'); }), undefined);
});

test('a declared language wins and is marked declared; otherwise the text decides and is marked detected', () => {
  const declared = fixtureArticle('zh-udhr.html');
  assert.equal(declared.meta.language, 'zh-CN', 'the reader keeps the declaration as written');
  assert.deepEqual([settleArticleLanguage(declared, francGuesser).meta.language, settleArticleLanguage(declared, francGuesser).meta.languageSource], ['zh', 'declared']);
  const russian = settleArticleLanguage(fixtureArticle('ru-udhr.html'), francGuesser);
  assert.deepEqual([russian.meta.language, russian.meta.languageSource], ['ru', 'detected']);
  const withoutGuesser = settleArticleLanguage(fixtureArticle('ru-udhr.html'));
  assert.equal(withoutGuesser.meta.language, undefined, 'without franc, Cyrillic alone is not enough');
  assert.equal(withoutGuesser.meta.languageSource, undefined);
  const japanese = settleArticleLanguage(fixtureArticle('ja-udhr.html'));
  assert.deepEqual([japanese.meta.language, japanese.meta.languageSource], ['ja', 'detected'], 'the script decides even without franc');
  const hindi = settleArticleLanguage(fixtureArticle('hi-udhr.md'), francGuesser);
  assert.deepEqual([hindi.meta.language, hindi.meta.languageSource], ['hi', 'declared'], 'front matter language: hi-IN');
  const short = settleArticleLanguage(onlyArticle(ingestString('note.txt', 'A note\n\nShort words only.\n')), francGuesser);
  assert.equal(short.meta.language, undefined);
});

test('detection on the multilingual fixtures, declarations ignored: every language right', () => {
  const files = readdirSync(multilingualDir).filter((name) => name in fixtureLanguages);
  assert.equal(files.length, Object.keys(fixtureLanguages).length);
  const results = files.map((file) => {
    const article = fixtureArticle(file);
    const { language: _declared, ...undeclared } = article.meta;
    const detected = settleArticleLanguage({ ...article, meta: undeclared }, francGuesser).meta.language;
    return { file, expected: fixtureLanguages[file], detected };
  });
  const right = results.filter((result) => result.detected === result.expected).length;
  console.log(`# language detection on test/fixtures/multilingual: ${right} of ${results.length} right (${results.map((result) => `${result.file} ${result.detected}`).join(', ')})`);
  assert.deepEqual(results.map((result) => result.detected), results.map((result) => result.expected));
});

test('detection is right on single paragraphs of 20 words or more, in the languages franc tells apart', () => {
  const paragraphs: Array<[string, string]> = [
    ['en', 'Everyone has the right to freedom of opinion and expression; this right includes freedom to hold opinions without interference and to seek information.'],
    ['fr', 'Tous les êtres humains naissent libres et égaux en dignité et en droits. Ils sont doués de raison et de conscience et doivent agir les uns envers les autres dans un esprit de fraternité.'],
    ['de', 'Alle Menschen sind frei und gleich an Würde und Rechten geboren. Sie sind mit Vernunft und Gewissen begabt und sollen einander im Geist der Brüderlichkeit begegnen.'],
    ['es', 'Todos los seres humanos nacen libres e iguales en dignidad y derechos y, dotados como están de razón y conciencia, deben comportarse fraternalmente los unos con los otros.'],
    ['uk', 'Всі люди народжуються вільними і рівними у своїй гідності та правах. Вони наділені розумом і совістю і повинні діяти у відношенні один до одного в дусі братерства.'],
  ];
  for (const [expected, text] of paragraphs) assert.equal(detectLanguage(text, francGuesser), expected, text);
});

test('HTML declarations: <html lang>, else Content-Language, else og:locale', () => {
  const page = (head: string, html = '<html>') => `<!DOCTYPE html>${html}<head><title>T</title>${head}</head><body><article><p>Body text of the page.</p></article></body></html>`;
  assert.equal(onlyArticle(ingestString('a.html', page('<meta http-equiv="Content-Language" content="ru">'))).meta.language, 'ru');
  assert.equal(onlyArticle(ingestString('b.html', page('<meta property="og:locale" content="ar_EG">'))).meta.language, 'ar_EG');
  assert.equal(onlyArticle(ingestString('c.html', page('<meta property="og:locale" content="ar_EG">', '<html lang="en">'))).meta.language, 'en');
  assert.equal(onlyArticle(ingestString('d.html', page(''))).meta.language, undefined);
});

test('a .jsonl record declares its language with `lang` or `language`', () => {
  const outcome = ingestString('wire.jsonl', `${JSON.stringify({ title: 'A', text: 'Body one.', lang: 'ru-RU' })}\n${JSON.stringify({ title: 'B', text: 'Body two.', language: 'ar' })}\n`);
  assert.equal(outcome.kind, 'articles');
  if (outcome.kind === 'articles') assert.deepEqual(outcome.articles.map((article) => primaryLanguageTag(article.meta.language)), ['ru', 'ar']);
});

test('languages are named in English; a lang: filter takes a tag or an English name', () => {
  assert.equal(languageName('ru'), 'Russian');
  assert.equal(languageName('zh'), 'Chinese');
  assert.equal(languageName('ar'), 'Arabic');
  assert.equal(languageName('qqq'), 'qqq', 'a code nobody names stays a code');
  assert.equal(languageOfFilter('ru', []), 'ru');
  assert.equal(languageOfFilter('ru-RU', []), 'ru');
  assert.equal(languageOfFilter('Russian', ['en', 'ru']), 'ru');
  assert.equal(languageOfFilter('russian', ['en']), undefined, 'a name matches only languages the corpus has');
  assert.equal(languageOfFilter('klingonese', ['en']), undefined);
});
