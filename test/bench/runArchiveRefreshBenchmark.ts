/**
 * `npm run bench:archive-refresh` (not in CI): what a topic refresh costs after a re-import that
 * changes 10 files, against rebuilding the archive's topics from every passage's text. The corpus
 * of `bench:archive` (ARCHIVE_BENCH_PASSAGES passages, 1,000,000 by default) is imported into a
 * throwaway cluster; then
 * - the full rebuild: the kept candidate names are dropped and the topics refreshed, so every
 *   article's text is read for candidates again (what every refresh did before they were kept);
 * - the incremental refresh: 10 files gain a paragraph and the folder is imported again.
 * Prints a markdown table.
 */
import { appendFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { connectImporter } from '../../archive/src/archiveDatabase';
import { importArchive } from '../../archive/src/archiveImport';
import { refreshTopics, type TopicRefresh } from '../../archive/src/archiveTopics';
import { writeArchiveBenchCorpus } from './archiveBenchCorpus';
import { BENCH_MAX_PASSAGE_CHARS, loadSotuArticles } from './sotuCorpus';

const PASSAGES = Number(process.env.ARCHIVE_BENCH_PASSAGES ?? 1_000_000);
const CHANGED_FILES = 10;

const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

function seconds(millis: number): string {
  return (millis / 1000).toFixed(1);
}

function phases(refresh: TopicRefresh): string {
  return `${seconds(refresh.readMillis + refresh.buildMillis + refresh.writeMillis)} s (read ${seconds(refresh.readMillis)}, build ${seconds(refresh.buildMillis)}, write ${seconds(refresh.writeMillis)}); candidates of ${refresh.evidenceKept.toLocaleString('en-US')} articles kept, ${refresh.evidenceWorkedOut.toLocaleString('en-US')} read from the text`;
}

async function main(): Promise<void> {
  const loadStart = loadavg()[0];
  const source = loadSotuArticles();
  const { folder, files } = writeArchiveBenchCorpus(source, PASSAGES);
  const harness = (await importModule(join(__dirname, '..', '..', '..', 'scripts', 'throwawayPostgres.mjs'))) as {
    startThrowawayPostgres(options: { durable: boolean }): Promise<{ importerUrl: string; stop(): Promise<void> }>;
  };
  const cluster = await harness.startThrowawayPostgres({ durable: true });
  const importer = connectImporter(cluster.importerUrl);
  const log = (line: string): void => console.log(line);
  try {
    const options = { paths: [folder], ingestOptions: { maxPassageChars: BENCH_MAX_PASSAGE_CHARS }, log };
    const first = await importArchive(importer, options);
    await importer`DELETE FROM article_evidence`;
    const rebuild = await refreshTopics(importer, log);
    // Every tenth file of the first copies gains a paragraph naming a topic and a new name.
    const changed = files.filter((_, index) => index % 10 === 0).slice(0, CHANGED_FILES);
    for (const file of changed) appendFileSync(file, '\n\nThe Quokkagram Accord was signed in Geneva. Officials said the Quokkagram Accord would hold.\n');
    const again = await importArchive(importer, options);
    const load = loadavg()[0];
    const rows = [
      '| measure | time |',
      '|---|---|',
      `| first import (${first.passages.toLocaleString('en-US')} passages, ${first.files.toLocaleString('en-US')} files): read + ingest + candidates + COPY | ${seconds(first.readMillis + first.writeMillis)} s |`,
      `| its topic refresh (candidates kept at import) | ${first.topics ? phases(first.topics) : '-'} |`,
      `| full rebuild: refresh with no candidates kept | ${phases(rebuild)} |`,
      `| re-import after changing ${changed.length} files: whole run | ${seconds(again.totalMillis)} s (${again.replaced} replaced, ${again.unchanged.toLocaleString('en-US')} unchanged) |`,
      `| its topic refresh | ${again.topics ? phases(again.topics) : '-'}; ${again.topics?.written ?? 0} topics written |`,
    ];
    console.log(`\nMachine: ${cpus().length} cores, Node ${process.version}; load average ${loadStart.toFixed(1)} at the start and ${load.toFixed(1)} at the end.\n`);
    console.log(rows.join('\n'));
  } finally {
    await importer.end({ timeout: 5 });
    await cluster.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
