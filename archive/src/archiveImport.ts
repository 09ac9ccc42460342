/**
 * `npm run archive:import`: reads folders of sources with Sourcebook's own ingestion (every format
 * the extension reads, PDF and Word included) into the archive's tables, in batches written
 * with COPY. Each file's content hash is kept: an unchanged file is not read again, a changed
 * one has its articles and passages replaced in the same transaction that records its new hash,
 * so an import stopped half-way resumes where it stopped. Each article's topic evidence (its
 * candidate names) is worked out as it is written; topics are refreshed at the end.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { settleArticleLanguage } from '../../src/core/ingest/articleLanguage';
import { francGuesser } from '../../src/core/ingest/francGuesser';
import { formatOfFileName } from '../../src/core/ingest/ingestFile';
import type { IngestOptions } from '../../src/core/ingest/ingestOptions';
import { ingestSourceFile, type LazyLibraries } from '../../src/core/ingest/ingestSourceFile';
import { parseManifest } from '../../src/core/ingest/manifest';
import type { PdfJsModule } from '../../src/core/ingest/pdfReader';
import type { Article, ArticleMetadata, SkipReason } from '../../src/core/model';
import { forEachTerm } from '../../src/core/search/searchTokens';
import { articleEvidence } from '../../src/core/topics/buildTopics';
import { emptyAliasTable, parseAliasFile, type AliasTable } from '../../src/core/topics/aliasFile';
import { applySchema, grantReader, type Database } from './archiveDatabase';
import { copyRows, evidenceFinder, refreshTopics, type TopicRefresh } from './archiveTopics';
import { copyLine } from './copyText';

const manifestFileName = 'sourcebook.manifest.json';
/** Alias files the import reads in each folder it is given, as the extension reads them. */
const aliasFileNames = ['topics.json', join('.sourcebook', 'topics.json')];

export interface ImportOptions {
  /** Folders (or single files) to import. */
  paths: string[];
  /** The role the service reads with; it gets SELECT on the tables. */
  readerRole?: string;
  /** An alias file for the whole archive; otherwise `topics.json` or `.sourcebook/topics.json` in the first folder that has one. */
  aliasFile?: string;
  /** Remove from the archive the files under these folders that are no longer there (off by default: an unmounted share must not empty the archive). */
  prune?: boolean;
  /** Skip the topic refresh (a bench measures it apart). */
  skipTopics?: boolean;
  ingestOptions?: Partial<IngestOptions>;
  /** A batch is written once it holds this many passages (or 500 files). */
  batchPassages?: number;
  log?: (line: string) => void;
}

export interface ImportSummary {
  files: number;
  imported: number;
  replaced: number;
  unchanged: number;
  skipped: Partial<Record<SkipReason | 'write-failed', number>>;
  /** Files removed from the archive by `prune`. */
  removed: number;
  articles: number;
  passages: number;
  warnings: number;
  readMillis: number;
  writeMillis: number;
  totalMillis: number;
  topics?: TopicRefresh;
}

/** A real ES `import()` from CommonJS (TypeScript would turn a written one into `require`, which pdf.js's package refuses). */
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

/** pdf.js, loaded the first time a PDF is read, as the extension's engine does. */
export const archiveLibraries: LazyLibraries = {
  loadPdfJs: async () => (await importModule('unpdf/pdfjs')) as PdfJsModule,
};

interface SourceFile {
  path: string;
  uri: string;
  fileName: string;
  metadata?: Partial<ArticleMetadata>;
}

interface ReadFile {
  uri: string;
  hash: string;
  replaces: boolean;
  articles: Article[];
  skip?: { reason: SkipReason | 'write-failed'; detail: string };
}

/** Every file Sourcebook reads under `path` (dot-folders and symbolic links are not followed), with its manifest metadata. */
function sourceFilesUnder(path: string, found: SourceFile[]): void {
  const stat = statSync(path);
  if (stat.isFile()) {
    if (formatOfFileName(path)) found.push({ path, uri: pathToFileURL(path).href, fileName: basename(path) });
    return;
  }
  if (!stat.isDirectory()) return;
  const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let manifest: Record<string, Partial<ArticleMetadata>> = {};
  if (entries.some((entry) => entry.isFile() && entry.name === manifestFileName)) {
    const parsed = parseManifest(readFileSync(join(path, manifestFileName), 'utf8'));
    if (parsed.ok) manifest = parsed.entries;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) sourceFilesUnder(child, found);
    else if (entry.isFile() && formatOfFileName(entry.name)) {
      const metadata = Object.prototype.hasOwnProperty.call(manifest, entry.name) ? manifest[entry.name] : undefined;
      found.push({ path: child, uri: pathToFileURL(child).href, fileName: entry.name, ...(metadata ? { metadata } : {}) });
    }
  }
}

