import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { settleArticleLanguage } from '../../../src/core/ingest/articleLanguage';
import { francGuesser } from '../../../src/core/ingest/francGuesser';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import { parseSearchQuery } from '../../../src/core/search/searchQuery';

const multilingualDir = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'multilingual');
const fixtures = ['zh-udhr.html', 'ja-udhr.html', 'ru-udhr.html', 'ar-udhr.html', 'hi-udhr.md', 'en-udhr.html'];

/** The fixture folder indexed as the engine's thread reads it: languages settled with franc. */
function multilingualIndex(): CorpusIndex {
  const index = new CorpusIndex();
  for (const fileName of fixtures) {
    const uri = `file:///w/${fileName}`;
    const outcome = ingestFile({ uri, fileName, bytes: readFileSync(join(multilingualDir, fileName)) });
    assert.equal(outcome.kind, 'articles', fileName);
    if (outcome.kind === 'articles') index.setFile(uri, outcome.articles.map((article) => settleArticleLanguage(article, francGuesser)), '1');
  }
  return index;
}

const fileOf = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

test('lang: and language: are filters; the value is kept as typed', () => {
  assert.deepEqual(parseSearchQuery('lang:ru Путин'), { terms: ['Путин'], phrases: [], language: 'ru', endsInWord: true });
  assert.deepEqual(parseSearchQuery('LANGUAGE:"pt-BR" outlet:rfi'), { terms: [], phrases: [], language: 'pt-BR', outlet: 'rfi' });
  assert.deepEqual(parseSearchQuery('slang:ru'), { terms: ['slang:ru'], phrases: [], endsInWord: true }, 'only at the start of a word');
});

test('a search in each language finds its own file first', () => {
  const index = multilingualIndex();
  const queries: Array<[string, string]> = [
    ['兄弟关系', 'zh-udhr.html'],
    ['同胞の精神', 'ja-udhr.html'],
    ['неприкосновенность', 'ru-udhr.html'],
    ['स्वतन्त्रता', 'hi-udhr.md'],
    ['الكرامة', 'ar-udhr.html'],
    ['brotherhood', 'en-udhr.html'],
  ];
  for (const [query, file] of queries) {
    const top = index.search(query, 3).map((hit) => fileOf(hit.article.sourceUri));
    assert.equal(top[0], file, `${query}: ${JSON.stringify(top)}`);
  }
});

test('lang:ru keeps only the Russian file; with words, only its passages that match', () => {
  const index = multilingualIndex();
  const listed = index.search('lang:ru', 50);
  assert.equal(listed.length, 7, 'every passage of the Russian file');
  assert.ok(listed.every((hit) => fileOf(hit.article.sourceUri) === 'ru-udhr.html'));
  const freedom = index.search('lang:ru свободу', 50);
  assert.ok(freedom.length > 0);
  assert.ok(freedom.every((hit) => fileOf(hit.article.sourceUri) === 'ru-udhr.html'));
  assert.deepEqual(index.search('lang:ru brotherhood', 50), [], 'an English word in Russian articles finds nothing');
  assert.deepEqual(index.search('lang:russian', 50).length, 7, 'the English name of the language works too');
  assert.deepEqual(index.search('lang:RU-ru', 50).length, 7, 'a region subtag is ignored');
  assert.ok(index.search('lang:en outlet:"United Nations" freedom', 50).every((hit) => fileOf(hit.article.sourceUri) === 'en-udhr.html'));
});

test('lang: naming no article\'s language finds nothing, and the corpus says which languages it has', () => {
  const index = multilingualIndex();
  assert.deepEqual(index.search('lang:ko 자유', 50), []);
  assert.deepEqual(index.search('lang:klingon', 50), []);
  assert.deepEqual(index.languages().map((entry) => entry.language).sort(), ['ar', 'en', 'hi', 'ja', 'ru', 'zh']);
});

test('languages and their source survive the persisted index', () => {
  const index = multilingualIndex();
  const restored = new CorpusIndex();
  assert.deepEqual(restored.restore(index.snapshot()), { ok: true });
  const languages = (corpus: CorpusIndex) => corpus.articles().map((article) => `${fileOf(article.sourceUri)} ${article.meta.language} ${article.meta.languageSource}`).sort();
  assert.deepEqual(languages(restored), languages(index));
  assert.ok(languages(restored).includes('ru-udhr.html ru detected'));
  assert.ok(languages(restored).includes('zh-udhr.html zh declared'));
  assert.equal(restored.search('lang:ru', 50).length, 7);
});
