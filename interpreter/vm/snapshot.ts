// VM snapshots: the whole run-time state as versioned bytes. The state is
// first flattened into records (objects get table indices, so shared and
// cyclic structures keep their identity), the records go through one sync
// function per type (snapshot-schema.ts), and loading rebuilds and validates
// everything, so a damaged snapshot is SNAPSHOT_INVALID and changes nothing.
// Functions are saved by name and hash, globals by name (never by index), so a
// save from an earlier build of the game loads when every function a thread
// stands in is unchanged; otherwise it is SAVE_INCOMPATIBLE, naming them.

import { CairnError, isCairnError } from '../errors.js';
import { Op, OPCODES_BY_CODE } from '../bytecode/opcodes.js';
import { stackDepths } from '../bytecode/verify.js';
import { MIN_MEASURE_INTERVAL } from './memory.js';
import type { ResolvedNative } from './native-table.js';
import { damaged, crc32, Reader, Writer } from './snapshot-codec.js';
import {
  O_ENTITY, O_FN, O_LIST, O_MAP, O_POINT, O_RANGE, O_RECORD, O_THREAD, R_FALSE, R_FLOAT, R_INT, R_NIL, R_OBJECT, R_STRING, R_TRUE,
  Ref, syncState, type FlatFunction, type FlatObject, type FlatState, type FlatThread,
} from './snapshot-schema.js';
import type { FnInfo, Program } from './program.js';
import { ThreadState, WaitKind, type Thread } from './thread.js';
import { ShapedMap } from './shaped-map.js';
import { EntityRef, FnRef, Point, Range, ThreadHandle, type Value, isMap } from './values.js';
import type { VmState } from './state.js';

/** The snapshot format version this build writes, and the oldest it reads (2: position-independent hashes, build fingerprint). */
export const SNAPSHOT_VERSION = 2;
export const SNAPSHOT_MIN_READABLE_VERSION = 2;
const MAGIC = [0x43, 0x53, 0x4e, 0x50]; // "CSNP"
const HEADER_SIZE = 16;

// ---- encode ----

/** The state as snapshot bytes. */
export function encodeSnapshot(program: Program, state: VmState): Uint8Array {
  const flat = flatten(program, state);
  const w = new Writer();
  syncState(w, flat);
  const body = w.finish();
  const out = new Uint8Array(HEADER_SIZE + body.length);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint16(4, SNAPSHOT_VERSION, true);
  view.setUint16(6, SNAPSHOT_MIN_READABLE_VERSION, true);
  view.setUint32(8, body.length, true);
  view.setUint32(12, crc32(body), true);
  out.set(body, HEADER_SIZE);
  return out;
}

