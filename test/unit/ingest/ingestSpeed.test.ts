import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import { corpusDir, repositoryRoot } from './ingestTestSupport';

function readInputs(dir: string, extension: string) {
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .map((name) => ({ uri: `file:///${name}`, fileName: name, bytes: readFileSync(join(dir, name)) }));
}

test('the five bundled articles ingest in well under a blink', (t) => {
  const inputs = readInputs(corpusDir, '.txt');
  assert.equal(inputs.length, 5);
  inputs.forEach((input) => ingestFile(input));
  const started = performance.now();
  const passages = inputs.reduce((count, input) => {
    const outcome = ingestFile(input);
    return count + (outcome.kind === 'articles' ? outcome.articles[0].passages.length : 0);
  }, 0);
  const elapsed = performance.now() - started;
  t.diagnostic(`5 bundled articles: ${passages} passages in ${elapsed.toFixed(1)} ms`);
  assert.equal(passages, 99);
  assert.ok(elapsed < 250, `${elapsed.toFixed(1)} ms`);
});

test('10 MB of State of the Union speeches ingest at several MB a second, with no line dropped', (t) => {
  const inputs = readInputs(join(repositoryRoot, 'node_modules', '@stdlib', 'datasets-sotu', 'data'), '.txt');
  const megabytes = inputs.reduce((total, input) => total + input.bytes.length, 0) / 1e6;
  const started = performance.now();
  let passages = 0;
  const dropped: string[] = [];
  for (const input of inputs) {
    const outcome = ingestFile(input);
    assert.equal(outcome.kind, 'articles', input.fileName);
    if (outcome.kind === 'articles') {
      passages += outcome.articles[0].passages.length;
      dropped.push(...outcome.articles[0].droppedLines.map((line) => `${input.fileName}: ${line.reason}: ${line.text}`));
    }
  }
  const elapsed = performance.now() - started;
  t.diagnostic(`${inputs.length} speeches, ${megabytes.toFixed(1)} MB: ${passages} passages in ${elapsed.toFixed(0)} ms`);
  assert.ok(megabytes > 10);
  assert.deepEqual(dropped, [], 'precision first: nothing in 233 speeches is cruft');
  assert.ok(elapsed < 10_000, `${elapsed.toFixed(0)} ms`);
});
