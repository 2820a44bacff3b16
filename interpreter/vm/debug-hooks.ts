// What the VM offers debuggers: the hook types a host passes in VMOptions
// (onLine for LINE instructions, onDebug for `debug` statements), the `debug`
// native itself, and a line tracer that formats and collapses onLine calls.
// Also where a thread stands, frame by frame, for the debugger's thread list.
// Runs in Workers too (no Node APIs).

import type { Module } from '../bytecode/module.js';
import { Op, OPCODES_BY_CODE } from '../bytecode/opcodes.js';
import type { NativeDef } from './native-table.js';
import { sourceSpan, type Program } from './program.js';
import { ThreadState, type Thread } from './thread.js';

/** Where a thread stands in the source: the function it runs and the place of its current instruction. */
export interface SourcePlace {
  function: string;
  file: string;
  line: number;
  column: number;
}

/** The place given for a frame whose function the program lacks (never for verified code). */
export const UNKNOWN_PLACE: SourcePlace = Object.freeze({ function: '?', file: '?', line: 0, column: 0 });

/** Called at each LINE instruction (code compiled with {debug: true}); thread 0 is a synchronous call. */
export type LineHook = (threadId: number, file: string, line: number) => void;

/** Called when a thread runs a `debug` statement. */
export type DebugHook = (threadId: number, place: SourcePlace) => void;

/** The native the `debug` statement calls (a statement only: scripts cannot name it). */
export const DEBUG_NATIVE_NAME = 'debug';

/**
 * The `debug` native's row. It never blocks and returns nil: without a host
 * hook (an exported game) it does nothing; with one, `notify` tells the host
 * which thread reached it, and the host decides whether to pause.
 */
export function debugNative(notify: ((threadId: number) => void) | undefined): NativeDef {
  return {
    name: DEBUG_NATIVE_NAME,
    params: [],
    blocking: false,
    doc: '`debug` statement: tells the host\'s debugger (cairn dev) where this thread is; does nothing in an exported game',
    fn: notify === undefined ? () => null : (_, ctx) => (notify(ctx.threadId), null),
  };
}

/**
 * A LineHook that writes `[t2] scripts/main.adv:12` for each line run,
 * leaving out a line when the previous one written was the same thread on the
 * same line (a one-line loop, or several statements on one line).
 */
export function lineTracer(write: (text: string) => void): LineHook {
  let lastThread = -1;
  let lastFile = '';
  let lastLine = -1;
  return (threadId, file, line) => {
    if (threadId === lastThread && line === lastLine && file === lastFile) return;
    lastThread = threadId;
    lastFile = file;
    lastLine = line;
    write(`[t${threadId}] ${file}:${line}`);
  };
}

/** The places of a thread's frames, innermost first: each frame's function and the instruction it is at. */
export function framePlaces(program: Program, th: Thread): SourcePlace[] {
  // A suspended thread's pc is past the instruction it waits in (a caller's, past its call); a running one's is at it.
  const frames: Array<[number, number]> = [[th.fn, th.state === ThreadState.Running ? th.pc : Math.max(0, th.pc - 1)]];
  for (let fp = th.fp - 3; fp >= 0; fp -= 3) frames.push([th.frames[fp]!, th.frames[fp + 1]! - 1]);
  return frames.map(([fi, pc]) => {
    const fn = program.fns[fi];
    if (fn === undefined) return UNKNOWN_PLACE;
    const { line, column } = sourceSpan(fn, pc).start;
    return { function: fn.name, file: fn.file, line, column };
  });
}

/** True when the module was compiled with {debug: true}: some function has a LINE instruction. */
export function hasDebugInfo(m: Module): boolean {
  for (const fn of m.functions) {
    const code = fn.code;
    for (let pc = 0; pc < code.length; pc += 1 + (OPCODES_BY_CODE[code[pc]!]?.operands.length ?? 0)) {
      if (code[pc] === Op.LINE) return true;
    }
  }
  return false;
}