/** The alias table for the archive: the one named, else the first folder's `topics.json`. */
export function readAliasTable(options: Pick<ImportOptions, 'aliasFile' | 'paths'>, log: (line: string) => void): { table: AliasTable; text?: string } {
  const candidates = options.aliasFile ? [options.aliasFile] : options.paths.flatMap((path) => aliasFileNames.map((name) => join(path, name)));
  for (const candidate of candidates) {
    let text: string;
    try {
      text = readFileSync(candidate, 'utf8');
    } catch {
      continue;
    }
    const parsed = parseAliasFile(text);
    if (parsed.ok) {
      log(`Aliases: ${candidate} (${parsed.table.entries.length} topics).`);
      return { table: parsed.table, text };
    }
    log(`Aliases: ${candidate} was not used: ${parsed.message} (line ${parsed.line + 1}).`);
  }
  return { table: emptyAliasTable };
}

/** The hash that decides whether a file changed: its bytes and the manifest's metadata for it. */
function contentHash(bytes: Uint8Array, metadata: Partial<ArticleMetadata> | undefined): string {
  return createHash('sha256').update(bytes).update(JSON.stringify(metadata ?? {})).digest('hex');
}

/** The passage's terms as the local index makes them, space-separated, for the `tsvector`. */
export function passageTerms(text: string, vocabulary?: Set<string>): string {
  const terms: string[] = [];
  forEachTerm(text, (term) => {
    terms.push(term);
    vocabulary?.add(term);
  });
  return terms.join(' ');
}

export async function importArchive(sql: Database, options: ImportOptions): Promise<ImportSummary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  await applySchema(sql);
  await grantReader(sql, options.readerRole ?? 'sourcebook_reader');
  const aliases = readAliasTable(options, log);
  if (aliases.text !== undefined) {
    await sql`INSERT INTO archive_state (singleton, alias_file) VALUES (true, ${aliases.text}) ON CONFLICT (singleton) DO UPDATE SET alias_file = excluded.alias_file`;
  }
  const files: SourceFile[] = [];
  for (const path of options.paths) sourceFilesUnder(resolve(path), files);
  const known = new Map<string, string>();
  for (const row of await sql<Array<{ uri: string; content_hash: string }>>`SELECT uri, content_hash FROM source_files`) known.set(row.uri, row.content_hash);
  log(`Importing ${files.length.toLocaleString('en-US')} file(s) from ${options.paths.join(', ')}; the archive knows ${known.size.toLocaleString('en-US')}.`);

  const summary: ImportSummary = { files: files.length, imported: 0, replaced: 0, unchanged: 0, skipped: {}, removed: 0, articles: 0, passages: 0, warnings: 0, readMillis: 0, writeMillis: 0, totalMillis: 0 };
  const batchPassages = options.batchPassages ?? 20_000;
  let batch: ReadFile[] = [];
  let batchPassageCount = 0;
  let done = 0;
  let lastProgress = performance.now();
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const writeStart = performance.now();
    const written = await writeBatch(sql, batch);
    summary.writeMillis += performance.now() - writeStart;
    for (const file of written) {
      if (file.skip) summary.skipped[file.skip.reason] = (summary.skipped[file.skip.reason] ?? 0) + 1;
      else {
        if (file.replaces) summary.replaced++;
        else summary.imported++;
        summary.articles += file.articles.length;
        for (const article of file.articles) summary.passages += article.passages.length;
      }
    }
    batch = [];
    batchPassageCount = 0;
    const now = performance.now();
    if (now - lastProgress > 2000 || done === files.length) {
      lastProgress = now;
      const seconds = (now - started) / 1000;
      log(`  ${done.toLocaleString('en-US')}/${files.length.toLocaleString('en-US')} files, ${summary.passages.toLocaleString('en-US')} passages written (${Math.round(summary.passages / seconds).toLocaleString('en-US')}/s), ${summary.unchanged.toLocaleString('en-US')} unchanged`);
    }
  };

  for (const file of files) {
    const readStart = performance.now();
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file.path);
    } catch (error) {
      summary.skipped.unreadable = (summary.skipped.unreadable ?? 0) + 1;
      log(`  skipped ${file.path}: ${error instanceof Error ? error.message : String(error)}`);
      done++;
      continue;
    }
    const hash = contentHash(bytes, file.metadata);
    const previous = known.get(file.uri);
    if (previous === hash) {
      summary.unchanged++;
      done++;
      summary.readMillis += performance.now() - readStart;
      continue;
    }
    const outcome = await ingestSourceFile({ uri: file.uri, fileName: file.fileName, bytes, ...(file.metadata ? { metadata: file.metadata } : {}) }, options.ingestOptions, archiveLibraries);
    summary.readMillis += performance.now() - readStart;
    done++;
    if (outcome.kind === 'skipped') {
      log(`  skipped ${file.path}: ${outcome.reason} (${outcome.detail})`);
      batch.push({ uri: file.uri, hash, replaces: previous !== undefined, articles: [], skip: { reason: outcome.reason, detail: outcome.detail } });
    } else {
      summary.warnings += outcome.warnings.length;
      // Languages are settled as the extension's engine settles them (declared, else detected), so topics come out the same.
      const articles = outcome.articles.map((article) => settleArticleLanguage(article, francGuesser));
      batch.push({ uri: file.uri, hash, replaces: previous !== undefined, articles });
      for (const article of articles) batchPassageCount += article.passages.length;
    }
    if (batchPassageCount >= batchPassages || batch.length >= 500) await flush();
  }
  await flush();
  if (options.prune) {
    const present = new Set(files.map((file) => file.uri));
    const folders = options.paths.map((path) => pathToFileURL(resolve(path)).href.replace(/\/?$/, '/'));
    const gone = [...known.keys()].filter((uri) => !present.has(uri) && folders.some((folder) => uri.startsWith(folder)));
    if (gone.length > 0) {
      await sql`DELETE FROM source_files WHERE uri IN (SELECT json_array_elements_text(CAST(${JSON.stringify(gone)} AS text)::json))`;
      summary.removed = gone.length;
      log(`  removed ${gone.length.toLocaleString('en-US')} file(s) no longer in the folders`);
    }
  }
  const changed = summary.removed + summary.imported + summary.replaced + Object.values(summary.skipped).reduce((sum, count) => sum + (count ?? 0), 0);
  if (changed > 0) {
    // Fresh statistics of common lexemes: the search plan depends on them.
    await sql`ANALYZE passages, articles, vocabulary`;
  }
  if (!options.skipTopics && (changed > 0 || aliases.text !== undefined)) {
    summary.topics = await refreshTopics(sql, log);
  }
  await recordState(sql);
  summary.totalMillis = performance.now() - started;
  log(
    `Done in ${(summary.totalMillis / 1000).toFixed(1)} s: ${summary.imported} new, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ${summary.removed} removed, ` +
      `${Object.entries(summary.skipped).map(([reason, count]) => `${count} skipped (${reason})`).join(', ') || '0 skipped'}; ${summary.passages.toLocaleString('en-US')} passages written.`,
  );
  return summary;
}

