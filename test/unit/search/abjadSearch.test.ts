import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import type { Article } from '../../../src/core/model';
import { PassageIndex } from '../../../src/core/search/passageIndex';
import { termSpans } from '../../../src/core/search/searchTokens';
import { abjadWrites, isAbjadWord } from '../../../src/core/text/abjadSpelling';
import { foldWord } from '../../../src/core/text/wordText';
import { extractTopics } from '../../../src/core/topics/topicIndex';
import { abjadPassages, arabicBrief, englishNote, englishPassage, hebrewBrief } from '../../fixtures/transliteration/transliterationSources';
import { loadBundledArticles } from './bundledCorpus';

function read(fileName: string, bytes: Uint8Array): Article[] {
  const outcome = ingestFile({ uri: `file:///sources/${fileName}`, fileName, bytes });
  assert.equal(outcome.kind, 'articles', fileName);
  return outcome.kind === 'articles' ? outcome.articles : [];
}
const text = (value: string) => new TextEncoder().encode(value);
const multilingualFolder = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'multilingual');

const briefs = [...read('arabic-brief.md', text(arabicBrief)), ...read('hebrew-brief.md', text(hebrewBrief)), ...read('summit-notes.md', text(englishNote))];
const index = new PassageIndex();
index.addArticles(briefs);

function search(query: string, within: PassageIndex = index): Array<[string, boolean, string[]]> {
  return within.search(query).map((hit) => [within.passage(hit.passageId)!.text, hit.transliterated === true, hit.snippet.highlights.map(({ start, end }) => hit.snippet.text.slice(start, end))]);
}

