// The code buffer of one function: emits instructions by opcode name, patches
// jumps through labels, tracks the operand stack depth exactly (from the
// opcode table's stack effects) and builds the line table. Code that control
// can never reach is dropped as it is emitted, so the verifier and the VM
// only ever see reachable instructions.

import type { SourcePos } from '../errors.js';
import { OPCODE_TABLE, type OpcodeInfo, type OpName, type StackEffect } from '../bytecode/opcodes.js';
import { keepAlive } from '../keep-alive.js';

const OPS = Object.fromEntries(OPCODE_TABLE.map((o) => [o.name, o])) as unknown as Record<OpName, OpcodeInfo>;

/** A jump target; bound to a code offset once, jumped to any number of times. */
export class Label {
  /** Code offset, or -1 until bound. */
  pos = -1;
  /** Stack depth on arrival, or -1 while no edge reaches it. */
  depth = -1;
  /** Operand words to patch when bound. */
  readonly patches: number[] = [];

  constructor() {
    keepAlive(this);
  }
}

/** The emitted parts of a function. */
export interface BuiltCode {
  code: Int32Array;
  lines: Int32Array;
  maxStack: number;
  /** Scratch slots used above the resolver's locals. */
  temps: number;
}

/** Builds the code of one function. */
export class FunctionBuilder {
  private readonly code: number[] = [];
  private readonly lines: number[] = [];
  private line = 1;
  private column = 1;
  private depth = 0;
  private maxDepth = 0;
  private temps = 0;
  private maxTemps = 0;
  /** The line of the last LINE emitted and the offset just after it (-1 once a label lands there). */
  private lastLine = -1;
  private lastLineEnd = -1;
  /** False after an instruction control cannot pass (a jump, a return) until a label that is jumped to. */
  reachable = true;

  /** `tempBase`: the first slot free for scratch values (the resolver's local count). */
  constructor(private readonly tempBase: number) {
    keepAlive(this);
  }

  /** The next instruction's offset. */
  get pc(): number {
    return this.code.length;
  }

  /** Sets the source position of the instructions that follow. */
  at(pos: SourcePos): void {
    this.line = pos.line;
    this.column = pos.column;
  }

  /** Emits an instruction without a `target` operand. */
  op(name: OpName, a = 0, b = 0): void {
    if (!this.reachable) return;
    const info = OPS[name];
    this.mark();
    const code = this.code;
    code.push(info.code);
    const n = info.operands.length;
    if (n > 0) code.push(a);
    if (n > 1) code.push(b);
    const effect = typeof info.stack === 'function' ? info.stack(n === 1 ? [a] : [a, b]) : info.stack;
    this.apply(effect);
    if (info.terminal) this.reachable = false;
  }

  /**
   * Emits LINE n (debug builds only), unless the instruction just emitted is
   * LINE n and no jump lands between them: control cannot reach the second
   * without passing the first.
   */
  lineMark(n: number): void {
    if (this.lastLine === n && this.lastLineEnd === this.code.length) return;
    this.op('LINE', n);
    this.lastLine = n;
    this.lastLineEnd = this.code.length;
  }

  /** Emits a jump to `label`; `slot` is the local operand of FOR_RANGE and ITER_NEXT. */
  jump(name: OpName, label: Label, slot = -1): void {
    if (!this.reachable) return;
    const info = OPS[name];
    this.mark();
    const code = this.code;
    code.push(info.code);
    if (slot >= 0) code.push(slot);
    const effect = info.stack as StackEffect;
    const onJump = info.jumpStack ?? effect;
    this.arrive(label, this.depth - onJump.pop + onJump.push, code.length);
    code.push(label.pos);
    this.apply(effect);
    if (info.terminal) this.reachable = false;
  }

  /** Binds `label` here; code after it is reachable when some jump reaches it. */
  bind(label: Label): void {
    label.pos = this.code.length;
    this.lastLineEnd = -1;
    for (const at of label.patches) this.code[at] = label.pos;
    if (this.reachable) {
      if (label.depth >= 0 && label.depth !== this.depth) throw new Error(`compiler bug: stack depth ${this.depth} meets ${label.depth} at a label`);
      label.depth = this.depth;
    } else if (label.depth >= 0) {
      this.reachable = true;
      this.depth = label.depth;
    }
  }

  /** A scratch local slot, free again after `freeTemp`. */
  allocTemp(): number {
    const slot = this.tempBase + this.temps++;
    if (this.temps > this.maxTemps) this.maxTemps = this.temps;
    return slot;
  }

  /** Releases the most recent scratch slot. */
  freeTemp(): void {
    this.temps--;
  }

  /** The finished code. */
  finish(): BuiltCode {
    return { code: Int32Array.from(this.code), lines: Int32Array.from(this.lines), maxStack: this.maxDepth, temps: this.maxTemps };
  }

  private apply(effect: StackEffect): void {
    this.depth += effect.push - effect.pop;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
  }

  private arrive(label: Label, depth: number, operandAt: number): void {
    if (label.depth >= 0 && label.depth !== depth) throw new Error(`compiler bug: a jump arrives with stack depth ${depth}, the label has ${label.depth}`);
    label.depth = depth;
    if (label.pos < 0) label.patches.push(operandAt);
  }

  /** Adds a line-table triple when the position changed since the last instruction. */
  private mark(): void {
    const lines = this.lines;
    const n = lines.length;
    if (n > 0 && lines[n - 2] === this.line && lines[n - 1] === this.column) return;
    if (n > 0 && lines[n - 3] === this.code.length) {
      lines[n - 2] = this.line;
      lines[n - 1] = this.column;
      return;
    }
    lines.push(this.code.length, this.line, this.column);
  }
}
