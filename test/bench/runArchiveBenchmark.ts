/**
 * `npm run bench:archive` (not in CI): Sourcebook Archive at 1,000,000 passages. The State of the
 * Union corpus of the other benches is repeated to a million passages (as test/bench/sotuCorpus.ts
 * reads it), written out as .txt files (one folder per copy, with a manifest giving outlet and date), and
 * imported by the real import path (`importArchive`: the core's ingestion, COPY batches, then
 * the topic refresh) into a throwaway cluster with crash safety on (fsync, as a newsroom would
 * run it). Then the service answers search and hover requests over HTTP on this machine, one at a
 * time, and the latencies are measured as the client sees them. Prints a markdown table.
 *
 * ARCHIVE_BENCH_PASSAGES sets another size (e.g. 100000 for a quick run).
 */
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { connectImporter, connectReader } from '../../archive/src/archiveDatabase';
import { importArchive } from '../../archive/src/archiveImport';
import { createArchiveServer } from '../../archive/src/archiveService';
import type { ArchiveSearchResponse, ArchiveTopicResponse } from '../../src/core/archive/archiveProtocol';
import { KINDS, ms, percentile, queriesOf, type QueryKind } from './benchMeasures';
import { benchQueries } from './benchQueries';
import { writeArchiveBenchCorpus } from './archiveBenchCorpus';
import { BENCH_MAX_PASSAGE_CHARS, loadSotuArticles } from './sotuCorpus';

const PASSAGES = Number(process.env.ARCHIVE_BENCH_PASSAGES ?? 1_000_000);
const QUERIES_PER_KIND = 200;
const HOVERS = 200;
const TOKEN = 'bench-token-0123456789abcdef';

const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

interface Cluster {
  url: string;
  importerUrl: string;
  readerUrl: string;
  stop(): Promise<void>;
}

function stats(values: number[]): { p50: number; p95: number } {
  return { p50: percentile(values, 0.5), p95: percentile(values, 0.95) };
}

async function timeRequests(base: string, paths: string[]): Promise<{ p50: number; p95: number; failures: number; hits: number }> {
  const times: number[] = [];
  let failures = 0;
  let hits = 0;
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(base + path, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const body = (await response.json()) as Partial<ArchiveSearchResponse & ArchiveTopicResponse>;
    times.push(performance.now() - started);
    if (response.status !== 200) failures++;
    if ((body.hits?.length ?? 0) > 0 || body.card) hits++;
  }
  return { ...stats(times), failures, hits };
}

