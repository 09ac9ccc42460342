import assert from 'node:assert/strict';
import { createServer, Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { ArchiveClient, archiveAddress, type ArchiveConnection } from '../../../src/core/archive/archiveClient';
import { archiveLimits, archiveProtocolVersion, type ArchiveSearchHit } from '../../../src/core/archive/archiveProtocol';

/**
 * A real local HTTP server answering as the archive protocol says (and, on some paths, as a
 * broken or hostile one would), so the client is tested over real sockets.
 */
const token = 'test-token-7';
const status = { service: 'sourcebook-archive', protocolVersion: archiveProtocolVersion, articles: 1204, passages: 1_204_311, topics: 88, updatedAt: '2026-11-30T20:00:00Z' };
const goodHit: ArchiveSearchHit = {
  passageId: 'p-1',
  articleId: 'a-1',
  articleTitle: 'Harbour dredging resumes',
  outlet: 'Coast Times',
  date: '2025-03-02',
  text: 'The Quillmarsh dredger returned to the harbour on Monday.',
  snippet: { text: 'The Quillmarsh dredger returned', highlights: [{ start: 4, end: 14 }] },
  score: 3.2,
};
const card = {
  topicId: 't-quillmarsh',
  name: 'Quillmarsh',
  kind: 'other',
  matchQuality: 'exact',
  passageCount: 3,
  sourceCount: 2,
  spellings: [],
  passages: [
    { passageId: 'p-1', articleTitle: 'Harbour dredging resumes', outlet: 'Coast Times', date: '2025-03-02', snippet: { text: 'The Quillmarsh dredger returned', highlights: [{ start: 4, end: 14 }] } },
    { passageId: 'p-2', articleTitle: 'Port report', snippet: { text: 'Quillmarsh again', highlights: [{ start: 0, end: 10 }] } },
  ],
};
/** Passage ids of the archive's own form (`<articleId>.<hash>`): one passage whose article the service names, one from an older service that names none, one whose named article is malformed. */
const cardNamingArticles = {
  ...card,
  topicId: 't-brackwater',
  name: 'Brackwater',
  passages: [
    { ...card.passages[0], passageId: 'a-1.p1', articleId: 'a-9' },
    { ...card.passages[1], passageId: 'a-2.v3.p7' },
    { ...card.passages[1], passageId: 'a-3.p2', articleId: 'a 3; DROP TABLE' },
  ],
};

let server: Server;
let origin: string;
const hanging = new Set<ServerResponse>();
const seenPaths: string[] = [];
const seenAuthorization: Array<string | undefined> = [];
let databaseDown = false;

function json(response: ServerResponse, code: number, body: unknown): void {
  response.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

before(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    seenPaths.push(url.pathname + url.search);
    seenAuthorization.push(request.headers.authorization);
    const prefix = url.pathname.match(/^\/(\w+)\//)?.[1] ?? '';
    const route = url.pathname.replace(/^\/\w+(?=\/v1\/)/, '');
    if (request.headers.authorization !== `Bearer ${token}`) return json(response, 401, { error: 'unauthorized', message: 'bad token' });
    if (prefix === 'slow') return void hanging.add(response);
    if (prefix === 'drop') return void request.socket.destroy();
    if (prefix === 'huge') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.on('error', () => undefined);
      response.write('{"hits":["');
      let sent = 0;
      const pump = () => {
        while (sent < 10 * 1024) {
          sent++;
          if (!response.write('x'.repeat(1024))) return void response.once('drain', pump);
        }
        response.end('"]}');
      };
      return pump();
    }
    if (prefix === 'garbled') return void response.writeHead(200, { 'content-type': 'application/json' }).end('{"hits": [tru');
    if (prefix === 'old') return json(response, 200, { ...status, protocolVersion: 0 });
    if (prefix === 'other') return json(response, 200, { hello: 'world' });
    if (databaseDown) return json(response, 503, { error: 'database-unavailable', message: 'no database' });
    if (route === '/v1/status') return json(response, 200, status);
    if (route === '/v1/search') {
      const limit = Number(url.searchParams.get('limit'));
      if (url.searchParams.get('q') === 'hostile') {
        return json(response, 200, {
          hits: [goodHit, { ...goodHit, passageId: '../../etc/passwd' }, { passageId: 'p-3' }, 'text', { ...goodHit, passageId: 'p-4', snippet: { text: 'ab', highlights: [{ start: 0, end: 99 }] }, url: 'javascript:alert(1)', date: 'yesterday' }],
          truncated: false,
        });
      }
      if (url.searchParams.get('q') === 'flood') return json(response, 200, { hits: Array.from({ length: 500 }, (_, i) => ({ ...goodHit, passageId: `p-${i}` })), truncated: true });
      return json(response, 200, { hits: Array.from({ length: Math.min(limit, 3) }, (_, i) => ({ ...goodHit, passageId: `p-${i + 1}` })), truncated: false });
    }
    if (route === '/v1/topic') {
      if (url.searchParams.get('term') === 'Quillmarsh') return json(response, 200, { card });
      if (url.searchParams.get('term') === 'Brackwater') return json(response, 200, { card: cardNamingArticles });
      if (url.searchParams.get('term') === 'crowded') return json(response, 200, { card: { ...card, passages: Array.from({ length: 40 }, () => card.passages[0]) } });
      return json(response, 200, { card: null });
    }
    if (route === '/v1/articles/a-1') return json(response, 200, { article: { id: 'a-1', title: 'Harbour dredging resumes', outlet: 'Coast Times', text: 'First.\n\nThe Quillmarsh dredger returned.', passages: [{ id: 'p-0', start: 0, end: 6 }, { id: 'p-1', start: 8, end: 40 }, { id: 'p-bad', start: 8, end: 9000 }] } });
    if (route.startsWith('/v1/articles/')) return json(response, 404, { error: 'not-found', message: 'no such article' });
    return json(response, 404, { error: 'not-found', message: 'no route' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const response of hanging) response.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client(prefix = '', options: Partial<ConstructorParameters<typeof ArchiveClient>[0]> = {}): ArchiveClient {
  return new ArchiveClient({ url: `${origin}/${prefix}`, token, retryAfterMs: 0, ...options });
}

test('status: a Sourcebook Archive of our version is connected, with its counts, and the token is sent', async () => {
  const archive = client();
  const outcome = await archive.status();
  assert.ok(outcome.ok, JSON.stringify(outcome));
  assert.equal(outcome.value.passages, 1_204_311);
  assert.equal(archive.connection?.state, 'connected');
  assert.match(archive.connection?.detail ?? '', /1,204,311 passages in 1,204 articles/);
  assert.equal(seenAuthorization.at(-1), `Bearer ${token}`);
});

test('a wrong token is `unauthorized`, and the writer is told once however many calls fail', async () => {
  const archive = new ArchiveClient({ url: origin, token: 'wrong', retryAfterMs: 0 });
  const heard: ArchiveConnection[] = [];
  archive.onDidChangeState((connection) => heard.push(connection));
  for (let i = 0; i < 5; i++) {
    const outcome = await archive.topic('Quillmarsh');
    assert.ok(!outcome.ok);
    assert.equal(outcome.state, 'unauthorized');
  }
  assert.deepEqual(heard.map((connection) => connection.state), ['unauthorized']);
  assert.match(heard[0].detail, /refused the token \(HTTP 401\)/);
});

test('a slow server is `too-slow` at the deadline, not a hang', async () => {
  const archive = client('slow');
  const started = Date.now();
  const outcome = await archive.search('Quillmarsh', { deadlineMs: 300 });
  assert.ok(!outcome.ok);
  assert.equal(outcome.state, 'too-slow');
  assert.ok(Date.now() - started < 30_000, 'gave up at its deadline');
  assert.match(outcome.message, /did not answer within 300 ms/);
});

test('a dropped connection is `unreachable`; so is a port nobody listens on', async () => {
  const dropped = await client('drop').topic('Quillmarsh');
  assert.ok(!dropped.ok);
  assert.equal(dropped.state, 'unreachable');
  const closed = new Server();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const nobody = await new ArchiveClient({ url: `http://127.0.0.1:${port}/`, token }).status();
  assert.ok(!nobody.ok);
  assert.equal(nobody.state, 'unreachable');
  assert.match(nobody.message, /cannot be reached \(ECONNREFUSED\)/);
});

test('a 10 MB answer is not read on: `incompatible`, and the client keeps working', async () => {
  const archive = client('huge', { maxAnswerBytes: 1024 * 1024 });
  const outcome = await archive.search('Quillmarsh');
  assert.ok(!outcome.ok);
  assert.equal(outcome.state, 'incompatible');
  assert.match(outcome.message, /over 1048576 bytes/);
  const after = await client().search('Quillmarsh');
  assert.ok(after.ok);
});

test('malformed JSON, a stranger service and an older protocol are `incompatible`', async () => {
  const garbled = await client('garbled').search('Quillmarsh');
  assert.ok(!garbled.ok);
  assert.equal(garbled.state, 'incompatible');
  assert.match(garbled.message, /not JSON/);
  const stranger = await client('other').status();
  assert.ok(!stranger.ok);
  assert.equal(stranger.state, 'incompatible');
  const old = await client('old').status();
  assert.ok(!old.ok);
  assert.match(old.message, /protocol version 0, this client speaks 1/);
});

test('search: hits of the wrong shape are dropped and counted; bad spans, addresses and dates are left out', async () => {
  const outcome = await client().search('hostile');
  assert.ok(outcome.ok, JSON.stringify(outcome));
  assert.deepEqual(outcome.value.hits.map((hit) => hit.passageId), ['p-1', 'p-4']);
  assert.equal(outcome.dropped, 3);
  const odd = outcome.value.hits[1];
  assert.deepEqual(odd.snippet.highlights, []);
  assert.equal(odd.url, undefined);
  assert.equal(odd.date, undefined);
});

test('search: the client asks for at most the protocol limit and keeps no more than it asked for', async () => {
  const flood = await client().search('flood', { limit: 10 });
  assert.ok(flood.ok);
  assert.equal(flood.value.hits.length, 10);
  assert.equal(flood.value.truncated, true);
  await client().search('Quillmarsh', { limit: 10_000 });
  assert.match(seenPaths.at(-1) ?? '', new RegExp(`limit=${archiveLimits.maxSearchHits}(&|$)`));
  const long = 'x'.repeat(5000);
  await client().search(long);
  const sent = new URL(seenPaths.at(-1) ?? '', 'http://h').searchParams.get('q') ?? '';
  assert.equal(sent.length, archiveLimits.maxQueryLength);
});

test('topic: the card comes back as the local card shape; unknown terms are null; passages capped', async () => {
  const archive = client();
  const found = await archive.topic('Quillmarsh');
  assert.ok(found.ok && found.value, JSON.stringify(found));
  assert.equal(found.value.name, 'Quillmarsh');
  assert.deepEqual(found.value.passages.map((passage) => passage.passageId), ['p-1', 'p-2']);
  assert.equal(found.value.passages[0].outlet, 'Coast Times');
  const unknown = await archive.topic('Nowhere');
  assert.ok(unknown.ok);
  assert.equal(unknown.value, null);
  const crowded = await archive.topic('crowded', { limit: 4 });
  assert.ok(crowded.ok && crowded.value);
  assert.equal(crowded.value.passages.length, 4);
});

test("topic: each card passage names its article, the service's when it sends one, else the passage id's", async () => {
  const archive = client();
  const found = await archive.topic('Brackwater');
  assert.ok(found.ok && found.value, JSON.stringify(found));
  assert.deepEqual(found.value.passages.map((passage) => [passage.passageId, passage.articleId]), [['a-1.p1', 'a-9'], ['a-2.v3.p7', 'a-2.v3'], ['a-3.p2', 'a-3']]);
  // Ids without the archive's form, from a service that names no article: no article is made up.
  const plain = await archive.topic('Quillmarsh');
  assert.ok(plain.ok && plain.value);
  assert.deepEqual(plain.value.passages.map((passage) => passage.articleId), [undefined, undefined]);
});

test('article: passages whose places fall outside the text are dropped; a missing article is not-found and the state stays', async () => {
  const archive = client();
  const found = await archive.article('a-1');
  assert.ok(found.ok, JSON.stringify(found));
  assert.equal(found.value.text.slice(found.value.passages[1].start, found.value.passages[1].end), 'The Quillmarsh dredger returned.');
  assert.equal(found.dropped, 1);
  const missing = await archive.article('a-404');
  assert.ok(!missing.ok);
  assert.equal(missing.code, 'not-found');
  assert.equal(archive.connection?.state, 'connected');
  const sneaky = await archive.article('../v1/status');
  assert.ok(!sneaky.ok);
  assert.equal(sneaky.code, 'bad-request');
});

test('a database outage is `unreachable`; when it is back the state returns to connected, each change heard once', async () => {
  const archive = client();
  const heard: string[] = [];
  archive.onDidChangeState((connection) => heard.push(connection.state));
  await archive.status();
  databaseDown = true;
  try {
    const down = await archive.topic('Quillmarsh');
    assert.ok(!down.ok);
    assert.match(down.message, /database is unavailable/);
    await archive.topic('Quillmarsh');
    await archive.search('Quillmarsh');
  } finally {
    databaseDown = false;
  }
  assert.ok((await archive.topic('Quillmarsh')).ok);
  assert.deepEqual(heard, ['connected', 'unreachable', 'connected']);
});

test('after a failure, calls other than status fail at once until the retry time, without a request', async () => {
  let clock = 1000;
  const archive = client('drop', { retryAfterMs: 10_000, now: () => clock });
  await archive.topic('Quillmarsh');
  const before = seenPaths.length;
  const quiet = await archive.topic('Quillmarsh');
  assert.ok(!quiet.ok);
  assert.equal(quiet.state, 'unreachable');
  assert.equal(seenPaths.length, before, 'no request was sent');
  clock += 10_001;
  await archive.topic('Quillmarsh');
  assert.equal(seenPaths.length, before + 1);
});

test('addresses: https, or http to this machine only; no credentials in them; always a folder; tokens of visible ASCII', () => {
  assert.equal((archiveAddress('https://archive.example/api') as URL).href, 'https://archive.example/api/');
  assert.equal((archiveAddress('http://127.0.0.1:8787') as URL).href, 'http://127.0.0.1:8787/');
  assert.equal((archiveAddress('http://localhost:8787/') as URL).href, 'http://localhost:8787/');
  assert.match(String(archiveAddress('http://archive.newsroom.example/')), /clear text/);
  assert.throws(() => new ArchiveClient({ url: 'https://archive.example/', token: 'tok\nen' }), /printable ASCII/);
  assert.throws(() => new ArchiveClient({ url: 'https://archive.example/', token: 'jéton-secret-1234' }), /printable ASCII/);
  assert.equal(typeof archiveAddress('file:///etc/passwd'), 'string');
  assert.equal(typeof archiveAddress('https://user:pw@archive.example/'), 'string');
  assert.equal(typeof archiveAddress('not an address'), 'string');
  assert.throws(() => new ArchiveClient({ url: 'ftp://x', token }));
});
