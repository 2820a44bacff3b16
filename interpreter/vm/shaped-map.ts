// Records with shapes. Game scripts mostly build records — `{x: 1, y: 2}`,
// the same string keys in the same order — so the maps the VM builds keep,
// while every key is a string added and never deleted, their values in an
// array by slot and share a Shape (key → slot) with every map built the same
// way: an instruction that reads `p.x` remembers (shape, slot) and indexes the
// array. A record is two small objects (no hash table), which is most of its
// speed: 100,000 of them fit in the cache where as many Maps do not. A map
// with more string keys than a record holds (or past the shape cap) keeps
// them in a table (key-table.ts), its values still in the array in insertion
// order. Any other use (a number or boolean key, a long key, a deletion,
// keys that collide) turns the map into a dictionary, its entries in a JS
// Map. Every mode keeps insertion order and answers every Map method, so iteration,
// display, equality and snapshots see the same map either way (a plain Map a
// host passes in is a Cairn map too); the mode is never visible to a script
// or in a save.

import { ADDED, KeyTable, tableKey } from './key-table.js';
import type { MapKey, Value } from './values.js';

/** Keys a map keeps in record mode; past this it is a dictionary (one map of 200,000 keys is not a record). */
export const MAX_RECORD_KEYS = 32;
/** Shapes one process keeps in all; past this new layouts are dictionaries, so hostile key names cannot grow the tree without bound. */
export const MAX_SHAPES = 4096;

let shapeCount = 0;

// Every record's value array is sliced from this one, so all of them have the
// one elements kind of tagged values: the code reading `vals[slot]` then sees
// one array map (a literal of small integers would be another, and a first
// record of objects would throw its optimized code away).
const NULLS: Value[] = [];
for (let i = 0; i < MAX_RECORD_KEYS; i++) NULLS.push(null);

/** An array of n nulls of the elements kind every record's values have. */
function valueArray(n: number): Value[] {
  return NULLS.slice(0, n);
}

/** A record layout: its keys in order and each one's slot, with the layouts one key longer that maps have grown into. */
export class Shape {
  /** Each key's slot. */
  readonly slots: ReadonlyMap<string, number>;
  private next: Map<string, Shape> | null = null;

  constructor(
    /** The keys in slot order. */
    readonly keys: readonly string[],
    slots: ReadonlyMap<string, number>,
  ) {
    this.slots = slots;
  }

  /** The layout with `key` appended (shared by every map that grows the same way), or null past the caps. */
  with(key: string): Shape | null {
    const known = this.next?.get(key);
    if (known !== undefined) return known;
    if (this.keys.length >= MAX_RECORD_KEYS || shapeCount >= MAX_SHAPES || this === DICTIONARY || this === TABLE) return null;
    const slots = new Map(this.slots);
    slots.set(key, this.keys.length);
    const grown = new Shape([...this.keys, key], slots);
    shapeCount++;
    (this.next ??= new Map()).set(key, grown);
    return grown;
  }
}

/** The layout of the empty record, root of every other. */
export const EMPTY_SHAPE = new Shape([], new Map());
/** The shape a dictionary carries: no key has a slot in it, so no remembered (shape, slot) ever matches one. */
export const DICTIONARY = new Shape([], new Map());
/** The shape a map in table mode carries: like DICTIONARY's, it gives no slot. */
export const TABLE = new Shape([], new Map());
/** A shape no map carries: what an inline cache holds before it has seen a record. */
export const NO_SHAPE = new Shape([], new Map());

/**
 * A Cairn map the VM built: a record (shape + values by slot) until
 * something only a dictionary can hold. It answers every Map method and
 * presents itself as a Map (its constructor and toStringTag), so code that
 * compares or prints maps — test matchers, inspectors — treats both alike;
 * isMap (values.ts) recognises either.
 */
export class ShapedMap implements Map<MapKey, Value> {
  /** The layout while a record; TABLE in table mode, DICTIONARY once a dictionary. */
  shape: Shape;
  /** The values in insertion order (by slot for a record; empty for a dictionary). */
  vals: Value[];
  private table: KeyTable | null = null;
  private dict: Map<MapKey, Value> | null = null;

  /** A map of `entries`; or, from fromPairs, the record of `shape` whose values are `vals` (made first, so a record is one allocation after its values and no empty array is made to be dropped). */
  constructor(entries?: Iterable<readonly [MapKey, Value]> | null, shape: Shape = EMPTY_SHAPE, vals: Value[] = valueArray(0)) {
    this.shape = shape;
    this.vals = vals;
    if (entries) for (const [k, v] of entries) this.set(k, v);
  }

  /**
   * The map literal's n key/value pairs at pairs[from ..]: a record with an
   * array of exactly its values (one grown by push keeps room for 16 more) when the keys are n distinct strings within
   * the caps, else built entry by entry. Undefined when a key is not a map key.
   */
  static fromPairs(pairs: readonly Value[], from: number, n: number): ShapedMap | undefined {
    let shape: Shape | null = EMPTY_SHAPE;
    for (let i = 0; i < n && shape !== null; i++) {
      const k = pairs[from + 2 * i];
      shape = typeof k === 'string' && !shape.slots.has(k) ? shape.with(k) : null;
    }
    if (shape !== null) {
      const vals = valueArray(n);
      for (let i = 0; i < n; i++) vals[i] = pairs[from + 2 * i + 1]!;
      return new ShapedMap(null, shape, vals);
    }
    const map = new ShapedMap();
    for (let i = 0; i < n; i++) {
      const k = pairs[from + 2 * i]!;
      if (typeof k !== 'string' && typeof k !== 'number' && typeof k !== 'boolean') return undefined;
      map.set(k, pairs[from + 2 * i + 1]!);
    }
    return map;
  }

