// Emits expressions, and conditions as branches. Each expression leaves
// exactly one value on the stack. Conditions that are comparisons become the
// fused JUMP_UNLESS_xx; `and`/`or` short-circuit with jumps and yield booleans.
// Instructions that can fail at run time carry the position of their operator.

import type * as A from '../syntax/ast.js';
import type { OpName } from '../bytecode/opcodes.js';
import { literalText, placeholder } from './collect-strings.js';
import { isTruthy, literalValue } from './constants.js';
import { Label } from './emit-function.js';
import type { EmitContext } from './emit-context.js';

const ARITH: Partial<Record<A.BinaryOp, OpName>> = { '+': 'ADD', '-': 'SUB', '*': 'MUL', '/': 'DIV', '%': 'MOD', '==': 'EQ', '!=': 'NE', '<': 'LT', '<=': 'LE', '>': 'GT', '>=': 'GE', '..': 'RANGE' };
const JUMP_UNLESS: Partial<Record<A.BinaryOp, OpName>> = { '<': 'JUMP_UNLESS_LT', '<=': 'JUMP_UNLESS_LE', '>': 'JUMP_UNLESS_GT', '>=': 'JUMP_UNLESS_GE', '==': 'JUMP_UNLESS_EQ', '!=': 'JUMP_UNLESS_NE' };

const isInt32 = (n: number): boolean => Number.isInteger(n) && n >= -0x80000000 && n <= 0x7fffffff && !Object.is(n, -0);

/** Pushes a number: INT for small whole numbers, else a constant. */
export function emitNumber(cx: EmitContext, n: number): void {
  if (isInt32(n)) cx.fb.op('INT', n);
  else cx.fb.op('CONST', cx.mod.number(n));
}

/** Emits `e`, leaving its value on the stack. */
export function emitExpr(cx: EmitContext, e: A.Expr): void {
  const fb = cx.fb;
  switch (e.kind) {
    case 'Number':
      return emitNumber(cx, e.value);
    case 'String': {
      fb.op('CONST', cx.mod.string(e.value));
      const t = translatableText(cx, e);
      if (t !== undefined) fb.op('TEXT', t, 1);
      return;
    }
    case 'Bool':
      return fb.op(e.value ? 'TRUE' : 'FALSE');
    case 'Nil':
      return fb.op('NIL');
    case 'Interp':
      for (const part of e.parts) {
        if (typeof part === 'string') fb.op('CONST', cx.mod.string(part));
        else emitExpr(cx, part);
      }
      fb.at(e.span.start);
      {
        const t = translatableText(cx, e);
        return t === undefined ? fb.op('CONCAT', e.parts.length) : fb.op('TEXT', t, e.parts.length);
      }
    case 'List':
      for (const item of e.items) emitExpr(cx, item);
      return fb.op('LIST', e.items.length);
    case 'Map':
      for (const entry of e.entries) {
        fb.op('CONST', cx.mod.string(entry.key));
        emitExpr(cx, entry.value);
      }
      return fb.op('MAP', e.entries.length);
    case 'Tuple':
      emitPair(cx, e.items[0]!, e.items[1]!);
      fb.at(e.span.start);
      return fb.op('POINT');
    case 'Name':
      return emitName(cx, e);
    case 'Unary':
      emitExpr(cx, e.operand);
      fb.at(e.span.start);
      return fb.op(e.op === '-' ? 'NEG' : 'NOT');
    case 'Binary':
      return emitBinary(cx, e);
    case 'Call':
      return emitCall(cx, e, false);
    case 'Spawn':
      return emitCall(cx, e.call, true);
    case 'Index':
      emitPair(cx, e.target, e.index);
      fb.at(e.index.span.start);
      return fb.op('INDEX_GET');
    case 'Member':
      emitExpr(cx, e.target);
      fb.at(e.name.span.start);
      return fb.op('MEMBER_GET', cx.mod.string(e.name.name));
  }
}

/**
 * The text-table index of a translatable line, or undefined. A literal whose
 * text folding changed (a const spliced in) no longer matches its id's source
 * text, so it stays plain.
 */
