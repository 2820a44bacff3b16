// What the code generator emits, by opcode name: constant folding, default
// parameters, fused jumps, loops, calls, assignments, and the module tables.
// Every module here also passes the bytecode verifier (compileText checks).

import { describe, expect, it } from 'vitest';
import { compile } from '../../../interpreter/compiler/compile.js';
import { compileText, fn, instructions, opNames, opsOf } from './support.js';

const start = (body: string, before = ''): string => `${before}\non start {\n${body}\n}\n`;

describe('constant folding', () => {
  it('folds arithmetic, comparisons and string joins of literals', () => {
    expect(instructions(fn(compileText(start('print 1 + 2 * 3')).module, 'on start'))).toEqual(['INT 7', 'PRINT', 'RETURN_NIL']);
    expect(opsOf(start('print "con" + "cat"'))).toEqual(['CONST', 'PRINT', 'RETURN_NIL']);
    expect(opsOf(start('print 1 < 2 and not (3 >= 4)'))).toEqual(['TRUE', 'PRINT', 'RETURN_NIL']);
    expect(opsOf(start('print 1 == "1"'))).toEqual(['FALSE', 'PRINT', 'RETURN_NIL']);
    expect(opsOf(start('print nil or false'))).toEqual(['FALSE', 'PRINT', 'RETURN_NIL']);
  });

  it('uses floored modulo and true division, as the VM does', () => {
    const { module } = compileText(start('print -1 % 3\nprint 7 / 2'));
    expect(instructions(fn(module, 'on start'))).toEqual(['INT 2', 'PRINT', 'CONST 0', 'PRINT', 'RETURN_NIL']);
    expect(module.constants[0]).toBe(3.5);
  });

  it('folds const names, and consts built from other consts', () => {
    const { module } = compileText(start('print AREA * 2', 'const W = 4\nconst AREA = W * W'));
    expect(instructions(fn(module, 'on start'))).toEqual(['INT 32', 'PRINT', 'RETURN_NIL']);
    expect(module.globals).toEqual([
      { name: 'W', constant: true },
      { name: 'AREA', constant: true },
    ]);
    expect(instructions(fn(module, '<init>'))).toEqual(['INT 4', 'SET_GLOBAL 0', 'INT 16', 'SET_GLOBAL 1', 'RETURN_NIL']);
  });

  it('folds interpolation of constants into one string', () => {
    const { module } = compileText(start('print "x{1 + 2}y{true}{nil}{0.5}"'));
    expect(opNames(fn(module, 'on start'))).toEqual(['CONST', 'PRINT', 'RETURN_NIL']);
    expect(module.constants).toContain('x3ytruenil0.5');
  });

  it('never folds what would fail at run time', () => {
    expect(opsOf(start('print 1 / 0'))).toEqual(['INT', 'INT', 'DIV', 'PRINT', 'RETURN_NIL']);
    expect(opsOf(start('print 5 % 0'))).toEqual(['INT', 'INT', 'MOD', 'PRINT', 'RETURN_NIL']);
    expect(opsOf(start('print "a" < 1'))).toEqual(['CONST', 'INT', 'LT', 'PRINT', 'RETURN_NIL']);
    expect(opsOf(start('print -"a"'))).toEqual(['CONST', 'NEG', 'PRINT', 'RETURN_NIL']);
  });

  it('leaves a const whose value fails to its init code, read from its global', () => {
    const { module } = compileText(start('print BAD + 1', 'const BAD = 1 / 0'));
    expect(opNames(fn(module, '<init>'))).toEqual(['INT', 'INT', 'DIV', 'SET_GLOBAL', 'RETURN_NIL']);
    expect(opNames(fn(module, 'on start'))).toEqual(['GET_GLOBAL', 'ADD_INT', 'PRINT', 'RETURN_NIL']);
  });

  it('keeps structured consts in a global', () => {
    const { module } = compileText(start('print HOME.x', 'const HOME = (100, 200)'));
    expect(opNames(fn(module, '<init>'))).toEqual(['INT', 'INT', 'POINT', 'SET_GLOBAL', 'RETURN_NIL']);
    expect(opNames(fn(module, 'on start'))).toEqual(['GET_GLOBAL', 'MEMBER_GET', 'PRINT', 'RETURN_NIL']);
  });

  it('drops the dead branch of `if true`/`if false` and `while false`', () => {
    expect(opsOf(start('if false { print 1 }\nwhile false { print 2 }\nif true { print 3 } else { print 4 }'))).toEqual(['INT', 'PRINT', 'RETURN_NIL']);
    expect(opsOf('const DEBUG = false\nfn f() { if DEBUG { print 1 } else if 1 > 2 { print 2 } }', 'f')).toEqual(['RETURN_NIL']);
  });

  it('treats 0 and "" as true, like the VM', () => {
    expect(opsOf(start('if 0 { print "zero" }'))).toEqual(['CONST', 'PRINT', 'RETURN_NIL']);
  });
});

