// Plain data (the world state: records, arrays, Maps, Cairn values) to JSON
// and back, by one pair of functions whose rules mirror each other: tagged
// single-key objects for what JSON lacks ($map, $pt, $ent, $fn by function
// NAME, …), and a flat table of nodes for lists, maps and records so shared,
// cyclic and deeply nested guest data keep their shape and neither direction
// recurses. Decoding trusts nothing: a malformed input is SNAPSHOT_INVALID.

import type { JsonValue } from '../../interpreter/bytecode/module.js';
import { CairnError } from '../../interpreter/errors.js';
import { EntityRef, FnRef, Point, Range, ThreadHandle, isMap, type MapKey, type Value } from '../../interpreter/vm/values.js';
import { ShapedMap } from '../../interpreter/vm/shaped-map.js';

/** How functions are named in saves (by name, never by index). */
export interface FunctionNames {
  nameOf(index: number): string;
  indexOf(name: string): number | undefined;
}

/**
 * Encodes plain data as JSON, flat: every list, Map and record becomes one
 * node of `{$graph: [node, …]}` (node 0 is the root) and refers to the others
 * as `{$ref: n}`, so the JSON is a few levels deep however deep the data is
 * (JSON.stringify recurses), shared and cyclic data keep their shape, and
 * encoding is iterative.
 */
export function encodePlain(root: unknown, fns: FunctionNames): JsonValue {
  if (!isContainer(root)) return scalar(root, fns);
  const ids = new Map<object, number>();
  const nodes: JsonValue[] = [];
  const pending: object[] = [];
  const enc = (v: unknown): JsonValue => {
    if (!isContainer(v)) return scalar(v, fns);
    let id = ids.get(v);
    if (id === undefined) {
      id = nodes.push(null) - 1;
      ids.set(v, id);
      pending.push(v);
    }
    return { $ref: id };
  };
  enc(root);
  for (let i = 0; i < pending.length; i++) {
    const v = pending[i]!;
    let node: JsonValue;
    if (Array.isArray(v)) {
      const items: JsonValue[] = new Array(v.length);
      for (let j = 0; j < v.length; j++) items[j] = enc(v[j]);
      node = { $list: items };
    } else if (isMap(v)) {
      const entries: JsonValue[] = [];
      for (const [k, x] of v) entries.push([enc(k), enc(x)]);
      node = { $map: entries };
    } else {
      // A record of the runtime's own: its field names are ours, never guest data, and never start with `$`.
      const out: { [key: string]: JsonValue } = {};
      for (const [k, x] of Object.entries(v)) out[k] = enc(x);
      node = out;
    }
    nodes[ids.get(v)!] = node;
  }
  return { $graph: nodes };
}

/** Lists, Maps and the runtime's plain records: what encodePlain puts in nodes of their own. */
function isContainer(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v) || isMap(v)) return true;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A value that is not a container, as JSON. */
function scalar(v: unknown, fns: FunctionNames): JsonValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return num(v);
  if (v instanceof Point) return { $pt: [num(v.x), num(v.y)] };
  if (v instanceof Range) return { $range: [num(v.from), num(v.to)] };
  if (v instanceof EntityRef) return { $ent: [v.entity, v.name] };
  if (v instanceof FnRef) return { $fn: fns.nameOf(v.index) };
  if (v instanceof ThreadHandle) return { $thread: v.id };
  throw new CairnError('RUNTIME', `cannot save a ${typeof v}`);
}

/**
 * Decodes what encodePlain wrote; SNAPSHOT_INVALID on anything else. Every
 * node's shell is made first and filled after, so decoding is iterative and
 * cycles work.
 */
export function decodePlain(root: JsonValue, fns: FunctionNames): unknown {
  if (!isRecord(root) || !Array.isArray(root.$graph) || Object.keys(root).length !== 1) return decodeScalar(root, fns, []);
  const nodes = root.$graph;
  if (nodes.length === 0) throw damaged('an empty graph');
  const shells: object[] = nodes.map((n) => {
    if (!isRecord(n)) throw damaged('a bad node');
    if (Array.isArray(n.$list) && Object.keys(n).length === 1) return [];
    if (Array.isArray(n.$map) && Object.keys(n).length === 1) return new ShapedMap();
    const keys = Object.keys(n);
    // `__proto__` would set the record's prototype rather than a field.
    if (keys.some((k) => k.startsWith('$') || k === '__proto__')) throw damaged('a record with a forbidden field');
    return {};
  });
  nodes.forEach((n, i) => {
    const node = n as { [key: string]: JsonValue };
    const shell = shells[i]!;
    if (Array.isArray(shell)) {
      for (const item of node.$list as JsonValue[]) shell.push(decodeScalar(item, fns, shells));
    } else if (isMap(shell)) {
      for (const entry of node.$map as JsonValue[]) {
        if (!Array.isArray(entry) || entry.length !== 2) throw damaged('a bad map entry');
        shell.set(decodeScalar(entry[0]!, fns, shells) as MapKey, decodeScalar(entry[1]!, fns, shells) as Value);
      }
    } else {
      const out = shell as Record<string, unknown>;
      for (const k of Object.keys(node)) out[k] = decodeScalar(node[k]!, fns, shells);
    }
  });
  return shells[0];
}

function isRecord(v: JsonValue | undefined): v is { [key: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One value inside a node: a scalar, a tagged value, or `{$ref: n}` to a node's shell. */
function decodeScalar(v: JsonValue, fns: FunctionNames, shells: readonly object[]): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v;
  if (Array.isArray(v)) throw damaged('a bare array');
  const keys = Object.keys(v);
  if (keys.length !== 1 || !keys[0]!.startsWith('$')) throw damaged('a value nested in place of a reference');
  const tag = keys[0]!;
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
      const target = typeof body === 'number' && Number.isInteger(body) && body >= 0 ? shells[body] : undefined;
      if (target === undefined) throw damaged('a reference to nothing');
      return target;
    }
    default:
      throw damaged(`an unknown tag ${tag}`);
  }
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
