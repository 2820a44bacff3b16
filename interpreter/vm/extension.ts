// Code appended to the loaded program — an expression compiled against it
// (compiler/compile-expression.ts) — made ready to run without reloading:
// checks that a module extends the loaded one, verifies what it appends and
// builds a Program that shares the loaded one's prepared functions, constants
// and natives. VM.evaluate runs with it; nothing appended outlives the call.

import { functionHash } from '../bytecode/hash.js';
import type { Constant, Module } from '../bytecode/module.js';
import { Op, OPCODES_BY_CODE } from '../bytecode/opcodes.js';
import { verifyAppended } from '../bytecode/verify.js';
import { CairnError } from '../errors.js';
import type { ResolvedNative } from './native-table.js';
import { constantValue, prepareFunction, resolveNative, type Program } from './program.js';

/**
 * The program `extended` describes, when it is `base`'s module with entries
 * appended: the same globals, and the same functions (by name and hash),
 * constants and natives in the same places, then new ones. MODULE_INVALID
 * otherwise. Table entries that are the very objects of `base.module` are
 * taken as equal without looking inside, so the usual case costs one pass
 * of pointer comparisons.
 */
export function extendProgram(base: Program, extended: Module, natives: ReadonlyMap<string, ResolvedNative>): Program {
  const m = base.module;
  const refuse = (why: string): CairnError => new CairnError('MODULE_INVALID', `this code was not compiled for the running program: ${why}`);
  if (typeof extended !== 'object' || extended === null) throw refuse('it is not a module');
  const { globals, functions, constants } = extended;
  if (!Array.isArray(globals) || !Array.isArray(functions) || !Array.isArray(constants) || !Array.isArray(extended.natives)) throw refuse('its tables are missing');
  // New globals would have no slot in the running state.
  if (globals.length !== m.globals.length) throw refuse(`it has ${globals.length} globals, the program ${m.globals.length}`);
  m.globals.forEach((g, i) => {
    const other = globals[i];
    if (other !== g && (other?.name !== g.name || other.constant !== g.constant)) throw refuse(`global ${i} is not \`${g.name}\``);
  });
  if (functions.length < m.functions.length) throw refuse('it lacks some of the program\'s functions');
  base.fns.forEach((f, i) => {
    const other = functions[i];
    if (other === m.functions[i]) return;
    if (other?.name !== f.name || functionHash(extended, i) !== f.hash) throw refuse(`function ${i} is not the program's \`${f.name}\``);
  });
  if (constants.length < m.constants.length) throw refuse('it lacks some of the program\'s constants');
  m.constants.forEach((k, i) => {
    if (!sameConstant(k, constants[i]!)) throw refuse(`constant ${i} differs`);
  });
  if (extended.natives.length < m.natives.length) throw refuse('it lacks some of the program\'s natives');
  m.natives.forEach((name, i) => {
    if (extended.natives[i] !== name) throw refuse(`native import ${i} is not \`${name}\``);
  });

  const from = { constants: m.constants.length, functions: m.functions.length };
  verifyAppended(extended, from);
  const added = functions.slice(from.functions).map((f, k) => prepareFunction(extended, f, from.functions + k));
  for (const f of added) {
    // A function value or thread of appended code would outlive the call that runs it.
    for (let pc = 0; pc < f.code.length; pc += 1 + OPCODES_BY_CODE[f.code[pc]!]!.operands.length) {
      const op = f.code[pc]!;
      if ((op === Op.FN || op === Op.SPAWN) && f.code[pc + 1]! >= from.functions) {
        throw refuse(`\`${f.name}\` may call the code appended with it, but not make a function value of it or spawn it`);
      }
    }
  }
  return {
    ...base,
    module: extended,
    fns: [...base.fns, ...added],
    consts: [...base.consts, ...constants.slice(from.constants).map(constantValue)],
    natives: [...base.natives, ...extended.natives.slice(m.natives.length).map((name) => resolveNative(natives, name))],
  };
}

function sameConstant(a: Constant, b: Constant): boolean {
  if (typeof a === 'object') return typeof b === 'object' && b !== null && a.entity === b.entity && a.name === b.name;
  return Object.is(a, b);
}
