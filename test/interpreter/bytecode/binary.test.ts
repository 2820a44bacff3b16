// The `.cbc` format: round trips, the header's version rules, and that damaged
// or hostile bytes give the right CairnError before anything large is allocated.

import { describe, expect, test } from 'vitest';
import { decodeModule, encodeModule, FORMAT_LIMITS } from '../../../interpreter/bytecode/binary.js';
import { ByteWriter } from '../../../interpreter/bytecode/byte-stream.js';
import { assemble } from '../../../interpreter/bytecode/assemble.js';
import { MODULE_MAGIC, MODULE_VERSION, type Module } from '../../../interpreter/bytecode/module.js';
import { CairnError, type ErrorCode } from '../../../interpreter/errors.js';
import { gameModule, sampleModules, tinyModule } from './samples.js';

function errorOf(run: () => unknown): CairnError {
  try {
    run();
  } catch (e) {
    if (e instanceof CairnError) return e;
    throw new Error(`expected a CairnError, got ${String(e)}`);
  }
  throw new Error('expected an error, got none');
}

function expectError(run: () => unknown, code: ErrorCode, phrase: string): void {
  const e = errorOf(run);
  expect(e.code).toBe(code);
  expect(e.message).toContain(phrase);
}

/** Bytes with a hand-written header and sections, for inputs the encoder would never produce. */
function craft(body: (w: ByteWriter) => void, header: { version?: number; minReadable?: number } = {}): Uint8Array {
  const w = new ByteWriter();
  w.raw(Uint8Array.from(MODULE_MAGIC, (c) => c.charCodeAt(0)));
  w.u16(header.version ?? MODULE_VERSION, 'version');
  w.u16(header.minReadable ?? 1, 'minReadable');
  body(w);
  return w.finish();
}

/** The sections of an empty module, with `replace` substituting the body of one section id. */
function sections(w: ByteWriter, replace: Record<number, (w: ByteWriter) => void> = {}): void {
  const defaults: Record<number, (w: ByteWriter) => void> = {
    1: (s) => s.uint(0, ''),
    2: (s) => s.uint(0, ''),
    3: (s) => s.uint(0, ''),
    4: (s) => s.uint(0, ''),
    5: (s) => s.uint(0, ''),
    6: (s) => s.uint(0, ''),
    7: (s) => s.uint(0, ''),
    8: (s) => s.string('null', ''),
  };
  for (let id = 1; id <= 8; id++) w.section(id, `section ${id}`, () => (replace[id] ?? defaults[id]!)(w));
}

/** A functions-section body holding one function whose fields after `name` are written by `rest`. */
const oneFunction = (rest: (w: ByteWriter) => void) => (w: ByteWriter) => {
  w.uint(1, 'count');
  w.string('f', 'name');
  rest(w);
};

describe('round trips', () => {
  test.each(sampleModules())('the %s module decodes to an equal module and re-encodes to the same bytes', (_name, m) => {
    const bytes = encodeModule(m);
    const back = decodeModule(bytes);
    expect(back).toEqual(m);
    expect(encodeModule(back)).toEqual(bytes);
  });

  test('encoding is deterministic: two separately built equal modules give identical bytes', () => {
    expect(encodeModule(gameModule())).toEqual(encodeModule(gameModule()));
  });

  test('number constants keep their exact value, including -0, NaN, infinities and non-int32 integers', () => {
    const numbers = [0, -0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1.5, NaN, Infinity, -Infinity, Number.MAX_VALUE, 5e-324];
    const back = decodeModule(encodeModule({ ...tinyModule(), constants: numbers }));
    back.constants.forEach((k, i) => expect(Object.is(k, numbers[i])).toBe(true));
  });

  test('strings keep a leading byte-order mark, NUL, and characters outside the BMP', () => {
    const strings = ['', '\uFEFFbom first', 'nul\u0000inside', 'shell 🐚', 'ünïcödé'];
    expect(decodeModule(encodeModule({ ...tinyModule(), constants: strings })).constants).toEqual(strings);
  });

  test('entity constants of every kind round-trip', () => {
    const kinds = ['room', 'object', 'actor', 'costume', 'dialog', 'verb'] as const;
    const constants = kinds.map((entity) => ({ entity, name: `a ${entity}` }));
    expect(decodeModule(encodeModule({ ...tinyModule(), constants })).constants).toEqual(constants);
  });

  test('a handler without `with` decodes without the key, one with it keeps it', () => {
    const [start, use] = decodeModule(encodeModule(gameModule())).handlers;
    expect('with' in start!).toBe(false);
    expect(use!.with).toBe('key');
  });

  test('the line table is delta-compressed: a thousand sorted triples take about three bytes each', () => {
    const m = tinyModule();
    const code = new Int32Array(2000).fill(1); // NIL, ignored by the format
    const lines = new Int32Array(3000);
    for (let i = 0; i < 1000; i++) lines.set([2 * i, 10 + i, 1 + (i % 5)], 3 * i);
    const big = { ...m, functions: [{ ...m.functions[0]!, code, lines }] };
    const extra = encodeModule(big).length - encodeModule({ ...big, functions: [{ ...big.functions[0]!, lines: new Int32Array(0) }] }).length;
    expect(extra).toBeLessThan(3 * 1000 + 10);
    expect(decodeModule(encodeModule(big)).functions[0]!.lines).toEqual(lines);
  });
});

