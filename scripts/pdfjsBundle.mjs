// How dist/pdfjs.js is built: shared by scripts/build.mjs and the unit test that runs the bundle
// as a Web Worker would (no `require`, no `process`, no `document`).
import { lazyLibraryBundleOptions } from './lazyLibraryBundle.mjs';

/**
 * pdf.js, loaded by the engine's thread only when it reads the first PDF: one script for both
 * hosts (node's worker `require`s it, a Web Worker runs it and finds `sourcebookPdfJs`). Always
 * minified, no source map: it is a library. `self` is undefined inside it: pdf.js's worker half,
 * finding itself in a Web Worker, would otherwise take over the worker's messages as if it were
 * pdf.js's own worker thread.
 */
export function pdfjsBundleOptions(outfile) {
  return lazyLibraryBundleOptions({
    entryPoint: 'src/worker/pdfjsLibrary.ts',
    globalName: 'sourcebookPdfJs',
    outfile,
    define: { self: 'undefined' },
    logOverride: { 'empty-import-meta': 'silent' },
  });
}
