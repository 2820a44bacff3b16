// The disassembler's text: opcode names, constants, names of what indices point
// at, jump targets as offsets, source lines above the code they compiled to.
// Tests compare names, never opcode numbers.

import { describe, expect, test } from 'vitest';
import { assemble } from '../../../interpreter/bytecode/assemble.js';
import { disassemble, disassembleFunction } from '../../../interpreter/bytecode/disasm.js';
import { Op } from '../../../interpreter/bytecode/opcodes.js';
import { gameModule, greetSource } from './samples.js';

const sources = (file: string) => (file === 'scripts/game.adv' ? greetSource : undefined);

describe('disassemble', () => {
  test('a function with default arguments reads like its source', () => {
    expect(disassembleFunction(gameModule(), 1, { sources })).toBe(
      [
        'fn greet #1  arity 1..2  locals 2  maxStack 3  file scripts/game.adv',
        '  entries 0000 0004',
        '  ; 1 | fn greet(who, greeting = "Hello") {',
        '  0000  CONST           0 ; "Hello"',
        '  0002  SET_LOCAL       1',
        '  ; 2 | if who == nil { return "nobody" }',
        '  0004  GET_LOCAL       0',
        '  0006  NIL',
        '  0007  JUMP_UNLESS_EQ  -> 0012',
        '  0009  CONST           1 ; "nobody"',
        '  0011  RETURN',
        '  ; 3 | return "{greeting}, {who}"',
        '  0012  GET_LOCAL       1',
        '  0014  CONST           2 ; ", "',
        '  0016  GET_LOCAL       0',
        '  0018  CONCAT          3',
        '  0020  RETURN',
        '',
      ].join('\n'),
    );
  });

  test('without sources, line changes are still marked', () => {
    const text = disassembleFunction(gameModule(), 1);
    expect(text).toContain('  ; line 2\n  0004  GET_LOCAL       0');
  });

  test('the module summary names the init function and each handler', () => {
    const text = disassemble(gameModule());
    expect(text).toMatch(/^; cairn bytecode, format 2: 8 functions, 12 constants, 3 globals, 3 natives\n; init: <init>\n/);
    expect(text).toContain('; handler on start: on start');
    expect(text).toContain('; handler on use of lamp with key: inventory');
  });

  test('globals, functions, natives and entity constants are shown by name', () => {
    const text = disassemble(gameModule());
    expect(text).toMatch(/SET_GLOBAL +0 ; score/);
    expect(text).toMatch(/SPAWN +5 1 ; blink/);
    expect(text).toMatch(/CALL_NATIVE +1 2 ; push/);
    expect(text).toMatch(/CONST +7 ; object lamp/);
    expect(text).toMatch(/CONST +9 ; -0/);
    expect(text).toMatch(/FOR_RANGE +2 -> 0017/);
    expect(text).toMatch(/ITER_NEXT +2 -> 0045/);
  });

  test('long strings are shortened', () => {
    const m = assemble({ constants: ['x'.repeat(200)], functions: [{ name: 'f', code: [['CONST', 0], ['RETURN']] }] });
    expect(disassemble(m)).toContain(`"${'x'.repeat(60)}"…`);
  });

  test('a broken module still disassembles, marking what makes no sense', () => {
    const m = assemble({ functions: [{ name: 'f', code: [['RETURN_NIL']] }] });
    m.functions[0]!.code = Int32Array.of(Op.CONST, 5, 999, Op.CALL, 7);
    const text = disassemble(m);
    expect(text).toMatch(/0000 {2}CONST +5 ; <no such constant>/);
    expect(text).toMatch(/0002 {2}\?\?\? +999 ; not an opcode/);
    expect(text).toMatch(/0003 {2}CALL +7 <truncated> ; <no such function 7>/);
  });
});
