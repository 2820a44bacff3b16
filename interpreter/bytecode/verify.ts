// The bytecode verifier: the door every module passes before the VM runs it.
// After verifyModule returns, the VM may trust every index, jump target, entry,
// argument count and stack depth without checking them again. It reads operand
// kinds, stack effects and terminal flags from the opcode table only; it runs in
// linear time and throws CairnError MODULE_INVALID naming the function and pc.

import { CairnError } from '../errors.js';
import { ENTITY_KINDS } from './binary.js';
import type { FunctionProto, Module } from './module.js';
import { OPCODES_BY_CODE, type OpcodeInfo, type StackEffect } from './opcodes.js';

/** What the host allows: the names of natives a module may import. */
export interface VerifyOptions {
  natives?: ReadonlySet<string> | ((name: string) => boolean);
}

/** Bounds the VM relies on when it sizes frames and argument lists. */
export const VERIFY_LIMITS = { locals: 0xffff, maxStack: 0xffff, count: 0xffff } as const;

// The table's doc for MEMBER_GET/MEMBER_SET: their constant is the member's name.
const NAME_OPERAND_OPS = new Set(['MEMBER_GET', 'MEMBER_SET']);

/** An opcode's row with what the verifier derives from it, computed once. */
interface OpShape {
  info: OpcodeInfo;
  size: number;
  /** Index of the `target` operand, or -1. */
  target: number;
  /** Index of the `count` operand of an instruction that also names a function (CALL, SPAWN), or -1. */
  argCount: number;
  localSlots: number;
  stringConst: boolean;
  jumpStack?: StackEffect;
}

const SHAPES: ReadonlyArray<OpShape | undefined> = OPCODES_BY_CODE.map((info) =>
  info === undefined
    ? undefined
    : {
        info,
        size: 1 + info.operands.length,
        target: info.operands.indexOf('target'),
        argCount: info.operands.includes('fn') ? info.operands.indexOf('count') : -1,
        localSlots: info.localSlots ?? 1,
        stringConst: NAME_OPERAND_OPS.has(info.name),
        jumpStack: info.jumpStack,
      },
);

function invalid(message: string): never {
  throw new CairnError('MODULE_INVALID', message);
}

