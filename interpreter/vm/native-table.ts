// The natives table: the one door between scripts and the host. Every built-in
// function and every host action (`say`, `walk`, …) is a NativeDef row; the
// compiler reads arities from nativeSpecs(), the VM resolves a module's native
// names against the table at load time and checks argument kinds before a call.

import type { EntityKind, JsonValue } from '../bytecode/module.js';
import { CairnError } from '../errors.js';
import type { Limits } from './memory.js';
import { EntityRef, FnRef, Point, Range, ThreadHandle, typeName, type Value, isMap } from './values.js';

/** One kind of value a native accepts. `int` is a whole number, `key` a map key (string, number, boolean). */
export type ValueKind =
  | 'any' | 'nil' | 'number' | 'int' | 'string' | 'boolean' | 'key'
  | 'list' | 'map' | 'point' | 'range' | 'function' | 'thread' | 'entity'
  | EntityKind;

/** What a parameter accepts: one kind, or any of several. */
export type ArgKind = ValueKind | readonly ValueKind[];

/** Plain data a blocking native leaves on its thread (it goes into snapshots). */
export type BlockReason = Value | JsonValue;

/** The value a blocking native returns, from `ctx.block(reason)`, to suspend its thread. */
export class BlockSignal {
  private constructor() {}
  /** The one instance. */
  static readonly INSTANCE = new BlockSignal();
}

/** What a native may ask of the VM while it runs. */
export interface NativeContext {
  /** The calling thread's id (0 inside `vm.call` and `vm.init`, which cannot block). */
  readonly threadId: number;
  /** The number of the tick being run. */
  readonly tick: number;
  /** The limits in force (for natives that build strings, lists or maps). */
  readonly limits: Readonly<Limits>;
  /** A float in [0, 1) from the VM's seeded generator. */
  random(): number;
  /** Suspends the calling thread until `vm.resume(threadId, value)`; return its result. Blocking natives only. */
  block(reason: BlockReason): BlockSignal;
  /** Accounts for `bytes` of new guest memory; throws MEMORY_EXCEEDED past the ceiling. */
  allocate(bytes: number): void;
  /** Charges `units` of work (interpreter/vm/work.ts rates) before doing it; BUDGET_EXCEEDED when the tick's budget is spent. */
  spend(units: number): void;
  /** Budget units left in this tick (for natives that stop their work where the budget ends). */
  readonly workLeft: number;
  /** A value's printed form, as `print` writes it. */
  display(v: Value): string;
  /** Which of two forms (0: singular, 1: other) `count` takes in the scripts' language (`plural()` of texts that are not translated). */
  sourcePluralForm(count: number): number;
}

/** A native's implementation: arguments already checked against `params`. */
export type NativeFn = (args: Value[], ctx: NativeContext) => Value | BlockSignal | undefined;

/** One row of the natives table. */
export interface NativeDef {
  name: string;
  /** Parameter kinds; the last `optional` of them may be left out. */
  params: readonly ArgKind[];
  /** How many trailing parameters are optional (default 0). */
  optional?: number;
  /** Extra arguments are allowed, each of the last parameter's kind. */
  variadic?: boolean;
  /** May suspend its thread (`say`, `walk`); pure functions are not blocking. */
  blocking: boolean;
  doc: string;
  fn: NativeFn;
}

/** What the compiler needs to know of a native. */
export interface NativeSpec {
  name: string;
  minArity: number;
  /** Infinity when variadic. */
  maxArity: number;
  blocking: boolean;
}

/** Arity facts of a table row. */
export function nativeSpec(def: NativeDef): NativeSpec {
  const optional = def.optional ?? 0;
  return {
    name: def.name,
    minArity: def.params.length - optional,
    maxArity: def.variadic ? Infinity : def.params.length,
    blocking: def.blocking,
  };
}

/** Arity facts of every row, for the compiler. */
export function nativeSpecs(defs: readonly NativeDef[]): NativeSpec[] {
  return defs.map(nativeSpec);
}

/** A table row prepared for fast calls: arity bounds and the kind checks to run. */
export interface ResolvedNative {
  readonly name: string;
  readonly fn: NativeFn;
  readonly minArity: number;
  readonly maxArity: number;
  readonly blocking: boolean;
  /** Kinds per parameter position, or null when every parameter is `any`. */
  readonly kinds: ReadonlyArray<readonly ValueKind[]> | null;
  readonly variadic: boolean;
}

