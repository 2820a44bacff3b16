// Function hashes: what saves use to tell whether a suspended thread's function
// is the same in a rebuilt game. Moving things around in the module's tables
// must not change a hash; changing what the code does must.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeModule, encodeModule } from '../../../interpreter/bytecode/binary.js';
import { fnv1a64, functionHash } from '../../../interpreter/bytecode/hash.js';
import type { Module } from '../../../interpreter/bytecode/module.js';
import { Op, OPCODES_BY_CODE } from '../../../interpreter/bytecode/opcodes.js';
import { CairnError } from '../../../interpreter/errors.js';
import { gameModule, tinyModule } from './samples.js';

const hashes = (m: Module) => new Map(m.functions.map((f, i) => [f.name, functionHash(m, i)]));

/** The same program with its tables permuted: `order[i]` is the old index now at new position i. */
function permute(m: Module, order: { constants: number[]; globals: number[]; natives: number[]; functions: number[] }): Module {
  const inverse = (o: number[]) => o.reduce((inv, old, now) => ((inv[old] = now), inv), [] as number[]);
  const where = { const: inverse(order.constants), global: inverse(order.globals), native: inverse(order.natives), fn: inverse(order.functions) };
  const functions = order.functions.map((old) => {
    const f = m.functions[old]!;
    const code = f.code.slice();
    for (let pc = 0; pc < code.length; ) {
      const info = OPCODES_BY_CODE[code[pc]!]!;
      info.operands.forEach((kind, i) => {
        if (kind in where) code[pc + 1 + i] = where[kind as keyof typeof where][code[pc + 1 + i]!]!;
      });
      pc += 1 + info.operands.length;
    }
    return { ...f, code };
  });
  return {
    ...m,
    constants: order.constants.map((i) => m.constants[i]!),
    globals: order.globals.map((i) => m.globals[i]!),
    natives: order.natives.map((i) => m.natives[i]!),
    functions,
    init: where.fn[m.init]!,
    handlers: m.handlers.map((h) => ({ ...h, fn: where.fn[h.fn]! })),
  };
}

const shuffled = (n: number) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });

describe('fnv1a64', () => {
  test('matches the published FNV-1a 64-bit test vectors', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(fnv1a64(bytes(''))).toBe('cbf29ce484222325');
    expect(fnv1a64(bytes('a'))).toBe('af63dc4c8601ec8c');
    expect(fnv1a64(bytes('foobar'))).toBe('85944171f73967e8');
  });
});

describe('functionHash', () => {
  test('the scheme is pinned: a change here makes every save of every game unresumable', () => {
    expect(functionHash(tinyModule(), 0)).toBe('fddf67588fda364c');
  });

  test('reordering constants, globals, natives and functions changes no hash', () => {
    const m = gameModule();
    const before = hashes(m);
    fc.assert(
      fc.property(shuffled(m.constants.length), shuffled(m.globals.length), shuffled(m.natives.length), shuffled(m.functions.length), (constants, globals, natives, functions) => {
        expect(hashes(permute(m, { constants, globals, natives, functions }))).toEqual(before);
      }),
      { numRuns: 50 },
    );
  });

  test('adding unrelated constants, globals, natives and functions changes no hash', () => {
    const m = gameModule();
    const grown: Module = {
      ...m,
      constants: [...m.constants, 'new text', 99],
      globals: [...m.globals, { name: 'new_global', constant: false }],
      natives: [...m.natives, 'sqrt'],
      functions: [...m.functions, { ...m.functions[0]!, name: 'new_function' }],
    };
    const after = hashes(grown);
    for (const [name, hash] of hashes(m)) expect(after.get(name), name).toBe(hash);
  });

  test('moving a function to other lines or another file changes no hash', () => {
    const m = gameModule();
    const moved = { ...m, files: ['a.adv', 'b.adv'], functions: m.functions.map((f) => ({ ...f, file: 1, lines: Int32Array.of(0, 500, 2) })) };
    expect(hashes(moved)).toEqual(hashes(m));
  });

  test('the hash survives encoding and decoding', () => {
    const m = gameModule();
    expect(hashes(decodeModule(encodeModule(m)))).toEqual(hashes(m));
  });

  const changed = (edit: (m: Module) => void) => {
    const m = gameModule();
    edit(m);
    return m;
  };
  const count_to = 2;
  test.each([
    ['an immediate operand', (m: Module) => void (m.functions[count_to]!.code[30] = 101), ['count_to']],
    ['an opcode', (m: Module) => void (m.functions[count_to]!.code[21] = Op.SUB), ['count_to']],
    ['a constant value it uses', (m: Module) => void (m.constants[0] = 'Howdy'), ['greet']],
    ['the name of a global it uses', (m: Module) => void (m.globals[0] = { name: 'points', constant: false }), ['<init>']],
    ['the name of a function it calls', (m: Module) => void (m.functions[count_to]!.name = 'count_up'), ['<init>', 'on start']],
    ['the name of a native it calls', (m: Module) => void (m.natives[1] = 'append'), ['sum_list']],
    ['its locals', (m: Module) => void (m.functions[count_to]!.locals = 5), ['count_to']],
  ] as Array<[string, (m: Module) => void, string[]]>)('changing %s changes the hash of exactly the functions that use it', (_what, edit, expected) => {
    const before = hashes(gameModule());
    const after = hashes(changed(edit));
    const differing = [...after].filter(([name, hash]) => before.has(name) && before.get(name) !== hash).map(([name]) => name);
    expect(differing).toEqual(expected);
  });

  test('an index out of range is an error, not a crash', () => {
    expect(() => functionHash(tinyModule(), 5)).toThrow(CairnError);
  });
});
