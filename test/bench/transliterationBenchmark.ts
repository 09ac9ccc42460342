/**
 * Issue 16: what a Latin query that finds its transliteration in other alphabets costs. A
 * synthetic corpus of Russian, Greek, Hindi, Arabic and English passages (clauses of the
 * Universal Declaration of Human Rights in test/fixtures/multilingual, and for Greek a few
 * sentences written for the benchmark), the names of a news story (Putin, Lavrov, Moscow, Modi,
 * Athens) written in each passage's own alphabet. Queries: the Latin transliteration of words of
 * those passages (`svobodu` for `свободу`), the same words as the passages write them, the same
 * Latin queries with transliteration off, and Latin names that Arabic writes without short
 * vowels (`Putin` for بوتين).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import type { Article } from '../../src/core/model';
import type { PassageIndex } from '../../src/core/search/passageIndex';
import { latinKeyOf } from '../../src/core/text/transliteration';
import { foldWord } from '../../src/core/text/wordText';
import { buildIndex, gc, medianPercentiles, ms, RESULT_LIMIT, RUNS, timed, timeEach, type Percentiles, type Timings } from './benchMeasures';
import { seededRandom } from './benchQueries';
import { TRANSLITERATION_SECTION_HEADING } from './benchmarksFile';

const PASSAGES_PER_ARTICLE = 20;
const QUERIES = 200;
const fixtures = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'multilingual');

const greekClauses = [
  'Ο πρωθυπουργός επισκέφθηκε την Αθήνα χθες το απόγευμα',
  'η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία',
  'ο υπουργός εξωτερικών συναντήθηκε με τον πρέσβη',
  'οι διαπραγματεύσεις συνεχίστηκαν μέχρι αργά το βράδυ',
  'ο Πούτιν και ο Μόντι συζήτησαν την άμυνα και το εμπόριο',
  'η Μόσχα απάντησε με μια σύντομη δήλωση',
  'ο Λαβρόφ μίλησε στους δημοσιογράφους στην Αθήνα',
];
const namesByScript: Record<string, string[]> = {
  ru: ['Путин', 'Лавров', 'Москва', 'Моди'],
  el: ['Πούτιν', 'Λαβρόφ', 'Μόσχα', 'Αθήνα'],
  hi: ['पुतिन', 'मोदी', 'लावरोव', 'मास्को'],
  ar: ['بوتين', 'لافروف', 'مودي', 'فلاديمير'],
  en: ['Putin', 'Lavrov', 'Moscow', 'Modi'],
};

/** The clauses of one fixture, as our own ingestion reads it. */
function clausesOf(fileName: string): string[] {
  const outcome = ingestFile({ uri: `file:///fixtures/${fileName}`, fileName, bytes: readFileSync(join(fixtures, fileName)) });
  if (outcome.kind !== 'articles') throw new Error(`${fileName} did not ingest`);
  const text = outcome.articles.flatMap((article) => article.passages.map((passage) => passage.text)).join('\n');
  return text
    .split(/(?<=[।.;,:،])\s*|\n/)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length >= 4);
}

/** Passages of 150–300 characters of random clauses, a name of the story in one passage of three, articles of each script in turn, until `characters` are written. */
function syntheticCorpus(pools: Array<{ script: string; clauses: string[] }>, characters: number, seed: number): Article[] {
  const random = seededRandom(seed);
  const articles: Article[] = [];
  const encoder = new TextEncoder();
  let written = 0;
  for (let number = 0; written < characters; number++) {
    const { script, clauses } = pools[number % pools.length];
    const paragraphs: string[] = [];
    for (let p = 0; p < PASSAGES_PER_ARTICLE && written < characters; p++) {
      let paragraph = random() < 1 / 3 ? `${namesByScript[script][Math.floor(random() * 4)]}:` : '';
      const length = 150 + Math.floor(random() * 150);
      while (paragraph.length < length) {
        const clause = clauses[Math.floor(random() * clauses.length)];
        paragraph += paragraph ? ` ${clause}` : clause;
      }
      paragraphs.push(paragraph);
      written += paragraph.length;
    }
    const fileName = `${script}-${number}.txt`;
    const outcome = ingestFile({ uri: `file:///bench/${fileName}`, fileName, bytes: encoder.encode(paragraphs.join('\n\n')), metadata: { outlet: `${script} ${number % 7}`, date: '2021-12-07' } }, { maxPassageChars: 320 });
    if (outcome.kind === 'articles') articles.push(...outcome.articles);
  }
  return articles;
}

