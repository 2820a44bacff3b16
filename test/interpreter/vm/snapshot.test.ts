// Snapshots: the whole VM state (globals, threads mid-wait or blocked in a
// native, random state, tick, ids, memory counters) saved to bytes and
// restored exactly — in this process and in another — with shared and cyclic
// values keeping their identity; damaged bytes are SNAPSHOT_INVALID. (Saves
// across rebuilt programs: cross-build.test.ts.)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../interpreter/bytecode/assemble.js';
import { isCairnError } from '../../../interpreter/errors.js';
import { crc32 } from '../../../interpreter/vm/snapshot-codec.js';
import { SNAPSHOT_VERSION } from '../../../interpreter/vm/snapshot.js';
import type { NativeDef } from '../../../interpreter/vm/native-table.js';
import type { Value } from '../../../interpreter/vm/values.js';
import { VM } from '../../../interpreter/vm/vm.js';
import { finish, programOptions, snapshotProgram, step } from './support/programs.js';
import { errorOf } from './support/harness.js';

/** A started run of the fixture program. */
function begin(lines: string[] = []): VM {
  const vm = new VM(snapshotProgram(), programOptions(lines));
  vm.init();
  vm.startHandlers('start');
  return vm;
}

/** The uninterrupted run: transcript, lines printed after each step, final snapshot. */
function reference(): { lines: string[]; linesAfter: number[]; final: Uint8Array } {
  const lines: string[] = [];
  const vm = begin(lines);
  const linesAfter = [0];
  while (vm.threadCount > 0) {
    step(vm);
    linesAfter.push(lines.length);
  }
  return { lines, linesAfter, final: vm.snapshot() };
}

/** A snapshot taken after `steps` steps, and the lines printed until then. */
function snapshotAt(steps: number): { bytes: Uint8Array; lines: string[] } {
  const lines: string[] = [];
  const vm = begin(lines);
  for (let i = 0; i < steps; i++) step(vm);
  return { bytes: vm.snapshot(), lines };
}

/** Rewrites a snapshot's checksum, so a test can reach the structural checks behind it. */
function resealed(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(12, crc32(out.subarray(16)), true);
  return out;
}

