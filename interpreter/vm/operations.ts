// The slow paths of the dispatch loop: everything an opcode does beyond its
// fast case — joining strings and lists, indexing, members, interpolation,
// building lists and maps — and the errors opcodes raise. Kept out of the loop
// so it stays small; each function may throw an unlocated CairnError, which
// the VM locates at the failing instruction.

import { CairnError } from '../errors.js';
import { checkListLength, checkMapSize, checkStringLength, SIZE } from './memory.js';
import { formatNumber } from './display.js';
import { ShapedMap } from './shaped-map.js';
import { EntityRef, Point, Range, typeName, type CairnMap, type MapKey, type Value, isMap } from './values.js';
import type { VM } from './vm.js';
import { secondsToTicks } from './ticks.js';
import { FREE_STRING, WORK } from './work.js';
import { growStack } from './thread.js';

/** `a + b` when not both numbers: strings join, lists join, anything else is a TYPE_ERROR. */
export function addValues(vm: VM, a: Value, b: Value): Value {
  if (typeof a === 'string' && typeof b === 'string') {
    const length = a.length + b.length;
    checkStringLength(length, vm.limits);
    // The join is a rope, but the first index or comparison flattens it: that is the work.
    if (length > FREE_STRING) vm.spend(WORK.flatChar * length);
    // JS joins strings as ropes: the new memory is about the shorter side.
    vm.charge(SIZE.string + 2 * Math.min(a.length, b.length));
    return a + b;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    checkListLength(a.length + b.length, vm.limits);
    vm.spend(WORK.item * (a.length + b.length));
    vm.charge(SIZE.list + SIZE.slot * (a.length + b.length));
    return a.concat(b);
  }
  const hint = typeof a === 'string' || typeof b === 'string' ? 'to build text from values, interpolate: "{a}{b}", or use str()' : undefined;
  throw new CairnError('TYPE_ERROR', `cannot add ${typeName(a)} and ${typeName(b)}`, { hint });
}

/** True when `k` can be a map key. */
export function isMapKey(k: Value): k is MapKey {
  return typeof k === 'string' || typeof k === 'number' || typeof k === 'boolean';
}

function keyError(k: Value): CairnError {
  return new CairnError('TYPE_ERROR', `a map key must be a string, number or boolean, not ${typeName(k)}`);
}

function indexRangeError(i: number, length: number, what: string): CairnError {
  return new CairnError('INDEX_OUT_OF_RANGE', `index ${formatNumber(i)} is out of range for a ${what} of length ${length}`);
}

function checkIndex(i: Value, length: number, what: string): number {
  if (typeof i !== 'number' || !Number.isInteger(i)) throw new CairnError('TYPE_ERROR', `a ${what} index must be a whole number, not ${typeName(i)}`);
  if (i < 0 || i >= length) throw indexRangeError(i, length, what);
  return i;
}

/** `target[index]`. */
export function indexGet(target: Value, index: Value): Value {
  if (Array.isArray(target)) return target[checkIndex(index, target.length, 'list')]!;
  if (isMap(target)) {
    if (!isMapKey(index)) throw keyError(index);
    const v = target.get(index);
    if (v === undefined) throw new CairnError('KEY_NOT_FOUND', `the map has no key ${describeKey(index)}`, { hint: 'check with has_key(map, key), or use get(map, key, default)' });
    return v;
  }
  if (typeof target === 'string') return target[checkIndex(index, target.length, 'string')]!;
  throw new CairnError('TYPE_ERROR', `cannot index ${typeName(target)}`);
}

/** `target[index] = value`. */
export function indexSet(vm: VM, target: Value, index: Value, value: Value): void {
  if (Array.isArray(target)) {
    target[checkIndex(index, target.length, 'list')] = value;
    return;
  }
  if (isMap(target)) {
    if (!isMapKey(index)) throw keyError(index);
    mapSet(vm, target, index, value);
    return;
  }
  if (typeof target === 'string') throw new CairnError('TYPE_ERROR', 'strings cannot be changed in place; build a new one');
  throw new CairnError('TYPE_ERROR', `cannot set an index of ${typeName(target)}`);
}

/** Sets a map entry, checking the size cap and accounting for a new entry. */
export function mapSet(vm: VM, map: CairnMap, key: MapKey, value: Value): void {
  // One hash lookup: set, then see whether the map grew (and undo if past the cap).
  const size = map.size;
  map.set(key, value);
  if (map.size !== size) {
    if (map.size > vm.limits.maxMapSize) {
      map.delete(key);
      checkMapSize(size + 1, vm.limits);
    }
    vm.spend(WORK.newEntry);
    vm.charge(SIZE.mapEntry);
  }
}

function describeKey(k: MapKey): string {
  return typeof k === 'string' ? `"${k}"` : String(k);
}

/** `target.name`. */
export function memberGet(vm: VM, target: Value, name: string): Value {
  if (isMap(target)) {
    const v = target.get(name);
    if (v === undefined) throw new CairnError('KEY_NOT_FOUND', `the map has no key "${name}"`, { hint: 'check with has_key(map, key), or use get(map, key, default)' });
    return v;
  }
  if (target instanceof EntityRef) {
    if (vm.host === undefined) throw new CairnError('NO_SUCH_PROPERTY', `${target.entity} \`${target.name}\` has no property \`${name}\``);
    const v = vm.host.getMember(target, name);
    return v === undefined ? null : v;
  }
  if (target instanceof Point && (name === 'x' || name === 'y')) return target[name];
  if (target instanceof Range && (name === 'from' || name === 'to')) return target[name];
  throw new CairnError('NO_SUCH_PROPERTY', `${typeName(target)} has no property \`${name}\``);
}

