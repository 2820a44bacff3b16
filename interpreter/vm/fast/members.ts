// The fast tier's closures for members, indexing and building values (lists,
// maps, points, interpolated and translated strings, `for … in`
// preparation). Fast cases are inline as in the dispatch loop; everything
// else goes to the same slow paths
// (operations.ts), after recording the instruction and stack top. Values an
// instruction takes from the stack are written to their stack slots first
// where a slow path reads them there or may measure memory meanwhile.

import { SIZE } from '../memory.js';
import { buildMap, concatValues, indexGet, indexSet, iterPrep, makePoint } from '../operations.js';
import { stackUnderflow } from '../runtime-errors.js';
import type { TextEntry } from '../../bytecode/module.js';
import { evaluateText } from '../texts.js';
import { isMap, type Value } from '../values.js';
import type { Expr, Stmt } from './fast-runtime.js';
import type { Site } from './arithmetic.js';
import { Kind, type Operand } from './operands.js';

/** INDEX_GET: `t[i]`. */
export function indexGetNode(site: Site, t: Operand, i: Operand): Expr {
  const { rt, pc, sp } = site;
  const et = t.e;
  const ei = i.e;
  return (s, base) => {
    const target = et(s, base);
    const index = ei(s, base);
    let v: Value | undefined;
    if (Array.isArray(target)) {
      if (typeof index === 'number') v = target[index];
    } else if (isMap(target) && typeof index === 'string') v = target.get(index);
    if (v !== undefined) return v;
    rt.save(pc, base + sp);
    return rt.back(indexGet(target, index));
  };
}

/** INDEX_SET: `t[i] = v`. */
export function indexSetStmt(site: Site, t: Operand, i: Operand, v: Operand): Stmt {
  const { rt, pc, sp } = site;
  const et = t.e;
  const ei = i.e;
  const ev = v.e;
  return (s, base) => {
    const target = et(s, base);
    const index = ei(s, base);
    const value = ev(s, base);
    if (Array.isArray(target) && typeof index === 'number' && index >= 0 && index < target.length && Number.isInteger(index)) {
      target[index] = value;
      return;
    }
    rt.save(pc, base + sp);
    indexSet(rt.vm, target, index, value);
    rt.back(null);
  };
}

/** Writes operands to their stack slots `from …` (as the interpreter holds them) and returns the slot after the last. */
function spill(ops: readonly Operand[]): (s: Value[], base: number, from: number) => void {
  const es = ops.map((o) => o.e);
  const n = es.length;
  return (s, base, from) => {
    for (let i = 0; i < n; i++) s[base + from + i] = es[i]!(s, base);
  };
}

/** What an instruction taking more values than an unverified module's stack holds does: the interpreter's error. */
function underflowNode({ rt, pc }: Site): Expr {
  return () => {
    rt.fail(pc);
    throw stackUnderflow();
  };
}

/** The collection builders: LIST n, MAP n (n pairs), CONCAT n; `ops` are the values they take, bottom first. */
export function buildNode(site: Site, kind: 'list' | 'map' | 'concat', ops: readonly Operand[]): Expr {
  const { rt, pc, sp } = site;
  const n = ops.length;
  const from = sp - n;
  const write = spill(ops);
  // The verifier guarantees the values are there; an unverified module gets the interpreter's error.
  if (from < 0) return underflowNode(site);
  switch (kind) {
    case 'list':
      return (s, base) => {
        write(s, base, from);
        rt.save(pc, base + sp);
        rt.vm.charge(SIZE.list + SIZE.slot * n);
        return rt.back(s.slice(base + from, base + sp));
      };
    case 'map':
      return (s, base) => {
        write(s, base, from);
        rt.save(pc, base + sp);
        return rt.back(buildMap(rt.vm, s, base + from, n / 2));
      };
    case 'concat':
      return (s, base) => {
        write(s, base, from);
        rt.save(pc, base + sp);
        return rt.back(concatValues(rt.vm, s, base + from, n));
      };
  }
}

/** TEXT: `entry` in the running VM's language, from the values `ops` (bottom first). */
export function textNode(site: Site, entry: TextEntry, ops: readonly Operand[]): Expr {
  const { rt, pc, sp } = site;
  const n = ops.length;
  const from = sp - n;
  const write = spill(ops);
  if (from < 0) return underflowNode(site);
  return (s, base) => {
    write(s, base, from);
    rt.save(pc, base + sp);
    return rt.back(evaluateText(rt.vm, entry, s, base + from, n));
  };
}

/** POINT: `(x, y)`. */
export function pointNode(site: Site, x: Operand, y: Operand): Expr {
  const { rt, pc, sp } = site;
  const ex = x.e;
  const ey = y.e;
  return (s, base) => {
    const a = ex(s, base);
    const b = ey(s, base);
    rt.save(pc, base + sp);
    return rt.back(makePoint(rt.vm, a, b));
  };
}

/** ITER_PREP: what `for … in` walks. */
export function iterPrepNode(site: Site, v: Operand): Expr {
  const { rt, pc, sp } = site;
  const ev = v.e;
  return (s, base) => {
    const x = ev(s, base);
    if (Array.isArray(x)) return x;
    rt.save(pc, base + sp);
    return rt.back(iterPrep(rt.vm, x));
  };
}
