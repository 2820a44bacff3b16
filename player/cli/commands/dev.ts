// `cairn dev DIR`: plays a project while you write it. Builds it, serves it in
// the player (player/desktop/'s loopback server, with player/dev/'s routes),
// rebuilds on every change to a script, an asset or cairn.json and reloads the
// running game in place; compile errors show in the page and here.

import { resolve } from 'node:path';
import { CairnError } from '../../../interpreter/errors.js';
import { runDevSession } from '../../dev/dev-session.js';
import { integerOption, parseCommandArgs } from '../args.js';
import type { Command } from './index.js';

export const devCommand: Command = {
  name: 'dev',
  summary: 'play a project and reload it on every change, with a debugger console',
  usage: [
    'cairn dev DIR [--no-open] [--port N]',
    '',
    'Builds DIR, serves it with the web player on 127.0.0.1 and opens a window, as `cairn play` does. On a',
    'change to DIR/scripts, DIR/assets or DIR/cairn.json it rebuilds and reloads the running game: in place',
    '(same room, inventory and variables) when the new scripts can take over its save, else it restarts in',
    'the same room and says which script changed. Compile errors show over the game and here; fixing them',
    'resumes the game. ` (backquote) in the page opens the debugger console (see docs/debugging.md).',
    'Closing the page does not stop it: open the printed address again and the game is back; Ctrl-C stops it.',
    '',
    '  --no-open   print the address instead of opening a window',
    '  --port N    listen on port N instead of a free one the system picks',
  ].join('\n'),
  async run(args, term) {
    const { values, positionals } = parseCommandArgs('dev', args, { 'no-open': { type: 'boolean' }, port: { type: 'string' } });
    if (positionals.length !== 1) throw new CairnError('USAGE', 'cairn dev needs one project folder (see `cairn dev --help`)');
    const port = integerOption('dev', 'port', values.port, 0);
    if (port > 65535) throw new CairnError('USAGE', `--port needs a port number up to 65535, not ${port}`);
    const reason = await runDevSession({ dir: resolve(positionals[0]!), open: values['no-open'] !== true, port: port === 0 ? undefined : port, term });
    if (reason === 'no-window') term.err('cairn dev: no window connected in time; stopping.');
    return reason === 'browser-failed' || reason === 'no-window' ? 1 : 0;
  },
};
