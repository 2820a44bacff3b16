// A small assembler from opcode names to a Module: how tests, fuzzers and
// benchmarks build bytecode by hand without the compiler. Operands are
// numbers, or label names for `target` operands. Reads the opcode table only.

import { OPCODE_TABLE, type OpName } from './opcodes.js';
import { MODULE_VERSION, type Constant, type FunctionProto, type GlobalInfo, type HandlerEntry, type JsonValue, type Module } from './module.js';

/** One instruction: `['CONST', 0]`, `['JUMP', 'loop']`, or a label `'loop:'`. */
export type AsmLine = readonly [OpName, ...Array<number | string>] | `${string}:`;

/** A function to assemble. */
export interface AsmFunction {
  name: string;
  arity?: number;
  minArity?: number;
  /** Labels where each accepted argument count starts; defaults to the first instruction. */
  entries?: string[];
  locals?: number;
  maxStack?: number;
  /** Source line for every instruction (for error positions); defaults to 1. */
  line?: number;
  code: AsmLine[];
}

/** A module to assemble; unspecified sections are empty. */
export interface AsmModule {
  files?: string[];
  constants?: Constant[];
  globals?: GlobalInfo[];
  natives?: string[];
  functions: AsmFunction[];
  init?: number;
  handlers?: HandlerEntry[];
  declarations?: JsonValue;
}

const byName = new Map<string, (typeof OPCODE_TABLE)[number]>(OPCODE_TABLE.map((o) => [o.name, o]));

/** Assembles one function; throws a plain Error on a typo (this is a test tool). */
export function assembleFunction(fn: AsmFunction): FunctionProto {
  const labels = new Map<string, number>();
  let pc = 0;
  for (const line of fn.code) {
    if (typeof line === 'string') labels.set(line.slice(0, -1), pc);
    else pc += 1 + byName.get(line[0])!.operands.length;
  }
  const code = new Int32Array(pc);
  pc = 0;
  for (const line of fn.code) {
    if (typeof line === 'string') continue;
    const [name, ...operands] = line;
    const info = byName.get(name);
    if (!info) throw new Error(`unknown opcode ${name}`);
    if (operands.length !== info.operands.length) throw new Error(`${name} takes ${info.operands.length} operands`);
    code[pc++] = info.code;
    for (const op of operands) {
      const value = typeof op === 'string' ? labels.get(op) : op;
      if (value === undefined) throw new Error(`unknown label ${String(op)}`);
      code[pc++] = value;
    }
  }
  const arity = fn.arity ?? 0;
  const minArity = fn.minArity ?? arity;
  const entries = fn.entries ? fn.entries.map((l) => labels.get(l) ?? 0) : new Array<number>(arity - minArity + 1).fill(0);
  return {
    name: fn.name,
    file: 0,
    arity,
    minArity,
    entries,
    locals: fn.locals ?? arity,
    maxStack: fn.maxStack ?? 16,
    code,
    lines: Int32Array.from([0, fn.line ?? 1, 1]),
  };
}

/** Assembles a whole module. */
export function assemble(mod: AsmModule): Module {
  return {
    version: MODULE_VERSION,
    files: mod.files ?? ['test.adv'],
    constants: mod.constants ?? [],
    globals: mod.globals ?? [],
    natives: mod.natives ?? [],
    functions: mod.functions.map(assembleFunction),
    init: mod.init ?? 0,
    handlers: mod.handlers ?? [],
    declarations: mod.declarations ?? null,
  };
}
