import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CommandIds, SettingKeys, settingsSection, ViewIds } from '../../../src/contributionIds';

const root = join(__dirname, '..', '..', '..', '..');

function filesBelow(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

test('nothing in src/core imports vscode or a node built-in', () => {
  const offenders: string[] = [];
  for (const file of filesBelow(join(root, 'src', 'core')).filter((path) => path.endsWith('.ts'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)) {
      const specifier = match[1];
      if (specifier === 'vscode' || specifier.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'util', 'buffer'].includes(specifier)) {
        offenders.push(`${file.slice(root.length)} imports ${specifier}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});

test('command and view ids in code and package.json agree both ways', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const declaredCommands = new Set<string>(manifest.contributes.commands.map((command: { command: string }) => command.command));
  assert.deepEqual([...declaredCommands].sort(), Object.values(CommandIds).sort());
  const declaredViews = manifest.contributes.views[ViewIds.container].map((view: { id: string }) => view.id).sort();
  assert.deepEqual(declaredViews, [ViewIds.articles, ViewIds.topics, ViewIds.draftCheck].sort());
  assert.equal(manifest.contributes.viewsContainers.activitybar[0].id, ViewIds.container);
  const menuCommands = Object.values(manifest.contributes.menus as Record<string, Array<{ command: string }>>).flat().map((entry) => entry.command);
  for (const command of menuCommands) assert.ok(declaredCommands.has(command), `menu refers to undeclared command ${command}`);
  for (const binding of manifest.contributes.keybindings) assert.ok(declaredCommands.has(binding.command));
});

test('setting keys in code and package.json agree both ways, and settings are read through SettingKeys only', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const declared = Object.keys(manifest.contributes.configuration.properties).sort();
  assert.deepEqual(Object.values(SettingKeys).map((key) => `${settingsSection}.${key}`).sort(), declared);
  const literalReads: string[] = [];
  for (const file of filesBelow(join(root, 'src')).filter((path) => path.endsWith('.ts'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\.(?:get|inspect|update)(?:<[^>]+>)?\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) literalReads.push(`${file.slice(root.length)}: ${match[1]}`);
  }
  assert.deepEqual(literalReads, [], 'a setting read by a string literal instead of SettingKeys');
});

test('the package ships an allow-list', () => {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
  assert.equal(lines[0], '**');
  assert.ok(lines.includes('!dist/extension.js'));
  assert.ok(lines.includes('!dist/derivedWorker.js') && lines.includes('!dist/web/derivedWorker.js'), 'the package must carry the engine\'s worker scripts');
  assert.ok(lines.includes('!dist/pdfjs.js'), 'the package must carry the PDF reader the engine loads on the first PDF');
  assert.ok(lines.includes('!dist/pageReader.js'), 'the package must carry the page reader the engine loads on the first captured page');
  assert.ok(lines.includes('!corpus/**'));
});

/**
 * The folders follow the data: sources are read (ingest), indexed (search, corpus), derived
 * (topics, figures, quotes; the story ledger over them; then the derived pipeline), presented (present); every reader of
 * words reads them by the one rule in text (after model and scheduling); a web page is read
 * into its article beside ingest (webpage) and captured as a source file last (capture, which
 * writes inert text with present's escapes) and the archive protocol speaks in present's cards (archive); the VS Code side
 * then layers host adapters, editor features, views and commands, wired by extension.ts.
 * A folder may import only folders before it (and itself).
 */
const coreRank: Record<string, number> = { model: 0, scheduling: 1, text: 1, ingest: 2, search: 3, topics: 3, figures: 3, quotes: 3, webpage: 3, corpus: 4, ledger: 4, derived: 5, present: 5, capture: 6, archive: 6 };
const hostSideMayImport: Record<string, string[]> = {
  contributionIds: [],
  worker: ['core'],
  host: ['core', 'worker', 'contributionIds'],
  editor: ['core', 'host', 'contributionIds'],
  views: ['core', 'host', 'contributionIds'],
  commands: ['core', 'host', 'editor', 'views', 'contributionIds'],
  extension: ['core', 'host', 'editor', 'views', 'commands', 'contributionIds', 'worker'],
};

function folderOf(relativeToSrc: string): string {
  const parts = relativeToSrc.replace(/\.ts$/, '').split('/');
  return parts[0] === 'core' ? `core/${parts[1]}` : parts[0];
}

test('imports follow the data flow: each folder imports only the folders before it', () => {
  const src = join(root, 'src');
  const offenders: string[] = [];
  for (const file of filesBelow(src).filter((path) => path.endsWith('.ts'))) {
    const from = folderOf(relative(src, file));
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const to = folderOf(relative(src, join(dirname(file), match[1])));
      if (to === from) continue;
      const allowed = from.startsWith('core/')
        ? to.startsWith('core/') && coreRank[to.slice(5)] < coreRank[from.slice(5)]
        : (hostSideMayImport[from] ?? []).some((folder) => to === folder || to.startsWith(`${folder}/`));
      if (!allowed) offenders.push(`${relative(src, file)} imports ${to} (${match[1]})`);
    }
  }
  assert.ok(Object.keys(coreRank).every((folder) => folder === 'model' || existsSync(join(src, 'core', folder))), 'a core folder named here is missing');
  assert.deepEqual(offenders, []);
});
