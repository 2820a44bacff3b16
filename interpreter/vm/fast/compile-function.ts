// The closure compiler of the fast tier: turns each function that cannot
// suspend into JS closures once, at load (no eval, no new Function: the
// strict CSP holds). A function becomes basic blocks; within a block the
// operand stack is simulated at compile time, so the values an instruction
// takes become child closures (or constants and local reads built into their
// parent) instead of stack traffic. Values still on the stack at a block's
// end are written to the stack slots the interpreter would hold them in, and
// anything not yet evaluated is evaluated before each effect, so effects and
// errors happen in the interpreter's order.

import { Op, OPCODES_BY_CODE } from '../../bytecode/opcodes.js';
import { stackDepths } from '../../bytecode/verify.js';
import type { Module } from '../../bytecode/module.js';
import type { FnInfo, Program } from '../program.js';
import { addIntNode, addNode, compareTest, equalNode, equalTest, negNode, numericNode, rangeNode, truthNode, type CompareOp, type Site } from './arithmetic.js';
import { branchEnd, compareJumpEnd, fallEnd, forRangeEnd, gotoEnd, iterNextEnd, returnEnd, truthTest, type Ending } from './branches.js';
import { callNode, nativeNode, printStmt, spawnNode, stopStmt } from './calls.js';
import { nonSuspending } from './eligibility.js';
import { rt, type Block, type FastFn, type Stmt } from './fast-runtime.js';
import { memberGetOperand, memberSetStmt } from './fields.js';
import { iterLoop, rangeLoop, type LoopBody, type Loops } from './loops.js';
import { buildNode, indexGetNode, indexSetStmt, iterPrepNode, pointNode, textNode } from './members.js';
import { arith, constant, expr, isVolatile, Kind, local, localPlus, slot, type Operand } from './operands.js';

/** A function's blocks: their first instructions in code order, the depth each starts with, and which block starts at each pc. */
interface Layout {
  readonly depths: Int32Array;
  readonly starts: number[];
  readonly blockAt: Int32Array;
}

/** Compiled code by module, with the eligibility it was compiled for (which depends on the VM's natives). */
const compiled = new WeakMap<Module, { ok: readonly boolean[]; fasts: ReadonlyArray<FastFn | undefined> }>();

/**
 * The compiled form of each function of `program` that cannot suspend
 * (undefined for the others): compiled once per module and shared by every
 * VM that loads it with natives that block alike.
 */
export function fastCode(program: Program): ReadonlyArray<FastFn | undefined> {
  const ok = nonSuspending(program);
  const known = compiled.get(program.module);
  if (known !== undefined && known.ok.length === ok.length && known.ok.every((v, i) => v === ok[i])) return known.fasts;
  const fasts = compileProgram(program);
  compiled.set(program.module, { ok, fasts });
  return fasts;
}

function compileProgram(program: Program): Array<FastFn | undefined> {
  const excluded = new Set<number>();
  for (;;) {
    const ok = nonSuspending(program, excluded);
    const layouts = program.fns.map((fn, i) => (ok[i] ? layoutOf(fn) : undefined));
    let failed = false;
    layouts.forEach((l, i) => {
      if (ok[i] && l === undefined) {
        excluded.add(i);
        failed = true;
      }
    });
    // A function whose code the layout pass refuses is left to the interpreter, and so is every caller of it.
    if (failed) continue;
    const fasts = layouts.map((l, i): FastFn | undefined =>
      l === undefined ? undefined : { index: i, entryBlocks: Int32Array.from(program.fns[i]!.entries, (pc) => l.blockAt[pc]!), run: () => null, fromInterpreter: loopsOrCalls(program.fns[i]!) },
    );
    program.fns.forEach((fn, i) => {
      const fast = fasts[i];
      if (fast !== undefined) fast.run = compileFunction(program, fn, layouts[i]!, fasts);
    });
    return fasts;
  }
}