/** Turns the state into records; iterative, so deep structures are fine. */
function flatten(program: Program, state: VmState): FlatState {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const objects: FlatObject[] = [];
  const objectIndex = new Map<object, number>();
  const functions: FlatFunction[] = [];
  const functionIndex = new Map<number, number>();
  const pending: Array<[unknown, FlatObject]> = [];

  const fnSlot = (index: number): number => {
    let slot = functionIndex.get(index);
    if (slot === undefined) {
      const f = program.fns[index]!;
      slot = functions.push({ name: f.name, hash: f.hash }) - 1;
      functionIndex.set(index, slot);
    }
    return slot;
  };

  const ref = (v: unknown): Ref => {
    if (v === null || v === undefined) return new Ref(R_NIL, 0);
    if (v === false) return new Ref(R_FALSE, 0);
    if (v === true) return new Ref(R_TRUE, 0);
    if (typeof v === 'number') return Number.isSafeInteger(v) && !Object.is(v, -0) ? new Ref(R_INT, v) : new Ref(R_FLOAT, v);
    if (typeof v === 'string') {
      let i = stringIndex.get(v);
      if (i === undefined) {
        i = strings.push(v) - 1;
        stringIndex.set(v, i);
      }
      return new Ref(R_STRING, i);
    }
    if (typeof v !== 'object') throw new CairnError('RUNTIME', `cannot save a ${typeof v} in a snapshot`);
    const known = objectIndex.get(v);
    if (known !== undefined) return new Ref(R_OBJECT, known);
    const o: FlatObject = { kind: O_LIST, nums: [], refs: [], texts: [] };
    if (Array.isArray(v)) pending.push([v, o]);
    else if (isMap(v)) {
      o.kind = O_MAP;
      pending.push([v, o]);
    } else if (v instanceof Point) {
      o.kind = O_POINT;
      o.nums = [v.x, v.y];
    } else if (v instanceof Range) {
      o.kind = O_RANGE;
      o.nums = [v.from, v.to];
    } else if (v instanceof FnRef) {
      o.kind = O_FN;
      o.nums = [fnSlot(v.index)];
    } else if (v instanceof ThreadHandle) {
      o.kind = O_THREAD;
      o.nums = [v.id];
    } else if (v instanceof EntityRef) {
      o.kind = O_ENTITY;
      o.texts = [v.entity, v.name];
    } else if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
      o.kind = O_RECORD;
      pending.push([v, o]);
    } else throw new CairnError('RUNTIME', 'cannot save this host value in a snapshot (only plain data can be saved)');
    objectIndex.set(v, objects.push(o) - 1);
    return new Ref(R_OBJECT, objects.length - 1);
  };

  const globals = program.globalNames.map((name, i) => ({ name, value: ref(state.globals[i]) }));
  const threads = state.threads.filter((t) => t.state !== ThreadState.Done).map((t): FlatThread => {
    if (t.state === ThreadState.Running) throw new CairnError('USAGE', 'cannot snapshot a running thread');
    const frames: number[] = [];
    for (let i = 0; i < t.fp; i += 3) frames.push(fnSlot(t.frames[i]!), t.frames[i + 1]!, t.frames[i + 2]!);
    return {
      id: t.id, state: t.state, waitKind: t.waitKind, wakeTick: t.wakeTick, blockedOn: t.blockedOn,
      blockReason: ref(t.blockReason), fn: fnSlot(t.fn), pc: t.pc, base: t.base, frames,
      stack: t.stack.slice(0, t.sp).map(ref),
    };
  });
  while (pending.length > 0) {
    const [v, o] = pending.pop()!;
    if (Array.isArray(v)) o.refs = v.map(ref);
    else if (isMap(v)) for (const [k, item] of v) o.refs.push(ref(k), ref(item));
    else {
      for (const [k, item] of Object.entries(v as object)) {
        o.texts.push(k);
        o.refs.push(ref(item));
      }
    }
  }
  return {
    tick: state.tick, nextThreadId: state.nextThreadId, rng: Array.from(state.rng), allocated: state.allocated,
    nextMeasure: state.nextMeasure, build: program.fingerprint, functions, strings, objects, globals, threads,
  };
}

// ---- decode ----

/** A snapshot's state for a program, and the globals it does not set. */
export interface DecodedSnapshot {
  state: VmState;
  /**
   * Global slots that take the program's initial value (left nil in `state`):
   * globals the save lacks (new in this build) and, when another build wrote
   * it, consts (a const belongs to the build, and its code folded the new value).
   */
  unset: number[];
}

/**
 * The state a snapshot holds, checked against `program`: SNAPSHOT_INVALID or
 * SNAPSHOT_VERSION when it cannot be used, SAVE_INCOMPATIBLE when a thread
 * stands in a function this build changed or a value names one it lacks.
 * Globals this build no longer has are dropped.
 */
export function decodeSnapshot(program: Program, bytes: Uint8Array, limits?: SnapshotLimits): DecodedSnapshot {
  try {
    return decode(program, bytes, limits);
  } catch (e) {
    if (isCairnError(e) && (e.code === 'SNAPSHOT_INVALID' || e.code === 'SNAPSHOT_VERSION' || e.code === 'SAVE_INCOMPATIBLE')) throw e;
    throw damaged(e instanceof Error ? e.message : String(e));
  }
}

/** The running game's limits a snapshot must fit in (a save with more threads or deeper calls than the game allows is refused). */
export interface SnapshotLimits {
  maxThreads: number;
  maxCallDepth: number;
  maxMemory: number;
}

