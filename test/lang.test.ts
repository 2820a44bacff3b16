// The language tests: every .adv file under test/lang/ is a program whose
// expected output sits in its comments (Wren's way):
//   print 1 + 2        // expect: 3
//   print lampp        // expect error: UNKNOWN_NAME          (compile-time, on this line)
//   print 1 / zero     // expect runtime error: DIVIDE_BY_ZERO (on this line)
// Each file is compiled, its `on start` run to the end, and the transcript
// and errors compared with the expectations.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../interpreter/compiler/compile.js';
import { isCairnError, type CairnError } from '../interpreter/errors.js';
import { VM } from '../interpreter/vm/vm.js';

const LANG_DIR = join(import.meta.dirname, 'lang');
const MAX_TICKS = 60 * 60;

interface Expectations {
  output: string[];
  errors: Array<{ code: string; line: number }>;
  runtimeError?: { code: string; line: number };
}

function listAdvFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listAdvFiles(path);
      return name.endsWith('.adv') ? [path] : [];
    });
}

function readExpectations(text: string): Expectations {
  const result: Expectations = { output: [], errors: [] };
  text.split('\n').forEach((line, i) => {
    const output = /\/\/ expect: ?(.*)$/.exec(line);
    if (output) result.output.push(output[1]!);
    const error = /\/\/ expect error: (\w+)/.exec(line);
    if (error) result.errors.push({ code: error[1]!, line: i + 1 });
    const runtime = /\/\/ expect runtime error: (\w+)/.exec(line);
    if (runtime) result.runtimeError = { code: runtime[1]!, line: i + 1 };
  });
  return result;
}

function runProgram(file: string, text: string): { output: string[]; error?: CairnError } {
  const output: string[] = [];
  try {
    const { module } = compile([{ file, text }]);
    const vm = new VM(module, { seed: 1, print: (line: string) => output.push(...line.split('\n')) });
    vm.init();
    vm.startHandlers('start');
    while (vm.threadCount > 0 && vm.tickCount < MAX_TICKS) vm.tick();
    if (vm.threadCount > 0) throw new Error(`${file}: threads still running after ${MAX_TICKS} ticks`);
    return { output };
  } catch (e) {
    if (!isCairnError(e)) throw e;
    return { output, error: e };
  }
}

describe('language tests (test/lang/*.adv)', () => {
  for (const path of listAdvFiles(LANG_DIR)) {
    const name = relative(LANG_DIR, path);
    it(name, () => {
      const text = readFileSync(path, 'utf8');
      const expected = readExpectations(text);
      const { output, error } = runProgram(name, text);
      if (expected.errors.length > 0) {
        expect(error, 'expected a compile error').toBeDefined();
        const found = error!.all().map((e) => ({ code: e.code, line: e.span?.start.line }));
        expect(found).toEqual(expected.errors);
        return;
      }
      if (expected.runtimeError) {
        expect(error?.code, `expected a runtime error, got ${error?.message ?? 'none'}`).toBe(expected.runtimeError.code);
        expect(error!.span?.source).toBe(name);
        expect(error!.span?.start.line).toBe(expected.runtimeError.line);
      } else if (error) {
        throw error;
      }
      expect(output).toEqual(expected.output);
    });
  }
});
