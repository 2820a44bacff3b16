// Helpers for the compiler tests: compile a snippet, list the errors it
// reports as plain data, and read a function's code back as opcode names
// (never numbers) through the opcode table.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type CompileOptions, type CompileResult } from '../../../interpreter/compiler/compile.js';
import type { FunctionProto, Module } from '../../../interpreter/bytecode/module.js';
import { OPCODES_BY_CODE, instructionSize } from '../../../interpreter/bytecode/opcodes.js';
import { verifyModule } from '../../../interpreter/bytecode/verify.js';
import { CairnError } from '../../../interpreter/errors.js';
import { formatError } from '../../../interpreter/diagnostic-format.js';

/** Compiles one file named `test.adv`; the module must pass the verifier. */
export function compileText(text: string, options: CompileOptions = {}): CompileResult {
  const result = compile([{ file: 'test.adv', text }], options);
  verifyModule(result.module);
  return result;
}

/** An error as the tests compare it. */
export interface ReportedError {
  code: string;
  at: string;
  message: string;
  hint?: string;
}

/** The errors compiling `files` reports (it must fail), in order. */
export function compileErrors(files: string | Array<{ file: string; text: string }>, options: CompileOptions = {}): ReportedError[] {
  const list = typeof files === 'string' ? [{ file: 'test.adv', text: files }] : files;
  try {
    compile(list, options);
  } catch (e) {
    if (!(e instanceof CairnError)) throw e;
    expectCode(e, 'COMPILE_FAILED');
    return e.related.map((r) => ({
      code: r.code,
      at: r.span ? `${r.span.source}:${r.span.start.line}:${r.span.start.column}` : '',
      message: r.message,
      ...(r.hint === undefined ? {} : { hint: r.hint }),
    }));
  }
  throw new Error('expected the compile to fail');
}

/** The single error compiling `text` reports. */
export function compileError(text: string, options: CompileOptions = {}): ReportedError {
  const errors = compileErrors(text, options);
  if (errors.length !== 1) throw new Error(`expected one error, got ${JSON.stringify(errors, null, 2)}`);
  return errors[0]!;
}

/** The thrown compile error, formatted as the CLI prints it. */
export function formattedErrors(text: string, options: CompileOptions = {}): string {
  try {
    compile([{ file: 'test.adv', text }], options);
  } catch (e) {
    if (e instanceof CairnError) return formatError(e, { sources: () => text });
    throw e;
  }
  throw new Error('expected the compile to fail');
}

function expectCode(e: CairnError, code: string): void {
  if (e.code !== code) throw new Error(`expected ${code}, got ${e.code}: ${e.message}`);
}

/** A function of the module, by name. */
export function fn(module: Module, name: string): FunctionProto {
  const f = module.functions.find((x) => x.name === name);
  if (!f) throw new Error(`no function ${name}; have ${module.functions.map((x) => x.name).join(', ')}`);
  return f;
}

/** The instructions of a function as `NAME operand…` strings. */
export function instructions(f: FunctionProto): string[] {
  const out: string[] = [];
  for (let pc = 0; pc < f.code.length; ) {
    const info = OPCODES_BY_CODE[f.code[pc]!]!;
    const operands = Array.from(f.code.subarray(pc + 1, pc + instructionSize(info)));
    out.push([info.name, ...operands].join(' '));
    pc += instructionSize(info);
  }
  return out;
}

/** The opcode names of a function, in order. */
export function opNames(f: FunctionProto): string[] {
  return instructions(f).map((i) => i.split(' ')[0]!);
}

/** The opcode names of the function `name` compiled from `text`. */
export function opsOf(text: string, name = 'on start'): string[] {
  return opNames(fn(compileText(text).module, name));
}

/** A fixture's text. */
export function fixture(name: string): { file: string; text: string } {
  return { file: name, text: readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8') };
}
