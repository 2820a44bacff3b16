// What the fast tier's compiler knows of a value on the bytecode's operand
// stack while it turns a basic block into closures: an expression not yet
// evaluated, a constant, a local read, or a value already written to its
// stack slot. Constants and locals let the node builders pick closures that
// read them directly instead of calling a child closure.

import type { Value } from '../values.js';
import type { Expr } from './fast-runtime.js';
import type { FieldCache } from './fields.js';

/**
 * How an operand is known. Expr: an expression to evaluate (may have effects,
 * may throw); Const: the constant `v`; Local: a read of local `k`; Slot: a
 * read of stack slot `b + k`, a value already written there; LocalPlus:
 * local `k` plus the number `v` (`n - 1`), which a consumer may compute
 * inline for a number, calling `e` for anything else; Field: `local k .name`,
 * whose cache `f` a consumer may read inline, calling `e` when it misses.
 */
export const Kind = Object.freeze({ Expr: 0, Const: 1, Local: 2, Slot: 3, LocalPlus: 4, Field: 5 } as const);
/** One of Kind's values. */
export type Kind = (typeof Kind)[keyof typeof Kind];

/** One operand-stack entry. */
export interface Operand {
  readonly kind: Kind;
  readonly e: Expr;
  /** Local or slot offset from the frame base (Local, Slot). */
  readonly k: number;
  /** The value (Const). */
  readonly v: Value;
  /** The field's inline cache (Field). */
  readonly f?: FieldCache;
  /** What an Expr computes when it is `a + b`, `a - b` or `a * b`, for a consumer that fuses it. */
  readonly bin?: Binary;
}

/** A binary arithmetic expression's operator and operands. */
export interface Binary {
  readonly op: '+' | '-' | '*';
  readonly a: Operand;
  readonly b: Operand;
}

/** An expression operand. */
export function expr(e: Expr): Operand {
  return { kind: Kind.Expr, e, k: 0, v: null };
}

/** The expression `e`, which computes `a op b`. */
export function arith(e: Expr, op: Binary['op'], a: Operand, b: Operand): Operand {
  return { kind: Kind.Expr, e, k: 0, v: null, bin: { op, a, b } };
}

/** `local k .name`, read through cache `f` (or by `e`). */
export function field(k: number, f: FieldCache, e: Expr): Operand {
  return { kind: Kind.Field, e, k, v: null, f };
}

/** A constant operand. */
export function constant(v: Value): Operand {
  return { kind: Kind.Const, e: () => v, k: 0, v };
}

/** A read of local `k`. */
export function local(k: number): Operand {
  return { kind: Kind.Local, e: (s, b) => s[b + k]!, k, v: null };
}

/** A read of stack slot `b + k`. */
export function slot(k: number): Operand {
  return { kind: Kind.Slot, e: (s, b) => s[b + k]!, k, v: null };
}

/** Local `k` plus the number `n`, computed by `e` (which raises the errors). */
export function localPlus(k: number, n: number, e: Expr): Operand {
  return { kind: Kind.LocalPlus, e, k, v: n };
}

/** True when the operand's value can change or its evaluation do something, so it must be evaluated before a later effect runs. */
export function isVolatile(o: Operand): boolean {
  return o.kind === Kind.Expr || o.kind === Kind.Local || o.kind === Kind.LocalPlus || o.kind === Kind.Field;
}

/** The constant number an operand is, or undefined. */
export function constNumber(o: Operand): number | undefined {
  return o.kind === Kind.Const && typeof o.v === 'number' ? o.v : undefined;
}
