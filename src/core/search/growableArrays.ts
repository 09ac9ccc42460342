/** A typed array constructor the index grows by doubling. */
type TypedArrayConstructor<T> = { new (length: number): T; BYTES_PER_ELEMENT: number };

/** Returns `array` if it holds `needed` elements, else a copy at least twice as large. */
export function ensureCapacity<T extends Uint8Array | Uint32Array | Float64Array | Int32Array>(
  array: T,
  needed: number,
  constructor: TypedArrayConstructor<T>,
): T {
  if (array.length >= needed) {
    return array;
  }
  const grown = new constructor(Math.max(needed, array.length * 2, 64));
  grown.set(array as never);
  return grown;
}

/** Adds `value` to the list `buckets` keeps under `key`, making the list on first use. */
export function addToBucket<K, V>(buckets: Map<K, V[]>, key: K, value: V): void {
  const bucket = buckets.get(key);
  if (bucket) bucket.push(value);
  else buckets.set(key, [value]);
}
