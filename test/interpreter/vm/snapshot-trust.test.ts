// Snapshots are untrusted input, like bundles: any state the VM allows saves
// and loads — at the VM's own limits (the longest list, a big map, the deepest
// nesting, the most threads) — and a crafted snapshot whose threads stand
// where the verifier says no thread can, or that holds more than the game's
// limits, is SNAPSHOT_INVALID naming what, with the running VM untouched.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../interpreter/compiler/compile.js';
import { crc32, Reader, Writer } from '../../../interpreter/vm/snapshot-codec.js';
import { R_INT, Ref, syncState, type FlatState } from '../../../interpreter/vm/snapshot-schema.js';
import { DEFAULT_LIMITS } from '../../../interpreter/vm/memory.js';
import { VM, type VMOptions } from '../../../interpreter/vm/vm.js';
import { errorOf } from './support/harness.js';

function vmOf(text: string, options: VMOptions = {}): VM {
  const { module } = compile([{ file: 'save.adv', text }]);
  const vm = new VM(module, { print: () => {}, ...options });
  vm.init();
  vm.startHandlers('start');
  return vm;
}

/** Ticks until `done` (or a bound that only catches a hang). */
function tickUntil(vm: VM, done: () => boolean): void {
  for (let t = 0; t < 20_000 && !done(); t++) vm.tick();
  expect(done()).toBe(true);
}

/** The snapshot with its records edited, header and checksum made right again, so the edit reaches the checks. */
function reforge(bytes: Uint8Array, edit: (flat: FlatState) => void): Uint8Array {
  const flat = syncState(new Reader(bytes.subarray(16)), {} as FlatState);
  edit(flat);
  const w = new Writer();
  syncState(w, flat);
  const body = w.finish();
  const out = new Uint8Array(16 + body.length);
  out.set(bytes.subarray(0, 8));
  new DataView(out.buffer).setUint32(8, body.length, true);
  new DataView(out.buffer).setUint32(12, crc32(body), true);
  out.set(body, 16);
  return out;
}

describe('any state the VM allows saves and loads, at its own limits', () => {
  it(`the longest list (${DEFAULT_LIMITS.maxListLength} items) — once lost to a push(...) spread`, () => {
    const vm = vmOf('var xs = [0]\non start {\n  while len(xs) < 4194304 { xs = xs + xs; yield }\n  wait 100\n}\n');
    tickUntil(vm, () => (vm.getGlobal('xs') as unknown[]).length === DEFAULT_LIMITS.maxListLength);
    const bytes = vm.snapshot();
    const restored = VM.fromSnapshot(vm.program.module, bytes);
    expect((restored.getGlobal('xs') as unknown[]).length).toBe(DEFAULT_LIMITS.maxListLength);
    expect(Buffer.from(restored.snapshot()).equals(bytes)).toBe(true);
  }, 120_000);
  it('a map as big as the memory ceiling allows (a ceiling of 16 MiB, to keep the test short)', () => {
    const limits = { maxMemory: 16 << 20 };
    const vm = vmOf('var m = {}\nvar n = 0\non start {\n  while true {\n    for i in 0..20000 { m[n] = n; n += 1 }\n    yield\n  }\n}\n', { onError: () => {}, limits });
    tickUntil(vm, () => vm.threadCount === 0); // MEMORY_EXCEEDED ends the thread: the map is as big as it may be
    const size = (vm.getGlobal('m') as Map<number, number>).size;
    expect(size).toBeGreaterThan(250_000);
    const restored = VM.fromSnapshot(vm.program.module, vm.snapshot(), { limits });
    expect((restored.getGlobal('m') as Map<number, number>).size).toBe(size);
  }, 120_000);
  it('nesting 300,000 deep', () => {
    const vm = vmOf('var v = 1\nvar depth = 0\non start {\n  while depth < 300000 {\n    for i in 0..20000 { v = [v]; depth += 1 }\n    yield\n  }\n}\n');
    tickUntil(vm, () => vm.getGlobal('depth') === 300_000);
    const restored = VM.fromSnapshot(vm.program.module, vm.snapshot());
    let v = restored.getGlobal('v');
    let depth = 0;
    while (Array.isArray(v)) [v, depth] = [v[0], depth + 1];
    expect([depth, v]).toEqual([300_000, 1]);
  }, 120_000);
  it(`the most threads (${DEFAULT_LIMITS.maxThreads}), waiting inside calls`, () => {
    const vm = vmOf('fn nap(n) {\n  if n > 0 { return nap(n - 1) + 1 }\n  wait 1000\n  return 0\n}\non start {\n  for k in 0..9999 { spawn nap(k % 20) }\n}\n');
    vm.tick();
    expect(vm.threadCount).toBe(DEFAULT_LIMITS.maxThreads - 1);
    vm.spawn(vm.program.fnIndex.get('nap')!, [3]);
    const bytes = vm.snapshot();
    const restored = VM.fromSnapshot(vm.program.module, bytes);
    expect(restored.threadCount).toBe(DEFAULT_LIMITS.maxThreads);
    expect(Buffer.from(restored.snapshot()).equals(bytes)).toBe(true);
  }, 120_000);
});

