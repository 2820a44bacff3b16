// A module made ready to run: functions in one object shape (the dispatch loop
// stays monomorphic whichever producer built the module), constants turned
// into values, native names resolved against the natives table, and the line
// table lookup that gives runtime errors their file:line:col. Each function's
// position-independent hash (bytecode/hash.ts), which only saves need, is
// computed the first time it is asked for, not while the game starts.

import { buildFingerprint, functionHash } from '../bytecode/hash.js';
import type { Constant, FunctionProto, HandlerEntry, Module, TextEntry } from '../bytecode/module.js';
import { CairnError, type Span } from '../errors.js';
import type { ResolvedNative } from './native-table.js';
import { EntityRef, FnRef, type Value } from './values.js';

/** A function prepared for the dispatch loop. */
export interface FnInfo {
  readonly index: number;
  readonly name: string;
  readonly file: string;
  readonly arity: number;
  readonly minArity: number;
  readonly entries: Int32Array;
  readonly locals: number;
  readonly maxStack: number;
  readonly code: Int32Array;
  readonly lines: Int32Array;
  /** The one FnRef value for this function (FN pushes it; no allocation). */
  readonly ref: FnRef;
  /** functionHash(): what the code means, so a save can tell whether a rebuilt game changed it (computed when first read). */
  readonly hash: string;
}

/** A loaded module. */
export interface Program {
  readonly module: Module;
  readonly fns: readonly FnInfo[];
  readonly consts: readonly Value[];
  /** The module's texts (TEXT operands index them). */
  readonly texts: readonly TextEntry[];
  readonly natives: readonly ResolvedNative[];
  readonly handlers: readonly HandlerEntry[];
  readonly globalNames: readonly string[];
  readonly globalIndex: ReadonlyMap<string, number>;
  readonly fnIndex: ReadonlyMap<string, number>;
  /** buildFingerprint(): equal for builds with the same code and globals (computed when first read). */
  readonly fingerprint: string;
}

/** Prepares `module` to run; unknown natives and malformed functions are CairnErrors. */
export function loadProgram(module: Module, natives: ReadonlyMap<string, ResolvedNative>): Program {
  const fns = module.functions.map((f, i) => prepareFunction(module, f, i));
  if (module.init < 0 || module.init >= fns.length) throw new CairnError('MODULE_INVALID', `init function ${module.init} does not exist`);
  const consts = module.constants.map(constantValue);
  const resolved = module.natives.map((name) => resolveNative(natives, name));
  for (const h of module.handlers) {
    if (!(h.fn >= 0 && h.fn < fns.length)) throw new CairnError('MODULE_INVALID', `handler \`on ${h.event}\` names function ${h.fn}, which does not exist`);
  }
  const globalNames = module.globals.map((g) => g.name);
  let fingerprint: string | undefined;
  const fnIndex = new Map<string, number>();
  for (const f of fns) if (!fnIndex.has(f.name)) fnIndex.set(f.name, f.index);
  return {
    module,
    fns,
    consts,
    texts: module.texts ?? [],
    natives: resolved,
    handlers: module.handlers,
    globalNames,
    globalIndex: new Map(globalNames.map((n, i) => [n, i])),
    fnIndex,
    get fingerprint(): string {
      return (fingerprint ??= buildFingerprint(module, fns.map((f) => f.hash)));
    },
  };
}

/** A constant pool entry as a run-time value. */
export function constantValue(c: Constant): Value {
  return typeof c === 'object' ? new EntityRef(c.entity, c.name) : c;
}

/** The native called `name`; MODULE_INVALID when the runtime has none. */
export function resolveNative(natives: ReadonlyMap<string, ResolvedNative>, name: string): ResolvedNative {
  const nat = natives.get(name);
  if (nat === undefined) throw new CairnError('MODULE_INVALID', `the program calls the native \`${name}\`, which this runtime does not provide`);
  return nat;
}

/** The most locals, or operand slots, one function may use. */
const MAX_FRAME_SLOTS = 1 << 16;

/** Function `index` of `module` made ready for the dispatch loop; MODULE_INVALID when malformed. */
export function prepareFunction(module: Module, f: FunctionProto, index: number): FnInfo {
  const bad = (why: string) => new CairnError('MODULE_INVALID', `function \`${f.name}\`: ${why}`);
  if (!(f.minArity >= 0 && f.minArity <= f.arity)) throw bad('arity is inconsistent');
  if (f.entries.length !== f.arity - f.minArity + 1) throw bad('needs one entry per accepted argument count');
  if (!(f.locals >= f.arity)) throw bad('has fewer local slots than parameters');
  // Frames reserve locals + maxStack slots on every call; absurd sizes would stall the host.
  if (!(f.locals <= MAX_FRAME_SLOTS && f.maxStack <= MAX_FRAME_SLOTS)) throw bad(`needs more than ${MAX_FRAME_SLOTS} stack slots`);
  for (const e of f.entries) if (!(e >= 0 && e < f.code.length)) throw bad(`entry ${e} is outside its code`);
  let hash: string | undefined;
  return {
    index,
    name: f.name,
    file: module.files[f.file] ?? '<unknown>',
    arity: f.arity,
    minArity: f.minArity,
    entries: Int32Array.from(f.entries),
    locals: f.locals,
    maxStack: Math.max(0, f.maxStack) + 2,
    code: f.code,
    lines: f.lines,
    ref: new FnRef(index),
    get hash(): string {
      return (hash ??= functionHash(module, index));
    },
  };
}

/** The source place of the instruction at `pc` of `fn`, from its line table. */
export function sourceSpan(fn: FnInfo, pc: number): Span {
  const lines = fn.lines;
  let line = 0;
  let column = 0;
  // Triples are in ascending pc order: the last one at or before pc applies.
  let lo = 0;
  let hi = Math.floor(lines.length / 3) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid * 3]! <= pc) {
      line = lines[mid * 3 + 1]!;
      column = lines[mid * 3 + 2]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const start = { offset: 0, line, column };
  return { source: fn.file, start, end: { offset: 0, line, column: column + 1 } };
}
