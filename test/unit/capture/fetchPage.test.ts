import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { checkAddress, fetchPage, type FetchedPage, type FetchOutcome } from '../../../src/core/capture/fetchPage';

/** The page a fetch that must have succeeded read. */
function pageOf(outcome: FetchOutcome): FetchedPage {
  assert.ok(outcome.ok && outcome.page, JSON.stringify(outcome));
  return outcome.page;
}

const page = '<!DOCTYPE html><html><head><title>Test page</title></head><body><article><p>Hello from the test server.</p></article></body></html>';
let server: Server;
let origin: string;
const seenHeaders: IncomingHttpHeaders[] = [];
const openResponses = new Set<import('node:http').ServerResponse>();

before(async () => {
  server = createServer((request, response) => {
    seenHeaders.push(request.headers);
    const path = request.url ?? '/';
    if (path === '/article') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (path === '/no-type') return void response.writeHead(200).end(page);
    if (path === '/no-type-binary') return void response.writeHead(200).end(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0, 0]));
    if (path === '/missing') return void response.writeHead(404, 'Not Found', { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    if (path === '/json') return void response.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}');
    if (path === '/pdf') return void response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4\n%fake body');
    if (path === '/files/Annual%20Report.pdf') return void response.writeHead(200, { 'content-type': 'application/octet-stream' }).end('%PDF-1.7\nbinary');
    if (path === '/fake.pdf') return void response.writeHead(200, { 'content-type': 'application/pdf' }).end('<html><body>Log in to read</body></html>');
    if (path === '/huge.pdf') return void response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(60 * 1048576) }).end();
    if (path === '/endless.pdf') {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.on('error', () => undefined);
      response.write('%PDF-1.4\n');
      let sent = 0;
      const pump = () => {
        while (sent < 40) {
          sent++;
          if (!response.write(Buffer.alloc(1024))) return void response.once('drain', pump);
        }
        response.end();
      };
      return pump();
    }
    if (path === '/brief.docx') return void response.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }).end(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    if (path === '/empty') return void response.writeHead(200, { 'content-type': 'text/html' }).end('   ');
    if (path === '/cyrillic') return void response.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' }).end(Buffer.from([0x3c, 0x70, 0x3e, 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x3c, 0x2f, 0x70, 0x3e]));
    if (path === '/slow') {
      openResponses.add(response);
      return; // never answers
    }
    if (path === '/slow-body') {
      openResponses.add(response);
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<html><body><p>The beginning');
      return; // the rest never comes
    }
    if (path === '/big') {
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'x'.repeat(1000)}</p>`;
      let sent = 0;
      const pump = () => {
        while (sent < 3000) {
          sent++;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('error', () => undefined);
      return pump();
    }
    if (path === '/loop-a') return void response.writeHead(302, { location: '/loop-b' }).end();
    if (path === '/loop-b') return void response.writeHead(302, { location: `${origin}/loop-a` }).end();
    const hop = /^\/hop\/(\d+)$/.exec(path);
    if (hop) {
      const left = Number(hop[1]);
      return void response.writeHead(301, { location: left > 0 ? `/hop/${left - 1}` : '/article' }).end();
    }
    if (path === '/to-file') return void response.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (path === '/set-cookie') return void response.writeHead(302, { location: '/article', 'set-cookie': 'session=abc' }).end();
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const response of openResponses) response.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('an HTML page is fetched with its final address; no cookie, credentials or referrer are sent, even after a Set-Cookie', async () => {
  seenHeaders.length = 0;
  const outcome = await fetchPage(`${origin}/set-cookie`);
  assert.ok(outcome.ok, JSON.stringify(outcome));
  assert.equal(pageOf(outcome).url, `${origin}/article`);
  assert.equal(pageOf(outcome).html, page);
  assert.equal(pageOf(outcome).redirects, 1);
  assert.equal(pageOf(outcome).truncated, false);
  assert.equal(seenHeaders.length, 2);
  for (const headers of seenHeaders) {
    assert.equal(headers.cookie, undefined);
    assert.equal(headers.authorization, undefined);
    assert.equal(headers.referer, undefined);
  }
});

test('only http and https addresses, without a user name or password, are fetched', async () => {
  for (const [address, message] of [
    ['file:///etc/passwd', 'Only http:// and https:// pages can be added, not file: addresses.'],
    ['javascript:alert(1)', 'Only http:// and https:// pages can be added, not javascript: addresses.'],
    ['ftp://example.org/x', 'Only http:// and https:// pages can be added, not ftp: addresses.'],
    ['example.org/page', '“example.org/page” is not a web address: it must start with http:// or https://.'],
    ['https://user:secret@example.org/', 'The address carries a user name or password; Sourcebook never sends credentials.'],
  ]) {
    const outcome = await fetchPage(address);
    assert.deepEqual(outcome, { ok: false, kind: 'bad-address', message }, address);
  }
  assert.equal((checkAddress(' https://example.org/a ') as URL).href, 'https://example.org/a');
});

test('a 404 says what the server answered', async () => {
  assert.deepEqual(await fetchPage(`${origin}/missing`), { ok: false, kind: 'http-status', status: 404, message: `127.0.0.1:${new URL(origin).port} answered 404 Not Found for ${origin}/missing.` });
});

test('a page that never answers, or stops sending, ends at the time-out with one sentence', async () => {
  const started = Date.now();
  const host = new URL(origin).host;
  assert.deepEqual(await fetchPage(`${origin}/slow`, { limits: { timeoutMs: 300 } }), { ok: false, kind: 'timeout', message: `${host} did not send the page within 0.3 seconds.` });
  const slowBody = await fetchPage(`${origin}/slow-body`, { limits: { timeoutMs: 1500 } });
  assert.deepEqual(slowBody, { ok: false, kind: 'timeout', message: `${host} did not send the page within 1.5 seconds.` });
  assert.ok(Date.now() - started < 10_000);
});

test('the writer can cancel a fetch', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  assert.deepEqual(await fetchPage(`${origin}/slow`, { signal: controller.signal }), { ok: false, kind: 'cancelled', message: 'Cancelled.' });
});

test('redirects: a loop is caught at once, more than the cap is refused, a redirect to a non-web address is refused', async () => {
  assert.deepEqual(await fetchPage(`${origin}/loop-a`), { ok: false, kind: 'redirect-loop', message: `${origin}/loop-a redirects in a loop (back to ${origin}/loop-a).` });
  assert.deepEqual(await fetchPage(`${origin}/hop/9`), { ok: false, kind: 'too-many-redirects', message: `${origin}/hop/9 redirected more than 5 times.` });
  const fine = await fetchPage(`${origin}/hop/3`);
  assert.ok(fine.ok && pageOf(fine).redirects === 4 && pageOf(fine).url === `${origin}/article`);
  const toFile = await fetchPage(`${origin}/to-file`);
  assert.equal(toFile.ok ? 'ok' : toFile.kind, 'http-status');
});

test('anything but HTML, PDF or Word is refused with its type', async () => {
  assert.deepEqual(await fetchPage(`${origin}/json`), { ok: false, kind: 'not-html', contentType: 'application/json', message: `${origin}/json is not a web page (application/json); only HTML pages, PDF and Word files can be added.` });
  const untyped = await fetchPage(`${origin}/no-type`);
  assert.ok(untyped.ok, 'HTML without a content type is recognised');
  const binary = await fetchPage(`${origin}/no-type-binary`);
  assert.equal(binary.ok ? 'ok' : binary.kind, 'not-html');
  assert.deepEqual(await fetchPage(`${origin}/empty`), { ok: false, kind: 'empty', message: `${origin}/empty sent an empty page.` });
});

test('the body is streamed and cut at the size cap', async () => {
  const outcome = await fetchPage(`${origin}/big`, { limits: { maxBytes: 100_000 } });
  assert.ok(outcome.ok);
  assert.equal(pageOf(outcome).bytes, 100_000);
  assert.equal(pageOf(outcome).truncated, true);
  assert.equal(pageOf(outcome).html.length, 100_000);
});

test('the charset the server names decodes the page', async () => {
  const outcome = await fetchPage(`${origin}/cyrillic`);
  assert.ok(outcome.ok);
  assert.equal(pageOf(outcome).html, '<p>Привет</p>');
});

test('an unreachable host says so (node), a failed fetch in a browser points to CORS and Paste HTML as Source', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  assert.deepEqual(await fetchPage(`http://127.0.0.1:${port}/`), { ok: false, kind: 'unreachable', message: `127.0.0.1:${port} refused the connection (ECONNREFUSED).` });
  const browserFetch = (async () => {
    throw new TypeError('Failed to fetch');
  }) as typeof fetch;
  const blocked = await fetchPage('https://news.example/story', { inBrowser: true, fetch: browserFetch });
  assert.deepEqual(blocked, {
    ok: false,
    kind: 'browser-blocked',
    message: 'news.example could not be read from VS Code for the Web: most sites do not let a browser page read theirs (CORS), and the site may also be unreachable or redirect in a loop. Copy the page\'s HTML and use “Paste HTML as Source...” instead.',
  });
});

