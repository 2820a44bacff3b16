// Sandbox limits: a runaway script — endless loop, endless recursion, memory
// that doubles forever, threads spawned forever — stops with a clean CairnError
// naming its line within seconds, never a JS RangeError, and the host carries on.

import { describe, expect, it } from 'vitest';
import { assemble, type AsmLine } from '../../../interpreter/bytecode/assemble.js';
import { DEFAULT_LIMITS } from '../../../interpreter/vm/memory.js';
import { VM } from '../../../interpreter/vm/vm.js';
import { errorOf, linePerInstruction, placeOf, start } from './support/harness.js';

/** Runs function 0 as a thread until it fails; returns the error and the milliseconds it took. */
function runaway(code: AsmLine[], options: ConstructorParameters<typeof VM>[1] = {}, extra: Parameters<typeof assemble>[0] = { functions: [] }): { error: ReturnType<typeof errorOf>; ms: number; vm: VM } {
  const mod = linePerInstruction(assemble({ ...extra, files: ['scripts/runaway.adv'], functions: [{ name: 'on start', locals: 2, code }, ...extra.functions] }), 0, 1);
  const { vm } = start(mod, options);
  vm.spawn(0);
  const t0 = performance.now();
  const error = errorOf(() => {
    for (let i = 0; i < 10_000; i++) vm.tick();
  });
  return { error, ms: performance.now() - t0, vm };
}

describe('the instruction budget', () => {
  it('stops an endless loop at its backward jump, and the host stays fine', () => {
    const { error, ms, vm } = runaway([['INT', 0], ['SET_LOCAL', 0], 'top:', ['INC_LOCAL', 0, 1], ['JUMP', 'top']]);
    expect(error.code).toBe('BUDGET_EXCEEDED');
    expect(placeOf(error)).toBe('scripts/runaway.adv:4:3');
    expect(ms).toBeLessThan(5000);
    expect(vm.threadCount).toBe(0);
    vm.tick();
  });
  it('stops a jump to itself', () => {
    expect(runaway(['self:', ['JUMP', 'self']]).error.code).toBe('BUDGET_EXCEEDED');
  });
  it('is per thread per tick: a thread that waits every tick runs for ever', () => {
    const { vm } = start({ functions: [{ name: 'busy', locals: 2, code: ['tick:', ['INT', 0], ['SET_LOCAL', 0], 'work:', ['INC_LOCAL', 0, 1], ['GET_LOCAL', 0], ['INT', 500], ['JUMP_UNLESS_GE', 'work'], ['YIELD'], ['JUMP', 'tick']] }] }, { limits: { instructionsPerTick: 10_000 } });
    vm.spawn(0);
    for (let i = 0; i < 200; i++) vm.tick();
    expect(vm.threadCount).toBe(1);
  });
  it('stops exponential recursion without loops (calls are checkpoints too)', () => {
    // fn fan(n) { if n > 0 { fan(n - 1); fan(n - 1) } }  called with 40: 2^40 calls, never deeper than 41
    const { error, ms } = runaway([['INT', 40], ['CALL', 1, 1], ['RETURN_NIL']], {}, {
      functions: [{ name: 'fan', arity: 1, code: [['GET_LOCAL', 0], ['INT', 0], ['JUMP_UNLESS_GT', 'end'], ['GET_LOCAL', 0], ['ADD_INT', -1], ['CALL', 1, 1], ['POP'], ['GET_LOCAL', 0], ['ADD_INT', -1], ['CALL', 1, 1], ['POP'], 'end:', ['RETURN_NIL']] }],
    });
    expect(error.code).toBe('BUDGET_EXCEEDED');
    expect(ms).toBeLessThan(5000);
  });
});

describe('call depth', () => {
  it('endless recursion is CALL_DEPTH_EXCEEDED at the call, not a JS RangeError', () => {
    const { error } = runaway([['INT', 0], ['CALL', 1, 1], ['RETURN_NIL']], {}, {
      functions: [{ name: 'down', arity: 1, line: 2, code: [['GET_LOCAL', 0], ['ADD_INT', 1], ['CALL', 1, 1], ['RETURN']] }],
    });
    expect(error.code).toBe('CALL_DEPTH_EXCEEDED');
    expect(placeOf(error)).toBe('scripts/runaway.adv:2:1');
    expect(error.message).toBe(`calls are nested more than ${DEFAULT_LIMITS.maxCallDepth} deep`);
    expect(error.notes.length).toBeLessThanOrEqual(8);
  });
  it('frames are data: 200,000-deep recursion works when the limit allows it', () => {
    const mod = assemble({
      functions: [
        { name: 'main', code: [['INT', 200_000], ['CALL', 1, 1], ['RETURN']] },
        { name: 'depth', arity: 1, code: [['GET_LOCAL', 0], ['INT', 0], ['JUMP_UNLESS_GT', 'base'], ['GET_LOCAL', 0], ['ADD_INT', -1], ['CALL', 1, 1], ['ADD_INT', 1], ['RETURN'], 'base:', ['INT', 0], ['RETURN']] },
      ],
    });
    expect(new VM(mod, { limits: { maxCallDepth: 1_000_000, instructionsPerTick: Infinity } }).call(0)).toBe(200_000);
  });
  it('the depth counts the outermost frame', () => {
    const mod = assemble({ functions: [{ name: 'main', code: [['CALL', 1, 0], ['RETURN']] }, { name: 'leaf', code: [['INT', 1], ['RETURN']] }] });
    expect(new VM(mod, { limits: { maxCallDepth: 2 } }).call(0)).toBe(1);
    expect(errorOf(() => new VM(mod, { limits: { maxCallDepth: 1 } }).call(0)).code).toBe('CALL_DEPTH_EXCEEDED');
  });
});