describe('snapshots', () => {
  const ref = reference();

  it('the fixture exercises waits, yields, a blocked native and shared lists', () => {
    expect(ref.linesAfter.length).toBeGreaterThan(20);
    expect(ref.lines).toContain('main heard ok: main done');
    expect(ref.lines.at(-1)).toMatch(/^watch 20 /);
  });

  it('restored at every tick, a fresh VM runs to the same transcript and final state', () => {
    for (let k = 0; k < ref.linesAfter.length; k++) {
      const { bytes, lines } = snapshotAt(k);
      expect(lines).toEqual(ref.lines.slice(0, ref.linesAfter[k]));
      const rest: string[] = [];
      const vm = VM.fromSnapshot(snapshotProgram(), bytes, programOptions(rest));
      expect(vm.tickCount).toBe(k);
      finish(vm);
      expect([...lines, ...rest], `restored after ${k} steps`).toEqual(ref.lines);
      expect(vm.snapshot(), `final state after restoring at ${k}`).toEqual(ref.final);
    }
  });

  it('is deterministic: the same seed gives the same run byte for byte, another seed another run', () => {
    const again = reference();
    expect(again.lines).toEqual(ref.lines);
    expect(again.final).toEqual(ref.final);
    const lines: string[] = [];
    const other = new VM(snapshotProgram(), { ...programOptions(lines), seed: 4321 });
    other.init();
    other.startHandlers('start');
    finish(other);
    expect(lines).not.toEqual(ref.lines);
  });

  it('snapshot → restore → snapshot gives the same bytes', () => {
    for (const k of [0, 3, 7, 15]) {
      const { bytes } = snapshotAt(k);
      expect(VM.fromSnapshot(snapshotProgram(), bytes, programOptions([])).snapshot()).toEqual(bytes);
    }
  });

  it('keeps identity: shared lists stay shared, cycles stay cycles', () => {
    const vm = VM.fromSnapshot(snapshotProgram(), snapshotAt(5).bytes, programOptions([]));
    const cyc = vm.getGlobal('cyc') as Map<string, Value>;
    expect(cyc.get('self')).toBe(cyc);
    const shared = vm.getGlobal('shared');
    const watcher = vm.state.threads.find((t) => vm.program.fns[t.fn]!.name === 'watcher')!;
    expect(watcher.stack[watcher.base]).toBe(shared);
  });

  it('keeps the blocked thread, its plain-data reason and the random state', () => {
    let k = 0;
    let vm = VM.fromSnapshot(snapshotProgram(), snapshotAt(k).bytes, programOptions([]));
    while (!vm.threads().some((t) => t.wait.kind === 'native')) vm = VM.fromSnapshot(snapshotProgram(), snapshotAt(++k).bytes, programOptions([]));
    const blocked = vm.threads().filter((t) => t.wait.kind === 'native');
    expect(blocked).toHaveLength(1);
    const reason = (blocked[0]!.wait as { reason: Record<string, unknown> }).reason;
    expect(reason.text).toBe('main done');
    expect(Object.keys(reason)).toEqual(['text', 'until', '__proto__']);
    expect(Object.getPrototypeOf(reason)).toBe(Object.prototype);
    const original = begin();
    for (let i = 0; i < k; i++) step(original);
    expect(Array.from(vm.state.rng)).toEqual(Array.from(original.state.rng));
    expect(vm.state.nextThreadId).toBe(original.state.nextThreadId);
    expect(vm.state.allocated).toBe(original.state.allocated);
  });

  it('restores in another process', () => {
    const k = 9;
    const { bytes, lines } = snapshotAt(k);
    const dir = mkdtempSync(join(tmpdir(), 'cairn-snap-'));
    try {
      const file = join(dir, 'state.csnp');
      writeFileSync(file, bytes);
      const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
      const out = execFileSync(process.execPath, ['--import', here('./support/register-ts.mjs'), here('./support/restore-child.ts'), file], { encoding: 'utf8', timeout: 60_000 });
      const child = JSON.parse(out) as { lines: string[]; final: string };
      expect([...lines, ...child.lines]).toEqual(ref.lines);
      expect(new Uint8Array(Buffer.from(child.final, 'base64'))).toEqual(ref.final);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts with magic, version and minimum readable version', () => {
    const { bytes } = snapshotAt(2);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('CSNP');
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect([view.getUint16(4, true), view.getUint16(6, true)]).toEqual([2, 2]);
  });
});

describe('damaged snapshots', () => {
  const { bytes } = snapshotAt(12);
  const restore = (b: Uint8Array) => () => VM.fromSnapshot(snapshotProgram(), b, programOptions([]));

  it('every truncation is SNAPSHOT_INVALID', () => {
    for (let n = 0; n < bytes.length; n++) expect(errorOf(restore(bytes.subarray(0, n))).code, `cut at ${n}`).toBe('SNAPSHOT_INVALID');
  });
  it('every flipped byte is SNAPSHOT_INVALID', () => {
    for (let i = 0; i < bytes.length; i++) {
      if (i === 4 || i === 5) continue; // the version: a newer writer may be read
      const b = bytes.slice();
      b[i]! ^= 0x5a;
      const err = errorOf(restore(b));
      expect(['SNAPSHOT_INVALID', 'SNAPSHOT_VERSION'], `byte ${i}`).toContain(err.code);
    }
  });
  it('random damage behind a valid checksum never escapes as another exception', () => {
    let seed = 99;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) | 0) >>> 0) / 2 ** 32;
    let restored = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const b = bytes.slice();
      const hits = 1 + Math.floor(rand() * 3);
      for (let h = 0; h < hits; h++) b[16 + Math.floor(rand() * (b.length - 16))] = Math.floor(rand() * 256);
      try {
        const vm = restore(resealed(b))();
        restored++;
        // A damaged-but-plausible state may fail when run, but only with a CairnError.
        try {
          finish(vm, 100);
        } catch (e) {
          expect(isCairnError(e), String(e)).toBe(true);
        }
      } catch (e) {
        // Damage to a function's name or hash reads as a save from another build.
        expect(isCairnError(e) && (e.code === 'SNAPSHOT_INVALID' || e.code === 'SAVE_INCOMPATIBLE'), String(e)).toBe(true);
      }
    }
    expect(restored).toBeLessThan(3000);
  });
  it('a snapshot needing a newer format is SNAPSHOT_VERSION; other bytes are not snapshots', () => {
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint16(6, SNAPSHOT_VERSION + 1, true);
    expect(errorOf(restore(newer)).code).toBe('SNAPSHOT_VERSION');
    const older = bytes.slice();
    new DataView(older.buffer).setUint16(4, SNAPSHOT_VERSION - 1, true);
    new DataView(older.buffer).setUint16(6, SNAPSHOT_VERSION - 1, true);
    expect(errorOf(restore(older)).message).toMatch(/format version 1, which this runtime no longer reads/);
    expect(errorOf(restore(new TextEncoder().encode('PK\u0003\u0004 definitely a zip file'))).code).toBe('SNAPSHOT_INVALID');
  });
  it('a failed restore leaves the VM as it was', () => {
    const vm = begin();
    step(vm);
    const before = vm.snapshot();
    expect(errorOf(() => vm.restore(bytes.subarray(0, 40))).code).toBe('SNAPSHOT_INVALID');
    expect(vm.snapshot()).toEqual(before);
  });
});

