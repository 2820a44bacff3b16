// The key index of a map with many string keys (shaped-map.ts's table mode):
// an open-addressing hash table over the keys in insertion order, their
// values kept beside it by the map. A JS Map hashes a key into V8's runtime
// and chains through its buckets; this table hashes a short key in a few
// multiply steps of optimized code and finds it in one or two probes of an
// Int32Array, which is about twice as fast for the maps games build by name
// (`inventory["key_{n}"]`). Only strings of at most MAX_TABLE_KEY code units
// are kept, so hashing is bounded; a probe longer than MAX_PROBES (keys
// crafted to collide) makes the map give up the table for a JS Map, so no
// script can make a lookup slow.

/** The longest string key a table holds; a longer one makes the map a dictionary. */
export const MAX_TABLE_KEY = 64;
/** Slots a lookup may probe; past this the keys collide beyond chance and the map becomes a dictionary. */
export const MAX_PROBES = 40;

const SMI = 0x3fffffff;

/** The hash of `s` (at most MAX_TABLE_KEY code units): FNV-1a with a finishing mix, so every character reaches the low bits an index uses. */
export function hashKey(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h & SMI;
}

/** A string key of a length a table holds. */
export function tableKey(k: unknown): k is string {
  return typeof k === 'string' && k.length <= MAX_TABLE_KEY;
}

/** String keys in insertion order, indexed by hash. */
export class KeyTable {
  /** The keys in insertion order (entry i's value is the map's vals[i]). */
  readonly keys: string[] = [];
  private readonly hashes: number[] = [];
  /** Entry index + 1 by slot; 0 is an empty slot. */
  private index: Int32Array = new Int32Array(64);

  /** The entry of `key` (a tableKey), -1 when absent, or -2 when the probe ran past MAX_PROBES. */
  find(key: string): number {
    const h = hashKey(key);
    const index = this.index;
    const mask = index.length - 1;
    let j = h & mask;
    for (let step = 1; step <= MAX_PROBES; step++) {
      const e = index[j]! - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === h && this.keys[e] === key) return e;
      j = (j + step) & mask;
    }
    return -2;
  }

  /** Appends `key` (a tableKey not yet present) as the next entry; false, changing nothing, when a probe would run past MAX_PROBES. */
  add(key: string): boolean {
    const n = this.keys.length;
    if (2 * (n + 1) > this.index.length) {
      const index = this.reindexed(2 * this.index.length);
      if (index === null) return false;
      this.index = index;
    }
    const h = hashKey(key);
    const j = freeSlot(this.index, h);
    if (j < 0) return false;
    this.keys.push(key);
    this.hashes.push(h);
    this.index[j] = n + 1;
    return true;
  }

  /** The keys indexed in a table of `size` slots (a power of two, at least twice the keys), or null when one finds no slot within MAX_PROBES. */
  private reindexed(size: number): Int32Array | null {
    const index = new Int32Array(size);
    for (let e = 0; e < this.keys.length; e++) {
      const j = freeSlot(index, this.hashes[e]!);
      if (j < 0) return null;
      index[j] = e + 1;
    }
    return index;
  }
}

/** The first empty slot on hash `h`'s probe (the slots find() visits, in its order), or -1 past MAX_PROBES. */
function freeSlot(index: Int32Array, h: number): number {
  const mask = index.length - 1;
  let j = h & mask;
  for (let step = 1; step <= MAX_PROBES; step++) {
    if (index[j] === 0) return j;
    j = (j + step) & mask;
  }
  return -1;
}
