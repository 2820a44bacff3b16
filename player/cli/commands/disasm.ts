// `cairn disasm FILE.adv` prints the bytecode a script compiles to, each
// instruction under the source line it came from.

import { CairnError } from '../../../interpreter/errors.js';
import { disassemble } from '../../../interpreter/bytecode/disasm.js';
import { parseCommandArgs } from '../args.js';
import { compileScriptFiles } from '../sources.js';
import type { Command } from './index.js';

export const disasmCommand: Command = {
  name: 'disasm',
  summary: 'print the bytecode of scripts, annotated with their source',
  usage: 'cairn disasm FILE.adv [FILE.adv …]',
  async run(args, term) {
    const { positionals } = parseCommandArgs('disasm', args, {});
    if (positionals.length === 0) throw new CairnError('USAGE', 'cairn disasm needs a script file (see `cairn disasm --help`)');
    const { module } = compileScriptFiles(positionals, term);
    term.out(disassemble(module, { sources: term.sources }));
    return 0;
  },
};
