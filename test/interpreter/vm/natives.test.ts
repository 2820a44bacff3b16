// The natives table: built-ins (docs/language.md, "Built-in functions"), argument checking located at
// the calling line, host natives, and blocking natives resumed by the host.

import { describe, expect, it } from 'vitest';
import type { AsmLine } from '../../../interpreter/bytecode/assemble.js';
import { assemble } from '../../../interpreter/bytecode/assemble.js';
import { BUILTIN_NATIVES } from '../../../interpreter/vm/builtins.js';
import { nativeSpecs, type NativeDef } from '../../../interpreter/vm/native-table.js';
import { Range, type Value } from '../../../interpreter/vm/values.js';
import { VM } from '../../../interpreter/vm/vm.js';
import { errorOf, evaluate, placeOf, runToEnd, start } from './support/harness.js';

/** Calls native `name` with constant arguments; returns the result. */
function callNative(name: string, ...args: Value[]): Value {
  const constants: Array<number | string> = [];
  const code: AsmLine[] = [];
  const push = (v: Value): void => {
    if (typeof v === 'number' || typeof v === 'string') code.push(['CONST', constants.push(v) - 1]);
    else if (v === null) code.push(['NIL']);
    else if (typeof v === 'boolean') code.push([v ? 'TRUE' : 'FALSE']);
    else if (Array.isArray(v)) {
      v.forEach(push);
      code.push(['LIST', v.length]);
    } else if (v instanceof Map) {
      for (const [k, item] of v) {
        push(k);
        push(item);
      }
      code.push(['MAP', v.size]);
    } else if (v instanceof Range) {
      push(v.from);
      push(v.to);
      code.push(['RANGE']);
    } else throw new Error('unsupported test value');
  };
  args.forEach(push);
  code.push(['CALL_NATIVE', 0, args.length], ['RETURN']);
  return evaluate(code, { constants, natives: [name] }).result;
}

