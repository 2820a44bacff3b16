// Reads script files for the CLI and compiles them, registering their text
// with the terminal so errors show code frames.

import { CairnError } from '../../interpreter/errors.js';
import { formatError } from '../../interpreter/diagnostic-format.js';
import { MAX_TEXT_FILE_BYTES, readBoundedText } from '../bounded-read.js';
import { compile, type CompileOptions, type CompileResult } from '../../interpreter/compiler/compile.js';
import { terminalSafeError, terminalSafeSources, type Terminal } from './terminal.js';

/** Reads a text file (a regular file of bounded size) or throws FILE_NOT_FOUND / IO with the path in the message. */
export function readTextFile(path: string): string {
  return readBoundedText(path, MAX_TEXT_FILE_BYTES, 'a text file');
}

/** Compile options plus the names files go by in messages (path → `scripts/beach.adv`). */
export interface CompileFilesOptions extends CompileOptions {
  displayNames?: ReadonlyMap<string, string>;
  /** Where warnings go; default: formatted to stderr. */
  onWarning?: (warning: CairnError) => void;
}

/** Compiles script files (in the order given), printing warnings to stderr. */
export function compileScriptFiles(paths: string[], term: Terminal, options: CompileFilesOptions = {}): CompileResult {
  const files = paths.map((path) => {
    const text = readTextFile(path);
    const file = options.displayNames?.get(path) ?? path;
    term.addSource(file, text);
    return { file, text };
  });
  const result = compile(files, options);
  for (const warning of result.warnings) (options.onWarning ?? printWarning(term))(warning);
  return result;
}

/** Prints a warning as the one formatter draws it, on stderr. */
export function printWarning(term: Terminal): (warning: CairnError) => void {
  return (warning) => term.err(formatError(terminalSafeError(warning), { color: term.color, sources: terminalSafeSources(term.sources), warning: true }));
}
