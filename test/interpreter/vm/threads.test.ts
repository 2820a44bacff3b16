// Cooperative threads (docs/language.md, "Threads"): scheduling order, waits in ticks and
// seconds, yield, spawn, stop, handlers, init, and what an error in one
// thread does to the others.

import { describe, expect, it } from 'vitest';
import type { AsmFunction, AsmLine } from '../../../interpreter/bytecode/assemble.js';
import { assemble } from '../../../interpreter/bytecode/assemble.js';
import type { CairnError } from '../../../interpreter/errors.js';
import { ThreadHandle } from '../../../interpreter/vm/values.js';
import { VM } from '../../../interpreter/vm/vm.js';
import { errorOf, runToEnd, start } from './support/harness.js';

/** A function that prints `name` then `name` again after waiting with `wait` (instructions that pop nothing or one pushed value). */
function printer(name: string, constIndex: number, wait: AsmLine[]): AsmFunction {
  return { name, code: [['CONST', constIndex], ['PRINT'], ...wait, ['CONST', constIndex], ['PRINT'], ['RETURN_NIL']] };
}

describe('scheduling', () => {
  it('runs threads in creation order; a thread spawned during a tick runs in that tick, after the others', () => {
    const { vm, lines } = start({
      constants: ['a', 'b', 'c'],
      functions: [
        { name: 'a', code: [['CONST', 0], ['PRINT'], ['SPAWN', 2, 0], ['POP'], ['YIELD'], ['CONST', 0], ['PRINT'], ['RETURN_NIL']] },
        { name: 'b', code: [['CONST', 1], ['PRINT'], ['YIELD'], ['CONST', 1], ['PRINT'], ['RETURN_NIL']] },
        { name: 'c', code: [['CONST', 2], ['PRINT'], ['YIELD'], ['CONST', 2], ['PRINT'], ['RETURN_NIL']] },
      ],
    });
    vm.spawn(0);
    vm.spawn(1);
    vm.tick();
    expect(lines).toEqual(['a', 'b', 'c']);
    vm.tick();
    expect(lines).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    expect(vm.threadCount).toBe(0);
    expect(vm.tickCount).toBe(2);
  });
  it('wait n ticks resumes n ticks later; wait s seconds is round(s * 60) ticks; wait 0 is a yield', () => {
    const { vm, lines } = start({
      constants: ['t', 's', 'z', 0.5],
      functions: [printer('t', 0, [['INT', 5], ['WAIT_TICKS']]), printer('s', 1, [['CONST', 3], ['WAIT_SECONDS']]), printer('z', 2, [['INT', 0], ['WAIT_TICKS']])],
    });
    for (let f = 0; f < 3; f++) vm.spawn(f);
    const when: Record<string, number[]> = {};
    let seen = 0;
    while (vm.threadCount > 0) {
      const tick = vm.tickCount;
      vm.tick();
      for (; seen < lines.length; seen++) (when[lines[seen]!] ??= []).push(tick);
    }
    expect(when).toEqual({ t: [0, 5], s: [0, 30], z: [0, 1] });
  });
  it('a waiting thread reports when it wakes', () => {
    const { vm } = start({ functions: [{ name: 'w', code: [['INT', 10], ['WAIT_TICKS'], ['RETURN_NIL']] }, { name: 'y', code: [['YIELD'], ['RETURN_NIL']] }] });
    const w = vm.spawn(0);
    const y = vm.spawn(1);
    expect(vm.threadInfo(w)?.wait).toEqual({ kind: 'ready' });
    vm.tick();
    expect(vm.threads()).toEqual([
      { id: w, function: 'w', wait: { kind: 'ticks', until: 10 } },
      { id: y, function: 'y', wait: { kind: 'yield', until: 1 } },
    ]);
    expect(vm.isIdle).toBe(false);
  });
  it('wait needs a non-negative number', () => {
    const { vm } = start({ constants: ['x'], functions: [{ name: 'w', code: [['CONST', 0], ['WAIT_TICKS'], ['RETURN_NIL']] }, { name: 'n', code: [['INT', -1], ['WAIT_SECONDS'], ['RETURN_NIL']] }] });
    vm.spawn(0);
    expect(errorOf(() => vm.tick()).code).toBe('TYPE_ERROR');
    vm.spawn(1);
    expect(errorOf(() => vm.tick()).code).toBe('BAD_ARGUMENT');
  });
});

