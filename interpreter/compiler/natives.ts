// What the compiler knows about natives: their names and how many arguments
// they take, so it can check calls and emit CALL_NATIVE. The VM's table is
// the source of truth; FALLBACK_BUILTINS (LANGUAGE.md §2) stands in for a
// host that passes none. Adventure natives come from adventure-natives.ts.

import { ADVENTURE_NATIVES, ADVENTURE_NATIVES_BY_NAME } from './adventure-natives.js';

/** A native as the compiler sees it. `maxArity` is Infinity (or -1) for "any number". */
export interface NativeSpec {
  name: string;
  minArity: number;
  maxArity: number;
  blocking: boolean;
}

const spec = (name: string, minArity: number, maxArity = minArity): NativeSpec => ({ name, minArity, maxArity, blocking: false });

/** The built-in functions LANGUAGE.md §2 promises, for when the host passes no table. */
export const FALLBACK_BUILTINS: readonly NativeSpec[] = [
  spec('len', 1),
  spec('push', 2),
  spec('pop', 1),
  spec('insert', 3),
  spec('remove', 2),
  spec('keys', 1),
  spec('has_key', 2),
  spec('contains', 2),
  spec('join', 1, 2),
  spec('split', 1, 2),
  spec('upper', 1),
  spec('lower', 1),
  spec('str', 1),
  spec('num', 1),
  spec('floor', 1),
  spec('ceil', 1),
  spec('round', 1),
  spec('abs', 1),
  spec('min', 1, Infinity),
  spec('max', 1, Infinity),
  spec('sqrt', 1),
  spec('random', 2),
];

/** A native the compiler may call, and whether scripts may name it in expressions. */
export interface KnownNative extends NativeSpec {
  /** False for natives only statements reach (`say`, `walk`, …): their names stay free for scripts. */
  callable: boolean;
}

/** Every native a program may use: the builtins given (or the fallback) plus the adventure natives. */
export function nativeTable(builtins: readonly NativeSpec[] | undefined): Map<string, KnownNative> {
  const table = new Map<string, KnownNative>();
  for (const n of builtins ?? FALLBACK_BUILTINS) {
    table.set(n.name, { ...n, maxArity: n.maxArity < 0 ? Infinity : n.maxArity, callable: true });
  }
  for (const n of ADVENTURE_NATIVES) {
    if (!table.has(n.name)) table.set(n.name, { name: n.name, minArity: n.args.length, maxArity: n.args.length, blocking: n.blocking, callable: n.expression });
  }
  return table;
}

/** "1 argument", "2 to 3 arguments", "at least 1 argument". */
export function describeArity(min: number, max: number): string {
  const noun = (n: number) => (n === 1 ? 'argument' : 'arguments');
  if (max === Infinity) return `at least ${min} ${noun(min)}`;
  if (min === max) return `${min} ${noun(min)}`;
  return `${min} to ${max} ${noun(max)}`;
}

/** Natives that read like values: naming one calls it with no arguments (`here`). */
export function readsAsValue(native: NativeSpec): boolean {
  const adventure = ADVENTURE_NATIVES_BY_NAME.get(native.name);
  return adventure !== undefined && adventure.expression && adventure.args.length === 0 && native.maxArity === 0;
}
