// Compiles one expression against a finished module — a walkthrough's
// `expect door.open == true`, a debugger console line — with the compiler's own
// resolve, check, fold and emit passes, run on a model rebuilt from the
// module's tables. The result extends the module: its tables with entries
// appended and one function appended; no existing index changes.

import type * as A from '../syntax/ast.js';
import type { FunctionProto, JsonValue, Module } from '../bytecode/module.js';
import { CairnError, type Span } from '../errors.js';
import { parseExpression } from '../syntax/parse.js';
import { AssetChecker } from './assets.js';
import { check } from './check.js';
import { DEFAULT_NATIVES } from './compile.js';
import { Diagnostics, sortByPlace } from './diagnostics.js';
import { ModuleBuilder } from './emit-context.js';
import { emitUnit } from './emit-module.js';
import { fold } from './fold.js';
import { nativeTable, type NativeSpec } from './known-natives.js';
import { emptyModel, type GlobalSymbol, type ProgramModel, type Unit, type ValueEntityKind } from './program-model.js';
import { resolve } from './resolve.js';

/** How to compile an expression. */
export interface ExpressionOptions {
  /** The source name errors show (default `<expect>`). */
  file?: string;
  /** The builtin natives, as given to compile() (default: the VM's BUILTIN_NATIVES). */
  natives?: NativeSpec[];
}

/** An expression compiled against a module: the module extended, and the function that computes it. */
export interface CompiledExpression {
  module: Module;
  /** Index of the appended function: no parameters, returns the expression's value. */
  fn: number;
}

/** The name of the appended function (with ` #2`… when the module already has one). */
const FUNCTION_NAME = '<expression>';

/** Function names that scripts can call: top-level `fn`s (handlers, options and init have spaces, dots or `<`). */
const SCRIPT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Compiles `text` (one expression) so that it reads `module`'s globals,
 * functions, world entities and natives by name. Syntax errors are the
 * parser's CairnErrors; a single compile error (UNKNOWN_NAME with its
 * "did you mean", WRONG_ARITY, …) is thrown as itself, several as one
 * COMPILE_FAILED listing them. Spans point into `text` under `options.file`.
 */
export function compileExpression(text: string, module: Module, options: ExpressionOptions = {}): CompiledExpression {
  const file = options.file ?? '<expect>';
  const expr = parseExpression(text, file);
  const files = module.files.includes(file) ? module.files : [...module.files, file];
  const model = emptyModel(files, nativeTable(options.natives ?? DEFAULT_NATIVES));
  declareModuleNames(model, module);
  const body: A.Block = { kind: 'Block', body: [{ kind: 'Return', value: expr, span: expr.span }], span: expr.span };
  const unit: Unit = {
    index: module.functions.length,
    name: freeName(module.functions),
    file: files.indexOf(file),
    kind: 'condition',
    params: [],
    body,
    span: expr.span,
    inDialog: false,
    locals: 0,
  };
  model.units.push(unit);
  const diag = new Diagnostics();
  resolve(model, diag);
  check(model, diag, new AssetChecker({}, diag));
  fold(model, diag);
  if (diag.failed) {
    const errors = sortByPlace(diag.errors, files);
    if (errors.length === 1) throw errors[0]!;
    throw new CairnError('COMPILE_FAILED', `The expression has ${errors.length} errors.`, { related: errors });
  }
  const pools = new ModuleBuilder(module);
  const fn = emitUnit(model, pools, unit);
  return {
    module: { ...module, files, constants: pools.constants, natives: pools.natives, functions: [...module.functions, fn] },
    fn: unit.index,
  };
}

/**
 * Fills the model's top-level names from the module: every global (a const
 * too: its global holds its value) read with GET_GLOBAL, every script
 * function, and the rooms, objects, actors and dialogs of the declarations.
 * The passes only read a symbol's declaration for the places of notes, so
 * each gets a minimal one.
 */
function declareModuleNames(model: ProgramModel, module: Module): void {
  const add = (name: string, symbol: GlobalSymbol): void => {
    if (!model.globals.has(name)) model.globals.set(name, symbol);
  };
  const unknownPlace = place('<module>', 1, 1);
  module.globals.forEach((g, global) => {
    const name = ident(g.name, unknownPlace);
    add(g.name, { kind: 'var', name: g.name, global, decl: { kind: 'Var', name, init: { kind: 'Nil', span: unknownPlace }, span: unknownPlace } });
  });
  module.functions.forEach((f, fn) => {
    if (!SCRIPT_NAME.test(f.name)) return;
    const span = functionPlace(module, f);
    const decl: A.FnDecl = { kind: 'Fn', name: ident(f.name, span), params: [], body: { kind: 'Block', body: [], span }, span };
    add(f.name, { kind: 'fn', name: f.name, decl, fn, minArity: f.minArity, arity: f.arity });
  });
  for (const { entity, name, span } of declaredEntities(module)) add(name, { kind: 'entity', name, entity, decl: entityDecl(entity, ident(name, span)) });
}

/** Where a function starts: the first line-table entry, which emit sets to the declaration. */
function functionPlace(module: Module, f: FunctionProto): Span {
  return place(module.files[f.file] ?? '<module>', f.lines[1] ?? 1, f.lines[2] ?? 1);
}

const ENTITY_LISTS: ReadonlyArray<[key: string, entity: ValueEntityKind]> = [['rooms', 'room'], ['objects', 'object'], ['actors', 'actor'], ['dialogs', 'dialog']];

/**
 * The entities a script can name, from the declarations JSON (emit-declarations.ts
 * documents its shape). Costumes are left out on purpose: the language never
 * uses them as values, and they may share a name with an actor.
 */
function declaredEntities(module: Module): Array<{ entity: ValueEntityKind; name: string; span: Span }> {
  const out: Array<{ entity: ValueEntityKind; name: string; span: Span }> = [];
  const decls = module.declarations;
  if (!isRecord(decls)) return out;
  for (const [key, entity] of ENTITY_LISTS) {
    const list = decls[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isRecord(item) || typeof item.name !== 'string') continue;
      const file = typeof item.file === 'number' ? module.files[item.file] : undefined;
      out.push({ entity, name: item.name, span: place(file ?? '<module>', typeof item.line === 'number' ? item.line : 1, 1) });
    }
  }
  return out;
}

function entityDecl(entity: ValueEntityKind, name: A.Ident): A.RoomDecl | A.ObjectDecl | A.ActorDecl | A.DialogDecl {
  const span = name.span;
  switch (entity) {
    case 'room':
      return { kind: 'Room', name, properties: [], objects: [], handlers: [], span };
    case 'object':
      return { kind: 'Object', name, properties: [], handlers: [], span };
    case 'actor':
      return { kind: 'Actor', name, properties: [], handlers: [], span };
    case 'dialog':
      return { kind: 'Dialog', name, options: [], span };
  }
}

function freeName(functions: readonly FunctionProto[]): string {
  const taken = new Set(functions.map((f) => f.name));
  let name = FUNCTION_NAME;
  for (let n = 2; taken.has(name); n++) name = `${FUNCTION_NAME} #${n}`;
  return name;
}

function isRecord(v: JsonValue | undefined): v is { [key: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ident = (name: string, span: Span): A.Ident => ({ kind: 'Ident', name, span });

function place(source: string, line: number, column: number): Span {
  const at = { offset: 0, line, column };
  return { source, start: at, end: at };
}
