// Cairn values at run time. Primitives are JS primitives (nil is null) so the
// dispatch loop does no boxing; lists are JS arrays; maps are ShapedMaps
// (shaped-map.ts) or host Maps — guest keys never become JS property names,
// so no prototype pollution; points, ranges, function references, thread
// handles and entity references are small frozen-shape classes. Everything here is plain data that snapshots can walk.

import { ShapedMap } from './shaped-map.js';

/** A point `(x, y)`; immutable. */
export class Point {
  constructor(readonly x: number, readonly y: number) {}
}

/** A range `from..to`, end exclusive; immutable. */
export class Range {
  constructor(readonly from: number, readonly to: number) {}
}

/** A reference to a compiled function, by index in the module. */
export class FnRef {
  constructor(readonly index: number) {}
}

/** The handle `spawn` returns: the thread's id, unique for the VM's lifetime. */
export class ThreadHandle {
  constructor(readonly id: number) {}
}

/** A world entity (room, object, actor, …) named in a script; the host gives it meaning. */
export class EntityRef {
  constructor(readonly entity: string, readonly name: string) {}
}

/** A map key: maps are keyed by strings, numbers or booleans. */
export type MapKey = string | number | boolean;

/** A Cairn list. */
export type CairnList = Value[];
/** A Cairn map: a ShapedMap the VM built, or a Map a host passed in. */
export type CairnMap = Map<MapKey, Value>;

/** Whether `v` is a Cairn map (test with this, never `instanceof Map`: the VM's own maps are ShapedMaps). */
export function isMap(v: unknown): v is CairnMap {
  return v instanceof ShapedMap || v instanceof Map;
}

/** Any Cairn value. */
export type Value = null | boolean | number | string | CairnList | CairnMap | Point | Range | FnRef | ThreadHandle | EntityRef;

/** The name of a value's type, as error messages and `type_of` say it. */
export function typeName(v: Value): string {
  if (v === null) return 'nil';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
  }
  if (Array.isArray(v)) return 'list';
  if (isMap(v)) return 'map';
  if (v instanceof Point) return 'point';
  if (v instanceof Range) return 'range';
  if (v instanceof FnRef) return 'function';
  if (v instanceof ThreadHandle) return 'thread';
  if (v instanceof EntityRef) return v.entity;
  return 'unknown';
}

/** nil and false are falsy; everything else is truthy. */
export function isTruthy(v: Value): boolean {
  return v !== null && v !== false;
}