describe('a crafted snapshot is checked against the verifier and the game limits', () => {
  const text = 'var total = 0\nfn add(n) {\n  wait 1\n  return n + 1\n}\non start {\n  total = add(1) + add(2)\n}\n';
  const saved = () => {
    const vm = vmOf(text);
    vm.tick();
    return { vm, bytes: vm.snapshot() };
  };
  const refused = (edit: (flat: FlatState) => void, message: RegExp) => {
    const { vm, bytes } = saved();
    const forged = reforge(bytes, edit);
    const target = vmOf(text);
    target.tick();
    const before = target.snapshot();
    const e = errorOf(() => target.restore(forged));
    expect(e.code).toBe('SNAPSHOT_INVALID');
    expect(e.message).toMatch(message);
    expect(target.snapshot()).toEqual(before); // the running VM is untouched
    void vm;
  };
  it('the reforged but unedited snapshot loads (so the edits below are what is refused)', () => {
    const { vm, bytes } = saved();
    const restored = VM.fromSnapshot(vm.program.module, reforge(bytes, () => {}));
    for (let t = 0; t < 200; t++) restored.tick(); // `wait 1` is a second: 60 ticks
    expect(restored.getGlobal('total')).toBe(5);
  });
  it('a pc where the stack holds another number of values (once: "cannot add unknown and number")', () => {
    refused((flat) => {
      // One value fewer on the stack than the code has at this pc.
      flat.threads[0]!.stack.pop();
    }, /thread 1 holds -1 values at pc \d+ of `add`, where the code has 0/);
  });
  it('a pc inside an instruction', () => {
    refused((flat) => void (flat.threads[0]!.pc += 1), /thread 1 (stands at no instruction|holds)/);
  });
  it('a caller frame that does not return to just after a call', () => {
    refused((flat) => void (flat.threads[0]!.frames[1] = 0), /thread 1's call from `on start` does not return to just after a call/);
  });
  it('a caller frame whose callee locals are elsewhere', () => {
    refused((flat) => {
      flat.threads[0]!.base += 1;
      flat.threads[0]!.stack.push(new Ref(R_INT, 0));
    }, /thread 1 stands at no instruction|thread 1 holds/);
  });
  it('200,000 threads bypass no thread cap', () => {
    refused((flat) => {
      const t = flat.threads[0]!;
      flat.threads = Array.from({ length: 200_000 }, (_, i) => ({ ...t, id: i + 1, frames: [...t.frames], stack: [...t.stack] }));
      flat.nextThreadId = 200_001;
    }, /it holds 200000 threads, more than the game's limit of 10000/);
  });
  it('calls nested deeper than the game allows', () => {
    refused((flat) => {
      const t = flat.threads[0]!;
      t.frames = Array.from({ length: 3 * DEFAULT_LIMITS.maxCallDepth }, (_, i) => t.frames[i % 3]!);
    }, /calls nested 513 deep, more than the game's limit of 512/);
  });
  it('memory counters that would never measure again', () => {
    refused((flat) => void (flat.nextMeasure = 1e15), /memory counters that would never measure again/);
  });
  it('more data than the memory ceiling', () => {
    const big = 'var xs = [0]\non start {\n  while len(xs) < 4194304 { xs = xs + xs; yield }\n  wait 1000\n}\n';
    const vm = vmOf(big);
    tickUntil(vm, () => (vm.getGlobal('xs') as unknown[]).length === 4194304);
    const small = vmOf(big, { limits: { maxMemory: 16 << 20 } });
    small.tick();
    const before = small.snapshot();
    const e = errorOf(() => small.restore(vm.snapshot()));
    expect(e.code).toBe('SNAPSHOT_INVALID');
    expect(e.message).toMatch(/over the limit of 16 MiB/);
    expect(Buffer.from(small.snapshot()).equals(before)).toBe(true);
  }, 120_000);
});
