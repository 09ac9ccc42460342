/**
 * Single operations the unit tests used to time against a limit. A shared 2-core CI machine makes
 * such limits fail for no fault of the code, so the tests now check only what comes out, and the
 * time is measured here, beside the limit the test used to hold it to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';
import { marked } from 'marked';
import { BackgroundTurns } from '../../src/core/scheduling/backgroundTurns';
import { extractFigures } from '../../src/core/figures/extractFigures';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { escapeMarkdown, escapeMarkdownWithBold } from '../../src/core/present/markdownEscape';
import type { Article, Passage } from '../../src/core/model';
import { QuotationIndex } from '../../src/core/quotes/quotationIndex';
import { PassageIndex } from '../../src/core/search/passageIndex';
import { emptyAliasTable } from '../../src/core/topics/aliasFile';
import { extractTopics, extractTopicsCooperatively } from '../../src/core/topics/topicIndex';
import { loadBundledCorpus } from '../unit/topics/corpusLoader';

/** One row: the median wall-clock time of a few runs, its CPU time, and the limit a unit test used to assert. */
export interface OperationTiming {
  measure: string;
  ms: number;
  cpuMs: number;
  formerLimitMs: number;
}

const RUNS = 3;
const repositoryRoot = join(__dirname, '..', '..', '..');

function ingestText(fileName: string, text: string, maxPassagesPerArticle?: number): void {
  ingestFile({ uri: `file:///bench/${fileName}`, fileName, bytes: new TextEncoder().encode(text) }, maxPassagesPerArticle ? { maxPassagesPerArticle } : undefined);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** Median over `RUNS` runs of `run`; `per` divides each run's time (for per-call figures). */
function time(measure: string, formerLimitMs: number, run: () => void, per = 1): OperationTiming {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    run();
    walls.push((performance.now() - started) / per);
    const cpu = process.cpuUsage(cpuStart);
    cpus.push((cpu.user + cpu.system) / 1000 / per);
  }
  return { measure, ms: median(walls), cpuMs: median(cpus), formerLimitMs };
}

/** The slowest of several inputs, each timed as above. */
function slowest(measure: string, formerLimitMs: number, runs: Array<() => void>): OperationTiming {
  const timings = runs.map((run) => time(measure, formerLimitMs, run));
  return timings.reduce((worst, timing) => (timing.ms > worst.ms ? timing : worst));
}

