// Hand-assembled modules that verify: the fixtures the binary, verifier,
// disassembler, hash and fuzz tests start from. Between them they use every
// opcode: loops, calls with default arguments, natives, lists, maps, threads.

import { assemble, type AsmModule } from '../../../interpreter/bytecode/assemble.js';
import type { Module } from '../../../interpreter/bytecode/module.js';

/** `fn greet(who, greeting = "Hello")`: two entries, a comparison jump, interpolation. */
export const greetSource = [
  'fn greet(who, greeting = "Hello") {',
  '  if who == nil { return "nobody" }',
  '  return "{greeting}, {who}"',
  '}',
].join('\n');

const greet: AsmModule['functions'][number] = {
  name: 'greet',
  arity: 2,
  minArity: 1,
  locals: 2,
  maxStack: 3,
  entries: ['default', 'body'],
  code: [
    'default:',
    ['CONST', 0],
    ['SET_LOCAL', 1],
    'body:',
    ['GET_LOCAL', 0],
    ['NIL'],
    ['JUMP_UNLESS_EQ', 'named'],
    ['CONST', 1],
    ['RETURN'],
    'named:',
    ['GET_LOCAL', 1],
    ['CONST', 2],
    ['GET_LOCAL', 0],
    ['CONCAT', 3],
    ['RETURN'],
  ],
};

