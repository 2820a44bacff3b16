// Pass 5, emit: turns every unit of the checked, folded model into a
// FunctionProto and assembles the Module. Guarantees: each function's
// `entries` start the code for each accepted argument count (evaluating the
// missing defaults, then falling into the body); `maxStack` is the exact
// deepest stack; `locals` covers parameters, lets, loop and scratch slots;
// every path ends in a return; the line table maps each instruction. With
// `debug`, a LINE instruction starts each statement (and each loop round);
// without it, no LINE is emitted at all.

import { MODULE_VERSION, type FunctionProto, type JsonValue, type Module } from '../bytecode/module.js';
import { ModuleBuilder, type EmitContext } from './emit-context.js';
import { emitExpr } from './emit-expressions.js';
import { FunctionBuilder } from './emit-function.js';
import { emitBlock } from './emit-statements.js';
import type { ProgramModel, Unit } from './program-model.js';

/** Emits the whole module; `declarations` is built separately (emit-declarations.ts). */
export function emitModule(model: ProgramModel, mod: ModuleBuilder, declarations: JsonValue, debug = false): Module {
  const functions = model.units.map((unit) => emitUnit(model, mod, unit, debug));
  return {
    version: MODULE_VERSION,
    files: model.files,
    constants: mod.constants,
    globals: model.globalInfos.map((g) => ({ name: g.name, constant: g.constant })),
    natives: mod.natives,
    functions,
    init: model.initUnit,
    handlers: model.handlers.map((h) => (h.with === undefined ? { owner: h.owner, event: h.event, fn: h.unit } : { owner: h.owner, event: h.event, with: h.with, fn: h.unit })),
    declarations,
    ...(mod.texts.length > 0 ? { texts: mod.texts } : {}),
  };
}

/** Emits one unit as a function; its constants and native imports go into `mod`. */
export function emitUnit(model: ProgramModel, mod: ModuleBuilder, unit: Unit, debug = false): FunctionProto {
  const fb = new FunctionBuilder(unit.locals);
  const cx: EmitContext = { model, mod, fb, unit, loops: [], cutscenes: 0, debug };
  fb.at(unit.span.start);
  // entries[k] serves argc = minArity + k: it fills parameters minArity + k … arity - 1.
  let minArity = 0;
  while (minArity < unit.params.length && unit.params[minArity]!.default === undefined) minArity++;
  const entries: number[] = [];
  for (let i = minArity; i < unit.params.length; i++) {
    entries.push(fb.pc);
    const def = unit.params[i]!.default!;
    fb.at(def.span.start);
    emitExpr(cx, def);
    fb.op('SET_LOCAL', i);
  }
  entries.push(fb.pc);
  for (const init of unit.inits ?? []) {
    fb.at(init.expr.span.start);
    emitExpr(cx, init.expr);
    fb.op('SET_GLOBAL', init.global);
  }
  for (const f of unit.initCalls ?? []) {
    fb.op('CALL', f, 0);
    fb.op('POP');
  }
  emitBlock(cx, unit.body);
  if (fb.reachable) {
    fb.at(unit.body.span.end);
    fb.op('RETURN_NIL');
  }
  const built = fb.finish();
  return {
    name: unit.name,
    file: unit.file,
    arity: unit.params.length,
    minArity,
    entries,
    locals: unit.locals + built.temps,
    maxStack: built.maxStack,
    code: built.code,
    lines: built.lines,
  };
}