/** True when `fn` has a backward jump or a call of another function. */
function loopsOrCalls(fn: FnInfo): boolean {
  const code = fn.code;
  for (let pc = 0; pc < code.length; ) {
    const op = code[pc]!;
    const info = OPCODES_BY_CODE[op]!;
    if (op === Op.CALL) return true;
    const target = info.operands.indexOf('target');
    if (target >= 0 && code[pc + 1 + target]! <= pc) return true;
    pc += 1 + info.operands.length;
  }
  return false;
}

/** Splits a function into blocks; undefined when the stack-depth pass refuses its code. */
function layoutOf(fn: FnInfo): Layout | undefined {
  let depths: Int32Array;
  try {
    depths = stackDepths(fn);
  } catch {
    return undefined;
  }
  const code = fn.code;
  const leader = new Uint8Array(code.length + 1);
  for (const e of fn.entries) leader[e] = 1;
  for (let pc = 0; pc < code.length; ) {
    const info = OPCODES_BY_CODE[code[pc]!]!;
    const size = 1 + info.operands.length;
    const target = info.operands.indexOf('target');
    if (target >= 0) {
      leader[code[pc + 1 + target]!] = 1;
      leader[pc + size] = 1;
    }
    if (info.terminal) leader[pc + size] = 1;
    pc += size;
  }
  const starts: number[] = [];
  const blockAt = new Int32Array(code.length + 1).fill(-1);
  for (let pc = 0; pc < code.length; pc += 1 + OPCODES_BY_CODE[code[pc]!]!.operands.length) {
    if (leader[pc] === 1 && depths[pc]! >= 0) {
      blockAt[pc] = starts.length;
      starts.push(pc);
    }
  }
  return { depths, starts, blockAt };
}

/** How deep blocks may call the blocks after them directly before handing back to the block loop (bounds JS stack use per frame). */
const MAX_DIRECT_DEPTH = 8;

/** The closures of one function: `run(s, b, blk)` runs it from block `blk` and returns its result. */
function compileFunction(program: Program, fn: FnInfo, layout: Layout, fasts: ReadonlyArray<FastFn | undefined>): FastFn['run'] {
  const { starts } = layout;
  const blocks: Block[] = new Array<Block>(starts.length);
  const depth = new Int32Array(starts.length);
  const bodies: Array<LoopBody | undefined> = new Array<LoopBody | undefined>(starts.length);
  // Last block first, so a block's forward targets are built before it and it can call them directly.
  for (let i = starts.length - 1; i >= 0; i--) {
    let deepest = 0;
    const forward = (t: number): Block => {
      const j = layout.blockAt[t]!;
      if (depth[j]! < MAX_DIRECT_DEPTH) {
        deepest = Math.max(deepest, depth[j]!);
        return blocks[j]!;
      }
      return () => j;
    };
    const loops: Loops = { bodyAt: (pc) => bodies[layout.blockAt[pc]!], asBody: (body) => (bodies[i] = body) };
    blocks[i] = compileBlock(program, fn, layout, fasts, starts[i]!, i + 1 < starts.length ? starts[i + 1]! : fn.code.length, forward, loops);
    depth[i] = deepest + 1;
  }
  const fi = fn.index;
  return (s, b, blk) => {
    const fp = rt.fp;
    try {
      do blk = blocks[blk]!(s, b);
      while (blk >= 0);
      return rt.ret;
    } catch (e) {
      // The innermost frame says where the error happened; the frames outside it are already in th.frames.
      if (!rt.placed) {
        rt.placed = true;
        const th = rt.th;
        th.fn = fi;
        th.pc = rt.pc;
        th.base = b;
        th.fp = fp;
      }
      throw e;
    }
  };
}

