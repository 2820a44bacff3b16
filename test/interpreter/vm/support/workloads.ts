// Hand-assembled benchmark workloads (the compiler does not exist yet): the
// shapes the brief's performance targets name, written as the compiler is
// expected to emit them. Used by the VM's timing test and scratch profiling.

import { assemble } from '../../../../interpreter/bytecode/assemble.js';
import type { Module } from '../../../../interpreter/bytecode/module.js';

/** fib(n) recursively; function 0 is `main`, returning fib(n). */
export function fibModule(n: number): Module {
  return assemble({
    functions: [
      { name: 'main', locals: 0, code: [['INT', n], ['CALL', 1, 1], ['RETURN']] },
      {
        name: 'fib', arity: 1, locals: 1,
        code: [
          ['GET_LOCAL', 0], ['INT', 2], ['JUMP_UNLESS_LT', 'rec'], ['GET_LOCAL', 0], ['RETURN'],
          'rec:', ['GET_LOCAL', 0], ['INT', 1], ['SUB'], ['CALL', 1, 1],
          ['GET_LOCAL', 0], ['INT', 2], ['SUB'], ['CALL', 1, 1], ['ADD'], ['RETURN'],
        ],
      },
    ],
  });
}

/** `for i in 0..n { acc = (acc + i*i) % 1000003; if i % 3 == 0 { acc += 1 } }`, returning acc. */
export function loopModule(n: number): Module {
  return assemble({
    constants: [n, 1000003],
    functions: [{
      name: 'main', locals: 3,
      code: [
        ['INT', 0], ['SET_LOCAL', 0], ['INT', 0], ['SET_LOCAL', 1], ['CONST', 0], ['SET_LOCAL', 2],
        ['GET_LOCAL2', 1, 2], ['JUMP_UNLESS_LT', 'done'],
        'loop:',
        ['GET_LOCAL', 0], ['GET_LOCAL', 1], ['GET_LOCAL', 1], ['MUL'], ['ADD'], ['CONST', 1], ['MOD'], ['SET_LOCAL', 0],
        ['GET_LOCAL', 1], ['INT', 3], ['MOD'], ['INT', 0], ['JUMP_UNLESS_EQ', 'skip'],
        ['INC_LOCAL', 0, 1],
        'skip:',
        ['FOR_RANGE', 1, 'loop'],
        'done:',
        ['GET_LOCAL', 0], ['RETURN'],
      ],
    }],
  });
}

/** The same loop as a `while` with plain jumps, as a simpler compiler might emit it. */
export function whileLoopModule(n: number): Module {
  return assemble({
    constants: [n, 1000003],
    functions: [{
      name: 'main', locals: 2,
      code: [
        ['INT', 0], ['SET_LOCAL', 0], ['INT', 0], ['SET_LOCAL', 1],
        'top:',
        ['GET_LOCAL', 1], ['CONST', 0], ['JUMP_UNLESS_LT', 'done'],
        ['GET_LOCAL', 0], ['GET_LOCAL', 1], ['GET_LOCAL', 1], ['MUL'], ['ADD'], ['CONST', 1], ['MOD'], ['SET_LOCAL', 0],
        ['GET_LOCAL', 1], ['INT', 3], ['MOD'], ['INT', 0], ['EQ'], ['JUMP_IF_FALSE', 'skip'],
        ['GET_LOCAL', 0], ['INT', 1], ['ADD'], ['SET_LOCAL', 0],
        'skip:',
        ['GET_LOCAL', 1], ['INT', 1], ['ADD'], ['SET_LOCAL', 1],
        ['JUMP', 'top'],
        'done:',
        ['GET_LOCAL', 0], ['RETURN'],
      ],
    }],
  });
}

/** `for i in 0..n { x = min(i, 2) }`, returning x. */
export function nativeCallModule(n: number): Module {
  return assemble({
    constants: [n],
    natives: ['min'],
    functions: [{
      name: 'main', locals: 3,
      code: [
        ['INT', 0], ['SET_LOCAL', 1], ['CONST', 0], ['SET_LOCAL', 2],
        'loop:',
        ['GET_LOCAL', 1], ['INT', 2], ['CALL_NATIVE', 0, 2], ['SET_LOCAL', 0],
        ['FOR_RANGE', 1, 'loop'],
        ['GET_LOCAL', 0], ['RETURN'],
      ],
    }],
  });
}

/** Function 0 yields `n` times then ends (spawn it once per thread). */
export function yieldModule(n: number): Module {
  return assemble({
    constants: [n],
    functions: [{
      name: 'worker', locals: 2,
      code: [
        ['INT', 0], ['SET_LOCAL', 0], ['CONST', 0], ['SET_LOCAL', 1],
        'loop:', ['YIELD'], ['FOR_RANGE', 0, 'loop'],
        ['RETURN_NIL'],
      ],
    }],
  });
}

/** `s = ""; for i in 0..n { s = s + "x" }`, returning len(s). */
export function stringAppendModule(n: number): Module {
  return assemble({
    constants: [n, '', 'x'],
    natives: ['len'],
    functions: [{
      name: 'main', locals: 3,
      code: [
        ['CONST', 1], ['SET_LOCAL', 0], ['INT', 0], ['SET_LOCAL', 1], ['CONST', 0], ['SET_LOCAL', 2],
        'loop:', ['GET_LOCAL', 0], ['CONST', 2], ['ADD'], ['SET_LOCAL', 0], ['FOR_RANGE', 1, 'loop'],
        ['GET_LOCAL', 0], ['CALL_NATIVE', 0, 1], ['RETURN'],
      ],
    }],
  });
}

/** `m = {}; for i in 0..n { m["k{i}"] = i }; for i in 0..n { sum += m["k{i}"] }`, returning sum. */
export function mapModule(n: number): Module {
  return assemble({
    constants: [n, 'k'],
    functions: [{
      name: 'main', locals: 4,
      code: [
        ['MAP', 0], ['SET_LOCAL', 0], ['INT', 0], ['SET_LOCAL', 3],
        ['INT', 0], ['SET_LOCAL', 1], ['CONST', 0], ['SET_LOCAL', 2],
        'fill:', ['GET_LOCAL', 0], ['CONST', 1], ['GET_LOCAL', 1], ['CONCAT', 2], ['GET_LOCAL', 1], ['INDEX_SET'], ['FOR_RANGE', 1, 'fill'],
        ['INT', 0], ['SET_LOCAL', 1],
        'read:', ['GET_LOCAL', 3], ['GET_LOCAL', 0], ['CONST', 1], ['GET_LOCAL', 1], ['CONCAT', 2], ['INDEX_GET'], ['ADD'], ['SET_LOCAL', 3], ['FOR_RANGE', 1, 'read'],
        ['GET_LOCAL', 3], ['RETURN'],
      ],
    }],
  });
}
