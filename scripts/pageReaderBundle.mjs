// How dist/pageReader.js is built: shared by scripts/build.mjs and the unit test that runs the
// bundle as a Web Worker would (no `require`, no `process`, no `document`).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyLibraryBundleOptions } from './lazyLibraryBundle.mjs';

const stubs = join(dirname(fileURLToPath(import.meta.url)), 'stubs');

/**
 * linkedom's parts the page reader never uses, replaced by stubs: the CSS object model behind
 * `<style>.sheet` (cssomnom, 200 KB of the bundle's 480) and the optional `canvas` package
 * (linkedom would try to `require` it in node; its own shim is used instead).
 */
const pageReaderStubs = {
  name: 'page-reader-stubs',
  setup(build) {
    build.onResolve({ filter: /^cssomnom\/parse$/ }, () => ({ path: join(stubs, 'cssSheet.mjs') }));
    build.onResolve({ filter: /\/commonjs\/canvas\.cjs$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/canvas\.cjs$/, 'canvas-shim.cjs')) }));
  },
};

/**
 * The page reader (linkedom and @mozilla/readability), loaded by the engine's thread only when
 * the first web page is captured: one script for both hosts (node's worker `require`s it, a Web
 * Worker runs it and finds `sourcebookPageReader`). Always minified, no source map.
 */
export function pageReaderBundleOptions(outfile) {
  return lazyLibraryBundleOptions({ entryPoint: 'src/worker/pageReaderLibrary.ts', globalName: 'sourcebookPageReader', outfile, plugins: [pageReaderStubs] });
}
