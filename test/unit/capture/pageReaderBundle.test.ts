import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createContext, runInContext } from 'node:vm';
import type { PageReaderModule } from '../../../src/core/derived/derivedEngine';
import { pageReaderLibrary } from '../../../src/core/derived/derivedProtocol';
import { lazyLibraries } from '../../../src/worker/lazyLibraries';
import { importModule } from '../ingest/documentTestSupport';
import { captureFixturesDir, repositoryRoot } from './captureTestSupport';

/** Builds dist/pageReader.js exactly as scripts/build.mjs does, into a temporary folder. */
async function buildPageReaderBundle(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'sourcebook-page-reader-'));
  const esbuild = (await importModule('esbuild')) as { build(options: object): Promise<unknown> };
  const { pageReaderBundleOptions } = (await importModule(join(repositoryRoot, 'scripts', 'pageReaderBundle.mjs'))) as { pageReaderBundleOptions(outfile: string): object };
  const outfile = join(folder, pageReaderLibrary.file);
  await esbuild.build({ ...pageReaderBundleOptions(outfile), absWorkingDir: repositoryRoot, logLevel: 'error' });
  return outfile;
}

/** What a Web Worker has: no `require`, `module`, `process`, no DOM of its own, no `fetch` to reach for. */
function workerLikeGlobals(): Record<string, unknown> {
  return { console, setTimeout, clearTimeout, queueMicrotask, structuredClone, TextDecoder, TextEncoder, URL, URLSearchParams, Event, EventTarget, DOMException, atob, btoa, performance };
}

test('the page reader bundle a web worker loads reads an article page with no node built-ins, no DOM and no network', async () => {
  const outfile = await buildPageReaderBundle();
  try {
    const code = readFileSync(outfile, 'utf8');
    assert.ok(code.length < 400_000, `the page reader is ${code.length} bytes`);
    const context = createContext(workerLikeGlobals());
    runInContext(code, context, { filename: pageReaderLibrary.file });
    assert.equal(runInContext('typeof require + typeof process + typeof document + typeof window + typeof fetch', context), 'undefinedundefinedundefinedundefinedundefined');
    const reader = (context as Record<string, unknown>)[pageReaderLibrary.globalName] as PageReaderModule;
    // The same path the engine takes: its lazy loader, then readPage.
    const loaded = await lazyLibraries(async () => undefined, async () => reader).loadPageReader!();
    const extraction = loaded.readPage(readFileSync(join(captureFixturesDir, 'article-page.html'), 'utf8'), 'https://meridian.example/world/s400-deliveries');
    assert.ok(extraction.ok, JSON.stringify(extraction));
    assert.equal(extraction.page.metadata.title, 'S-400 deliveries to India begin, says Moscow');
    assert.equal(extraction.page.blocks[0].kind === 'paragraph' && extraction.page.blocks[0].runs[0].text.slice(0, 40), 'Russia has begun delivering the S-400 ai');
    // The node worker `require`s the same file.
    const required = require(outfile) as PageReaderModule;
    assert.equal(typeof required.readPage, 'function');
  } finally {
    rmSync(join(outfile, '..'), { recursive: true, force: true });
  }
});

test('the page reader is a bundle of its own: neither the extension nor the engine\'s worker bundles carry linkedom or Readability', async () => {
  const esbuild = (await importModule('esbuild')) as { build(options: object): Promise<{ metafile: { inputs: Record<string, unknown> } }> };
  for (const entry of ['src/worker/webWorkerMain.ts', 'src/worker/nodeWorkerMain.ts', 'src/extension.ts']) {
    const result = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: entry.includes('web') ? 'browser' : 'node', external: ['vscode'], absWorkingDir: repositoryRoot, logLevel: 'error' });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(inputs.filter((input) => input.includes('linkedom') || input.includes('readability')), [], entry);
  }
});
