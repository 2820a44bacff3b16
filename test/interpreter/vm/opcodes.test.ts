// Semantics of each opcode group, on hand-assembled code: what docs/language.md
// says values and operators do, as the VM executes them.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AsmLine } from '../../../interpreter/bytecode/assemble.js';
import { OPCODE_TABLE } from '../../../interpreter/bytecode/opcodes.js';
import { EntityRef, FnRef, Point, Range, type Value } from '../../../interpreter/vm/values.js';
import { errorOf, evaluate } from './support/harness.js';

/** Result of `a OP b` on two constants. */
function binary(op: AsmLine, a: Value, b: Value): Value {
  const consts: Array<number | string> = [];
  const push = (v: Value): AsmLine => {
    if (typeof v === 'number' || typeof v === 'string') return ['CONST', consts.push(v) - 1];
    if (v === null) return ['NIL'];
    return v ? ['TRUE'] : ['FALSE'];
  };
  const code = [push(a), push(b), op, ['RETURN'] as AsmLine];
  return evaluate(code, { constants: consts }).result;
}

describe('constants, stack, locals, globals', () => {
  it('pushes literals and constants', () => {
    const { result } = evaluate([['CONST', 0], ['INT', -7], ['NIL'], ['TRUE'], ['FALSE'], ['LIST', 5], ['RETURN']], { constants: ['s'] });
    expect(result).toEqual(['s', -7, null, true, false]);
  });
  it('DUP, POP, GET_LOCAL2 and locals start as nil', () => {
    const { result } = evaluate([['INT', 1], ['DUP'], ['ADD'], ['SET_LOCAL', 0], ['INT', 9], ['POP'], ['GET_LOCAL2', 0, 1], ['LIST', 2], ['RETURN']]);
    expect(result).toEqual([2, null]);
  });
  it('globals start as nil and keep values across calls', () => {
    const run = evaluate([['GET_GLOBAL', 0], ['INT', 5], ['SET_GLOBAL', 0], ['GET_GLOBAL', 0], ['LIST', 2], ['RETURN']], { globals: [{ name: 'g', constant: false }] });
    expect(run.result).toEqual([null, 5]);
  });
  it('FN pushes a function value that prints with its name', () => {
    const { result, lines } = evaluate([['FN', 1], ['DUP'], ['PRINT'], ['RETURN']], { functions: [{ name: 'greet', code: [['RETURN_NIL']] }] });
    expect(result).toBeInstanceOf(FnRef);
    expect(lines).toEqual(['<fn greet>']);
  });
});