async function main(): Promise<void> {
  const loadStart = loadavg()[0];
  const runStarted = performance.now();
  const source = loadSotuArticles();
  const queries = benchQueries(source, QUERIES_PER_KIND, 7);

  const { folder, textBytes } = writeArchiveBenchCorpus(source, PASSAGES);

  const harness = (await importModule(join(__dirname, '..', '..', '..', 'scripts', 'throwawayPostgres.mjs'))) as { startThrowawayPostgres(options: { durable: boolean }): Promise<Cluster> };
  const cluster = await harness.startThrowawayPostgres({ durable: true });
  const importer = connectImporter(cluster.importerUrl);
  const reader = connectReader(cluster.readerUrl);
  let server: Server | undefined;
  try {
    const summary = await importArchive(importer, { paths: [folder], ingestOptions: { maxPassageChars: BENCH_MAX_PASSAGE_CHARS }, log: (line) => console.log(line) });
    const passagesMillis = summary.readMillis + summary.writeMillis;
    const [size] = await importer`SELECT pg_database_size(current_database())::float8 AS bytes,
      pg_total_relation_size('passages')::float8 AS passages, pg_relation_size('passages_tsv')::float8 AS tsv,
      (SELECT count(*) FROM passages)::int AS rows, (SELECT max(mention_count) FROM topics)::int AS biggest`;
    const again = await importArchive(importer, { paths: [folder], ingestOptions: { maxPassageChars: BENCH_MAX_PASSAGE_CHARS }, log: () => undefined });
    await importer`VACUUM ANALYZE`;

    server = createArchiveServer({ database: reader, tokens: [TOKEN], ratePerSecond: 1_000_000, rateBurst: 1_000_000 });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const search = {} as Record<QueryKind, Awaited<ReturnType<typeof timeRequests>>>;
    for (const kind of KINDS) {
      const paths = queriesOf(queries, kind).map((query) => `/v1/search?q=${encodeURIComponent(query)}&limit=20`);
      await timeRequests(base, paths.slice(0, 20)); // warm-up
      search[kind] = await timeRequests(base, paths);
    }
    const names = (await reader<Array<{ name: string }>>`SELECT name FROM topics WHERE length(name) >= 3 ORDER BY source_count DESC, mention_count DESC, id LIMIT ${HOVERS}`).map((row) => row.name);
    const hoverPaths = names.map((name) => `/v1/topic?term=${encodeURIComponent(name)}&limit=3`);
    await timeRequests(base, hoverPaths.slice(0, 20));
    const hover = await timeRequests(base, hoverPaths);
    const status = await (await fetch(`${base}/v1/status`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();

    const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
    const rows = [
      ['| measure | archive (PostgreSQL, over HTTP) | local index (same passages, in the editor; "At 1,000,000 passages") | target |', '|---|---|---|---|'],
      [`| passages / articles | ${size.rows.toLocaleString('en-US')} / ${summary.articles.toLocaleString('en-US')} (${(textBytes / 1024 / 1024).toFixed(0)} MB of files) | 1,000,000 / 5,982 | |`],
      [`| import: read + ingest + COPY (rows/s) | ${(passagesMillis / 1000).toFixed(0)} s (${Math.round(size.rows / (passagesMillis / 1000)).toLocaleString('en-US')} passages/s; reading ${(summary.readMillis / 1000).toFixed(0)} s, writing ${(summary.writeMillis / 1000).toFixed(0)} s) | index build 8.2 s | |`],
      [`| topics: read back + buildTopics + cards + COPY | ${summary.topics ? `${(summary.topics.readMillis / 1000).toFixed(0)} + ${(summary.topics.buildMillis / 1000).toFixed(0)} + ${(summary.topics.writeMillis / 1000).toFixed(0)} s, ${summary.topics.topics.toLocaleString('en-US')} topics; biggest ${size.biggest.toLocaleString('en-US')} mentions` : 'not run'} | extractTopics 59.8 s, 5,936 topics | |`],
      [`| whole import | ${(summary.totalMillis / 1000).toFixed(0)} s | | |`],
      [`| re-import, nothing changed | ${(again.totalMillis / 1000).toFixed(1)} s (${again.unchanged.toLocaleString('en-US')} files unchanged) | | |`],
      [`| database size (passages table with its indexes; the GIN index alone) | ${mb(size.bytes)} MB (${mb(size.passages)} MB; ${mb(size.tsv)} MB) | cache 474 MB, heap 571 MB | |`],
      ...KINDS.map((kind) => [`| search p50 / p95, ${kind} (queries with hits) | ${ms(search[kind].p50)} / ${ms(search[kind].p95)} ms (${search[kind].hits}/${QUERIES_PER_KIND}${search[kind].failures ? `, ${search[kind].failures} failed` : ''}) | ${{ 'one word': '1.43 / 7.38', typo: '1.31 / 4.83', 'three words': '8.14 / 19.2' }[kind]} ms | p95 ≤ 100 ms |`]),
      [`| hover look-up p50 / p95 (cards found) | ${ms(hover.p50)} / ${ms(hover.p95)} ms (${hover.hits}/${names.length}${hover.failures ? `, ${hover.failures} failed` : ''}) | 0.038 / 0.065 ms | p95 ≤ 30 ms |`],
    ].flat();
    console.log(`\nStatus: ${JSON.stringify(status)}`);
    console.log(`\nMachine: ${cpus().length} cores, Node ${process.version}; load average ${loadStart.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end; ${((performance.now() - runStarted) / 1000).toFixed(0)} s in all.\n`);
    console.log(rows.join('\n'));
  } finally {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await importer.end({ timeout: 5 });
    await reader.end({ timeout: 5 });
    await cluster.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
