// The fast tier's closures for calls and thread operations. A call between
// compiled functions is a JS call, but it lays out the callee's frame on the
// thread's stack and pushes the caller's frame triple exactly as the dispatch
// loop's CALL does, and charges the same budget and checks the same depth, so
// limits, errors and memory walks see what they would see in the interpreter.

import { CairnError } from '../../errors.js';
import { execute } from '../dispatch.js';
import { BlockSignal, checkNativeArgs } from '../native-table.js';
import { growThreadStack } from '../operations.js';
import type { FnInfo } from '../program.js';
import { callError, notCallable } from '../runtime-errors.js';
import { ThreadState } from '../thread.js';
import { FnRef, ThreadHandle, type Value } from '../values.js';
import { CALL_COST } from '../work.js';
import type { Site } from './arithmetic.js';
import { rt, STOPPED, type Expr, type FastFn, type Stmt } from './fast-runtime.js';
import { Kind, type Operand } from './operands.js';

const BLOCK = BlockSignal.INSTANCE;

/** CALL of compiled function `fast` (prepared as `callee`) from the instruction at `site`, whose frame is function `fi`. */
export function callNode(site: Site, fi: number, callee: FnInfo, fast: FastFn, args: readonly Operand[]): Expr {
  const { rt, pc, sp } = site;
  const argc = args.length;
  const extra = argc - callee.minArity;
  const badArity = extra < 0 || argc > callee.arity;
  const blk = badArity ? 0 : fast.entryBlocks[extra]!;
  const locals = callee.locals;
  const need = callee.locals + callee.maxStack;
  // The callee's frame starts where the interpreter would have pushed the first argument.
  const at = sp - argc;
  const fail = (): never => {
    rt.fail(pc);
    throw callError(rt.vm.limits, callee.name, callee.minArity, callee.arity, argc, rt.fuel);
  };
  const grow = (s: Value[], nb: number, base: number): void => {
    rt.save(pc, base + sp);
    growThreadStack(rt.vm, s, nb + need);
    rt.back(null);
  };
  // The frame set-up is written out in each closure (not a shared helper) so that each stays one call deep.
  if (argc === 1 && args[0]!.kind === Kind.Local && locals === 1) {
    const k = args[0]!.k;
    return (s, base) => {
      const nb = base + at;
      s[nb] = s[base + k]!;
      const fp = rt.fp;
      if ((rt.fuel -= CALL_COST) < 0 || fp > rt.maxFp || badArity) return fail();
      if (nb + need > s.length) grow(s, nb, base);
      const frames = rt.frames;
      frames[fp] = fi;
      frames[fp + 1] = pc + 3;
      frames[fp + 2] = base;
      rt.fp = fp + 3;
      const result = rt.callsLeft-- > 0 ? fast.run(s, nb, blk) : interpretCall(callee, extra, nb, fp);
      rt.callsLeft++;
      rt.fp = fp;
      return result;
    };
  }
  if (argc === 1 && args[0]!.kind === Kind.LocalPlus) {
    const { k, v, e: a0 } = args[0]!;
    const n = v as number;
    return (s, base) => {
      const nb = base + at;
      const x = s[base + k]!;
      s[nb] = typeof x === 'number' ? x + n : a0(s, base);
      const fp = rt.fp;
      if ((rt.fuel -= CALL_COST) < 0 || fp > rt.maxFp || badArity) return fail();
      if (nb + need > s.length) grow(s, nb, base);
      for (let i = nb + 1; i < nb + locals; i++) s[i] = null;
      const frames = rt.frames;
      frames[fp] = fi;
      frames[fp + 1] = pc + 3;
      frames[fp + 2] = base;
      rt.fp = fp + 3;
      const result = rt.callsLeft-- > 0 ? fast.run(s, nb, blk) : interpretCall(callee, extra, nb, fp);
      rt.callsLeft++;
      rt.fp = fp;
      return result;
    };
  }
  if (argc === 1) {
    const a0 = args[0]!.e;
    return (s, base) => {
      const nb = base + at;
      s[nb] = a0(s, base);
      const fp = rt.fp;
      if ((rt.fuel -= CALL_COST) < 0 || fp > rt.maxFp || badArity) return fail();
      if (nb + need > s.length) grow(s, nb, base);
      for (let i = nb + 1; i < nb + locals; i++) s[i] = null;
      const frames = rt.frames;
      frames[fp] = fi;
      frames[fp + 1] = pc + 3;
      frames[fp + 2] = base;
      rt.fp = fp + 3;
      const result = rt.callsLeft-- > 0 ? fast.run(s, nb, blk) : interpretCall(callee, extra, nb, fp);
      rt.callsLeft++;
      rt.fp = fp;
      return result;
    };
  }
  const es = args.map((a) => a.e);
  return (s, base) => {
    const nb = base + at;
    for (let i = 0; i < argc; i++) s[nb + i] = es[i]!(s, base);
    const fp = rt.fp;
    if ((rt.fuel -= CALL_COST) < 0 || fp > rt.maxFp || badArity) return fail();
    if (nb + need > s.length) grow(s, nb, base);
    for (let i = nb + argc; i < nb + locals; i++) s[i] = null;
    const frames = rt.frames;
    frames[fp] = fi;
    frames[fp + 1] = pc + 3;
    frames[fp + 2] = base;
    rt.fp = fp + 3;
    const result = rt.callsLeft-- > 0 ? fast.run(s, nb, blk) : interpretCall(callee, extra, nb, fp);
    rt.callsLeft++;
    rt.fp = fp;
    return result;
  };
}