describe('functions', () => {
  it('emits one entry per accepted argument count, evaluating the missing defaults', () => {
    const { module } = compileText('fn greet(who, greeting = "Hello", mark = "!") { return "{greeting}, {who}{mark}" }');
    const f = fn(module, 'greet');
    expect([f.arity, f.minArity, f.locals]).toEqual([3, 1, 3]);
    expect(instructions(f).slice(0, 4)).toEqual(['CONST 0', 'SET_LOCAL 1', 'CONST 1', 'SET_LOCAL 2']);
    expect(f.entries).toEqual([0, 4, 8]);
    expect(opNames(f).slice(4)).toEqual(['GET_LOCAL', 'CONST', 'GET_LOCAL', 'GET_LOCAL', 'CONCAT', 'RETURN']);
  });

  it('lets a default read the parameters before it', () => {
    const { module } = compileText('fn pad(text, width = len(text) + 2) { return width }');
    expect(opNames(fn(module, 'pad')).slice(0, 4)).toEqual(['GET_LOCAL', 'CALL_NATIVE', 'ADD_INT', 'SET_LOCAL']);
  });

  it('calls known functions with CALL, natives with CALL_NATIVE and values with CALL_VALUE', () => {
    const { module } = compileText(start('let f = g\nprint g(1)\nprint f(2)\nprint len([])', 'fn g(x) { return x }'));
    expect(opNames(fn(module, 'on start'))).toEqual(['FN', 'SET_LOCAL', 'INT', 'CALL', 'PRINT', 'GET_LOCAL', 'INT', 'CALL_VALUE', 'PRINT', 'LIST', 'CALL_NATIVE', 'PRINT', 'RETURN_NIL']);
    expect(module.natives).toEqual(['len']);
  });

  it('spawns known functions with SPAWN and values with SPAWN_VALUE', () => {
    const ops = opsOf(start('let t = spawn w(1)\nlet f = w\nlet u = spawn f(2)\nstop t\nstop u', 'fn w(n) { wait n }'));
    expect(ops).toEqual(['INT', 'SPAWN', 'SET_LOCAL', 'FN', 'SET_LOCAL', 'GET_LOCAL', 'INT', 'SPAWN_VALUE', 'SET_LOCAL', 'GET_LOCAL', 'STOP_THREAD', 'GET_LOCAL', 'STOP_THREAD', 'RETURN_NIL']);
  });

  it('ends with RETURN_NIL only where control can fall off the end', () => {
    const { module } = compileText('fn a(x) { if x { return 1 } else { return 2 } }\nfn b(x) { if x { return 1 } }');
    expect(opNames(fn(module, 'a'))).toEqual(['GET_LOCAL', 'JUMP_IF_FALSE', 'INT', 'RETURN', 'INT', 'RETURN']);
    expect(opNames(fn(module, 'b'))).toEqual(['GET_LOCAL', 'JUMP_IF_FALSE', 'INT', 'RETURN', 'RETURN_NIL']);
  });

  it('drops code after return, with a warning', () => {
    const { module, warnings } = compileText('fn f() {\n  return 1\n  print 2\n}');
    expect(opNames(fn(module, 'f'))).toEqual(['INT', 'RETURN']);
    expect(warnings.map((w) => [w.code, w.span?.start.line])).toEqual([['UNREACHABLE_CODE', 3]]);
  });

  it('warns about locals never read, unless named with `_`', () => {
    const { warnings } = compileText(start('let unused = 1\nlet _kept = 2\nlet used = 3\nprint used'));
    expect(warnings.map((w) => w.message)).toEqual(['The local variable `unused` is never read.']);
  });
});

