// What "formatting keeps the program" means in the formatter's tests: the two
// sources compile to modules with the same code, constants and function
// table. Compared: files, constants, globals, natives, init, handlers, every
// function's name, file, arity, minArity, entries, locals, maxStack and code,
// and the declarations — all except where things are: the functions' line
// tables and the declarations' `line` fields, which move with the layout.

import type { Module } from '../../../interpreter/bytecode/module.js';
import { compile, type SourceFile } from '../../../interpreter/compiler/compile.js';

/** The parts of a module that must not change when only the layout does. */
export function codeOf(files: SourceFile[]): unknown {
  const module: Module = compile(files).module;
  const { functions, declarations, ...rest } = module;
  return {
    ...rest,
    functions: functions.map(({ lines: _lines, code, ...f }) => ({ ...f, code: [...code] })),
    declarations: JSON.parse(JSON.stringify(declarations), (key, value: unknown) => (key === 'line' ? undefined : value)),
  };
}