describe('snapshots and program changes', () => {
  it('a changed function with live threads is refused by name', () => {
    const changed = snapshotProgram();
    const worker = changed.functions[1]!;
    worker.code = Int32Array.from([...worker.code.subarray(0, worker.code.length - 1), worker.code[worker.code.length - 1]!]);
    worker.locals += 1;
    const err = errorOf(() => VM.fromSnapshot(changed, snapshotAt(4).bytes, programOptions([])));
    expect(err.code).toBe('SAVE_INCOMPATIBLE');
    expect(err.message).toMatch(/the script `worker` changed\.$/);
  });
  it('a renamed global changes the functions that use it', () => {
    const changed = snapshotProgram();
    changed.globals[2] = { name: 'renamed', constant: false };
    const err = errorOf(() => VM.fromSnapshot(changed, snapshotAt(4).bytes, programOptions([])));
    expect(err.code).toBe('SAVE_INCOMPATIBLE');
    expect(err.message).toMatch(/the script `worker` changed/);
  });
  it('cannot be taken or restored inside a tick', () => {
    let inner: unknown;
    const grab: NativeDef = { name: 'grab', params: [], blocking: false, doc: 'x', fn: () => { inner = errorOf(() => vm.snapshot()); return null; } };
    const vm = new VM(assemble({ natives: ['grab'], functions: [{ name: 'main', code: [['CALL_NATIVE', 0, 0], ['RETURN']] }] }), { natives: [grab] });
    vm.spawn(0);
    vm.tick();
    expect((inner as { code: string }).code).toBe('USAGE');
  });
  it('a host reason that is not plain data cannot be saved', () => {
    const odd: NativeDef = { name: 'odd', params: [], blocking: true, doc: 'x', fn: (_a, ctx) => ctx.block(new Date() as unknown as Value) };
    const vm = new VM(assemble({ natives: ['odd'], functions: [{ name: 'main', code: [['CALL_NATIVE', 0, 0], ['RETURN']] }] }), { natives: [odd] });
    vm.spawn(0);
    vm.tick();
    expect(errorOf(() => vm.snapshot()).message).toMatch(/plain data/);
  });
  it('deeply nested values save and load without recursion', () => {
    const vm = new VM(assemble({ globals: [{ name: 'deep', constant: false }], functions: [{ name: 'main', code: [['RETURN_NIL']] }] }));
    let v: Value = [];
    for (let i = 0; i < 100_000; i++) v = [v];
    vm.setGlobal('deep', v);
    const back = VM.fromSnapshot(vm.program.module, vm.snapshot());
    let depth = 0;
    for (let x = back.getGlobal('deep') as Value[]; x.length > 0; x = x[0] as Value[]) depth++;
    expect(depth).toBe(100_000);
  });
  it('numbers keep their exact bits and strings their exact code units', () => {
    const vm = new VM(assemble({ globals: [{ name: 'g', constant: false }], functions: [{ name: 'main', code: [['RETURN_NIL']] }] }));
    const weird: Value = [0.1, -0, 2 ** 53 + 2, -7, NaN, Infinity, 1e-300, '\ud800 lone', 'héllo ✓', '', new Map<string | number | boolean, Value>([[1, 'one'], [true, 'yes'], ['__proto__', 1]])];
    vm.setGlobal('g', weird);
    const back = VM.fromSnapshot(vm.program.module, vm.snapshot()).getGlobal('g') as Value[];
    expect(back).toEqual(weird);
    expect(Object.is(back[1], -0)).toBe(true);
  });
});
