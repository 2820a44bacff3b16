// The hand-assembled benchmark workloads compute what their Cairn source says
// (checked at small sizes against plain JS), so timing them measures real work.

import { describe, expect, it } from 'vitest';
import { VM } from '../../../interpreter/vm/vm.js';
import * as W from './support/workloads.js';

const unlimited = { limits: { instructionsPerTick: Infinity } };

describe('benchmark workloads', () => {
  it('fib', () => {
    expect(new VM(W.fibModule(20), unlimited).call(0)).toBe(6765);
  });
  it('the arithmetic loop, both shapes', () => {
    let acc = 0;
    for (let i = 0; i < 10_000; i++) {
      acc = (acc + i * i) % 1000003;
      if (i % 3 === 0) acc += 1;
    }
    expect(new VM(W.loopModule(10_000), unlimited).call(0)).toBe(acc);
    expect(new VM(W.whileLoopModule(10_000), unlimited).call(0)).toBe(acc);
  });
  it('native calls, string appends, map inserts and lookups', () => {
    expect(new VM(W.nativeCallModule(1000), unlimited).call(0)).toBe(2);
    expect(new VM(W.stringAppendModule(5000), unlimited).call(0)).toBe(5000);
    expect(new VM(W.mapModule(1000), unlimited).call(0)).toBe((999 * 1000) / 2);
  });
  it('threads that yield', () => {
    const vm = new VM(W.yieldModule(10));
    for (let i = 0; i < 100; i++) vm.spawn(0);
    let ticks = 0;
    while (vm.threadCount > 0) {
      vm.tick();
      ticks++;
    }
    expect(ticks).toBe(11);
  });
});
