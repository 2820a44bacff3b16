// Emits statements. Every statement leaves the stack as it found it. Loops
// keep their state in hidden locals (never on the stack), so `break`,
// `continue` and `return` are plain jumps; leaving a cutscene block early
// first calls `cutscene_end`. Adventure statements call the natives of
// adventure-natives.ts with the arguments in the table's order. In debug
// builds each statement, and each round of a loop, starts with LINE.

import type * as A from '../syntax/ast.js';
import type { OpName } from '../bytecode/opcodes.js';
import { DEBUG_NATIVE_NAME } from '../vm/debug-hooks.js';
import { literalValue } from './constants.js';
import { Label } from './emit-function.js';
import type { EmitContext } from './emit-context.js';
import { emitBranchFalse, emitBranchTrue, emitEntity, emitExpr, emitPair, localSlot } from './emit-expressions.js';

const COMPOUND: Record<Exclude<A.AssignOp, '='>, OpName> = { '+=': 'ADD', '-=': 'SUB', '*=': 'MUL', '/=': 'DIV' };

/** Emits the statements of a block. */
export function emitBlock(cx: EmitContext, block: A.Block): void {
  for (const s of block.body) emitStmt(cx, s);
}

function emitStmt(cx: EmitContext, s: A.Stmt): void {
  const fb = cx.fb;
  fb.at(s.span.start);
  // A block's statements mark their own lines; a while loop marks its line at its top, each round.
  if (s.kind !== 'Block' && s.kind !== 'While') markLine(cx, s);
  switch (s.kind) {
    case 'Block':
      return emitBlock(cx, s);
    case 'Let':
      emitExpr(cx, s.init);
      return fb.op('SET_LOCAL', cx.model.letSlots.get(s)!);
    case 'Assign':
      return emitAssign(cx, s);
    case 'ExprStmt':
      emitExpr(cx, s.expr);
      return fb.op('POP');
    case 'If':
      return emitIf(cx, s);
    case 'While':
      return emitWhile(cx, s);
    case 'For':
      return cx.model.forSlots.get(s)!.numeric ? emitNumericFor(cx, s) : emitIteratorFor(cx, s);
    case 'Break':
    case 'Continue': {
      const loop = cx.loops[cx.loops.length - 1]!;
      endCutscenes(cx, cx.cutscenes - loop.cutscenes);
      return fb.jump('JUMP', s.kind === 'Break' ? loop.breakLabel : loop.continueLabel);
    }
    case 'Return':
      if (s.value) emitExpr(cx, s.value);
      endCutscenes(cx, cx.cutscenes);
      return fb.op(s.value ? 'RETURN' : 'RETURN_NIL');
    case 'Wait':
      emitExpr(cx, s.amount);
      fb.at(s.span.start);
      return fb.op(s.unit === 'ticks' ? 'WAIT_TICKS' : 'WAIT_SECONDS');
    case 'WaitUntil': {
      const top = new Label();
      const end = new Label();
      fb.bind(top);
      emitBranchTrue(cx, s.cond, end);
      fb.at(s.span.start);
      fb.op('YIELD');
      fb.jump('JUMP', top);
      return fb.bind(end);
    }
    case 'Yield':
      return fb.op('YIELD');
    case 'StopThread':
      emitExpr(cx, s.thread);
      fb.at(s.span.start);
      return fb.op('STOP_THREAD');
    case 'Print':
      emitExpr(cx, s.value);
      fb.at(s.span.start);
      return fb.op('PRINT');
    case 'Debug':
      return callNative(cx, DEBUG_NATIVE_NAME, 0);
    default:
      return emitAdventure(cx, s);
  }
}

/** In debug builds, LINE for the statement's first line (the trace and the debugger see it start). */
function markLine(cx: EmitContext, s: A.NodeBase): void {
  if (cx.debug) cx.fb.lineMark(s.span.start.line);
}

function emitIf(cx: EmitContext, s: A.If): void {
  const fb = cx.fb;
  const otherwise = new Label();
  emitBranchFalse(cx, s.cond, otherwise);
  emitBlock(cx, s.then);
  if (s.otherwise) {
    const end = new Label();
    fb.jump('JUMP', end);
    fb.bind(otherwise);
    emitStmt(cx, s.otherwise);
    fb.bind(end);
  } else {
    fb.bind(otherwise);
  }
}

function emitWhile(cx: EmitContext, s: A.While): void {
  const fb = cx.fb;
  const top = new Label();
  const end = new Label();
  fb.bind(top);
  markLine(cx, s);
  emitBranchFalse(cx, s.cond, end);
  emitLoopBody(cx, s.body, end, top);
  // The backward jump carries the loop's line: a runaway loop is reported there.
  fb.at(s.span.start);
  fb.jump('JUMP', top);
  fb.bind(end);
}

