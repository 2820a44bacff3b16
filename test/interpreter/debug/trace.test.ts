// Tracing: code compiled with {debug: true} starts each statement (and each
// loop round) with LINE, which the VM hands to VMOptions.onLine; code compiled
// without it has no LINE at all, so normal runs pay nothing. `cairn run
// --trace` prints the lines as `[t2] file.adv:12` on stderr.

import { describe, expect, it } from 'vitest';
import { disassemble } from '../../../interpreter/bytecode/disasm.js';
import { verifyModule } from '../../../interpreter/bytecode/verify.js';
import { compile } from '../../../interpreter/compiler/compile.js';
import { hasDebugInfo, lineTracer } from '../../../interpreter/vm/debug-hooks.js';
import { VM } from '../../../interpreter/vm/vm.js';
import { runCommand } from '../../../player/cli/commands/run.js';
import { createMemoryTerminal } from '../../../player/cli/terminal.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TWO_THREADS = `fn worker(n) {
  for i in 0..n {
    print "w{i}"
    yield
  }
}

on start {
  let _t = spawn worker(2)
  print "main"
  wait 2 ticks
  print "end"
}
`;

/** Runs `text` to the end; returns the transcript and the trace lines, interleaved as they happened. */
function run(text: string, debug: boolean): { output: string[]; events: string[] } {
  const { module } = compile([{ file: 'main.adv', text }], { debug });
  verifyModule(module);
  const output: string[] = [];
  const events: string[] = [];
  const vm = new VM(module, {
    print: (line) => {
      output.push(line);
      events.push(`> ${line}`);
    },
    onLine: lineTracer((t) => events.push(t)),
  });
  vm.init();
  vm.startHandlers('start');
  while (vm.threadCount > 0) vm.tick();
  return { output, events };
}

describe('tracing a debug build', () => {
  it('reports each line of two threads as it runs, with the thread id', () => {
    expect(run(TWO_THREADS, true).events).toEqual([
      '[t1] main.adv:9',
      '[t1] main.adv:10',
      '> main',
      '[t1] main.adv:11',
      '[t2] main.adv:2',
      '[t2] main.adv:3',
      '> w0',
      '[t2] main.adv:4',
      '[t2] main.adv:2', // the next round of the loop
      '[t2] main.adv:3',
      '> w1',
      '[t2] main.adv:4',
      '[t1] main.adv:12',
      '> end',
      '[t2] main.adv:2', // the loop's last test, which ends it
    ]);
  });

  it('marks each round of a while loop at its line, and collapses repeats of one thread on one line', () => {
    const text = 'on start {\n  let i = 0\n  while i < 2 { i += 1 }\n  print i\n}\n';
    // Line 3 holds the test and the body: one trace line per round would be noise.
    expect(run(text, true).events).toEqual(['[t1] main.adv:2', '[t1] main.adv:3', '[t1] main.adv:4', '> 2']);
  });

  it('shows the while test on every round when the body is on other lines', () => {
    const text = 'on start {\n  let i = 0\n  while i < 2 {\n    i += 1\n  }\n}\n';
    expect(run(text, true).events).toEqual(['[t1] main.adv:2', '[t1] main.adv:3', '[t1] main.adv:4', '[t1] main.adv:3', '[t1] main.adv:4', '[t1] main.adv:3']);
  });

  it('runs a debug build exactly as a normal one, hook or not', () => {
    const normal = run(TWO_THREADS, false);
    expect(normal.events.filter((e) => e.startsWith('[t'))).toEqual([]);
    expect(run(TWO_THREADS, true).output).toEqual(normal.output);
    const { module } = compile([{ file: 'main.adv', text: TWO_THREADS }], { debug: true });
    const output: string[] = [];
    const vm = new VM(module, { print: (line) => output.push(line) });
    vm.init();
    vm.startHandlers('start');
    while (vm.threadCount > 0) vm.tick();
    expect(output).toEqual(normal.output);
  });
});

describe('a normal build has no trace instructions', () => {
  it('emits no LINE without {debug: true}', () => {
    const { module } = compile([{ file: 'main.adv', text: TWO_THREADS }]);
    expect(disassemble(module)).not.toMatch(/\bLINE\b/);
    expect(hasDebugInfo(module)).toBe(false);
  });

  it('emits LINE at statements with {debug: true}, and the verifier accepts it', () => {
    const { module } = compile([{ file: 'main.adv', text: TWO_THREADS }], { debug: true });
    verifyModule(module);
    expect(disassemble(module)).toMatch(/LINE\s+9\n/);
    expect(hasDebugInfo(module)).toBe(true);
  });
});

describe('cairn run --trace', () => {
  function cliRun(args: string[]) {
    const term = createMemoryTerminal();
    return runCommand.run(args, term).then((code) => ({ code, stdout: term.stdout, stderr: term.stderr }));
  }
  const file = (): string => {
    const path = join(mkdtempSync(join(tmpdir(), 'cairn-trace-')), 'main.adv');
    writeFileSync(path, TWO_THREADS);
    return path;
  };

  it('keeps stdout the transcript and writes the trace to stderr', async () => {
    const path = file();
    const r = await cliRun([path, '--trace']);
    expect(r.code).toBe(0);
    expect(r.stdout).toEqual(['main', 'w0', 'w1', 'end']);
    const lines = [[1, 9], [1, 10], [1, 11], [2, 2], [2, 3], [2, 4], [2, 2], [2, 3], [2, 4], [1, 12], [2, 2]];
    expect(r.stderr).toEqual(lines.map(([t, line]) => `[t${t}] ${path}:${line}`));
  });

  it('traces nothing without --trace', async () => {
    const r = await cliRun([file()]);
    expect(r.stdout).toEqual(['main', 'w0', 'w1', 'end']);
    expect(r.stderr).toEqual([]);
  });
});
