import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repositoryRoot } from './ingestTestSupport';

test('ingestion imports only its own modules, the model, htmlparser2, js-yaml, fflate, franc-min and @vscode/l10n (it must run in a browser worker; its skip reasons reach the writer translated)', () => {
  const folder = join(repositoryRoot, 'src', 'core', 'ingest');
  const allowed = new Set(['htmlparser2', 'js-yaml', 'fflate', 'franc-min', '@vscode/l10n', '../model']);
  const offending: string[] = [];
  for (const fileName of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(join(folder, fileName), 'utf8');
    for (const match of source.matchAll(/\bfrom\s+'([^']+)'|\brequire\(\s*'([^']+)'\s*\)|\bimport\(\s*'([^']+)'\s*\)/g)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (!specifier.startsWith('./') && !allowed.has(specifier)) {
        offending.push(`${fileName}: ${specifier}`);
      }
    }
    assert.ok(!/\b(?:process|Buffer|__dirname)\b/.test(source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')), `${fileName} uses a node global`);
  }
  assert.deepEqual(offending, []);
});
