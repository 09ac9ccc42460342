// Bundles the extension twice: for the node extension host (desktop, code-server)
// and for the web-worker extension host (vscode.dev), with `vscode` external.
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { anyAsciiBlocks } from './anyAsciiBlocks.mjs';
import { pageReaderBundleOptions } from './pageReaderBundle.mjs';
import { pdfjsBundleOptions } from './pdfjsBundle.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  external: ['vscode'],
  format: 'cjs',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [anyAsciiBlocks],
};

/**
 * The browser bundle gets the `.web.ts` twin of a host module where one exists (the worker
 * launcher: `worker_threads` on desktop, a Web Worker on vscode.dev).
 */
const webTwins = {
  name: 'web-twins',
  setup(build) {
    build.onResolve({ filter: /\/derivedEngineLauncher$/ }, (args) => ({ path: join(args.resolveDir, `${args.path}.web.ts`) }));
  },
};

const browser = { platform: 'browser', mainFields: ['browser', 'module', 'main'], define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' } };

const targets = [
  { ...common, platform: 'node', outfile: 'dist/extension.js' },
  { ...common, ...browser, outfile: 'dist/web/extension.js', plugins: [anyAsciiBlocks, webTwins] },
  // The derived-index engine's thread: topics, figures and quotations are built there.
  { ...common, platform: 'node', entryPoints: ['src/worker/nodeWorkerMain.ts'], outfile: 'dist/derivedWorker.js' },
  { ...common, ...browser, format: 'iife', entryPoints: ['src/worker/webWorkerMain.ts'], outfile: 'dist/web/derivedWorker.js' },
  // pdf.js, loaded by the engine's thread when it reads the first PDF (see scripts/pdfjsBundle.mjs).
  pdfjsBundleOptions('dist/pdfjs.js'),
  // linkedom and Readability, loaded by the engine's thread when the first web page is captured (see scripts/pageReaderBundle.mjs).
  pageReaderBundleOptions('dist/pageReader.js'),
];

if (watch) {
  for (const options of targets) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('esbuild: watching src/ ...');
} else {
  for (const options of targets) {
    const result = await esbuild.build(options);
    const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
    console.log(`built ${options.outfile} (${(bytes / 1024).toFixed(0)} KB incl. map)`);
  }
}
