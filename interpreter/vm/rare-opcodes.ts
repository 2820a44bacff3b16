// The opcodes the dispatch loop hands out: those that run a few times per
// call or per thread (building lists, maps, points and ranges, `for … in`
// preparation, calls through function values, spawning and stopping threads,
// waiting, printing, translated text, LINE; a native blocking) rather than
// in inner loops. Out of execute they keep its optimized code small, and
// the loop reaches them all through one call site, so one seen for the first
// time after V8 optimized the loop finds that call known instead of
// throwing the optimized loop away.
//
// The loop saves its frame into the thread (and the budget into vm.fuel)
// before the call and reads both back after it, so a handler works on the
// thread as a snapshot would see it, and an error it throws is located at
// its instruction.

import type { Op, OpName } from '../bytecode/opcodes.js';
import { CairnError } from '../errors.js';
import { SIZE } from './memory.js';
import type { ResolvedNative } from './native-table.js';
import { buildMap, growThreadStack, iterPrep, makePoint, makeRange, ticksToWait } from './operations.js';
import { callError, notCallable, stackUnderflow } from './runtime-errors.js';
import { evaluateText } from './texts.js';
import { ThreadState, WaitKind, type Thread } from './thread.js';
import { FnRef, ThreadHandle } from './values.js';
import type { VM } from './vm.js';

type OpCode<N extends OpName> = (typeof Op)[N];

/** What the dispatch loop does after a handler: go on from the thread's saved frame, or return (the thread waits, or was stopped). */
export const Next = Object.freeze({ Go: 0, Return: 1 } as const);
/** One of Next's values. */
export type Next = (typeof Next)[keyof typeof Next];

/**
 * Runs the instruction at th.pc of th.fn, whose frame the dispatch loop has
 * saved in `th` (th.sp: the stack top) with the budget left in vm.fuel;
 * leaves the frame to go on from in `th`.
 */
export function runRareOpcode(vm: VM, th: Thread): Next {
  const stack = th.stack;
  const fn = vm.program.fns[th.fn]!;
  const code = fn.code;
  const pc = th.pc;
  const sp = th.sp;
  switch (code[pc]) {
    case 25 satisfies OpCode<'RANGE'>:
      stack[sp - 2] = makeRange(vm, stack[sp - 2]!, stack[sp - 1]!);
      return go(th, pc + 1, sp - 1);
    case 38 satisfies OpCode<'ITER_PREP'>:
      stack[sp - 1] = iterPrep(vm, stack[sp - 1]!);
      return go(th, pc + 1, sp);
    case 41 satisfies OpCode<'CALL_VALUE'>:
      return callValue(vm, th, code[pc + 1]!);
    case 44 satisfies OpCode<'LIST'>: {
      const n = code[pc + 1]!;
      if (n > sp - th.base) throw stackUnderflow();
      vm.charge(SIZE.list + SIZE.slot * n);
      stack[sp - n] = stack.slice(sp - n, sp);
      return go(th, pc + 2, sp - n + 1);
    }
    case 45 satisfies OpCode<'MAP'>: {
      const n = code[pc + 1]!;
      if (2 * n > sp - th.base) throw stackUnderflow();
      stack[sp - 2 * n] = buildMap(vm, stack, sp - 2 * n, n);
      return go(th, pc + 2, sp - 2 * n + 1);
    }
    case 46 satisfies OpCode<'POINT'>:
      stack[sp - 2] = makePoint(vm, stack[sp - 2]!, stack[sp - 1]!);
      return go(th, pc + 1, sp - 1);
    case 52 satisfies OpCode<'SPAWN'>: {
      const argc = code[pc + 2]!;
      // spawnThread charges the new thread's stack as work (in vm.fuel).
      const spawned = vm.spawnThread(code[pc + 1]!, stack.slice(sp - argc, sp));
      stack[sp - argc] = new ThreadHandle(spawned.id);
      return go(th, pc + 3, sp - argc + 1);
    }
    case 53 satisfies OpCode<'SPAWN_VALUE'>: {
      const argc = code[pc + 1]!;
      const f = stack[sp - argc - 1]!;
      if (!(f instanceof FnRef)) throw notCallable(f);
      const spawned = vm.spawnThread(f.index, stack.slice(sp - argc, sp));
      stack[sp - argc - 1] = new ThreadHandle(spawned.id);
      return go(th, pc + 2, sp - argc);
    }
    case 54 satisfies OpCode<'WAIT_TICKS'>:
    case 55 satisfies OpCode<'WAIT_SECONDS'>: {
      const ticks = ticksToWait(stack[sp - 1]!, code[pc] === 55);
      th.pc = pc + 1;
      th.sp = sp - 1;
      th.state = ThreadState.Waiting;
      th.waitKind = WaitKind.Ticks;
      th.wakeTick = vm.now + ticks;
      return Next.Return;
    }
    case 57 satisfies OpCode<'STOP_THREAD'>:
      vm.stopByHandle(stack[sp - 1]!);
      if (th.state === ThreadState.Done) return Next.Return; // it stopped itself
      return go(th, pc + 1, sp - 1);
    case 58 satisfies OpCode<'PRINT'>:
      vm.print(stack[sp - 1]!);
      return go(th, pc + 1, sp - 1);
    // Only code compiled with {debug: true} has LINE, so other runs never pay for it.
    case 62 satisfies OpCode<'LINE'>: {
      const onLine = vm.onLine;
      if (onLine !== undefined) onLine(th.id, fn.file, code[pc + 1]!);
      return go(th, pc + 2, sp);
    }
    case 63 satisfies OpCode<'TEXT'>: {
      const n = code[pc + 2]!;
      if (n > sp - th.base) throw stackUnderflow();
      stack[sp - n] = evaluateText(vm, vm.program.texts[code[pc + 1]!]!, stack, sp - n, n);
      return go(th, pc + 3, sp - n + 1);
    }
    default:
      throw new CairnError('RUNTIME', `invalid instruction ${code[pc]} at offset ${pc} of \`${fn.name}\``);
  }
}