function decode(program: Program, bytes: Uint8Array, limits: SnapshotLimits | undefined): DecodedSnapshot {
  if (!(bytes instanceof Uint8Array) || bytes.length < HEADER_SIZE) throw damaged('it is too short to be a snapshot');
  if (MAGIC.some((b, i) => bytes[i] !== b)) throw damaged('it does not start like a Cairn snapshot');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  const minReadable = view.getUint16(6, true);
  if (minReadable > SNAPSHOT_VERSION) {
    throw new CairnError('SNAPSHOT_VERSION', `the snapshot needs format version ${minReadable} or newer; this runtime reads up to ${SNAPSHOT_VERSION}`);
  }
  if (version < SNAPSHOT_MIN_READABLE_VERSION) {
    throw new CairnError('SNAPSHOT_VERSION', `the snapshot is in format version ${version}, which this runtime no longer reads (it reads ${SNAPSHOT_MIN_READABLE_VERSION} to ${SNAPSHOT_VERSION})`);
  }
  const length = view.getUint32(8, true);
  if (length !== bytes.length - HEADER_SIZE) throw damaged(`it should hold ${length} bytes of data but holds ${bytes.length - HEADER_SIZE}`);
  const body = bytes.subarray(HEADER_SIZE);
  if (crc32(body) !== view.getUint32(12, true)) throw damaged('its checksum does not match');
  const reader = new Reader(body);
  const flat = syncState(reader, {} as FlatState);
  // A newer version may append fields; our own version must end exactly.
  if (version <= SNAPSHOT_VERSION && reader.remaining !== 0) throw damaged('it has bytes left over');
  return rebuild(program, flat, limits);
}

