// The verifier: one broken module per rule, each checked for MODULE_INVALID and
// a phrase of its message, plus the good samples and a speed check.

import { describe, expect, test } from 'vitest';
import { assemble, type AsmFunction, type AsmModule } from '../../../interpreter/bytecode/assemble.js';
import type { Module } from '../../../interpreter/bytecode/module.js';
import { Op } from '../../../interpreter/bytecode/opcodes.js';
import { verifyModule, type VerifyOptions } from '../../../interpreter/bytecode/verify.js';
import { CairnError } from '../../../interpreter/errors.js';
import { gameModule, sampleModules } from './samples.js';

/** A module whose function 0 is `f` (also the init function unless `f` takes arguments). */
function withFunction(f: Partial<AsmFunction> & Pick<AsmFunction, 'code'>, rest: Partial<AsmModule> = {}): Module {
  return assemble({
    constants: ['name', 42],
    globals: [{ name: 'score', constant: false }],
    natives: ['len'],
    ...rest,
    functions: [{ name: 'f', ...f }, ...(rest.functions ?? [])],
  });
}

/** Replaces function 0's code with raw words. */
function withWords(words: number[], f: Partial<AsmFunction> = {}): Module {
  const m = withFunction({ ...f, code: [['RETURN_NIL']] });
  m.functions[0]!.code = Int32Array.from(words);
  return m;
}

function expectInvalid(m: Module, phrase: string, options?: VerifyOptions): void {
  let error: unknown;
  try {
    verifyModule(m, options);
  } catch (e) {
    error = e;
  }
  expect(error, `expected MODULE_INVALID containing "${phrase}"`).toBeInstanceOf(CairnError);
  expect((error as CairnError).code).toBe('MODULE_INVALID');
  expect((error as CairnError).message).toContain(phrase);
}

describe('good modules pass', () => {
  test.each(sampleModules())('the %s module verifies', (_name, m) => {
    expect(() => verifyModule(m)).not.toThrow();
  });

  test('code after a return is not run, so its stack depth is not checked', () => {
    expect(() => verifyModule(withFunction({ code: [['RETURN_NIL'], ['ADD'], ['RETURN']] }))).not.toThrow();
  });

  test('ITER_NEXT pushes an element when it falls through and nothing when it jumps', () => {
    const loop = withFunction({ locals: 3, code: [['NIL'], ['SET_LOCAL', 0], 'l:', ['ITER_NEXT', 0, 'done'], ['SET_LOCAL', 2], ['JUMP', 'l'], 'done:', ['RETURN_NIL']] });
    expect(() => verifyModule(loop)).not.toThrow();
  });
});

describe('instructions', () => {
  test('an opcode number not in the table', () => {
    expectInvalid(withWords([999]), 'function `f` at 0: opcode number 999 does not exist');
  });

  test('an instruction cut off by the end of the code', () => {
    expectInvalid(withWords([Op.NIL, Op.CONST]), 'function `f` at 1: CONST needs 1 operands, but the code ends');
  });

  test.each([
    ['a constant', [['CONST', 2], ['RETURN']], 'CONST names constant 2, out of range'],
    ['a global', [['GET_GLOBAL', 1], ['RETURN']], 'GET_GLOBAL names global 1, out of range'],
    ['a function', [['FN', 1], ['RETURN']], 'FN names function 1, out of range'],
    ['a native', [['CALL_NATIVE', 1, 0], ['RETURN']], 'CALL_NATIVE names native import 1, out of range'],
    ['a local', [['GET_LOCAL', 1], ['RETURN']], 'GET_LOCAL uses local 1, but the function has 1 locals'],
    ['a negative local', [['SET_LOCAL', -1], ['RETURN_NIL']], 'SET_LOCAL uses local -1'],
    ['the second slot of FOR_RANGE', [['FOR_RANGE', 0, 'x'], 'x:', ['RETURN_NIL']], 'FOR_RANGE uses locals 0 to 1, but the function has 1 locals'],
    ['the second slot of ITER_NEXT', [['ITER_NEXT', 0, 'x'], ['POP'], 'x:', ['RETURN_NIL']], 'ITER_NEXT uses locals 0 to 1'],
    ['a negative count', [['LIST', -1], ['RETURN']], 'LIST has count -1'],
    ['a huge count', [['CONCAT', 1 << 20], ['RETURN']], 'CONCAT has count 1048576'],
  ] as Array<[string, AsmFunction['code'], string]>)('an out-of-range operand: %s', (_what, code, phrase) => {
    expectInvalid(withFunction({ locals: 1, maxStack: 4, code }), phrase);
  });

  test('MEMBER_GET and MEMBER_SET need a string constant', () => {
    expectInvalid(withFunction({ code: [['NIL'], ['MEMBER_GET', 1], ['RETURN']] }), 'MEMBER_GET needs a string constant for the member name, but constant 1');
    expectInvalid(withFunction({ code: [['NIL'], ['NIL'], ['MEMBER_SET', 1], ['RETURN_NIL']] }), 'MEMBER_SET needs a string constant');
  });

  test('a direct call or spawn must pass what the callee accepts', () => {
    const callee: AsmFunction = { name: 'g', arity: 2, minArity: 1, entries: ['a', 'a'], code: ['a:', ['RETURN_NIL']] };
    expectInvalid(withFunction({ code: [['CALL', 1, 0], ['RETURN']] }, { functions: [callee] }), 'CALL passes 0 arguments to `g`, which takes 1 to 2');
    expectInvalid(withFunction({ code: [['NIL'], ['NIL'], ['NIL'], ['SPAWN', 1, 3], ['RETURN']] }, { functions: [callee] }), 'SPAWN passes 3 arguments');
  });
});

