// The `cairn` command: one entry point, a table of subcommands, and the one
// place where errors become what a person reads and an exit code (0 success,
// 1 a user error with a clear reason). Subcommands live in commands/, one each.

import { isCairnError, type CairnError } from '../../interpreter/errors.js';
import { formatError } from '../../interpreter/diagnostic-format.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { createTerminal, terminalSafeError, terminalSafeSources, type Terminal } from './terminal.js';

const VERSION = '0.1.0';

/** Runs the CLI with these arguments; resolves to the process exit code. */
export async function main(argv: string[], term: Terminal = createTerminal()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    term.out(rest[0] && name === 'help' ? helpFor(rest[0]) : overview());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    term.out(`cairn ${VERSION}`);
    return 0;
  }
  const command = findCommand(name);
  if (!command) {
    term.err(`cairn: unknown command \`${name}\`. Run \`cairn --help\` for the list.`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    term.out(helpFor(name));
    return 0;
  }
  try {
    return await command.run(rest, term);
  } catch (e) {
    if (isCairnError(e)) {
      term.err(formatError(terminalSafeError(e as CairnError), { color: term.color, sources: terminalSafeSources(term.sources) }));
      return 1;
    }
    // A bug in Cairn itself, not in the user's input: say so plainly.
    const detail = e instanceof Error ? e.stack ?? e.message : String(e);
    term.err(`cairn: internal error — this is a bug in Cairn, please report it.\n${detail}`);
    return 2;
  }
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `cairn ${VERSION} — build, test and play Cairn adventure games`,
    '',
    'Usage: cairn <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `cairn <command> --help` for a command\'s options.',
  ].join('\n');
}

function helpFor(name: string): string {
  const command = findCommand(name);
  if (!command) return `cairn: unknown command \`${name}\`.`;
  return `${command.summary}\n\nUsage: ${command.usage}`;
}
