/**
 * Sourcebook Archive's import and topics against a real PostgreSQL (a throwaway cluster, no
 * mocks): the bundled corpus goes in through the core's ingestion, re-import is idempotent, a
 * changed file replaces its passages, and the archive's hover card for S-400 is the local one.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { connectImporter, connectReader, type Database } from '../../../archive/src/archiveDatabase';
import { importArchive } from '../../../archive/src/archiveImport';
import { lookupTopicCard, searchArchive } from '../../../archive/src/archiveQueries';
import { refreshTopics } from '../../../archive/src/archiveTopics';
import { settleArticleLanguage } from '../../../src/core/ingest/articleLanguage';
import { francGuesser } from '../../../src/core/ingest/francGuesser';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import { parseManifest } from '../../../src/core/ingest/manifest';
import type { Article } from '../../../src/core/model';
import { buildTopicCard } from '../../../src/core/present/topicCard';
import { parseAliasFile } from '../../../src/core/topics/aliasFile';
import { extractTopics } from '../../../src/core/topics/topicIndex';
import { archiveSkipReason, bundledCorpus, silent, startThrowawayPostgres, type ThrowawayPostgres } from './archiveTestSupport';

const skip = archiveSkipReason();

describe('Sourcebook Archive import', { skip, timeout: 300_000 }, () => {
  let cluster: ThrowawayPostgres;
  let importer: Database;
  let reader: Database;
  let workFolder: string;

  before(async () => {
    cluster = await startThrowawayPostgres();
    importer = connectImporter(cluster.importerUrl);
    reader = connectReader(cluster.readerUrl);
    workFolder = mkdtempSync(join(tmpdir(), 'sourcebook-archive-import-'));
  });

  after(async () => {
    await importer?.end({ timeout: 5 });
    await reader?.end({ timeout: 5 });
    await cluster?.stop();
    if (workFolder) rmSync(workFolder, { recursive: true, force: true });
  });

  test('imports the bundled corpus: its articles, real passage text, outlets and dates from the manifest', async () => {
    const summary = await importArchive(importer, { paths: [bundledCorpus], log: silent });
    assert.equal(summary.files, 5);
    assert.equal(summary.imported, 5);
    assert.deepEqual(summary.skipped, {});
    assert.equal(summary.articles, 5);
    const [counts] = await reader`SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM passages)::int AS passages`;
    assert.equal(counts.articles, 5);
    assert.equal(counts.passages, summary.passages);
    assert.ok(summary.passages > 50, `${summary.passages} passages`);
    const [ap] = await reader`SELECT a.outlet, p.text FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.text LIKE ${'%S-400 missile system, which it believes is vital%'}`;
    assert.equal(ap.outlet, 'Associated Press');
    assert.equal(ap.text, 'India’s purchase of the Russian S-400 missile system, which it believes is vital to countering China, may stimulate India-US relations.');
    const outlets = (await reader`SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet`).map((row) => row.outlet);
    assert.ok(outlets.includes('YCPress'), outlets.join(', '));
    assert.ok(summary.topics && summary.topics.topics > 10, 'topics were built');
  });

  test('importing the same folder again changes nothing', async () => {
    const before = await reader`SELECT id, text FROM passages ORDER BY id`;
    const summary = await importArchive(importer, { paths: [bundledCorpus], log: silent });
    assert.equal(summary.unchanged, 5);
    assert.equal(summary.imported + summary.replaced, 0);
    assert.equal(summary.passages, 0);
    assert.equal(summary.topics?.written ?? 0, 0, 'no topic rewritten');
    const afterRows = await reader`SELECT id, text FROM passages ORDER BY id`;
    assert.deepEqual(afterRows, before);
  });

  test('a changed file replaces its passages; the others stay', async () => {
    const folder = join(workFolder, 'desk');
    cpSync(bundledCorpus, folder, { recursive: true });
    const first = await importArchive(importer, { paths: [folder], log: silent });
    assert.equal(first.imported, 5);
    const file = join(folder, '002_f27318ddd049f123.txt');
    const uri = pathToFileURL(file).href;
    const original = readFileSync(file, 'utf8');
    const otherBefore = (await reader`SELECT count(*)::int AS n FROM passages p JOIN articles a ON a.id = p.article_id WHERE a.source_uri LIKE ${pathToFileURL(folder).href + '/%'} AND a.source_uri <> ${uri}`)[0].n;
    // Keep the first paragraphs, drop the rest, add one with a word no other source has.
    const kept = original.split(/\n\s*\n/).slice(0, 3).join('\n\n');
    writeFileSync(file, `${kept}\n\nThe quokkagram treaty was signed in Vientiane by both delegations.\n`);
    const second = await importArchive(importer, { paths: [folder], log: silent });
    assert.equal(second.replaced, 1);
    assert.equal(second.unchanged, 4);
    const passages = await reader`SELECT p.text FROM passages p JOIN articles a ON a.id = p.article_id WHERE a.source_uri = ${uri} ORDER BY p.ordinal`;
    assert.ok(passages.length <= 4, `${passages.length} passages after the edit`);
    assert.equal(passages[passages.length - 1].text, 'The quokkagram treaty was signed in Vientiane by both delegations.');
    const otherAfter = (await reader`SELECT count(*)::int AS n FROM passages p JOIN articles a ON a.id = p.article_id WHERE a.source_uri LIKE ${pathToFileURL(folder).href + '/%'} AND a.source_uri <> ${uri}`)[0].n;
    assert.equal(otherAfter, otherBefore);
    const found = await searchArchive(reader, { q: 'quokkagram', limit: 5 });
    assert.equal(found.hits.length, 1);
    assert.equal(found.hits[0].text, 'The quokkagram treaty was signed in Vientiane by both delegations.');
    const [hash] = await reader`SELECT content_hash FROM source_files WHERE uri = ${uri}`;
    assert.ok(hash.content_hash.length === 64);
  });

  test('a file that cannot be read is a counted skip, and the rest of the batch is imported', async () => {
    const folder = join(workFolder, 'mixed');
    cpSync(bundledCorpus, folder, { recursive: true });
    writeFileSync(join(folder, 'zz_binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(join(folder, 'zz_empty.md'), '   \n\n');
    const summary = await importArchive(importer, { paths: [folder], log: silent });
    assert.equal(summary.imported, 5);
    assert.equal((summary.skipped.binary ?? 0) + (summary.skipped['unknown-encoding'] ?? 0), 1, JSON.stringify(summary.skipped));
    assert.equal(summary.skipped.empty, 1);
    // Recorded with its hash: the next import does not read it again.
    const again = await importArchive(importer, { paths: [folder], log: silent });
    assert.equal(again.unchanged, 7);
  });

  test('with --prune, a file deleted from a folder leaves the archive; without it, it stays', async () => {
    const folder = join(workFolder, 'pruned');
    cpSync(bundledCorpus, folder, { recursive: true });
    await importArchive(importer, { paths: [folder], log: silent });
    const file = join(folder, '003_9f5badaf90869d35.txt');
    const uri = pathToFileURL(file).href;
    rmSync(file);
    const kept = await importArchive(importer, { paths: [folder], log: silent });
    assert.equal(kept.removed, 0);
    assert.equal((await reader`SELECT count(*)::int AS n FROM articles WHERE source_uri = ${uri}`)[0].n, 1);
    const pruned = await importArchive(importer, { paths: [folder], prune: true, log: silent });
    assert.equal(pruned.removed, 1);
    assert.equal((await reader`SELECT count(*)::int AS n FROM articles WHERE source_uri = ${uri}`)[0].n, 0);
    assert.equal((await reader`SELECT count(*)::int AS n FROM passages p JOIN articles a ON a.id = p.article_id WHERE a.source_uri = ${uri}`)[0].n, 0);
    // Other folders' files are not touched by pruning this one.
    assert.equal((await reader`SELECT count(*)::int AS n FROM source_files WHERE uri LIKE ${pathToFileURL(bundledCorpus).href + '/%'}`)[0].n, 5);
  });

  test("the archive's card for S-400 is the card the local index gives on the same corpus", async () => {
    // The local side, as the extension builds it: the same files, manifest and alias file, languages settled.
    const manifest = parseManifest(readFileSync(join(bundledCorpus, 'sourcebook.manifest.json'), 'utf8'));
    assert.ok(manifest.ok);
    const aliases = parseAliasFile(readFileSync(join(bundledCorpus, 'topics.json'), 'utf8'));
    assert.ok(aliases.ok);
    const articles: Article[] = [];
    for (const fileName of ['000_cc383362073219a8.txt', '001_68714617578c8ffe.txt', '002_f27318ddd049f123.txt', '003_9f5badaf90869d35.txt', '004_80468003f30bc126.txt']) {
      const path = join(bundledCorpus, fileName);
      const outcome = ingestFile({ uri: pathToFileURL(path).href, fileName, bytes: readFileSync(path), metadata: manifest.entries[fileName] });
      assert.equal(outcome.kind, 'articles');
      if (outcome.kind === 'articles') articles.push(...outcome.articles.map((article) => settleArticleLanguage(article, francGuesser)));
    }
    const index = extractTopics(articles, aliases.table);
    const [match] = index.lookup('S-400', 1);
    assert.ok(match, 'the local index knows S-400');
    const passages = new Map(articles.flatMap((article) => article.passages.map((passage) => [passage.id, passage] as const)));
    const byId = new Map(articles.map((article) => [article.id, article]));
    const local = buildTopicCard(match, { article: (id) => byId.get(id), passage: (id) => passages.get(id) }, 3);

    // The archive holds the bundled corpus and the copies above; a fresh cluster would hold only it, so compare on a fresh import.
    await importer`TRUNCATE source_files, articles, passages, topics, topic_keys, topic_mentions CASCADE`;
    await importArchive(importer, { paths: [bundledCorpus], log: silent });
    const archived = await lookupTopicCard(reader, 'S-400', 3);
    assert.ok(archived, 'the archive knows S-400');
    assert.equal(archived.name, local.name);
    assert.equal(archived.kind, local.kind);
    assert.equal(archived.topicId, local.topicId);
    assert.equal(archived.matchQuality, local.matchQuality);
    assert.equal(archived.sourceCount, local.sourceCount);
    assert.equal(archived.passageCount, local.passageCount);
    assert.deepEqual(archived.spellings, local.spellings);
    // As the wire carries it (JSON has no `outlet: undefined`), each passage naming the article it is in.
    assert.deepEqual(archived.passages, JSON.parse(JSON.stringify(local.passages.map(({ passageId, ...rest }) => ({ passageId, articleId: passages.get(passageId)?.articleId, ...rest })))));
    assert.ok(archived.passages.every((passage) => passage.articleId && byId.has(passage.articleId)));
    assert.ok(local.sourceCount >= 3, 'S-400 is in several sources');
  });

  test('a re-import that changes one file reads only its text for candidates, and its topics equal a fresh import of the same folder', async () => {
    const folder = join(workFolder, 'refresh');
    cpSync(bundledCorpus, folder, { recursive: true });
    const snapshot = async (): Promise<unknown> => ({
      topics: await importer`SELECT id, name, kind, source_count, mention_count, seen_spellings, card::text AS card FROM topics ORDER BY id`,
      keys: await importer`SELECT key, topic_id, word_count, from_alias, lowercase_ok, caps_only FROM topic_keys ORDER BY key`,
      mentions: await importer`SELECT topic_id, passage_id FROM topic_mentions ORDER BY topic_id, passage_id`,
    });
    await importer`TRUNCATE source_files, articles, passages, topics, topic_keys, topic_mentions CASCADE`;
    const first = await importArchive(importer, { paths: [folder], log: silent });
    assert.equal(first.topics?.evidenceWorkedOut, 0, 'every article was given its evidence as it was written');
    const before = await snapshot();
    const s400Before = await lookupTopicCard(importer, 'S-400', 12);

    // One source gains a paragraph about S-400 and a name no source had.
    const file = join(folder, '001_68714617578c8ffe.txt');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nThe Quokkagram Accord covers the S-400 batteries. Officials said the Quokkagram Accord would hold.\n`);
    const refreshed = await importArchive(importer, { paths: [folder], log: silent });
    assert.equal(refreshed.replaced, 1);
    assert.equal(refreshed.topics?.evidenceWorkedOut, 0, 'no kept article was read again for candidates');
    assert.equal(refreshed.topics?.evidenceKept, 5);
    const incremental = await snapshot();
    assert.notDeepEqual(incremental, before, 'the edit changed the topics');
    const s400After = await lookupTopicCard(importer, 'S-400', 12);
    assert.equal(s400After?.passageCount, (s400Before?.passageCount ?? 0) + 1);
    assert.ok((await lookupTopicCard(importer, 'Quokkagram Accord', 3))?.passages.length, 'the new name is a topic');

    await importer`TRUNCATE source_files, articles, passages, topics, topic_keys, topic_mentions CASCADE`;
    await importArchive(importer, { paths: [folder], log: silent });
    assert.deepEqual(incremental, await snapshot());

    // An archive imported before evidence was kept: the refresh reads the text, keeps the evidence, and no topic changes.
    await importer`DELETE FROM article_evidence`;
    const backfilled = await refreshTopics(importer);
    assert.equal(backfilled.evidenceWorkedOut, 5);
    assert.equal(backfilled.written, 0);
    assert.equal((await importer`SELECT count(*)::int AS n FROM article_evidence`)[0].n, 5);
    assert.equal((await refreshTopics(importer)).evidenceWorkedOut, 0);
    // Evidence another candidate finder kept is not trusted: worked out again, and no topic changes.
    await importer`UPDATE article_evidence SET finder = 'an-older-finder', evidence = '{"candidates":[],"lowercaseWords":[]}'`;
    const refound = await refreshTopics(importer);
    assert.equal(refound.evidenceWorkedOut, 5);
    assert.equal(refound.written, 0);
  });

  test('the reader role cannot write, and the service connection is read-only', async () => {
    const plain = postgres(cluster.readerUrl, { max: 1, onnotice: silent });
    try {
      await assert.rejects(plain`INSERT INTO vocabulary (term) VALUES ('planted')`, (error: { code?: string }) => error.code === '42501');
      await assert.rejects(plain`DELETE FROM passages`, (error: { code?: string }) => error.code === '42501');
      await assert.rejects(plain.unsafe('DROP TABLE passages'), (error: { code?: string }) => error.code === '42501');
      await assert.rejects(plain.unsafe('CREATE TABLE planted (x int)'), (error: { code?: string }) => error.code === '42501');
    } finally {
      await plain.end({ timeout: 5 });
    }
    await assert.rejects(reader`INSERT INTO vocabulary (term) VALUES ('planted')`, (error: { code?: string }) => error.code === '25006' || error.code === '42501');
    const [count] = await reader`SELECT count(*)::int AS n FROM passages`;
    assert.ok(count.n > 0);
  });
});