describe('arithmetic', () => {
  it('is IEEE double arithmetic with true division', () => {
    expect(binary(['ADD'], 0.1, 0.2)).toBe(0.30000000000000004);
    expect(binary(['SUB'], 10, 4)).toBe(6);
    expect(binary(['MUL'], 2.5, 2)).toBe(5);
    expect(binary(['DIV'], 7, 2)).toBe(3.5);
  });
  it('% is floored modulo: the result takes the sign of the divisor', () => {
    const cases: Array<[number, number, number]> = [
      [-1, 3, 2], [7, 3, 1], [-7, 3, 2], [7, -3, -2], [-7, -3, -1], [6, 3, 0], [-6, 3, 0],
      [5.5, 2, 1.5], [-5.5, 2, 0.5], [1e14 + 7, 1000003, (1e14 + 7) % 1000003], [-(1e14 + 7), 1000003, 1000003 - ((1e14 + 7) % 1000003)],
      [2 ** 53, 3, 2], [-2147483648, -1, 0], [3, 2 ** 40, 3], [-3, 2 ** 40, 2 ** 40 - 3],
    ];
    for (const [a, b, want] of cases) expect(binary(['MOD'], a, b), `${a} % ${b}`).toBe(want);
  });
  it('floored modulo agrees with a reference on many integers', () => {
    const ref = (a: number, b: number) => ((a % b) + b) % b || 0;
    for (const a of [-1000003, -999, -3, -1, 0, 1, 2, 999, 123456789012, -123456789012]) {
      for (const b of [1, 2, 3, 7, 1000003]) expect(binary(['MOD'], a, b)).toBe(ref(a, b));
    }
  });
  it('dividing by zero is a DIVIDE_BY_ZERO error, for / and %', () => {
    expect(errorOf(() => binary(['DIV'], 1, 0)).code).toBe('DIVIDE_BY_ZERO');
    expect(errorOf(() => binary(['MOD'], 1, 0)).code).toBe('DIVIDE_BY_ZERO');
  });
  it('+ joins strings and lists, but string + number is a TYPE_ERROR with a hint', () => {
    expect(binary(['ADD'], 'con', 'cat')).toBe('concat');
    expect(evaluate([['INT', 1], ['LIST', 1], ['INT', 2], ['INT', 3], ['LIST', 2], ['ADD'], ['RETURN']]).result).toEqual([1, 2, 3]);
    const err = errorOf(() => binary(['ADD'], 'a', 1));
    expect(err.code).toBe('TYPE_ERROR');
    expect(err.message).toBe('cannot add string and number');
    expect(err.hint).toMatch(/interpolate/);
  });
  it('other operators need numbers', () => {
    for (const op of ['SUB', 'MUL', 'DIV', 'MOD'] as const) expect(errorOf(() => binary([op], 'a', 1)).code).toBe('TYPE_ERROR');
    expect(errorOf(() => evaluate([['NIL'], ['NEG'], ['RETURN']])).code).toBe('TYPE_ERROR');
    expect(errorOf(() => evaluate([['NIL'], ['ADD_INT', 1], ['RETURN']])).code).toBe('TYPE_ERROR');
    expect(errorOf(() => evaluate([['INC_LOCAL', 0, 1], ['RETURN_NIL']])).code).toBe('TYPE_ERROR');
  });
  it('NEG, ADD_INT and INC_LOCAL', () => {
    expect(evaluate([['INT', 4], ['NEG'], ['ADD_INT', -2], ['SET_LOCAL', 0], ['INC_LOCAL', 0, 10], ['GET_LOCAL', 0], ['RETURN']]).result).toBe(4);
  });
});

