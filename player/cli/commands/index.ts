// The table of subcommands: name, one-line summary, usage and handler. `cairn
// --help` and dispatch both read it, so a command exists once.

import type { Terminal } from '../terminal.js';
import { runCommand } from './run.js';
import { disasmCommand } from './disasm.js';
import { buildCommand } from './build.js';
import { inspectCommand } from './inspect.js';
import { newCommand } from './new.js';
import { testCommand } from './test.js';
import { playCommand } from './play.js';
import { devCommand } from './dev.js';
import { installDesktopCommand, uninstallDesktopCommand } from './install-desktop.js';
import { fmtCommand } from './fmt.js';
import { lspCommand } from './lsp.js';
import { translateCommand } from './translate.js';

/** One subcommand of `cairn`. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the exit code. Throws CairnError for user errors. */
  run(args: string[], term: Terminal): Promise<number>;
}

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [newCommand, buildCommand, runCommand, testCommand, playCommand, devCommand, inspectCommand, disasmCommand, installDesktopCommand, uninstallDesktopCommand, fmtCommand, lspCommand, translateCommand];

/** The command with this name, if any. */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