describe('conditions and operators', () => {
  it('fuses comparisons into JUMP_UNLESS_xx, reading two locals at once', () => {
    const ops = opsOf('fn f(a, b) { if a < b { return 1 }\nif a == nil { return 2 }\nif a >= 3 { return 3 } }', 'f');
    expect(ops).toEqual(['GET_LOCAL2', 'JUMP_UNLESS_LT', 'INT', 'RETURN', 'GET_LOCAL', 'NIL', 'JUMP_UNLESS_EQ', 'INT', 'RETURN', 'GET_LOCAL', 'INT', 'JUMP_UNLESS_GE', 'INT', 'RETURN', 'RETURN_NIL']);
  });

  it('short-circuits `and`/`or` in conditions with jumps', () => {
    expect(opsOf('fn f(a, b) { if a > 1 and b > 2 { return 1 } }', 'f')).toEqual(['GET_LOCAL', 'INT', 'JUMP_UNLESS_GT', 'GET_LOCAL', 'INT', 'JUMP_UNLESS_GT', 'INT', 'RETURN', 'RETURN_NIL']);
    expect(opsOf('fn f(a, b) { if a or not b { return 1 } }', 'f')).toEqual(['GET_LOCAL', 'JUMP_IF_TRUE', 'GET_LOCAL', 'JUMP_IF_TRUE', 'INT', 'RETURN', 'RETURN_NIL']);
  });

  it('makes `and`/`or` values booleans, evaluating the right side only when needed', () => {
    expect(opsOf('fn f(a, b) { return a and b }', 'f')).toEqual(['GET_LOCAL', 'DUP', 'JUMP_IF_FALSE', 'POP', 'GET_LOCAL', 'TO_BOOL', 'RETURN']);
    expect(opsOf('fn f(a, b) { return a or b }', 'f')).toEqual(['GET_LOCAL', 'DUP', 'JUMP_IF_TRUE', 'POP', 'GET_LOCAL', 'TO_BOOL', 'RETURN']);
    expect(opsOf('fn f(b) { return true and b }', 'f')).toEqual(['GET_LOCAL', 'TO_BOOL', 'RETURN']);
  });

  it('adds and subtracts small whole numbers with ADD_INT', () => {
    expect(instructions(fn(compileText('fn f(n) { return n - 1 + 2 }').module, 'f'))).toEqual(['GET_LOCAL 0', 'ADD_INT -1', 'ADD_INT 2', 'RETURN']);
  });

  it('builds points, lists, maps, ranges and interpolations', () => {
    expect(opsOf('fn f(a) { return [(a, 2), {k: a}, a..3, "v={a}"] }', 'f')).toEqual(['GET_LOCAL', 'INT', 'POINT', 'CONST', 'GET_LOCAL', 'MAP', 'GET_LOCAL', 'INT', 'RANGE', 'CONST', 'GET_LOCAL', 'CONCAT', 'LIST', 'RETURN']);
  });
});

describe('loops', () => {
  it('compiles `for i in a..b` to a numeric loop with FOR_RANGE, evaluating a and b once', () => {
    const { module } = compileText('fn f(n) { let t = 0\nfor i in 0..n { t += i }\nreturn t }');
    expect(instructions(fn(module, 'f'))).toEqual([
      'INT 0', 'SET_LOCAL 1',
      'INT 0', 'SET_LOCAL 2', 'GET_LOCAL 0', 'SET_LOCAL 3',
      'GET_LOCAL2 2 3', 'JUMP_UNLESS_LT 26',
      'GET_LOCAL2 1 2', 'ADD', 'SET_LOCAL 1',
      'FOR_RANGE 2 17',
      'GET_LOCAL 1', 'RETURN',
    ]);
  });

  it('copies the counter when the body assigns the loop variable', () => {
    const ops = opsOf('fn f() { for i in 0..3 { i = i * 2; print i } }', 'f');
    expect(ops.slice(6, 8)).toEqual(['GET_LOCAL', 'SET_LOCAL']);
    expect(ops).toContain('FOR_RANGE');
  });

  it('compiles `for x in e` with ITER_PREP and ITER_NEXT', () => {
    expect(opsOf('fn f(xs) { for x in xs { print x } }', 'f')).toEqual(['GET_LOCAL', 'ITER_PREP', 'SET_LOCAL', 'INT', 'SET_LOCAL', 'ITER_NEXT', 'SET_LOCAL', 'GET_LOCAL', 'PRINT', 'JUMP', 'RETURN_NIL']);
  });

  it('jumps for break and continue', () => {
    const f = fn(compileText('fn f(x) { while true { if x > 0 { continue }\nbreak } }').module, 'f');
    expect(instructions(f)).toEqual(['GET_LOCAL 0', 'INT 0', 'JUMP_UNLESS_GT 8', 'JUMP 0', 'JUMP 10', 'RETURN_NIL']);
  });

  it('increments locals in place with INC_LOCAL', () => {
    expect(instructions(fn(compileText('fn f() { let i = 0\ni += 1\ni -= 2\nreturn i }').module, 'f'))).toEqual(['INT 0', 'SET_LOCAL 0', 'INC_LOCAL 0 1', 'INC_LOCAL 0 -2', 'GET_LOCAL 0', 'RETURN']);
  });

  it('compiles `wait until c` as a loop that yields until c holds', () => {
    expect(opsOf('var ready = false\nfn f() { wait until ready }', 'f')).toEqual(['GET_GLOBAL', 'JUMP_IF_TRUE', 'YIELD', 'JUMP', 'RETURN_NIL']);
    expect(opsOf('fn f(n) { wait 0.5\nwait n ticks\nyield }', 'f')).toEqual(['CONST', 'WAIT_SECONDS', 'GET_LOCAL', 'WAIT_TICKS', 'YIELD', 'RETURN_NIL']);
  });
});

