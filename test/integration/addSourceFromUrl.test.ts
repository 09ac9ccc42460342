/**
 * Add Source from URL and Paste HTML as Source in a real VS Code, in both extension hosts,
 * against a web server on 127.0.0.1 serving saved pages (scripts/testPageServer.mjs, started by
 * the harness, which writes its address beside the workspace; under @vscode/test-electron the
 * node host starts the same routes itself). What a writer sees is asserted: the saved file's
 * front matter and first paragraph, the editor showing it, Search Sources finding it, and the
 * sentence each failure gives.
 *
 * In the web-worker host the extension's fetch is the browser's: the server sends CORS headers,
 * a page without them must give the CORS message (with Paste HTML as Source offered), and a
 * redirect loop is the browser's to stop (it reports a network error, so the same message).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import type { CaptureResult } from '../../src/host/pageCapture';
import { activateSourcebook, waitFor, workspaceFolder } from './sourcebookTestKit';

const captureFolder = 'captured-sources';
const config = () => vscode.workspace.getConfiguration('sourcebook');
const inNodeHost = typeof process === 'object' && typeof process.versions?.node === 'string';

/** The address of the test page server: the harness's, else (desktop runner, node host) one started here. */
async function testPageOrigin(): Promise<{ origin: string; stop?: () => void }> {
  const file = vscode.Uri.joinPath(workspaceFolder().uri, '..', 'sourcebook-test-pages.json');
  const written = await vscode.workspace.fs.readFile(file).then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as { origin?: string }, () => undefined);
  if (written?.origin) return { origin: written.origin };
  assert.ok(inNodeHost, 'no test page server: the harness did not start one, and the web-worker host cannot');
  return startOwnServer();
}

/** The harness's routes, for runs without the harness (node host only). */
async function startOwnServer(): Promise<{ origin: string; stop: () => void }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const http = require('http') as typeof import('http');
  const article = '<!DOCTYPE html><html><head><title>Fallback</title></head><body><p>The harness serves the real fixtures.</p></body></html>';
  const server = http.createServer((request, response) => {
    if (request.url === '/slow') return;
    if (request.url === '/missing') return void response.writeHead(404, 'Not Found').end();
    if (request.url === '/data.json') return void response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    if (request.url === '/loop-a') return void response.writeHead(302, { location: '/loop-b' }).end();
    if (request.url === '/loop-b') return void response.writeHead(302, { location: '/loop-a' }).end();
    response.writeHead(200, { 'content-type': 'text/html' }).end(article);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { origin: `http://127.0.0.1:${port}`, stop: () => server.closeAllConnections() };
}

async function capture(url: string, extra: Record<string, unknown> = {}): Promise<CaptureResult> {
  const result = await vscode.commands.executeCommand<CaptureResult | undefined>('sourcebook.addSourceFromUrl', { url, folder: captureFolder, ...extra });
  assert.ok(result, 'the command gave no result');
  return result;
}

async function savedText(result: CaptureResult): Promise<string> {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(result.uri)));
}

function frontMatterOf(text: string): Record<string, string> {
  const block = text.slice(4, text.indexOf('\n---\n', 4));
  return Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), JSON.parse(line.slice(line.indexOf(':') + 1).trim()) as string]));
}

function firstParagraphOf(text: string): string {
  const body = text.slice(text.indexOf('\n---\n', 4) + 5);
  return body.split('\n\n').map((block) => block.trim()).find((block) => block && !block.startsWith('#')) ?? '';
}

