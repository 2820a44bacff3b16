// The fast tier's shared state and its one door from the interpreter. Code of
// the fast tier (closures built by compile-function.ts) runs on the very
// stack and frame arrays of the thread that calls it, in the interpreter's
// layout, so a limit hit or an error inside it is located by the same code as
// the interpreter's (runtime-errors.ts: locateError) and the memory walk sees
// its locals. A call into the fast tier always returns within the tick: it
// never suspends, so no snapshot ever holds one of its frames.
//
// Compiled code belongs to a module, not to a VM: it reads the running VM's
// state from one long-lived FastRuntime object, so every VM of a module runs
// the same closures (and V8's optimized code for them) and none of them
// holds on to a VM that is gone.

import type { ResolvedNative } from '../native-table.js';
import type { Program } from '../program.js';
import { ThreadState, type Thread } from '../thread.js';
import type { Value } from '../values.js';
import type { VM } from '../vm.js';
import { fastCallRoom } from './stack-room.js';

/** An expression of compiled code: reads the frame whose locals start at `s[b]`. */
export type Expr = (s: Value[], b: number) => Value;
/** A statement of compiled code. */
export type Stmt = (s: Value[], b: number) => void;
/** A basic block: runs, then returns the index of the next block, or -1 after a return (value in FastRuntime.ret). */
export type Block = (s: Value[], b: number) => number;

/** One function compiled for the fast tier. */
export interface FastFn {
  /** The function's index in the program. */
  readonly index: number;
  /** The block each entry starts at, by the number of optional arguments given (FnInfo.entries' order). */
  readonly entryBlocks: Int32Array;
  /** Runs the function from block `blk` with its frame at `s[b]`; set once the whole program is compiled. */
  run: (s: Value[], b: number, blk: number) => Value;
  /**
   * Worth a call from the interpreter: it loops or calls. A function without
   * either runs a few instructions, which the interpreter does as fast as
   * the way into the fast tier costs.
   */
  readonly fromInterpreter: boolean;
}

/** Thrown through fast code when a native or a host setter stopped the running thread: the interpreter then returns. */
export const STOPPED: unique symbol = Symbol('stopped');

/**
 * What compiled code reads of the VM and thread running it: set on entry
 * (enterFast), put back on exit, one object of one shape for the process.
 */
export class FastRuntime {
  vm!: VM;
  th!: Thread;
  frames: number[] = [];
  globals: Value[] = [];
  consts: readonly Value[] = [];
  natives: readonly ResolvedNative[] = [];
  program!: Program;
  /** Used length of th.frames (the interpreter's fp) in the innermost running fast frame. */
  fp = 0;
  /** Deepest fp a call may start from (the VM's depth limit). */
  maxFp = 0;
  /** The pc of the instruction that may throw next, set before each call-out and before each throw. */
  pc = 0;
  /** True once the innermost fast frame has written its place into the thread (errors unwind through the outer ones). */
  placed = false;
  /** The value a block's RETURN left. */
  ret: Value = null;
  /**
   * The tick's budget left (VM.fuel) while fast code runs: kept here, where
   * V8 keeps it cheap, and handed back to the VM before every call-out and
   * throw (save, fail) and taken again after each call-out (back).
   */
  fuel = Infinity;
  /** True while fast code runs (a nested entry must put the outer state back). */
  active = false;
  /**
   * Fast calls that may still nest on the JS stack (stack-room.ts); at 0 a
   * call runs in the interpreter, on the same thread, using no JS stack.
   */
  callsLeft = Infinity;

  /** Before a call-out: records the instruction that may throw, the stack top a memory walk should see (the interpreter's sp there) and the budget left. */
  save(pc: number, sp: number): void {
    this.pc = pc;
    this.th.sp = sp;
    this.vm.fuel = this.fuel;
  }

  /** After a call-out: takes back the budget it left; returns `v`. */
  back<T>(v: T): T {
    this.fuel = this.vm.fuel;
    return v;
  }

  /** Before fast code throws: records its instruction and hands the budget back. */
  fail(pc: number): void {
    this.pc = pc;
    this.vm.fuel = this.fuel;
  }
}

/** The one FastRuntime every compiled closure reads. */
export const rt = new FastRuntime();

/**
 * Runs compiled function `fast` of `vm` on thread `th` from block `blk`, its
 * frame at `th.stack[base]` and `fp` frames below it already in `th.frames`;
 * returns its result, or undefined when a native stopped the thread. A thrown
 * error leaves the thread standing at the failing instruction (fn, pc, base,
 * fp), as the interpreter would have left it. Re-entrant: a native may run
 * another VM's (or this one's) code inside.
 */
export function enterFast(vm: VM, th: Thread, fast: FastFn, blk: number, base: number, fp: number): Value | undefined {
  if (rt.active) return enterNested(vm, th, fast, blk, base, fp);
  return runFast(vm, th, fast, blk, base, fp, fastCallRoom());
}

/** enterFast's work, with `callsLeft` fast calls allowed to nest on the JS stack. */
function runFast(vm: VM, th: Thread, fast: FastFn, blk: number, base: number, fp: number, callsLeft: number): Value | undefined {
  const running = vm.program;
  rt.active = true;
  rt.vm = vm;
  rt.th = th;
  rt.frames = th.frames;
  rt.globals = vm.state.globals;
  rt.consts = running.consts;
  rt.natives = running.natives;
  rt.program = running;
  rt.fp = fp;
  rt.maxFp = 3 * (vm.limits.maxCallDepth - 2);
  rt.placed = false;
  rt.fuel = vm.fuel;
  rt.callsLeft = callsLeft;
  try {
    const result = fast.run(th.stack, base, blk);
    vm.fuel = rt.fuel;
    return result;
  } catch (e) {
    // Whatever threw handed the budget back first (FastRuntime.save, fail).
    if (e === STOPPED && th.state === ThreadState.Done) return undefined;
    throw e;
  } finally {
    rt.active = false;
    rt.callsLeft = callsLeft;
  }
}

/** enterFast from inside fast code (a native running a VM call): it shares the JS stack left, and the outer run's state is put back after. */
function enterNested(vm: VM, th: Thread, fast: FastFn, blk: number, base: number, fp: number): Value | undefined {
  const { vm: outerVm, th: outerTh, frames, globals, consts, natives, program, fp: outerFp, maxFp, placed, fuel, callsLeft } = rt;
  try {
    return runFast(vm, th, fast, blk, base, fp, callsLeft);
  } finally {
    rt.active = true;
    rt.callsLeft = callsLeft;
    rt.vm = outerVm;
    rt.th = outerTh;
    rt.frames = frames;
    rt.globals = globals;
    rt.consts = consts;
    rt.natives = natives;
    rt.program = program;
    rt.fp = outerFp;
    rt.maxFp = maxFp;
    rt.placed = placed;
    rt.fuel = fuel;
  }
}

/**
 * Runs a whole thread in the fast tier when it stands at an entry of compiled
 * function `fast` with nothing called yet (a function that cannot suspend is
 * never resumed halfway); returns false, doing nothing, otherwise.
 */
export function runThreadFast(vm: VM, fast: FastFn, th: Thread): boolean {
  const fn = vm.program.fns[fast.index]!;
  const k = fn.entries.indexOf(th.pc);
  if (th.fp !== 0 || k < 0 || th.sp !== th.base + fn.locals) return false;
  const result = enterFast(vm, th, fast, fast.entryBlocks[k]!, th.base, 0);
  if (result === undefined) return true;
  th.result = result;
  th.sp = 0;
  th.base = 0;
  th.state = ThreadState.Done;
  return true;
}
