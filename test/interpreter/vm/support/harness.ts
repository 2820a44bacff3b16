// Test harness for the VM: build modules with the assembler, run them with a
// captured transcript, and catch CairnErrors. Shared by the VM's test files.

import { assemble, type AsmFunction, type AsmLine, type AsmModule } from '../../../../interpreter/bytecode/assemble.js';
import type { Module } from '../../../../interpreter/bytecode/module.js';
import { OPCODES_BY_CODE } from '../../../../interpreter/bytecode/opcodes.js';
import { CairnError, isCairnError } from '../../../../interpreter/errors.js';
import { VM, type VMOptions } from '../../../../interpreter/vm/vm.js';
import type { Value } from '../../../../interpreter/vm/values.js';

/** A VM with its transcript. */
export interface Run {
  vm: VM;
  lines: string[];
}

/** A VM for `mod` whose `print` goes into `lines`. */
export function start(mod: Module | AsmModule, options: VMOptions = {}): Run {
  const lines: string[] = [];
  const module = 'version' in mod ? mod : assemble(mod);
  const vm = new VM(module, { print: (l) => lines.push(l), ...options });
  return { vm, lines };
}

/** Ticks until no thread is left (or `maxTicks`); returns ticks run. */
export function runToEnd(vm: VM, maxTicks = 100_000): number {
  let n = 0;
  while (vm.threadCount > 0 && n < maxTicks) {
    vm.tick();
    n++;
  }
  return n;
}

/** Runs `code` as function 0 (with `locals` slots) synchronously; returns its result and transcript. */
export function evaluate(code: AsmLine[], extra: Partial<AsmModule> & { locals?: number } = {}, options: VMOptions = {}): { result: Value; lines: string[] } {
  const { locals, functions, ...rest } = extra;
  const main: AsmFunction = { name: 'main', locals: locals ?? 4, code };
  const run = start({ ...rest, functions: [main, ...(functions ?? [])] }, options);
  const result = run.vm.call(0);
  return { result, lines: run.lines };
}

/** The CairnError `f` throws (fails the test when it throws nothing or something else). */
export function errorOf(f: () => unknown): CairnError {
  try {
    f();
  } catch (e) {
    if (isCairnError(e)) return e;
    throw new Error(`expected a CairnError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected a CairnError, nothing was thrown');
}

/** `file:line:col` of an error, or '' when it has no place. */
export function placeOf(e: CairnError): string {
  return e.span ? `${e.span.source}:${e.span.start.line}:${e.span.start.column}` : '';
}

/** Gives every instruction of function `fnIndex` its own line: instruction k (counting from 0) is on line `first + k`. */
export function linePerInstruction(mod: Module, fnIndex: number, first = 1): Module {
  const fn = mod.functions[fnIndex]!;
  const triples: number[] = [];
  for (let pc = 0, k = 0; pc < fn.code.length; k++) {
    triples.push(pc, first + k, 3);
    pc += 1 + (OPCODES_BY_CODE[fn.code[pc]!]?.operands.length ?? 0);
  }
  fn.lines = Int32Array.from(triples);
  return mod;
}
