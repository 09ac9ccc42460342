import assert from 'node:assert/strict';
import test from 'node:test';
import { DerivedEngine } from '../../../src/core/derived/derivedEngine';
import type { FromEngine } from '../../../src/core/derived/derivedProtocol';
import type { LedgerReport } from '../../../src/core/ledger/storyLedger';
import { loadBundledCorpus } from '../figures/bundledCorpus';

test('the derived-index engine answers a ledger query from its last build (off the editor\'s thread when it has a worker)', async () => {
  const messages: FromEngine[] = [];
  const engine = new DerivedEngine((message) => {
    messages.push(message);
    if (message.type === 'topicsPart') queueMicrotask(() => engine.receive({ type: 'topicsPartTaken' }));
  }, { yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)), sliceMs: 50 });
  engine.receive({ type: 'query', requestId: 1, query: { kind: 'ledger', text: 'Russia still supplies more than 60% of India\'s arms imports.' } });
  const before = messages.find((message) => message.type === 'answered' && message.requestId === 1);
  assert.deepEqual((before as { answer: LedgerReport }).answer.claims, []);
  let version = 0;
  for (const [fileName, article] of loadBundledCorpus()) engine.receive({ type: 'setFile', version: ++version, uri: `file:///corpus/${fileName}`, articles: [article] });
  engine.receive({ type: 'build' });
  for (let i = 0; i < 400 && !messages.some((message) => message.type === 'built'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  engine.receive({ type: 'query', requestId: 2, query: { kind: 'ledger', text: 'Russia still supplies more than 60% of India\'s arms imports.' } });
  const answer = (messages.find((message) => message.type === 'answered' && message.requestId === 2) as { answer: LedgerReport }).answer;
  assert.equal(answer.claims.length, 1);
  assert.equal(answer.claims[0].status, 'single-source');
  assert.match(answer.claims[0].notes[0], /^different measures: /);
});