const isWhole = (n: unknown, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;

/** Checks a module completely; throws CairnError MODULE_INVALID at the first problem. */
export function verifyModule(m: Module, options: VerifyOptions = {}): void {
  verifyTables(m, options);
  for (let i = 0; i < m.functions.length; i++) verifyFunction(m, m.functions[i]!);
}

/**
 * Checks what was appended to a module the VM already runs (an expression
 * compiled against it): the constants from `from.constants` on and the
 * functions from `from.functions` on, whose names must be new. The tables
 * before those points are the caller's to vouch for.
 */
export function verifyAppended(m: Module, from: { constants: number; functions: number }): void {
  for (const key of ['files', 'constants', 'globals', 'natives', 'functions'] as const) {
    if (!Array.isArray(m[key])) invalid(`the module's ${key} table is not a list`);
  }
  for (let i = from.constants; i < m.constants.length; i++) checkConstant(m.constants[i], i);
  const names = new Set(m.functions.slice(0, from.functions).map((f) => f.name));
  for (let i = from.functions; i < m.functions.length; i++) {
    const f = m.functions[i];
    if (typeof f !== 'object' || f === null) invalid(`function ${i} is not an object`);
    if (typeof f.name !== 'string' || names.has(f.name)) invalid(`function ${i} needs a name of its own`);
    names.add(f.name);
    verifyFunction(m, f);
  }
}

function checkConstant(k: unknown, i: number): void {
  if (typeof k === 'number' || typeof k === 'string') return;
  const entity = k as { entity?: unknown; name?: unknown } | null;
  const isEntity = typeof entity === 'object' && entity !== null && (ENTITY_KINDS as readonly unknown[]).includes(entity.entity) && typeof entity.name === 'string';
  if (!isEntity) invalid(`constant ${i} is not a number, string or entity`);
}

function verifyTables(m: Module, options: VerifyOptions): void {
  if (typeof m !== 'object' || m === null) invalid('the module is not an object');
  for (const key of ['files', 'constants', 'globals', 'natives', 'functions', 'handlers'] as const) {
    if (!Array.isArray(m[key])) invalid(`the module's ${key} table is not a list`);
  }
  m.functions.forEach((f, i) => (typeof f === 'object' && f !== null) || invalid(`function ${i} is not an object`));
  m.globals.forEach((g, i) => (typeof g === 'object' && g !== null) || invalid(`global ${i} is not an object`));
  m.files.forEach((f, i) => typeof f === 'string' || invalid(`file ${i} is not a name`));
  m.constants.forEach((k, i) => checkConstant(k, i));
  checkUniqueNames(m.globals.map((g) => g?.name), 'global');
  checkUniqueNames(m.functions.map((f) => f?.name), 'function');
  const allowed = options.natives;
  m.natives.forEach((name, i) => {
    if (typeof name !== 'string') invalid(`native import ${i} is not a name`);
    const ok = allowed === undefined || (typeof allowed === 'function' ? allowed(name) : allowed.has(name));
    if (!ok) invalid(`the module imports native \`${name}\` (import ${i}), which this runtime does not provide`);
  });
  if (!isWhole(m.init, m.functions.length - 1)) invalid(`the init function index ${m.init} is out of range (the module has ${m.functions.length} functions)`);
  const init = m.functions[m.init]!;
  if (init.minArity !== 0) invalid(`the init function \`${init.name}\` must take no arguments, but needs ${init.minArity}`);
  checkTexts(m);
  m.handlers.forEach((h, i) => {
    const ok = typeof h === 'object' && h !== null && typeof h.owner === 'string' && typeof h.event === 'string' && (h.with === undefined || typeof h.with === 'string');
    if (!ok) invalid(`handler ${i} is malformed`);
    if (!isWhole(h.fn, m.functions.length - 1)) invalid(`handler ${i} (\`${h.event}\`) names function ${h.fn}, out of range (the module has ${m.functions.length} functions)`);
  });
}

// A text has one form, or two for plural(); every slot is '' (literal) or a placeholder name.
function checkTexts(m: Module): void {
  if (m.texts === undefined) return;
  if (!Array.isArray(m.texts)) invalid("the module's texts table is not a list");
  m.texts.forEach((t, i) => {
    const ok = typeof t === 'object' && t !== null && typeof t.id === 'string' && Array.isArray(t.forms) && t.forms.length >= 1 && t.forms.length <= 2;
    if (!ok) invalid(`text ${i} is malformed: it needs an id and one or two forms`);
    t.forms.forEach((f) => (Array.isArray(f) && f.every((slot) => typeof slot === 'string')) || invalid(`text ${i} (\`${t.id}\`) has a form that is not a list of slot names`));
  });
}

/** How many values TEXT pops for text `t`: its slots, plus the count of a plural text. */
export function textArgCount(t: { forms: readonly (readonly string[])[] }): number {
  let n = t.forms.length > 1 ? 1 : 0;
  for (const f of t.forms) n += f.length;
  return n;
}

// Saves name globals and functions, so a name must say which one it means.
function checkUniqueNames(names: unknown[], what: string): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (typeof name !== 'string') invalid(`${what} ${i} has no name`);
    if (seen.has(name)) invalid(`two ${what}s are named \`${name}\``);
    seen.add(name);
  });
}

function verifyFunction(m: Module, fn: FunctionProto): void {
  const where = `function \`${fn.name}\``;
  if (!(fn.code instanceof Int32Array)) invalid(`${where}: its code is not an Int32Array`);
  if (!(fn.lines instanceof Int32Array)) invalid(`${where}: its line table is not an Int32Array`);
  if (!Array.isArray(fn.entries)) invalid(`${where}: its entries are not a list`);
  if (!isWhole(fn.file, m.files.length - 1)) invalid(`${where}: file index ${fn.file} is out of range (the module has ${m.files.length} files)`);
  if (!isWhole(fn.locals, VERIFY_LIMITS.locals)) invalid(`${where}: locals ${fn.locals} is not a whole number from 0 to ${VERIFY_LIMITS.locals}`);
  if (!isWhole(fn.maxStack, VERIFY_LIMITS.maxStack)) invalid(`${where}: maxStack ${fn.maxStack} is not a whole number from 0 to ${VERIFY_LIMITS.maxStack}`);
  if (!isWhole(fn.arity, fn.locals)) invalid(`${where}: arity ${fn.arity} does not fit in its ${fn.locals} locals`);
  if (!isWhole(fn.minArity, fn.arity)) invalid(`${where}: minArity ${fn.minArity} is above its arity ${fn.arity}`);
  const expectedEntries = fn.arity - fn.minArity + 1;
  if (fn.entries.length !== expectedEntries) invalid(`${where}: has ${fn.entries.length} entries, but arity ${fn.arity} and minArity ${fn.minArity} need ${expectedEntries}`);
  if (fn.code.length === 0) invalid(`${where}: has no code`);
  const starts = decodeInstructions(m, fn, where);
  checkTargets(fn, starts, where);
  checkStackDepths(fn, where);
  checkLines(fn, starts, where);
}

