import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeholdersOf, translatedCalls } from './translatedStrings';

const root = join(__dirname, '..', '..', '..', '..');
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, path), 'utf8'));

/** The interface's languages besides English: each has package.nls.<lang>.json and l10n/bundle.l10n.<lang>.json. */
const languages = ['fr'];

test('every %placeholder% of package.json has its English text in package.nls.json, and nothing more', () => {
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]));
  const english = readJson('package.nls.json');
  assert.ok(used.size > 30, `package.json should name its contributions through %key% placeholders (found ${used.size})`);
  assert.deepEqual([...used].filter((key) => typeof english[key] !== 'string'), [], 'placeholders without English text');
  assert.deepEqual(Object.keys(english).filter((key) => !used.has(key)), [], 'English texts no placeholder uses');
  assert.equal(readJson('package.json').l10n, './l10n', 'package.json must point VS Code at the runtime bundles');
});

test('package.json names every command, view and welcome text through a %key% placeholder, not in English', () => {
  const contributes = (readJson('package.json').contributes ?? {}) as {
    commands?: { command: string; title?: string; shortTitle?: string }[];
    views?: Record<string, { id: string; name?: string; contextualTitle?: string }[]>;
    viewsWelcome?: { view: string; contents?: string }[];
  };
  const placeholder = /^%[^%]+%$/;
  const english: string[] = [];
  for (const command of contributes.commands ?? []) {
    for (const field of ['title', 'shortTitle'] as const) {
      const text = command[field];
      if (text !== undefined && !placeholder.test(text)) english.push(`command ${command.command} ${field}: “${text}”`);
    }
  }
  assert.ok((contributes.commands ?? []).length > 20, 'package.json should contribute its commands');
  for (const views of Object.values(contributes.views ?? {})) {
    for (const view of views) {
      for (const field of ['name', 'contextualTitle'] as const) {
        const text = view[field];
        if (text !== undefined && !placeholder.test(text)) english.push(`view ${view.id} ${field}: “${text}”`);
      }
    }
  }
  for (const welcome of contributes.viewsWelcome ?? []) {
    if (welcome.contents !== undefined && !placeholder.test(welcome.contents)) english.push(`viewsWelcome of ${welcome.view}: “${welcome.contents}”`);
  }
  assert.deepEqual(english, [], 'each of these reaches the interface untranslated: give it a key in package.nls.json and package.nls.fr.json');
});

for (const language of languages) {
  test(`package.nls.${language}.json translates every key of package.nls.json, keeping its placeholders and links`, () => {
    const english = readJson('package.nls.json') as Record<string, string>;
    const translated = readJson(`package.nls.${language}.json`);
    const problems: string[] = [];
    for (const [key, text] of Object.entries(english)) {
      const target = translated[key];
      if (typeof target !== 'string' || !target.trim()) problems.push(`${key}: no translation`);
      else if (target === text && /[a-z]{4,} [a-z]{4,}/.test(text)) problems.push(`${key}: left in English`);
      else {
        const settingsFields = (value: string) => [...value.matchAll(/`[^`]*`|\(command:[^)]+\)/g)].map((match) => match[0]).sort();
        if (JSON.stringify(settingsFields(target)) !== JSON.stringify(settingsFields(text))) problems.push(`${key}: code spans or command links differ`);
      }
    }
    for (const key of Object.keys(translated)) if (!(key in english)) problems.push(`${key}: not in package.nls.json`);
    assert.deepEqual(problems, []);
  });

  test(`every l10n.t(...) message in src/ has a ${language} translation in l10n/bundle.l10n.${language}.json with the same {0} placeholders`, () => {
    const calls = translatedCalls(join(root, 'src'));
    assert.ok(calls.length > 150, `expected the interface's messages to go through l10n.t (found ${calls.length})`);
    const notLiteral = calls.filter((call) => call.message === undefined).map((call) => `${call.file}:${call.line}`);
    assert.deepEqual(notLiteral, [], 'l10n.t must be called with a string literal (a template or a variable cannot be found by this test or by l10n-dev)');
    const bundle = readJson(`l10n/bundle.l10n.${language}.json`);
    const problems: string[] = [];
    const messages = new Set(calls.map((call) => call.message as string));
    for (const message of messages) {
      const where = calls.find((call) => call.message === message);
      const target = bundle[message];
      if (typeof target !== 'string' || !target.trim()) problems.push(`${where?.file}:${where?.line} “${message}”: no translation`);
      else if (JSON.stringify(placeholdersOf(target)) !== JSON.stringify(placeholdersOf(message))) problems.push(`“${message}”: placeholders ${placeholdersOf(target).join(' ')} in the translation, ${placeholdersOf(message).join(' ')} in English`);
      else if (/\$\([\w~-]+\)/.test(message) && message.match(/\$\([\w~-]+\)/g)?.join() !== target.match(/\$\([\w~-]+\)/g)?.join()) problems.push(`“${message}”: theme icons differ`);
    }
    for (const key of Object.keys(bundle)) if (!messages.has(key)) problems.push(`“${key}”: in the bundle, but no l10n.t call says it any more`);
    assert.deepEqual(problems, []);
  });
}

test('the package ships the translations (.vscodeignore)', () => {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((line) => line.trim());
  assert.ok(lines.includes('!l10n/**') && lines.includes('!package.nls.json') && lines.includes('!package.nls.*.json'));
  for (const language of languages) assert.ok(existsSync(join(root, 'l10n', `bundle.l10n.${language}.json`)));
});
