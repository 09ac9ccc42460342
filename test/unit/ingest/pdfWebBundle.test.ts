import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createContext, runInContext } from 'node:vm';
import { pdfJsLibrary } from '../../../src/core/derived/derivedProtocol';
import { ingestSourceFile } from '../../../src/core/ingest/ingestSourceFile';
import type { PdfJsModule } from '../../../src/core/ingest/pdfReader';
import { lazyLibraries } from '../../../src/worker/lazyLibraries';
import { reportPdf } from '../../fixtures/documents/documentFixtures';
import { importModule } from './documentTestSupport';
import { repositoryRoot } from './ingestTestSupport';

/** Builds dist/pdfjs.js exactly as scripts/build.mjs does, into a temporary folder. */
async function buildPdfJsBundle(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'sourcebook-pdfjs-'));
  const esbuild = (await importModule('esbuild')) as { build(options: object): Promise<unknown> };
  const { pdfjsBundleOptions } = (await importModule(join(repositoryRoot, 'scripts', 'pdfjsBundle.mjs'))) as { pdfjsBundleOptions(outfile: string): object };
  const outfile = join(folder, pdfJsLibrary.file);
  await esbuild.build({ ...pdfjsBundleOptions(outfile), absWorkingDir: repositoryRoot, logLevel: 'error' });
  return outfile;
}

/**
 * What a Web Worker has, and nothing node adds: no `require`, `module`, `process`, `Buffer`,
 * no `document` or `window` (a worker has no DOM), no `self` that pdf.js could mistake for
 * its own worker port.
 */
function workerLikeGlobals(): Record<string, unknown> {
  return {
    console,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    structuredClone,
    TextDecoder,
    TextEncoder,
    URL,
    ReadableStream,
    WritableStream,
    TransformStream,
    AbortController,
    AbortSignal,
    Event,
    EventTarget,
    DOMException,
    Blob,
    MessageChannel,
    MessagePort,
    atob,
    btoa,
    performance,
  };
}

test('the PDF reader bundle the web worker loads reads a PDF with no node built-ins and no DOM', async () => {
  const outfile = await buildPdfJsBundle();
  try {
    const code = readFileSync(outfile, 'utf8');
    const context = createContext(workerLikeGlobals());
    runInContext(code, context, { filename: pdfJsLibrary.file });
    assert.equal(runInContext('typeof require + typeof process + typeof document + typeof window + typeof self', context), 'undefinedundefinedundefinedundefinedundefined');
    const pdfjs = (context as Record<string, unknown>)[pdfJsLibrary.globalName] as PdfJsModule;
    // The same path the web worker takes: the engine's lazy loader, then ingestSourceFile.
    const outcome = await ingestSourceFile({ uri: 'file:///sources/report.pdf', fileName: 'report.pdf', bytes: reportPdf() }, {}, lazyLibraries(async () => pdfjs));
    assert.equal(outcome.kind, 'articles', JSON.stringify(outcome));
    assert.deepEqual(
      outcome.articles[0].passages.map((passage) => [passage.page, passage.text.slice(0, 40)]),
      [
        [1, 'Logistics in the Indo-Pacific'],
        [1, 'The logistics agreement gives both navie'],
        [1, 'The Zircon programme was discussed at le'],
        [2, 'The well-known S-400 batteries were deli'],
      ],
    );
    // The node worker `require`s the same file.
    const required = require(outfile) as PdfJsModule;
    assert.equal(typeof required.getDocument, 'function');
  } finally {
    rmSync(join(outfile, '..'), { recursive: true, force: true });
  }
});

test('the PDF reader is a bundle of its own: neither the extension nor the engine\'s worker bundles carry pdf.js', async () => {
  const esbuild = (await importModule('esbuild')) as { build(options: object): Promise<{ metafile: { inputs: Record<string, unknown> } }> };
  for (const entry of ['src/worker/webWorkerMain.ts', 'src/worker/nodeWorkerMain.ts', 'src/extension.ts']) {
    const result = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: entry.includes('web') ? 'browser' : 'node', external: ['vscode'], absWorkingDir: repositoryRoot, logLevel: 'error' });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(inputs.filter((input) => input.includes('unpdf') || input.includes('pdfjs-dist')), [], entry);
  }
});