/** A small game: globals, init, handlers, entity constants, threads, every opcode. */
export function gameModule(): Module {
  const m = assemble({
    files: ['scripts/game.adv'],
    constants: ['Hello', 'nobody', ', ', 'gold', 'key', 0.5, 'visible', { entity: 'object', name: 'lamp' }, 'done ', -0, 1e300, 'x'],
    globals: [
      { name: 'score', constant: false },
      { name: 'MAX', constant: true },
      { name: 'helper', constant: false },
    ],
    natives: ['len', 'push', 'print_debug'],
    functions: [
      {
        name: '<init>',
        maxStack: 1,
        code: [['INT', 0], ['SET_GLOBAL', 0], ['INT', 3], ['SET_GLOBAL', 1], ['FN', 2], ['SET_GLOBAL', 2], ['RETURN_NIL']],
      },
      greet,
      {
        name: 'count_to',
        arity: 1,
        locals: 4,
        maxStack: 2,
        code: [
          ['INT', 0], ['SET_LOCAL', 1],
          ['INT', 0], ['SET_LOCAL', 2],
          ['GET_LOCAL', 0], ['SET_LOCAL', 3],
          ['GET_LOCAL2', 2, 3], ['JUMP_UNLESS_LT', 'done'],
          'loop:',
          ['GET_LOCAL', 1], ['GET_LOCAL', 2], ['ADD'], ['SET_LOCAL', 1],
          ['FOR_RANGE', 2, 'loop'],
          'done:',
          'while:',
          ['GET_LOCAL', 1], ['INT', 100], ['JUMP_UNLESS_GT', 'end'],
          ['GET_LOCAL', 1], ['ADD_INT', -100], ['SET_LOCAL', 1], ['JUMP', 'while'],
          'end:',
          ['GET_LOCAL', 1], ['RETURN'],
        ],
      },
      {
        name: 'sum_list',
        locals: 5,
        maxStack: 3,
        code: [
          ['INT', 1], ['INT', 2], ['INT', 3], ['LIST', 3], ['SET_LOCAL', 0],
          ['GET_LOCAL', 0], ['INT', 4], ['CALL_NATIVE', 1, 2], ['POP'],
          ['INT', 0], ['SET_LOCAL', 1],
          ['GET_LOCAL', 0], ['ITER_PREP'], ['SET_LOCAL', 2], ['INT', 0], ['SET_LOCAL', 3],
          'loop:',
          ['ITER_NEXT', 2, 'done'], ['SET_LOCAL', 4],
          ['GET_LOCAL', 1], ['GET_LOCAL', 4], ['ADD'], ['SET_LOCAL', 1], ['JUMP', 'loop'],
          'done:',
          ['GET_LOCAL', 0], ['CALL_NATIVE', 0, 1], ['PRINT'],
          ['GET_LOCAL', 1], ['RETURN'],
        ],
      },
      {
        name: 'inventory',
        locals: 1,
        maxStack: 4,
        code: [
          ['CONST', 3], ['INT', 3], ['CONST', 4], ['INT', 1], ['MAP', 2], ['SET_LOCAL', 0],
          ['GET_LOCAL', 0], ['GET_LOCAL', 0], ['MEMBER_GET', 3], ['ADD_INT', 1], ['MEMBER_SET', 3],
          ['GET_LOCAL', 0], ['CONST', 11], ['INT', 1], ['INT', 2], ['POINT'], ['INDEX_SET'],
          ['GET_LOCAL', 0], ['CONST', 3], ['INDEX_GET'], ['RETURN'],
        ],
      },
      {
        name: 'blink',
        arity: 1,
        maxStack: 2,
        code: [
          'loop:',
          ['GET_LOCAL', 0], ['GET_LOCAL', 0], ['MEMBER_GET', 6], ['NOT'], ['MEMBER_SET', 6],
          ['CONST', 5], ['WAIT_SECONDS'], ['JUMP', 'loop'],
        ],
      },
      {
        name: 'on start',
        locals: 1,
        maxStack: 3,
        code: [
          ['CONST', 7], ['SPAWN', 5, 1], ['SET_LOCAL', 0],
          ['INT', 30], ['WAIT_TICKS'], ['YIELD'],
          ['GET_LOCAL', 0], ['STOP_THREAD'],
          ['CONST', 8], ['GET_LOCAL', 0], ['CONCAT', 2], ['PRINT'],
          ['INT', 5], ['CALL', 2, 1], ['PRINT'],
          ['CONST', 7], ['CALL_NATIVE', 2, 1], ['POP'],
          ['RETURN_NIL'],
        ],
      },
      {
        name: 'math',
        arity: 2,
        locals: 3,
        maxStack: 4,
        code: [
          ['GET_LOCAL', 0], ['GET_LOCAL', 1], ['SUB'], ['GET_LOCAL', 1], ['MUL'], ['INT', 7], ['DIV'], ['INT', 3], ['MOD'], ['NEG'], ['SET_LOCAL', 2],
          ['GET_LOCAL', 0], ['GET_LOCAL', 1], ['LT'], ['GET_LOCAL', 0], ['GET_LOCAL', 1], ['LE'], ['EQ'],
          ['GET_LOCAL', 0], ['GET_LOCAL', 1], ['GE'], ['NE'], ['TO_BOOL'], ['JUMP_IF_TRUE', 'a'],
          ['GET_LOCAL', 0], ['GET_LOCAL', 1], ['GT'], ['JUMP_IF_FALSE', 'a'],
          'a:',
          ['GET_LOCAL', 0], ['GET_LOCAL', 1], ['JUMP_UNLESS_LE', 'b'],
          'b:',
          ['GET_LOCAL', 0], ['GET_LOCAL', 1], ['JUMP_UNLESS_GE', 'c'],
          'c:',
          ['GET_LOCAL', 0], ['GET_LOCAL', 1], ['JUMP_UNLESS_NE', 'd'],
          'd:',
          ['TRUE'], ['FALSE'], ['POP'], ['DUP'], ['POP'], ['POP'],
          ['INC_LOCAL', 2, 10],
          ['GET_GLOBAL', 2], ['INT', 9], ['CALL_VALUE', 1], ['POP'],
          ['GET_GLOBAL', 2], ['CONST', 9], ['SPAWN_VALUE', 1], ['POP'],
          ['CONST', 10], ['GET_GLOBAL', 1], ['RANGE'], ['POP'],
          ['GET_LOCAL', 2], ['RETURN'],
        ],
      },
    ],
    init: 0,
    handlers: [
      { owner: '', event: 'start', fn: 6 },
      { owner: 'lamp', event: 'use', with: 'key', fn: 4 },
    ],
    declarations: { rooms: [{ name: 'beach', objects: ['lamp'] }], title: 'Sample', 'ünïcode': '✓ 🐚' },
  });
  // Lines as the compiler would give them: several per function, ascending.
  m.functions[1]!.lines = Int32Array.from([0, 1, 1, 4, 2, 3, 9, 2, 18, 12, 3, 3]);
  m.functions[2]!.lines = Int32Array.from([0, 7, 3, 12, 8, 3, 27, 9, 7, 41, 10, 3]);
  return m;
}

/** The smallest useful module: init returns nil. */
export function tinyModule(): Module {
  return assemble({ functions: [{ name: '<init>', maxStack: 1, code: [['NIL'], ['RETURN']] }] });
}

/** A module per feature, so a failure names the feature. */
export function sampleModules(): Array<[string, Module]> {
  const game = gameModule();
  const only = (keep: number): Module => {
    // The game's tables with one of its functions (which calls no other) behind a trivial init.
    const m = gameModule();
    return { ...m, functions: [tinyModule().functions[0]!, m.functions[keep]!], init: 0, handlers: [] };
  };
  return [
    ['game', game],
    ['tiny', tinyModule()],
    ['loops', only(2)],
    ['lists and natives', only(3)],
    ['maps and members', only(4)],
    ['calls', assemble({
      constants: ['Hello', 'nobody', ', '],
      functions: [
        { name: '<init>', maxStack: 2, code: [['CONST', 1], ['CALL', 1, 1], ['POP'], ['CONST', 1], ['CONST', 0], ['CALL', 1, 2], ['RETURN']] },
        greet,
      ],
    })],
  ];
}