describe('control flow', () => {
  test('a jump target outside the code', () => {
    expectInvalid(withWords([Op.JUMP, 99]), 'function `f` at 0: jump target 99 is outside the code');
    expectInvalid(withWords([Op.TRUE, Op.JUMP_IF_FALSE, -1, Op.RETURN_NIL]), 'at 1: jump target -1 is outside the code');
  });

  test('a jump target inside an instruction', () => {
    expectInvalid(withWords([Op.JUMP, 3, Op.INT, 5, Op.RETURN]), 'at 0: jump target 3 is inside an instruction');
  });

  test('control running off the end of the code', () => {
    expectInvalid(withFunction({ code: [['NIL'], ['POP']] }), 'at 1: control runs off the end of the code after POP');
    expectInvalid(withFunction({ code: ['top:', ['TRUE'], ['JUMP_IF_TRUE', 'top']] }), 'at 1: control runs off the end of the code after JUMP_IF_TRUE');
  });

  test('empty code', () => {
    const m = withFunction({ code: [['RETURN_NIL']] });
    m.functions[0]!.code = new Int32Array(0);
    expectInvalid(m, 'function `f`: has no code');
  });
});

describe('stack depth', () => {
  test('taking more values than the stack holds', () => {
    expectInvalid(withFunction({ code: [['INT', 1], ['ADD'], ['RETURN']] }), 'at 2: ADD takes 2 values from a stack holding 1');
  });

  test('growing the stack above maxStack', () => {
    expectInvalid(withFunction({ maxStack: 2, code: [['NIL'], ['NIL'], ['NIL'], ['LIST', 3], ['RETURN']] }), 'at 2: NIL grows the stack to 3, above its maxStack 2');
  });

  test('two paths reaching an instruction with different depths', () => {
    const m = withFunction({ code: [['TRUE'], ['JUMP_IF_FALSE', 'join'], ['NIL'], 'join:', ['RETURN_NIL']] });
    expectInvalid(m, 'the stack holds');
    expectInvalid(m, 'on one path here and');
  });

  test('a loop whose exit assumes ITER_NEXT pushed a value', () => {
    expectInvalid(withFunction({ locals: 2, code: ['l:', ['ITER_NEXT', 0, 'done'], ['POP'], ['JUMP', 'l'], 'done:', ['RETURN']] }), 'RETURN takes 1 values from a stack holding 0');
  });

  test('a loop that leaves a value behind each time round', () => {
    expectInvalid(withFunction({ code: ['l:', ['NIL'], ['JUMP', 'l']] }), 'on one path here and');
  });
});

describe('functions', () => {
  test('entries must match arity and minArity', () => {
    const m = withFunction({ arity: 2, minArity: 1, locals: 2, code: [['RETURN_NIL']] }, { init: 1, functions: [{ name: '<init>', code: [['RETURN_NIL']] }] });
    m.functions[0]!.entries = [0];
    expectInvalid(m, 'has 1 entries, but arity 2 and minArity 1 need 2');
  });

  test('entries must be instruction starts inside the code', () => {
    const m = withFunction({ code: [['INT', 1], ['RETURN']] });
    m.functions[0]!.entries = [5];
    expectInvalid(m, 'entry 0 at 5 is outside the code');
    m.functions[0]!.entries = [1];
    expectInvalid(m, 'entry 0 at 1 is inside an instruction');
  });

  test('minArity ≤ arity ≤ locals', () => {
    const m = withFunction({ code: [['RETURN_NIL']] }, { init: 1, functions: [{ name: '<init>', code: [['RETURN_NIL']] }] });
    expectInvalid({ ...m, functions: [{ ...m.functions[0]!, arity: 3, minArity: 3, entries: [0], locals: 2 }, m.functions[1]!] }, 'arity 3 does not fit in its 2 locals');
    expectInvalid({ ...m, functions: [{ ...m.functions[0]!, arity: 1, minArity: 2, locals: 2 }, m.functions[1]!] }, 'minArity 2 is above its arity 1');
  });

  test('locals and maxStack within the limits the VM sizes frames by', () => {
    const m = withFunction({ code: [['RETURN_NIL']] });
    expectInvalid({ ...m, functions: [{ ...m.functions[0]!, locals: 2 ** 31 }] }, 'locals 2147483648 is not a whole number from 0 to 65535');
    expectInvalid({ ...m, functions: [{ ...m.functions[0]!, maxStack: -1 }] }, 'maxStack -1');
  });

  test('the file index is in range', () => {
    const m = withFunction({ code: [['RETURN_NIL']] });
    m.functions[0]!.file = 3;
    expectInvalid(m, 'file index 3 is out of range');
  });
});

