// The fast tier's fused loops. A loop whose body is one basic block — `for p
// in ps { … }` whose body jumps straight back to its ITER_NEXT, or `for i in
// a..b { … }` whose FOR_RANGE jumps back to the start of its own block — runs
// as one closure that turns in a JS loop, instead of handing each iteration
// back to the function's block loop. Each turn charges the budget the same
// words at the same instruction as the jump it replaces, so BUDGET_EXCEEDED
// still comes at the same place of the same round.

import { arithmeticError, budgetError } from '../runtime-errors.js';
import type { Block, Stmt } from './fast-runtime.js';
import { nextItem, type Ending } from './branches.js';

/**
 * A block that ends in a backward JUMP: its statements, where it jumps, and
 * the JUMP's offset. `itemLocal` is the local its first instruction stored
 * the `for … in` item in (that statement left out of `stmts`), or -1.
 */
export interface LoopBody {
  readonly stmts: readonly Stmt[];
  readonly itemLocal: number;
  readonly target: number;
  readonly jumpPc: number;
}

/** What a block being compiled may learn of loop bodies: the body starting at a pc, and a way to declare itself one. */
export interface Loops {
  readonly bodyAt: (pc: number) => LoopBody | undefined;
  readonly asBody: (body: LoopBody) => void;
}

/** ITER_NEXT slot t (a forward exit) at the start of its block, with `body` jumping back to it: the whole `for … in` loop. */
export function iterLoop(end: Ending, slot: number, push: number, t: number, body: LoopBody): Block {
  const { rt, pc } = end;
  const exit = end.forward(t);
  const run = sequence(body.stmts);
  const into = body.itemLocal >= 0 ? body.itemLocal : push;
  const jumpPc = body.jumpPc;
  const cost = jumpPc - body.target + 1;
  return (s, b) => {
    const i = b + slot;
    for (;;) {
      const item = nextItem(rt, pc, s, i);
      if (item === undefined) return exit(s, b);
      s[b + into] = item;
      run(s, b);
      if ((rt.fuel -= cost) < 0) {
        rt.fail(jumpPc);
        throw budgetError(rt.vm.limits.instructionsPerTick);
      }
    }
  };
}

/** A block `run` ending in FOR_RANGE slot → its own start: the whole counted loop. */
export function rangeLoop(end: Ending, slot: number, stmts: readonly Stmt[], start: number, next: number): Block {
  const { rt, pc } = end;
  const run = sequence(stmts);
  const fall = end.forward(next);
  const cost = pc - start + 1;
  return (s, b) => {
    const i = b + slot;
    for (;;) {
      run(s, b);
      const counter = s[i]!;
      const last = s[i + 1]!;
      if (typeof counter !== 'number' || typeof last !== 'number') {
        rt.fail(pc);
        throw arithmeticError('+', counter, 1);
      }
      const n = counter + 1;
      s[i] = n;
      if (!(n < last)) return fall(s, b);
      if ((rt.fuel -= cost) < 0) {
        rt.fail(pc);
        throw budgetError(rt.vm.limits.instructionsPerTick);
      }
    }
  };
}

const noop: Stmt = () => {};

/** Statements run in order, as one closure: at most three are called directly, any more through the array. */
function sequence(stmts: readonly Stmt[]): Stmt {
  const [a, c, d] = stmts;
  const n = stmts.length;
  if (n === 0) return noop;
  if (n === 1) return a!;
  if (n === 2) {
    return (s, b) => {
      a!(s, b);
      c!(s, b);
    };
  }
  if (n === 3) {
    return (s, b) => {
      a!(s, b);
      c!(s, b);
      d!(s, b);
    };
  }
  return (s, b) => {
    for (let i = 0; i < n; i++) stmts[i]!(s, b);
  };
}
