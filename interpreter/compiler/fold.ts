// Pass 4, fold: constant folding, in place on the checked AST. Guarantees to
// emit: names of scalar consts are replaced by literals; unary, binary and
// interpolation nodes over literals are replaced by their value wherever the
// VM would compute it without error (never `1 / 0`: that stays, to fail at
// run time with its line); `if`/`while` on a literal condition lose their
// dead branch. Each const's value is known (`constValues`); a const whose
// value reads run-time state is reported as NOT_CONSTANT.

import type * as A from '../syntax/ast.js';
import { AstWalker } from './ast-walker.js';
import type { Diagnostics } from './diagnostics.js';
import { evaluate, foldBinary, foldUnary, isScalar, isTruthy, literalNode, literalValue, NotConstant, printedForm, type ConstValue } from './constants.js';
import type { GlobalInit, GlobalSymbol, ProgramModel } from './program-model.js';
import { keepAlive } from '../keep-alive.js';

type ConstSymbol = Extract<GlobalSymbol, { kind: 'const' }>;

/**
 * The compile-time value of each const, or why it has none: NotConstant with
 * reason 'error' (computing it fails: the init code raises that at run time)
 * or 'reported' (not constant; already reported).
 */
export type ConstValues = Map<ConstSymbol, ConstValue | NotConstant>;

/** Folds every unit of the model in place; returns the consts' values. */
export function fold(model: ProgramModel, diag: Diagnostics): ConstValues {
  const f = new Folder(model, diag);
  f.evaluateConsts();
  for (const unit of model.units) {
    for (const p of unit.params) if (p.default) p.default = f.expr(p.default);
    for (const init of unit.inits ?? []) init.expr = f.expr(init.expr);
    f.block(unit.body);
  }
  return f.values;
}

class Folder extends AstWalker {
  readonly values: ConstValues = new Map();
  private readonly inits = new Map<number, GlobalInit>();
  private readonly pending = new Set<ConstSymbol>();

  constructor(
    private readonly model: ProgramModel,
    private readonly diag: Diagnostics,
  ) {
    super();
    keepAlive(this);
    for (const unit of model.units) for (const init of unit.inits ?? []) this.inits.set(init.global, init);
  }

  evaluateConsts(): void {
    for (const symbol of this.model.globals.values()) if (symbol.kind === 'const') this.constValue(symbol);
  }

  /** The value of a const, computing (and checking) it on first use; undefined when it has none. */
  constValue(symbol: ConstSymbol): ConstValue | undefined {
    const v = this.valueOrFailure(symbol);
    return v instanceof NotConstant ? undefined : v;
  }

  private valueOrFailure(symbol: ConstSymbol): ConstValue | NotConstant {
    const known = this.values.get(symbol);
    if (known !== undefined || this.values.has(symbol)) return known!;
    if (this.pending.has(symbol)) {
      this.diag.error('NOT_CONSTANT', `The constant \`${symbol.name}\` is defined in terms of itself.`, symbol.decl.name.span);
      const failure = new NotConstant(symbol.decl.value, 'reported');
      this.values.set(symbol, failure);
      return failure;
    }
    this.pending.add(symbol);
    let value: ConstValue | NotConstant;
    try {
      value = evaluate(symbol.decl.value, (ref) => this.nameValue(ref));
    } catch (e) {
      if (!(e instanceof NotConstant)) throw e;
      value = e.reason === 'not-constant' ? new NotConstant(e.node, 'reported') : e;
      if (e.reason === 'not-constant') {
        this.diag.error('NOT_CONSTANT', `The value of the constant \`${symbol.name}\` must be known before the game runs.`, e.node.span, {
          hint: `a const may use literals, other consts and operators; use \`var ${symbol.name} = …\` for a value computed at run time`,
        });
      }
    }
    this.pending.delete(symbol);
    // A cycle may have recorded a failure for this const meanwhile; keep that one.
    if (!this.values.has(symbol)) this.values.set(symbol, value);
    const final = this.values.get(symbol)!;
    const init = this.inits.get(symbol.global);
    if (init && !(final instanceof NotConstant) && isScalar(final)) init.expr = literalNode(final, init.expr.span);
    return final;
  }

