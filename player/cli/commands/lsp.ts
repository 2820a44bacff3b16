// `cairn lsp`: the language server for editors, speaking the Language Server
// Protocol on stdin and stdout (player/lsp/server.ts). Editors start it; a
// person never types anything to it.

import { CairnError } from '../../../interpreter/errors.js';
import { startLanguageServer } from '../../lsp/server.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from './index.js';

export const lspCommand: Command = {
  name: 'lsp',
  summary: 'the language server for editors (Language Server Protocol on stdio)',
  usage: [
    'cairn lsp [--stdio]',
    '',
    'Speaks the Language Server Protocol on stdin and stdout, for editors:',
    'live errors as you type, go to definition, references, rename, hover,',
    'completion, the outline and formatting of .adv and .walk files of the',
    'project whose cairn.json is found above each file. See',
    'editors/vscode/README.md for VS Code, Neovim, Helix and Emacs.',
    '',
    '  --stdio   accepted for editors that always pass it (stdio is the only transport)',
  ].join('\n'),
  async run(args) {
    const { positionals } = parseCommandArgs('lsp', args, { stdio: { type: 'boolean' } });
    if (positionals.length > 0) throw new CairnError('USAGE', 'cairn lsp takes no arguments (see `cairn lsp --help`)');
    await startLanguageServer();
    return 0;
  },
};