/** Block [start, end) of `fn` as one closure: its statements, then its ending. */
function compileBlock(program: Program, fn: FnInfo, layout: Layout, fasts: ReadonlyArray<FastFn | undefined>, start: number, end: number, forward: (t: number) => Block, loops: Loops): Block {
  const { depths } = layout;
  const code = fn.code;
  const L = fn.locals;
  const consts = program.consts;
  const st: Operand[] = [];
  for (let i = 0; i < depths[start]!; i++) st.push(slot(L + i));
  const stmts: Stmt[] = [];
  const blockAt = (pc: number): number => layout.blockAt[pc]!;

  /** Writes entry i to its own stack slot (evaluating it now) unless it is there already. */
  const materialize = (i: number): void => {
    const o = st[i]!;
    const off = L + i;
    if (o.kind === Kind.Slot && o.k === off) return;
    const e = o.e;
    stmts.push((s, b) => {
      s[b + off] = e(s, b);
    });
    st[i] = slot(off);
  };
  const materializeAll = (): void => {
    for (let i = 0; i < st.length; i++) materialize(i);
  };
  /** Before an effect: everything below it that is not yet evaluated is evaluated now, in stack order. */
  const effect = (stmt: Stmt): void => {
    for (let i = 0; i < st.length; i++) if (isVolatile(st[i]!)) materialize(i);
    stmts.push(stmt);
  };
  const pop = (): Operand => st.pop()!;
  const popN = (n: number): Operand[] => st.splice(st.length - n, n);
  const finish = (ending: Block): Block => joinBlock(stmts, ending);

  for (let pc = start; pc < end; ) {
    const op = code[pc]!;
    const size = 1 + OPCODES_BY_CODE[op]!.operands.length;
    const a1 = code[pc + 1]!;
    const a2 = code[pc + 2]!;
    const site: Site = { rt, pc, sp: L + depths[pc]! };
    const ending: Ending = { rt, pc, blockAt, forward };
    const next = pc + size;
    switch (op) {
      case Op.CONST: {
        // Entity references are objects of the running VM's program: read them there.
        const k = consts[a1]!;
        st.push(typeof k === 'object' && k !== null ? expr(() => rt.consts[a1]!) : constant(k));
        break;
      }
      case Op.NIL: st.push(constant(null)); break;
      case Op.TRUE: st.push(constant(true)); break;
      case Op.FALSE: st.push(constant(false)); break;
      case Op.INT: st.push(constant(a1)); break;
      case Op.FN: st.push(expr(() => rt.program.fns[a1]!.ref)); break;
      case Op.POP: {
        const o = pop();
        if (o.kind === Kind.Expr || o.kind === Kind.LocalPlus || o.kind === Kind.Field) effect(o.e);
        break;
      }
      case Op.DUP: {
        if (st[st.length - 1]!.kind !== Kind.Const) materialize(st.length - 1);
        const top = st[st.length - 1]!;
        st.push(top.kind === Kind.Const ? top : slot(top.k));
        break;
      }
      case Op.GET_LOCAL: st.push(local(a1)); break;
      case Op.GET_LOCAL2: st.push(local(a1), local(a2)); break;
      case Op.SET_LOCAL: {
        const o = pop();
        effect(setLocalStmt(o, a1));
        break;
      }
      case Op.GET_GLOBAL: st.push(expr(() => rt.globals[a1]!)); break;
      case Op.SET_GLOBAL: {
        const e = pop().e;
        effect((s, b) => {
          rt.globals[a1] = e(s, b);
        });
        break;
      }
      case Op.ADD: { const [a, b] = popN(2); st.push(arith(addNode(site, a!, b!), '+', a!, b!)); break; }
      case Op.ADD_INT: {
        const a = pop();
        const e = addIntNode(site, a, a1);
        st.push(a.kind === Kind.Local ? localPlus(a.k, a1, e) : expr(e));
        break;
      }
      case Op.SUB: { const [a, b] = popN(2); st.push(arith(numericNode(site, '-', a!, b!), '-', a!, b!)); break; }
      case Op.MUL: { const [a, b] = popN(2); st.push(arith(numericNode(site, '*', a!, b!), '*', a!, b!)); break; }
      case Op.DIV: { const [a, b] = popN(2); st.push(expr(numericNode(site, '/', a!, b!))); break; }
      case Op.MOD: { const [a, b] = popN(2); st.push(expr(numericNode(site, '%', a!, b!))); break; }
      case Op.NEG: st.push(expr(negNode(site, pop()))); break;
      case Op.NOT: st.push(expr(truthNode(pop(), false))); break;
      case Op.TO_BOOL: st.push(expr(truthNode(pop(), true))); break;
      case Op.EQ:
      case Op.NE: { const [a, b] = popN(2); st.push(expr(equalNode(site, a!, b!, op === Op.NE))); break; }
      case Op.LT:
      case Op.LE:
      case Op.GT:
      case Op.GE: {
        const [a, b] = popN(2);
        const test = compareTest(site, COMPARE[op - Op.LT]!, a!, b!);
        st.push(expr(test));
        break;
      }
      case Op.RANGE: { const [a, b] = popN(2); st.push(expr(rangeNode(site, a!, b!))); break; }
      case Op.INC_LOCAL: {
        const n = a2;
        effect(addIntStmt(site, a1, n));
        break;
      }
      case Op.LINE: break; // the fast tier runs only when no one listens to LINE
      case Op.MEMBER_GET: st.push(memberGetOperand(site, pop(), consts[a1] as string)); break;
      case Op.MEMBER_SET: { const [t, v] = popN(2); effect(memberSetStmt(site, t!, v!, consts[a1] as string)); break; }
      case Op.INDEX_GET: { const [t, i] = popN(2); st.push(expr(indexGetNode(site, t!, i!))); break; }
      case Op.INDEX_SET: { const [t, i, v] = popN(3); effect(indexSetStmt(site, t!, i!, v!)); break; }
      case Op.LIST: st.push(expr(buildNode(site, 'list', popN(a1)))); break;
      case Op.MAP: st.push(expr(buildNode(site, 'map', popN(2 * a1)))); break;
      case Op.CONCAT: st.push(expr(buildNode(site, 'concat', popN(a1)))); break;
      // The module's text entry is fixed at load; the language is the running VM's (rt.vm.texts).
      case Op.TEXT: st.push(expr(textNode(site, program.texts[a1]!, popN(a2)))); break;
      case Op.POINT: { const [x, y] = popN(2); st.push(expr(pointNode(site, x!, y!))); break; }
      case Op.ITER_PREP: st.push(expr(iterPrepNode(site, pop()))); break;
      case Op.CALL: st.push(expr(callNode(site, fn.index, program.fns[a1]!, fasts[a1]!, popN(a2)))); break;
      case Op.CALL_NATIVE: st.push(expr(nativeNode(site, a1, popN(a2)))); break;
      case Op.SPAWN: st.push(expr(spawnNode(site, a1, popN(a2)))); break;
      case Op.SPAWN_VALUE: {
        const args = popN(a1);
        st.push(expr(spawnNode(site, pop(), args)));
        break;
      }
      case Op.STOP_THREAD: effect(stopStmt(site, pop())); break;
      case Op.PRINT: effect(printStmt(site, pop())); break;

      // ---- block endings ----
      case Op.JUMP:
        materializeAll();
        if (a1 < pc) {
          // A body that starts by storing the item ITER_NEXT pushed (`for p in ps`): the loop stores it there itself.
          const stores = depths[start] === 1 && code[start] === Op.SET_LOCAL;
          loops.asBody({ stmts: stores ? stmts.slice(1) : stmts.slice(), itemLocal: stores ? code[start + 1]! : -1, target: a1, jumpPc: pc });
        }
        return finish(gotoEnd(ending, a1));
      case Op.JUMP_IF_FALSE:
      case Op.JUMP_IF_TRUE: {
        const cond = pop();
        materializeAll();
        return finish(branchEnd(ending, truthTest(cond.e, op === Op.JUMP_IF_TRUE), a1, next));
      }
      case Op.JUMP_UNLESS_LT:
      case Op.JUMP_UNLESS_LE:
      case Op.JUMP_UNLESS_GT:
      case Op.JUMP_UNLESS_GE: {
        const [a, b] = popN(2);
        materializeAll();
        return finish(compareJumpEnd(ending, site, COMPARE[op - Op.JUMP_UNLESS_LT]!, a!, b!, a1, next));
      }
      case Op.JUMP_UNLESS_EQ:
      case Op.JUMP_UNLESS_NE: {
        const [a, b] = popN(2);
        materializeAll();
        const equal = equalTest(site, a!, b!);
        const wantEqual = op === Op.JUMP_UNLESS_EQ;
        return finish(branchEnd(ending, (s, base) => equal(s, base) !== wantEqual, a1, next));
      }
      case Op.FOR_RANGE:
        materializeAll();
        if (a2 === start) return rangeLoop(ending, a1, stmts.slice(), start, next);
        return finish(forRangeEnd(ending, a1, a2, next));
      case Op.ITER_NEXT: {
        materializeAll();
        const body = loops.bodyAt(next);
        if (pc === start && a2 > pc && body?.target === start) return iterLoop(ending, a1, L + st.length, a2, body);
        return finish(iterNextEnd(ending, a1, L + st.length, a2, next));
      }
      case Op.RETURN: {
        const v = pop();
        for (let i = 0; i < st.length; i++) if (isVolatile(st[i]!)) materialize(i);
        return finish(returnEnd(rt, v));
      }
      case Op.RETURN_NIL:
        for (let i = 0; i < st.length; i++) if (isVolatile(st[i]!)) materialize(i);
        return finish(returnEnd(rt, undefined));
      default:
        // nonSuspending() admits only the opcodes above.
        throw new Error(`the fast tier cannot compile opcode ${op}`);
    }
    pc = next;
  }
  materializeAll();
  return finish(fallEnd({ rt, pc: end, blockAt, forward }, end));
}

