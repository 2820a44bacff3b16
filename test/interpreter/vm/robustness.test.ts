// The VM on bytecode nobody verified: random instruction sequences may fail,
// but only with a CairnError, within the budget — never a JS exception that
// escapes, a hang, or a host that cannot tick again.

import { describe, expect, it } from 'vitest';
import type { Module } from '../../../interpreter/bytecode/module.js';
import { MODULE_VERSION } from '../../../interpreter/bytecode/module.js';
import { OPCODE_TABLE } from '../../../interpreter/bytecode/opcodes.js';
import { isCairnError } from '../../../interpreter/errors.js';
import { VM } from '../../../interpreter/vm/vm.js';

/** A module with two random functions, from a seeded generator. */
function randomModule(seed: number): Module {
  let s = seed;
  const rand = (n: number) => ((s = (Math.imul(s, 1664525) + 1013904223) | 0) >>> 0) % n;
  const operand = (kind: string): number => {
    if (kind === 'target') return rand(40);
    if (kind === 'int') return rand(7) - 3;
    if (kind === 'fn') return rand(2);
    if (kind === 'native') return rand(3);
    return rand(4);
  };
  const fn = (name: string) => {
    const words: number[] = [];
    while (words.length < 40) {
      const op = OPCODE_TABLE[rand(OPCODE_TABLE.length)]!;
      words.push(op.code, ...op.operands.map(operand));
    }
    return { name, file: 0, arity: 1, minArity: 0, entries: [0, 0], locals: 4, maxStack: 8, code: Int32Array.from(words), lines: Int32Array.from([0, 1, 1]) };
  };
  return {
    version: MODULE_VERSION, files: ['fuzz.adv'], constants: [1, 'k', 2.5, { entity: 'object', name: 'door' }], globals: [{ name: 'g', constant: false }],
    natives: ['len', 'push', 'str'], functions: [fn('a'), fn('b')], init: 0, handlers: [], declarations: null,
  };
}

describe('unverified bytecode', () => {
  it('fails only with CairnErrors and never hangs', () => {
    const t0 = performance.now();
    let failures = 0;
    const attempt = (seed: number, f: () => void): void => {
      try {
        f();
      } catch (e) {
        failures++;
        if (!isCairnError(e)) throw new Error(`seed ${seed}: ${String(e)}`, { cause: e });
      }
    };
    for (let seed = 1; seed <= 3000; seed++) {
      const vm = new VM(randomModule(seed), { print: () => {}, limits: { instructionsPerTick: 2000, maxMemory: 1 << 20 } });
      attempt(seed, () => {
        vm.spawn(0, [1]);
        vm.spawn(1);
        for (let t = 0; t < 5 && vm.threadCount > 0; t++) vm.tick();
        vm.restore(vm.snapshot());
      });
      attempt(seed, () => vm.tick()); // the host can always tick again
    }
    expect(failures).toBeGreaterThan(0);
    // Only catches a hang or a blow-up: on a busy shared machine this loop alone has taken 45 s.
    expect(performance.now() - t0).toBeLessThan(120_000);
  }, 180_000);
});
