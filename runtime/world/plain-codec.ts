// Plain data (the world state: records, arrays, Maps, Cairn values) to JSON
// and back, by one pair of functions whose rules mirror each other: tagged
// single-key objects for what JSON lacks ($map, $pt, $ent, $fn by function
// NAME, …), and ids for lists and maps so shared and cyclic guest data keeps
// its shape. Decoding trusts nothing: a malformed input is SNAPSHOT_INVALID.

import type { JsonValue } from '../../interpreter/bytecode/module.js';
import { CairnError } from '../../interpreter/errors.js';
import { EntityRef, FnRef, Point, Range, ThreadHandle } from '../../interpreter/vm/values.js';

/** How functions are named in saves (by name, never by index). */
export interface FunctionNames {
  nameOf(index: number): string;
  indexOf(name: string): number | undefined;
}

/** Encodes plain data as JSON. Lists and Maps seen twice become `{$ref: id}` (ids count lists and maps in pre-order). */
export function encodePlain(root: unknown, fns: FunctionNames): JsonValue {
  const ids = new Map<object, number>();
  const enc = (v: unknown): JsonValue => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'boolean' || typeof v === 'string') return v;
    if (typeof v === 'number') return num(v);
    if (typeof v !== 'object') throw new CairnError('RUNTIME', `cannot save a ${typeof v}`);
    if (v instanceof Point) return { $pt: [num(v.x), num(v.y)] };
    if (v instanceof Range) return { $range: [num(v.from), num(v.to)] };
    if (v instanceof EntityRef) return { $ent: [v.entity, v.name] };
    if (v instanceof FnRef) return { $fn: fns.nameOf(v.index) };
    if (v instanceof ThreadHandle) return { $thread: v.id };
    const seen = ids.get(v);
    if (seen !== undefined) return { $ref: seen };
    if (Array.isArray(v)) {
      ids.set(v, ids.size);
      return { $list: v.map(enc) };
    }
    if (v instanceof Map) {
      ids.set(v, ids.size);
      const entries: JsonValue[] = [];
      for (const [k, x] of v) entries.push([enc(k), enc(x)]);
      return { $map: entries };
    }
    // A record of the runtime's own: its field names are ours, never guest data, and never start with `$`.
    const out: { [key: string]: JsonValue } = {};
    for (const [k, x] of Object.entries(v)) out[k] = enc(x);
    return out;
  };
  return enc(root);
}

/** Decodes what encodePlain wrote; SNAPSHOT_INVALID on anything else. */
export function decodePlain(root: JsonValue, fns: FunctionNames): unknown {
  const table: object[] = [];
  const dec = (v: JsonValue): unknown => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (typeof v === 'number') return v;
    if (Array.isArray(v)) throw damaged('a bare array');
    const keys = Object.keys(v);
    const tag = keys.length === 1 && keys[0]!.startsWith('$') ? keys[0]! : null;
    if (tag === null) {
      // `__proto__` would set the record's prototype rather than a field.
      if (keys.some((k) => k.startsWith('$') || k === '__proto__')) throw damaged('a record with a forbidden field');
      const out: Record<string, unknown> = {};
      for (const k of keys) out[k] = dec(v[k]!);
      return out;
    }
    const body = v[tag]!;
    switch (tag) {
      case '$num':
        return unnum(body);
      case '$pt':
        return new Point(...pair(body));
      case '$range':
        return new Range(...pair(body));
      case '$ent':
        if (!Array.isArray(body) || body.length !== 2 || typeof body[0] !== 'string' || typeof body[1] !== 'string') throw damaged('a bad entity');
        return new EntityRef(body[0], body[1]);
      case '$fn': {
        const index = typeof body === 'string' ? fns.indexOf(body) : undefined;
        if (index === undefined) throw damaged(`a function this game does not have (${String(body)})`);
        return new FnRef(index);
      }
      case '$thread':
        if (typeof body !== 'number' || !Number.isSafeInteger(body) || body < 0) throw damaged('a bad thread');
        return new ThreadHandle(body);
      case '$ref': {
        const target = typeof body === 'number' ? table[body] : undefined;
        if (target === undefined) throw damaged('a reference to nothing');
        return target;
      }
      case '$list': {
        if (!Array.isArray(body)) throw damaged('a bad list');
        const list: unknown[] = [];
        table.push(list);
        for (const item of body) list.push(dec(item));
        return list;
      }
      case '$map': {
        if (!Array.isArray(body)) throw damaged('a bad map');
        const map = new Map<unknown, unknown>();
        table.push(map);
        for (const entry of body) {
          if (!Array.isArray(entry) || entry.length !== 2) throw damaged('a bad map entry');
          map.set(dec(entry[0]!), dec(entry[1]!));
        }
        return map;
      }
      default:
        throw damaged(`an unknown tag ${tag}`);
    }
  };
  return dec(root);
}

/** The SNAPSHOT_INVALID error for a damaged save. */
export function damaged(why: string): CairnError {
  return new CairnError('SNAPSHOT_INVALID', `the save is damaged: ${why}`);
}

function num(n: number): JsonValue {
  if (Number.isFinite(n) && !Object.is(n, -0)) return n;
  return { $num: Object.is(n, -0) ? '-0' : String(n) };
}

function unnum(v: JsonValue): number {
  switch (v) {
    case '-0':
      return -0;
    case 'NaN':
      return NaN;
    case 'Infinity':
      return Infinity;
    case '-Infinity':
      return -Infinity;
    default:
      throw damaged('a bad number');
  }
}

function pair(v: JsonValue): [number, number] {
  if (!Array.isArray(v) || v.length !== 2) throw damaged('a bad pair');
  const n = (x: JsonValue): number => (typeof x === 'number' ? x : unnum(x));
  return [n(v[0]!), n(v[1]!)];
}