/** Words of the non-Latin passages that have a Latin key, as written and as their key: the same word in two spellings. */
function wordPairs(articles: Article[], seed: number): Array<{ asWritten: string; latin: string }> {
  const random = seededRandom(seed);
  const passages = articles.flatMap((article) => article.passages).filter((passage) => !/[A-Za-z]/.test(passage.text));
  const pairs: Array<{ asWritten: string; latin: string }> = [];
  for (let guard = 0; pairs.length < QUERIES && guard < 100_000; guard++) {
    const words = passages[Math.floor(random() * passages.length)].text.split(/[\s,.;:()«»"।،]+/).filter((word) => word.length >= 4);
    if (words.length === 0) continue;
    const word = words[Math.floor(random() * words.length)];
    const latin = latinKeyOf(foldWord(word));
    if (latin && /^[a-z]+$/.test(latin)) pairs.push({ asWritten: word, latin });
  }
  return pairs;
}

function measureQueries(index: PassageIndex, queries: string[], transliterate = true): Percentiles & { found: number } {
  const found = queries.filter((query) => index.search(query, { limit: RESULT_LIMIT, transliterate }).length > 0).length;
  const runs: Timings[] = [];
  for (let run = 0; run < RUNS; run++) {
    gc();
    runs.push(timeEach(queries, (query) => index.search(query, { limit: RESULT_LIMIT, transliterate })));
  }
  return { ...medianPercentiles(runs), found };
}

/** Runs the measures at `characters` characters of passage text and returns BENCHMARKS.md's section. */
export function runTransliterationBenchmark(characters: number): string {
  const loadAtStart = loadavg()[0];
  const pools = [
    { script: 'ru', clauses: clausesOf('ru-udhr.html') },
    { script: 'el', clauses: greekClauses },
    { script: 'hi', clauses: clausesOf('hi-udhr.md') },
    { script: 'ar', clauses: clausesOf('ar-udhr.html') },
    { script: 'en', clauses: clausesOf('en-udhr.html') },
  ];
  const articles = syntheticCorpus(pools, characters, 16);
  const passages = articles.flatMap((article) => article.passages);
  let index: PassageIndex | undefined;
  const build = timed(() => (index = buildIndex(articles)));
  const built = index as PassageIndex;
  const pairs = wordPairs(articles, 7);
  const repeat = (items: string[]): string[] => Array.from({ length: Math.ceil(QUERIES / items.length) }, () => items).flat().slice(0, QUERIES);
  const names = repeat(['Lavrov', 'Moskva', 'Athina', 'Vladimir']);
  const abjadNames = repeat(['Putin', 'Lavrov', 'Modi', 'Vladimir']);
  const rows: Array<[string, Percentiles & { found: number }]> = [
    ['a word of the Cyrillic, Greek, Hindi passages in Latin letters (`svobodu`), transliterated', measureQueries(built, pairs.map((pair) => pair.latin))],
    ['the same words as the passages write them (`свободу`)', measureQueries(built, pairs.map((pair) => pair.asWritten))],
    ['the same Latin words, transliteration off', measureQueries(built, pairs.map((pair) => pair.latin), false)],
    ['names only other alphabets write (`Lavrov`, `Moskva`, `Athina`, `Vladimir`), transliterated', measureQueries(built, names)],
    ['Latin names Arabic writes without short vowels and English as written (`Putin`, `Lavrov`, `Modi`, `Vladimir`)', measureQueries(built, abjadNames)],
    ['the same names, transliteration off', measureQueries(built, abjadNames, false)],
  ];
  const missed = pairs.filter((pair) => built.search(pair.latin, { limit: RESULT_LIMIT }).length === 0);
  const loadAtEnd = loadavg()[0];
  const table = rows.map(([what, p]) => `| ${what} | ${ms(p.p50)} / ${ms(p.p95)} ms (${ms(p.cpuP95)}) | ${p.found} of ${QUERIES} |`).join('\n');
  return `${TRANSLITERATION_SECTION_HEADING}

Generated by \`npm run bench:translit\` (test/bench/runTransliterationBenchmark.ts) on ${new Date().toISOString().slice(0, 10)}; load average ${loadAtStart.toFixed(1)} at the start and ${loadAtEnd.toFixed(1)} at the end (other work shared the cores).
${passages.length.toLocaleString('en-US')} passages (${passages.reduce((sum, passage) => sum + passage.text.length, 0).toLocaleString('en-US')} characters; index build ${ms(build.wall)} ms): articles in Russian, Greek, Hindi, Arabic and English in turn, passages of 150–300 characters of clauses drawn (seeded) from the Universal Declaration of Human Rights in test/fixtures/multilingual (Greek: seven sentences written for the benchmark), one passage in three opening with a name of the story (Putin, Lavrov, Moscow, Modi, Athens, Vladimir) in its own alphabet. ${QUERIES} queries per row, seeded; ${RESULT_LIMIT} results; median of ${RUNS} runs of the p50 / p95 (CPU p95), and how many queries found a passage.

| query | p50 / p95 (CPU p95) | found |
|---|---|---|
${table}

Latin words of the first row that found nothing (${missed.length}): ${missed.slice(0, 6).map((pair) => `\`${pair.latin}\` (${pair.asWritten})`).join(', ') || 'none'}.

A transliterated query runs the search twice (as written, then through the transliteration keys for the places left), which is the difference between the first and third rows; the Arabic rows add the letter-by-letter check of the Arabic and Hebrew words that begin with a letter the query's first sound may be written with.
`;
}
