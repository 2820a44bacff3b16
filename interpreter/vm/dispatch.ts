// The dispatch loop: runs one thread until it waits, blocks, ends or fails.
// One function with pc, code, stack, base and sp in locals and a switch on the
// opcodes inner loops use; no allocation per instruction, no closures or try
// inside. Slow paths (errors, natives, strings, collections) call out after
// saving the frame into the thread, so a thrown error can be located at its
// instruction; the opcodes that run a few times per call or thread go out of
// line whole (rare-opcodes.ts), through the switch's default.
//
// Case labels are number literals (so V8 builds a jump table) checked against
// the opcode table by the type checker: `12 satisfies OpCode<'ADD'>`.

import type { Op, OpName } from '../bytecode/opcodes.js';
import { CairnError } from '../errors.js';
import { valuesEqual } from './equality.js';
import { BlockSignal, checkNativeArgs } from './native-table.js';
import { addValues, compareCost, concatValues, floorMod, growThreadStack, indexGet, indexSet, memberGet, memberSet } from './operations.js';
import { arithmeticError, budgetError, callError, compareError, divideByZero, stackUnderflow } from './runtime-errors.js';
import { enterFast, rt, runThreadFast } from './fast/fast-runtime.js';
import { blockOnNative, Next, runRareOpcode } from './rare-opcodes.js';
import { ThreadState, WaitKind, type Thread } from './thread.js';
import { Range, type Value, isMap } from './values.js';
import type { VM } from './vm.js';

type OpCode<N extends OpName> = (typeof Op)[N];

const BLOCK = BlockSignal.INSTANCE;

/** Saves the current frame into the thread (before any call-out that may throw or look at the thread; the budget left is written to vm.fuel beside it). */
function save(th: Thread, fi: number, pc: number, sp: number, base: number, fp: number): void {
  th.fn = fi;
  th.pc = pc;
  th.sp = sp;
  th.base = base;
  th.fp = fp;
}

/** Saves the frame and returns `err` for the caller to throw. */
function fail(vm: VM, fuel: number, th: Thread, fi: number, pc: number, sp: number, base: number, fp: number, err: CairnError): CairnError {
  vm.fuel = fuel;
  save(th, fi, pc, sp, base, fp);
  return err;
}

/**
 * Runs `th` (state Running) until it waits, blocks, returns from its
 * outermost function or throws. With a `floor` (the fast tier running a call
 * here when JS's stack is short), it stops instead when the frame above that
 * many frame words returns, leaving the result in th.result.
 */
