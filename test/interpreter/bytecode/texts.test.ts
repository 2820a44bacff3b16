// The text table of a module (format 2): TEXT instructions name its entries;
// the binary format carries it in section 9 only when there is one, the
// verifier checks TEXT against it, and a module without texts is still
// readable by a format-1 reader.

import { describe, expect, test } from 'vitest';
import { decodeModule, encodeModule } from '../../../interpreter/bytecode/binary.js';
import type { Module } from '../../../interpreter/bytecode/module.js';
import { verifyModule } from '../../../interpreter/bytecode/verify.js';
import { compile } from '../../../interpreter/compiler/compile.js';
import { CairnError } from '../../../interpreter/errors.js';

const withTexts = (): Module => compile([{ file: 'inline.adv', text: 'on start {\n  let n = 2\n  say "Hello."\n  say "{n} gulls."\n}\n' }]).module;
const withoutTexts = (): Module => compile([{ file: 'inline.adv', text: 'on start {\n  print 1 + 1\n}\n' }]).module;

function invalid(f: () => unknown, phrase: string): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CairnError);
    expect((e as CairnError).code).toBe('MODULE_INVALID');
    expect((e as CairnError).message).toContain(phrase);
    return;
  }
  throw new Error('expected MODULE_INVALID');
}

describe('the text table', () => {
  test('a module with lines carries each with its id and slots, and round-trips byte for byte', () => {
    const m = withTexts();
    expect(m.texts).toEqual([
      { id: expect.stringMatching(/^inline\.on_start\.[0-9a-f]{8}$/), forms: [['']] },
      { id: expect.stringMatching(/^inline\.on_start\.[0-9a-f]{8}$/), forms: [['n', '']] }, // the value of n, then the literal " gulls."

    ]);
    const bytes = encodeModule(m);
    expect(bytes[6]! | (bytes[7]! << 8)).toBe(2); // minReadable: format 2, which knows TEXT
    expect(decodeModule(bytes).texts).toEqual(m.texts);
    expect(encodeModule(decodeModule(bytes))).toEqual(bytes);
  });

  test('a module without texts has no texts section and stays readable from format 1', () => {
    const m = withoutTexts();
    expect(m.texts).toBeUndefined();
    const bytes = encodeModule(m);
    expect(bytes[6]! | (bytes[7]! << 8)).toBe(1);
    expect(decodeModule(bytes).texts).toBeUndefined();
  });

  test('a header whose minReadable does not follow from the content is refused', () => {
    const bytes = encodeModule(withoutTexts());
    bytes[6] = 2;
    invalid(() => decodeModule(bytes), 'a module without texts says 1');
  });

  test('the verifier refuses TEXT naming no text, or popping another number of values than its slots', () => {
    const m = withTexts();
    verifyModule(m);
    const out = structuredClone(m);
    out.texts = [out.texts![0]!];
    invalid(() => verifyModule(out), 'names text 1, out of range (the module has 1)');
    const wrong = structuredClone(m);
    wrong.texts![1]!.forms = [['']];
    invalid(() => verifyModule(wrong), 'pops 2 values, but text 1');
    const three = structuredClone(m);
    three.texts![0]!.forms = [[''], [''], ['']];
    invalid(() => verifyModule(three), 'one or two forms');
  });
});