function translatableText(cx: EmitContext, e: A.StringLit | A.InterpLit): number | undefined {
  const entry = cx.mod.translatable.byNode.get(e);
  if (entry === undefined || entry.role !== 'line' || literalText(e) !== entry.text) return undefined;
  return cx.mod.text({ id: entry.id, forms: [slotsOf(e)] });
}

/** The slots of a literal text: '' for each piece of literal text, the placeholder name for each value. */
function slotsOf(e: A.Expr): string[] {
  if (e.kind !== 'Interp') return [''];
  let n = 0;
  return e.parts.map((p) => (typeof p === 'string' ? '' : placeholder(p, ++n)));
}

/** Pushes the pieces and values of a literal text, as CONCAT or TEXT pops them. */
function emitPieces(cx: EmitContext, e: A.Expr): void {
  if (e.kind !== 'Interp') return emitExpr(cx, e);
  for (const part of e.parts) {
    if (typeof part === 'string') cx.fb.op('CONST', cx.mod.string(part));
    else emitExpr(cx, part);
  }
}

/**
 * `plural(n, "{n} coin", "{n} coins")` with collected literal forms: the count,
 * then both forms' pieces, then one TEXT, which picks the form by the rules of
 * the language played. False (nothing emitted) when it is not such a call.
 */
function emitPluralText(cx: EmitContext, e: A.Call): boolean {
  const entry = cx.mod.translatable.byNode.get(e);
  const [count, one, other] = e.args as [A.Expr, A.Expr, A.Expr];
  if (entry?.plural === undefined || literalText(one) !== entry.text || literalText(other) !== entry.plural) return false;
  const forms = [slotsOf(one), slotsOf(other)];
  const t = cx.mod.text({ id: entry.id, forms });
  emitExpr(cx, count);
  emitPieces(cx, one);
  emitPieces(cx, other);
  cx.fb.at(e.span.start);
  cx.fb.op('TEXT', t, 1 + forms[0]!.length + forms[1]!.length);
  return true;
}

/** Pushes two values; two locals in one GET_LOCAL2. */
export function emitPair(cx: EmitContext, a: A.Expr, b: A.Expr): void {
  const sa = localSlot(cx, a);
  const sb = sa < 0 ? -1 : localSlot(cx, b);
  if (sa >= 0 && sb >= 0) return cx.fb.op('GET_LOCAL2', sa, sb);
  emitExpr(cx, a);
  emitExpr(cx, b);
}

/** The slot of a local variable reference, or -1. */
export function localSlot(cx: EmitContext, e: A.Expr): number {
  if (e.kind !== 'Name') return -1;
  const b = cx.model.bindings.get(e);
  return b?.kind === 'local' ? b.slot : -1;
}

function emitName(cx: EmitContext, e: A.NameRef | A.Ident): void {
  const b = cx.model.bindings.get(e);
  const fb = cx.fb;
  switch (b?.kind) {
    case 'local':
      return fb.op('GET_LOCAL', b.slot);
    case 'global':
      return fb.op('GET_GLOBAL', b.index);
    case 'const':
      // Scalar consts were folded away; the rest live in their global.
      return fb.op('GET_GLOBAL', b.symbol.global);
    case 'fn':
      return fb.op('FN', b.fn);
    case 'entity':
      return fb.op('CONST', cx.mod.entity(b.entity, b.name));
    case 'native':
      // Only `here`-like natives get here (check.ts): naming one calls it.
      fb.at(e.span.start);
      return fb.op('CALL_NATIVE', cx.mod.native(b.native.name), 0);
    default:
      throw new Error(`compiler bug: unresolved name \`${e.name}\``);
  }
}

/** Emits an entity argument of an adventure statement (an entity or a variable holding one). */
export function emitEntity(cx: EmitContext, ident: A.Ident): void {
  emitName(cx, ident);
}

