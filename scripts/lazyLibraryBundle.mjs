// The one shape of the libraries the engine's thread loads only when first needed (pdf.js,
// the page reader): one minified script for both hosts, which node's worker `require`s and a
// Web Worker runs, finding the library under `globalName`.

/**
 * esbuild options for a lazily loaded library: an IIFE assigned to `globalName` (also
 * `module.exports` where there is a `module`), for the browser platform, minified, no source
 * map, production `process.env.NODE_ENV`; `extra` adds defines, plugins or log overrides.
 */
export function lazyLibraryBundleOptions({ entryPoint, globalName, outfile, define = {}, ...extra }) {
  return {
    entryPoints: [entryPoint],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'],
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    define: { ...define, 'process.env.NODE_ENV': '"production"' },
    footer: { js: `if (typeof module === 'object' && module) module.exports = ${globalName};` },
    ...extra,
    outfile,
  };
}
