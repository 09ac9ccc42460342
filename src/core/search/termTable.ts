/**
 * The index's vocabulary: term <-> dense id. Looked up straight from the
 * scanner's code-unit buffer, so indexing 25 MB of text does not allocate
 * and hash a fresh string for each of its four million words (measured:
 * that alone cost more than the whole build budget).
 */
export class TermTable {
  /** Terms by id. */
  readonly terms: string[] = [];
  private hashes: Uint32Array = new Uint32Array(64);
  private slots: Int32Array = new Int32Array(128);
  private mask = 127;

  /** Number of terms. */
  get size(): number {
    return this.terms.length;
  }

  /** The id of the term in `buffer[0, length)`, or -1. */
  find(buffer: Uint16Array, length: number): number {
    const hash = hashCodes(buffer, length);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot];
      if (entry === 0) {
        return -1;
      }
      const termId = entry - 1;
      if (this.hashes[termId] === hash && equalsCodes(this.terms[termId], buffer, length)) {
        return termId;
      }
    }
  }

  /** The id of the term in `buffer[0, length)`, adding it when new. */
  findOrAdd(buffer: Uint16Array, length: number): number {
    const hash = hashCodes(buffer, length);
    let slot = hash & this.mask;
    for (; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot];
      if (entry === 0) {
        break;
      }
      const termId = entry - 1;
      if (this.hashes[termId] === hash && equalsCodes(this.terms[termId], buffer, length)) {
        return termId;
      }
    }
    const term = String.fromCharCode.apply(null, buffer.subarray(0, length) as unknown as number[]);
    return this.insert(term, hash, slot);
  }

  /** The id of a term given as a string, or -1. */
  idOf(term: string): number {
    const buffer = new Uint16Array(term.length);
    for (let index = 0; index < term.length; index++) {
      buffer[index] = term.charCodeAt(index);
    }
    return this.find(buffer, term.length);
  }

  /** Adds a term known to be new (when loading a persisted vocabulary). */
  addNew(term: string): number {
    const buffer = new Uint16Array(term.length);
    for (let index = 0; index < term.length; index++) {
      buffer[index] = term.charCodeAt(index);
    }
    const hash = hashCodes(buffer, term.length);
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) {
      slot = (slot + 1) & this.mask;
    }
    return this.insert(term, hash, slot);
  }

  private insert(term: string, hash: number, slot: number): number {
    const termId = this.terms.length;
    this.terms.push(term);
    if (this.hashes.length <= termId) {
      const grown = new Uint32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[termId] = hash;
    this.slots[slot] = termId + 1;
    if (this.terms.length * 2 > this.slots.length) {
      this.rehash(this.slots.length * 2);
    }
    return termId;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let termId = 0; termId < this.terms.length; termId++) {
      let slot = this.hashes[termId] & this.mask;
      while (this.slots[slot] !== 0) {
        slot = (slot + 1) & this.mask;
      }
      this.slots[slot] = termId + 1;
    }
  }
}

function hashCodes(buffer: Uint16Array, length: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < length; index++) {
    hash = Math.imul(hash ^ buffer[index], 0x01000193);
  }
  hash ^= hash >>> 13;
  return hash >>> 0;
}

function equalsCodes(term: string, buffer: Uint16Array, length: number): boolean {
  if (term.length !== length) {
    return false;
  }
  for (let index = 0; index < length; index++) {
    if (term.charCodeAt(index) !== buffer[index]) {
      return false;
    }
  }
  return true;
}