/** `for i in a..b`: a and b evaluated once; counter and end in two hidden locals. */
function emitNumericFor(cx: EmitContext, s: A.For): void {
  const fb = cx.fb;
  const { hidden, variable } = cx.model.forSlots.get(s)!;
  const range = s.iterable as A.Binary;
  const body = new Label();
  const step = new Label();
  const end = new Label();
  emitExpr(cx, range.left);
  fb.op('SET_LOCAL', hidden);
  emitExpr(cx, range.right);
  fb.op('SET_LOCAL', hidden + 1);
  fb.at(s.span.start);
  fb.op('GET_LOCAL2', hidden, hidden + 1);
  fb.jump('JUMP_UNLESS_LT', end);
  fb.bind(body);
  if (variable !== hidden) {
    fb.op('GET_LOCAL', hidden);
    fb.op('SET_LOCAL', variable);
  }
  emitLoopBody(cx, s.body, end, step);
  fb.bind(step);
  fb.at(s.span.start);
  markLine(cx, s);
  fb.jump('FOR_RANGE', body, hidden);
  fb.bind(end);
}

/** `for x in e`: the iterable and the position in two hidden locals. */
function emitIteratorFor(cx: EmitContext, s: A.For): void {
  const fb = cx.fb;
  const { hidden, variable } = cx.model.forSlots.get(s)!;
  const next = new Label();
  const end = new Label();
  emitExpr(cx, s.iterable);
  fb.at(s.span.start);
  fb.op('ITER_PREP');
  fb.op('SET_LOCAL', hidden);
  fb.op('INT', 0);
  fb.op('SET_LOCAL', hidden + 1);
  fb.bind(next);
  markLine(cx, s);
  fb.jump('ITER_NEXT', end, hidden);
  fb.op('SET_LOCAL', variable);
  emitLoopBody(cx, s.body, end, next);
  fb.at(s.span.start);
  fb.jump('JUMP', next);
  fb.bind(end);
}

function emitLoopBody(cx: EmitContext, body: A.Block, breakLabel: Label, continueLabel: Label): void {
  cx.loops.push({ breakLabel, continueLabel, cutscenes: cx.cutscenes });
  emitBlock(cx, body);
  cx.loops.pop();
}

function emitAssign(cx: EmitContext, s: A.Assign): void {
  const fb = cx.fb;
  const t = s.target;
  const op = s.op === '=' ? undefined : COMPOUND[s.op];
  if (t.kind === 'Name') {
    const b = cx.model.bindings.get(t)!;
    const slot = b.kind === 'local' ? b.slot : -1;
    const global = b.kind === 'global' ? b.index : -1;
    const step = literalValue(s.value);
    if (slot >= 0 && (s.op === '+=' || s.op === '-=') && typeof step === 'number' && Number.isInteger(step) && Math.abs(step) <= 0x7fffffff && step !== 0) {
      return fb.op('INC_LOCAL', slot, s.op === '+=' ? step : -step);
    }
    const valueSlot = localSlot(cx, s.value);
    if (op && slot >= 0 && valueSlot >= 0) {
      fb.op('GET_LOCAL2', slot, valueSlot);
      fb.at(s.span.start);
      fb.op(op);
    } else if (op) {
      fb.op(slot >= 0 ? 'GET_LOCAL' : 'GET_GLOBAL', slot >= 0 ? slot : global);
      emitOperation(cx, op, s.value, s);
    } else {
      emitExpr(cx, s.value);
    }
    fb.at(s.span.start);
    return fb.op(slot >= 0 ? 'SET_LOCAL' : 'SET_GLOBAL', slot >= 0 ? slot : global);
  }
  if (t.kind === 'Member') {
    const name = cx.mod.string(t.name.name);
    emitExpr(cx, t.target);
    if (op) {
      fb.op('DUP');
      fb.at(t.name.span.start);
      fb.op('MEMBER_GET', name);
      emitOperation(cx, op, s.value, s);
    } else {
      emitExpr(cx, s.value);
    }
    fb.at(t.name.span.start);
    return fb.op('MEMBER_SET', name);
  }
  // Index: `xs[i] op= v` reads and writes the same element, evaluating xs and i once.
  if (!op) {
    emitExpr(cx, t.target);
    emitExpr(cx, t.index);
    emitExpr(cx, s.value);
    fb.at(t.index.span.start);
    return fb.op('INDEX_SET');
  }
  const plain = isPlain(cx, t.target) && isPlain(cx, t.index);
  const targetSlot = plain ? -1 : fb.allocTemp();
  const indexSlot = plain ? -1 : fb.allocTemp();
  const pushBoth = (): void => (plain ? emitPair(cx, t.target, t.index) : fb.op('GET_LOCAL2', targetSlot, indexSlot));
  if (!plain) {
    emitExpr(cx, t.target);
    fb.op('SET_LOCAL', targetSlot);
    emitExpr(cx, t.index);
    fb.op('SET_LOCAL', indexSlot);
  }
  pushBoth();
  pushBoth();
  fb.at(t.index.span.start);
  fb.op('INDEX_GET');
  emitOperation(cx, op, s.value, s);
  fb.at(t.index.span.start);
  fb.op('INDEX_SET');
  if (!plain) {
    fb.freeTemp();
    fb.freeTemp();
  }
}

