// Compile-time values: the arithmetic fold.ts does on literals, and the
// evaluator for expressions that must be constant (`const` values, properties
// of rooms, objects, actors and costumes). Both follow the VM's semantics
// exactly and refuse anything that would raise an error, so such code stays
// in the program and fails at run time with its line. Imports AST types and
// the VM's number printer (interpolation must print exactly as the VM does).

import type * as A from '../syntax/ast.js';
import { formatNumber } from '../vm/display.js';

/** A value a literal node can hold. */
export type Scalar = number | string | boolean | null;

/** A compile-time value: scalars plus the structures constant expressions build. */
export type ConstValue =
  | Scalar
  | { t: 'list'; items: ConstValue[] }
  | { t: 'map'; entries: Array<[string, ConstValue]> }
  /** A parenthesised tuple of numbers; a pair is a point. */
  | { t: 'tuple'; items: number[] }
  | { t: 'range'; from: number; to: number }
  | { t: 'entity'; entity: string; name: string };

/** Why an expression is not a compile-time value. */
export class NotConstant {
  constructor(
    /** The sub-expression at fault, for the caret. */
    readonly node: A.Expr,
    /**
     * 'not-constant': it reads something only known at run time; 'error':
     * evaluating it would fail; 'reported': it uses a const already reported.
     */
    readonly reason: 'not-constant' | 'error' | 'reported',
  ) {}
}

/** True for null, booleans, numbers and strings. */
export function isScalar(v: ConstValue): v is Scalar {
  return v === null || typeof v !== 'object';
}

/** nil and false are falsy; everything else (0 and "" too) is truthy. */
export function isTruthy(v: Scalar): boolean {
  return v !== null && v !== false;
}

/** The scalar a literal node holds, or undefined for other nodes. */
export function literalValue(e: A.Expr): Scalar | undefined {
  switch (e.kind) {
    case 'Number':
    case 'String':
    case 'Bool':
      return e.value;
    case 'Nil':
      return null;
    default:
      return undefined;
  }
}

/** A literal node for a scalar, at `span`. */
export function literalNode(v: Scalar, span: A.Expr['span']): A.Expr {
  if (v === null) return { kind: 'Nil', span };
  if (typeof v === 'number') return { kind: 'Number', value: v, span };
  if (typeof v === 'string') return { kind: 'String', value: v, span };
  return { kind: 'Bool', value: v, span };
}

/** `-v` or `not v`, or undefined when the VM would raise an error. */
export function foldUnary(op: A.Unary['op'], v: Scalar): Scalar | undefined {
  if (op === 'not') return !isTruthy(v);
  return typeof v === 'number' ? -v : undefined;
}

/** `a OP b` for scalars, or undefined when it would raise an error or is not a scalar (`..`). */
export function foldBinary(op: A.BinaryOp, a: Scalar, b: Scalar): Scalar | undefined {
  switch (op) {
    case 'and':
      return isTruthy(a) && isTruthy(b);
    case 'or':
      return isTruthy(a) || isTruthy(b);
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '..':
      return undefined;
  }
  const numbers = typeof a === 'number' && typeof b === 'number';
  switch (op) {
    case '+':
      if (numbers) return a + b;
      return typeof a === 'string' && typeof b === 'string' ? a + b : undefined;
    case '-':
      return numbers ? a - b : undefined;
    case '*':
      return numbers ? a * b : undefined;
    case '/':
      return numbers && b !== 0 ? a / b : undefined;
    case '%':
      // Floored modulo; only whole numbers, where every formula the VM might use agrees exactly.
      if (!numbers || b === 0 || !Number.isInteger(a) || !Number.isInteger(b)) return undefined;
      return flooredMod(a, b);
  }
  const comparable = numbers || (typeof a === 'string' && typeof b === 'string');
  if (!comparable) return undefined;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

function flooredMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

/** How a scalar prints inside an interpolated string: as the VM's CONCAT prints it. */
export function printedForm(v: Scalar): string {
  if (v === null) return 'nil';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return formatNumber(v);
}

/**
 * Evaluates an expression that must be constant. `name` gives the value of a
 * name (a const or an entity) or undefined when it is not constant. Tuples of
 * any size are allowed (properties use 4-tuples). Throws NotConstant.
 */
export function evaluate(e: A.Expr, name: (ref: A.NameRef) => ConstValue | undefined): ConstValue {
  switch (e.kind) {
    case 'Number':
    case 'String':
    case 'Bool':
      return e.value;
    case 'Nil':
      return null;
    case 'Name': {
      const v = name(e);
      if (v === undefined) throw new NotConstant(e, 'not-constant');
      return v;
    }
    case 'List':
      return { t: 'list', items: e.items.map((i) => evaluate(i, name)) };
    case 'Map':
      return { t: 'map', entries: e.entries.map((m) => [m.key, evaluate(m.value, name)]) };
    case 'Tuple':
      return {
        t: 'tuple',
        items: e.items.map((i) => {
          const v = evaluate(i, name);
          if (typeof v !== 'number') throw new NotConstant(i, 'error');
          return v;
        }),
      };
    case 'Interp': {
      let text = '';
      for (const part of e.parts) {
        if (typeof part === 'string') {
          text += part;
          continue;
        }
        const v = evaluate(part, name);
        if (!isScalar(v)) throw new NotConstant(part, 'not-constant');
        text += printedForm(v);
      }
      return text;
    }
    case 'Unary': {
      const v = evaluate(e.operand, name);
      const r = isScalar(v) ? foldUnary(e.op, v) : e.op === 'not' ? false : undefined;
      if (r === undefined) throw new NotConstant(e, 'error');
      return r;
    }
    case 'Binary': {
      const a = evaluate(e.left, name);
      const b = evaluate(e.right, name);
      if (e.op === '..') {
        if (typeof a === 'number' && typeof b === 'number') return { t: 'range', from: a, to: b };
        throw new NotConstant(e, 'error');
      }
      const r = isScalar(a) && isScalar(b) ? foldBinary(e.op, a, b) : undefined;
      if (r === undefined) throw new NotConstant(e, isScalar(a) && isScalar(b) ? 'error' : 'not-constant');
      return r;
    }
    case 'Call':
    case 'Index':
    case 'Member':
    case 'Spawn':
      throw new NotConstant(e, 'not-constant');
  }
}
