// The VM's run-time state as plain data — what a snapshot saves and restore
// replaces wholesale — with the two things done to a whole state: making a
// fresh one, and measuring the guest memory it holds (the MEMORY_EXCEEDED check).

import { CairnError } from '../errors.js';
import { MIN_MEASURE_INTERVAL, measureReachable, SIZE } from './memory.js';
import { seedRng, type RngState } from './prng.js';
import { ThreadState, type Thread } from './thread.js';
import type { Value } from './values.js';

/** Everything that changes as a program runs; a snapshot is exactly this. */
export interface VmState {
  /** Ticks completed; the tick being run has this number. */
  tick: number;
  nextThreadId: number;
  rng: RngState;
  globals: Value[];
  /** Threads in creation order (dead ones are dropped after each tick). */
  threads: Thread[];
  /** Estimated bytes allocated so far, and the level that triggers the next measurement of live memory. */
  allocated: number;
  nextMeasure: number;
}

/** A state before anything ran: tick 0, no threads, every global nil. */
export function freshState(seed: number, globalCount: number): VmState {
  return {
    tick: 0,
    nextThreadId: 1,
    rng: seedRng(seed),
    globals: new Array<Value>(globalCount).fill(null),
    threads: [],
    allocated: 0,
    nextMeasure: MIN_MEASURE_INTERVAL,
  };
}

/**
 * Walks everything reachable from the globals, the live threads (plus
 * `extra`, the threads of synchronous calls: their stacks, frames and block
 * reasons) and `hostRoots` (what the host holds for the game: entity
 * properties, dialogs, transcripts); MEMORY_EXCEEDED past `maxMemory`.
 * Schedules the next walk like a GC trigger. Returns the bytes found.
 */
export function measureState(s: VmState, extra: readonly Thread[], maxMemory: number, hostRoots: readonly unknown[] = [], reschedule = true): number {
  const roots: (readonly unknown[])[] = [s.globals, hostRoots];
  const lengths: number[] = [s.globals.length, hostRoots.length];
  let frames = 0;
  for (const th of [...s.threads, ...extra]) {
    if (th.state === ThreadState.Done) continue;
    // A thread's slots cost memory whether or not they hold anything now.
    frames += SIZE.thread + SIZE.slot * (th.stack.length + th.frames.length);
    roots.push(th.stack, [th.blockReason]);
    lengths.push(th.sp, 1);
  }
  const live = frames + measureReachable(roots, lengths, maxMemory - frames);
  if (live > maxMemory) {
    if (reschedule) s.nextMeasure = s.allocated; // measure again at the next allocation
    throw new CairnError('MEMORY_EXCEEDED', `the script holds about ${Math.round(live / 1048576)} MiB of data, over the limit of ${Math.round(maxMemory / 1048576)} MiB`);
  }
  if (reschedule) s.nextMeasure = s.allocated + Math.max(MIN_MEASURE_INTERVAL, maxMemory - live, live / 2);
  return live;
}
