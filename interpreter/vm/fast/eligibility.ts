// Which functions the fast tier may run, decided from the bytecode at load
// time: a function qualifies when it cannot suspend — none of its
// instructions waits or yields, it calls no blocking native (the natives
// table's `blocking` flag: `say`, `walk`, `choose`, …) — and every function it
// calls qualifies too. A call through a function value (CALL_VALUE) could
// reach anything, so it disqualifies; an opcode the fast tier does not know
// disqualifies as well, so a new opcode is never guessed at.

import { Op, OPCODES_BY_CODE, type OpName } from '../../bytecode/opcodes.js';
import type { Program } from '../program.js';

/** The opcodes compile-function.ts implements; CALL is checked against the callee. */
const COMPILED: ReadonlySet<number> = new Set(
  (
    [
      'CONST', 'NIL', 'TRUE', 'FALSE', 'INT', 'POP', 'DUP', 'GET_LOCAL', 'SET_LOCAL', 'GET_GLOBAL', 'SET_GLOBAL', 'FN',
      'ADD', 'SUB', 'MUL', 'DIV', 'MOD', 'NEG', 'NOT', 'EQ', 'NE', 'LT', 'LE', 'GT', 'GE', 'RANGE', 'TO_BOOL',
      'JUMP', 'JUMP_IF_FALSE', 'JUMP_IF_TRUE', 'JUMP_UNLESS_LT', 'JUMP_UNLESS_LE', 'JUMP_UNLESS_GT', 'JUMP_UNLESS_GE',
      'JUMP_UNLESS_EQ', 'JUMP_UNLESS_NE', 'FOR_RANGE', 'ITER_NEXT', 'ITER_PREP', 'CALL', 'CALL_NATIVE', 'RETURN', 'RETURN_NIL',
      'LIST', 'MAP', 'POINT', 'INDEX_GET', 'INDEX_SET', 'MEMBER_GET', 'MEMBER_SET', 'CONCAT', 'SPAWN', 'SPAWN_VALUE',
      'STOP_THREAD', 'PRINT', 'GET_LOCAL2', 'ADD_INT', 'INC_LOCAL', 'LINE', 'TEXT',
    ] satisfies OpName[]
  ).map((name) => Op[name]),
);

/** For each function of `program`, whether it can never suspend (and so may run in the fast tier); `excluded` are left out whatever they hold. */
export function nonSuspending(program: Program, excluded: ReadonlySet<number> = new Set()): boolean[] {
  const fns = program.fns;
  const ok = fns.map((_, i) => !excluded.has(i));
  const callees: number[][] = fns.map(() => []);
  fns.forEach((fn, i) => {
    const code = fn.code;
    for (let pc = 0; pc < code.length; ) {
      const op = code[pc]!;
      const info = OPCODES_BY_CODE[op];
      if (info === undefined || !COMPILED.has(op)) {
        ok[i] = false;
        break;
      }
      if (op === Op.CALL) callees[i]!.push(code[pc + 1]!);
      else if (op === Op.CALL_NATIVE && program.natives[code[pc + 1]!]?.blocking !== false) ok[i] = false;
      pc += 1 + info.operands.length;
    }
  });
  // A function that calls one that may suspend may suspend: repeat until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    fns.forEach((_, i) => {
      if (ok[i] && callees[i]!.some((c) => ok[c] !== true)) {
        ok[i] = false;
        changed = true;
      }
    });
  }
  return ok;
}
