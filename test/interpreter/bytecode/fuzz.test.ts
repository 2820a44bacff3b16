// Property tests for the door: whatever bytes or module objects arrive,
// decodeModule and verifyModule answer with a CairnError or a module, never
// with another exception and never by hanging; whatever decodes re-encodes to
// the very same bytes; and whatever verifies runs in the VM without crashing it.

import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { decodeModule, encodeModule } from '../../../interpreter/bytecode/binary.js';
import { disassemble } from '../../../interpreter/bytecode/disasm.js';
import { functionHash } from '../../../interpreter/bytecode/hash.js';
import { MODULE_VERSION, type Module } from '../../../interpreter/bytecode/module.js';
import { OPCODE_TABLE } from '../../../interpreter/bytecode/opcodes.js';
import { verifyModule } from '../../../interpreter/bytecode/verify.js';
import { isCairnError } from '../../../interpreter/errors.js';
import { VM } from '../../../interpreter/vm/vm.js';
import { sampleModules } from './samples.js';

const samples = sampleModules();
const encoded = samples.map(([, m]) => encodeModule(m));
const MODULE_CODES = new Set(['MODULE_MAGIC', 'MODULE_VERSION', 'MODULE_TRUNCATED', 'MODULE_INVALID']);
// One input must never take long: decoding and verifying are linear in its size.
const SLOW_MS = 1000;

/** Extreme and interesting 32-bit values: sign bits, varint boundaries, opcode numbers. */
const extremeInt = fc.oneof(
  fc.constantFrom(0, 1, -1, 0x7f, 0x80, 0xff, 0x3fff, 0x4000, 0x7fff_ffff, -0x8000_0000, 0xffff_ffff, 2 ** 31, 2 ** 24, OPCODE_TABLE.length),
  fc.integer({ min: -0x8000_0000, max: 0x7fff_ffff }),
);

type ByteMutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'insert'; at: number; byte: number }
  | { kind: 'delete'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'int32'; at: number; value: number };

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('int32' as const), at: fc.nat(), value: extremeInt }),
);

function mutateBytes(source: Uint8Array, mutations: ByteMutation[]): Uint8Array {
  let bytes = Array.from(source);
  for (const m of mutations) {
    if (bytes.length === 0) break;
    const at = m.at % bytes.length;
    switch (m.kind) {
      case 'flip':
        bytes[at] = bytes[at]! ^ (1 << m.bit);
        break;
      case 'set':
        bytes[at] = m.byte;
        break;
      case 'insert':
        bytes.splice(at, 0, m.byte);
        break;
      case 'delete':
        bytes.splice(at, 1);
        break;
      case 'truncate':
        bytes = bytes.slice(0, at);
        break;
      case 'int32':
        for (let i = 0; i < 4 && at + i < bytes.length; i++) bytes[at + i] = (m.value >>> (8 * i)) & 0xff;
        break;
    }
  }
  return Uint8Array.from(bytes);
}

/** Runs `step`; passes if it returns or throws a module CairnError, fails on anything else or on slowness. */
function expectOnlyModuleErrors(step: () => void): void {
  const started = performance.now();
  try {
    step();
  } catch (e) {
    if (!isCairnError(e) || !MODULE_CODES.has(e.code)) throw e;
  }
  expect(performance.now() - started).toBeLessThan(SLOW_MS);
}

/** What a verified module must also survive: disassembly, hashing, and a short run in the VM. */
function runIfVerified(m: Module): void {
  disassemble(m);
  m.functions.forEach((_, i) => functionHash(m, i));
  runInVm(m);
}

// Small limits keep each run short: runaway loops hit the budget within a tick.
const VM_LIMITS = { instructionsPerTick: 2000, maxCallDepth: 32, maxThreads: 16, maxMemory: 1 << 20 };
const VM_TICKS = 10;
let vmRuns = 0;

/**
 * Runs init, then every other function as a thread, for a few ticks. Guest
 * errors (type errors, budget, limits) are fine; a crash inside the VM, which it
 * reports as a RUNTIME "internal error", means it trusted something the
 * verifier let through, and fails the property.
 */
function runInVm(m: Module): void {
  const errors: unknown[] = [];
  try {
    const vm = new VM(m, {
      natives: [{ name: 'print_debug', params: ['any'], blocking: false, doc: 'test native', fn: () => null }],
      limits: VM_LIMITS,
      print: () => {},
      onError: (e) => errors.push(e),
    });
    vmRuns++;
    vm.init();
    m.functions.forEach((f, i) => i !== m.init && vm.spawn(i, new Array<number>(f.minArity).fill(1)));
    for (let t = 0; t < VM_TICKS; t++) vm.tick();
  } catch (e) {
    errors.push(e);
  }
  for (const e of errors) {
    if (!isCairnError(e) || e.message.startsWith('internal error')) throw e;
  }
}

