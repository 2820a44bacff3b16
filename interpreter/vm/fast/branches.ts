// The fast tier's block endings: jumps, conditional jumps, the counted and
// `for … in` loop steps, and returns. A taken backward jump charges the
// budget exactly as the dispatch loop does (the words jumped back over, plus
// one), so BUDGET_EXCEEDED comes at the same instruction of the same round.

import { CairnError } from '../../errors.js';
import { arithmeticError, budgetError } from '../runtime-errors.js';
import { Range, type Value } from '../values.js';
import type { Block, Expr, FastRuntime } from './fast-runtime.js';
import { compareTest, type CompareOp, type Site } from './arithmetic.js';
import { constNumber, Kind, type Operand } from './operands.js';

/** What a block ending knows: its instruction, and how to continue at a code offset. */
export interface Ending {
  readonly rt: FastRuntime;
  readonly pc: number;
  /**
   * The continuation at forward offset `t`: the block there itself, called
   * directly (compile-function.ts bounds how deep such calls nest), or one
   * that returns its index to the function's block loop.
   */
  readonly forward: (t: number) => Block;
  /** Block index at code offset `pc`. */
  readonly blockAt: (pc: number) => number;
}

/** The continuation at `t`: forward, or a backward jump that charges the words jumped back over and returns to the block loop. */
function jumpTo(end: Ending, t: number): Block {
  const { rt, pc } = end;
  if (t > pc) return end.forward(t);
  const next = end.blockAt(t);
  const cost = pc - t + 1;
  return () => {
    if ((rt.fuel -= cost) < 0) {
      rt.fail(pc);
      throw budgetError(rt.vm.limits.instructionsPerTick);
    }
    return next;
  };
}

/** JUMP t. */
export function gotoEnd(end: Ending, t: number): Block {
  return jumpTo(end, t);
}

/** A fall-through into the block at `next` (no budget: not a jump). */
export function fallEnd(end: Ending, next: number): Block {
  return end.forward(next);
}

/** Jumps to `t` when `test` holds, else falls through to `next`. */
export function branchEnd(end: Ending, test: (s: Value[], b: number) => boolean, t: number, next: number): Block {
  const go = jumpTo(end, t);
  const fall = end.forward(next);
  return (s, b) => (test(s, b) ? go(s, b) : fall(s, b));
}

/** JUMP_IF_FALSE / JUMP_IF_TRUE on the truth of `cond`. */
export function truthTest(cond: Expr, jumpIfTrue: boolean): (s: Value[], b: number) => boolean {
  return jumpIfTrue
    ? (s, b) => {
        const x = cond(s, b);
        return x !== null && x !== false;
      }
    : (s, b) => {
        const x = cond(s, b);
        return x === null || x === false;
      };
}

/** FOR_RANGE slot t: locals `slot` (counter) and `slot + 1` (end); counter += 1; loop while below the end. */
export function forRangeEnd(end: Ending, slot: number, t: number, next: number): Block {
  const { rt, pc } = end;
  const go = jumpTo(end, t);
  const fall = end.forward(next);
  return (s, b) => {
    const i = b + slot;
    const counter = s[i]!;
    const last = s[i + 1]!;
    if (typeof counter !== 'number' || typeof last !== 'number') {
      rt.fail(pc);
      throw arithmeticError('+', counter, 1);
    }
    const n = counter + 1;
    s[i] = n;
    return n < last ? go(s, b) : fall(s, b);
  };
}

/** What walkItem answers for a value ITER_PREP did not prepare. */
const NOT_WALKABLE: unique symbol = Symbol('not walkable');

/** The item at `pos` of what `for … in` walks (a list, a range, a string), undefined past its end. */
function walkItem(it: Value, pos: number): Value | undefined | typeof NOT_WALKABLE {
  if (Array.isArray(it)) return pos < it.length ? it[pos] : undefined;
  if (it instanceof Range) return it.from + pos < it.to ? it.from + pos : undefined;
  if (typeof it === 'string') return pos < it.length ? it[pos] : undefined;
  return NOT_WALKABLE;
}

/** The error of ITER_NEXT on a value ITER_PREP did not prepare. */
function notWalkable(): CairnError {
  return new CairnError('TYPE_ERROR', 'ITER_NEXT on a value ITER_PREP did not prepare');
}