describe('the header', () => {
  test('the file starts with the magic, then the format version and the minimum readable version', () => {
    const bytes = encodeModule(tinyModule());
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe(MODULE_MAGIC);
    expect(bytes[4]! | (bytes[5]! << 8)).toBe(MODULE_VERSION);
  });

  test('bytes that are not a module are refused with MODULE_MAGIC', () => {
    expectError(() => decodeModule(new TextEncoder().encode('PK\u0003\u0004 a zip file')), 'MODULE_MAGIC', 'not a Cairn bytecode module');
  });

  test('an empty input or a bare prefix of the magic is truncated', () => {
    expectError(() => decodeModule(new Uint8Array(0)), 'MODULE_TRUNCATED', 'shorter than its 4-byte magic');
    expectError(() => decodeModule(Uint8Array.of(0x43, 0x42)), 'MODULE_TRUNCATED', 'magic');
  });

  test('a module that needs a newer reader is refused with a sentence saying to update Cairn', () => {
    const bytes = craft((w) => sections(w), { version: MODULE_VERSION + 1, minReadable: MODULE_VERSION + 1 });
    expectError(() => decodeModule(bytes), 'MODULE_VERSION', 'update Cairn');
    expectError(() => decodeModule(bytes), 'MODULE_VERSION', `needs bytecode format ${MODULE_VERSION + 1} or later`);
  });

  test('a module in a format older than this reader still reads is refused with MODULE_VERSION', () => {
    expectError(() => decodeModule(craft((w) => sections(w), { version: 0, minReadable: 0 })), 'MODULE_VERSION', 'rebuild the game');
  });

  test('a header whose minimum readable version is above its own version is invalid', () => {
    expectError(() => decodeModule(craft((w) => sections(w), { version: 1, minReadable: 0 })), 'MODULE_INVALID', 'header is inconsistent');
  });

  test('a newer module that this reader may still read has its unknown sections skipped', () => {
    const good = craft((w) => {
      sections(w);
      w.section(10, 'future', () => w.string('something new', ''));
    }, { version: MODULE_VERSION + 1, minReadable: MODULE_VERSION });
    expect(decodeModule(good).version).toBe(MODULE_VERSION + 1);
    const repeated = craft((w) => (sections(w), w.section(3, 'globals again', () => w.uint(0, ''))), { version: MODULE_VERSION + 1, minReadable: MODULE_VERSION });
    expectError(() => decodeModule(repeated), 'MODULE_INVALID', 'repeats a section');
  });

  test('in a current-version module nothing may follow the last section', () => {
    const bytes = encodeModule(tinyModule());
    expectError(() => decodeModule(Uint8Array.from([...bytes, 0])), 'MODULE_INVALID', 'unexpected bytes after the last section');
  });
});

