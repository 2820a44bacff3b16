// Why the process keeps one blank VM. V8's optimized code for the dispatch
// loop (and the fast tier's closures) checks the shapes — hidden classes — of
// the objects it reads: the VM, its program, functions, limits, state,
// threads and natives. Optimized code holds those shapes weakly, and a shape
// lives only while some object of it does: once the last VM of a process is
// dropped (a host that makes a VM per game, per restore or per test run),
// the next full GC frees them and throws away every optimized function that
// names one ("marking dependent code … reason: weak objects" under
// `--trace-deopt`), and the next VM pays for optimizing it all again.
//
// So the first VM makes a keeper: a VM of the blank program below whose
// `idle` thread waits for ever, holding one object of each shape (itself, a
// range, a point, …). Its `start` thread runs the usual case of each opcode
// the loop keeps (on numbers, a list, a map; two natives; calls into the
// interpreter and into the fast tier; one opcode the loop hands out), so that
// V8 has seen every case before it optimizes the loop and a script's first
// use of an opcode does not throw the optimized loop away. The slow paths
// (strings compared, a point's member) are left out: taught them too, the
// loop ran strings and records 10–20 % slower; a script's first use of one
// costs one re-optimization. The keeper holds no game: a few hundred bytes.

import { assemble, type AsmLine } from '../bytecode/assemble.js';
import type { Module } from '../bytecode/module.js';

/** Locals of `start`: a, b, loop slot and its end (or iterator and position), a list, a map. */
const A = 0;
const B = 1;
const SLOT = 2;
const LIST = 4;
const MAP = 5;

const START: AsmLine[] = [
  ['INT', 7], ['SET_LOCAL', A], ['INT', 2], ['SET_LOCAL', B],
  ['GET_LOCAL', A], ['GET_LOCAL', B], ['ADD'], ['POP'],
  ['GET_LOCAL2', A, B], ['SUB'], ['POP'],
  ['GET_LOCAL2', A, B], ['MUL'], ['POP'],
  ['GET_LOCAL2', A, B], ['DIV'], ['POP'],
  ['GET_LOCAL2', A, B], ['MOD'], ['POP'],
  ['GET_LOCAL', A], ['NEG'], ['POP'],
  ['TRUE'], ['NOT'], ['POP'],
  ['FALSE'], ['TO_BOOL'], ['POP'],
  ['NIL'], ['POP'],
  // each comparison of a shared case has its own feedback
  ['GET_LOCAL2', A, B], ['EQ'], ['POP'],
  ['GET_LOCAL2', A, B], ['NE'], ['POP'],
  ['GET_LOCAL2', A, B], ['LT'], ['POP'],
  ['GET_LOCAL2', A, B], ['LE'], ['POP'],
  ['GET_LOCAL2', A, B], ['GT'], ['POP'],
  ['GET_LOCAL2', A, B], ['GE'], ['POP'],
  ['GET_LOCAL', A], ['DUP'], ['POP'], ['POP'],
  ['GET_LOCAL', A], ['ADD_INT', 1], ['SET_LOCAL', A],
  ['INC_LOCAL', A, 1],
  ['CONST', 0], ['GET_LOCAL', A], ['CONCAT', 2], ['POP'],
  ['GET_GLOBAL', 0], ['POP'], ['INT', 1], ['SET_GLOBAL', 0],
  ['FN', 2], ['POP'],
  ['TRUE'], ['JUMP_IF_FALSE', 'f'], 'f:',
  ['FALSE'], ['JUMP_IF_TRUE', 't'], 't:',
  ['GET_LOCAL2', A, B], ['JUMP_UNLESS_LT', 'lt'], 'lt:',
  ['GET_LOCAL2', A, B], ['JUMP_UNLESS_LE', 'le'], 'le:',
  ['GET_LOCAL2', A, B], ['JUMP_UNLESS_GT', 'gt'], 'gt:',
  ['GET_LOCAL2', A, B], ['JUMP_UNLESS_GE', 'ge'], 'ge:',
  ['GET_LOCAL2', A, B], ['JUMP_UNLESS_EQ', 'eq'], 'eq:',
  ['GET_LOCAL2', A, B], ['JUMP_UNLESS_NE', 'ne'], 'ne:',
  ['JUMP', 'j'], 'j:',
  // for i in 0..3
  ['INT', -1], ['SET_LOCAL', SLOT], ['INT', 3], ['SET_LOCAL', SLOT + 1], ['JUMP', 'range_test'],
  'range_body:', ['GET_LOCAL', SLOT], ['POP'],
  'range_test:', ['FOR_RANGE', SLOT, 'range_body'],
  // a list: built out of line (the loop's default), indexed, walked
  ['INT', 1], ['INT', 2], ['LIST', 2], ['SET_LOCAL', LIST],
  ['GET_LOCAL', LIST], ['INT', 0], ['INDEX_GET'], ['POP'],
  ['GET_LOCAL', LIST], ['INT', 0], ['INT', 5], ['INDEX_SET'],
  ['GET_LOCAL', LIST], ['ITER_PREP'], ['SET_LOCAL', SLOT], ['NIL'], ['SET_LOCAL', SLOT + 1],
  'each:', ['ITER_NEXT', SLOT, 'each_done'], ['POP'], ['JUMP', 'each'], 'each_done:',
  // a map's members
  ['CONST', 1], ['INT', 1], ['MAP', 1], ['SET_LOCAL', MAP],
  ['GET_LOCAL', MAP], ['MEMBER_GET', 1], ['POP'],
  ['GET_LOCAL', MAP], ['INT', 2], ['MEMBER_SET', 1],
  // calls: into the fast tier (a loop), into the interpreter (a function that may yield)
  ['INT', 3], ['CALL', 2, 1], ['POP'],
  ['FALSE'], ['CALL', 3, 1], ['POP'],
  // two natives: the loop's call of a native then expects any (a game calls many), not only the first one it saw
  ['GET_LOCAL2', A, B], ['CALL_NATIVE', 0, 2], ['POP'],
  ['GET_LOCAL2', A, B], ['CALL_NATIVE', 1, 2], ['POP'],
  ['RETURN_NIL'],
];

