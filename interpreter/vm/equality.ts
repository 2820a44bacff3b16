// `==` for Cairn values: by value for lists, maps, points and ranges, by
// identity of what they name for functions, threads and entities. Iterative
// with a set of pairs already assumed equal, so cycles terminate, shared
// sub-structures are compared once, and deep nesting cannot overflow the stack.

import { EntityRef, FnRef, Point, Range, ThreadHandle, type Value, isMap } from './values.js';
import { FREE_STRING, WORK, type Meter } from './work.js';

/** True when `a == b` in Cairn; `meter` is charged per pair compared, before each list or map is walked. */
export function valuesEqual(a: Value, b: Value, meter?: Meter): boolean {
  if (typeof a === 'string') return stringsEqual(a, b, meter);
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const left: Value[] = [a];
  const right: Value[] = [b];
  const assumed = new Map<object, Set<object>>();
  while (left.length > 0) {
    const x = left.pop()!;
    const y = right.pop()!;
    if (typeof x === 'string') {
      if (!stringsEqual(x, y, meter)) return false;
      continue;
    }
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      if (alreadyAssumed(assumed, x, y)) continue;
      meter?.spend(WORK.compare * x.length);
      for (let i = 0; i < x.length; i++) {
        const p = x[i]!;
        const q = y[i]!;
        if (typeof p === 'string') {
          if (!stringsEqual(p, q, meter)) return false;
          continue;
        }
        if (p === q) continue;
        if (typeof p !== 'object' || typeof q !== 'object' || p === null || q === null) return false;
        left.push(p);
        right.push(q);
      }
    } else if (isMap(x)) {
      if (!isMap(y) || x.size !== y.size) return false;
      if (alreadyAssumed(assumed, x, y)) continue;
      meter?.spend(WORK.compare * x.size);
      for (const [k, v] of x) {
        if (!y.has(k)) return false;
        left.push(v);
        right.push(y.get(k)!);
      }
    } else if (!scalarObjectsEqual(x, y)) return false;
  }
  return true;
}

/** `p === q` for a string p, charging the comparison of two long strings of one length (the only slow case). */
export function stringsEqual(p: string, q: Value, meter: Meter | undefined): boolean {
  if (typeof q !== 'string' || p.length !== q.length) return false;
  if (meter !== undefined && p.length > FREE_STRING) meter.spend(WORK.flatChar * p.length);
  return p === q;
}

/** Records that x and y are being compared; true when they already were. */
function alreadyAssumed(assumed: Map<object, Set<object>>, x: object, y: object): boolean {
  let partners = assumed.get(x);
  if (partners === undefined) {
    partners = new Set();
    assumed.set(x, partners);
  } else if (partners.has(y)) return true;
  partners.add(y);
  return false;
}

/** Equality of the small immutable value classes. */
function scalarObjectsEqual(x: object, y: object): boolean {
  if (x instanceof Point) return y instanceof Point && x.x === y.x && x.y === y.y;
  if (x instanceof Range) return y instanceof Range && x.from === y.from && x.to === y.to;
  if (x instanceof FnRef) return y instanceof FnRef && x.index === y.index;
  if (x instanceof ThreadHandle) return y instanceof ThreadHandle && x.id === y.id;
  if (x instanceof EntityRef) return y instanceof EntityRef && x.entity === y.entity && x.name === y.name;
  return false;
}
