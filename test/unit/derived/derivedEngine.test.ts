import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DerivedEngine } from '../../../src/core/derived/derivedEngine';
import type { FromEngine } from '../../../src/core/derived/derivedProtocol';
import { eventLoopYield } from './derivedTestKit';

const encoder = new TextEncoder();

function ingestMessage(requestId: number, name: string, text: string) {
  return { type: 'ingest' as const, requestId, file: { uri: `file:///w/${name}`, fileName: name, bytes: encoder.encode(text) }, options: {} };
}

test('a question that arrives while files wait to be read is answered before them, and every file is still read in order', async () => {
  const posted: FromEngine[] = [];
  const engine = new DerivedEngine((message) => posted.push(message), { yieldNow: eventLoopYield, sliceMs: 8 });
  // As a worker sees a burst: three files to read, then a hover's figure question, all queued at once.
  engine.receive(ingestMessage(1, 'a.txt', 'First file\n\nThe S-400 reached India.\n'));
  engine.receive(ingestMessage(2, 'b.txt', 'Second file\n\nFive regiments were ordered.\n'));
  engine.receive(ingestMessage(3, 'c.txt', 'Third file\n\nTalks went on.\n'));
  engine.receive({ type: 'query', requestId: 4, query: { kind: 'figureMatches', text: 'India bought 5 regiments.' } });
  for (let turn = 0; turn < 20 && posted.filter((message) => message.type === 'ingested').length < 3; turn++) await eventLoopYield();

  const replies = posted.filter((message) => message.type === 'ingested' || message.type === 'answered').map((message) => `${message.type} ${message.requestId}`);
  assert.deepEqual(replies, ['answered 4', 'ingested 1', 'ingested 2', 'ingested 3']);
  const second = posted.find((message) => message.type === 'ingested' && message.requestId === 2);
  assert.ok(second?.type === 'ingested' && second.outcome.kind === 'articles');
  assert.deepEqual(second.outcome.articles[0].passages.map((passage) => passage.text), ['Five regiments were ordered.']);
});

test('between two files the engine gives the thread back, so a question sent after the first is answered before the second', async () => {
  const posted: FromEngine[] = [];
  const engine = new DerivedEngine((message) => posted.push(message), { yieldNow: eventLoopYield, sliceMs: 8 });
  engine.receive(ingestMessage(1, 'a.txt', 'First file\n\nOne.\n'));
  engine.receive(ingestMessage(2, 'b.txt', 'Second file\n\nTwo.\n'));
  for (let turn = 0; turn < 20 && !posted.some((message) => message.type === 'ingested'); turn++) await eventLoopYield();
  engine.receive({ type: 'query', requestId: 3, query: { kind: 'figureMatches', text: 'No figure here.' } });
  for (let turn = 0; turn < 20 && posted.filter((message) => message.type === 'ingested').length < 2; turn++) await eventLoopYield();
  const replies = posted.filter((message) => message.type === 'ingested' || message.type === 'answered').map((message) => `${message.type} ${message.requestId}`);
  assert.deepEqual(replies, ['ingested 1', 'answered 3', 'ingested 2']);
});