/**
 * Runs a call in the interpreter, on the running thread and its frames (no
 * JS stack per call), once the fast tier has used up the JS stack it may
 * (stack-room.ts); the caller's frame is already pushed, at `fp`.
 */
function interpretCall(callee: FnInfo, extra: number, nb: number, fp: number): Value {
  const th = rt.th;
  const vm = rt.vm;
  th.fn = callee.index;
  th.pc = callee.entries[extra]!;
  th.base = nb;
  th.sp = nb + callee.locals;
  th.fp = fp + 3;
  vm.fuel = rt.fuel;
  try {
    execute(vm, th, fp + 3);
  } catch (e) {
    // The interpreter left the thread standing at the failing instruction.
    rt.placed = true;
    throw e;
  }
  rt.fuel = vm.fuel;
  if (th.state === ThreadState.Done) throw STOPPED;
  return th.result;
}

/**
 * CALL_NATIVE of import `index`, a non-blocking native of the running VM's
 * table (natives belong to a VM, compiled code to a module). The arguments go
 * through the stack as in the interpreter, so a memory walk sees them.
 */
export function nativeNode(site: Site, index: number, args: readonly Operand[]): Expr {
  const { rt, pc, sp } = site;
  const argc = args.length;
  const from = sp - argc;
  const es = args.map((a) => a.e);
  const call = (s: Value[], base: number, list: Value[]): Value => {
    const th = rt.th;
    const nat = rt.natives[index]!;
    rt.save(pc, base + sp);
    if (argc < nat.minArity || argc > nat.maxArity || nat.kinds !== null) checkNativeArgs(nat, list);
    const ctx = rt.vm.ctx;
    ctx.threadId = th.id;
    const result = rt.back(nat.fn(list, ctx));
    if (result === BLOCK) throw new CairnError('RUNTIME', `native ${nat.name}() tried to block but is not declared blocking`);
    if (th.state === ThreadState.Done) throw STOPPED;
    return result === undefined ? null : (result as Value);
  };
  // One and two arguments (most natives) without the loop over closures: the native call is most of a tight loop's work.
  if (argc === 1) {
    const e0 = es[0]!;
    return (s, base) => {
      const a = (s[base + from] = e0(s, base));
      return call(s, base, [a]);
    };
  }
  if (argc === 2) {
    const e0 = es[0]!;
    const e1 = es[1]!;
    return (s, base) => {
      const a = (s[base + from] = e0(s, base));
      const b = (s[base + from + 1] = e1(s, base));
      return call(s, base, [a, b]);
    };
  }
  return (s, base) => {
    for (let i = 0; i < argc; i++) s[base + from + i] = es[i]!(s, base);
    return call(s, base, s.slice(base + from, base + sp));
  };
}

/** SPAWN of function `fnIndex` (from a constant index), or SPAWN_VALUE (`callee` is then the function value's operand). */
export function spawnNode(site: Site, fnIndex: number | Operand, args: readonly Operand[]): Expr {
  const { rt, pc, sp } = site;
  const argc = args.length;
  const from = sp - argc;
  const es = args.map((a) => a.e);
  const ef = typeof fnIndex === 'number' ? undefined : fnIndex.e;
  const index = typeof fnIndex === 'number' ? fnIndex : -1;
  return (s, base) => {
    let target = index;
    if (ef !== undefined) {
      const f = ef(s, base);
      for (let i = 0; i < argc; i++) s[base + from + i] = es[i]!(s, base);
      if (!(f instanceof FnRef)) {
        rt.fail(pc);
        throw notCallable(f);
      }
      target = f.index;
    } else for (let i = 0; i < argc; i++) s[base + from + i] = es[i]!(s, base);
    rt.save(pc, base + sp);
    return new ThreadHandle(rt.back(rt.vm.spawnThread(target, s.slice(base + from, base + sp))).id);
  };
}

/** STOP_THREAD: the running thread may stop itself. */
export function stopStmt(site: Site, h: Operand): Stmt {
  const { rt, pc, sp } = site;
  const eh = h.e;
  return (s, base) => {
    const handle = eh(s, base);
    rt.save(pc, base + sp);
    rt.vm.stopByHandle(handle);
    rt.back(null);
    if (rt.th.state === ThreadState.Done) throw STOPPED;
  };
}

/** PRINT. */
export function printStmt(site: Site, v: Operand): Stmt {
  const { rt, pc, sp } = site;
  const ev = v.e;
  return (s, base) => {
    const value = ev(s, base);
    rt.save(pc, base + sp);
    rt.vm.print(value);
    rt.back(null);
  };
}
