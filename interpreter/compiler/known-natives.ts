// What the compiler knows about natives: their names and how many arguments
// they take, so it can check calls and emit CALL_NATIVE. The builtins come
// from the VM's natives table (compile.ts passes nativeSpecs(BUILTIN_NATIVES)
// unless the host passes its own); adventure natives from adventure-natives.ts.

import type { NativeSpec } from '../vm/native-table.js';
import { ADVENTURE_NATIVES, ADVENTURE_NATIVES_BY_NAME } from './adventure-natives.js';

/** A native as the compiler sees it (the VM's type): name, arity bounds (maxArity Infinity: any number), blocking. */
export type { NativeSpec } from '../vm/native-table.js';

/** A native the compiler may call, and whether scripts may name it in expressions. */
export interface KnownNative extends NativeSpec {
  /** False for natives only statements reach (`say`, `walk`, …): their names stay free for scripts. */
  callable: boolean;
}

/**
 * Every native a program may use: the builtins given plus the adventure
 * natives. Adventure natives keep the table's rule on who may call them by
 * name, even when the host lists them among its natives.
 */
export function nativeTable(builtins: readonly NativeSpec[]): Map<string, KnownNative> {
  const table = new Map<string, KnownNative>();
  for (const n of builtins) {
    const adventure = ADVENTURE_NATIVES_BY_NAME.get(n.name);
    table.set(n.name, { ...n, maxArity: n.maxArity < 0 ? Infinity : n.maxArity, callable: adventure === undefined || adventure.expression });
  }
  for (const n of ADVENTURE_NATIVES) {
    if (!table.has(n.name)) table.set(n.name, { name: n.name, minArity: n.args.length - (n.optional ?? 0), maxArity: n.args.length, blocking: n.blocking, callable: n.expression });
  }
  return table;
}

/** "1 argument", "2 to 3 arguments", "at least 1 argument". */
export function describeArity(min: number, max: number): string {
  const noun = (n: number) => (n === 1 ? 'argument' : 'arguments');
  if (max === Infinity) return `at least ${min} ${noun(min)}`;
  if (min === max) return `${min} ${noun(min)}`;
  return `${min} to ${max} arguments`;
}

/** Natives that read like values: naming one calls it with no arguments (`here`). */
export function readsAsValue(native: NativeSpec): boolean {
  const adventure = ADVENTURE_NATIVES_BY_NAME.get(native.name);
  return adventure !== undefined && adventure.expression && adventure.args.length === 0 && native.maxArity === 0;
}
