// How dist/pdfjs.js is built: shared by scripts/build.mjs and the unit test that runs the bundle
// as a Web Worker would (no `require`, no `process`, no `document`).

/**
 * pdf.js, loaded by the engine's thread only when it reads the first PDF: one script for both
 * hosts (node's worker `require`s it, a Web Worker runs it and finds `sourcebookPdfJs`). Always
 * minified, no source map: it is a library. `self` is undefined inside it: pdf.js's worker half,
 * finding itself in a Web Worker, would otherwise take over the worker's messages as if it were
 * pdf.js's own worker thread.
 */
export function pdfjsBundleOptions(outfile) {
  return {
    entryPoints: ['src/worker/pdfjsLibrary.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'sourcebookPdfJs',
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'],
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    define: { self: 'undefined', 'process.env.NODE_ENV': '"production"' },
    footer: { js: "if (typeof module === 'object' && module) module.exports = sourcebookPdfJs;" },
    logOverride: { 'empty-import-meta': 'silent' },
    outfile,
  };
}