/** `target.name = value`. */
export function memberSet(vm: VM, target: Value, name: string, value: Value): void {
  if (isMap(target)) {
    mapSet(vm, target, name, value);
    return;
  }
  if (target instanceof EntityRef) {
    if (vm.host === undefined) throw new CairnError('NO_SUCH_PROPERTY', `${target.entity} \`${target.name}\` has no property \`${name}\``);
    vm.host.setMember(target, name, value);
    return;
  }
  if (target instanceof Point || target instanceof Range) throw new CairnError('TYPE_ERROR', `${typeName(target)}s cannot be changed; make a new one`);
  throw new CairnError('NO_SUCH_PROPERTY', `cannot set \`${name}\` on ${typeName(target)}`);
}

/** ITER_PREP: what `for … in` walks — a list or string as is, a range, a map's keys (copied). */
export function iterPrep(vm: VM, v: Value): Value {
  if (Array.isArray(v) || v instanceof Range || typeof v === 'string') return v;
  if (isMap(v)) {
    vm.spend(WORK.entry * v.size);
    vm.charge(SIZE.list + SIZE.slot * v.size);
    return [...v.keys()];
  }
  throw new CairnError('TYPE_ERROR', `cannot loop over ${typeName(v)}`);
}

/** CONCAT: the printed forms of stack[from .. from+n) joined. */
export function concatValues(vm: VM, stack: readonly Value[], from: number, n: number): string {
  let out = '';
  for (let i = from; i < from + n; i++) {
    const v = stack[i]!;
    const part = typeof v === 'string' ? v : typeof v === 'number' ? formatNumber(v) : vm.display(v);
    checkStringLength(out.length + part.length, vm.limits);
    out += part;
  }
  if (out.length > FREE_STRING) vm.spend(WORK.char * out.length);
  vm.charge(SIZE.string + 2 * out.length);
  return out;
}

/** MAP: a map from n key/value pairs at stack[from ..]. */
export function buildMap(vm: VM, stack: readonly Value[], from: number, n: number): CairnMap {
  const map = ShapedMap.fromPairs(stack, from, n);
  if (map === undefined) {
    for (let i = 0; i < n; i++) if (!isMapKey(stack[from + 2 * i]!)) throw keyError(stack[from + 2 * i]!);
    throw new CairnError('RUNTIME', 'MAP: a key is not a map key');
  }
  checkMapSize(map.size, vm.limits);
  vm.charge(SIZE.map + SIZE.mapEntry * map.size);
  return map;
}

/** POINT: both coordinates must be numbers. */
export function makePoint(vm: VM, x: Value, y: Value): Point {
  if (typeof x !== 'number' || typeof y !== 'number') throw new CairnError('TYPE_ERROR', `a point needs two numbers, not ${typeName(x)} and ${typeName(y)}`);
  vm.charge(SIZE.small);
  return new Point(x, y);
}

/** RANGE: both ends must be numbers. */
export function makeRange(vm: VM, from: Value, to: Value): Range {
  if (typeof from !== 'number' || typeof to !== 'number') throw new CairnError('TYPE_ERROR', `a range needs two numbers, not ${typeName(from)} and ${typeName(to)}`);
  vm.charge(SIZE.small);
  return new Range(from, to);
}

/** Ticks to sleep for WAIT_TICKS n or WAIT_SECONDS s (at least 1: `wait 0` is a yield). */
export function ticksToWait(amount: Value, seconds: boolean): number {
  if (typeof amount !== 'number' || Number.isNaN(amount)) throw new CairnError('TYPE_ERROR', `wait needs a number of ${seconds ? 'seconds' : 'ticks'}, not ${typeName(amount)}`);
  if (amount < 0) throw new CairnError('BAD_ARGUMENT', `cannot wait a negative time (${formatNumber(amount)})`);
  const ticks = seconds ? secondsToTicks(amount) : Math.round(amount);
  return Math.max(1, ticks);
}

/** The work of comparing two strings with `<` and friends: only long ones cost more than the instruction. */
export function compareCost(a: string, b: string): number {
  const n = a.length < b.length ? a.length : b.length;
  return n > FREE_STRING ? WORK.flatChar * n : 0;
}

/** Grows a thread's stack for a call, charging the new slots as guest memory and their filling as work. */
export function growThreadStack(vm: VM, stack: Value[], size: number): void {
  const grown = Math.max(size, stack.length * 2) - stack.length;
  vm.spend(grown);
  vm.charge(SIZE.slot * grown);
  growStack(stack, size);
}

/**
 * Floored modulo (the result takes the divisor's sign: -1 % 3 == 2), b != 0.
 * The JS `%` at one site serves every guest `%`, so once it has seen a double
 * V8 compiles it to a slow fmod call; integers take int32 or exact-division
 * paths instead and only other doubles reach fmod.
 */
export function floorMod(a: number, b: number): number {
  const ai = a | 0;
  const bi = b | 0;
  if (ai === a && bi === b) {
    let r = (ai % bi) | 0;
    if (r !== 0 && (r ^ bi) < 0) r += bi;
    return r;
  }
  if (bi === b && a === Math.floor(a) && a < 4503599627370496 && a > -4503599627370496) {
    // Exact for integers below 2^52: q may be off by one, the products are exact.
    let r = a - Math.floor(a / b) * b;
    if (b > 0) {
      if (r < 0) r += b;
      else if (r >= b) r -= b;
    } else if (r > 0) r += b;
    else if (r <= b) r -= b;
    return r;
  }
  let r = a % b;
  if (r !== 0 && r < 0 !== b < 0) r += b;
  return r;
}