describe('built-in natives', () => {
  it('len, push, pop, insert, remove', () => {
    expect([callNative('len', [3, 1, 2]), callNative('len', 'hello'), callNative('len', new Map([['a', 1]])), callNative('len', new Range(2, 5))]).toEqual([3, 5, 1, 3]);
    const { result } = evaluate([
      ['INT', 3], ['INT', 1], ['INT', 2], ['LIST', 3], ['SET_LOCAL', 0],
      ['GET_LOCAL', 0], ['INT', 9], ['CALL_NATIVE', 0, 2], ['POP'],
      ['GET_LOCAL', 0], ['CALL_NATIVE', 1, 1], ['SET_LOCAL', 1],
      ['GET_LOCAL', 0], ['INT', 0], ['INT', 7], ['CALL_NATIVE', 2, 3], ['POP'],
      ['GET_LOCAL', 0], ['INT', 1], ['CALL_NATIVE', 3, 2], ['SET_LOCAL', 2],
      ['GET_LOCAL', 0], ['GET_LOCAL', 1], ['GET_LOCAL', 2], ['LIST', 3], ['RETURN'],
    ], { natives: ['push', 'pop', 'insert', 'remove'] });
    expect(result).toEqual([[7, 1, 2], 9, 3]);
  });
  it('list natives check ranges', () => {
    expect(errorOf(() => callNative('pop', [])).code).toBe('INDEX_OUT_OF_RANGE');
    expect(errorOf(() => callNative('insert', [1], 3, 0)).code).toBe('INDEX_OUT_OF_RANGE');
    expect(errorOf(() => callNative('remove', [1], 1)).code).toBe('INDEX_OUT_OF_RANGE');
    expect(errorOf(() => callNative('remove', [1], 'a')).code).toBe('BAD_ARGUMENT');
  });
  it('maps: keys, has_key, remove, get', () => {
    const m = new Map<string, Value>([['x', 1], ['y', 2]]);
    expect(callNative('keys', m)).toEqual(['x', 'y']);
    expect([callNative('has_key', m, 'x'), callNative('has_key', m, 'z'), callNative('has_key', new Map(), '__proto__')]).toEqual([true, false, false]);
    expect([callNative('remove', m, 'y'), callNative('remove', m, 'nope')]).toEqual([2, null]);
    expect([callNative('get', m, 'x'), callNative('get', m, 'z'), callNative('get', m, 'z', 0), callNative('get', [5], 0), callNative('get', [5], 3, -1)]).toEqual([1, null, 0, 5, -1]);
  });
  it('contains works on lists (by value), maps, strings and ranges', () => {
    expect(callNative('contains', [7, [1, 2]], [1, 2])).toBe(true);
    expect(callNative('contains', [7], 8)).toBe(false);
    expect(callNative('contains', new Map([['a', 1]]), 'a')).toBe(true);
    expect(callNative('contains', 'lighthouse', 'house')).toBe(true);
    expect([callNative('contains', new Range(0, 10), 3), callNative('contains', new Range(0, 10), 10), callNative('contains', new Range(0, 10), 2.5)]).toEqual([true, false, false]);
  });
  it('text: join, split, upper, lower, str, num', () => {
    expect(callNative('join', ['a', 'b', 'c'], '-')).toBe('a-b-c');
    expect(callNative('join', [1, 'b', null, [2]])).toBe('1bnil[2]');
    expect(callNative('split', 'a,b,c', ',')).toEqual(['a', 'b', 'c']);
    expect(callNative('split', 'abc', '')).toEqual(['a', 'b', 'c']);
    expect(callNative('split', '  look at   the door ')).toEqual(['look', 'at', 'the', 'door']);
    expect([callNative('upper', 'Shell'), callNative('lower', 'Shell')]).toEqual(['SHELL', 'shell']);
    expect([callNative('str', 42), callNative('str', [1, 'a']), callNative('str', 'x'), callNative('str', null)]).toEqual(['42', '[1, "a"]', 'x', 'nil']);
    expect(['3.5', '-2', ' 7 ', '1e3', '0x1F', '1_000', 'abc', '', '3.5x', '.5'].map((s) => callNative('num', s))).toEqual([3.5, -2, 7, 1000, 31, 1000, null, null, null, 0.5]);
  });
  it('numbers: floor, ceil, round (halves away from zero), abs, sqrt, min, max', () => {
    expect([callNative('floor', 2.7), callNative('ceil', 2.1), callNative('ceil', -0.5), callNative('round', 2.5), callNative('round', -2.5), callNative('round', 2.4)]).toEqual([2, 3, 0, 3, -3, 2]);
    expect(Object.is(callNative('ceil', -0.5), -0)).toBe(false);
    expect([callNative('abs', -4), callNative('sqrt', 16), callNative('min', 4, 2), callNative('max', 4, 2), callNative('min', 5, 3, 9, 1)]).toEqual([4, 4, 2, 4, 1]);
    expect(errorOf(() => callNative('sqrt', -1)).code).toBe('BAD_ARGUMENT');
  });
  it('type_of names types', () => {
    expect([callNative('type_of', 1), callNative('type_of', 'a'), callNative('type_of', null), callNative('type_of', []), callNative('type_of', new Map()), callNative('type_of', true)]).toEqual(['number', 'string', 'nil', 'list', 'map', 'boolean']);
  });
  it('random(a, b) gives integers in a..b inclusive from the seeded generator', () => {
    const draw = (seed: number) => {
      const vm = new VM(assemble({ natives: ['random'], functions: [{ name: 'main', code: [['INT', 1], ['INT', 6], ['CALL_NATIVE', 0, 2], ['RETURN']] }] }), { seed });
      return Array.from({ length: 600 }, () => vm.call(0) as number);
    };
    const a = draw(42);
    expect(draw(42)).toEqual(a);
    expect(draw(43)).not.toEqual(a);
    expect(new Set(a)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(errorOf(() => callNative('random', 6, 1)).code).toBe('BAD_ARGUMENT');
    expect(errorOf(() => callNative('random', 1.5, 3)).code).toBe('BAD_ARGUMENT');
  });
  it('wrong argument kinds and counts are BAD_ARGUMENT at the calling line', () => {
    const mod = assemble({ files: ['scripts/beach.adv'], natives: ['len'], functions: [{ name: 'main', line: 12, code: [['INT', 3], ['CALL_NATIVE', 0, 1], ['RETURN']] }] });
    const err = errorOf(() => new VM(mod).call(0));
    expect(err.code).toBe('BAD_ARGUMENT');
    expect(err.message).toBe('len() needs a string, a list, a map or a range as argument 1, not number');
    expect(placeOf(err)).toBe('scripts/beach.adv:12:1');
    expect(errorOf(() => callNative('min', 1)).message).toBe('min() takes at least 2 arguments, got 1');
    expect(errorOf(() => callNative('len')).message).toBe('len() takes 1 argument, got 0');
    expect(errorOf(() => callNative('min', 1, 'a')).code).toBe('BAD_ARGUMENT');
  });
});

describe('the natives table', () => {
  it('nativeSpecs gives the compiler names, arities and blocking', () => {
    const specs = nativeSpecs(BUILTIN_NATIVES);
    const byName = new Map(specs.map((s) => [s.name, s]));
    for (const name of ['len', 'push', 'pop', 'insert', 'remove', 'keys', 'has_key', 'contains', 'join', 'split', 'upper', 'lower', 'str', 'num', 'floor', 'ceil', 'round', 'abs', 'min', 'max', 'sqrt', 'random', 'type_of']) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(byName.get('len')).toEqual({ name: 'len', minArity: 1, maxArity: 1, blocking: false });
    expect(byName.get('join')).toEqual({ name: 'join', minArity: 1, maxArity: 2, blocking: false });
    expect(byName.get('min')).toEqual({ name: 'min', minArity: 2, maxArity: Infinity, blocking: false });
    expect(BUILTIN_NATIVES.every((d) => d.doc.length > 0)).toBe(true);
  });
  it('a module naming an unknown native does not load', () => {
    const err = errorOf(() => new VM(assemble({ natives: ['teleport'], functions: [{ name: 'main', code: [['RETURN_NIL']] }] })));
    expect(err.code).toBe('MODULE_INVALID');
    expect(err.message).toMatch(/teleport/);
  });
  it('a native defined twice is refused', () => {
    const dup: NativeDef = { name: 'len', params: [], blocking: false, doc: 'x', fn: () => 0 };
    expect(errorOf(() => new VM(assemble({ functions: [{ name: 'main', code: [['RETURN_NIL']] }] }), { natives: [dup] })).code).toBe('RUNTIME');
  });
  it('a host native that throws a plain Error becomes a located RUNTIME error', () => {
    const bad: NativeDef = { name: 'boom', params: [], blocking: false, doc: 'x', fn: () => { throw new Error('host bug'); } };
    const mod = assemble({ natives: ['boom'], functions: [{ name: 'main', line: 4, code: [['CALL_NATIVE', 0, 0], ['RETURN']] }] });
    const err = errorOf(() => new VM(mod, { natives: [bad] }).call(0));
    expect(err.code).toBe('RUNTIME');
    expect(err.message).toMatch(/host bug/);
    expect(placeOf(err)).toBe('test.adv:4:1');
  });
});

describe('blocking natives', () => {
  /** `say(text)` blocks its thread until the host resumes it with the player's answer. */
  const say: NativeDef = {
    name: 'say', params: ['string'], blocking: true, doc: 'say(text): speaks, waits until the line is done',
    fn: (args, ctx) => ctx.block({ action: 'say', text: args[0] as string, tick: ctx.tick }),
  };
  const program = assemble({
    constants: ['Hello', 'got '],
    natives: ['say'],
    functions: [
      { name: 'talker', code: [['CONST', 0], ['CALL_NATIVE', 0, 1], ['SET_LOCAL', 0], ['CONST', 1], ['GET_LOCAL', 0], ['CONCAT', 2], ['PRINT'], ['RETURN_NIL']], locals: 1 },
      { name: 'ticker', locals: 1, code: [['INT', 0], ['SET_LOCAL', 0], 'loop:', ['GET_LOCAL', 0], ['PRINT'], ['INC_LOCAL', 0, 1], ['YIELD'], ['GET_LOCAL', 0], ['INT', 3], ['JUMP_UNLESS_LT', 'end'], ['JUMP', 'loop'], 'end:', ['RETURN_NIL']] },
    ],
  });
  it('suspend only their thread, with a plain-data reason, until the host resumes it', () => {
    const { vm, lines } = start(program, { natives: [say] });
    const talker = vm.spawn(0);
    vm.spawn(1);
    vm.tick();
    expect(vm.threadInfo(talker)?.wait).toEqual({ kind: 'native', native: 'say', reason: { action: 'say', text: 'Hello', tick: 0 } });
    vm.tick();
    vm.tick();
    expect(lines).toEqual(['0', '1', '2']); // the other thread kept running
    expect(vm.isIdle).toBe(false);
    vm.tick(); // the ticker ends; only the blocked thread is left
    expect(vm.isIdle).toBe(true);
    expect(vm.resume(talker, 'ok')).toBe(true);
    expect(vm.resume(talker, 'again')).toBe(false);
    vm.tick();
    expect(lines).toEqual(['0', '1', '2', 'got ok']);
    expect(vm.threadCount).toBe(0);
  });
  it('cannot block inside a synchronous call', () => {
    const vm = new VM(program, { natives: [say] });
    const err = errorOf(() => vm.call(0));
    expect(err.code).toBe('RUNTIME');
    expect(err.message).toMatch(/cannot be used here/);
  });
  it('a native not declared blocking cannot block', () => {
    const sneaky: NativeDef = { ...say, blocking: false };
    const { vm } = start(program, { natives: [sneaky] });
    vm.spawn(0);
    expect(errorOf(() => vm.tick()).message).toMatch(/not declared blocking/);
  });
  it('a stopped blocked thread cannot be resumed', () => {
    const { vm } = start(program, { natives: [say] });
    const id = vm.spawn(0);
    vm.tick();
    expect(vm.stop(id)).toBe(true);
    expect(vm.resume(id, 'late')).toBe(false);
    expect(runToEnd(vm)).toBe(0);
  });
});
