import type { SliceClock, SlicedWork } from './timeSlice';

/** Below this many items a native sort takes well under a millisecond: not worth slicing. */
const NATIVE_SORT_MAX = 2048;
/** Items merged between two looks at the clock. */
const MERGE_STRIDE = 256;

/**
 * Sorts `items` in place, like `Array.prototype.sort` with the same comparator and with the
 * same result (both are stable), but as a bottom-up merge sort that yields when `clock` is due,
 * so one topic with a hundred thousand mentions does not hold the thread for its whole sort.
 */
export function* sortInSlices<T>(items: T[], compare: (a: T, b: T) => number, clock: SliceClock): SlicedWork<T[]> {
  if (items.length <= NATIVE_SORT_MAX) return items.sort(compare);
  let from = items.slice();
  let to = new Array<T>(items.length);
  for (let start = 0; start < from.length; start += NATIVE_SORT_MAX) {
    if (clock.due()) yield;
    const run = from.slice(start, start + NATIVE_SORT_MAX).sort(compare);
    for (let i = 0; i < run.length; i++) from[start + i] = run[i];
  }
  for (let width = NATIVE_SORT_MAX; width < from.length; width *= 2) {
    for (let left = 0; left < from.length; left += 2 * width) {
      const middle = Math.min(left + width, from.length);
      const right = Math.min(left + 2 * width, from.length);
      let i = left;
      let j = middle;
      let k = left;
      while (k < right) {
        if (k % MERGE_STRIDE === 0 && clock.due()) yield;
        // Taking from the left run on ties keeps equal items in their original order.
        if (i < middle && (j >= right || compare(from[i], from[j]) <= 0)) to[k++] = from[i++];
        else to[k++] = from[j++];
      }
    }
    [from, to] = [to, from];
  }
  for (let i = 0; i < items.length; i++) items[i] = from[i];
  return items;
}
