// How values print (docs/language.md, "Printing"): PRINT, interpolation and str() all use
// the one formatter; these pin its rules.

import { describe, expect, it } from 'vitest';
import { display, displayNested } from '../../../interpreter/vm/display.js';
import { EntityRef, FnRef, Point, Range, ThreadHandle, type Value } from '../../../interpreter/vm/values.js';
import { errorOf, evaluate } from './support/harness.js';

describe('printing', () => {
  it('numbers print as the shortest decimal that reads back the same', () => {
    expect([3, 2.5, 0.1, -4, 0.1 + 0.2, 1e21, 1 / 3, -0, 1_000_000].map((n) => display(n))).toEqual(['3', '2.5', '0.1', '-4', '0.30000000000000004', '1e+21', '0.3333333333333333', '0', '1000000']);
  });
  it('booleans, nil and top-level strings print bare', () => {
    expect([true, false, null, 'Hello, Robin!'].map((v) => display(v))).toEqual(['true', 'false', 'nil', 'Hello, Robin!']);
  });
  it('strings inside lists and maps are quoted and escaped', () => {
    expect(display([1, 'a', null, [true]])).toBe('[1, "a", nil, [true]]');
    expect(display(['say "hi"\n{x}\\'])).toBe('["say \\"hi\\"\\n\\{x\\}\\\\"]');
    expect(displayNested('a')).toBe('"a"');
  });
  it('map keys: identifier-like bare, others quoted, numbers and booleans as themselves', () => {
    const m = new Map<string | number | boolean, Value>([['gold', 3], ['key with space', 1], [2, 'two'], [true, 'yes'], ['nil', 0], ['_x1', null]]);
    expect(display(m)).toBe('{gold: 3, "key with space": 1, 2: "two", true: "yes", "nil": 0, _x1: nil}');
    expect(display(new Map())).toBe('{}');
    expect(display([])).toBe('[]');
  });
  it('points, ranges, functions, threads and entities', () => {
    expect(display(new Point(320, 200))).toBe('(320, 200)');
    expect(display(new Range(0, 10))).toBe('0..10');
    expect(display(new FnRef(2), { functionName: () => 'greet' })).toBe('<fn greet>');
    expect(display(new ThreadHandle(7))).toBe('<thread 7>');
    expect(display(new EntityRef('object', 'door'))).toBe('door');
    expect(display([new Point(1.5, -2)])).toBe('[(1.5, -2)]');
  });
  it('cycles print as [...] / {...} instead of looping', () => {
    const list: Value[] = [1];
    list.push(list);
    expect(display(list)).toBe('[1, [...]]');
    const map = new Map<string, Value>();
    map.set('self', map);
    expect(display(map)).toBe('{self: {...}}');
    const shared = [1];
    expect(display([shared, shared])).toBe('[[1], [1]]');
  });
  it('deep nesting does not overflow the JS stack', () => {
    let v: Value = [];
    for (let i = 0; i < 200_000; i++) v = [v];
    expect(display(v).length).toBe(400_002);
  });
  it('text longer than the cap is MEMORY_EXCEEDED', () => {
    let v: Value = [1];
    for (let i = 0; i < 40; i++) v = [v, v]; // 2^40 leaves: printing must stop early
    expect(errorOf(() => display(v, { maxLength: 1000 })).code).toBe('MEMORY_EXCEEDED');
  });
  it('PRINT writes one transcript line per value', () => {
    const { lines } = evaluate([['CONST', 0], ['PRINT'], ['INT', 1], ['CONST', 0], ['LIST', 2], ['PRINT'], ['RETURN_NIL']], { constants: ['a'] });
    expect(lines).toEqual(['a', '[1, "a"]']);
  });
});