describe('logic and comparison', () => {
  it('NOT and TO_BOOL: only nil and false are falsy', () => {
    const { result } = evaluate([['INT', 0], ['NOT'], ['NIL'], ['NOT'], ['CONST', 0], ['TO_BOOL'], ['FALSE'], ['TO_BOOL'], ['LIST', 4], ['RETURN']], { constants: [''] });
    expect(result).toEqual([false, true, true, false]);
  });
  it('compares numbers and strings', () => {
    expect(binary(['LT'], 1, 2)).toBe(true);
    expect(binary(['LE'], 2, 2)).toBe(true);
    expect(binary(['GT'], 3, 4)).toBe(false);
    expect(binary(['GE'], 3, 4)).toBe(false);
    expect(binary(['LT'], 'a', 'b')).toBe(true);
    expect(binary(['GE'], 'b', 'a')).toBe(true);
  });
  it('comparing a number with a string is a TYPE_ERROR', () => {
    for (const op of ['LT', 'LE', 'GT', 'GE'] as const) expect(errorOf(() => binary([op], 1, 'a')).code).toBe('TYPE_ERROR');
    expect(errorOf(() => binary(['LT'], null, null)).code).toBe('TYPE_ERROR');
  });
  it('== and != compare by value, across types false', () => {
    expect(binary(['EQ'], 1, 1)).toBe(true);
    expect(binary(['NE'], 1, 1)).toBe(false);
    expect(binary(['EQ'], 1, '1')).toBe(false);
    expect(binary(['EQ'], null, null)).toBe(true);
    expect(binary(['EQ'], null, false)).toBe(false);
    expect(binary(['EQ'], 'ab', 'ab')).toBe(true);
    const lists = evaluate([['INT', 1], ['INT', 2], ['INT', 3], ['LIST', 1], ['LIST', 3], ['INT', 1], ['INT', 2], ['INT', 3], ['LIST', 1], ['LIST', 3], ['EQ'], ['RETURN']]);
    expect(lists.result).toBe(true);
    const order = evaluate([['INT', 1], ['INT', 2], ['LIST', 2], ['INT', 2], ['INT', 1], ['LIST', 2], ['NE'], ['RETURN']]);
    expect(order.result).toBe(true);
    const maps = evaluate([['CONST', 0], ['INT', 1], ['CONST', 1], ['INT', 2], ['MAP', 2], ['CONST', 1], ['INT', 2], ['CONST', 0], ['INT', 1], ['MAP', 2], ['EQ'], ['RETURN']], { constants: ['a', 'b'] });
    expect(maps.result).toBe(true);
    const points = evaluate([['INT', 1], ['INT', 2], ['POINT'], ['INT', 1], ['INT', 2], ['POINT'], ['EQ'], ['INT', 1], ['INT', 2], ['POINT'], ['INT', 2], ['INT', 1], ['POINT'], ['EQ'], ['LIST', 2], ['RETURN']]);
    expect(points.result).toEqual([true, false]);
  });
  it('== terminates on cyclic structures', () => {
    // a = [nil]; a[0] = a; b = [nil]; b[0] = b; a == b
    const { result } = evaluate([
      ['NIL'], ['LIST', 1], ['SET_LOCAL', 0], ['GET_LOCAL', 0], ['INT', 0], ['GET_LOCAL', 0], ['INDEX_SET'],
      ['NIL'], ['LIST', 1], ['SET_LOCAL', 1], ['GET_LOCAL', 1], ['INT', 0], ['GET_LOCAL', 1], ['INDEX_SET'],
      ['GET_LOCAL2', 0, 1], ['EQ'], ['RETURN'],
    ]);
    expect(result).toBe(true);
  });
  it('RANGE builds an end-exclusive range and needs numbers', () => {
    expect(evaluate([['INT', 0], ['INT', 10], ['RANGE'], ['RETURN']]).result).toEqual(new Range(0, 10));
    expect(errorOf(() => binary(['RANGE'], 'a', 1)).code).toBe('TYPE_ERROR');
  });
});