export function execute(vm: VM, th: Thread, floor = 0): void {
  const program = vm.program;
  const fns = program.fns;
  const consts = program.consts;
  const natives = program.natives;
  const globals = vm.state.globals;
  const stack = th.stack;
  const frames = th.frames;
  // New fp after a call must stay within the depth limit: depth = fp / 3 + 1.
  const maxFp = 3 * (vm.limits.maxCallDepth - 2);
  const callCost = vm.callCost;
  let fuel = vm.fuel;
  let fi = th.fn;
  let fn = fns[fi]!;
  let code = fn.code;
  let pc = th.pc;
  let base = th.base;
  let sp = th.sp;
  let fp = th.fp;
  const fastFns = vm.fastFns;
  // A function that cannot suspend is always started afresh: the whole thread may run in the fast tier.
  const whole = fp === 0 ? fastFns[fi] : undefined;
  if (whole !== undefined && runThreadFast(vm, whole, th)) return;

  for (;;) {
    switch (code[pc]) {
      case 0 satisfies OpCode<'CONST'>:
        stack[sp++] = consts[code[pc + 1]!]!;
        pc += 2;
        break;
      case 1 satisfies OpCode<'NIL'>:
        stack[sp++] = null;
        pc += 1;
        break;
      case 2 satisfies OpCode<'TRUE'>:
        stack[sp++] = true;
        pc += 1;
        break;
      case 3 satisfies OpCode<'FALSE'>:
        stack[sp++] = false;
        pc += 1;
        break;
      case 4 satisfies OpCode<'INT'>:
        stack[sp++] = code[pc + 1]!;
        pc += 2;
        break;
      case 5 satisfies OpCode<'POP'>:
        sp--;
        pc += 1;
        break;
      case 6 satisfies OpCode<'DUP'>:
        stack[sp] = stack[sp - 1]!;
        sp++;
        pc += 1;
        break;
      case 7 satisfies OpCode<'GET_LOCAL'>:
        stack[sp++] = stack[base + code[pc + 1]!]!;
        pc += 2;
        break;
      case 8 satisfies OpCode<'SET_LOCAL'>:
        stack[base + code[pc + 1]!] = stack[--sp]!;
        pc += 2;
        break;
      case 9 satisfies OpCode<'GET_GLOBAL'>:
        stack[sp++] = globals[code[pc + 1]!]!;
        pc += 2;
        break;
      case 10 satisfies OpCode<'SET_GLOBAL'>:
        globals[code[pc + 1]!] = stack[--sp]!;
        pc += 2;
        break;
      case 11 satisfies OpCode<'FN'>:
        stack[sp++] = fns[code[pc + 1]!]!.ref;
        pc += 2;
        break;

      // ---- arithmetic ----
      case 12 satisfies OpCode<'ADD'>: {
        const a = stack[sp - 2]!;
        const b = stack[sp - 1]!;
        if (typeof a === 'number' && typeof b === 'number') stack[sp - 2] = a + b;
        else {
          vm.fuel = fuel;
          save(th, fi, pc, sp, base, fp);
          stack[sp - 2] = addValues(vm, a, b);
          fuel = vm.fuel;
        }
        sp--;
        pc += 1;
        break;
      }
      case 13 satisfies OpCode<'SUB'>: {
        const a = stack[sp - 2]!;
        const b = stack[sp - 1]!;
        if (typeof a !== 'number' || typeof b !== 'number') throw fail(vm, fuel, th, fi, pc, sp, base, fp, arithmeticError('-', a, b));
        stack[sp - 2] = a - b;
        sp--;
        pc += 1;
        break;
      }
      case 14 satisfies OpCode<'MUL'>: {
        const a = stack[sp - 2]!;
        const b = stack[sp - 1]!;
        if (typeof a !== 'number' || typeof b !== 'number') throw fail(vm, fuel, th, fi, pc, sp, base, fp, arithmeticError('*', a, b));
        stack[sp - 2] = a * b;
        sp--;
        pc += 1;
        break;
      }
      case 15 satisfies OpCode<'DIV'>: {
        const a = stack[sp - 2]!;
        const b = stack[sp - 1]!;
        if (typeof a !== 'number' || typeof b !== 'number') throw fail(vm, fuel, th, fi, pc, sp, base, fp, arithmeticError('/', a, b));
        if (b === 0) throw fail(vm, fuel, th, fi, pc, sp, base, fp, divideByZero('/'));
        stack[sp - 2] = a / b;
        sp--;
        pc += 1;
        break;
      }
      case 16 satisfies OpCode<'MOD'>: {
        const a = stack[sp - 2]!;
        const b = stack[sp - 1]!;
        if (typeof a !== 'number' || typeof b !== 'number') throw fail(vm, fuel, th, fi, pc, sp, base, fp, arithmeticError('%', a, b));
        if (b === 0) throw fail(vm, fuel, th, fi, pc, sp, base, fp, divideByZero('%'));
        stack[sp - 2] = floorMod(a, b);
        sp--;
        pc += 1;
        break;
      }
      case 17 satisfies OpCode<'NEG'>: {
        const a = stack[sp - 1]!;
        if (typeof a !== 'number') throw fail(vm, fuel, th, fi, pc, sp, base, fp, arithmeticError('neg', a));
        stack[sp - 1] = -a;
        pc += 1;
        break;
      }
      case 18 satisfies OpCode<'NOT'>: {
        const a = stack[sp - 1]!;
        stack[sp - 1] = a === null || a === false;
        pc += 1;
        break;
      }
      case 19 satisfies OpCode<'EQ'>:
      case 20 satisfies OpCode<'NE'>: {
        const a = stack[sp - 2]!;
        const b = stack[sp - 1]!;
        let equal: boolean;
        if (typeof a === 'number' && typeof b === 'number') equal = a === b;
        else {
          vm.fuel = fuel;
          save(th, fi, pc, sp, base, fp);
          equal = valuesEqual(a, b, vm);
          fuel = vm.fuel;
        }
        stack[sp - 2] = equal === (code[pc] === 19);
        sp--;
        pc += 1;
        break;
      }
      case 21 satisfies OpCode<'LT'>:
      case 22 satisfies OpCode<'LE'>:
      case 23 satisfies OpCode<'GT'>:
      case 24 satisfies OpCode<'GE'>: {
        const op = code[pc]!;
        const a = stack[sp - 2]!;
        const b = stack[sp - 1]!;
        if (typeof a === 'number' && typeof b === 'number') stack[sp - 2] = op === 21 ? a < b : op === 22 ? a <= b : op === 23 ? a > b : a >= b;
        else if (typeof a === 'string' && typeof b === 'string') {
          if ((fuel -= compareCost(a, b)) < 0) throw fail(vm, fuel, th, fi, pc, sp, base, fp, budgetError(vm.limits.instructionsPerTick));
          stack[sp - 2] = op === 21 ? a < b : op === 22 ? a <= b : op === 23 ? a > b : a >= b;
        } else throw fail(vm, fuel, th, fi, pc, sp, base, fp, compareError(op === 21 ? '<' : op === 22 ? '<=' : op === 23 ? '>' : '>=', a, b));
        sp--;
        pc += 1;
        break;
      }
      case 26 satisfies OpCode<'TO_BOOL'>: {
        const a = stack[sp - 1]!;
        stack[sp - 1] = a !== null && a !== false;
        pc += 1;
        break;
      }

      // ---- control flow: a backward jump is a budget checkpoint ----
      case 27 satisfies OpCode<'JUMP'>: {
        const t = code[pc + 1]!;
        if (t <= pc && (fuel -= pc - t + 1) < 0) throw fail(vm, fuel, th, fi, pc, sp, base, fp, budgetError(vm.limits.instructionsPerTick));
        pc = t;
        break;
      }
      case 28 satisfies OpCode<'JUMP_IF_FALSE'>: {
        const a = stack[--sp]!;
        if (a === null || a === false) {
          const t = code[pc + 1]!;
          if (t <= pc && (fuel -= pc - t + 1) < 0) throw fail(vm, fuel, th, fi, pc, sp, base, fp, budgetError(vm.limits.instructionsPerTick));
          pc = t;
        } else pc += 2;
        break;
      }
      case 29 satisfies OpCode<'JUMP_IF_TRUE'>: {
        const a = stack[--sp]!;
        if (a !== null && a !== false) {
          const t = code[pc + 1]!;
          if (t <= pc && (fuel -= pc - t + 1) < 0) throw fail(vm, fuel, th, fi, pc, sp, base, fp, budgetError(vm.limits.instructionsPerTick));
          pc = t;
        } else pc += 2;
        break;
      }
      case 30 satisfies OpCode<'JUMP_UNLESS_LT'>:
      case 31 satisfies OpCode<'JUMP_UNLESS_LE'>:
      case 32 satisfies OpCode<'JUMP_UNLESS_GT'>:
      case 33 satisfies OpCode<'JUMP_UNLESS_GE'>: {
        const op = code[pc]!;
        const a = stack[sp - 2]!;
        const b = stack[sp - 1]!;
        let holds: boolean;
        if (typeof a === 'number' && typeof b === 'number') holds = op === 30 ? a < b : op === 31 ? a <= b : op === 32 ? a > b : a >= b;
        else if (typeof a === 'string' && typeof b === 'string') {
          if ((fuel -= compareCost(a, b)) < 0) throw fail(vm, fuel, th, fi, pc, sp, base, fp, budgetError(vm.limits.instructionsPerTick));
          holds = op === 30 ? a < b : op === 31 ? a <= b : op === 32 ? a > b : a >= b;
        } else throw fail(vm, fuel, th, fi, pc, sp, base, fp, compareError(op === 30 ? '<' : op === 31 ? '<=' : op === 32 ? '>' : '>=', a, b));
        sp -= 2;
        if (holds) pc += 2;
        else {
          const t = code[pc + 1]!;
          if (t <= pc && (fuel -= pc - t + 1) < 0) throw fail(vm, fuel, th, fi, pc, sp, base, fp, budgetError(vm.limits.instructionsPerTick));
          pc = t;
        }
        break;
      }
      case 34 satisfies OpCode<'JUMP_UNLESS_EQ'>:
      case 35 satisfies OpCode<'JUMP_UNLESS_NE'>: {
        const a = stack[sp - 2]!;
        const b = stack[sp - 1]!;
        let equal: boolean;
        if (typeof a === 'number' && typeof b === 'number') equal = a === b;
        else {
          vm.fuel = fuel;
          save(th, fi, pc, sp, base, fp);
          equal = valuesEqual(a, b, vm);
          fuel = vm.fuel;
        }
        sp -= 2;
        if (equal === (code[pc] === 34)) pc += 2;
        else {
          const t = code[pc + 1]!;
          if (t <= pc && (fuel -= pc - t + 1) < 0) throw fail(vm, fuel, th, fi, pc, sp, base, fp, budgetError(vm.limits.instructionsPerTick));
          pc = t;
        }
        break;
      }
      case 36 satisfies OpCode<'FOR_RANGE'>: {
        const slot = base + code[pc + 1]!;
        const counter = stack[slot]!;
        const end = stack[slot + 1]!;
        if (typeof counter !== 'number' || typeof end !== 'number') throw fail(vm, fuel, th, fi, pc, sp, base, fp, arithmeticError('+', counter, 1));
        const next = counter + 1;
        stack[slot] = next;
        if (next < end) {
          const t = code[pc + 2]!;
          if (t <= pc && (fuel -= pc - t + 1) < 0) throw fail(vm, fuel, th, fi, pc, sp, base, fp, budgetError(vm.limits.instructionsPerTick));
          pc = t;
        } else pc += 3;
        break;
      }
      case 37 satisfies OpCode<'ITER_NEXT'>: {
        const slot = base + code[pc + 1]!;
        const it = stack[slot]!;
        const at = stack[slot + 1]!;
        // The position local starts as nil when the compiler leaves it unset.
        const pos = typeof at === 'number' ? at : 0;
        let item: Value | undefined;
        if (Array.isArray(it)) item = pos < it.length ? it[pos] : undefined;
        else if (it instanceof Range) item = it.from + pos < it.to ? it.from + pos : undefined;
        else if (typeof it === 'string') item = pos < it.length ? it[pos] : undefined;
        else throw fail(vm, fuel, th, fi, pc, sp, base, fp, new CairnError('TYPE_ERROR', 'ITER_NEXT on a value ITER_PREP did not prepare'));
        if (item !== undefined) {
          stack[sp++] = item;
          stack[slot + 1] = pos + 1;
          pc += 3;
        } else {
          const t = code[pc + 2]!;
          if (t <= pc && (fuel -= pc - t + 1) < 0) throw fail(vm, fuel, th, fi, pc, sp, base, fp, budgetError(vm.limits.instructionsPerTick));
          pc = t;
        }
        break;
      }
      // ---- calls: frames are data, so recursion never touches the JS stack ----
      case 39 satisfies OpCode<'CALL'>: {
        const callee = fns[code[pc + 1]!]!;
        const argc = code[pc + 2]!;
        const extra = argc - callee.minArity;
        fuel -= callCost;
        if (extra < 0 || argc > callee.arity || fp > maxFp || fuel < 0) {
          throw fail(vm, fuel, th, fi, pc, sp, base, fp, callError(vm.limits, callee.name, callee.minArity, callee.arity, argc, fuel));
        }
        if (sp - argc + callee.locals + callee.maxStack > stack.length) {
          vm.fuel = fuel;
          save(th, fi, pc, sp, base, fp);
          growThreadStack(vm, stack, sp - argc + callee.locals + callee.maxStack);
          fuel = vm.fuel;
        }
        frames[fp] = fi;
        frames[fp + 1] = pc + 3;
        frames[fp + 2] = base;
        const fast = fastFns[callee.index];
        if (fast !== undefined && fast.fromInterpreter && rt.callsLeft > 0) {
          const at = sp - argc;
          const top = at + callee.locals;
          while (sp < top) stack[sp++] = null;
          vm.fuel = fuel;
          th.sp = sp;
          const result = enterFast(vm, th, fast, fast.entryBlocks[extra]!, at, fp + 3);
          if (result === undefined) return; // a native stopped this very thread
          fuel = vm.fuel;
          sp = at;
          stack[sp++] = result;
          pc += 3;
          break;
        }
        fp += 3;
        base = sp - argc;
        const top = base + callee.locals;
        while (sp < top) stack[sp++] = null;
        fi = callee.index;
        fn = callee;
        code = callee.code;
        pc = callee.entries[extra]!;
        break;
      }
      case 42 satisfies OpCode<'RETURN'>:
      case 43 satisfies OpCode<'RETURN_NIL'>: {
        const result = code[pc] === 42 ? stack[sp - 1]! : null;
        if (fp === floor) {
          th.result = result;
          vm.fuel = fuel;
          if (floor > 0) {
            save(th, fi, pc, base, base, fp);
            return;
          }
          save(th, fi, pc, 0, 0, 0);
          th.state = ThreadState.Done;
          return;
        }
        sp = base;
        stack[sp++] = result;
        fp -= 3;
        fi = frames[fp]!;
        pc = frames[fp + 1]!;
        base = frames[fp + 2]!;
        fn = fns[fi]!;
        code = fn.code;
        break;
      }
      case 40 satisfies OpCode<'CALL_NATIVE'>: {
        const nat = natives[code[pc + 1]!]!;
        const argc = code[pc + 2]!;
        vm.fuel = fuel;
        save(th, fi, pc, sp, base, fp);
        const args = stack.slice(sp - argc, sp);
        if (argc < nat.minArity || argc > nat.maxArity || nat.kinds !== null) checkNativeArgs(nat, args);
        vm.ctx.threadId = th.id;
        const result = nat.fn(args, vm.ctx);
        fuel = vm.fuel;
        sp -= argc;
        if (result === BLOCK) {
          blockOnNative(vm, th, nat, pc + 3, sp);
          return;
        }
        stack[sp++] = result === undefined ? null : (result as Value);
        pc += 3;
        if (th.state === ThreadState.Done) return; // the native stopped this very thread
        break;
      }

      // ---- collections and members ----
      case 47 satisfies OpCode<'INDEX_GET'>: {
        const t = stack[sp - 2]!;
        const i = stack[sp - 1]!;
        let v: Value | undefined;
        if (Array.isArray(t)) {
          if (typeof i === 'number') v = t[i];
        } else if (isMap(t) && typeof i === 'string') v = t.get(i);
        if (v === undefined) {
          vm.fuel = fuel;
          save(th, fi, pc, sp, base, fp);
          v = indexGet(t, i);
        }
        stack[sp - 2] = v;
        sp--;
        pc += 1;
        break;
      }
      case 48 satisfies OpCode<'INDEX_SET'>: {
        const t = stack[sp - 3]!;
        const i = stack[sp - 2]!;
        const v = stack[sp - 1]!;
        if (Array.isArray(t) && typeof i === 'number' && i >= 0 && i < t.length && Number.isInteger(i)) t[i] = v;
        else {
          vm.fuel = fuel;
          save(th, fi, pc, sp, base, fp);
          indexSet(vm, t, i, v);
          fuel = vm.fuel;
        }
        sp -= 3;
        pc += 1;
        break;
      }
      case 49 satisfies OpCode<'MEMBER_GET'>: {
        const t = stack[sp - 1]!;
        const name = consts[code[pc + 1]!] as string;
        let v: Value | undefined;
        if (isMap(t)) v = t.get(name);
        if (v === undefined) {
          vm.fuel = fuel;
          save(th, fi, pc, sp, base, fp);
          v = memberGet(vm, t, name);
          fuel = vm.fuel;
        }
        stack[sp - 1] = v;
        pc += 2;
        break;
      }
      case 50 satisfies OpCode<'MEMBER_SET'>:
        vm.fuel = fuel;
        save(th, fi, pc, sp, base, fp);
        memberSet(vm, stack[sp - 2]!, consts[code[pc + 1]!] as string, stack[sp - 1]!);
        fuel = vm.fuel;
        sp -= 2;
        pc += 2;
        if (th.state === ThreadState.Done) return; // a host setter may stop threads
        break;
      case 51 satisfies OpCode<'CONCAT'>: {
        const n = code[pc + 1]!;
        if (n > sp - base) throw fail(vm, fuel, th, fi, pc, sp, base, fp, stackUnderflow());
        vm.fuel = fuel;
        save(th, fi, pc, sp, base, fp);
        const s = concatValues(vm, stack, sp - n, n);
        fuel = vm.fuel;
        sp -= n;
        stack[sp++] = s;
        pc += 2;
        break;
      }

      // A thread's yield is as hot as the loop around it (the scheduler's own cost is per yield).
      case 56 satisfies OpCode<'YIELD'>:
        vm.fuel = fuel;
        save(th, fi, pc + 1, sp, base, fp);
        th.state = ThreadState.Waiting;
        th.waitKind = WaitKind.Yield;
        th.wakeTick = vm.now + 1;
        return;

      // ---- fused forms ----
      case 59 satisfies OpCode<'GET_LOCAL2'>:
        stack[sp] = stack[base + code[pc + 1]!]!;
        stack[sp + 1] = stack[base + code[pc + 2]!]!;
        sp += 2;
        pc += 3;
        break;
      case 60 satisfies OpCode<'ADD_INT'>: {
        const a = stack[sp - 1]!;
        if (typeof a !== 'number') throw fail(vm, fuel, th, fi, pc, sp, base, fp, arithmeticError('+', a, code[pc + 1]!));
        stack[sp - 1] = a + code[pc + 1]!;
        pc += 2;
        break;
      }
      case 61 satisfies OpCode<'INC_LOCAL'>: {
        const slot = base + code[pc + 1]!;
        const a = stack[slot]!;
        if (typeof a !== 'number') throw fail(vm, fuel, th, fi, pc, sp, base, fp, arithmeticError('+', a, code[pc + 2]!));
        stack[slot] = a + code[pc + 2]!;
        pc += 3;
        break;
      }

      // ---- everything else, out of line (rare-opcodes.ts), on the frame saved in the thread ----
      default:
        vm.fuel = fuel;
        save(th, fi, pc, sp, base, fp);
        if (runRareOpcode(vm, th) === Next.Return) return;
        fuel = vm.fuel;
        fi = th.fn;
        pc = th.pc;
        sp = th.sp;
        base = th.base;
        fp = th.fp;
        fn = fns[fi]!;
        code = fn.code;
    }
  }
}
