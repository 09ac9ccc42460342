// Bundles Sourcebook Archive (archive/src) for node: dist/archive/serve.js and import.js, with the
// schema beside them. Packages stay external (they are installed by `npm install`); pdf.js is
// imported from unpdf only when the first PDF is read, as in the extension's engine.
import { copyFileSync, mkdirSync } from 'node:fs';
import * as esbuild from 'esbuild';

mkdirSync('dist/archive', { recursive: true });
for (const [entry, outfile] of [
  ['archive/src/serveMain.ts', 'dist/archive/serve.js'],
  ['archive/src/importMain.ts', 'dist/archive/import.js'],
]) {
  await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' });
}
copyFileSync('archive/sql/schema.sql', 'dist/archive/schema.sql');