afterAll(() => {
  expect(vmRuns, 'verified modules that the VM accepted and ran').toBeGreaterThan(0);
});

describe('mutated bytes', () => {
  test('decode and verify throw only module CairnErrors, and whatever decodes re-encodes byte for byte', () => {
    let decoded = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: encoded.length - 1 }), fc.array(byteMutation, { minLength: 1, maxLength: 6 }), (which, mutations) => {
        const bytes = mutateBytes(encoded[which]!, mutations);
        expectOnlyModuleErrors(() => {
          const m = decodeModule(bytes);
          decoded++;
          // Only the current version's layout is canonical; a newer header may carry skipped sections.
          if ((bytes[4]! | (bytes[5]! << 8)) === MODULE_VERSION) expect(encodeModule(m)).toEqual(bytes);
          verifyModule(m);
          runIfVerified(m);
        });
      }),
      { numRuns: 3000 },
    );
    // The mutations are meant to reach past the header, not die at the magic every time.
    expect(decoded).toBeGreaterThan(0);
  });

  test('random bytes after a valid header throw only module CairnErrors', () => {
    const header = encoded[0]!.subarray(0, 8);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => {
        expectOnlyModuleErrors(() => verifyModule(decodeModule(Uint8Array.from([...header, ...tail]))));
      }),
      { numRuns: 1000 },
    );
  });
});

type ModuleMutation =
  | { kind: 'word'; fn: number; at: number; value: number }
  | { kind: 'field'; fn: number; field: 'arity' | 'minArity' | 'locals' | 'maxStack' | 'file'; value: number }
  | { kind: 'entry'; fn: number; at: number; value: number }
  | { kind: 'line'; fn: number; at: number; value: number }
  | { kind: 'init'; value: number }
  | { kind: 'handler'; value: number };

// Small values hit real opcodes and indices, so most mutants get deep into the checks.
const smallOrExtreme = fc.oneof(fc.integer({ min: -2, max: OPCODE_TABLE.length + 2 }), extremeInt);

const moduleMutation: fc.Arbitrary<ModuleMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('word' as const), fn: fc.nat(), at: fc.nat(), value: smallOrExtreme }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('field' as const), fn: fc.nat(), field: fc.constantFrom('arity' as const, 'minArity' as const, 'locals' as const, 'maxStack' as const, 'file' as const), value: smallOrExtreme }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('entry' as const), fn: fc.nat(), at: fc.nat(), value: smallOrExtreme }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('line' as const), fn: fc.nat(), at: fc.nat(), value: smallOrExtreme }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('init' as const), value: smallOrExtreme }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('handler' as const), value: smallOrExtreme }) },
);

function mutateModule(source: Module, mutations: ModuleMutation[]): Module {
  const m = structuredClone(source);
  const set = (list: Int32Array | number[], at: number, value: number) => list.length > 0 && (list[at % list.length] = value);
  for (const mu of mutations) {
    if (mu.kind === 'init') m.init = mu.value;
    else if (mu.kind === 'handler') m.handlers.forEach((h) => (h.fn = mu.value));
    else {
      const fn = m.functions[mu.fn % m.functions.length]!;
      if (mu.kind === 'field') fn[mu.field] = mu.value;
      else set(mu.kind === 'word' ? fn.code : mu.kind === 'entry' ? fn.entries : fn.lines, mu.at, mu.value);
    }
  }
  return m;
}

describe('mutated module objects', () => {
  test('verify throws only MODULE_INVALID for random opcodes, operands, entries, fields and lines', () => {
    let passed = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: samples.length - 1 }), fc.array(moduleMutation, { minLength: 1, maxLength: 4 }), (which, mutations) => {
        const m = mutateModule(samples[which]![1], mutations);
        let verified = false;
        expectOnlyModuleErrors(() => {
          verifyModule(m);
          verified = true;
        });
        if (verified) {
          passed++;
          runIfVerified(m);
        }
        // Broken modules must still disassemble and hash: that is when people read them.
        disassemble(m);
      }),
      { numRuns: 3000 },
    );
    // Some mutants (a changed immediate, a swapped comparison) are still valid programs.
    expect(passed).toBeGreaterThan(0);
  });
});
