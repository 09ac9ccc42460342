import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from '../propertyRuns';
import { sortInSlices } from '../../../src/core/scheduling/sortInSlices';
import { runToCompletion, type SliceClock } from '../../../src/core/scheduling/timeSlice';

const alwaysDue: SliceClock = { due: () => true };

/** Drives the sort to the end, counting how often it gave the thread back. */
function sortCountingYields<T>(items: T[], compare: (a: T, b: T) => number): number {
  const work = sortInSlices(items, compare, alwaysDue);
  let yields = 0;
  while (!work.next().done) yields++;
  return yields;
}

test('sorting in slices gives what the native stable sort gives, ties in their original order', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 50 }), at: fc.nat() }), { maxLength: 9000 }), (items) => {
      const byKey = (a: { key: number }, b: { key: number }): number => a.key - b.key;
      const expected = [...items].sort(byKey);
      const sliced = [...items];
      sortCountingYields(sliced, byKey);
      assert.deepEqual(sliced, expected);
    }),
    { numRuns: 40 },
  );
});

test('a long sort yields many times; a short one runs at once', () => {
  const long = Array.from({ length: 20000 }, (_, i) => `passage ${(i * 7919) % 20000}`);
  const expected = [...long].sort();
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  assert.ok(sortCountingYields(long, compare) > 20);
  assert.deepEqual(long, expected);
  assert.equal(sortCountingYields(['b', 'a'], compare), 0);
  assert.deepEqual(runToCompletion(sortInSlices(['b', 'c', 'a'], compare, alwaysDue)), ['a', 'b', 'c']);
});
