/**
 * What the benchmarks at every size share: timing with percentiles and CPU time, the index
 * build, typo recall, the heap of a fresh process and the hover look-up.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Article } from '../../src/core/model';
import { buildTopicCard } from '../../src/core/present/topicCard';
import { PassageIndex } from '../../src/core/search/passageIndex';
import { extractTopics } from '../../src/core/topics/topicIndex';
import type { BenchQueries } from './benchQueries';

export const RUNS = 5;
export const HOVERS = 200;
export const RESULT_LIMIT = 20;

export interface Percentiles {
  p50: number;
  p95: number;
  /** p95 of the CPU time the process spent, which other processes on the machine do not inflate. */
  cpuP95: number;
  /** Mean CPU time per item (the median over runs): steadier than one item's p95, which counts V8's garbage-collecting helper threads. */
  cpuMean: number;
}

export interface Timings {
  wall: number[];
  cpu: number[];
}

export type QueryKind = 'one word' | 'typo' | 'three words';
export const KINDS: QueryKind[] = ['one word', 'typo', 'three words'];

/**
 * A full garbage collection, then 50 ms for V8's helper threads to finish sweeping after it, so
 * their work is not counted as CPU time of what is measured next.
 */
export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
  Atomics.wait(settleCell, 0, 0, 50);
}

const settleCell = new Int32Array(new SharedArrayBuffer(4));

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

export function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Wall-clock and CPU time of `run`. */
export function timed(run: () => void): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  run();
  return { wall: performance.now() - start, cpu: cpuMs(cpuStart) };
}

export function timeEach<T>(items: T[], run: (item: T) => void): Timings {
  const timings: Timings = { wall: [], cpu: [] };
  for (const item of items) {
    const { wall, cpu } = timed(() => run(item));
    timings.wall.push(wall);
    timings.cpu.push(cpu);
  }
  return timings;
}

/** p50 and p95 of each run, then the median of those over the runs. */
export function medianPercentiles(runs: Timings[]): Percentiles {
  return {
    p50: median(runs.map((times) => percentile(times.wall, 0.5))),
    p95: median(runs.map((times) => percentile(times.wall, 0.95))),
    cpuP95: median(runs.map((times) => percentile(times.cpu, 0.95))),
    cpuMean: median(runs.map((times) => times.cpu.reduce((sum, value) => sum + value, 0) / Math.max(times.cpu.length, 1))),
  };
}

export function queriesOf(queries: BenchQueries, kind: QueryKind): string[] {
  switch (kind) {
    case 'one word':
      return queries.oneWord;
    case 'typo':
      return queries.typos.map((entry) => entry.typo);
    case 'three words':
      return queries.threeWords;
  }
}

export function buildIndex(articles: Article[]): PassageIndex {
  const index = new PassageIndex();
  index.addArticles(articles);
  index.compact();
  return index;
}

/** p50 / p95 of each query kind, after one warm-up pass; the median of `runs` runs. */
export function measureSearch(index: PassageIndex, queries: BenchQueries, runs = RUNS): Record<QueryKind, Percentiles> {
  const search = {} as Record<QueryKind, Percentiles>;
  for (const kind of KINDS) {
    const list = queriesOf(queries, kind);
    list.forEach((query) => index.search(query, { limit: RESULT_LIMIT }));
    const timings: Timings[] = [];
    for (let run = 0; run < runs; run++) {
      gc();
      timings.push(timeEach(list, (query) => index.search(query, { limit: RESULT_LIMIT })));
    }
    search[kind] = medianPercentiles(timings);
  }
  return search;
}

/** Mean share of the correct spelling's top ten that the misspelt query also returns in its top ten. */
export function typoRecall(index: PassageIndex, queries: BenchQueries): number {
  let total = 0;
  for (const { typo, correct } of queries.typos) {
    const expected = index.search(correct, { limit: 10 }).map((hit) => hit.passageId);
    const found = new Set(index.search(typo, { limit: 10 }).map((hit) => hit.passageId));
    total += expected.length === 0 ? 1 : expected.filter((id) => found.has(id)).length / expected.length;
  }
  return total / queries.typos.length;
}

/** Median over `runs` fresh processes (see measureHeap.ts); `nodeOptions` go before the script (a larger heap at 1,000,000 passages). */
export function measureHeap(cacheFile: string, runs = RUNS, nodeOptions: string[] = []): number {
  const bytes: number[] = [];
  for (let run = 0; run < runs; run++) {
    const output = execFileSync(process.execPath, ['--expose-gc', ...nodeOptions, join(__dirname, 'measureHeap.js'), cacheFile], { encoding: 'utf8', maxBuffer: 1024 * 1024 });
    bytes.push((JSON.parse(output) as { bytes: number }).bytes);
  }
  return median(bytes);
}

export function measureHover(articles: Article[], index: PassageIndex, runCount = RUNS): { topicsMs: number; topicCount: number; hoverMaxMentions: number; hover: Percentiles } {
  const started = performance.now();
  const topics = extractTopics(articles, { entries: [] });
  const topicsMs = performance.now() - started;
  const named = topics.topics().filter((topic) => topic.name.length >= 3).slice(0, HOVERS);
  const hovers = named.map((topic) => {
    const line = `Our draft says that ${topic.name} matters here, and why.`;
    return { line, offset: line.indexOf(topic.name) + 1 };
  });
  const articlesById = new Map(articles.map((article) => [article.id, article]));
  const cardSource = { article: (id: string) => articlesById.get(id), passage: (id: string) => index.passage(id) };
  const runs: Timings[] = [];
  for (let run = 0; run < runCount; run++) {
    gc();
    runs.push(
      timeEach(hovers, ({ line, offset }) => {
        // What the hover provider does: find the topic and the topics its words name in other
        // alphabets, then build its card (counts, spellings per source, three passages trimmed and
        // highlighted).
        const match = topics.matchAt(line, offset);
        if (match) buildTopicCard(match, cardSource, 3, undefined, match.quality === 'transliterated' ? [] : topics.transliterationsAt(line, match));
      }),
    );
  }
  const hoverMaxMentions = Math.max(0, ...named.map((topic) => topic.mentions.length));
  return { topicsMs, topicCount: topics.topics().length, hoverMaxMentions, hover: medianPercentiles(runs) };
}

export const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toFixed(3));
export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
