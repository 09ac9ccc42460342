/**
 * A 53-bit FNV-1a style hash, returned in base 36. Two 32-bit FNV-1a lanes with
 * different offset bases are combined so that ids fit a JavaScript number exactly
 * and collide far less often than a single 32-bit hash would across a corpus.
 */
export function stableHash(text: string): string {
  let low = 0x811c9dc5;
  let high = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    low = Math.imul(low ^ unit, 0x01000193);
    high = Math.imul(high ^ unit ^ (low >>> 16), 0x01000193);
  }
  const combined = (high >>> 0) % 0x200000 * 0x100000000 + (low >>> 0);
  return combined.toString(36);
}
