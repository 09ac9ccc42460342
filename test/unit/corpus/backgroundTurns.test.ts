import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { BackgroundTurns } from '../../../src/core/scheduling/backgroundTurns';

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

/**
 * Moves the mocked clock on one millisecond at a time, letting resumed computations run in
 * between, until `done()` or `ms` have passed. Timing tests run on this clock, not the machine's,
 * so a busy CI machine cannot change what they see.
 */
async function advance(t: TestContext, ms: number, done: () => boolean = () => false): Promise<void> {
  for (let step = 0; step < ms && !done(); step++) {
    t.mock.timers.tick(1);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** BackgroundTurns on mocked timers: `Date.now()` is the mocked clock. */
function turnsOnMockedClock(t: TestContext, options: { restMs: number; quietMs: number }): BackgroundTurns {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'] });
  return new BackgroundTurns(options, () => Date.now());
}

test('computations take turns, one slice per turn, first come first served', async () => {
  const turns = new BackgroundTurns({ restMs: 1, quietMs: 50 });
  const log: string[] = [];
  await Promise.all([computation('topics', 4, 1, turns.yieldNow, log), computation('figures', 4, 1, turns.yieldNow, log)]);
  assert.deepEqual(log, ['topics', 'figures', 'topics', 'figures', 'topics', 'figures', 'topics', 'figures']);
  assert.equal(turns.waitingCount, 0);
});

test('an interaction holds the next turn back for the quiet time', async (t) => {
  const turns = turnsOnMockedClock(t, { restMs: 1, quietMs: 80 });
  const asked = Date.now();
  turns.noteInteraction();
  const resumedAfter: number[] = [];
  const waiting = [0, 1].map(async () => {
    await turns.yieldNow();
    resumedAfter.push(Date.now() - asked);
  });
  await advance(t, 79);
  assert.deepEqual(resumedAfter, [], 'nothing resumes during the quiet time');
  await advance(t, 200, () => resumedAfter.length === 2);
  await Promise.all(waiting);
  // The first when the quiet time is over, the second one rest later.
  assert.deepEqual(resumedAfter, [80, 81]);
});

test('a writer who never stops hovering slows the work down but never stops it', async (t) => {
  const turns = turnsOnMockedClock(t, { restMs: 1, quietMs: 30 });
  turns.noteInteraction();
  const interactions = setInterval(() => turns.noteInteraction(), 10);
  const started = Date.now();
  const log: string[] = [];
  let finishedAfter: number | undefined;
  void computation('topics', 5, 0, turns.yieldNow, log).then(() => (finishedAfter = Date.now() - started));
  try {
    await advance(t, 1000, () => finishedAfter !== undefined);
  } finally {
    clearInterval(interactions);
  }
  assert.equal(log.length, 5);
  assert.ok(finishedAfter !== undefined, 'the computation never finished');
  // Each of the 5 turns is held back once, for what is left of the quiet time (20 to 30 ms with an
  // interaction every 10 ms), and then taken: never held back twice.
  assert.ok(finishedAfter > 5 * 20 && finishedAfter <= 5 * (1 + 30), `5 turns took ${finishedAfter} ms on the mocked clock`);
});

test('after dispose, waiting computations run on instead of hanging', async () => {
  const turns = new BackgroundTurns({ restMs: 1000, quietMs: 0 });
  const waiting = turns.yieldNow();
  turns.dispose();
  await waiting;
  await turns.yieldNow();
});

/**
 * What the writer feels, counted instead of timed: while three computations run, a message that
 * needs several passes through the event loop (VS Code's remote protocol inflates every message
 * on the worker pool, one chunk per pass) is sent again and again. For each message, how many
 * slices of background work ran before it was through? Six `setImmediate` round trips stand in
 * for one message. (`npm run bench` times the same with real zlib round trips.)
 */
async function slicesWhileMessagesPass(yieldNow: () => Promise<void>): Promise<{ perMessage: number[]; slices: number }> {
  const log: string[] = [];
  let running = 3;
  const work = ['topics', 'figures', 'quotes'].map((name) => computation(name, 20, 1, yieldNow, log).finally(() => running--));
  const perMessage: number[] = [];
  while (running > 0) {
    const before = log.length;
    for (let pass = 0; pass < 6; pass++) await new Promise((resolve) => setImmediate(resolve));
    perMessage.push(log.length - before);
  }
  await Promise.all(work);
  return { perMessage, slices: log.length };
}

test('three computations at once: a six-pass message waits for at most one slice per pass, where plain event-loop yields run every computation each pass', async (t) => {
  const withTurns = await slicesWhileMessagesPass(new BackgroundTurns().yieldNow);
  const plain = await slicesWhileMessagesPass(() => new Promise((resolve) => setImmediate(resolve)));
  const report = `with turns: ${withTurns.perMessage.length} messages, at most ${Math.max(...withTurns.perMessage)} slices each; with plain yields: ${plain.perMessage.length} messages, at most ${Math.max(...plain.perMessage)} slices each`;
  t.diagnostic(report);
  // One turn is one slice, and the next turn is a timer armed after it: it cannot come before the loop has passed once.
  assert.ok(Math.max(...withTurns.perMessage) <= 6, report);
  // With plain yields every computation runs a slice on every pass: about three slices a pass.
  assert.ok(Math.max(...plain.perMessage) >= 2 * 6, report);
  // And the background work still gets done, all 60 slices of it.
  assert.equal(withTurns.slices, 60, report);
  assert.equal(plain.slices, 60, report);
});
