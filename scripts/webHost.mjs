// What the integration suite needs to run in the web-worker extension host, the one
// vscode.dev uses: an extension folder without `main` (so VS Code must use the
// `browser` bundle) and the suite bundled into one browser script.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './codeServer.mjs';

/**
 * Copies what the packaged extension ships (package.json, dist/web, dist/pdfjs.js, dist/pageReader.js, corpus, media)
 * into `target`, with `main` removed from package.json.
 * @returns {string} the extension folder
 */
export function prepareWebExtension(extensionPath, target) {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  if (!manifest.browser) throw new Error('package.json has no "browser" entry: there is no web extension to test');
  delete manifest.main;
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'package.json'), JSON.stringify(manifest, null, 2));
  // dist/pdfjs.js and dist/pageReader.js serve both hosts: the web worker gets their text from the launcher when it first needs them.
  for (const folder of ['dist/web', 'dist/pdfjs.js', 'dist/pageReader.js', 'corpus', 'media', 'l10n', ...readdirSync(extensionPath).filter((name) => /^package\.nls(\.[\w-]+)?\.json$/.test(name))]) {
    if (existsSync(join(extensionPath, folder))) cpSync(join(extensionPath, folder), join(target, folder), { recursive: true });
  }
  return target;
}

const NODE_BUILTINS = /^(node:)?(fs|path|os|child_process|crypto|http|https|net|url|util|zlib|stream|events|worker_threads|readline)(\/.+)?$/;

/**
 * Bundles test/integration/webIndex.ts with every test file under test/integration
 * into `outfile`, for the web worker: node's assert comes from the `assert`
 * package; other node built-ins stay unresolved, so a test file that needs them
 * fails to load (and is reported) rather than the whole bundle.
 * @returns {Promise<string>} outfile
 */
export async function bundleWebSuite(outfile, { testsDir = join(repoRoot, 'test', 'integration') } = {}) {
  const testFiles = readdirSync(testsDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.test.ts')).sort();
  const entry = [
    `const { runTestModules } = require(${JSON.stringify(join(testsDir, 'webIndex.ts'))});`,
    // mocha's browser build is a UMD script that assigns module.exports when it sees
    // one, so the run() export is set as a whole module.exports, after it loaded.
    'module.exports = { run: () => runTestModules([',
    ...testFiles.map((file) => `  { file: ${JSON.stringify(file)}, load: () => require(${JSON.stringify(join(testsDir, file))}) },`),
    ']) };',
  ].join('\n');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: testsDir, sourcefile: 'webSuiteEntry.js', loader: 'js' },
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
    logLevel: 'error',
    // The assert polyfill's util reads process.env; a web worker has no process.
    banner: { js: 'var process = { env: {}, versions: {} };' },
    // Fixture pages a suite brings into the workspace (test/fixtures/multilingual): a worker cannot read them from disk.
    loader: { '.html': 'text', '.md': 'text' },
    plugins: [nodeShims()],
  });
  return outfile;
}

function nodeShims() {
  return {
    name: 'node-shims',
    setup(build) {
      build.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, (args) => {
        if (args.namespace === 'node-shims') return undefined;
        return { path: args.path.endsWith('/strict') ? 'assert-strict' : 'assert', namespace: 'node-shims' };
      });
      build.onLoad({ filter: /.*/, namespace: 'node-shims' }, (args) => ({
        contents: args.path === 'assert-strict' ? "module.exports = require('assert/').strict;" : "module.exports = require('assert/');",
        resolveDir: repoRoot,
        loader: 'js',
      }));
      // The results writer falls back to vscode.workspace.fs when `fs` has no writeFileSync.
      build.onResolve({ filter: /^fs$/ }, (args) => (args.importer.endsWith('suiteReport.ts') ? { path: 'fs', namespace: 'empty' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
      build.onResolve({ filter: NODE_BUILTINS }, (args) => ({ path: args.path, external: true }));
    },
  };
}
