// The fast tier's closures for operators: arithmetic, comparison, equality,
// negation and truth. Each does what its opcode's case in the dispatch loop
// does, calling the same slow paths and raising the same errors; a node that
// may throw first records its instruction (FastRuntime.save) so the error is
// placed where the interpreter would place it.

import { CairnError } from '../../errors.js';
import { valuesEqual } from '../equality.js';
import { addValues, compareCost, floorMod, makeRange } from '../operations.js';
import { arithmeticError, budgetError, compareError, divideByZero } from '../runtime-errors.js';
import type { Value } from '../values.js';
import type { Expr, FastRuntime } from './fast-runtime.js';
import { constNumber, Kind, type Operand } from './operands.js';

/** Where a node stands: its instruction and the interpreter's stack top there (relative to the frame base). */
export interface Site {
  readonly rt: FastRuntime;
  readonly pc: number;
  readonly sp: number;
}

/** The comparison operators, by the JUMP_UNLESS_* / LT… order. */
export type CompareOp = '<' | '<=' | '>' | '>=';

/** `a + b` (ADD), or `a + n` (ADD_INT) when `b` is a constant. */
export function addNode(site: Site, a: Operand, b: Operand): Expr {
  const { rt, pc, sp } = site;
  const slow = (x: Value, y: Value, base: number): Value => {
    rt.save(pc, base + sp);
    return rt.back(addValues(rt.vm, x, y));
  };
  const n = constNumber(b);
  if (n !== undefined) {
    if (a.kind === Kind.Local) {
      const k = a.k;
      return (s, base) => {
        const x = s[base + k]!;
        return typeof x === 'number' ? x + n : slow(x, n, base);
      };
    }
    const ea = a.e;
    return (s, base) => {
      const x = ea(s, base);
      return typeof x === 'number' ? x + n : slow(x, n, base);
    };
  }
  const ea = a.e;
  const eb = b.e;
  return (s, base) => {
    const x = ea(s, base);
    const y = eb(s, base);
    return typeof x === 'number' && typeof y === 'number' ? x + y : slow(x, y, base);
  };
}

/** ADD_INT's own error names `+` with the immediate even for non-numbers (no string joining). */
export function addIntNode(site: Site, a: Operand, n: number): Expr {
  const { rt, pc } = site;
  const fail = (x: Value): never => {
    rt.fail(pc);
    throw arithmeticError('+', x, n);
  };
  if (a.kind === Kind.Local) {
    const k = a.k;
    return (s, base) => {
      const x = s[base + k]!;
      return typeof x === 'number' ? x + n : fail(x);
    };
  }
  const ea = a.e;
  return (s, base) => {
    const x = ea(s, base);
    return typeof x === 'number' ? x + n : fail(x);
  };
}

/** `-`, `*`, `/`, `%` on two numbers; anything else is a TYPE_ERROR, a zero divisor DIVIDE_BY_ZERO. */
export function numericNode(site: Site, op: '-' | '*' | '/' | '%', a: Operand, b: Operand): Expr {
  const { rt, pc } = site;
  const fail = (err: CairnError): never => {
    rt.fail(pc);
    throw err;
  };
  const ea = a.e;
  const n = constNumber(b);
  if (op === '-' && n !== undefined) {
    return (s, base) => {
      const x = ea(s, base);
      return typeof x === 'number' ? x - n : fail(arithmeticError('-', x, n));
    };
  }
  const eb = b.e;
  switch (op) {
    case '-':
      return (s, base) => {
        const x = ea(s, base);
        const y = eb(s, base);
        return typeof x === 'number' && typeof y === 'number' ? x - y : fail(arithmeticError('-', x, y));
      };
    case '*':
      return (s, base) => {
        const x = ea(s, base);
        const y = eb(s, base);
        return typeof x === 'number' && typeof y === 'number' ? x * y : fail(arithmeticError('*', x, y));
      };
    case '/':
      return (s, base) => {
        const x = ea(s, base);
        const y = eb(s, base);
        if (typeof x !== 'number' || typeof y !== 'number') return fail(arithmeticError('/', x, y));
        return y === 0 ? fail(divideByZero('/')) : x / y;
      };
    case '%':
      return (s, base) => {
        const x = ea(s, base);
        const y = eb(s, base);
        if (typeof x !== 'number' || typeof y !== 'number') return fail(arithmeticError('%', x, y));
        return y === 0 ? fail(divideByZero('%')) : floorMod(x, y);
      };
  }
}