test('in a browser, redirects are left to the browser (a manual redirect is opaque there), and credentials are never included', async () => {
  const calls: RequestInit[] = [];
  const browserFetch = (async (_url: string, init: RequestInit) => {
    calls.push(init);
    if (init.redirect === 'manual') return { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null, url: '' } as unknown as Response;
    return new Response(page, { status: 200, headers: { 'content-type': 'text/html' } });
  }) as unknown as typeof fetch;
  const outcome = await fetchPage('https://news.example/story', { fetch: browserFetch });
  assert.ok(outcome.ok);
  assert.deepEqual(calls.map((init) => [init.redirect, init.credentials]), [['manual', 'omit'], ['follow', 'omit']]);
  calls.length = 0;
  await fetchPage('https://news.example/story', { fetch: browserFetch, inBrowser: true });
  assert.deepEqual(calls.map((init) => init.redirect), ['follow']);
});

test('a PDF or Word file is read whole, as bytes, when the server says so or the address ends in .pdf', async () => {
  const pdf = await fetchPage(`${origin}/pdf`);
  assert.ok(pdf.ok && pdf.document, JSON.stringify(pdf));
  assert.deepEqual({ ...pdf.document, bytes: new TextDecoder().decode(pdf.document.bytes) }, { url: `${origin}/pdf`, kind: 'pdf', bytes: '%PDF-1.4\n%fake body', redirects: 0 });
  const untyped = await fetchPage(`${origin}/files/Annual%20Report.pdf`);
  assert.equal(untyped.ok && untyped.document?.kind, 'pdf', 'an octet-stream whose address ends in .pdf is a PDF');
  const word = await fetchPage(`${origin}/brief.docx`);
  assert.equal(word.ok && word.document?.kind, 'docx');
  assert.equal(word.ok && word.document?.bytes.length, 7);
});

