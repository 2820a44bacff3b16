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

/** What KeyTable.insert says when it appended the key as the last entry. */
export const ADDED = -1;
/** What KeyTable.find and insert say when the probe ran past MAX_PROBES (keys that collide: the map must become a dictionary). */
export const CROWDED = -2;

/**
 * String keys in insertion order, indexed by hash. The keys' code units are
 * copied into one buffer, entry after entry, and compared there: a map that
 * is filled and read by computed keys (`m["k{i}"]`) then keeps no key string,
 * so the strings it was given die young instead of being copied through the
 * young generation and into the old one — that copying, not the hashing, was
 * most of a big table's cost. The key strings are made again only when
 * something walks the keys, and kept in step from then on.
 *
 * Each slot of the index is a pair of int32s, the entry + 1 (0: empty) and
 * the key's hash, so a probe reads one cache line and compares hashes there.
 */
export class KeyTable {
  /** The entries' code units, one after another. */
  private units: Uint16Array;
  /** Entry e's code units are units[starts[e] .. starts[e + 1]). */
  private starts: Int32Array;
  private count = 0;
  /** By slot s: index[2s] = entry + 1 (0 is an empty slot), index[2s + 1] = its key's hash. */
  private index: Int32Array;
  /** The keys as strings once something has asked for them. */
  private strings: string[] | null = null;

  /** An empty table with room for `keys` keys before it grows (a map past the shape cap starts one with a single key). */
  constructor(keys = 0) {
    let slots = 4;
    while (slots < 2 * (keys + 1)) slots *= 2;
    this.index = new Int32Array(2 * slots);
    this.starts = new Int32Array(keys + 2);
    this.units = new Uint16Array(Math.max(16, 8 * (keys + 1)));
  }

  /** The code units of all the keys together (what their strings would hold). */
  get totalLength(): number {
    return this.starts[this.count]!;
  }

  /** The keys in insertion order (entry i's value is the map's vals[i]). */
  keys(): readonly string[] {
    if (this.strings === null) {
      const strings: string[] = [];
      for (let e = 0; e < this.count; e++) strings.push(String.fromCharCode(...this.units.subarray(this.starts[e]!, this.starts[e + 1]!)));
      this.strings = strings;
    }
    return this.strings;
  }

  /** The entry of `key` (a tableKey), -1 when absent, or CROWDED. */
  find(key: string): number {
    const h = hashKey(key);
    const index = this.index;
    const mask = (index.length >> 1) - 1;
    let j = h & mask;
    for (let step = 1; step <= MAX_PROBES; step++) {
      const e = index[2 * j]! - 1;
      if (e < 0) return -1;
      if (index[2 * j + 1] === h && this.holds(e, key)) return e;
      j = (j + step) & mask;
    }
    return CROWDED;
  }

  /**
   * The entry of `key` (a tableKey) if present; else appends it as the next
   * entry and returns ADDED, in one probe. CROWDED, changing nothing, when
   * the probe runs past MAX_PROBES.
   */
  insert(key: string): number {
    const h = hashKey(key);
    const index = this.index;
    const mask = (index.length >> 1) - 1;
    let j = h & mask;
    for (let step = 1; step <= MAX_PROBES; step++) {
      const e = index[2 * j]! - 1;
      if (e < 0) return this.append(key, h, j);
      if (index[2 * j + 1] === h && this.holds(e, key)) return e;
      j = (j + step) & mask;
    }
    return CROWDED;
  }

  /** Appends `key` (a tableKey not yet present) as the next entry; false, changing nothing, when a probe would run past MAX_PROBES. */
  add(key: string): boolean {
    return this.insert(key) === ADDED;
  }

  /** Whether entry e's key is `key`. */
  private holds(e: number, key: string): boolean {
    const from = this.starts[e]!;
    const n = key.length;
    if (this.starts[e + 1]! - from !== n) return false;
    const units = this.units;
    for (let i = 0; i < n; i++) if (units[from + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** Appends `key` of hash `h` at empty slot `j` of its probe, growing the index first when it would be over half full. */
  private append(key: string, h: number, j: number): number {
    const n = this.count;
    let index = this.index;
    if (4 * (n + 1) > index.length) {
      const grown = this.reindexed(2 * index.length);
      if (grown === null) return CROWDED;
      this.index = index = grown;
      j = freeSlot(index, h);
      if (j < 0) return CROWDED;
    }
    if (n + 2 > this.starts.length) this.starts = grow(this.starts, n + 2);
    const from = this.starts[n]!;
    if (from + key.length > this.units.length) this.units = grow(this.units, from + key.length);
    const units = this.units;
    for (let i = 0; i < key.length; i++) units[from + i] = key.charCodeAt(i);
    this.starts[n + 1] = from + key.length;
    this.count = n + 1;
    this.strings?.push(key);
    index[2 * j] = n + 1;
    index[2 * j + 1] = h;
    return ADDED;
  }

  /** The entries re-indexed in `length` int32s (a power of two, at least four per key), or null when one finds no slot within MAX_PROBES. */
  private reindexed(length: number): Int32Array | null {
    const old = this.index;
    const index = new Int32Array(length);
    for (let s = 0; s < old.length; s += 2) {
      const e1 = old[s]!;
      if (e1 === 0) continue;
      const h = old[s + 1]!;
      const j = freeSlot(index, h);
      if (j < 0) return null;
      index[2 * j] = e1;
      index[2 * j + 1] = h;
    }
    return index;
  }
}

/** A copy of `a` at least `least` long (doubling). */
function grow<T extends Int32Array | Uint16Array>(a: T, least: number): T {
  let n = 2 * a.length;
  while (n < least) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** The first empty slot on hash `h`'s probe (the slots find() visits, in its order), or -1 past MAX_PROBES. */
function freeSlot(index: Int32Array, h: number): number {
  const mask = (index.length >> 1) - 1;
  let j = h & mask;
  for (let step = 1; step <= MAX_PROBES; step++) {
    if (index[2 * j] === 0) return j;
    j = (j + step) & mask;
  }
  return -1;
}