describe('line table', () => {
  const lines = (triples: number[]) => {
    const m = withFunction({ code: [['INT', 1], ['POP'], ['RETURN_NIL']] });
    m.functions[0]!.lines = Int32Array.from(triples);
    return m;
  };

  test('triples sorted by pc', () => expectInvalid(lines([2, 1, 1, 0, 2, 1]), 'line table entry 1 is out of order'));
  test('each pc at an instruction in the code', () => {
    expectInvalid(lines([7, 1, 1]), 'line table entry 0 points at 7');
    expectInvalid(lines([1, 1, 1]), 'points at 1, which is not an instruction');
  });
  test('lines and columns start at 1', () => expectInvalid(lines([0, 0, 1]), 'has line 0 column 1; both start at 1'));
  test('whole triples only', () => expectInvalid(lines([0, 1]), 'not a whole number of triples'));
});

describe('module tables', () => {
  test('the init index is a function taking no arguments', () => {
    expectInvalid({ ...gameModule(), init: 99 }, 'init function index 99 is out of range');
    expectInvalid({ ...gameModule(), init: 2 }, 'the init function `count_to` must take no arguments');
  });

  test('handler function indices are in range', () => {
    const m = gameModule();
    m.handlers.push({ owner: 'door', event: 'open', fn: 42 });
    expectInvalid(m, 'handler 2 (`open`) names function 42, out of range');
  });

  test('function and global names are unique (saves refer to them by name)', () => {
    const m = gameModule();
    expectInvalid({ ...m, functions: [...m.functions, m.functions[1]!] }, 'two functions are named `greet`');
    expectInvalid({ ...m, globals: [...m.globals, { name: 'score', constant: true }] }, 'two globals are named `score`');
  });

  test('constants are numbers, strings or entities of a known kind', () => {
    expectInvalid({ ...gameModule(), constants: [{ entity: 'spaceship', name: 'x' } as never] }, 'constant 0 is not a number, string or entity');
  });

  test('natives must be allowed by the host, given as a set or a predicate', () => {
    const m = gameModule();
    expect(() => verifyModule(m, { natives: new Set(['len', 'push', 'print_debug']) })).not.toThrow();
    expectInvalid(m, 'imports native `print_debug` (import 2), which this runtime does not provide', { natives: new Set(['len', 'push']) });
    expectInvalid(m, 'native `len`', { natives: (name) => name !== 'len' });
  });
});

describe('speed', () => {
  test('a program the size of 20,000 source lines verifies in a few milliseconds', () => {
    // Each block is what about five lines of a script compile to.
    const block: AsmFunction['code'] = [
      ['GET_LOCAL', 0], ['INT', 1], ['ADD'], ['SET_LOCAL', 1],
      ['GET_LOCAL', 1], ['INT', 10], ['JUMP_UNLESS_LT', 'skip'],
      ['CONST', 0], ['GET_LOCAL', 1], ['CONCAT', 2], ['PRINT'],
      ['GET_LOCAL', 1], ['CALL_NATIVE', 0, 1], ['POP'],
      'skip:',
    ];
    const fns: AsmFunction[] = [];
    for (let f = 0; f < 800; f++) {
      const code: AsmFunction['code'] = [];
      for (let b = 0; b < 10; b++) code.push(...block.map((l) => (typeof l === 'string' ? (`${l.slice(0, -1)}${b}:` as const) : l[0] === 'JUMP_UNLESS_LT' ? (['JUMP_UNLESS_LT', `skip${b}`] as const) : l)));
      code.push(['RETURN_NIL']);
      fns.push({ name: `f${f}`, arity: 1, locals: 2, maxStack: 3, code });
    }
    const m = assemble({ constants: ['n = '], natives: ['str'], functions: [{ name: '<init>', code: [['RETURN_NIL']] }, ...fns] });
    const words = m.functions.reduce((n, f) => n + f.code.length, 0);
    expect(words).toBeGreaterThan(200_000);
    let elapsed = Infinity;
    // The best of a few runs: the first ones include the JIT warming up.
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      verifyModule(m);
      elapsed = Math.min(elapsed, performance.now() - started);
    }
    console.log(`verified ${words} code words in ${elapsed.toFixed(1)} ms`);
    // Linear, not a speed target (that is the bench): about 5 ms here; a quadratic pass would take seconds.
    expect(elapsed).toBeLessThan(500);
  });
});
