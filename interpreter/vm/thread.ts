// A script thread as plain data: a value stack, the current frame (function,
// pc, base) in fields, saved caller frames as number triples, and why it is
// not running. No closures, generators or promises — a snapshot writes these
// fields and a restored VM carries on from them.

import type { BlockReason } from './native-table.js';
import type { Value } from './values.js';

/**
 * Where a thread stands; numbers because they live in snapshots. Ready: runs
 * in its next slot. Waiting: asleep until tick `wakeTick` (`wait`, `yield`).
 * Blocked: in a blocking native until the host resumes it. Done: finished.
 */
export const ThreadState = Object.freeze({ Ready: 0, Waiting: 1, Blocked: 2, Running: 3, Done: 4 } as const);
/** One of ThreadState's values. */
export type ThreadState = (typeof ThreadState)[keyof typeof ThreadState];

/** Why a waiting thread waits: a timed `wait`, or a `yield` (next tick). */
export const WaitKind = Object.freeze({ Ticks: 0, Yield: 1 } as const);
/** One of WaitKind's values. */
export type WaitKind = (typeof WaitKind)[keyof typeof WaitKind];

/** A thread. Fields are public because the dispatch loop and snapshots work on them directly. */
export interface Thread {
  readonly id: number;
  state: ThreadState;
  /** For Waiting: the tick at which it runs again. */
  wakeTick: number;
  waitKind: WaitKind;
  /** For Blocked: the native's name and the reason it gave. */
  blockedOn: string;
  blockReason: BlockReason;
  /** The current frame: function index, pc, first local slot. */
  fn: number;
  pc: number;
  base: number;
  /** Values in use: stack[0 .. sp). */
  sp: number;
  stack: Value[];
  /** Saved caller frames, triples (fn, return pc, base); fp is the used length. */
  frames: number[];
  fp: number;
  /** The value the outermost function returned (for synchronous calls). */
  result: Value;
}

/** A new thread about to run function `fn` from `pc`, with `locals` already on its stack. */
export function createThread(id: number, fn: number, pc: number, locals: Value[], stackSize: number): Thread {
  const stack = locals.slice();
  while (stack.length < stackSize) stack.push(null);
  return {
    id,
    state: ThreadState.Ready,
    wakeTick: 0,
    waitKind: WaitKind.Ticks,
    blockedOn: '',
    blockReason: null,
    fn,
    pc,
    base: 0,
    sp: locals.length,
    stack,
    frames: [],
    fp: 0,
    result: null,
  };
}

/** Grows a value stack in place to at least `size` slots (in place: the dispatch loop keeps it in a local). */
export function growStack(stack: Value[], size: number): void {
  const target = Math.max(size, stack.length * 2);
  while (stack.length < target) stack.push(null);
}

/** A live thread as plain data, for hosts and tools. */
export interface ThreadInfo {
  id: number;
  /** The name of the function it runs now. */
  function: string;
  wait: WaitInfo;
}

/** Why a thread is not running, as plain data for hosts and tools. */
export type WaitInfo =
  | { kind: 'ready' }
  | { kind: 'running' }
  | { kind: 'ticks'; until: number }
  | { kind: 'yield'; until: number }
  | { kind: 'native'; native: string; reason: BlockReason }
  | { kind: 'done' };

/** A thread's wait state as plain data. */
export function waitInfo(t: Thread): WaitInfo {
  switch (t.state) {
    case ThreadState.Ready:
      return { kind: 'ready' };
    case ThreadState.Running:
      return { kind: 'running' };
    case ThreadState.Waiting:
      return t.waitKind === WaitKind.Yield ? { kind: 'yield', until: t.wakeTick } : { kind: 'ticks', until: t.wakeTick };
    case ThreadState.Blocked:
      return { kind: 'native', native: t.blockedOn, reason: t.blockReason };
    default:
      return { kind: 'done' };
  }
}
