// The fast tier's field access: `t.name` and `t.name = v` with an inline
// cache per instruction. A record (shaped-map.ts) of the shape the site last
// saw is read or written by slot; anything else takes the general path, which
// fills the cache. The read-modify-write games do all day — `p.x = p.x + p.vx`,
// `hero.hp = hero.hp - 3` — is one closure when the target is a local: one
// shape check, two slot reads, one write; whenever that check or the numbers
// fail it falls back to the very closures it was built from, so results and
// errors are the general path's.

import { mapSet, memberGet, memberSet } from '../operations.js';
import { NO_SHAPE, ShapedMap, type Shape } from '../shaped-map.js';
import { ThreadState } from '../thread.js';
import { isMap, type Value } from '../values.js';
import type { Site } from './arithmetic.js';
import type { Expr, Stmt } from './fast-runtime.js';
import { STOPPED } from './fast-runtime.js';
import { constNumber, expr, field, Kind, type Operand } from './operands.js';

/** One field-access site's inline cache: the record shape it last saw and the slot `name` has in it. */
export class FieldCache {
  shape: Shape = NO_SHAPE;
  slot = -1;
  constructor(readonly name: string) {}

  /** The slot of the field in `t` when it is a record that has it (remembering its shape), else -1. */
  slotIn(t: Value): number {
    if (!(t instanceof ShapedMap)) return -1;
    const slot = t.shape.slots.get(this.name);
    if (slot === undefined) return -1;
    this.shape = t.shape;
    this.slot = slot;
    return slot;
  }
}

/** MEMBER_GET: `t.name`; of a local target, a Field operand a consumer may read inline. */
export function memberGetOperand(site: Site, t: Operand, name: string): Operand {
  const { rt, pc, sp } = site;
  const ic = new FieldCache(name);
  const slow = (target: Value, base: number): Value => {
    const slot = ic.slotIn(target);
    if (slot >= 0) return (target as ShapedMap).vals[slot]!;
    if (isMap(target)) {
      const v = target.get(name);
      if (v !== undefined) return v;
    }
    rt.save(pc, base + sp);
    return rt.back(memberGet(rt.vm, target, name));
  };
  if (t.kind === Kind.Local) {
    const k = t.k;
    const e: Expr = (s, base) => {
      const target = s[base + k]!;
      if (target instanceof ShapedMap && target.shape === ic.shape) return target.vals[ic.slot]!;
      return slow(target, base);
    };
    return field(k, ic, e);
  }
  const et = t.e;
  return expr((s, base) => {
    const target = et(s, base);
    if (target instanceof ShapedMap && target.shape === ic.shape) return target.vals[ic.slot]!;
    return slow(target, base);
  });
}

/** MEMBER_SET: `t.name = v`; a host setter may stop the running thread. */
export function memberSetStmt(site: Site, t: Operand, v: Operand, name: string): Stmt {
  const { rt, pc, sp } = site;
  const ic = new FieldCache(name);
  const set = (target: Value, value: Value, base: number): void => {
    const slot = ic.slotIn(target);
    if (slot >= 0) {
      (target as ShapedMap).vals[slot] = value;
      return;
    }
    if (isMap(target)) {
      // A new key goes through mapSet, which checks the cap and charges for it.
      if (target.has(name)) target.set(name, value);
      else {
        rt.save(pc, base + sp);
        mapSet(rt.vm, target, name, value);
        rt.back(null);
      }
      return;
    }
    rt.save(pc, base + sp);
    memberSet(rt.vm, target, name, value);
    rt.back(null);
    if (rt.th.state === ThreadState.Done) throw STOPPED;
  };
  const ev = v.e;
  if (t.kind === Kind.Local) {
    const k = t.k;
    const general: Stmt = (s, base) => {
      const target = s[base + k]!;
      const value = ev(s, base);
      if (target instanceof ShapedMap && target.shape === ic.shape) target.vals[ic.slot] = value;
      else set(target, value, base);
    };
    return updateStmt(k, ic, v, general) ?? general;
  }
  const et = t.e;
  return (s, base) => {
    const target = et(s, base);
    const value = ev(s, base);
    if (target instanceof ShapedMap && target.shape === ic.shape) target.vals[ic.slot] = value;
    else set(target, value, base);
  };
}

/**
 * `t.name = t.a OP b` for a local `t`, OP `+ - *` and `b` a field of the same
 * `t`, a constant number or a local: the update in one closure while all the
 * caches hold and the values are numbers, else `general`. Undefined for any
 * other shape of statement.
 */
function updateStmt(k: number, ic: FieldCache, v: Operand, general: Stmt): Stmt | undefined {
  const bin = v.bin;
  if (bin === undefined) return undefined;
  const { a, b } = bin;
  if (a.kind !== Kind.Field || a.k !== k) return undefined;
  const op = bin.op === '+' ? 0 : bin.op === '-' ? 1 : 2;
  const fa = a.f!;
  if (b.kind === Kind.Field && b.k === k) {
    const fb = b.f!;
    return (s, base) => {
      const t = s[base + k]!;
      if (t instanceof ShapedMap) {
        const shape = t.shape;
        if (shape === ic.shape && shape === fa.shape && shape === fb.shape) {
          const vals = t.vals;
          const x = vals[fa.slot];
          const y = vals[fb.slot];
          if (typeof x === 'number' && typeof y === 'number') {
            vals[ic.slot] = op === 0 ? x + y : op === 1 ? x - y : x * y;
            return;
          }
        }
      }
      general(s, base);
    };
  }
  const n = constNumber(b);
  if (n !== undefined) {
    return (s, base) => {
      const t = s[base + k]!;
      if (t instanceof ShapedMap) {
        const shape = t.shape;
        if (shape === ic.shape && shape === fa.shape) {
          const vals = t.vals;
          const x = vals[fa.slot];
          if (typeof x === 'number') {
            vals[ic.slot] = op === 0 ? x + n : op === 1 ? x - n : x * n;
            return;
          }
        }
      }
      general(s, base);
    };
  }
  if (b.kind === Kind.Local) {
    const j = b.k;
    return (s, base) => {
      const t = s[base + k]!;
      if (t instanceof ShapedMap) {
        const shape = t.shape;
        if (shape === ic.shape && shape === fa.shape) {
          const vals = t.vals;
          const x = vals[fa.slot];
          const y = s[base + j];
          if (typeof x === 'number' && typeof y === 'number') {
            vals[ic.slot] = op === 0 ? x + y : op === 1 ? x - y : x * y;
            return;
          }
        }
      }
      general(s, base);
    };
  }
  return undefined;
}
