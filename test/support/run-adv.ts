// The one harness for Cairn programs whose expected output sits in comments
// (Wren's way), shared by test/lang.test.ts and the documentation examples
// (test/docs/): read the `// expect…` comments, run, compare with vitest.
//   print 1 + 2        // expect: 3
//   print lampp        // expect error: UNKNOWN_NAME          (compile-time, on this line)
//   print 1 / zero     // expect runtime error: DIVIDE_BY_ZERO (on this line)
//   finale             // expect error: NO_EFFECT (hint: did you mean `finale()`?)
//   dialog d { … }     // expect warning: DIALOG_NO_EXIT    (a compile warning, on this line)

import { expect } from 'vitest';
import { compile } from '../../interpreter/compiler/compile.js';
import { isCairnError, type CairnError } from '../../interpreter/errors.js';
import { VM } from '../../interpreter/vm/vm.js';
import { secondsToTicks } from '../../interpreter/vm/ticks.js';

/** Ticks a program may run before the harness calls it stuck: one minute of game time. */
export const MAX_TICKS = secondsToTicks(60);

/** What a program's comments say must happen. Lines count from 1 in the program's text. */
export interface Expectations {
  output: string[];
  errors: Array<{ code: string; line: number; hint?: string }>;
  warnings: Array<{ code: string; line: number }>;
  runtimeError?: { code: string; line: number };
}

/** What a run produced: the output lines, and the CairnError that stopped it, if any. */
export interface RunResult {
  output: string[];
  error?: CairnError;
  /** The compile's warnings, when the runner reports them. */
  warnings?: CairnError[];
}

/** Runs program `text` (named `file` in errors). */
export type Runner = (file: string, text: string) => RunResult;

/** Reads the `// expect: …`, `// expect error: CODE` and `// expect runtime error: CODE` comments. */
export function readExpectations(text: string): Expectations {
  const result: Expectations = { output: [], errors: [], warnings: [] };
  text.split('\n').forEach((line, i) => {
    const output = /\/\/ expect: ?(.*)$/.exec(line);
    if (output) result.output.push(output[1]!);
    const error = /\/\/ expect error: (\w+)(?: \(hint: (.*)\))?/.exec(line);
    if (error) result.errors.push(error[2] === undefined ? { code: error[1]!, line: i + 1 } : { code: error[1]!, line: i + 1, hint: error[2] });
    const warning = /\/\/ expect warning: (\w+)/.exec(line);
    if (warning) result.warnings.push({ code: warning[1]!, line: i + 1 });
    const runtime = /\/\/ expect runtime error: (\w+)/.exec(line);
    if (runtime) result.runtimeError = { code: runtime[1]!, line: i + 1 };
  });
  return result;
}

/** Compiles `text` alone and runs its `on start` on the bare VM (no adventure runtime) until every thread ends. */
export function runProgram(file: string, text: string): RunResult {
  const output: string[] = [];
  let warnings: CairnError[] | undefined;
  try {
    const compiled = compile([{ file, text }]);
    const module = compiled.module;
    warnings = compiled.warnings;
    const vm = new VM(module, { seed: 1, print: (line: string) => output.push(...line.split('\n')) });
    vm.init();
    vm.startHandlers('start');
    while (vm.threadCount > 0 && vm.tickCount < MAX_TICKS) vm.tick();
    if (vm.threadCount > 0) throw new Error(`${file}: threads still running after ${MAX_TICKS} ticks`);
    return { output, warnings };
  } catch (e) {
    if (!isCairnError(e)) throw e;
    return { output, error: e, warnings };
  }
}

/**
 * Runs `text` and checks it against its comments: the compile errors (codes
 * and lines, all of them), or else the runtime error (code, file and line)
 * and the output before it, or else the whole output.
 */
export function checkProgram(file: string, text: string, run: Runner = runProgram): void {
  const expected = readExpectations(text);
  const { output, error, warnings } = run(file, text);
  if (expected.warnings.length > 0) {
    expect(warnings, 'this runner does not report warnings').toBeDefined();
    expect(warnings!.map((w) => ({ code: w.code, line: w.span?.start.line }))).toEqual(expected.warnings);
  }
  if (expected.errors.length > 0) {
    expect(error, 'expected a compile error').toBeDefined();
    const found = error!.all().map((e, i) => (expected.errors[i]?.hint === undefined ? { code: e.code, line: e.span?.start.line } : { code: e.code, line: e.span?.start.line, hint: e.hint }));
    expect(found).toEqual(expected.errors);
    return;
  }
  if (expected.runtimeError) {
    expect(error?.code, `expected a runtime error, got ${error?.message ?? 'none'}`).toBe(expected.runtimeError.code);
    expect(error!.span?.source).toBe(file);
    expect(error!.span?.start.line).toBe(expected.runtimeError.line);
  } else if (error) {
    throw error;
  }
  expect(output).toEqual(expected.output);
}