describe('assignments', () => {
  it('compiles compound assignment to globals, members and indexes', () => {
    expect(opsOf('var g = 1\nfn f() { g *= 3 }', 'f')).toEqual(['GET_GLOBAL', 'INT', 'MUL', 'SET_GLOBAL', 'RETURN_NIL']);
    expect(opsOf('object door {}\nfn f() { door.count += 1 }', 'f')).toEqual(['CONST', 'DUP', 'MEMBER_GET', 'ADD_INT', 'MEMBER_SET', 'RETURN_NIL']);
    expect(opsOf('fn f(m, k) { m[k] /= 2 }', 'f')).toEqual(['GET_LOCAL2', 'GET_LOCAL2', 'INDEX_GET', 'INT', 'DIV', 'INDEX_SET', 'RETURN_NIL']);
  });

  it('evaluates the target and index of `xs[i] op= v` once, in scratch locals', () => {
    const f = fn(compileText('fn f(m) { m.list[len(m)] -= 1 }').module, 'f');
    expect(opNames(f)).toEqual(['GET_LOCAL', 'MEMBER_GET', 'SET_LOCAL', 'GET_LOCAL', 'CALL_NATIVE', 'SET_LOCAL', 'GET_LOCAL2', 'GET_LOCAL2', 'INDEX_GET', 'ADD_INT', 'INDEX_SET', 'RETURN_NIL']);
    expect(f.locals).toBe(3);
  });
});

describe('the module', () => {
  it('computes maxStack exactly', () => {
    const { module } = compileText('fn f(a) { return [1, [2, (a, 4)], 5] }\nfn g() { }');
    expect(fn(module, 'f').maxStack).toBe(4);
    expect(fn(module, 'g').maxStack).toBe(0);
  });

  it('reuses local slots of finished blocks', () => {
    // a (slot 0) is gone when b takes its slot; the loop then needs iterable, position and i.
    const { module } = compileText('fn f() { if true { let a = 1; print a }\nlet b = 2\nprint b\nfor i in [1] { print i } }');
    expect(fn(module, 'f').locals).toBe(4);
  });

  it('maps instructions to lines and columns', () => {
    const { module } = compileText('fn f(a, b) {\n  let c = a\n  return c / b\n}');
    const lines = Array.from(fn(module, 'f').lines);
    // (pc, line, column): `let c = a` at 2:3, `return c / b` at 3:3, its `/` (where division fails) at 3:12.
    expect(lines).toEqual([0, 2, 3, 4, 3, 3, 7, 3, 12]);
  });

  it('initialises vars in <init>, and gives each file with globals its own init function', () => {
    const { module } = compile([
      { file: 'a.adv', text: 'var score = 10 * 2' },
      { file: 'b.adv', text: 'const BONUS = 5\nvar lives = BONUS' },
    ]);
    expect(module.functions.map((f) => f.name)).toEqual(['<init consts b.adv>', '<init vars a.adv>', '<init vars b.adv>', '<init>']);
    expect(module.functions.map((f) => module.files[f.file])).toEqual(['b.adv', 'a.adv', 'b.adv', 'a.adv']);
    expect(module.init).toBe(3);
    expect(instructions(module.functions[3]!)).toEqual(['CALL 0 0', 'POP', 'CALL 1 0', 'POP', 'CALL 2 0', 'POP', 'RETURN_NIL']);
    expect(module.globals.map((g) => g.name)).toEqual(['score', 'BONUS', 'lives']);
  });

  it('deduplicates constants and native imports', () => {
    const { module } = compileText(start('print "a"\nprint "a"\nprint 0.5\nprint 0.5\nprint len("a") + len("b")'));
    expect(module.constants).toEqual(['a', 0.5, 'b']);
    expect(module.natives).toEqual(['len']);
  });
});