describe('damaged and hostile input', () => {
  test.each([
    ['tiny', tinyModule()],
    ['game', gameModule()],
  ] as Array<[string, Module]>)('every proper prefix of the %s module is MODULE_TRUNCATED', (_name, m) => {
    const bytes = encodeModule(m);
    for (let n = 0; n < bytes.length; n++) expect(errorOf(() => decodeModule(bytes.subarray(0, n))).code).toBe('MODULE_TRUNCATED');
  });

  test('a code length of 2^31 is refused at once as above the limit, before allocating', () => {
    const bytes = craft((w) => sections(w, { 5: oneFunction((s) => [0, 0, 0, 1, 0, 0, 0, 2 ** 31].forEach((n) => s.uint(n, ''))) }));
    const started = performance.now();
    expectError(() => decodeModule(bytes), 'MODULE_INVALID', `above the format's limit of ${FORMAT_LIMITS.codeWords}`);
    // Allocating 2^31 words first would take seconds (or fail); refusing from the header takes well under one.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('a count within the limits but longer than its section is refused before allocating', () => {
    const bytes = craft((w) => sections(w, { 2: (s) => s.uint(FORMAT_LIMITS.tableEntries, '') }));
    expectError(() => decodeModule(bytes), 'MODULE_INVALID', 'runs past the end of its section');
  });

  test('a section longer than the file is truncation', () => {
    const bytes = encodeModule(gameModule());
    expect(errorOf(() => decodeModule(bytes.subarray(0, bytes.length - 3))).message).toContain('section');
  });

  test('integers not in their shortest form are refused (they would not re-encode to the same bytes)', () => {
    const bytes = craft((w) => sections(w, { 6: (s) => s.raw(Uint8Array.of(0x80, 0x00)) }));
    expectError(() => decodeModule(bytes), 'MODULE_INVALID', 'shortest form');
  });

  test.each([
    ['an unknown constant tag', (s: ByteWriter) => (s.uint(1, ''), s.byte(9, ''), s.byte(0, '')), 'constant tag 9 is unknown'],
    ['an integer constant beyond 32 bits', (s: ByteWriter) => (s.uint(1, ''), s.byte(0, ''), s.sint(2 ** 32, '')), 'outside the 32-bit range'],
    ['an integer written as a double', (s: ByteWriter) => (s.uint(1, ''), s.byte(1, ''), s.f64(7, '')), 'should have been written as an integer'],
    ['a NaN with a payload', (s: ByteWriter) => (s.uint(1, ''), s.byte(1, ''), s.raw(Uint8Array.of(1, 0, 0, 0, 0, 0, 0xf8, 0x7f))), 'non-canonical bit pattern'],
    ['an unknown entity kind', (s: ByteWriter) => (s.uint(1, ''), s.byte(3, ''), s.byte(6, ''), s.string('x', '')), 'entity kind 6'],
    ['invalid UTF-8', (s: ByteWriter) => (s.uint(1, ''), s.byte(2, ''), s.uint(2, ''), s.raw(Uint8Array.of(0xc0, 0xaf))), 'not valid UTF-8'],
  ])('the constants section refuses %s', (_what, body, phrase) => {
    expectError(() => decodeModule(craft((w) => sections(w, { 2: body }))), 'MODULE_INVALID', phrase);
  });

  test('unknown global flags and handler with-flags are refused', () => {
    expectError(() => decodeModule(craft((w) => sections(w, { 3: (s) => (s.uint(1, ''), s.string('g', ''), s.byte(2, '')) }))), 'MODULE_INVALID', 'unknown flags 2');
    const handler = (s: ByteWriter) => (s.uint(1, ''), s.string('', ''), s.string('start', ''), s.byte(5, ''));
    expectError(() => decodeModule(craft((w) => sections(w, { 7: handler }))), 'MODULE_INVALID', 'with-flag 5');
  });

  test('declarations must be JSON in the form JSON.stringify writes', () => {
    expectError(() => decodeModule(craft((w) => sections(w, { 8: (s) => s.string('{"a": 1}', '') }))), 'MODULE_INVALID', 'form JSON.stringify writes');
    expectError(() => decodeModule(craft((w) => sections(w, { 8: (s) => s.string('{oops', '') }))), 'MODULE_INVALID', 'not valid JSON');
  });

  test('sections out of order are refused', () => {
    const bytes = craft((w) => w.section(2, 'constants', () => w.uint(0, '')));
    expectError(() => decodeModule(bytes), 'MODULE_INVALID', 'expected the files section (id 1)');
  });

  test('line table values outside 32 bits are refused', () => {
    const lines = (s: ByteWriter) => (s.uint(1, ''), s.sint(2 ** 33, ''), s.sint(1, ''), s.sint(1, ''));
    const bytes = craft((w) => sections(w, { 5: oneFunction((s) => ([0, 0, 0, 1, 0, 0, 0, 0].forEach((n) => s.uint(n, '')), lines(s))) }));
    expectError(() => decodeModule(bytes), 'MODULE_INVALID', 'outside the 32-bit range');
  });
});

describe('encoding refuses what the format cannot hold', () => {
  test('a negative arity', () => {
    const m = tinyModule();
    expectError(() => encodeModule({ ...m, functions: [{ ...m.functions[0]!, arity: -1 }] }), 'MODULE_INVALID', 'cannot encode the module: arity of function `<init>` -1');
  });

  test('a string with a lone surrogate', () => {
    expectError(() => encodeModule({ ...tinyModule(), constants: ['bad \uD800 half'] }), 'MODULE_INVALID', 'lone surrogate');
  });

  test('a constant that is not a number, string or entity', () => {
    expectError(() => encodeModule({ ...tinyModule(), constants: [true as unknown as number] }), 'MODULE_INVALID', 'is not a number, string or entity');
  });

  test('a line table that is not whole triples', () => {
    const m = assemble({ functions: [{ name: 'f', code: [['RETURN_NIL']] }] });
    m.functions[0]!.lines = Int32Array.of(0, 1);
    expectError(() => encodeModule(m), 'MODULE_INVALID', 'not a whole number of triples');
  });
});