/** Prepares a row for calls; throws on a malformed row (a host programming error). */
export function resolveNative(def: NativeDef): ResolvedNative {
  const spec = nativeSpec(def);
  if (spec.minArity < 0) throw new CairnError('RUNTIME', `native \`${def.name}\` has more optional parameters than parameters`);
  if (def.variadic && def.params.length === 0) throw new CairnError('RUNTIME', `variadic native \`${def.name}\` needs a parameter kind`);
  const kinds = def.params.map((k): readonly ValueKind[] => (typeof k === 'string' ? [k] : k));
  const allAny = kinds.every((k) => k.includes('any'));
  // maxArity starts as Infinity so that its field holds doubles in every row (variadic rows have Infinity):
  // one shape for all rows, which the dispatch loop's optimized code checks (shape-keeper.ts).
  const row = { name: def.name, fn: def.fn, minArity: spec.minArity, maxArity: Infinity, blocking: def.blocking, kinds: allAny ? null : kinds, variadic: def.variadic ?? false };
  row.maxArity = spec.maxArity;
  return row;
}

/** The joined table: built-ins plus host rows; a name defined twice is an error. */
export function buildNativeTable(defs: readonly NativeDef[]): Map<string, ResolvedNative> {
  const table = new Map<string, ResolvedNative>();
  for (const def of defs) {
    if (table.has(def.name)) throw new CairnError('RUNTIME', `native \`${def.name}\` is defined twice`);
    table.set(def.name, resolveNative(def));
  }
  return table;
}

/** Checks argument count and kinds; throws BAD_ARGUMENT naming the native and the argument. */
export function checkNativeArgs(nat: ResolvedNative, args: readonly Value[]): void {
  const n = args.length;
  if (n < nat.minArity || n > nat.maxArity) {
    const want = nat.minArity === nat.maxArity ? `${nat.minArity}` : nat.maxArity === Infinity ? `at least ${nat.minArity}` : `${nat.minArity} to ${nat.maxArity}`;
    throw new CairnError('BAD_ARGUMENT', `${nat.name}() takes ${want} argument${want === '1' ? '' : 's'}, got ${n}`);
  }
  const kinds = nat.kinds;
  if (kinds === null) return;
  for (let i = 0; i < n; i++) {
    const allowed = kinds[i < kinds.length ? i : kinds.length - 1]!;
    const v = args[i]!;
    let ok = false;
    for (let j = 0; j < allowed.length && !ok; j++) ok = matchesKind(allowed[j]!, v);
    if (!ok) {
      throw new CairnError('BAD_ARGUMENT', `${nat.name}() needs ${describeKinds(allowed)} as argument ${i + 1}, not ${typeName(v)}`);
    }
  }
}

/** True when `v` is of kind `kind`. */
export function matchesKind(kind: ValueKind, v: Value): boolean {
  switch (kind) {
    case 'any':
      return true;
    case 'nil':
      return v === null;
    case 'number':
      return typeof v === 'number';
    case 'int':
      return typeof v === 'number' && Number.isInteger(v);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'key':
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    case 'list':
      return Array.isArray(v);
    case 'map':
      return isMap(v);
    case 'point':
      return v instanceof Point;
    case 'range':
      return v instanceof Range;
    case 'function':
      return v instanceof FnRef;
    case 'thread':
      return v instanceof ThreadHandle;
    case 'entity':
      return v instanceof EntityRef;
    default:
      return v instanceof EntityRef && v.entity === kind;
  }
}

const KIND_WORDS: Partial<Record<ValueKind, string>> = { int: 'a whole number', key: 'a string, number or boolean', any: 'a value', nil: 'nil', entity: 'a world entity', list: 'a list', map: 'a map', range: 'a range', point: 'a point', function: 'a function', thread: 'a thread', number: 'a number', string: 'a string', boolean: 'a boolean', object: 'an object', actor: 'an actor' };

/** "a list, a map or a string" for error messages. */
function describeKinds(kinds: readonly ValueKind[]): string {
  const words = kinds.map((k) => KIND_WORDS[k] ?? `a ${k}`);
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