test('a PDF that is not one, or is too long, is refused with a sentence; nothing is cut', async () => {
  assert.deepEqual(await fetchPage(`${origin}/fake.pdf`), { ok: false, kind: 'not-html', message: `${origin}/fake.pdf is said to be a PDF, but its bytes are not one.` });
  assert.deepEqual(await fetchPage(`${origin}/huge.pdf`), { ok: false, kind: 'too-large', message: `${origin}/huge.pdf is a PDF of 60 MB, over the 50 MB Sourcebook reads from the web; download it into a source folder instead.` });
  assert.deepEqual(await fetchPage(`${origin}/endless.pdf`, { limits: { maxDocumentBytes: 20 * 1024 } }), {
    ok: false,
    kind: 'too-large',
    message: `${origin}/endless.pdf is a PDF of more than 20 KB, over what Sourcebook reads from the web; download it into a source folder instead.`,
  });
});

test('the accept header stays CORS-safelisted (at most 128 characters), so a browser sends no preflight', async () => {
  seenHeaders.length = 0;
  await fetchPage(`${origin}/article`);
  const accept = String(seenHeaders[0]?.accept ?? '');
  assert.match(accept, /^text\/html,.*application\/pdf/);
  assert.ok(accept.length <= 128, `${accept.length} characters`);
});
