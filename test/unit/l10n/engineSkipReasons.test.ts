import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DerivedEngine } from '../../../src/core/derived/derivedEngine';
import type { FromEngine } from '../../../src/core/derived/derivedProtocol';
import * as l10n from '@vscode/l10n';
import { defaultExtractLimits, extractPage, type PageReaderLibraries } from '../../../src/core/webpage/extractPage';
import { eventLoopYield } from '../derived/derivedTestKit';

// This file runs in its own process (node --test): the engine's l10n message configures this process's translator only.
const root = join(__dirname, '..', '..', '..', '..');
const french = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;

/** What the engine answers, as the host hears it, for each file: why it was skipped. */
async function skipDetails(engine: DerivedEngine, posted: FromEngine[], files: Array<{ fileName: string; bytes: Uint8Array }>): Promise<string[]> {
  files.forEach((file, requestId) => engine.receive({ type: 'ingest', requestId, file: { uri: `file:///w/${file.fileName}`, ...file }, options: {} }));
  const answers = () => posted.filter((message): message is Extract<FromEngine, { type: 'ingested' }> => message.type === 'ingested');
  for (let turn = 0; turn < 1000 && answers().length < files.length; turn++) await eventLoopYield();
  return answers()
    .sort((a, b) => a.requestId - b.requestId)
    .map(({ outcome }) => (outcome.kind === 'skipped' ? outcome.detail : `read: ${outcome.kind}`));
}

const files = [
  { fileName: 'notes.xyz', bytes: new TextEncoder().encode('Some notes') },
  { fileName: 'scan.txt', bytes: new Uint8Array([0x41, 0, 0x42, 0, 0, 0, 0x43]) },
  { fileName: 'blank.md', bytes: new TextEncoder().encode('   \n\n  ') },
  { fileName: 'headings.md', bytes: new TextEncoder().encode('---\ntitle: Only a title\n---\n') },
  { fileName: 'broken.docx', bytes: new TextEncoder().encode('PK not really a zip') },
];

test('the background engine, given the French bundle as the host sends it, says in French why it skipped each file', async () => {
  const posted: FromEngine[] = [];
  const engine = new DerivedEngine((message) => posted.push(message), { yieldNow: eventLoopYield, sliceMs: 8 });
  const english = await skipDetails(engine, posted, files);
  assert.deepEqual(english.slice(0, 3), ['notes.xyz is not .txt, .md, .html, .jsonl, .pdf or .docx.', 'The file contains NUL bytes.', 'The file has no text.']);

  posted.length = 0;
  engine.receive({ type: 'l10n', contents: french });
  assert.deepEqual(await skipDetails(engine, posted, files), [
    'notes.xyz n’est ni .txt, ni .md, ni .html, ni .jsonl, ni .pdf, ni .docx.',
    'Le fichier contient des octets NUL.',
    'Le fichier ne contient aucun texte.',
    'Le fichier n’a aucun passage à indexer : seulement l’en-tête (front matter).',
    'pas un document Word : ce n’est pas une archive zip (pas de répertoire central)',
  ]);
});

test('a page too large to read says so in French once the bundle is configured (the worker reads captured pages too)', () => {
  l10n.config({ contents: french });
  const limits = { ...defaultExtractLimits, maxHtmlChars: 1_048_576 };
  const extraction = extractPage(`<html><body><p>${'x'.repeat(3 * 1_048_576)}</p></body></html>`, undefined, {} as PageReaderLibraries, limits);
  assert.deepEqual(extraction, { ok: false, reason: 'too-large', detail: 'le HTML de la page fait 4 Mo, au-delà des 1 Mo qui sont lus' });
});
