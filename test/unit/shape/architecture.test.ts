import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CommandIds, ViewIds } from '../../../src/contributionIds';

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
  assert.deepEqual(declaredViews, [ViewIds.articles, ViewIds.topics].sort());
  assert.equal(manifest.contributes.viewsContainers.activitybar[0].id, ViewIds.container);
  const menuCommands = Object.values(manifest.contributes.menus as Record<string, Array<{ command: string }>>).flat().map((entry) => entry.command);
  for (const command of menuCommands) assert.ok(declaredCommands.has(command), `menu refers to undeclared command ${command}`);
  for (const binding of manifest.contributes.keybindings) assert.ok(declaredCommands.has(binding.command));
});

test('every setting read in src/host/settings.ts is declared in package.json', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const declared = new Set(Object.keys(manifest.contributes.configuration.properties));
  const source = readFileSync(join(root, 'src', 'host', 'settings.ts'), 'utf8');
  const read = [...source.matchAll(/config\.get<[^>]+>\('([^']+)'\)/g)].map((match) => `sourcebook.${match[1]}`);
  assert.ok(read.length >= 9, `expected to find the settings reads, found ${read.length}`);
  for (const key of read) assert.ok(declared.has(key), `${key} is read but not declared`);
});

test('the package ships an allow-list', () => {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
  assert.equal(lines[0], '**');
  assert.ok(lines.includes('!dist/extension.js'));
  assert.ok(lines.includes('!corpus/**'));
});