/** ITER_NEXT's step on the walk in slots `i` (the value) and `i + 1` (the position): the next item, the position moved past it, or undefined at the end. */
export function nextItem(rt: FastRuntime, pc: number, s: Value[], i: number): Value | undefined {
  const at = s[i + 1]!;
  // The position local starts as nil when the compiler leaves it unset.
  const pos = typeof at === 'number' ? at : 0;
  const item = walkItem(s[i]!, pos);
  if (item === NOT_WALKABLE) {
    rt.fail(pc);
    throw notWalkable();
  }
  if (item !== undefined) s[i + 1] = pos + 1;
  return item;
}

/** ITER_NEXT slot t: pushes the next element (into stack slot `b + push`) and falls through, or jumps to `t` when done. */
export function iterNextEnd(end: Ending, slot: number, push: number, t: number, next: number): Block {
  const { rt, pc } = end;
  const go = jumpTo(end, t);
  const fall = end.forward(next);
  return (s, b) => {
    const item = nextItem(rt, pc, s, b + slot);
    if (item === undefined) return go(s, b);
    s[b + push] = item;
    return fall(s, b);
  };
}

/** RETURN (of `value`) or RETURN_NIL (no value). */
export function returnEnd(rt: FastRuntime, value: Operand | undefined): Block {
  if (value === undefined || value.kind === Kind.Const) {
    const v = value === undefined ? null : value.v;
    return () => {
      rt.ret = v;
      return -1;
    };
  }
  if (value.kind === Kind.Local || value.kind === Kind.Slot) {
    const k = value.k;
    return (s, b) => {
      rt.ret = s[b + k]!;
      return -1;
    };
  }
  const e = value.e;
  return (s, b) => {
    rt.ret = e(s, b);
    return -1;
  };
}

/** JUMP_UNLESS_LT/LE/GT/GE: falls through when `a OP b` holds, else jumps; a local against a constant or a local is read inline. */
export function compareJumpEnd(end: Ending, site: Site, op: CompareOp, a: Operand, b: Operand, t: number, next: number): Block {
  const holds = compareTest(site, op, a, b);
  const fall = end.forward(next);
  const go = jumpTo(end, t);
  if (a.kind !== Kind.Local || (b.kind !== Kind.Local && constNumber(b) === undefined)) return (s, base) => (holds(s, base) ? fall(s, base) : go(s, base));
  const k = a.k;
  // The right side: a constant number, or a local (its slot); non-numbers take the general test, which raises the errors.
  const n = constNumber(b) ?? 0;
  const j = b.kind === Kind.Local ? b.k : -1;
  if (j < 0) {
    switch (op) {
      case '<': return (s, base) => { const x = s[base + k]!; return (typeof x === 'number' ? x < n : holds(s, base)) ? fall(s, base) : go(s, base); };
      case '<=': return (s, base) => { const x = s[base + k]!; return (typeof x === 'number' ? x <= n : holds(s, base)) ? fall(s, base) : go(s, base); };
      case '>': return (s, base) => { const x = s[base + k]!; return (typeof x === 'number' ? x > n : holds(s, base)) ? fall(s, base) : go(s, base); };
      case '>=': return (s, base) => { const x = s[base + k]!; return (typeof x === 'number' ? x >= n : holds(s, base)) ? fall(s, base) : go(s, base); };
    }
  }
  switch (op) {
    case '<': return (s, base) => { const x = s[base + k]!; const y = s[base + j]!; return (typeof x === 'number' && typeof y === 'number' ? x < y : holds(s, base)) ? fall(s, base) : go(s, base); };
    case '<=': return (s, base) => { const x = s[base + k]!; const y = s[base + j]!; return (typeof x === 'number' && typeof y === 'number' ? x <= y : holds(s, base)) ? fall(s, base) : go(s, base); };
    case '>': return (s, base) => { const x = s[base + k]!; const y = s[base + j]!; return (typeof x === 'number' && typeof y === 'number' ? x > y : holds(s, base)) ? fall(s, base) : go(s, base); };
    case '>=': return (s, base) => { const x = s[base + k]!; const y = s[base + j]!; return (typeof x === 'number' && typeof y === 'number' ? x >= y : holds(s, base)) ? fall(s, base) : go(s, base); };
  }
}
