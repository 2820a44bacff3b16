// A function's fingerprint for saves: a save stores each suspended frame as
// function name + pc + this hash, and a rebuilt game whose function hashes the
// same can resume it. The hash covers what the code means, not where things sit
// in the module's tables, so adding unrelated constants, globals or functions
// leaves it unchanged. Pure TypeScript (FNV-1a, 64 bit): it runs in Workers too.

import { CairnError } from '../errors.js';
import type { Constant, Module } from './module.js';
import { OPCODES_BY_CODE, type OperandKind } from './opcodes.js';

// Bump when the hashed stream changes: every function then hashes differently, as it must.
const SCHEME = 'cairn.function-hash/1';

/** The 64-bit FNV-1a hash of `fnIndex`'s meaning, as 16 lowercase hex digits. */
export function functionHash(m: Module, fnIndex: number): string {
  const fn = Number.isInteger(fnIndex) ? m.functions[fnIndex] : undefined;
  if (fn === undefined) throw new CairnError('MODULE_INVALID', `function index ${fnIndex} is out of range (the module has ${m.functions.length} functions)`);
  const h = new Fnv64();
  h.string(SCHEME);
  h.string(fn.name);
  h.u32(fn.arity);
  h.u32(fn.minArity);
  h.u32(fn.entries.length);
  for (const e of fn.entries) h.u32(e);
  h.u32(fn.locals);
  const code = fn.code;
  h.u32(code.length);
  let pc = 0;
  while (pc < code.length) {
    const op = code[pc]!;
    const info = OPCODES_BY_CODE[op];
    h.u32(op);
    pc++;
    if (info === undefined) continue;
    for (const kind of info.operands) {
      if (pc >= code.length) break;
      hashOperand(h, m, kind, code[pc++]!);
    }
  }
  return h.hex();
}

/**
 * A build's fingerprint: its globals (names, in order, and which are consts)
 * and its functions' hashes (`fnHashes[i]` is functionHash(m, i)). Two builds
 * with the same fingerprint run the same code on the same globals, so a save
 * from one restores into the other exactly, consts included.
 */
export function buildFingerprint(m: Module, fnHashes: readonly string[]): string {
  const h = new Fnv64();
  h.string(`${SCHEME} build`);
  h.u32(m.globals.length);
  for (const g of m.globals) {
    h.string(g.name);
    h.byte(g.constant ? 1 : 0);
  }
  h.u32(fnHashes.length);
  for (const fh of fnHashes) h.string(fh);
  return h.hex();
}

/** The 64-bit FNV-1a hash of `bytes`, as 16 lowercase hex digits. */
export function fnv1a64(bytes: Uint8Array): string {
  const h = new Fnv64();
  for (const b of bytes) h.byte(b);
  return h.hex();
}

// Indices into the module's tables are replaced by what they name; an index
// out of range (an unverified module) hashes as a marker plus the number.
function hashOperand(h: Fnv64, m: Module, kind: OperandKind, word: number): void {
  let named: string | undefined;
  switch (kind) {
    case 'const': {
      const k = m.constants[word];
      if (k === undefined) break;
      hashConstant(h, k);
      return;
    }
    case 'global':
      named = m.globals[word]?.name;
      break;
    case 'fn':
      named = m.functions[word]?.name;
      break;
    case 'native':
      named = m.natives[word];
      break;
    case 'text': {
      const t = m.texts?.[word];
      if (t === undefined) break;
      h.byte(0xfd);
      h.string(t.id);
      h.u32(t.forms.length);
      for (const f of t.forms) {
        h.u32(f.length);
        for (const slot of f) h.string(slot);
      }
      return;
    }
    default:
      // local, target, count, int: the number is the meaning.
      h.u32(word);
      return;
  }
  if (named === undefined) {
    h.byte(0xff);
    h.u32(word);
  } else {
    h.byte(0xfe);
    h.string(named);
  }
}

function hashConstant(h: Fnv64, k: Constant): void {
  if (typeof k === 'number') {
    h.byte(1);
    h.f64(k);
  } else if (typeof k === 'string') {
    h.byte(2);
    h.string(k);
  } else {
    h.byte(3);
    h.string(k.entity);
    h.string(k.name);
  }
}

/** FNV-1a with 64-bit state kept as two 32-bit halves (no BigInt on the hot path). */
class Fnv64 {
  private hi = 0xcbf29ce4;
  private lo = 0x84222325;
  private readonly scratch = new DataView(new ArrayBuffer(8));

  byte(b: number): void {
    // Multiply by the prime 2^40 + 0x1b3: every partial product stays below 2^53, so doubles are exact.
    const lo = (this.lo ^ (b & 0xff)) >>> 0;
    const low = lo * 0x1b3;
    this.hi = (this.hi * 0x1b3 + ((lo << 8) >>> 0) + Math.floor(low / 0x1_0000_0000)) >>> 0;
    this.lo = low >>> 0;
  }

  u32(n: number): void {
    const v = n >>> 0;
    this.byte(v);
    this.byte(v >>> 8);
    this.byte(v >>> 16);
    this.byte(v >>> 24);
  }

  f64(n: number): void {
    // One NaN and distinct ±0, so the same constant always hashes the same.
    if (Number.isNaN(n)) {
      this.scratch.setUint32(0, 0, true);
      this.scratch.setUint32(4, 0x7ff80000, true);
    } else {
      this.scratch.setFloat64(0, n, true);
    }
    for (let i = 0; i < 8; i++) this.byte(this.scratch.getUint8(i));
  }

  /** Length, then UTF-16 code units: unambiguous, and no encoder needed. */
  string(s: string): void {
    this.u32(s.length);
    for (let i = 0; i < s.length; i++) {
      const unit = s.charCodeAt(i);
      this.byte(unit);
      this.byte(unit >>> 8);
    }
  }

  hex(): string {
    return this.hi.toString(16).padStart(8, '0') + this.lo.toString(16).padStart(8, '0');
  }
}