describe('spawn and stop', () => {
  it('SPAWN passes arguments and pushes a handle; SPAWN_VALUE spawns a function value', () => {
    const { vm, lines } = start({
      functions: [
        { name: 'main', locals: 1, code: [['INT', 4], ['SPAWN', 1, 1], ['SET_LOCAL', 0], ['GET_LOCAL', 0], ['PRINT'], ['FN', 1], ['INT', 5], ['SPAWN_VALUE', 1], ['PRINT'], ['RETURN_NIL']] },
        { name: 'show', arity: 1, code: [['GET_LOCAL', 0], ['PRINT'], ['RETURN_NIL']] },
      ],
    });
    vm.spawn(0);
    vm.tick();
    expect(lines).toEqual(['<thread 2>', '<thread 3>', '4', '5']);
    expect(errorOf(() => vm.spawn(1, [])).code).toBe('BAD_ARGUMENT');
  });
  it('stop ends another thread; stopping a dead thread is a no-op', () => {
    const { vm, lines } = start({
      constants: ['tick', 'after stop'],
      functions: [
        {
          name: 'main', locals: 1,
          code: [['SPAWN', 1, 0], ['SET_LOCAL', 0], ['INT', 3], ['WAIT_TICKS'], ['GET_LOCAL', 0], ['STOP_THREAD'], ['GET_LOCAL', 0], ['STOP_THREAD'], ['CONST', 1], ['PRINT'], ['RETURN_NIL']],
        },
        { name: 'blink', code: ['top:', ['CONST', 0], ['PRINT'], ['YIELD'], ['JUMP', 'top']] },
      ],
    });
    vm.spawn(0);
    runToEnd(vm, 50);
    expect(lines).toEqual(['tick', 'tick', 'tick', 'after stop']);
    expect(vm.threadCount).toBe(0);
  });
  it('a thread that stops itself ends at once', () => {
    const { vm, lines } = start({
      constants: ['never'],
      functions: [{ name: 'main', code: [['SPAWN', 1, 0], ['POP'], ['RETURN_NIL']] }, { name: 'self', code: [['GET_GLOBAL', 0], ['STOP_THREAD'], ['CONST', 0], ['PRINT'], ['RETURN_NIL']] }],
      globals: [{ name: 'me', constant: false }],
    });
    vm.spawn(0);
    vm.setGlobal('me', new ThreadHandle(2));
    vm.tick();
    expect(lines).toEqual([]);
    expect(vm.threadCount).toBe(0);
  });
  it('stop needs a thread handle', () => {
    const { vm } = start({ functions: [{ name: 'main', code: [['INT', 1], ['STOP_THREAD'], ['RETURN_NIL']] }] });
    vm.spawn(0);
    expect(errorOf(() => vm.tick()).code).toBe('TYPE_ERROR');
  });
  it('the host can stop threads and check whether they live', () => {
    const { vm } = start({ functions: [{ name: 'loop', code: ['top:', ['YIELD'], ['JUMP', 'top']] }] });
    const id = vm.spawn(0);
    vm.tick();
    expect(vm.isAlive(id)).toBe(true);
    expect(vm.stop(id)).toBe(true);
    expect(vm.stop(id)).toBe(false);
    expect(vm.isAlive(id)).toBe(false);
    vm.tick();
    expect(vm.threads()).toEqual([]);
  });
});

describe('handlers and init', () => {
  it('startHandlers spawns the matching handlers with arguments', () => {
    const { vm, lines } = start({
      constants: ['start', 'look', 'shell-look', 'use-key'],
      functions: [
        { name: 'on start', code: [['CONST', 0], ['PRINT'], ['RETURN_NIL']] },
        { name: 'shell.on look', code: [['CONST', 2], ['PRINT'], ['RETURN_NIL']] },
        { name: 'door.on use with key', code: [['CONST', 3], ['PRINT'], ['RETURN_NIL']] },
        { name: 'on unhandled', arity: 2, code: [['GET_LOCAL', 0], ['PRINT'], ['RETURN_NIL']] },
      ],
      handlers: [
        { owner: '', event: 'start', fn: 0 },
        { owner: 'shell', event: 'look', fn: 1 },
        { owner: 'door', event: 'use', with: 'key', fn: 2 },
        { owner: '', event: 'unhandled', fn: 3 },
      ],
    });
    expect(vm.startHandlers('start')).toHaveLength(1);
    expect(vm.startHandlers('look', 'shell')).toHaveLength(1);
    expect(vm.startHandlers('look')).toHaveLength(0);
    expect(vm.startHandlers('use', 'door')).toHaveLength(0);
    expect(vm.startHandlers('use', 'door', [], 'key')).toHaveLength(1);
    expect(vm.startHandlers('unhandled', '', ['pickup', null])).toHaveLength(1);
    vm.tick();
    expect(lines).toEqual(['start', 'shell-look', 'use-key', 'pickup']);
  });
  it('init runs the init function once; it may not wait', () => {
    const mod = assemble({
      globals: [{ name: 'tries', constant: false }],
      init: 1,
      functions: [{ name: 'main', code: [['GET_GLOBAL', 0], ['RETURN']] }, { name: '<init>', code: [['INT', 3], ['SET_GLOBAL', 0], ['RETURN_NIL']] }],
    });
    const vm = new VM(mod);
    vm.init();
    expect(vm.getGlobal('tries')).toBe(3);
    expect(vm.call(0)).toBe(3);
    expect(errorOf(() => vm.init()).code).toBe('USAGE');
    const waiting = assemble({ init: 0, functions: [{ name: '<init>', line: 2, code: [['YIELD'], ['RETURN_NIL']] }] });
    const err = errorOf(() => new VM(waiting).init());
    expect(err.code).toBe('RUNTIME');
    expect(err.span?.start.line).toBe(2);
  });
  it('getGlobal and setGlobal know only declared globals', () => {
    const vm = new VM(assemble({ globals: [{ name: 'g', constant: false }], functions: [{ name: 'main', code: [['RETURN_NIL']] }] }));
    vm.setGlobal('g', [1]);
    expect(vm.getGlobal('g')).toEqual([1]);
    expect(errorOf(() => vm.getGlobal('nope')).code).toBe('USAGE');
  });
});

