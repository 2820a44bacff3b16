// Sandbox limits and the guest-memory ceiling. Each string, list and map has a
// size cap checked where it grows; the total of live guest memory is estimated
// by walking everything reachable from globals, thread stacks and frames and
// what the host holds for the game, run only after enough new allocation
// (like a GC's trigger), so garbage never counts.

import { CairnError } from '../errors.js';
import { ShapedMap } from './shaped-map.js';
import { EntityRef, FnRef, Point, Range, ThreadHandle, type Value, isMap } from './values.js';

/** The sandbox limits of one VM. Every number may be Infinity (benchmarks). */
export interface Limits {
  /** Work a thread may do in one tick before it is stopped (loop code words plus a fixed cost per call). */
  instructionsPerTick: number;
  /** Deepest call nesting per thread. */
  maxCallDepth: number;
  /** Estimated bytes of live guest data (strings, lists, maps, …). */
  maxMemory: number;
  /** Live threads at once. */
  maxThreads: number;
  /** Longest string, in UTF-16 code units. */
  maxStringLength: number;
  /** Longest list. */
  maxListLength: number;
  /** Most entries in one map. */
  maxMapSize: number;
}

/** The defaults: generous for adventure games, small enough to stop a runaway script within milliseconds. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  instructionsPerTick: 5_000_000,
  maxCallDepth: 512,
  maxMemory: 64 * 1024 * 1024,
  maxThreads: 10_000,
  maxStringLength: 1 << 22,
  maxListLength: 1 << 22,
  maxMapSize: 1 << 22,
});

/** Defaults overridden by `partial`; a limit must be a positive number. */
export function resolveLimits(partial: Partial<Limits> = {}): Limits {
  // Every field starts as Infinity, so it holds doubles in every VM's limits
  // whether its value is Infinity or a whole number: one shape for all, which
  // the VM's optimized code checks (shape-keeper.ts).
  const limits: Limits = {
    instructionsPerTick: Infinity,
    maxCallDepth: Infinity,
    maxMemory: Infinity,
    maxThreads: Infinity,
    maxStringLength: Infinity,
    maxListLength: Infinity,
    maxMapSize: Infinity,
  };
  Object.assign(limits, DEFAULT_LIMITS);
  for (const key of Object.keys(DEFAULT_LIMITS) as Array<keyof Limits>) {
    const v = partial[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !(v > 0)) throw new CairnError('USAGE', `limit ${key} must be a positive number, got ${String(v)}`);
    limits[key] = v;
  }
  return limits;
}

/** Estimated bytes of guest values, per the measurement below. */
export const SIZE = Object.freeze({ slot: 8, string: 16, list: 32, map: 64, mapEntry: 40, small: 32, thread: 256 });

/** The least allocation between two measurements, so small heaps are not walked constantly. */
export const MIN_MEASURE_INTERVAL = 256 * 1024;

/** The MEMORY_EXCEEDED error for a string, list or map past its cap. */
export function sizeError(what: 'string' | 'list' | 'map', size: number, cap: number): CairnError {
  const unit = what === 'string' ? 'characters' : what === 'list' ? 'items' : 'entries';
  return new CairnError('MEMORY_EXCEEDED', `a ${what} of ${size} ${unit} is over the limit of ${cap}`);
}

/** Throws MEMORY_EXCEEDED when a string of `length` would pass the cap. */
export function checkStringLength(length: number, limits: Readonly<Limits>): void {
  if (length > limits.maxStringLength) throw sizeError('string', length, limits.maxStringLength);
}

/** Throws MEMORY_EXCEEDED when a list of `length` would pass the cap. */
export function checkListLength(length: number, limits: Readonly<Limits>): void {
  if (length > limits.maxListLength) throw sizeError('list', length, limits.maxListLength);
}

/** Throws MEMORY_EXCEEDED when a map of `size` would pass the cap. */
export function checkMapSize(size: number, limits: Readonly<Limits>): void {
  if (size > limits.maxMapSize) throw sizeError('map', size, limits.maxMapSize);
}

/**
 * Estimated bytes reachable from `roots` (each a list of values, read up to
 * its length in `lengths`: arrays, not objects, whose hidden classes V8's
 * optimized code for this walk would hold weakly). Each list and map is
 * counted once however often it is shared; strings are counted per reference
 * (JS hides whether two are one). Stops early once the total passes
 * `stopAbove`.
 */
export function measureReachable(roots: readonly (readonly unknown[])[], lengths: readonly number[], stopAbove: number): number {
  let total = 0;
  const seen = new Set<object>();
  const work: unknown[] = [];
  for (let r = 0; r < roots.length; r++) {
    const root = roots[r]!;
    for (let i = 0; i < lengths[r]!; i++) work.push(root[i]);
    while (work.length > 0) {
      const v = work.pop();
      if (typeof v === 'string') total += SIZE.string + 2 * v.length;
      if (typeof v !== 'object' || v === null || seen.has(v)) continue;
      seen.add(v);
      const keyUnits = v instanceof ShapedMap ? v.stringKeyLength() : null;
      if (Array.isArray(v)) {
        total += SIZE.list + SIZE.slot * v.length;
        for (let i = 0; i < v.length; i++) {
          const item: unknown = v[i];
          if (typeof item === 'object' || typeof item === 'string') work.push(item);
        }
      } else if (keyUnits !== null) {
        // A record or a table: its keys counted from their lengths, its values walked; no entry pairs made.
        const vals = (v as ShapedMap).vals;
        total += SIZE.map + (SIZE.mapEntry + SIZE.string) * vals.length + 2 * keyUnits;
        for (let i = 0; i < vals.length; i++) {
          const item: unknown = vals[i];
          if (typeof item === 'object' || typeof item === 'string') work.push(item);
        }
      } else if (isMap(v)) {
        total += SIZE.map + SIZE.mapEntry * v.size;
        for (const [k, item] of v) {
          if (typeof k === 'string') total += SIZE.string + 2 * k.length;
          if (typeof item === 'object' || typeof item === 'string') work.push(item);
        }
      } else if (v instanceof Point || v instanceof Range || v instanceof FnRef || v instanceof ThreadHandle || v instanceof EntityRef) {
        total += SIZE.small;
      } else {
        // plain-object block reasons from hosts
        const values = Object.values(v);
        total += SIZE.map + SIZE.mapEntry * values.length;
        for (const item of values) work.push(item);
      }
      if (total > stopAbove) return total;
    }
  }
  return total;
}

/** A value's own size estimate when it is created (children not included). */
export function shallowSize(v: Value): number {
  if (typeof v === 'string') return SIZE.string + 2 * v.length;
  if (Array.isArray(v)) return SIZE.list + SIZE.slot * v.length;
  if (isMap(v)) return SIZE.map + SIZE.mapEntry * v.size;
  return typeof v === 'object' && v !== null ? SIZE.small : 0;
}