/** Counts for `/v1/status`, kept so the service never counts a million rows per request. */
export async function recordState(sql: Database): Promise<void> {
  await sql`
    INSERT INTO archive_state (singleton, updated_at, article_count, passage_count, topic_count)
    VALUES (true, now(), (SELECT count(*) FROM articles), (SELECT count(*) FROM passages), (SELECT count(*) FROM topics))
    ON CONFLICT (singleton) DO UPDATE SET updated_at = excluded.updated_at, article_count = excluded.article_count,
      passage_count = excluded.passage_count, topic_count = excluded.topic_count`;
}

/**
 * Writes a batch of files in one transaction: their old rows go (articles and passages cascade),
 * the new ones come in with COPY. When the batch fails (two files claim one id...), each file is
 * written alone and a file that still fails is recorded as skipped, so one bad file never stops
 * an import.
 */
async function writeBatch(sql: Database, batch: ReadFile[]): Promise<ReadFile[]> {
  try {
    await writeFiles(sql, batch);
    return batch;
  } catch (error) {
    if (batch.length === 1) {
      const file = batch[0];
      const failed: ReadFile = { ...file, articles: [], skip: { reason: 'write-failed', detail: error instanceof Error ? error.message : String(error) } };
      await writeFiles(sql, [failed]);
      return [failed];
    }
    const results: ReadFile[] = [];
    for (const file of batch) results.push(...(await writeBatch(sql, [file])));
    return results;
  }
}

async function writeFiles(sql: Database, files: ReadFile[]): Promise<void> {
  const vocabulary = new Set<string>();
  let fileRows = '';
  let articleRows = '';
  let passageRows = '';
  let evidenceRows = '';
  for (const file of files) {
    fileRows += copyLine([file.uri, file.hash, file.articles.length, file.skip?.reason, file.skip?.detail.slice(0, 2000)]);
    file.articles.forEach((article, position) => {
      const meta = article.meta;
      articleRows += copyLine([article.id, file.uri, position, article.format, meta.title, meta.outlet, meta.author, meta.date, meta.url, meta.language, meta.languageSource]);
      evidenceRows += copyLine([article.id, evidenceFinder(), JSON.stringify(articleEvidence(article))]);
      for (const passage of article.passages) {
        const { range } = passage;
        passageRows += copyLine([passage.id, article.id, passage.ordinal, passage.text, passage.page, range.startLine, range.startCharacter, range.endLine, range.endCharacter, passageTerms(passage.text, vocabulary)]);
      }
    });
  }
  await sql.begin(async (tx) => {
    await tx`DELETE FROM source_files WHERE uri = ANY(${files.map((file) => file.uri)})`;
    await copyRows(tx`COPY source_files (uri, content_hash, article_count, skip_reason, skip_detail) FROM STDIN`, fileRows);
    if (articleRows) await copyRows(tx`COPY articles (id, source_uri, position, format, title, outlet, author, date, url, language, language_source) FROM STDIN`, articleRows);
    if (passageRows) await copyRows(tx`COPY passages (id, article_id, ordinal, text, page, start_line, start_character, end_line, end_character, terms) FROM STDIN`, passageRows);
    if (evidenceRows) await copyRows(tx`COPY article_evidence (article_id, finder, evidence) FROM STDIN`, evidenceRows);
    if (vocabulary.size > 0) await tx`INSERT INTO vocabulary (term) SELECT unnest(${[...vocabulary]}::text[]) ON CONFLICT DO NOTHING`;
  });
}