/** NEG. */
export function negNode(site: Site, a: Operand): Expr {
  const { rt, pc } = site;
  const ea = a.e;
  return (s, base) => {
    const x = ea(s, base);
    if (typeof x === 'number') return -x;
    rt.fail(pc);
    throw arithmeticError('neg', x);
  };
}

/** NOT (`truth` false) or TO_BOOL (`truth` true). */
export function truthNode(a: Operand, truth: boolean): Expr {
  const ea = a.e;
  return truth ? (s, base) => { const x = ea(s, base); return x !== null && x !== false; } : (s, base) => { const x = ea(s, base); return x === null || x === false; };
}

/** `a == b` (or `!=` when `negate`), by value. */
export function equalNode(site: Site, a: Operand, b: Operand, negate: boolean): Expr {
  const test = equalTest(site, a, b);
  return negate ? (s, base) => !test(s, base) : test;
}

/** The test of `a == b`, as the JUMP_UNLESS_EQ/NE terminators use it. */
export function equalTest(site: Site, a: Operand, b: Operand): (s: Value[], base: number) => boolean {
  const { rt, pc, sp } = site;
  const ea = a.e;
  const eb = b.e;
  return (s, base) => {
    const x = ea(s, base);
    const y = eb(s, base);
    if (typeof x === 'number' && typeof y === 'number') return x === y;
    rt.save(pc, base + sp);
    return rt.back(valuesEqual(x, y, rt.vm));
  };
}

/** The test of `a OP b` for two numbers or two strings (long strings cost budget); else TYPE_ERROR. */
export function compareTest(site: Site, op: CompareOp, a: Operand, b: Operand): (s: Value[], base: number) => boolean {
  const { rt, pc } = site;
  const strings = (x: Value, y: Value): boolean => {
    if (typeof x !== 'string' || typeof y !== 'string') {
      rt.fail(pc);
      throw compareError(op, x, y);
    }
    if ((rt.fuel -= compareCost(x, y)) < 0) {
      rt.fail(pc);
      throw budgetError(rt.vm.limits.instructionsPerTick);
    }
    return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  };
  const n = constNumber(b);
  if (n !== undefined && a.kind === Kind.Local) {
    const k = a.k;
    switch (op) {
      case '<':
        return (s, base) => { const x = s[base + k]!; return typeof x === 'number' ? x < n : strings(x, n); };
      case '<=':
        return (s, base) => { const x = s[base + k]!; return typeof x === 'number' ? x <= n : strings(x, n); };
      case '>':
        return (s, base) => { const x = s[base + k]!; return typeof x === 'number' ? x > n : strings(x, n); };
      case '>=':
        return (s, base) => { const x = s[base + k]!; return typeof x === 'number' ? x >= n : strings(x, n); };
    }
  }
  const ea = a.e;
  const eb = b.e;
  switch (op) {
    case '<':
      return (s, base) => { const x = ea(s, base); const y = eb(s, base); return typeof x === 'number' && typeof y === 'number' ? x < y : strings(x, y); };
    case '<=':
      return (s, base) => { const x = ea(s, base); const y = eb(s, base); return typeof x === 'number' && typeof y === 'number' ? x <= y : strings(x, y); };
    case '>':
      return (s, base) => { const x = ea(s, base); const y = eb(s, base); return typeof x === 'number' && typeof y === 'number' ? x > y : strings(x, y); };
    case '>=':
      return (s, base) => { const x = ea(s, base); const y = eb(s, base); return typeof x === 'number' && typeof y === 'number' ? x >= y : strings(x, y); };
  }
}

/** RANGE: `a..b`. */
export function rangeNode(site: Site, a: Operand, b: Operand): Expr {
  const { rt, pc, sp } = site;
  const ea = a.e;
  const eb = b.e;
  return (s, base) => {
    const x = ea(s, base);
    const y = eb(s, base);
    rt.save(pc, base + sp);
    return rt.back(makeRange(rt.vm, x, y));
  };
}