function emitBinary(cx: EmitContext, e: A.Binary): void {
  const fb = cx.fb;
  if (e.op === 'and' || e.op === 'or') {
    const left = literalValue(e.left);
    // After folding, a literal left side here always lets the right side decide.
    if (left !== undefined) {
      emitExpr(cx, e.right);
      return fb.op('TO_BOOL');
    }
    const end = new Label();
    emitExpr(cx, e.left);
    fb.op('DUP');
    fb.jump(e.op === 'and' ? 'JUMP_IF_FALSE' : 'JUMP_IF_TRUE', end);
    fb.op('POP');
    emitExpr(cx, e.right);
    fb.bind(end);
    return fb.op('TO_BOOL');
  }
  const right = literalValue(e.right);
  if ((e.op === '+' || e.op === '-') && typeof right === 'number' && right !== 0 && isInt32(right) && isInt32(-right)) {
    emitExpr(cx, e.left);
    fb.at(e.opSpan.start);
    return fb.op('ADD_INT', e.op === '+' ? right : -right);
  }
  emitPair(cx, e.left, e.right);
  fb.at(e.opSpan.start);
  fb.op(ARITH[e.op]!);
}

/** Emits a call (or `spawn` of one): direct to a known function or native, else through the value. */
export function emitCall(cx: EmitContext, e: A.Call, spawn: boolean): void {
  const fb = cx.fb;
  const b = e.callee.kind === 'Name' ? cx.model.bindings.get(e.callee) : undefined;
  const argc = e.args.length;
  if (b?.kind === 'native' && b.native.name === 'plural' && !spawn && emitPluralText(cx, e)) return;
  if (b?.kind === 'fn' || b?.kind === 'native') {
    for (const arg of e.args) emitExpr(cx, arg);
    fb.at(e.span.start);
    if (b.kind === 'native') return fb.op('CALL_NATIVE', cx.mod.native(b.native.name), argc);
    return fb.op(spawn ? 'SPAWN' : 'CALL', b.fn, argc);
  }
  emitExpr(cx, e.callee);
  for (const arg of e.args) emitExpr(cx, arg);
  fb.at(e.span.start);
  fb.op(spawn ? 'SPAWN_VALUE' : 'CALL_VALUE', argc);
}

/** Jumps to `label` when `e` is falsy; falls through when truthy. */
export function emitBranchFalse(cx: EmitContext, e: A.Expr, label: Label): void {
  const fb = cx.fb;
  const v = literalValue(e);
  if (v !== undefined) {
    if (!isTruthy(v)) fb.jump('JUMP', label);
    return;
  }
  if (e.kind === 'Unary' && e.op === 'not') return emitBranchTrue(cx, e.operand, label);
  if (e.kind === 'Binary') {
    const fused = JUMP_UNLESS[e.op];
    if (fused) {
      emitPair(cx, e.left, e.right);
      fb.at(e.opSpan.start);
      return fb.jump(fused, label);
    }
    if (e.op === 'and') {
      emitBranchFalse(cx, e.left, label);
      return emitBranchFalse(cx, e.right, label);
    }
    if (e.op === 'or') {
      const taken = new Label();
      emitBranchTrue(cx, e.left, taken);
      emitBranchFalse(cx, e.right, label);
      return fb.bind(taken);
    }
  }
  emitExpr(cx, e);
  fb.jump('JUMP_IF_FALSE', label);
}

/** Jumps to `label` when `e` is truthy; falls through when falsy. */
export function emitBranchTrue(cx: EmitContext, e: A.Expr, label: Label): void {
  const fb = cx.fb;
  const v = literalValue(e);
  if (v !== undefined) {
    if (isTruthy(v)) fb.jump('JUMP', label);
    return;
  }
  if (e.kind === 'Unary' && e.op === 'not') return emitBranchFalse(cx, e.operand, label);
  if (e.kind === 'Binary') {
    // `a == b` holds exactly when `a != b` fails, so equality fuses both ways.
    if (e.op === '==' || e.op === '!=') {
      emitPair(cx, e.left, e.right);
      fb.at(e.opSpan.start);
      return fb.jump(e.op === '==' ? 'JUMP_UNLESS_NE' : 'JUMP_UNLESS_EQ', label);
    }
    if (e.op === 'or') {
      emitBranchTrue(cx, e.left, label);
      return emitBranchTrue(cx, e.right, label);
    }
    if (e.op === 'and') {
      const fails = new Label();
      emitBranchFalse(cx, e.left, fails);
      emitBranchTrue(cx, e.right, label);
      return fb.bind(fails);
    }
  }
  emitExpr(cx, e);
  fb.jump('JUMP_IF_TRUE', label);
}