  /** The number of entries. */
  get size(): number {
    return this.dict === null ? this.vals.length : this.dict.size;
  }

  /** The value at `key`, or undefined. */
  get(key: MapKey): Value | undefined {
    if (this.table !== null) {
      if (!tableKey(key)) return undefined;
      const e = this.table.find(key);
      if (e >= 0) return this.vals[e];
      if (e === -1) return undefined;
      return this.toDictionary().get(key);
    }
    if (this.dict !== null) return this.dict.get(key);
    if (typeof key !== 'string') return undefined;
    const slot = this.shape.slots.get(key);
    return slot === undefined ? undefined : this.vals[slot];
  }

  /** Whether `key` has a value. */
  has(key: MapKey): boolean {
    if (this.table !== null) return this.get(key) !== undefined;
    if (this.dict !== null) return this.dict.has(key);
    return typeof key === 'string' && this.shape.slots.has(key);
  }

  /** Sets `key` to `value`: in place when present, else appended. */
  set(key: MapKey, value: Value): this {
    if (this.table !== null) {
      if (tableKey(key)) {
        const e = this.table.insert(key);
        if (e >= 0) {
          this.vals[e] = value;
          return this;
        }
        if (e === ADDED) {
          this.vals.push(value);
          return this;
        }
      }
      this.toDictionary();
    } else if (this.dict === null) {
      if (typeof key === 'string') {
        const slot = this.shape.slots.get(key);
        if (slot !== undefined) {
          this.vals[slot] = value;
          return this;
        }
        const grown = this.shape.with(key);
        if (grown !== null) {
          this.shape = grown;
          this.vals.push(value);
          return this;
        }
        if (tableKey(key) && this.toTable()) return this.set(key, value);
      }
      this.toDictionary();
    }
    this.dict!.set(key, value);
    return this;
  }

  /** Removes `key`; whether it was there. */
  delete(key: MapKey): boolean {
    if (!this.has(key)) return false;
    return this.toDictionary().delete(key);
  }

  /** Removes every entry (and is a record again). */
  clear(): void {
    this.shape = EMPTY_SHAPE;
    this.vals = valueArray(0);
    this.table = null;
    this.dict = null;
  }

  /** The keys in insertion order. */
  keys(): MapIterator<MapKey> {
    return this.dict !== null ? this.dict.keys() : this.keyList().slice(0, this.vals.length)[Symbol.iterator]();
  }

  /** The values in insertion order. */
  values(): MapIterator<Value> {
    return this.dict !== null ? this.dict.values() : this.vals.slice()[Symbol.iterator]();
  }

  /** The entries in insertion order. */
  entries(): MapIterator<[MapKey, Value]> {
    if (this.dict !== null) return this.dict.entries();
    const keys = this.keyList();
    return this.vals.map((v, i): [MapKey, Value] => [keys[i]!, v])[Symbol.iterator]();
  }

  /** The entries in insertion order. */
  [Symbol.iterator](): MapIterator<[MapKey, Value]> {
    return this.entries();
  }

  /** Calls `f` with each value and key in insertion order. */
  forEach(f: (value: Value, key: MapKey, map: Map<MapKey, Value>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) f.call(thisArg, v, k, this);
  }

  /** What Object.prototype.toString says: a Map. */
  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  /** A record's or a table's keys in insertion order (a record's shape may list more keys than it has values). */
  private keyList(): readonly string[] {
    return this.table !== null ? this.table.keys() : this.shape.keys;
  }

  /** How many keys a record or a table has and their code units in all (what measuring memory needs, without making a table's key strings); null for a dictionary. */
  stringKeyLength(): number | null {
    if (this.dict !== null) return null;
    if (this.table !== null) return this.table.totalLength;
    const keys = this.shape.keys;
    let units = 0;
    for (let i = 0; i < this.vals.length; i++) units += keys[i]!.length;
    return units;
  }

  /** A record becomes a table of its keys; false (still a record) when one is too long for a table or they collide past its probe cap. */
  private toTable(): boolean {
    const table = new KeyTable(this.shape.keys.length + 1);
    for (const k of this.shape.keys) if (!tableKey(k) || !table.add(k)) return false;
    this.table = table;
    this.shape = TABLE;
    return true;
  }

  private toDictionary(): Map<MapKey, Value> {
    if (this.dict !== null) return this.dict;
    const dict = new Map<MapKey, Value>();
    const keys = this.keyList();
    for (let i = 0; i < this.vals.length; i++) dict.set(keys[i]!, this.vals[i]!);
    this.dict = dict;
    this.table = null;
    this.shape = DICTIONARY;
    this.vals = valueArray(0);
    return dict;
  }
}

/**
 * One map in each mode, alive as long as the process. V8's optimized code
 * holds hidden classes weakly and a class lives only while an object of it
 * does, so once a game's last table went the next full GC would throw away
 * every optimized function that reads one (shape-keeper.ts says the same of
 * the VM's other objects).
 */
export const MODE_KEEPERS: readonly ShapedMap[] = (() => {
  const table = new ShapedMap();
  for (let i = 0; i <= MAX_RECORD_KEYS; i++) table.set(`k${i}`, i);
  return [new ShapedMap([['k', 1]]), table, new ShapedMap([[1, 1]])];
})();

// Matchers and inspectors compare constructors before contents: a ShapedMap's is Map's.
Object.defineProperty(ShapedMap.prototype, 'constructor', { value: Map, writable: true, configurable: true, enumerable: false });