describe('control flow', () => {
  it('JUMP_IF_FALSE / JUMP_IF_TRUE pop and test truthiness', () => {
    const code: AsmLine[] = [['INT', 0], ['JUMP_IF_FALSE', 'no'], ['NIL'], ['JUMP_IF_TRUE', 'no'], ['CONST', 0], ['RETURN'], 'no:', ['CONST', 1], ['RETURN']];
    expect(evaluate(code, { constants: ['yes', 'no'] }).result).toBe('yes');
  });
  it('JUMP_UNLESS_* jump when the comparison fails', () => {
    const check = (op: 'JUMP_UNLESS_LT' | 'JUMP_UNLESS_LE' | 'JUMP_UNLESS_GT' | 'JUMP_UNLESS_GE' | 'JUMP_UNLESS_EQ' | 'JUMP_UNLESS_NE', a: number, b: number) =>
      evaluate([['INT', a], ['INT', b], [op, 'jumped'], ['TRUE'], ['RETURN'], 'jumped:', ['FALSE'], ['RETURN']]).result;
    expect([check('JUMP_UNLESS_LT', 1, 2), check('JUMP_UNLESS_LT', 2, 2)]).toEqual([true, false]);
    expect([check('JUMP_UNLESS_LE', 2, 2), check('JUMP_UNLESS_LE', 3, 2)]).toEqual([true, false]);
    expect([check('JUMP_UNLESS_GT', 3, 2), check('JUMP_UNLESS_GT', 2, 2)]).toEqual([true, false]);
    expect([check('JUMP_UNLESS_GE', 2, 2), check('JUMP_UNLESS_GE', 1, 2)]).toEqual([true, false]);
    expect([check('JUMP_UNLESS_EQ', 2, 2), check('JUMP_UNLESS_EQ', 1, 2)]).toEqual([true, false]);
    expect([check('JUMP_UNLESS_NE', 1, 2), check('JUMP_UNLESS_NE', 2, 2)]).toEqual([true, false]);
  });
  it('FOR_RANGE counts a local up to an exclusive end', () => {
    // total = 0; for i in 0..5 { total += i }
    const code: AsmLine[] = [
      ['INT', 0], ['SET_LOCAL', 0], ['INT', 0], ['SET_LOCAL', 1], ['INT', 5], ['SET_LOCAL', 2],
      ['GET_LOCAL2', 1, 2], ['JUMP_UNLESS_LT', 'done'],
      'body:', ['GET_LOCAL2', 0, 1], ['ADD'], ['SET_LOCAL', 0], ['FOR_RANGE', 1, 'body'],
      'done:', ['GET_LOCAL', 0], ['RETURN'],
    ];
    expect(evaluate(code).result).toBe(10);
  });
  /** Collects `for x in <value>` into a list. */
  const iterate = (setup: AsmLine[], constants: Array<number | string> = []) =>
    evaluate([
      ...setup, ['ITER_PREP'], ['SET_LOCAL', 1], ['INT', 0], ['SET_LOCAL', 2], ['LIST', 0], ['SET_LOCAL', 0],
      'next:', ['ITER_NEXT', 1, 'done'], ['SET_LOCAL', 3], ['GET_LOCAL', 0], ['GET_LOCAL', 3], ['LIST', 1], ['ADD'], ['SET_LOCAL', 0], ['JUMP', 'next'],
      'done:', ['GET_LOCAL', 0], ['RETURN'],
    ], { constants, natives: [] }).result;
  it('ITER_PREP / ITER_NEXT walk lists, ranges, map keys and strings', () => {
    expect(iterate([['INT', 10], ['INT', 20], ['LIST', 2]])).toEqual([10, 20]);
    expect(iterate([['INT', 3], ['INT', 6], ['RANGE']])).toEqual([3, 4, 5]);
    expect(iterate([['CONST', 0], ['INT', 1], ['CONST', 1], ['INT', 2], ['MAP', 2]], ['b', 'a'])).toEqual(['b', 'a']);
    expect(iterate([['CONST', 0]], ['héllo'])).toEqual(['h', 'é', 'l', 'l', 'o']);
    expect(iterate([['INT', 0], ['LIST', 0]])).toEqual([]);
    expect(errorOf(() => iterate([['INT', 3]])).code).toBe('TYPE_ERROR');
  });
  it('ITER_NEXT treats an unset (nil) position as the start', () => {
    const { result } = evaluate([['INT', 7], ['LIST', 1], ['ITER_PREP'], ['SET_LOCAL', 0], ['ITER_NEXT', 0, 'done'], ['RETURN'], 'done:', ['NIL'], ['RETURN']]);
    expect(result).toBe(7);
  });
});