const COMPARE: readonly CompareOp[] = ['<', '<=', '>', '>='];

/** SET_LOCAL k of `o`: a copy when `o` is a local or a stack slot (the `for … in` item), a store of a constant. */
function setLocalStmt(o: Operand, k: number): Stmt {
  if (o.kind === Kind.Local || o.kind === Kind.Slot) {
    const j = o.k;
    return (s, b) => {
      s[b + k] = s[b + j]!;
    };
  }
  if (o.kind === Kind.Const) {
    const v = o.v;
    return (s, b) => {
      s[b + k] = v;
    };
  }
  const e = o.e;
  return (s, b) => {
    s[b + k] = e(s, b);
  };
}

/** INC_LOCAL slot n. */
function addIntStmt(site: Site, k: number, n: number): Stmt {
  const add = addIntNode(site, local(k), n);
  return (s, b) => {
    s[b + k] = add(s, b);
  };
}

/** A block's statements followed by its ending, as one closure. */
function joinBlock(stmts: readonly Stmt[], ending: Block): Block {
  switch (stmts.length) {
    case 0:
      return ending;
    case 1: {
      const [a] = stmts as [Stmt];
      return (s, b) => {
        a(s, b);
        return ending(s, b);
      };
    }
    case 2: {
      const [a, c] = stmts as [Stmt, Stmt];
      return (s, b) => {
        a(s, b);
        c(s, b);
        return ending(s, b);
      };
    }
    case 3: {
      const [a, c, d] = stmts as [Stmt, Stmt, Stmt];
      return (s, b) => {
        a(s, b);
        c(s, b);
        d(s, b);
        return ending(s, b);
      };
    }
    default: {
      const all = stmts.slice();
      const n = all.length;
      return (s, b) => {
        for (let i = 0; i < n; i++) all[i]!(s, b);
        return ending(s, b);
      };
    }
  }
}
