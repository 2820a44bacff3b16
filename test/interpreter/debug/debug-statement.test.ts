// The `debug` statement: a reserved word that compiles, in debug and normal
// builds alike, to a call of the `debug` native. It never blocks; with an
// onDebug hook the host learns the thread and its place, without one (an
// exported game) nothing happens.

import { describe, expect, it } from 'vitest';
import { disassemble } from '../../../interpreter/bytecode/disasm.js';
import { verifyModule } from '../../../interpreter/bytecode/verify.js';
import { compile } from '../../../interpreter/compiler/compile.js';
import { CairnError } from '../../../interpreter/errors.js';
import type { SourcePlace } from '../../../interpreter/vm/debug-hooks.js';
import { VM, type VMOptions } from '../../../interpreter/vm/vm.js';
import { KNOWN_NATIVES } from '../../../runtime/game-loader.js';

const SCRIPT = `fn check(x) {
  debug
  return x * 2
}

var early = check(1)

on start {
  print "before"
  debug
  print check(early)
}
`;

function run(debug: boolean, options: VMOptions = {}): string[] {
  const { module } = compile([{ file: 'main.adv', text: SCRIPT }], { debug });
  verifyModule(module, { natives: KNOWN_NATIVES });
  const output: string[] = [];
  const vm = new VM(module, { print: (line) => output.push(line), ...options });
  vm.init();
  vm.startHandlers('start');
  while (vm.threadCount > 0) vm.tick();
  return output;
}

function syntaxError(text: string): CairnError {
  try {
    compile([{ file: 'main.adv', text }]);
  } catch (e) {
    if (e instanceof CairnError) return e.all()[0]!;
  }
  throw new Error('expected a compile error');
}

describe('the debug statement', () => {
  it('compiles to a call of the debug native in both builds, and passes the bundle door', () => {
    for (const debug of [false, true]) {
      const { module } = compile([{ file: 'main.adv', text: SCRIPT }], { debug });
      expect(module.natives).toContain('debug');
      expect(disassemble(module)).toMatch(/CALL_NATIVE\s+\d+ 0 ; debug/);
      expect(() => verifyModule(module, { natives: KNOWN_NATIVES })).not.toThrow();
    }
  });

  it('does nothing without a host hook, in either build', () => {
    expect(run(false)).toEqual(['before', '4']);
    expect(run(true)).toEqual(['before', '4']);
  });

  it('tells the host the thread and its place, without stopping it', () => {
    for (const debug of [false, true]) {
      const seen: Array<[number, SourcePlace]> = [];
      const output = run(debug, { onDebug: (id, place) => seen.push([id, place]) });
      expect(output).toEqual(['before', '4']);
      expect(seen).toEqual([
        // Thread 0: the global initialiser's call, which runs synchronously.
        [0, { function: 'check', file: 'main.adv', line: 2, column: 3 }],
        [1, { function: 'on start', file: 'main.adv', line: 10, column: 3 }],
        [1, { function: 'check', file: 'main.adv', line: 2, column: 3 }],
      ]);
    }
  });

  it('gives the host the whole stack of the thread that reached it', () => {
    const { module } = compile([{ file: 'main.adv', text: SCRIPT }], { debug: true });
    const stacks: string[][] = [];
    const vm: VM = new VM(module, {
      print: () => {},
      onDebug: (id) => stacks.push(vm.threadStack(id)!.map((p) => `${p.function}@${p.line}`)),
    });
    vm.init();
    vm.startHandlers('start');
    while (vm.threadCount > 0) vm.tick();
    expect(stacks).toEqual([['check@2', '<init>@6'], ['on start@10'], ['check@2', 'on start@11']]);
  });

  it('is a reserved word: no variable, function or call may be called debug', () => {
    const asVariable = syntaxError('on start {\n  let debug = 1\n}\n');
    expect(asVariable.code).toBe('SYNTAX');
    expect(asVariable.hint).toBe('`debug` is a reserved word and cannot be used as a name');
    expect(syntaxError('fn debug() {}\n').code).toBe('SYNTAX');
    expect(syntaxError('on start {\n  debug()\n}\n').code).toBe('SYNTAX');
    expect(syntaxError('on start {\n  debug 3\n}\n').code).toBe('SYNTAX');
  });

  it('may share a line with other statements', () => {
    const { module } = compile([{ file: 'main.adv', text: 'on start { debug; print 1; debug }\n' }]);
    const places: number[] = [];
    const vm = new VM(module, { print: () => {}, onDebug: (_, p) => places.push(p.column) });
    vm.startHandlers('start');
    vm.tick();
    expect(places).toEqual([12, 28]);
  });

  it('still works as a member or property name', () => {
    const text = 'on start {\n  let m = {debug: 1}\n  print m.debug\n}\n';
    const output: string[] = [];
    const vm = new VM(compile([{ file: 'main.adv', text }]).module, { print: (l) => output.push(l) });
    vm.startHandlers('start');
    vm.tick();
    expect(output).toEqual(['1']);
  });
});