describe('memory', () => {
  it('a string doubling forever is MEMORY_EXCEEDED within seconds', () => {
    const { error, ms } = runaway([['CONST', 0], ['SET_LOCAL', 0], 'top:', ['GET_LOCAL2', 0, 0], ['ADD'], ['SET_LOCAL', 0], ['YIELD'], ['JUMP', 'top']], {}, { constants: ['xx'], functions: [] });
    expect(error.code).toBe('MEMORY_EXCEEDED');
    expect(placeOf(error)).toBe('scripts/runaway.adv:4:3'); // the ADD
    expect(ms).toBeLessThan(5000);
  });
  it('a list doubling forever is MEMORY_EXCEEDED within seconds', () => {
    const { error, ms } = runaway([['INT', 1], ['LIST', 1], ['SET_LOCAL', 0], 'top:', ['GET_LOCAL2', 0, 0], ['ADD'], ['SET_LOCAL', 0], ['YIELD'], ['JUMP', 'top']]);
    expect(error.code).toBe('MEMORY_EXCEEDED');
    expect(ms).toBeLessThan(5000);
  });
  it('push forever hits the list cap', () => {
    const { error } = runaway([['LIST', 0], ['SET_LOCAL', 0], 'top:', ['GET_LOCAL', 0], ['INT', 1], ['CALL_NATIVE', 0, 2], ['POP'], ['JUMP', 'top']], { limits: { maxListLength: 10_000, instructionsPerTick: Infinity } }, { natives: ['push'], functions: [] });
    expect(error.code).toBe('MEMORY_EXCEEDED');
    expect(error.message).toMatch(/list of 10001 items/);
  });
  it('a map growing forever hits the map cap', () => {
    const { error } = runaway([['MAP', 0], ['SET_LOCAL', 0], ['INT', 0], ['SET_LOCAL', 1], 'top:', ['GET_LOCAL2', 0, 1], ['TRUE'], ['INDEX_SET'], ['INC_LOCAL', 1, 1], ['JUMP', 'top']], { limits: { maxMapSize: 5000 } });
    expect(error.code).toBe('MEMORY_EXCEEDED');
  });
  it('live data beyond the ceiling is MEMORY_EXCEEDED, though each list is small', () => {
    // xs = []; while true { push(xs, [1, 2, 3, 4, 5, 6, 7, 8]) }
    const eight: AsmLine[] = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ['INT', n] as AsmLine);
    const { error, ms } = runaway([['LIST', 0], ['SET_LOCAL', 0], 'top:', ['GET_LOCAL', 0], ...eight, ['LIST', 8], ['CALL_NATIVE', 0, 2], ['POP'], ['JUMP', 'top']], { limits: { maxMemory: 8 << 20, instructionsPerTick: Infinity } }, { natives: ['push'], functions: [] });
    expect(error.code).toBe('MEMORY_EXCEEDED');
    expect(error.message).toMatch(/over the limit of 8 MiB/);
    expect(ms).toBeLessThan(5000);
  });
  it('garbage does not count: making and dropping lists for ever is fine', () => {
    const eight: AsmLine[] = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ['INT', n] as AsmLine);
    const mod = assemble({ constants: [300_000], functions: [{ name: 'main', locals: 3, code: [['INT', 0], ['SET_LOCAL', 1], ['CONST', 0], ['SET_LOCAL', 2], 'top:', ...eight, ['LIST', 8], ['SET_LOCAL', 0], ['FOR_RANGE', 1, 'top'], ['RETURN_NIL']] }] });
    const vm = new VM(mod, { limits: { maxMemory: 1 << 20, instructionsPerTick: Infinity } });
    expect(vm.call(0)).toBe(null);
    expect(vm.state.allocated).toBeGreaterThan(20 << 20);
  });
});

describe('threads', () => {
  it('spawning forever is TOO_MANY_THREADS at the spawn', () => {
    const { error, vm } = runaway(['top:', ['SPAWN', 1, 0], ['POP'], ['JUMP', 'top']], { limits: { maxThreads: 100 } }, { functions: [{ name: 'idle', code: [['INT', 1000], ['WAIT_TICKS'], ['RETURN_NIL']] }] });
    expect(error.code).toBe('TOO_MANY_THREADS');
    expect(placeOf(error)).toBe('scripts/runaway.adv:1:3'); // the SPAWN
    expect(vm.threadCount).toBe(99);
    expect(errorOf(() => { vm.spawn(1); vm.spawn(1); }).code).toBe('TOO_MANY_THREADS');
  });
});

describe('a thread that spawns itself and ends', () => {
  it('cannot keep one tick going for ever: TOO_MANY_THREADS in one tick', () => {
    // fn relay() { spawn relay() }  — never more than two live threads, but endless within a tick
    const t0 = performance.now();
    const { error, vm } = runaway([['SPAWN', 0, 0], ['POP'], ['RETURN_NIL']], { limits: { maxThreads: 1000 } });
    expect(error.code).toBe('TOO_MANY_THREADS');
    expect(error.message).toBe('cannot start more than 1000 threads in one tick (in the handler `on start`, line 1)');
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(vm.threadCount).toBe(0);
  });
});

describe('limit options', () => {
  it('must be positive numbers; Infinity is allowed', () => {
    const mod = assemble({ functions: [{ name: 'main', code: [['RETURN_NIL']] }] });
    expect(errorOf(() => new VM(mod, { limits: { maxThreads: -1 } })).code).toBe('USAGE');
    expect(new VM(mod, { limits: { instructionsPerTick: Infinity } }).limits.instructionsPerTick).toBe(Infinity);
    expect(new VM(mod).limits).toEqual(DEFAULT_LIMITS);
  });
});
