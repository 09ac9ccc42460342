// Bundles the extension twice: for the node extension host (desktop, code-server)
// and for the web-worker extension host (vscode.dev), with `vscode` external.
import * as esbuild from 'esbuild';

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
};

const targets = [
  { ...common, platform: 'node', outfile: 'dist/extension.js' },
  { ...common, platform: 'browser', outfile: 'dist/web/extension.js', mainFields: ['browser', 'module', 'main'], define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' } },
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