/** Pass 1: every word is a known opcode with all its operands in range. Returns the instruction starts. */
function decodeInstructions(m: Module, fn: FunctionProto, where: string): Uint8Array {
  const code = fn.code;
  const starts = new Uint8Array(code.length);
  let pc = 0;
  while (pc < code.length) {
    const op = code[pc]!;
    const shape = SHAPES[op];
    if (shape === undefined) return invalid(`${where} at ${pc}: opcode number ${op} does not exist`);
    const { info } = shape;
    if (pc + shape.size > code.length) invalid(`${where} at ${pc}: ${info.name} needs ${info.operands.length} operands, but the code ends after ${code.length - pc - 1}`);
    starts[pc] = 1;
    for (let i = 0; i < info.operands.length; i++) {
      const v = code[pc + 1 + i]!;
      switch (info.operands[i]) {
        case 'const':
          if (!isWhole(v, m.constants.length - 1)) operandError(where, pc, info, `names constant ${v}, out of range (the module has ${m.constants.length})`);
          if (shape.stringConst && typeof m.constants[v] !== 'string') operandError(where, pc, info, `needs a string constant for the member name, but constant ${v} is not a string`);
          break;
        case 'global':
          if (!isWhole(v, m.globals.length - 1)) operandError(where, pc, info, `names global ${v}, out of range (the module has ${m.globals.length})`);
          break;
        case 'fn':
          if (!isWhole(v, m.functions.length - 1)) operandError(where, pc, info, `names function ${v}, out of range (the module has ${m.functions.length})`);
          break;
        case 'native':
          if (!isWhole(v, m.natives.length - 1)) operandError(where, pc, info, `names native import ${v}, out of range (the module has ${m.natives.length})`);
          break;
        case 'local':
          if (v < 0 || v + shape.localSlots > fn.locals) {
            operandError(where, pc, info, shape.localSlots === 1 ? `uses local ${v}, but the function has ${fn.locals} locals` : `uses locals ${v} to ${v + shape.localSlots - 1}, but the function has ${fn.locals} locals`);
          }
          break;
        case 'text': {
          const texts = m.texts ?? [];
          if (!isWhole(v, texts.length - 1)) operandError(where, pc, info, `names text ${v}, out of range (the module has ${texts.length})`);
          const n = code[pc + 2]!;
          if (n !== textArgCount(texts[v]!)) operandError(where, pc, info, `pops ${n} values, but text ${v} (\`${texts[v]!.id}\`) takes ${textArgCount(texts[v]!)}`);
          break;
        }
        case 'count':
          if (!isWhole(v, VERIFY_LIMITS.count)) operandError(where, pc, info, `has count ${v}, not a whole number from 0 to ${VERIFY_LIMITS.count}`);
          break;
        case 'target':
        case 'int':
          break; // targets need every instruction start: checked in pass 2
      }
    }
    if (shape.argCount >= 0) checkArgumentCount(m, fn, pc, shape, where);
    pc += shape.size;
  }
  return starts;
}

function operandError(where: string, pc: number, info: OpcodeInfo, what: string): never {
  return invalid(`${where} at ${pc}: ${info.name} ${what}`);
}

// A direct call or spawn must pass what the callee accepts; CALL_VALUE is checked by the VM.
function checkArgumentCount(m: Module, fn: FunctionProto, pc: number, shape: OpShape, where: string): void {
  const callee = m.functions[fn.code[pc + 1 + shape.info.operands.indexOf('fn')]!]!;
  const argc = fn.code[pc + 1 + shape.argCount]!;
  if (argc < callee.minArity || argc > callee.arity) {
    const takes = callee.minArity === callee.arity ? `${callee.arity}` : `${callee.minArity} to ${callee.arity}`;
    invalid(`${where} at ${pc}: ${shape.info.name} passes ${argc} arguments to \`${callee.name}\`, which takes ${takes}`);
  }
}