describe('calls', () => {
  const greet = {
    // fn greet(who, greeting = "Hello") { return "{greeting}, {who}" }
    name: 'greet', arity: 2, minArity: 1, locals: 2, entries: ['one', 'two'],
    code: [
      'one:', ['CONST', 0], ['SET_LOCAL', 1],
      'two:', ['GET_LOCAL', 1], ['CONST', 1], ['GET_LOCAL', 0], ['CONCAT', 3], ['RETURN'],
    ] as AsmLine[],
  };
  it('CALL starts at entries[argc - minArity], so defaults fill missing arguments', () => {
    const { result } = evaluate([['CONST', 2], ['CALL', 1, 1], ['CONST', 2], ['CONST', 3], ['CALL', 1, 2], ['LIST', 2], ['RETURN']], { constants: ['Hello', ', ', 'Robin', 'Ahoy'], functions: [greet] });
    expect(result).toEqual(['Hello, Robin', 'Ahoy, Robin']);
  });
  it('CALL_VALUE calls a function value; calling nil is NOT_CALLABLE', () => {
    const { result } = evaluate([['FN', 1], ['CONST', 2], ['CALL_VALUE', 1], ['RETURN']], { constants: ['Hello', ', ', 'you'], functions: [greet] });
    expect(result).toBe('Hello, you');
    const err = errorOf(() => evaluate([['NIL'], ['CALL_VALUE', 0], ['RETURN']]));
    expect(err.code).toBe('NOT_CALLABLE');
    expect(err.message).toBe('cannot call nil: it is not a function');
  });
  it('a call with the wrong number of arguments is BAD_ARGUMENT', () => {
    const err = errorOf(() => evaluate([['CALL', 1, 0], ['RETURN']], { constants: ['Hello', ', '], functions: [greet] }));
    expect(err.code).toBe('BAD_ARGUMENT');
    expect(err.message).toBe('`greet` takes 1 to 2 arguments, got 0');
    expect(errorOf(() => evaluate([['FN', 1], ['INT', 1], ['INT', 2], ['INT', 3], ['CALL_VALUE', 3], ['RETURN']], { constants: ['Hello', ', '], functions: [greet] })).code).toBe('BAD_ARGUMENT');
  });
  it('RETURN_NIL returns nil and caller operands survive a call', () => {
    const { result } = evaluate([['INT', 5], ['CALL', 1, 0], ['LIST', 2], ['RETURN']], { functions: [{ name: 'f', code: [['INT', 99], ['POP'], ['RETURN_NIL']] }] });
    expect(result).toEqual([5, null]);
  });
  it('recursion works (fib)', () => {
    const fib = {
      name: 'fib', arity: 1, locals: 1,
      code: [['GET_LOCAL', 0], ['INT', 2], ['JUMP_UNLESS_LT', 'rec'], ['GET_LOCAL', 0], ['RETURN'], 'rec:', ['GET_LOCAL', 0], ['ADD_INT', -1], ['CALL', 1, 1], ['GET_LOCAL', 0], ['ADD_INT', -2], ['CALL', 1, 1], ['ADD'], ['RETURN']] as AsmLine[],
    };
    expect(evaluate([['INT', 20], ['CALL', 1, 1], ['RETURN']], { functions: [fib] }).result).toBe(6765);
  });
});