/** Rebuilds live state from records, checking each index and code position. */
function rebuild(program: Program, flat: FlatState, limits: SnapshotLimits | undefined): DecodedSnapshot {
  const need = (ok: boolean, why: string): void => {
    if (!ok) throw damaged(why);
  };
  if (limits !== undefined && flat.threads.length > limits.maxThreads) {
    throw damaged(`it holds ${flat.threads.length} threads, more than the game's limit of ${limits.maxThreads}`);
  }
  need(Number.isSafeInteger(flat.tick) && flat.tick >= 0, 'bad tick count');
  need(flat.rng.length === 4, 'bad random state');
  need(Number.isFinite(flat.allocated) && Number.isFinite(flat.nextMeasure) && flat.allocated >= 0, 'bad memory counters');
  // A counter far ahead would never measure memory again: no run of the VM schedules one beyond the ceiling.
  if (limits !== undefined) need(flat.nextMeasure - flat.allocated <= Math.max(MIN_MEASURE_INTERVAL, limits.maxMemory), 'memory counters that would never measure again');
  const fns = matchFunctions(program, flat);
  const fnAt = (slot: number): FnInfo => {
    need(slot < fns.length, 'bad function number');
    return fns[slot]!;
  };

  // Objects: create every shell first, then fill, so cycles and sharing work.
  const objects: unknown[] = flat.objects.map((o) => {
    switch (o.kind) {
      case O_LIST:
        return [];
      case O_MAP:
        return new ShapedMap();
      case O_RECORD:
        return {};
      case O_POINT:
        need(o.nums.length === 2, 'bad point');
        return new Point(o.nums[0]!, o.nums[1]!);
      case O_RANGE:
        need(o.nums.length === 2, 'bad range');
        return new Range(o.nums[0]!, o.nums[1]!);
      case O_FN:
        need(o.nums.length === 1 && Number.isInteger(o.nums[0]), 'bad function value');
        return fnAt(o.nums[0]!).ref;
      case O_THREAD:
        need(o.nums.length === 1 && Number.isSafeInteger(o.nums[0]), 'bad thread handle');
        return new ThreadHandle(o.nums[0]!);
      case O_ENTITY:
        need(o.texts.length === 2, 'bad entity');
        return new EntityRef(o.texts[0]!, o.texts[1]!);
      default:
        throw damaged(`unknown object kind ${o.kind}`);
    }
  });
  const value = (r: Ref): Value => {
    switch (r.tag) {
      case R_NIL:
        return null;
      case R_FALSE:
        return false;
      case R_TRUE:
        return true;
      case R_INT:
      case R_FLOAT:
        return r.n;
      case R_STRING:
        need(r.n < flat.strings.length, 'bad string number');
        return flat.strings[r.n]!;
      default:
        need(r.n < objects.length, 'bad object number');
        return objects[r.n] as Value;
    }
  };
  flat.objects.forEach((o, i) => {
    const target = objects[i];
    if (o.kind === O_LIST) {
      // One at a time: spreading a long list into push() overflows the JS stack.
      const list = target as Value[];
      for (let k = 0; k < o.refs.length; k++) list.push(value(o.refs[k]!));
    }
    else if (o.kind === O_MAP) {
      need(o.refs.length % 2 === 0, 'bad map');
      const map = target as Map<unknown, Value>;
      for (let k = 0; k < o.refs.length; k += 2) {
        const key = value(o.refs[k]!);
        need(typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean', 'bad map key');
        map.set(key, value(o.refs[k + 1]!));
      }
    } else if (o.kind === O_RECORD) {
      need(o.texts.length === o.refs.length, 'bad record');
      // defineProperty, so a key like "__proto__" stays an ordinary key
      o.texts.forEach((k, j) => Object.defineProperty(target, k, { value: value(o.refs[j]!), enumerable: true, writable: true, configurable: true }));
    }
  });

  const globals = new Array<Value>(program.globalNames.length).fill(null);
  const isSet = new Uint8Array(globals.length);
  const sameBuild = flat.build === program.fingerprint;
  const seenGlobals = new Set<string>();
  for (const g of flat.globals) {
    need(!seenGlobals.has(g.name), 'a global appears twice');
    seenGlobals.add(g.name);
    const slot = program.globalIndex.get(g.name);
    if (slot === undefined || (!sameBuild && program.module.globals[slot]!.constant)) continue;
    globals[slot] = value(g.value);
    isSet[slot] = 1;
  }

  const ids = new Set<number>();
  const threads = flat.threads.map((t): Thread => {
    const who = `thread ${t.id}`;
    need(t.id >= 1 && t.id < flat.nextThreadId && !ids.has(t.id), `${who} has a bad id`);
    ids.add(t.id);
    need(t.state === ThreadState.Ready || t.state === ThreadState.Waiting || t.state === ThreadState.Blocked, `${who} is in no state a thread can be saved in`);
    need(t.waitKind === WaitKind.Ticks || t.waitKind === WaitKind.Yield, `${who} has a bad wait kind`);
    need(!Number.isNaN(t.wakeTick), `${who} has a bad wake tick`);
    need(t.frames.length % 3 === 0, `${who} has bad frames`);
    if (limits !== undefined && t.frames.length / 3 + 1 > limits.maxCallDepth) {
      throw damaged(`${who} has calls nested ${t.frames.length / 3 + 1} deep, more than the game's limit of ${limits.maxCallDepth}`);
    }
    // Each frame must stand where the verifier says a frame can: the callers
    // at the instruction after a call, with the values the call left, and the
    // callee's locals starting just above them.
    const frames: number[] = [];
    let expectedBase = 0;
    let expectedCallee = -1;
    for (let i = 0; i < t.frames.length; i += 3) {
      const f = fnAt(t.frames[i]!);
      const returnPc = t.frames[i + 1]!;
      const base = t.frames[i + 2]!;
      const where = `${who}'s call from \`${f.name}\``;
      need(expectedCallee < 0 || f.index === expectedCallee, `${where} is not in the function its caller called`);
      need(base === expectedBase, `${where} has its locals in the wrong place`);
      const call = callBefore(f, returnPc);
      need(call !== null, `${where} does not return to just after a call`);
      const depth = depthAt(f, returnPc);
      need(depth >= 1, `${where} returns to an instruction with the wrong stack`);
      frames.push(f.index, returnPc, base);
      expectedBase = base + f.locals + depth - 1;
      expectedCallee = call!;
    }
    const fn = fnAt(t.fn);
    const sp = t.stack.length;
    need(expectedCallee < 0 || fn.index === expectedCallee, `${who} runs in a function its caller did not call`);
    need(t.base === expectedBase && isInstructionStart(fn, t.pc), `${who} stands at no instruction of \`${fn.name}\` (pc ${t.pc})`);
    const depth = depthAt(fn, t.pc);
    // A thread blocked in a native is after the call, before the native's result is pushed.
    const blocked = t.state === ThreadState.Blocked;
    if (blocked) {
      const nat = nativeBefore(program, fn, t.pc);
      need(nat !== null && nat.blocking && nat.name === t.blockedOn, `${who} is blocked, but not just after a call of a native that waits`);
    }
    const held = depth - (blocked ? 1 : 0);
    need(depth >= 0 && sp === t.base + fn.locals + held, `${who} holds ${sp - t.base - fn.locals} values at pc ${t.pc} of \`${fn.name}\`, where the code has ${held}`);
    const stack = new Array<Value>(sp);
    for (let k = 0; k < sp; k++) stack[k] = value(t.stack[k]!);
    const size = sp + fn.maxStack + 8;
    while (stack.length < size) stack.push(null);
    return {
      id: t.id, state: t.state as ThreadState, wakeTick: t.wakeTick, waitKind: t.waitKind as WaitKind,
      blockedOn: t.blockedOn, blockReason: value(t.blockReason), fn: fn.index, pc: t.pc, base: t.base, sp,
      stack, frames, fp: frames.length, result: null,
    };
  });

  const rng = new Int32Array(flat.rng);
  const unset: number[] = [];
  isSet.forEach((set, slot) => set === 0 && unset.push(slot));
  return { state: { tick: flat.tick, nextThreadId: flat.nextThreadId, rng, globals, threads, allocated: flat.allocated, nextMeasure: flat.nextMeasure }, unset };
}

/**
 * The program's function for each function the snapshot names, by name. A
 * thread's frames hold code offsets, which mean the same only in the same
 * code: every function a frame stands in must hash as it did. A function
 * value only names its function, so a changed one is fine; a missing one is not.
 */
function matchFunctions(program: Program, flat: FlatState): FnInfo[] {
  const standing = new Set<number>();
  for (const t of flat.threads) {
    standing.add(t.fn);
    for (let i = 0; i < t.frames.length; i += 3) standing.add(t.frames[i]!);
  }
  const changed: string[] = [];
  const gone: string[] = [];
  const fns = flat.functions.map((f, slot) => {
    const index = program.fnIndex.get(f.name);
    const fn = index === undefined ? undefined : program.fns[index]!;
    if (fn === undefined) gone.push(f.name);
    else if (standing.has(slot) && fn.hash !== f.hash) changed.push(f.name);
    return fn;
  });
  if (changed.length > 0 || gone.length > 0) throw incompatible(changed, gone);
  return fns as FnInfo[];
}

/** SAVE_INCOMPATIBLE naming what changed and what is gone. */
function incompatible(changed: string[], gone: string[]): CairnError {
  const parts: string[] = [];
  if (changed.length > 0) parts.push(`${scripts(changed)} changed`);
  if (gone.length > 0) parts.push(`${scripts(gone)} no longer ${gone.length === 1 ? 'exists' : 'exist'}`);
  return new CairnError('SAVE_INCOMPATIBLE', `This save was made with an earlier version of the game and cannot be loaded: ${parts.join(', and ')}.`, {
    hint: 'load it with the version of the game that made it, or start a new game',
  });
}

/** "the script `a`", "the scripts `a` and `b`", "the scripts `a`, `b`, `c` and 2 more". */
function scripts(names: string[]): string {
  const shown = names.slice(0, 3).map((n) => `\`${n}\``);
  if (names.length === 1) return `the script ${shown[0]}`;
  const rest = names.length - shown.length;
  const last = rest > 0 ? `${rest} more` : shown.pop()!;
  return `the scripts ${shown.join(', ')} and ${last}`;
}

const depths = new WeakMap<FnInfo, Int32Array>();

/** The verifier's stack depth before the instruction at `pc` of `fn`; -1 where none starts or none is reachable. */
function depthAt(fn: FnInfo, pc: number): number {
  let d = depths.get(fn);
  if (d === undefined) {
    d = stackDepths(fn);
    depths.set(fn, d);
  }
  return Number.isInteger(pc) && pc >= 0 && pc < d.length ? d[pc]! : -1;
}

/** The function index a return to `pc` comes back from: CALL's callee, -2 for CALL_VALUE (any), null when no call ends at `pc`. */
function callBefore(fn: FnInfo, pc: number): number | null {
  if (isInstructionStart(fn, pc - 3) && fn.code[pc - 3] === Op.CALL) return fn.code[pc - 2]!;
  if (isInstructionStart(fn, pc - 2) && fn.code[pc - 2] === Op.CALL_VALUE) return -2;
  return null;
}

/** The native a CALL_NATIVE ending at `pc` calls, or null. */
function nativeBefore(program: Program, fn: FnInfo, pc: number): ResolvedNative | null {
  if (!isInstructionStart(fn, pc - 3) || fn.code[pc - 3] !== Op.CALL_NATIVE) return null;
  return program.natives[fn.code[pc - 2]!] ?? null;
}

const instructionStarts = new WeakMap<FnInfo, Uint8Array>();

/** True when `pc` begins an instruction of `fn` (a snapshot must not resume mid-instruction). */
function isInstructionStart(fn: FnInfo, pc: number): boolean {
  let starts = instructionStarts.get(fn);
  if (starts === undefined) {
    starts = new Uint8Array(fn.code.length + 1);
    for (let pos = 0; pos < fn.code.length; ) {
      starts[pos] = 1;
      const info = OPCODES_BY_CODE[fn.code[pos]!];
      if (info === undefined) break;
      pos += 1 + info.operands.length;
    }
    instructionStarts.set(fn, starts);
  }
  return Number.isInteger(pc) && pc >= 0 && pc < fn.code.length && starts[pc] === 1;
}