  /** A name inside a const's value: another const, or an entity. */
  private nameValue(ref: A.NameRef): ConstValue | undefined {
    const symbol = this.model.globals.get(ref.name);
    if (symbol?.kind === 'entity') return { t: 'entity', entity: symbol.entity, name: symbol.name };
    if (symbol?.kind !== 'const') return undefined;
    const v = this.valueOrFailure(symbol);
    if (v instanceof NotConstant) throw new NotConstant(ref, v.reason);
    return v;
  }

  // ─── Statements ──────────────────────────────────────────────────────────

  /** The folded statement, or undefined when it folds away. */
  override stmt(s: A.Stmt): A.Stmt | undefined {
    switch (s.kind) {
      case 'If': {
        s.cond = this.expr(s.cond);
        const c = literalValue(s.cond);
        if (c !== undefined) return isTruthy(c) ? this.stmt(s.then) : s.otherwise ? this.stmt(s.otherwise) : undefined;
        // The default traversal folds the branches (and the folded condition again, which leaves it as it is).
        return super.stmt(s);
      }
      case 'While': {
        s.cond = this.expr(s.cond);
        const c = literalValue(s.cond);
        if (c !== undefined && !isTruthy(c)) return undefined;
        this.block(s.body);
        return s;
      }
      default:
        return super.stmt(s);
    }
  }

  // ─── Expressions ─────────────────────────────────────────────────────────

  /** The folded expression: a literal node where the value is known, else `e` with folded parts. */
  override expr(e: A.Expr): A.Expr {
    switch (e.kind) {
      case 'Name': {
        const binding = this.model.bindings.get(e);
        if (binding?.kind !== 'const') return e;
        const v = this.constValue(binding.symbol);
        return v !== undefined && isScalar(v) ? literalNode(v, e.span) : e;
      }
      case 'Unary': {
        e.operand = this.expr(e.operand);
        const v = literalValue(e.operand);
        const r = v === undefined ? undefined : foldUnary(e.op, v);
        return r === undefined ? e : literalNode(r, e.span);
      }
      case 'Binary':
        return this.binary(e);
      case 'Interp':
        return this.interp(e);
      default:
        return super.expr(e);
    }
  }

  private binary(e: A.Binary): A.Expr {
    e.left = this.expr(e.left);
    const a = literalValue(e.left);
    // `false and x`, `true or x`: the right side never runs, and the result is known.
    if (a !== undefined && (e.op === 'and' || e.op === 'or') && isTruthy(a) === (e.op === 'or')) return literalNode(e.op === 'or', e.span);
    e.right = this.expr(e.right);
    const b = literalValue(e.right);
    if (a === undefined || b === undefined) return e;
    const r = foldBinary(e.op, a, b);
    return r === undefined ? e : literalNode(r, e.span);
  }

  private interp(e: A.InterpLit): A.Expr {
    const parts: Array<string | A.Expr> = [];
    for (const part of e.parts) {
      const folded = typeof part === 'string' ? part : this.expr(part);
      const v = typeof folded === 'string' ? folded : literalValue(folded);
      const text = v === undefined ? undefined : typeof v === 'string' ? v : printedForm(v);
      const last = parts[parts.length - 1];
      if (text !== undefined && typeof last === 'string') parts[parts.length - 1] = last + text;
      else parts.push(text ?? (folded as A.Expr));
    }
    e.parts = parts;
    if (parts.length === 0) return literalNode('', e.span);
    if (parts.length === 1 && typeof parts[0] === 'string') return literalNode(parts[0], e.span);
    return e;
  }
}