suite('Add Source from URL: a web page saved as a markdown source, indexed at once', function () {
  this.timeout(120_000);
  let api: SourcebookApi;
  let origin: string;
  let stopServer: (() => void) | undefined;
  const hostPort = () => new URL(origin).host;

  suiteSetup(async function () {
    this.timeout(120_000);
    api = await activateSourcebook();
    ({ origin, stop: stopServer } = await testPageOrigin());
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceFolder().uri, captureFolder));
    await config().update('corpus.paths', [captureFolder], vscode.ConfigurationTarget.Workspace);
    await api.ready();
  });

  suiteTeardown(async function () {
    this.timeout(120_000);
    stopServer?.();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, captureFolder), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the bundled corpus to come back', () => api.loadSummary()?.usingBundled === true && api.index.articles().length === 5, 60_000);
  });

  test('an article page: saved with its front matter and first paragraph, opened, and found by Search Sources', async () => {
    const result = await capture(`${origin}/article.html`);
    const text = await savedText(result);
    assert.ok(result.ok);
    assert.match(result.uri, new RegExp(`/${captureFolder}/s-400-deliveries-to-india-begin-says-moscow\\.md$`));
    const meta = frontMatterOf(text);
    assert.deepEqual({ ...meta, retrieved: undefined }, {
      title: 'S-400 deliveries to India begin, says Moscow',
      outlet: 'The Meridian Post',
      author: 'Anita Rao',
      date: '2021-12-06',
      url: `${origin}/article.html`,
      retrieved: undefined,
      language: 'en-GB',
    });
    assert.match(meta.retrieved, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(firstParagraphOf(text), 'Russia has begun delivering the S-400 air defence system to India, the head of its military cooperation agency said on Monday, despite the threat of sanctions from the United States.');
    assert.ok(!text.includes('Most read') && !text.includes('Related stories') && !text.includes('Subscribe'), 'navigation and teasers are left out');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), result.uri, 'the saved file is shown');
    // The workbench tells the extension host of a selection after the reveal resolves: wait for the news.
    const selected = () => api.articlesView.selection.map((node) => ('article' in node ? (node.article as { sourceUri: string }).sourceUri : undefined));
    await waitFor('the saved article to be selected in the Articles view', () => selected().length > 0, 30_000).catch(() => undefined);
    assert.deepEqual(selected(), [result.uri], 'the saved article is selected in the Articles view');
    const hit = api.index.search('delivering the S-400 air defence system')[0];
    assert.equal(hit?.passage.text, firstParagraphOf(text));
    assert.equal(api.index.article(hit.passage.articleId)?.sourceUri, result.uri);
    assert.equal(result.message, `Saved “S-400 deliveries to India begin, says Moscow” as ${vscode.workspace.asRelativePath(vscode.Uri.parse(result.uri), true)}: ${result.passages} passages indexed.`);
  });

  test('a live blog: every post is saved and searchable; saving it again makes a second file, never overwriting', async () => {
    const first = await capture(`${origin}/live-blog.html`);
    const text = await savedText(first);
    for (const post of ['The S-400 deliveries have begun', 'India and Russia signed 28 agreements', 'Prime Minister Modi and President Putin began', 'plane landed at Palam air base']) assert.ok(text.includes(post), post);
    assert.equal(frontMatterOf(text).author, 'Sam Okafor');
    const hit = api.index.search('"ten-year military technical cooperation programme"')[0];
    assert.equal(api.index.article(hit?.passage.articleId ?? '')?.sourceUri, first.ok ? first.uri : '');
    const second = await capture(`${origin}/live-blog.html`);
    assert.ok(second.ok && first.ok);
    assert.match(second.uri, /\/putin-in-delhi-live-updates-2\.md$/);
    assert.equal(await savedText(first), text, 'the first file is unchanged');
  });

  test('a 404 gives the status the server answered, and nothing is saved', async () => {
    const before = api.index.articles().length;
    const result = await capture(`${origin}/missing`);
    assert.deepEqual(result, { ok: false, kind: 'http-status', message: `${hostPort()} answered 404 Not Found for ${origin}/missing.` });
    assert.equal(api.index.articles().length, before);
  });

  test('a page that never answers ends at the time-out', async () => {
    const started = Date.now();
    const result = await capture(`${origin}/slow`, { timeoutMs: 1500 });
    assert.deepEqual(result, { ok: false, kind: 'timeout', message: `${hostPort()} did not send the page within 1.5 seconds.` });
    assert.ok(Date.now() - started < 30_000);
  });

  test('a redirect loop is stopped: caught as a loop in the node host, as the browser\'s network error in the web-worker host', async () => {
    const result = await capture(`${origin}/loop-a`);
    if (inNodeHost) assert.deepEqual(result, { ok: false, kind: 'redirect-loop', message: `${origin}/loop-a redirects in a loop (back to ${origin}/loop-a).` });
    else assert.equal(result.ok ? 'saved' : result.kind, 'browser-blocked');
  });

  test('a response that is not HTML, PDF or Word is refused with its type', async () => {
    assert.deepEqual(await capture(`${origin}/data.json`), { ok: false, kind: 'not-html', message: `${origin}/data.json is not a web page (application/json); only HTML pages, PDF and Word files can be added.` });
  });

  test('a PDF address: the file is saved as it is, read with its pages, and opened at its first passage', async () => {
    const result = await capture(`${origin}/reports/indo-pacific-logistics.pdf`);
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.match(result.uri, new RegExp(`/${captureFolder}/indo-pacific-logistics\\.pdf$`));
    const saved = await vscode.workspace.fs.readFile(vscode.Uri.parse(result.uri));
    assert.equal(new TextDecoder().decode(saved.subarray(0, 5)), '%PDF-', 'the bytes the server sent, unchanged');
    assert.equal(result.title, 'Logistics in the Indo-Pacific');
    assert.equal(result.message, `Saved “Logistics in the Indo-Pacific” as ${vscode.workspace.asRelativePath(vscode.Uri.parse(result.uri), true)}: ${result.passages} passages indexed.`);
    const hit = api.index.search('S-400 batteries were delivered in December')[0];
    assert.equal(api.index.article(hit?.passage.articleId ?? '')?.sourceUri, result.uri);
    assert.equal(hit.passage.page, 2);
    await waitFor('the PDF text view to open', () => vscode.window.activeTextEditor?.document.uri.scheme === 'sourcebook-source', 30_000);
    assert.match(vscode.window.activeTextEditor!.document.getText(), /The logistics agreement gives both navies access/);
  });

  test('a scanned PDF is kept and the writer told no text could be read; a "PDF" that is a login page is refused', async () => {
    const scanned = await capture(`${origin}/reports/scanned-letter.pdf`);
    assert.ok(scanned.ok, scanned.ok ? '' : scanned.message);
    assert.equal(scanned.passages, 0);
    assert.equal(scanned.message, `Saved ${vscode.workspace.asRelativePath(vscode.Uri.parse(scanned.uri), true)}, but no text could be read from it (a scanned PDF has only images of pages; Sourcebook does not read those).`);
    const before = api.index.articles().length;
    assert.deepEqual(await capture(`${origin}/reports/login.pdf`), { ok: false, kind: 'not-html', message: `${origin}/reports/login.pdf is said to be a PDF, but its bytes are not one.` });
    assert.equal(api.index.articles().length, before);
  });

  test('a page without CORS headers: saved in the node host; in the web-worker host the CORS message offers Paste HTML as Source', async () => {
    const result = await capture(`${origin}/no-cors.html`);
    if (inNodeHost) {
      assert.equal(frontMatterOf(await savedText(result)).title, 'S-400 deliveries to India begin, says Moscow');
    } else {
      assert.deepEqual(result, {
        ok: false,
        kind: 'browser-blocked',
        message: `${hostPort()} could not be read from VS Code for the Web: most sites do not let a browser page read theirs (CORS), and the site may also be unreachable or redirect in a loop. Copy the page's HTML and use “Paste HTML as Source...” instead.`,
      });
    }
  });

  test('addresses that are not http(s) are refused before anything is fetched', async () => {
    assert.deepEqual(await capture('file:///etc/passwd'), { ok: false, kind: 'bad-address', message: 'Only http:// and https:// pages can be added, not file: addresses.' });
    // A folder that is not a source folder: the command stops with an error message and saves nothing.
    const before = api.index.articles().length;
    assert.equal(await vscode.commands.executeCommand('sourcebook.addSourceFromUrl', { url: `${origin}/article.html`, folder: '../outside' }), undefined);
    assert.equal(api.index.articles().length, before);
  });

  test('Paste HTML as Source: pasted HTML (here from the clipboard) with the address the writer gives is saved the same way', async () => {
    const html = '<html><head><title>Clipped story | Clip Times</title><meta property="og:title" content="Clipped story"><meta property="og:site_name" content="Clip Times"></head><body><nav>Home · World</nav><article><h1>Clipped story</h1><p>The clipped article says the Brahmos deal went ahead, and gives &lt;img src=x onerror=alert(1)&gt; as text.</p><p>A second paragraph of the clipped story.</p></article></body></html>';
    let result: CaptureResult | undefined;
    const clipboardWorks = await vscode.env.clipboard.writeText(html).then(async () => (await vscode.env.clipboard.readText()) === html, () => false);
    if (clipboardWorks) result = await vscode.commands.executeCommand<CaptureResult>('sourcebook.pasteHtmlAsSource', { url: 'https://clip.example/story', folder: captureFolder });
    else result = await vscode.commands.executeCommand<CaptureResult>('sourcebook.pasteHtmlAsSource', { html, url: 'https://clip.example/story', folder: captureFolder });
    assert.ok(result);
    const text = await savedText(result);
    assert.deepEqual([frontMatterOf(text).title, frontMatterOf(text).outlet, frontMatterOf(text).url], ['Clipped story', 'Clip Times', 'https://clip.example/story']);
    assert.equal(firstParagraphOf(text), 'The clipped article says the Brahmos deal went ahead, and gives \\<img src=x onerror=alert(1)> as text.');
    const hit = api.index.search('Brahmos deal went ahead')[0];
    assert.equal(hit?.passage.text, 'The clipped article says the Brahmos deal went ahead, and gives <img src=x onerror=alert(1)> as text.');
    const notHtml = await vscode.commands.executeCommand<CaptureResult>('sourcebook.pasteHtmlAsSource', { html: 'just some words', url: '', folder: captureFolder });
    assert.deepEqual(notHtml, { ok: false, kind: 'not-html', message: 'The clipboard holds text, not HTML: copy the page’s source (View Page Source, select all, copy), then run Paste HTML as Source again.' });
  });
});