describe('collections and members', () => {
  it('MAP builds maps in insertion order; later duplicate keys win', () => {
    const { result } = evaluate([['CONST', 0], ['INT', 1], ['CONST', 1], ['INT', 2], ['CONST', 0], ['INT', 3], ['MAP', 3], ['RETURN']], { constants: ['a', 'b'] });
    expect(result).toEqual(new Map([['a', 3], ['b', 2]]));
    expect(errorOf(() => evaluate([['NIL'], ['INT', 1], ['MAP', 1], ['RETURN']])).code).toBe('TYPE_ERROR');
  });
  it('INDEX_GET and INDEX_SET on lists check whole-number indices in range', () => {
    const list: AsmLine[] = [['INT', 1], ['INT', 2], ['LIST', 2], ['SET_LOCAL', 0]];
    expect(evaluate([...list, ['GET_LOCAL', 0], ['INT', 1], ['INDEX_GET'], ['RETURN']]).result).toBe(2);
    expect(evaluate([...list, ['GET_LOCAL', 0], ['INT', 0], ['INT', 9], ['INDEX_SET'], ['GET_LOCAL', 0], ['RETURN']]).result).toEqual([9, 2]);
    const out = errorOf(() => evaluate([...list, ['GET_LOCAL', 0], ['INT', 2], ['INDEX_GET'], ['RETURN']]));
    expect(out.code).toBe('INDEX_OUT_OF_RANGE');
    expect(out.message).toBe('index 2 is out of range for a list of length 2');
    expect(errorOf(() => evaluate([...list, ['GET_LOCAL', 0], ['INT', -1], ['INDEX_GET'], ['RETURN']])).code).toBe('INDEX_OUT_OF_RANGE');
    expect(errorOf(() => evaluate([...list, ['GET_LOCAL', 0], ['INT', 2], ['INT', 0], ['INDEX_SET'], ['RETURN_NIL']])).code).toBe('INDEX_OUT_OF_RANGE');
    expect(errorOf(() => evaluate([...list, ['GET_LOCAL', 0], ['CONST', 0], ['INDEX_GET'], ['RETURN']], { constants: [0.5] })).code).toBe('TYPE_ERROR');
  });
  it('INDEX_GET on strings gives one character; strings cannot be set', () => {
    expect(evaluate([['CONST', 0], ['INT', 1], ['INDEX_GET'], ['RETURN']], { constants: ['abc'] }).result).toBe('b');
    expect(errorOf(() => evaluate([['CONST', 0], ['INT', 1], ['INT', 1], ['INDEX_SET'], ['RETURN_NIL']], { constants: ['abc'] })).code).toBe('TYPE_ERROR');
  });
  it('maps: reading a missing key is KEY_NOT_FOUND; writing adds it', () => {
    const m: AsmLine[] = [['MAP', 0], ['SET_LOCAL', 0]];
    expect(evaluate([...m, ['GET_LOCAL', 0], ['CONST', 0], ['INT', 3], ['INDEX_SET'], ['GET_LOCAL', 0], ['MEMBER_GET', 0], ['RETURN']], { constants: ['gold'] }).result).toBe(3);
    expect(evaluate([...m, ['GET_LOCAL', 0], ['INT', 4], ['MEMBER_SET', 0], ['GET_LOCAL', 0], ['CONST', 0], ['INDEX_GET'], ['RETURN']], { constants: ['gold'] }).result).toBe(4);
    const err = errorOf(() => evaluate([...m, ['GET_LOCAL', 0], ['MEMBER_GET', 0], ['RETURN']], { constants: ['gold'] }));
    expect(err.code).toBe('KEY_NOT_FOUND');
    expect(err.message).toBe('the map has no key "gold"');
    expect(errorOf(() => evaluate([...m, ['GET_LOCAL', 0], ['INT', 1], ['LIST', 1], ['INT', 1], ['INDEX_SET'], ['RETURN_NIL']])).code).toBe('TYPE_ERROR');
  });
  it('__proto__, constructor and toString are ordinary map keys', () => {
    const { result } = evaluate([
      ['MAP', 0], ['SET_LOCAL', 0],
      ['GET_LOCAL', 0], ['CONST', 0], ['INT', 1], ['INDEX_SET'],
      ['GET_LOCAL', 0], ['INT', 2], ['MEMBER_SET', 1],
      ['GET_LOCAL', 0], ['INT', 3], ['MEMBER_SET', 2],
      ['GET_LOCAL', 0], ['CONST', 0], ['INDEX_GET'], ['GET_LOCAL', 0], ['MEMBER_GET', 1], ['GET_LOCAL', 0], ['MEMBER_GET', 2], ['LIST', 3], ['RETURN'],
    ], { constants: ['__proto__', 'constructor', 'toString'] });
    expect(result).toEqual([1, 2, 3]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const err = errorOf(() => evaluate([['MAP', 0], ['MEMBER_GET', 0], ['RETURN']], { constants: ['constructor'] }));
    expect(err.code).toBe('KEY_NOT_FOUND');
  });
  it('points have x and y and cannot be changed; ranges have from and to', () => {
    expect(evaluate([['INT', 320], ['INT', 200], ['POINT'], ['DUP'], ['MEMBER_GET', 0], ['SET_LOCAL', 0], ['MEMBER_GET', 1], ['GET_LOCAL', 0], ['LIST', 2], ['RETURN']], { constants: ['x', 'y'] }).result).toEqual([200, 320]);
    expect(errorOf(() => evaluate([['INT', 1], ['INT', 2], ['POINT'], ['INT', 5], ['MEMBER_SET', 0], ['RETURN_NIL']], { constants: ['x'] })).code).toBe('TYPE_ERROR');
    expect(errorOf(() => evaluate([['INT', 1], ['INT', 2], ['POINT'], ['MEMBER_GET', 0], ['RETURN']], { constants: ['z'] })).code).toBe('NO_SUCH_PROPERTY');
    expect(errorOf(() => evaluate([['CONST', 0], ['INT', 2], ['POINT'], ['RETURN']], { constants: ['a'] })).code).toBe('TYPE_ERROR');
    expect(evaluate([['INT', 2], ['INT', 5], ['RANGE'], ['MEMBER_GET', 0], ['RETURN']], { constants: ['to'] }).result).toBe(5);
  });
  it('entity members go to the host', () => {
    const store = new Map<string, Value>();
    const host = {
      getMember: (ref: EntityRef, name: string) => store.get(`${ref.name}.${name}`) ?? null,
      setMember: (ref: EntityRef, name: string, v: Value) => void store.set(`${ref.name}.${name}`, v),
    };
    const { result } = evaluate([['CONST', 0], ['TRUE'], ['MEMBER_SET', 1], ['CONST', 0], ['MEMBER_GET', 1], ['RETURN']], { constants: [{ entity: 'object', name: 'door' }, 'open'] }, { host });
    expect(result).toBe(true);
    expect(store.get('door.open')).toBe(true);
    const err = errorOf(() => evaluate([['CONST', 0], ['MEMBER_GET', 1], ['RETURN']], { constants: [{ entity: 'object', name: 'door' }, 'open'] }));
    expect(err.code).toBe('NO_SUCH_PROPERTY');
  });
  it('entity constants are EntityRefs', () => {
    expect(evaluate([['CONST', 0], ['RETURN']], { constants: [{ entity: 'room', name: 'beach' }] }).result).toEqual(new EntityRef('room', 'beach'));
  });
  it('CONCAT joins printed forms: strings bare, lists quoted inside', () => {
    const { result } = evaluate([['CONST', 0], ['INT', 3], ['CONST', 1], ['NIL'], ['CONST', 0], ['LIST', 2], ['TRUE'], ['CONCAT', 5], ['RETURN']], { constants: ['a', 2.5] });
    expect(result).toBe('a32.5[nil, "a"]true');
  });
  it('POINT builds a point', () => {
    expect(evaluate([['INT', 1], ['INT', 2], ['POINT'], ['RETURN']]).result).toEqual(new Point(1, 2));
  });
});

describe('the dispatch loop and the opcode table', () => {
  it('has exactly one case for every opcode in the table, in the loop or among the rare ones it hands out', () => {
    const source = ['dispatch.ts', 'rare-opcodes.ts'].map((f) => readFileSync(new URL(`../../../interpreter/vm/${f}`, import.meta.url), 'utf8')).join('\n');
    const handled = [...source.matchAll(/case (\d+) satisfies OpCode<'(\w+)'>/g)].map((m) => `${m[2]}=${m[1]}`).sort();
    expect(handled).toEqual(OPCODE_TABLE.map((o) => `${o.name}=${o.code}`).sort());
  });
  it('running off the end of the code is a RUNTIME error, not a crash or a hang', () => {
    const err = errorOf(() => evaluate([['NIL'], ['POP']]));
    expect(err.code).toBe('RUNTIME');
    expect(err.message).toMatch(/invalid instruction/);
  });
});
