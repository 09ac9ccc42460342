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
  /**
   * Terms of one or two UTF-16 units (a Han or kana character, a pair of them: most terms of a
   * Chinese or Japanese passage) by a number made of their units, so their look-up hashes no code
   * units and compares no strings.
   */
  private shortKeys: Uint32Array = new Uint32Array(64);
  private shortIds: Int32Array = new Int32Array(64);
  private shortMask = 63;
  /** 32 less the bits of a slot number: a slot is the top bits of the key's Fibonacci hash (its low bits follow the key's own). */
  private shortShift = 26;
  private shortCount = 0;
  /** Terms in the hashed table (three units or more, or none). */
  private longCount = 0;

  /** Number of terms. */
  get size(): number {
    return this.terms.length;
  }

  /** The id of the term in `buffer[0, length)`, or -1. */
  find(buffer: Uint16Array, length: number): number {
    if (length === 2 || length === 1) {
      const key = shortKey(buffer, length);
      const slot = this.shortSlot(key);
      return this.shortKeys[slot] === key ? this.shortIds[slot] : -1;
    }
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
    return length === 2 || length === 1 ? this.findOrAddShort(buffer, length) : this.findOrAddLong(buffer, length);
  }

  private findOrAddShort(buffer: Uint16Array, length: number): number {
    const key = shortKey(buffer, length);
    const slot = this.shortSlot(key);
    if (this.shortKeys[slot] === key) return this.shortIds[slot];
    return this.insertShort(String.fromCharCode.apply(null, buffer.subarray(0, length) as unknown as number[]), key, slot);
  }

  /** The id of the two-unit term whose units make `key` (`(first << 16 | second) >>> 0`), adding it when new. */
  findOrAddPair(key: number): number {
    const slot = this.shortSlot(key);
    if (this.shortKeys[slot] === key) return this.shortIds[slot];
    return this.insertShort(String.fromCharCode(key >>> 16, key & 0xffff), key, slot);
  }

  private findOrAddLong(buffer: Uint16Array, length: number): number {
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
    if (term.length === 2 || term.length === 1) {
      const key = shortKey(buffer, term.length);
      return this.insertShort(term, key, this.shortSlot(key));
    }
    const hash = hashCodes(buffer, term.length);
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) {
      slot = (slot + 1) & this.mask;
    }
    return this.insert(term, hash, slot);
  }

  /** The slot of `key` in the short-term table: where it is, or the empty slot where it would go. */
  private shortSlot(key: number): number {
    const keys = this.shortKeys;
    const mask = this.shortMask;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shortShift;
    while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private insertShort(term: string, key: number, slot: number): number {
    const termId = this.addTerm(term, 0);
    this.shortKeys[slot] = key;
    this.shortIds[slot] = termId;
    if (++this.shortCount * 2 > this.shortKeys.length) {
      const keys = this.shortKeys;
      const ids = this.shortIds;
      this.shortKeys = new Uint32Array(keys.length * 2);
      this.shortIds = new Int32Array(keys.length * 2);
      this.shortMask = keys.length * 2 - 1;
      this.shortShift--;
      for (let old = 0; old < keys.length; old++) {
        if (keys[old] === 0) continue;
        const at = this.shortSlot(keys[old]);
        this.shortKeys[at] = keys[old];
        this.shortIds[at] = ids[old];
      }
    }
    return termId;
  }

  /** Appends `term` to the list of terms, with its hash (0 for a short term, which the hashed table does not hold). */
  private addTerm(term: string, hash: number): number {
    const termId = this.terms.length;
    this.terms.push(term);
    if (this.hashes.length <= termId) {
      const grown = new Uint32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[termId] = hash;
    return termId;
  }

  private insert(term: string, hash: number, slot: number): number {
    const termId = this.addTerm(term, hash);
    this.slots[slot] = termId + 1;
    this.longCount++;
    if (this.longCount * 2 > this.slots.length) {
      this.rehash(this.slots.length * 2);
    }
    return termId;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let termId = 0; termId < this.terms.length; termId++) {
      if (this.terms[termId].length === 1 || this.terms[termId].length === 2) continue;
      let slot = this.hashes[termId] & this.mask;
      while (this.slots[slot] !== 0) {
        slot = (slot + 1) & this.mask;
      }
      this.slots[slot] = termId + 1;
    }
  }
}

/** A term of one or two units as one number: never 0, as no term starts with the unit 0. */
function shortKey(buffer: Uint16Array, length: number): number {
  return length === 1 ? buffer[0] : ((buffer[0] << 16) | buffer[1]) >>> 0;
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