describe('errors in threads', () => {
  const program = {
    constants: ['ok'],
    functions: [
      { name: 'bad', line: 7, code: [['INT', 1], ['INT', 0], ['DIV'], ['RETURN']] as AsmLine[] },
      { name: 'good', code: [['CONST', 0], ['PRINT'], ['YIELD'], ['CONST', 0], ['PRINT'], ['RETURN_NIL']] as AsmLine[] },
    ],
  };
  it('end only the failing thread; tick finishes the others, then throws the first error', () => {
    const { vm, lines } = start(program);
    const bad = vm.spawn(0);
    vm.spawn(1);
    const err = errorOf(() => vm.tick());
    expect(err.code).toBe('DIVIDE_BY_ZERO');
    expect(lines).toEqual(['ok']);
    expect(vm.isAlive(bad)).toBe(false);
    expect(vm.tickCount).toBe(1);
    vm.tick();
    expect(lines).toEqual(['ok', 'ok']);
  });
  it('go to onError when given, and tick returns normally', () => {
    const seen: Array<[string, number]> = [];
    const { vm } = start(program, { onError: (e: CairnError, id: number) => seen.push([e.code, id]) });
    const a = vm.spawn(0);
    const b = vm.spawn(0);
    vm.spawn(1);
    vm.tick();
    expect(seen).toEqual([['DIVIDE_BY_ZERO', a], ['DIVIDE_BY_ZERO', b]]);
    expect(vm.threadCount).toBe(1);
  });
});

describe('the blink example of the threads section', () => {
  it('stops the blinker after lamp_fixed and prints 5', () => {
    // var lamp_fixed, blinks; fn blink() { while true { blinks += 1; wait 0.5 } }
    // fn fixer() { wait 2; lamp_fixed = true }
    // on start { let t = spawn blink(); spawn fixer(); wait until lamp_fixed; stop t; print blinks }
    const { vm, lines } = start({
      constants: [0.5, 2],
      globals: [{ name: 'lamp_fixed', constant: false }, { name: 'blinks', constant: false }],
      init: 3,
      functions: [
        {
          name: 'on start', locals: 1,
          code: [['SPAWN', 1, 0], ['SET_LOCAL', 0], ['SPAWN', 2, 0], ['POP'],
            'until:', ['GET_GLOBAL', 0], ['JUMP_IF_TRUE', 'fixed'], ['YIELD'], ['JUMP', 'until'],
            'fixed:', ['GET_LOCAL', 0], ['STOP_THREAD'], ['GET_GLOBAL', 1], ['PRINT'], ['RETURN_NIL']],
        },
        { name: 'blink', code: ['top:', ['GET_GLOBAL', 1], ['ADD_INT', 1], ['SET_GLOBAL', 1], ['CONST', 0], ['WAIT_SECONDS'], ['JUMP', 'top']] },
        { name: 'fixer', code: [['CONST', 1], ['WAIT_SECONDS'], ['TRUE'], ['SET_GLOBAL', 0], ['RETURN_NIL']] },
        { name: '<init>', code: [['FALSE'], ['SET_GLOBAL', 0], ['INT', 0], ['SET_GLOBAL', 1], ['RETURN_NIL']] },
      ],
      handlers: [{ owner: '', event: 'start', fn: 0 }],
    });
    vm.init();
    vm.startHandlers('start');
    runToEnd(vm, 1000);
    expect(lines).toEqual(['5']);
  });
});