export function measureOperations(): OperationTiming[] {
  const rows: OperationTiming[] = [];
  const bundledFiles = readdirSync(join(repositoryRoot, 'corpus')).filter((name) => name.endsWith('.txt'));
  const bundledInputs = bundledFiles.map((fileName) => ({ uri: `file:///corpus/${fileName}`, fileName, bytes: readFileSync(join(repositoryRoot, 'corpus', fileName)) }));
  rows.push(time('ingest the 5 bundled articles', 250, () => bundledInputs.forEach((input) => ingestFile(input))));
  const sotuDir = join(repositoryRoot, 'node_modules', '@stdlib', 'datasets-sotu', 'data');
  const sotuInputs = readdirSync(sotuDir).filter((name) => name.endsWith('.txt')).map((fileName) => ({ uri: `file:///sotu/${fileName}`, fileName, bytes: readFileSync(join(sotuDir, fileName)) }));
  const sotuMegabytes = sotuInputs.reduce((total, input) => total + input.bytes.length, 0) / 1e6;
  rows.push(time(`ingest ${sotuInputs.length} State of the Union speeches (${sotuMegabytes.toFixed(1)} MB)`, 10_000, () => sotuInputs.forEach((input) => ingestFile(input))));

  const corpus = loadBundledCorpus();
  const topics = extractTopics(corpus.articles, corpus.aliasTable);
  const draft = 'Putin and Modi discussed the S-400, the Indo-Pacific and the banana trade in the Bay of Bengal.\n'.repeat(5000);
  rows.push(time('findInText on a 5,000-line draft (bundled topics)', 1000, () => topics.findInText(draft)));
  const line = 'Russian President Vladimir Putin discussed the S-400 and the Reciprocal Exchange of Logistics Agreement with Modi.';
  const calls = 20_000;
  rows.push(time('matchAt, per call (bundled topics)', 0.1, () => {
    for (let i = 0; i < calls; i++) topics.matchAt(line, i % line.length);
  }, calls));

  const sotuArticles: Article[] = [];
  let sotuChars = 0;
  for (const input of [...sotuInputs].sort((a, b) => b.fileName.localeCompare(a.fileName))) {
    if (sotuChars >= 1_000_000) break;
    const outcome = ingestFile(input);
    if (outcome.kind !== 'articles') continue;
    sotuArticles.push(...outcome.articles);
    sotuChars += outcome.articles.reduce((sum, article) => sum + article.passages.reduce((n, passage) => n + passage.text.length, 0), 0);
  }
  rows.push(time(`topic extraction, the latest ${sotuArticles.length} State of the Union addresses (1 MB)`, 15_000, () => extractTopics(sotuArticles, emptyAliasTable)));

  const passages: Passage[] = corpus.articles.flatMap((article) => article.passages);
  const many: Passage[] = [];
  for (let i = 0; i < 100_000; i++) {
    const source = passages[i % passages.length];
    many.push({ ...source, id: `${source.id}#${i}`, text: `${source.text} Copy ${i} adds word${i} to keep each passage distinct.` });
  }
  let quotations: QuotationIndex | undefined;
  rows.push(time('quotation index over 100,000 passages: build', 15_000, () => (quotations = new QuotationIndex(many))));
  const quotes = [
    'India will move away from the United States and approach Russia',
    'Russia is the only nation in the world that gives India the most advanced military technology',
    'the moon is made of green cheese and always has been',
  ];
  rows.push(time('quotation index over 100,000 passages: check one quote', 100, () => {
    for (let i = 0; i < 150; i++) quotations!.check(quotes[i % quotes.length]);
  }, 150));

  rows.push(time('ingest one 5 MB base64 line', 3000, () => ingestText('blob.txt', `Attachment\n\n${'TWFu'.repeat(1_250_000)}\n\nA real closing paragraph.\n`)));
  const minified = `<html><body><article>${Array.from({ length: 80_000 }, (_, i) => `<p>Meeting ${i}: Modi met Putin in New Delhi to discuss trade.</p>`).join('')}</article></body></html>`;
  rows.push(time('ingest 5 MB of minified HTML on one line', 5000, () => ingestText('min.html', minified, 1000)));
  rows.push(time('ingest 10,000 nested divs', 2000, () => ingestText('nested.html', `<html><body><article>${'<div>'.repeat(10_000)}<p>Deep text survives.</p>${'</div>'.repeat(10_000)}</article></body></html>`)));
  rows.push(time('ingest 10,000 unclosed nested divs', 2000, () => ingestText('unclosed.html', `<article>${'<div><span>'.repeat(10_000)}Text at the bottom.</article>`)));
  const evilMarkdown = ['*'.repeat(70_000), '*a'.repeat(35_000), '['.repeat(50_000) + ']'.repeat(50_000) + '(' + ')'.repeat(1000), '`'.repeat(30_000) + 'x' + '` '.repeat(20_000), '> '.repeat(20_000) + 'deep quote', '_'.repeat(40_000) + 'word' + '_'.repeat(40_000)];
  rows.push(time('ingest pathological markdown (70,000 asterisks...)', 2000, () => ingestText('evil.md', `# Evil\n\n${evilMarkdown.join('\n\n')}\n\nA real sentence at the end.\n`)));
  rows.push(slowest('ingest lines built to make regular expressions backtrack (slowest of 6)', 1000, [
    ['dots.txt', `Title\n\na${'.'.repeat(100_000)}\n`],
    ['byline.txt', `Title\n\nBy x${' '.repeat(50_000)}y\n`],
    ['dots.md', `a${'.'.repeat(100_000)}\n`],
    ['table.md', `${' '.repeat(50_000)}|x\n`],
    ['list.md', `${' '.repeat(50_000)}- x\n`],
    ['heading.md', `# ${' '.repeat(50_000)}x\n`],
  ].map(([fileName, text]) => () => ingestText(fileName, text))));

  const passageOf = (text: string): Passage => ({ id: 'p', articleId: 'a', ordinal: 0, text, range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: text.length } });
  rows.push(time('figures in one 5 MB line of numbers', 3000, () => extractFigures(passageOf('12% 3 km $4 billion 2019 '.repeat(200_000)))));
  rows.push(time('figures in 1.5 MB without a sentence end', 3000, () => extractFigures(passageOf('word '.repeat(300_000) + '5% of it'))));
  rows.push(slowest('render the largest hover from pathological text (slowest of 8)', 250, ['*', '[', '](', '<', '`', '\\', '_', '&#'].map((unit) => () => {
    const passage = unit.repeat(Math.ceil(800 / unit.length)).slice(0, 800);
    const markdown = Array.from({ length: 10 }, () => `${escapeMarkdownWithBold(passage, [{ start: 10, end: 20 }])}\n\n— *${escapeMarkdown(passage.slice(0, 120))}*`).join('\n\n');
    marked.parse(markdown, { gfm: true, async: false });
  })));
  const index = new PassageIndex();
  index.addArticles(corpus.articles);
  index.compact();
  rows.push(slowest('search for a pathological query (slowest of 16)', 500, ['(a+)+$', '[', ']]]', '\\', '"', '""', '"unterminated', 'outlet:', 'topic:', 'outlet:"', '*'.repeat(70_000), 'a'.repeat(100_000), '\u0000\u200b\ud800', '$(zap)', '   ', ''].map((query) => () => index.search(query))));
  return rows;
}