/** The keeper's program: `start` runs the loop's opcodes once and ends, `idle` yields for ever. */
export function keeperModule(): Module {
  return assemble({
    files: ['<keeper>'],
    constants: ['x', 'k', { entity: 'object', name: 'keeper' }],
    globals: [{ name: 'g', constant: false }],
    natives: ['min', 'max'],
    functions: [
      { name: '<init>', code: [['RETURN_NIL']] },
      { name: 'start', locals: 6, code: START },
      {
        name: 'count',
        arity: 1,
        locals: 2,
        code: [['INT', 0], ['SET_LOCAL', 1], 'l:', ['GET_LOCAL2', 1, 0], ['JUMP_UNLESS_LT', 'e'], ['INC_LOCAL', 1, 1], ['JUMP', 'l'], 'e:', ['GET_LOCAL', 1], ['RETURN']],
      },
      { name: 'may_yield', arity: 1, code: [['GET_LOCAL', 0], ['JUMP_IF_FALSE', 'd'], ['YIELD'], 'd:', ['INT', 1], ['RETURN']] },
      {
        // Holds one value of each class the loop reads (a range, a point, a thread handle, an entity, a function, a map) and waits for ever.
        name: 'idle',
        locals: 6,
        code: [
          ['INT', 0], ['INT', 2], ['RANGE'], ['SET_LOCAL', 0],
          // A map the VM built is a ShapedMap, a class of ours: its hidden class lives only while one does.
          ['CONST', 1], ['INT', 1], ['MAP', 1], ['SET_LOCAL', 5],
          ['INT', 1], ['INT', 2], ['POINT'], ['SET_LOCAL', 1],
          ['SPAWN', 5, 0], ['SET_LOCAL', 2],
          ['CONST', 2], ['SET_LOCAL', 3],
          ['FN', 2], ['SET_LOCAL', 4],
          'l:', ['YIELD'], ['JUMP', 'l'],
        ],
      },
      { name: 'done', code: [['RETURN_NIL']] },
    ],
    handlers: [
      { owner: '', event: 'start', fn: 1 },
      { owner: '', event: 'idle', fn: 4 },
    ],
  });
}
