// Argument parsing for subcommands on top of node:util parseArgs, turning its
// exceptions into CairnError USAGE with a one-line reason.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CairnError } from '../../interpreter/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `args` for `command`; bad flags become a USAGE error. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e);
    throw new CairnError('USAGE', `${reason} (see \`cairn ${command} --help\`)`);
  }
}

/** Parses a whole non-negative integer option, or throws USAGE. */
export function integerOption(command: string, flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new CairnError('USAGE', `--${flag} needs a whole number, not \`${value}\` (see \`cairn ${command} --help\`)`);
  return Number(value);
}