/**
 * A native called by CALL_NATIVE returned BLOCK (its arguments already
 * popped: the stack top is `sp`): the thread waits for the host, to go on at
 * `pc`. The loop saved the rest of the frame before the call.
 */
export function blockOnNative(vm: VM, th: Thread, nat: ResolvedNative, pc: number, sp: number): void {
  if (!nat.blocking || th.id === 0) {
    throw new CairnError('RUNTIME', nat.blocking ? `${nat.name}() waits, and cannot be used here` : `native ${nat.name}() tried to block but is not declared blocking`);
  }
  th.pc = pc;
  th.sp = sp;
  th.state = ThreadState.Blocked;
  th.blockedOn = nat.name;
  th.blockReason = vm.takeBlockReason();
}

/** The frame goes on at `pc` with the stack top at `sp`. */
function go(th: Thread, pc: number, sp: number): Next {
  th.pc = pc;
  th.sp = sp;
  return Next.Go;
}

/** CALL_VALUE argc: calls the function value below the arguments, whose frame then looks like CALL's. */
function callValue(vm: VM, th: Thread, argc: number): Next {
  const stack = th.stack;
  const frames = th.frames;
  let sp = th.sp;
  const fp = th.fp;
  const f = stack[sp - argc - 1]!;
  if (!(f instanceof FnRef)) throw notCallable(f);
  const callee = vm.program.fns[f.index]!;
  const extra = argc - callee.minArity;
  vm.fuel -= vm.callCost;
  // New fp after a call must stay within the depth limit: depth = fp / 3 + 1.
  if (extra < 0 || argc > callee.arity || fp > 3 * (vm.limits.maxCallDepth - 2) || vm.fuel < 0) {
    throw callError(vm.limits, callee.name, callee.minArity, callee.arity, argc, vm.fuel);
  }
  if (sp - 1 - argc + callee.locals + callee.maxStack > stack.length) growThreadStack(vm, stack, sp - 1 - argc + callee.locals + callee.maxStack);
  // Slide the arguments over the function value.
  for (let i = sp - argc - 1; i < sp - 1; i++) stack[i] = stack[i + 1]!;
  sp--;
  frames[fp] = th.fn;
  frames[fp + 1] = th.pc + 2;
  frames[fp + 2] = th.base;
  const base = sp - argc;
  const top = base + callee.locals;
  while (sp < top) stack[sp++] = null;
  th.fp = fp + 3;
  th.base = base;
  th.sp = sp;
  th.fn = callee.index;
  th.pc = callee.entries[extra]!;
  return Next.Go;
}