/** Pass 2: jump targets and entries land on instruction starts. */
function checkTargets(fn: FunctionProto, starts: Uint8Array, where: string): void {
  const code = fn.code;
  for (let pc = 0; pc < code.length; pc += SHAPES[code[pc]!]!.size) {
    const shape = SHAPES[code[pc]!]!;
    if (shape.target < 0) continue;
    const t = code[pc + 1 + shape.target]!;
    if (t < 0 || t >= code.length) invalid(`${where} at ${pc}: jump target ${t} is outside the code (0 to ${code.length - 1})`);
    if (starts[t] !== 1) invalid(`${where} at ${pc}: jump target ${t} is inside an instruction`);
  }
  fn.entries.forEach((e, i) => {
    if (!isWhole(e, code.length - 1)) invalid(`${where}: entry ${i} at ${e} is outside the code (0 to ${code.length - 1})`);
    if (starts[e] !== 1) invalid(`${where}: entry ${i} at ${e} is inside an instruction`);
  });
}

/**
 * Pass 3: abstract interpretation of stack depth over the control-flow graph.
 * Each entry starts with an empty stack; each instruction is visited once, and
 * every path into it must arrive with the same depth.
 */
function checkStackDepths(fn: DepthFacts, where: string): Int32Array {
  const code = fn.code;
  const depth = new Int32Array(code.length).fill(-1);
  const work = new Int32Array(code.length);
  let pending = 0;
  const operands: number[] = [];
  const arrive = (to: number, d: number, from: number): void => {
    if (depth[to] === -1) {
      depth[to] = d;
      work[pending++] = to;
    } else if (depth[to] !== d) {
      invalid(`${where} at ${to}: the stack holds ${depth[to]} values on one path here and ${d} on another (from ${from})`);
    }
  };
  for (let i = 0; i < fn.entries.length; i++) arrive(fn.entries[i]!, 0, fn.entries[i]!);
  while (pending > 0) {
    const pc = work[--pending]!;
    const d = depth[pc]!;
    const shape = SHAPES[code[pc]!]!;
    const { info } = shape;
    let effect: StackEffect;
    if (typeof info.stack === 'function') {
      operands.length = info.operands.length;
      for (let i = 0; i < operands.length; i++) operands[i] = code[pc + 1 + i]!;
      effect = info.stack(operands);
    } else {
      effect = info.stack;
    }
    const after = applyEffect(effect, d, fn, pc, where);
    if (!info.terminal) {
      const next = pc + shape.size;
      if (next >= code.length) invalid(`${where} at ${pc}: control runs off the end of the code after ${info.name}`);
      arrive(next, after, pc);
    }
    if (shape.target >= 0) {
      const onJump = shape.jumpStack === undefined ? after : applyEffect(shape.jumpStack, d, fn, pc, where);
      arrive(code[pc + 1 + shape.target]!, onJump, pc);
    }
  }
  return depth;
}

/** What the stack-depth pass reads of a function (a FunctionProto, or the VM's prepared form of one). */
export interface DepthFacts {
  readonly name: string;
  readonly code: Int32Array;
  readonly entries: ArrayLike<number>;
  readonly maxStack: number;
}

/**
 * The verifier's stack depth before each instruction of a verified function
 * (-1 where no instruction starts or none is reachable): what a saved thread
 * standing there must hold above its locals.
 */
export function stackDepths(fn: DepthFacts): Int32Array {
  return checkStackDepths(fn, `function \`${fn.name}\``);
}

function applyEffect(effect: StackEffect, d: number, fn: DepthFacts, pc: number, where: string): number {
  const after = d - effect.pop + effect.push;
  if (effect.pop <= d && after <= fn.maxStack) return after;
  const name = OPCODES_BY_CODE[fn.code[pc]!]!.name;
  if (effect.pop > d) invalid(`${where} at ${pc}: ${name} takes ${effect.pop} values from a stack holding ${d}`);
  return invalid(`${where} at ${pc}: ${name} grows the stack to ${after}, above its maxStack ${fn.maxStack}`);
}

/** Pass 4: the line table is triples (pc, line, column), sorted by pc, each at an instruction. */
function checkLines(fn: FunctionProto, starts: Uint8Array, where: string): void {
  const lines = fn.lines;
  if (lines.length % 3 !== 0) invalid(`${where}: its line table has ${lines.length} numbers, not a whole number of triples`);
  let previous = 0;
  for (let i = 0; i < lines.length; i += 3) {
    const pc = lines[i]!;
    const entry = `${where}: line table entry ${i / 3}`;
    if (pc < 0 || pc >= fn.code.length || starts[pc] !== 1) invalid(`${entry} points at ${pc}, which is not an instruction`);
    if (pc < previous) invalid(`${entry} is out of order (pc ${pc} after ${previous})`);
    if (lines[i + 1]! < 1 || lines[i + 2]! < 1) invalid(`${entry} has line ${lines[i + 1]} column ${lines[i + 2]}; both start at 1`);
    previous = pc;
  }
}
