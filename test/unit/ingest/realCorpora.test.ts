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

// How fast these ingest is measured by `npm run bench` (the ingest rows), not here.

test('the five bundled articles give their 99 passages', () => {
  const inputs = readInputs(corpusDir, '.txt');
  assert.equal(inputs.length, 5);
  const passages = inputs.map((input) => {
    const outcome = ingestFile(input);
    assert.equal(outcome.kind, 'articles', input.fileName);
    return outcome.kind === 'articles' ? outcome.articles[0].passages.length : 0;
  });
  assert.equal(passages.reduce((sum, count) => sum + count, 0), 99);
  assert.ok(passages.every((count) => count > 0), `passages per article: ${passages.join(', ')}`);
});

test('10 MB of State of the Union speeches ingest with no line dropped', () => {
  const inputs = readInputs(join(repositoryRoot, 'node_modules', '@stdlib', 'datasets-sotu', 'data'), '.txt');
  const megabytes = inputs.reduce((total, input) => total + input.bytes.length, 0) / 1e6;
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
  assert.ok(megabytes > 10);
  assert.ok(passages > inputs.length * 10, `${passages} passages from ${inputs.length} speeches`);
  assert.deepEqual(dropped, [], 'precision first: nothing in 233 speeches is cruft');
});