/** What the writer feels while three computations run 8 ms slices: one message's round trip. */
export interface MessageLatency {
  yielding: string;
  messages: number;
  worstMs: number;
  backgroundShare: number;
}

const deflateAsync = promisify(deflate);
const inflateAsync = promisify(inflate);

/**
 * A message that needs several passes through the event loop (VS Code's remote protocol
 * inflates every message on the worker pool, chunk by chunk: six zlib round trips here), sent
 * every 10 ms for 800 ms while three computations run 8 ms slices through `yieldNow`.
 * The unit test of BackgroundTurns counts slices per message instead; this is the time.
 */
async function messageLatency(yielding: string, yieldNow: () => Promise<void>, watchdogMs: number): Promise<MessageLatency> {
  let running = true;
  let slices = 0;
  const watchdog = setTimeout(() => (running = false), watchdogMs);
  const work = [0, 1, 2].map(async () => {
    while (running) {
      const until = performance.now() + 8;
      while (performance.now() < until) {
        // A slice of background work.
      }
      slices++;
      await yieldNow();
    }
  });
  const payload = Buffer.alloc(64 * 1024, 'passage text ');
  const latencies: number[] = [];
  const began = performance.now();
  while (running && performance.now() - began < 800) {
    const started = performance.now();
    for (let chunk = 0; chunk < 6; chunk++) await inflateAsync(await deflateAsync(payload.subarray(chunk * 1024, chunk * 1024 + 16 * 1024)));
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  running = false;
  clearTimeout(watchdog);
  await Promise.all(work);
  return { yielding, messages: latencies.length, worstMs: Math.max(...latencies), backgroundShare: (slices * 8) / (performance.now() - began) };
}

export async function measureMessageLatency(): Promise<MessageLatency[]> {
  const turns = new BackgroundTurns();
  const withTurns = await messageLatency('BackgroundTurns (the unit test once held the worst to < 100 ms)', turns.yieldNow, 5000);
  turns.dispose();
  const plain = await messageLatency('setTimeout(0)', () => new Promise((resolve) => setTimeout(resolve, 0)), 1500);
  return [withTurns, plain];
}

/** Topic extraction in slices, yielding to the event loop between them, against extraction at once. */
export interface TopicSliceTiming {
  yielding: string;
  passages: number;
  synchronousMs: number;
  cooperativeMs: number;
  stretches: number;
  longestMs: number;
  p99Ms: number;
  over16: number;
  over50: number;
  /** In CPU time, which other processes do not inflate (V8's GC threads included). */
  longestCpuMs: number;
}

/** How long the thread is held between two yields, and what yielding costs, at `articles`' size. */
export async function measureTopicSlices(articles: Article[]): Promise<TopicSliceTiming[]> {
  const passages = articles.reduce((sum, article) => sum + article.passages.length, 0);
  extractTopics(articles.slice(0, 200), emptyAliasTable);
  let started = performance.now();
  const synchronous = extractTopics(articles, emptyAliasTable);
  const synchronousMs = performance.now() - started;
  const rows: TopicSliceTiming[] = [];
  for (const [yielding, wait] of [
    ['setTimeout(0)', () => new Promise<void>((resolve) => setTimeout(resolve, 0))],
    ['setImmediate', () => new Promise<void>((resolve) => setImmediate(resolve))],
  ] as const) {
    const stretches: number[] = [];
    const cpuStretches: number[] = [];
    const cpuSince = (at: NodeJS.CpuUsage): number => {
      const used = process.cpuUsage(at);
      return (used.user + used.system) / 1000;
    };
    let resumed = performance.now();
    let resumedCpu = process.cpuUsage();
    started = resumed;
    const cooperative = await extractTopicsCooperatively(articles, emptyAliasTable, {
      yieldNow: async () => {
        stretches.push(performance.now() - resumed);
        cpuStretches.push(cpuSince(resumedCpu));
        await wait();
        resumed = performance.now();
        resumedCpu = process.cpuUsage();
      },
    });
    stretches.push(performance.now() - resumed);
    cpuStretches.push(cpuSince(resumedCpu));
    const cooperativeMs = performance.now() - started;
    if (cooperative?.topics().length !== synchronous.topics().length) throw new Error(`${yielding}: the cooperative extraction found other topics`);
    const sorted = [...stretches].sort((a, b) => a - b);
    rows.push({
      yielding,
      passages,
      synchronousMs,
      cooperativeMs,
      stretches: stretches.length,
      longestMs: sorted[sorted.length - 1],
      p99Ms: sorted[Math.floor(sorted.length * 0.99)],
      over16: stretches.filter((stretch) => stretch > 16).length,
      over50: stretches.filter((stretch) => stretch > 50).length,
      longestCpuMs: Math.max(...cpuStretches),
    });
  }
  return rows;
}