/** Locals, globals and literals: evaluating them twice is cheap and changes nothing. */
function isPlain(cx: EmitContext, e: A.Expr): boolean {
  if (literalValue(e) !== undefined) return true;
  if (e.kind !== 'Name') return false;
  const kind = cx.model.bindings.get(e)?.kind;
  return kind === 'local' || kind === 'global';
}

/** With the old value on the stack: applies `op` with `value` (ADD_INT for whole-number steps). */
function emitOperation(cx: EmitContext, op: OpName, value: A.Expr, s: A.Assign): void {
  const step = literalValue(value);
  if ((op === 'ADD' || op === 'SUB') && typeof step === 'number' && Number.isInteger(step) && step !== 0 && Math.abs(step) <= 0x7fffffff) {
    cx.fb.at(s.span.start);
    return cx.fb.op('ADD_INT', op === 'ADD' ? step : -step);
  }
  emitExpr(cx, value);
  cx.fb.at(s.span.start);
  cx.fb.op(op);
}

/** Calls `cutscene_end` for each cutscene block a jump leaves. */
function endCutscenes(cx: EmitContext, count: number): void {
  for (let i = 0; i < count; i++) callNative(cx, 'cutscene_end', 0);
}

/** Calls an adventure native and drops its result. */
function callNative(cx: EmitContext, name: string, argc: number): void {
  cx.fb.op('CALL_NATIVE', cx.mod.native(name), argc);
  cx.fb.op('POP');
}

function emitAdventure(cx: EmitContext, s: A.Stmt): void {
  const fb = cx.fb;
  const string = (text: string): void => fb.op('CONST', cx.mod.string(text));
  const optional = (e: A.Expr | undefined): void => (e ? emitExpr(cx, e) : fb.op('NIL'));
  switch (s.kind) {
    case 'Say':
      if (s.actor) emitEntity(cx, s.actor);
      else fb.op('NIL');
      emitExpr(cx, s.text);
      {
        const line = cx.mod.translatable.bySay.get(s);
        fb.at(s.span.start);
        if (line === undefined) return callNative(cx, 'say', 2);
        fb.op('CONST', cx.mod.string(line.id));
        if (line.voice === undefined) fb.op('NIL');
        else fb.op('CONST', cx.mod.string(line.voice));
        return callNative(cx, 'say', 4);
      }
    case 'Walk':
      emitEntity(cx, s.actor);
      emitExpr(cx, s.to);
      fb.at(s.span.start);
      return callNative(cx, 'walk', 2);
    case 'Choose':
      emitEntity(cx, s.dialog);
      return callNative(cx, 'choose', 1);
    case 'Cutscene':
      callNative(cx, 'cutscene_begin', 0);
      cx.cutscenes++;
      emitBlock(cx, s.body);
      cx.cutscenes--;
      fb.at(s.span.end);
      return callNative(cx, 'cutscene_end', 0);
    case 'Take':
    case 'Drop':
    case 'Show':
    case 'Hide':
      emitEntity(cx, s.object);
      return callNative(cx, s.kind.toLowerCase(), 1);
    case 'Go':
      emitEntity(cx, s.room);
      return callNative(cx, 'go', 1);
    case 'Put':
      emitEntity(cx, s.actor);
      emitEntity(cx, s.room);
      emitExpr(cx, s.at);
      fb.at(s.span.start);
      return callNative(cx, 'put', 3);
    case 'Control':
      emitEntity(cx, s.actor);
      return callNative(cx, 'control', 1);
    case 'Face':
      emitEntity(cx, s.actor);
      string(s.direction);
      return callNative(cx, 'face', 2);
    case 'PlaySound':
      string(s.file.value);
      return callNative(cx, 'play_sound', 1);
    case 'PlayMusic':
      string(s.file.value);
      optional(s.fade);
      fb.at(s.span.start);
      return callNative(cx, 'play_music', 2);
    case 'StopMusic':
      optional(s.fade);
      fb.at(s.span.start);
      return callNative(cx, 'stop_music', 1);
    case 'EndGame':
      return callNative(cx, 'end_game', 0);
    case 'Done':
      // `done` ends the dialog and leaves the option at once.
      callNative(cx, 'done', 0);
      endCutscenes(cx, cx.cutscenes);
      return fb.op('RETURN_NIL');
    default:
      throw new Error(`compiler bug: no emitter for ${s.kind}`);
  }
}
