// The compiler's entry point: source files in, one bytecode Module out. Runs
// the passes in order — parse, declare, resolve, check, fold, emit (plus the
// declarations JSON) — collecting every problem on the way, and throws one
// COMPILE_FAILED CairnError listing them all when there are any.

import { encodeModule } from '../bytecode/binary.js';
import type { Module } from '../bytecode/module.js';
import { CairnError, isCairnError } from '../errors.js';
import { keepWhile } from '../keep-alive.js';
import { parse } from '../syntax/parse.js';
import { BUILTIN_NATIVES } from '../vm/builtins.js';
import { nativeSpecs } from '../vm/native-table.js';
import { AssetChecker, type AssetOptions } from './assets.js';
import { check } from './check.js';
import { collectStringNodes, type TranslatableString } from './collect-strings.js';
import { checkDialogs } from './check-dialogs.js';
import { checkProperties } from './check-properties.js';
import { declare } from './declare.js';
import { buildDeclarations } from './emit-declarations.js';
import { Diagnostics, sortByPlace } from './diagnostics.js';
import { ModuleBuilder } from './emit-context.js';
import { emitModule } from './emit-module.js';
import { fold } from './fold.js';
import { nativeTable, type NativeSpec } from './known-natives.js';
import { emptyModel } from './program-model.js';
import { resolve } from './resolve.js';

export type { NativeSpec } from './known-natives.js';
export type { TranslatableString } from './collect-strings.js';

/** One source file: its name (as errors show it) and its text. */
export interface SourceFile {
  file: string;
  text: string;
}

/** How to compile. */
export interface CompileOptions extends AssetOptions {
  /** The builtin natives scripts may call; default: the VM's BUILTIN_NATIVES. Adventure natives are always added. */
  natives?: NativeSpec[];
  /**
   * Debug info for tracing and the debugger (`cairn run --trace`, `cairn dev`):
   * a LINE instruction starts each statement. Never for an exported game.
   */
  debug?: boolean;
}

/** What a successful compile gives. */
export interface CompileResult {
  module: Module;
  /** Problems that do not stop the build (unused locals, unreachable code), in source order. */
  warnings: CairnError[];
  /** Every asset path the scripts name (sorted), for the packer. */
  assetsUsed: string[];
  /** Every player-readable string with its stable id (interpreter/compiler/collect-strings.ts), in source order. */
  strings: TranslatableString[];
}

/** The builtins scripts may call when the host names none: the VM's BUILTIN_NATIVES. */
export const DEFAULT_NATIVES: readonly NativeSpec[] = nativeSpecs(BUILTIN_NATIVES);

/**
 * Compiles files together as one program, in the order given (callers sort
 * by file name). Throws one CairnError COMPILE_FAILED whose `related` lists
 * every error found.
 */
export function compile(files: Array<{ file: string; text: string }>, options: CompileOptions = {}): CompileResult {
  makeKeeper();
  if (files.length === 0) throw new CairnError('USAGE', 'There are no script files to compile.');
  const diag = new Diagnostics();
  const model = emptyModel(
    files.map((f) => f.file),
    nativeTable(options.natives ?? DEFAULT_NATIVES),
  );
  files.forEach(({ file, text }, index) => {
    try {
      model.programs.push({ program: parse(text, file), file: index });
    } catch (e) {
      // A syntax error stops its file; the other files are still checked.
      if (isCairnError(e)) for (const one of e.all()) diag.add(one);
      else diag.add(new CairnError('SYNTAX', `${file}: ${(e as Error).message}`, { cause: e }));
      diag.incomplete = true;
    }
  });
  const assets = new AssetChecker(options, diag);
  declare(model, diag);
  resolve(model, diag);
  check(model, diag, assets);
  checkProperties(model, diag);
  checkDialogs(model, diag);
  const collected = collectStringNodes(model, diag);
  const strings = collected.strings;
  const constValues = fold(model, diag);
  const declarations = buildDeclarations(model, constValues, diag, assets, collected.byNode);
  const warnings = sortByPlace(diag.warnings, model.files);
  if (diag.failed) {
    const errors = sortByPlace(diag.errors, model.files);
    const count = errors.length === 1 ? 'an error' : `${errors.length} errors`;
    throw new CairnError('COMPILE_FAILED', `The script has ${count}.`, { related: errors });
  }
  const mod = new ModuleBuilder();
  mod.translatable = collected;
  const module = emitModule(model, mod, declarations, options.debug ?? false);
  return { module, warnings, assetsUsed: assets.usedPaths(), strings };
}

/** What the keeper compile compiles: a little of each common statement and expression, so each pass object is made. */
const KEEPER_SOURCE = `const LIMIT = 3
var score = 0

fn add(a, b) {
  return a + b
}

on start {
  let xs = [1, 2, 3]
  let m = {x: 1, y: "two"}
  for x in xs {
    score = add(score, x)
  }
  let i = 0
  while i < LIMIT {
    i += 1
  }
  if score > 2 and m.x == 1 {
    print "score {score}"
  } else {
    print "none"
  }
}
`;

let compiles = 0;

/**
 * Before the second compile of a process: compiles and encodes KEEPER_SOURCE
 * with keeping on (why: keep-alive.ts). Not before the first, so a process
 * that compiles once (`cairn build`) does not pay its ~20 ms.
 */
function makeKeeper(): void {
  if (++compiles !== 2) return;
  keepWhile(() => encodeModule(compile([{ file: 'keeper.adv', text: KEEPER_SOURCE }]).module));
}
