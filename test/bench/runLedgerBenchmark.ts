/**
 * `npm run bench:ledger`: the story ledger checking a 3,000-word draft against 10,000 and
 * 100,000 passages of State of the Union prose (the same corpus as `npm run bench`), and
 * re-checking one edited sentence: alone, and as the whole draft checked again after one of its
 * sentences changed (the paragraphs and claims it did not change are kept from the last check).
 * Whole-draft and lone-sentence runs start cold (nothing kept). The whole draft's CPU time (the
 * process's, so with its garbage collector) is given beside the wall-clock time: on a machine
 * shared with other work the wall clock also counts the time the check waited for a core. The draft is made of the corpus's own sentences, a third of
 * them with a figure changed, so claims find candidate passages the way a real draft does.
 * Prints a table; the targets (issue 17) are p95 ≤ 200 ms for the whole draft and ≤ 20 ms for
 * one sentence. Run with `node --expose-gc`.
 */
import { loadavg } from 'node:os';
import { buildFigureGroups } from '../../src/core/figures/compareSources';
import { StoryLedger } from '../../src/core/ledger/storyLedger';
import { QuotationIndex } from '../../src/core/quotes/quotationIndex';
import { neverDue, runToCompletion } from '../../src/core/scheduling/timeSlice';
import { gc, median, ms, percentile } from './benchMeasures';
import { seededRandom } from './benchQueries';
import { corpusOfSize, loadSotuArticles } from './sotuCorpus';
import { bundledLedger, ledgerFixture } from '../unit/ledger/ledgerCorpus';
import { checkFixture, scoreLine, scoreTable } from '../unit/ledger/ledgerScores';

const SIZES = (process.env.LEDGER_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const DRAFT_WORDS = 3_000;
const WHOLE_DRAFT_RUNS = 20;
const SENTENCE_CHECKS = 200;

function draftFrom(sentences: readonly string[], random: () => number): string {
  const paragraphs: string[] = [];
  let words = 0;
  while (words < DRAFT_WORDS) {
    const sentence = sentences[Math.floor(random() * sentences.length)];
    const edited = random() < 0.33 ? sentence.replace(/\b([0-9]{2,})\b/, (number) => String(Number(number) * 2)) : sentence;
    paragraphs.push(edited);
    words += edited.split(/\s+/).length;
  }
  return paragraphs.join('\n\n');
}

/** Precision and recall per status on the hand-written fixture (test/fixtures/ledger/claims.json) over the bundled corpus. */
function fixtureScores(): void {
  const { ledger, fileOf } = bundledLedger();
  const results = checkFixture(ledger, fileOf, ledgerFixture);
  console.log(`The fixture: ${ledgerFixture.length} claims on the bundled corpus\n`);
  console.log(scoreTable(results));
  for (const [name, part] of [['the demo draft', results.filter((result) => result.expected.draft === 'demo')], ['paraphrases and traps', results.filter((result) => result.expected.paraphrase)]] as const) {
    console.log(`\n${name} (${part.length} claims): ${scoreLine(part)}`);
  }
  console.log('');
}

function main(): void {
  fixtureScores();
  const source = loadSotuArticles();
  const rows: string[] = [];
  for (const size of SIZES) {
    const articles = corpusOfSize(source, size);
    const buildStart = performance.now();
    const groups = buildFigureGroups(articles);
    const figuresMs = performance.now() - buildStart;
    const quotations = runToCompletion(QuotationIndex.buildInSlices(articles.flatMap((article) => article.passages), neverDue));
    const ledgerStart = performance.now();
    const ledger = new StoryLedger(articles, { figureGroups: groups, checkQuote: (quote) => quotations.check(quote) });
    ledger.check('Warm-up: the economy grew by 3 percent in 1999.');
    const ledgerMs = performance.now() - ledgerStart;
    const random = seededRandom(17);
    const sentences = articles.slice(0, 200).flatMap((article) => article.passages.flatMap((passage) => passage.text.split(/(?<=\.)\s+/))).filter((sentence) => sentence.split(/\s+/).length >= 8);
    const draft = draftFrom(sentences, random);
    const whole: number[] = [];
    const wholeCpu: number[] = [];
    let claims = 0;
    for (let run = 0; run < WHOLE_DRAFT_RUNS; run++) {
      ledger.forgetEarlierChecks();
      gc();
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      claims = ledger.check(draft).claims.length;
      whole.push(performance.now() - start);
      const cpu = process.cpuUsage(cpuStart);
      wholeCpu.push((cpu.user + cpu.system) / 1000);
    }
    // One sentence on its own, nothing kept from earlier checks.
    const one: number[] = [];
    for (let run = 0; run < SENTENCE_CHECKS; run++) {
      const sentence = sentences[Math.floor(random() * sentences.length)];
      ledger.forgetEarlierChecks();
      const start = performance.now();
      ledger.check(sentence);
      one.push(performance.now() - start);
    }
    // The writer's edit: one sentence of the draft changed (a number doubled, a word added), the whole draft checked again.
    ledger.forgetEarlierChecks();
    ledger.check(draft);
    const draftSentences = draft.split(/(?<=\.)\s+/).filter((sentence) => /[0-9]/.test(sentence));
    const edits: number[] = [];
    for (let run = 0; run < SENTENCE_CHECKS; run++) {
      const sentence = draftSentences[Math.floor(random() * draftSentences.length)];
      const edited = draft.replace(sentence, sentence.replace(/[0-9]+/, (number) => String(Number(number) + run + 1)) + ' Indeed.');
      const start = performance.now();
      ledger.check(edited);
      edits.push(performance.now() - start);
    }
    rows.push(`| ${size.toLocaleString('en-US')} | ${(figuresMs / 1000).toFixed(1)} s | ${(ledgerMs / 1000).toFixed(1)} s | ${claims} | ${ms(median(whole))} ms | ${ms(percentile(whole, 0.95))} ms | ${ms(median(wholeCpu))} ms | ${ms(percentile(wholeCpu, 0.95))} ms | ${ms(median(one))} ms | ${ms(percentile(one, 0.95))} ms | ${ms(median(edits))} ms | ${ms(percentile(edits, 0.95))} ms |`);
    console.log(rows[rows.length - 1]);
  }
  console.log(`\nload average ${loadavg().map((value) => value.toFixed(1)).join(', ')}`);
  console.log('\n| passages | figure groups built | ledger built (sentence index) | claims in the 3,000-word draft | whole draft p50 | whole draft p95 | whole draft CPU time p50 | p95 | one sentence alone p50 | one sentence alone p95 | draft re-checked after one edit p50 | p95 |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

main();
