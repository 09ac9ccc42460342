import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflate, inflate } from 'node:zlib';
import { promisify } from 'node:util';
import { BackgroundTurns } from '../../../src/core/backgroundTurns';

const deflateAsync = promisify(deflate);
const inflateAsync = promisify(inflate);

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // A slice of background work.
  }
}

/** A background computation: `slices` slices of `sliceMs` each, yielding through `yieldNow` between them. */
async function computation(name: string, slices: number, sliceMs: number, yieldNow: () => Promise<void>, log: string[]): Promise<void> {
  for (let slice = 0; slice < slices; slice++) {
    busyFor(sliceMs);
    log.push(name);
    await yieldNow();
  }
}

test('computations take turns, one slice per turn, first come first served', async () => {
  const turns = new BackgroundTurns({ restMs: 1, quietMs: 50 });
  const log: string[] = [];
  await Promise.all([computation('topics', 4, 1, turns.yieldNow, log), computation('figures', 4, 1, turns.yieldNow, log)]);
  assert.deepEqual(log, ['topics', 'figures', 'topics', 'figures', 'topics', 'figures', 'topics', 'figures']);
  assert.equal(turns.waitingCount, 0);
});

test('an interaction holds the next turn back for the quiet time', async () => {
  const turns = new BackgroundTurns({ restMs: 1, quietMs: 80 });
  const resumedAfter: number[] = [];
  const asked = performance.now();
  turns.noteInteraction();
  await Promise.all([0, 1].map(async () => {
    await turns.yieldNow();
    resumedAfter.push(performance.now() - asked);
  }));
  assert.ok(Math.min(...resumedAfter) >= 75, `a computation resumed ${Math.min(...resumedAfter).toFixed(1)} ms after an interaction; the quiet time is 80 ms`);
});

test('a writer who never stops hovering slows the work down but never stops it', { timeout: 5000 }, async () => {
  const turns = new BackgroundTurns({ restMs: 1, quietMs: 30 });
  const interactions = setInterval(() => turns.noteInteraction(), 10);
  const log: string[] = [];
  const started = performance.now();
  try {
    await computation('topics', 5, 1, turns.yieldNow, log);
  } finally {
    clearInterval(interactions);
  }
  assert.equal(log.length, 5);
  // Each of the 4 turns is held back once (30 ms at most), then taken.
  assert.ok(performance.now() - started < 1000, `5 slices took ${(performance.now() - started).toFixed(0)} ms under constant interaction`);
});

test('after dispose, waiting computations run on instead of hanging', async () => {
  const turns = new BackgroundTurns({ restMs: 1000, quietMs: 0 });
  const waiting = turns.yieldNow();
  turns.dispose();
  await waiting;
  await turns.yieldNow();
});

/**
 * What the writer feels: while three computations run 8 ms slices, how long does a message take
 * that needs several passes through the event loop (VS Code's remote protocol inflates every
 * message on the worker pool, chunk by chunk)? Six zlib round trips stand in for one message.
 * A watchdog stops the background work after `watchdogMs`, so a starved message still ends.
 */
async function messageLatencies(yieldNow: () => Promise<void>, watchdogMs: number): Promise<{ latencies: number[]; slices: number; busyShare: number }> {
  let running = true;
  const log: string[] = [];
  const watchdog = setTimeout(() => (running = false), watchdogMs);
  const work = ['topics', 'figures', 'quotes'].map(async (name) => {
    while (running) await computation(name, 1, 8, yieldNow, log);
  });
  const payload = Buffer.alloc(64 * 1024, 'passage text ');
  const latencies: number[] = [];
  const began = performance.now();
  // A message every 10 ms or so for 800 ms, as a writer's hovers and keystrokes might come.
  while (running && performance.now() - began < 800) {
    const started = performance.now();
    for (let chunk = 0; chunk < 6; chunk++) await inflateAsync(await deflateAsync(payload.subarray(chunk * 1024, chunk * 1024 + 16 * 1024)));
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  running = false;
  clearTimeout(watchdog);
  await Promise.all(work);
  return { latencies: latencies.sort((a, b) => a - b), slices: log.length, busyShare: (log.length * 8) / (performance.now() - began) };
}

test('three computations at once: a multi-pass message is answered within a few slices, where setTimeout(0) yields starve it', async (t) => {
  const turns = new BackgroundTurns();
  const withTurns = await messageLatencies(turns.yieldNow, 5000);
  const naive = await messageLatencies(() => new Promise((resolve) => setTimeout(resolve, 0)), 1500);
  const worst = (values: number[]) => values[values.length - 1];
  const share = (run: { busyShare: number }) => `${Math.round(run.busyShare * 100)}% of the time on background work`;
  const report = `with turns: ${withTurns.latencies.length} messages, worst ${worst(withTurns.latencies).toFixed(1)} ms, ${share(withTurns)}; with setTimeout(0) yields: ${naive.latencies.length} messages, worst ${worst(naive.latencies).toFixed(1)} ms, ${share(naive)}`;
  t.diagnostic(report);
  assert.ok(withTurns.latencies.length >= 10, report);
  // Six round trips, each waiting at most for one 8 ms slice and a rest.
  assert.ok(worst(withTurns.latencies) < 100, report);
  // The background work still moves on, at a good share of the thread.
  assert.ok(withTurns.busyShare > 0.25, report);
  assert.ok(worst(naive.latencies) > worst(withTurns.latencies), report);
});
