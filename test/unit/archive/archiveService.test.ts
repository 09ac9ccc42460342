/**
 * Sourcebook Archive's HTTP service against a real PostgreSQL (a throwaway cluster holding the
 * bundled corpus): what the extension gets back for search, hover and article fetch, and how
 * the service refuses what it must (no token, oversized and hostile queries, too many
 * requests), and how it answers when the database goes away mid-session and comes back.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import postgres from 'postgres';
import { connectImporter, connectReader, type Database } from '../../../archive/src/archiveDatabase';
import { importArchive } from '../../../archive/src/archiveImport';
import { createArchiveServer } from '../../../archive/src/archiveService';
import { archiveLimits, type ArchiveArticleResponse, type ArchiveError, type ArchiveSearchResponse, type ArchiveStatus, type ArchiveTopicResponse } from '../../../src/core/archive/archiveProtocol';
import { archiveSkipReason, bundledCorpus, silent, startThrowawayPostgres, type ThrowawayPostgres } from './archiveTestSupport';

const skip = archiveSkipReason();
const token = 'test-token-0123456789abcdef';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function close(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

describe('Sourcebook Archive service', { skip, timeout: 300_000 }, () => {
  let cluster: ThrowawayPostgres;
  let reader: Database;
  let server: Server;
  let base: string;
  const servers: Server[] = [];
  const pools: Database[] = [];

  async function get<T>(path: string, headers: Record<string, string> = { Authorization: `Bearer ${token}` }, at = base): Promise<{ status: number; body: T; headers: Headers }> {
    const response = await fetch(at + path, { headers });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  }

  before(async () => {
    cluster = await startThrowawayPostgres();
    const importer = connectImporter(cluster.importerUrl);
    await importArchive(importer, { paths: [bundledCorpus], log: silent });
    await importer.end({ timeout: 5 });
    reader = connectReader(cluster.readerUrl);
    server = createArchiveServer({ database: reader, tokens: [token], allowOrigins: ['https://vscode.dev'], logError: silent });
    base = await listen(server);
  });

  after(async () => {
    await close(server);
    for (const extra of servers) await close(extra);
    for (const pool of [reader, ...pools]) await pool?.end({ timeout: 5 });
    await cluster?.stop();
  });

  test('a request without a token, or with a wrong one, is refused with 401', async () => {
    const none = await get<ArchiveError>('/v1/status', {});
    assert.equal(none.status, 401);
    assert.equal(none.body.error, 'unauthorized');
    const wrong = await get<ArchiveError>('/v1/search?q=Putin', { Authorization: 'Bearer test-token-0123456789abcdeX' });
    assert.equal(wrong.status, 401);
    const basic = await get<ArchiveError>('/v1/search?q=Putin', { Authorization: `Basic ${token}` });
    assert.equal(basic.status, 401);
    const ok = await get<ArchiveStatus>('/v1/status');
    assert.equal(ok.status, 200);
    assert.equal(ok.body.service, 'sourcebook-archive');
    assert.equal(ok.body.articles, 5);
    assert.ok(ok.body.passages > 50 && ok.body.topics > 10);
    assert.ok(ok.body.updatedAt && !Number.isNaN(Date.parse(ok.body.updatedAt)));
  });

  test('search ranks passages with the words and marks them in the snippet', async () => {
    const { status, body } = await get<ArchiveSearchResponse>('/v1/search?q=S-400%20missile&limit=5');
    assert.equal(status, 200);
    assert.ok(body.hits.length >= 3, `${body.hits.length} hits`);
    for (const hit of body.hits) {
      const marked = hit.snippet.highlights.map((span) => hit.snippet.text.slice(span.start, span.end).toLowerCase());
      assert.ok(marked.some((word) => word.replace(/[^a-z0-9]/g, '') === 's400'), `S-400 marked in ${hit.snippet.text}`);
      assert.ok(marked.some((word) => word.startsWith('missile')), `missile marked in ${hit.snippet.text}`);
    }
    const scores = body.hits.map((hit) => hit.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    const ap = body.hits.find((hit) => hit.outlet === 'Associated Press');
    assert.ok(ap, 'the AP passage is found');
    assert.equal(ap.text, 'India’s purchase of the Russian S-400 missile system, which it believes is vital to countering China, may stimulate India-US relations.');
  });

  test('a misspelt name finds the passages of the right one (Jaishnkar)', async () => {
    const { body } = await get<ArchiveSearchResponse>('/v1/search?q=Jaishnkar');
    assert.ok(body.hits.length >= 1);
    for (const hit of body.hits) {
      const marked = hit.snippet.highlights.map((span) => hit.snippet.text.slice(span.start, span.end));
      assert.ok(marked.includes('Jaishankar'), `Jaishankar marked in ${hit.snippet.text}`);
    }
  });

  test('filters: outlet, date range and topic', async () => {
    const all = (await get<ArchiveSearchResponse>('/v1/search?q=India&limit=50')).body.hits;
    const outlets = new Set(all.map((hit) => hit.outlet));
    assert.ok(outlets.size >= 2, 'India is in several outlets');
    const ap = (await get<ArchiveSearchResponse>('/v1/search?q=India&limit=50&outlet=associated%20press')).body.hits;
    assert.ok(ap.length > 0 && ap.length < all.length);
    assert.ok(ap.every((hit) => hit.outlet === 'Associated Press'));
    const dated = all.filter((hit) => hit.date);
    assert.ok(dated.length > 0);
    const day = dated[0].date!;
    const onDay = (await get<ArchiveSearchResponse>(`/v1/search?q=India&limit=50&from=${day}&to=${day}`)).body.hits;
    assert.ok(onDay.length > 0 && onDay.every((hit) => hit.date === day));
    const none = (await get<ArchiveSearchResponse>('/v1/search?q=India&from=1990-01-01&to=1990-12-31')).body.hits;
    assert.equal(none.length, 0);
    const aboutS400 = (await get<ArchiveSearchResponse>('/v1/search?q=India&limit=50&topic=S-400')).body.hits;
    assert.ok(aboutS400.length > 0 && aboutS400.length < all.length);
    assert.ok(aboutS400.every((hit) => /S-?400/.test(hit.text)), 'every passage mentions S-400');
    const badDate = await get<ArchiveError>('/v1/search?q=India&from=2021-02-30');
    assert.equal(badDate.status, 400);
    assert.equal(badDate.body.error, 'bad-request');
  });

  test('the hover card: the topic, its spellings per source, passages up to the limit', async () => {
    const { status, body } = await get<ArchiveTopicResponse>('/v1/topic?term=S-400&limit=2');
    assert.equal(status, 200);
    assert.ok(body.card);
    assert.equal(body.card.name, 'S-400');
    assert.equal(body.card.kind, 'system');
    assert.equal(body.card.matchQuality, 'exact');
    assert.equal(body.card.passages.length, 2);
    assert.ok(body.card.sourceCount >= 3);
    assert.ok(body.card.passages.every((passage) => passage.snippet.highlights.length > 0));
    const variant = await get<ArchiveTopicResponse>('/v1/topic?term=S400');
    assert.equal(variant.body.card?.name, 'S-400');
    const fuzzy = await get<ArchiveTopicResponse>('/v1/topic?term=Jaishnkar');
    assert.equal(fuzzy.body.card?.name, 'S. Jaishankar');
    assert.equal(fuzzy.body.card?.matchQuality, 'fuzzy');
    assert.equal(fuzzy.body.card?.closestMatchFor, 'Jaishnkar');
    const unknown = await get<ArchiveTopicResponse>('/v1/topic?term=Vientiane%20Accords');
    assert.equal(unknown.status, 200);
    assert.equal(unknown.body.card, null);
    const big = await get<ArchiveTopicResponse>('/v1/topic?term=S-400&limit=500');
    assert.ok(big.body.card && big.body.card.passages.length <= archiveLimits.maxCardPassages);
  });

  test('an article is fetched whole, with each passage where it is in the text; an unknown one is 404', async () => {
    const hit = (await get<ArchiveSearchResponse>('/v1/search?q=S-400&limit=1')).body.hits[0];
    const { status, body } = await get<ArchiveArticleResponse>(`/v1/articles/${encodeURIComponent(hit.articleId)}`);
    assert.equal(status, 200);
    assert.equal(body.article.id, hit.articleId);
    assert.equal(body.article.title, hit.articleTitle);
    const passage = body.article.passages.find((entry) => entry.id === hit.passageId);
    assert.ok(passage);
    assert.equal(body.article.text.slice(passage.start, passage.end), hit.text);
    const missing = await get<ArchiveError>('/v1/articles/no-such-article');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error, 'not-found');
  });

  test('a 10 MB query is refused before it is read, and a query over the length cap is 400', async () => {
    const huge = await get<ArchiveError>(`/v1/search?q=${'a'.repeat(10 * 1024 * 1024)}`);
    assert.equal(huge.status, 413);
    assert.equal(huge.body.error, 'request-too-large');
    const long = await get<ArchiveError>(`/v1/search?q=${'word '.repeat(200)}`);
    assert.equal(long.status, 400);
    assert.equal(long.body.error, 'query-too-long');
    const longTerm = await get<ArchiveError>(`/v1/topic?term=${'x'.repeat(archiveLimits.maxQueryLength + 1)}`);
    assert.equal(longTerm.status, 400);
    assert.equal(longTerm.body.error, 'query-too-long');
  });

  test('SQL-ish queries are words: no hits, and the tables are still there', async () => {
    for (const q of ["'; DROP TABLE passages; --", "' OR 1=1 --", 'x\\\' | !! & <-> :* ()', "S-400') OR ('a'='a"]) {
      const { status, body } = await get<ArchiveSearchResponse>(`/v1/search?q=${encodeURIComponent(q)}`);
      assert.equal(status, 200, q);
      assert.equal(body.hits.length, 0, q);
    }
    const topic = await get<ArchiveTopicResponse>(`/v1/topic?term=${encodeURIComponent("'; DELETE FROM topics; --")}`);
    assert.equal(topic.status, 200);
    const admin = postgres(cluster.url, { max: 1, onnotice: silent });
    try {
      const [row] = await admin`SELECT (SELECT count(*) FROM passages)::int AS passages, (SELECT count(*) FROM topics)::int AS topics`;
      assert.ok(row.passages > 50 && row.topics > 10);
    } finally {
      await admin.end({ timeout: 5 });
    }
  });

  test('a query that matches nearly everything returns at most 50 hits, and says it was truncated', async () => {
    const { body } = await get<ArchiveSearchResponse>('/v1/search?q=the&limit=1000000');
    assert.equal(body.hits.length, archiveLimits.maxSearchHits);
    assert.equal(body.truncated, true);
    assert.ok(body.hits.every((hit) => hit.text.length <= archiveLimits.maxHitTextLength));
    const bad = await get<ArchiveError>('/v1/search?q=the&limit=-3');
    assert.equal(bad.status, 400);
  });

  test('too many requests from one client are answered 429', async () => {
    const limited = createArchiveServer({ database: reader, tokens: [token], ratePerSecond: 1, rateBurst: 3, logError: silent });
    servers.push(limited);
    const at = await listen(limited);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await get('/v1/status', { Authorization: `Bearer ${token}` }, at)).status);
    assert.deepEqual(statuses.slice(0, 3), [200, 200, 200]);
    assert.equal(statuses[4], 429);
    const refused = await get<ArchiveError>('/v1/status', { Authorization: `Bearer ${token}` }, at);
    assert.equal(refused.body.error, 'rate-limited');
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
  });

  test('CORS: an allowed origin gets its preflight and headers, another does not', async () => {
    const preflight = await fetch(`${base}/v1/search?q=x`, { method: 'OPTIONS', headers: { Origin: 'https://vscode.dev', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://vscode.dev');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    const allowed = await get('/v1/status', { Authorization: `Bearer ${token}`, Origin: 'https://vscode.dev' });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://vscode.dev');
    const other = await fetch(`${base}/v1/search?q=x`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const otherGet = await get('/v1/status', { Authorization: `Bearer ${token}`, Origin: 'https://evil.example' });
    assert.equal(otherGet.headers.get('access-control-allow-origin'), null);
  });

  test('a query slower than the statement time-out is answered 503, not waited for', async () => {
    const impatient = connectReader(cluster.readerUrl, 1);
    pools.push(impatient);
    const slow = createArchiveServer({ database: impatient, tokens: [token], databaseWaitMs: 3000, logError: silent });
    servers.push(slow);
    const at = await listen(slow);
    const started = Date.now();
    const { status, body } = await get<ArchiveError>('/v1/search?q=the%20India%20Russia&limit=50', { Authorization: `Bearer ${token}` }, at);
    assert.equal(status, 503);
    assert.equal(body.error, 'database-unavailable');
    assert.ok(Date.now() - started < 30_000);
  });

  test('when the database stops mid-session the service answers 503, and recovers when it is back', async () => {
    assert.equal((await get('/v1/search?q=Putin')).status, 200);
    cluster.stopServer();
    try {
      const started = Date.now();
      for (const path of ['/v1/search?q=Putin', '/v1/topic?term=S-400', '/v1/status']) {
        const { status, body } = await get<ArchiveError>(path);
        assert.equal(status, 503, path);
        assert.equal(body.error, 'database-unavailable');
      }
      assert.ok(Date.now() - started < 60_000, 'answered without hanging');
    } finally {
      cluster.startServer();
    }
    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 200; attempt++) {
      status = (await get('/v1/search?q=Putin')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(status, 200);
    const { body } = await get<ArchiveSearchResponse>('/v1/search?q=Putin');
    assert.ok(body.hits.length > 0);
  });
});
