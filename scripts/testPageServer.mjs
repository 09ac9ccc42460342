// A web server on 127.0.0.1 for the integration tests of Add Source from URL: it serves the saved
// pages in test/fixtures/capture and the failures a writer meets (a 404, a page that never
// answers, a redirect loop, a JSON response, a page without CORS headers). The harness starts
// it for every integration tier and tells the suite its address through a file beside the
// workspace (the web-worker host cannot start a server, and has no environment variables).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './codeServer.mjs';

const require = createRequire(import.meta.url);
/** The PDFs the document tests make (compiled by the type-check tier before any VS Code tier). */
const documentFixtures = () => require(join(repoRoot, 'out', 'test', 'fixtures', 'documents', 'documentFixtures.js'));

/** The file beside the workspace folder that tells the suite the server's address. */
export const TEST_PAGES_FILE_NAME = 'sourcebook-test-pages.json';

const fixtures = join(repoRoot, 'test', 'fixtures', 'capture');
/** In the web-worker host the extension's fetch is the browser's: every answer the test reads needs CORS. */
const cors = { 'access-control-allow-origin': '*' };

/**
 * Starts the server on a free port of 127.0.0.1.
 * @returns {Promise<{ origin: string, stop: () => Promise<void> }>}
 */
export async function startTestPageServer() {
  const hanging = new Set();
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const html = (file, headers = cors) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(readFileSync(join(fixtures, file)));
    switch (path) {
      case '/article.html':
        return html('article-page.html');
      case '/live-blog.html':
        return html('live-blog.html');
      case '/hostile.html':
        return html('hostile-page.html');
      case '/no-cors.html':
        return html('article-page.html', {});
      case '/missing':
        return response.writeHead(404, 'Not Found', { 'content-type': 'text/html', ...cors }).end('<h1>Not found</h1>');
      case '/reports/indo-pacific-logistics.pdf':
        return response.writeHead(200, { 'content-type': 'application/pdf', ...cors }).end(Buffer.from(documentFixtures().reportPdf()));
      case '/reports/scanned-letter.pdf':
        return response.writeHead(200, { 'content-type': 'application/octet-stream', ...cors }).end(Buffer.from(documentFixtures().scannedPdf()));
      case '/reports/login.pdf':
        return response.writeHead(200, { 'content-type': 'application/pdf', ...cors }).end('<html><body>Log in to download this report</body></html>');
      case '/data.json':
        return response.writeHead(200, { 'content-type': 'application/json', ...cors }).end('{"title":"not a page"}');
      case '/loop-a':
        return response.writeHead(302, { location: '/loop-b', ...cors }).end();
      case '/loop-b':
        return response.writeHead(302, { location: '/loop-a', ...cors }).end();
      case '/slow':
        // Never answers: the extension's time-out must end it.
        hanging.add(response);
        response.on('close', () => hanging.delete(response));
        return undefined;
      default:
        return response.writeHead(404, cors).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    stop: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