describe('Arabic and Hebrew: a Latin name finds the word that writes it without short vowels', () => {
  it('Latin names and the Arabic and Hebrew words that write them', () => {
    const written: Array<[string, string]> = [
      ['بوتين', 'putin'], ['لافروف', 'lavrov'], ['مودي', 'modi'], ['ترامب', 'trump'], ['بايدن', 'biden'], ['جايشانكار', 'jaishankar'],
      ['أوباما', 'obama'], ['فلاديمير', 'vladimir'], ['سيرغي', 'sergei'], ['عباس', 'abbas'], ['ماكرون', 'macron'], ['زيلينسكي', 'zelensky'], ['كييف', 'kyiv'],
      ['פוטין', 'putin'], ['ביידן', 'biden'], ['טראמפ', 'trump'], ['לברוב', 'lavrov'], ['ולדימיר', 'vladimir'], ['אובמה', 'obama'], ['סרגיי', 'sergei'], ['מוסקבה', 'moskva'],
    ];
    for (const [abjad, latin] of written) assert.equal(abjadWrites(foldWord(abjad), latin), true, `${latin} ${abjad}`);
  });

  it('precision: words written without their short vowels, a first vowel not written, short words, other alphabets are not names spelled in Latin', () => {
    const notWritten: Array<[string, string]> = [
      ['بطن', 'putin'], ['كان', 'again'], ['بين', 'been'], ['اساس', 'issues'], ['ترمب', 'trump'], ['بوتين', 'button'], ['لافروف', 'lavrob'],
      ['الهند', 'india'], ['واشنطن', 'washington'], ['Путин', 'putin'], ['بوتين', 'pu'],
    ];
    for (const [abjad, latin] of notWritten) assert.equal(abjadWrites(foldWord(abjad), latin), false, `${latin} ${abjad}`);
    assert.equal(isAbjadWord('בוטןب'), false, 'a word mixing Hebrew and Arabic letters');
  });

  it('Search Sources for Putin: the English passage as written first, then the Arabic and Hebrew ones, labelled transliterated', () => {
    const found = search('Putin');
    assert.deepEqual(found[0], [englishPassage, false, ['Putin']]);
    assert.deepEqual(new Set(found.slice(1).map((hit) => JSON.stringify(hit))), new Set([
      JSON.stringify([abjadPassages.arabicPutin, true, ['بوتين']]),
      JSON.stringify([abjadPassages.hebrewPutin, true, ['פוטין']]),
    ]));
  });

  it('a name that ends in s is not a plural: Abbas finds عباس, Tsipras finds Τσίπρας, and the Greek χθες is chthes', () => {
    const names = new PassageIndex();
    const arabic = 'وقال الرئيس محمود عباس إن المفاوضات مستمرة.';
    const greek = 'Ο Τσίπρας μίλησε χθες στη Βουλή.';
    names.addArticles([...read('abbas.txt', text(arabic)), ...read('tsipras.txt', text(greek))]);
    assert.deepEqual(search('Abbas', names), [[arabic, true, ['عباس']]]);
    assert.deepEqual(search('Tsipras', names), [[greek, true, ['Τσίπρας']]]);
    assert.deepEqual(search('chthes', names), [[greek, true, ['χθες']]]);
    assert.deepEqual(search('Abba', names), [], 'the word as written, not a plural of it');
  });

  it('Lavrov, Sergei Lavrov, Modi and Vladimir find the Arabic and Hebrew spellings', () => {
    assert.deepEqual(new Set(search('Lavrov').map(([passage, transliterated]) => `${transliterated} ${passage}`)), new Set([`true ${abjadPassages.arabicLavrov}`, `true ${abjadPassages.hebrewLavrov}`]));
    assert.deepEqual(search('Sergei Lavrov').map(([, , words]) => words.join(' ')).sort(), ['סרגיי לברוב', 'سيرغي لافروف']);
    assert.deepEqual(search('Modi').map(([, , words]) => words.join(' ')).sort(), ['מודי', 'مودي']);
    assert.deepEqual(search('Vladimir').map(([, , words]) => words.join(' ')).sort(), ['ולדימיר', 'فلاديمير']);
  });

  it('the bundled English corpus beside Arabic and Hebrew sources: no English word of the corpus finds an Arabic or Hebrew passage it does not name', () => {
    const bundled = loadBundledArticles();
    const arabicDeclaration = read('ar-udhr.html', readFileSync(join(multilingualFolder, 'ar-udhr.html')));
    const englishDeclaration = read('en-udhr.html', readFileSync(join(multilingualFolder, 'en-udhr.html')));
    const mixed = new PassageIndex();
    mixed.addArticles([...bundled, ...englishDeclaration, ...arabicDeclaration, ...briefs]);
    const abjadPassageIds = new Set([...arabicDeclaration, ...briefs.slice(0, 2)].flatMap((article) => article.passages.map((passage) => passage.id)));
    const words = new Set<string>();
    for (const article of [...bundled, ...englishDeclaration]) {
      for (const passage of article.passages) for (const { start, end } of termSpans(passage.text)) words.add(foldWord(passage.text.slice(start, end)));
    }
    const findingAbjad = new Set<string>();
    let searched = 0;
    for (const word of words) {
      if (!/^[a-z]{4,}$/.test(word)) continue;
      searched++;
      for (const hit of mixed.search(word, { limit: 100_000 })) if (abjadPassageIds.has(hit.passageId)) findingAbjad.add(`${word} ${mixed.passage(hit.passageId)!.text.slice(0, 30)}`);
    }
    assert.ok(searched > 800, `searched ${searched} words`);
    // The names the Arabic and Hebrew briefs write (Moscow: موسكو; Delhi: דלהי), and nothing else: no word of the
    // bundled corpus or the English declaration finds a passage of the Arabic declaration.
    assert.deepEqual([...findingAbjad].sort(), [
      'delhi נשיא רוסיה ולדימיר פוטין נפגש ',
      'lavrov שר החוץ סרגיי לברוב אמר כי מוס',
      'lavrov وقال وزير الخارجية سيرغي لافرو',
      'modi נשיא רוסיה ולדימיר פוטין נפגש ',
      'modi التقى الرئيس الروسي فلاديمير ب',
      'moscow وقال وزير الخارجية سيرغي لافرو',
      'narendra التقى الرئيس الروسي فلاديمير ب',
      'putin נשיא רוסיה ולדימיר פוטין נפגש ',
      'putin التقى الرئيس الروسي فلاديمير ب',
      'sergey وقال وزير الخارجية سيرغي لافرو',
      'vladimir נשיא רוסיה ולדימיר פוטין נפגש ',
      'vladimir التقى الرئيس الروسي فلاديمير ب',
    ]);
  });

  it('topics named in Arabic (here by the writer\'s alias file): Go to Topic and the filter find them from Latin words, the hover from the whole name', () => {
    const topics = extractTopics(briefs, { entries: [{ name: 'سيرغي لافروف', aliases: [], hidden: false }] });
    assert.deepEqual(topics.topicsTransliteratedFrom('Lavrov').map((topic) => topic.name), ['سيرغي لافروف']);
    assert.deepEqual(topics.topicsTransliteratedFrom('Sergei Lavrov').map((topic) => topic.name), ['سيرغي لافروف']);
    assert.deepEqual(topics.topicsTransliteratedFrom('Lavrob').map((topic) => topic.name), []);
    const line = 'Then Sergei Lavrov spoke.';
    const match = topics.matchAt(line, line.indexOf('Lavrov') + 1);
    assert.deepEqual(match && [match.topic.name, match.quality, line.slice(match.start, match.end)], ['سيرغي لافروف', 'transliterated', 'Sergei Lavrov']);
  });
});
