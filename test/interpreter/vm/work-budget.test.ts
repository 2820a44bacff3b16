// Work-based accounting: natives and operators that walk strings, lists and
// maps charge the budget by the size of their work, so every hostile loop of
// the sandbox issue stops with BUDGET_EXCEEDED at its line, naming its
// handler, instead of holding its first tick for hours. The bound on time is
// generous (it only catches a runaway); the speeds live in the bench.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../interpreter/compiler/compile.js';
import type { CairnError } from '../../../interpreter/errors.js';
import { VM } from '../../../interpreter/vm/vm.js';

/** `on start { SETUP (one doubling per tick); LINE 4: while true { BODY } }` run until its thread fails. */
function hostile(setup: string, body: string) {
  const text = `on start {\n  ${setup}\n  let i = 0\n  while true {\n    ${body}\n    i += 1\n  }\n}\n`;
  const { module } = compile([{ file: 'hostile.adv', text }]);
  const errors: CairnError[] = [];
  const vm = new VM(module, { print: () => {}, onError: (e) => errors.push(e) });
  vm.init();
  vm.startHandlers('start');
  let worst = 0;
  for (let t = 0; t < 200 && errors.length === 0; t++) {
    const t0 = performance.now();
    vm.tick();
    worst = Math.max(worst, performance.now() - t0);
  }
  return { error: errors[0], worst, vm };
}

const grow = (init: string, n: number) => `let s = ${init}; while len(s) < ${n} { s = s + s; yield }`;

describe('every native and operator doing more than constant work charges the budget by its size', () => {
  const cases: Array<[string, string, string]> = [
    ['upper on 4 million characters', grow('"x"', 4_000_000), 'let n = len(upper(s))'],
    ['lower', grow('"X"', 4_000_000), 'let n = len(lower(s))'],
    ['contains on a long list', grow('[0]', 1_000_000), 'let n = contains(s, 5)'],
    ['contains on a long string', grow('"x"', 4_000_000), 'let n = contains(s, "y")'],
    ['== on big lists', `${grow('[0]', 1_000_000)}; let t = s + []`, 'let n = s == t'],
    ['== on long strings', grow('"x"', 2_000_000), 'let n = s + "a" == s + "a"'],
    ['< on long strings', grow('"x"', 2_000_000), 'let n = s + "a" < s + "b"'],
    ['split', grow('"x,"', 2_000_000), 'let n = len(split(s, ","))'],
    ['split at spaces', grow('"x "', 2_000_000), 'let n = len(split(s))'],
    ['join', grow('["ab"]', 1_000_000), 'let n = len(join(s, ","))'],
    ['str of a long list', grow('[1]', 1_000_000), 'let n = len(str(s))'],
    ['string +', grow('"x"', 2_000_000), 'let t = s + "y"; let c = t[5]'],
    ['list +', grow('[1]', 1_000_000), 'let n = len(s + s)'],
    ['interpolation', grow('"x"', 2_000_000), 'let t = "{s}{i}"; let c = t[1]'],
    ['num', grow('"1"', 2_000_000), 'let t = num(s)'],
    ['insert and remove at the front', grow('[1]', 1_000_000), 'insert(s, 0, 1); let x = remove(s, 0)'],
    ['keys', 'let s = {}; for k in 0..100000 { s[k] = k; if k % 1000 == 0 { yield } }', 'let n = len(keys(s))'],
    ['for over a map', 'let s = {}; for k in 0..100000 { s[k] = k; if k % 1000 == 0 { yield } }', 'for k in s { }'],
    ['new map keys', 'let s = {}', 's[i] = i'],
  ];
  for (const [what, setup, body] of cases) {
    it(`${what}: BUDGET_EXCEEDED at the loop's line, naming the handler`, () => {
      const { error, worst } = hostile(setup, body);
      expect(error?.code, error?.message).toBe('BUDGET_EXCEEDED');
      expect(error!.span?.start.line).toBe(5);
      expect(error!.message).toMatch(/^the scripts did more than 5000000 steps of work in one tick without waiting \(in the handler `on start`, line 5\)$/);
      expect(worst).toBeLessThan(5000); // only catches a runaway tick
    }, 60_000);
  }
});

describe('the budget is one per tick, shared by every thread', () => {
  it('thousands of spinning threads: each tick stops one, the others wait for the next tick', () => {
    const text = 'fn spin() {\n  let i = 0\n  while true { i += 1 }\n}\non start {\n  for k in 0..2000 { spawn spin() }\n}\n';
    const { module } = compile([{ file: 'spin.adv', text }]);
    const errors: CairnError[] = [];
    const vm = new VM(module, { onError: (e) => errors.push(e) });
    vm.init();
    vm.startHandlers('start');
    for (let t = 0; t < 10; t++) vm.tick();
    // One thread per tick ran the budget out; the rest have not run yet and are still alive.
    expect(errors.length).toBe(10);
    expect(errors.every((e) => e.code === 'BUDGET_EXCEEDED' && /the function `spin`, line 3/.test(e.message))).toBe(true);
    expect(vm.threadCount).toBe(2000 - 10);
  });
  it('a thread that works hard but waits every tick is fine for ever', () => {
    const text = 'on start {\n  let s = "ab "\n  for k in 0..12 { s = s + s }\n  while true {\n    let n = len(split(upper(s)))\n    yield\n  }\n}\n';
    const { module } = compile([{ file: 'ok.adv', text }]);
    const vm = new VM(module, {});
    vm.init();
    vm.startHandlers('start');
    for (let t = 0; t < 100; t++) vm.tick();
    expect(vm.threadCount).toBe(1);
  });
});
