// `cairn play FILE.cairn`: verify a bundle whole, serve it with the web player
// on loopback and open it in a window of its own (player/desktop/). A file
// that fails the door is reported on stderr and, for someone who double-clicked
// it with no terminal to read, on a page in the window.

import { basename } from 'node:path';
import { CairnError, isCairnError } from '../../../interpreter/errors.js';
import { formatError } from '../../../interpreter/diagnostic-format.js';
import { loadGame } from '../../../runtime/game-loader.js';
import { runPlaySession, type VerifiedGame } from '../../desktop/play-session.js';
import { integerOption, parseCommandArgs } from '../args.js';
import { readBinaryFile } from '../bundle-file.js';
import { createProgress } from '../progress.js';
import { nodeSha256 } from '../project-bundle.js';
import type { Terminal } from '../terminal.js';
import type { Command } from './index.js';

export const playCommand: Command = {
  name: 'play',
  summary: 'play a .cairn bundle in a window of its own',
  usage: [
    'cairn play FILE.cairn [--no-open] [--port N]',
    '',
    'Verifies the bundle, serves it and the web player on 127.0.0.1, and opens a window: $BROWSER when set,',
    'else Chromium or Chrome as an app window, else the default browser. Ends when the window closes or on',
    'Ctrl-C. Saves are files under $XDG_DATA_HOME/cairn/saves/<game id>/.',
    '',
    '  --no-open   print the address instead of opening a window; run until its page closes or Ctrl-C',
    '  --port N    listen on port N instead of a free one the system picks',
  ].join('\n'),
  async run(args, term) {
    const { values, positionals } = parseCommandArgs('play', args, { 'no-open': { type: 'boolean' }, port: { type: 'string' } });
    if (positionals.length !== 1) throw new CairnError('USAGE', 'cairn play needs one .cairn file (see `cairn play --help`)');
    const path = positionals[0]!;
    const port = integerOption('play', 'port', values.port, 0);
    if (port > 65535) throw new CairnError('USAGE', `--port needs a port number up to 65535, not ${port}`);
    const open = values['no-open'] !== true;

    let game: VerifiedGame | undefined;
    let refusal: CairnError | undefined;
    try {
      game = verify(path, term);
    } catch (e) {
      if (!isCairnError(e)) throw e;
      refusal = e;
    }
    if (refusal !== undefined) {
      term.err(formatError(refusal, { color: term.color, sources: term.sources }));
      // With a terminal the message above is enough; from a file manager nobody would see it.
      if (term.interactive || !open) return 1;
    }
    const reason = await runPlaySession({
      fileName: basename(path),
      game,
      refusal: refusal === undefined ? undefined : formatError(refusal),
      open,
      port: port === 0 ? undefined : port,
      env: process.env,
      say: (line) => term.out(line),
      warn: (line) => term.err(line),
    });
    if (reason === 'no-window') term.err('cairn play: no window connected in time; stopping.');
    return refusal !== undefined || reason === 'browser-failed' || reason === 'no-window' ? 1 : 0;
  },
};

/** Reads the file and checks all of it: container, manifest, code, and every asset's checksum. */
function verify(path: string, term: Terminal): VerifiedGame {
  const bytes = readBinaryFile(path);
  const { bundle } = loadGame(bytes, { sha256: nodeSha256 });
  const total = bundle.listEntries().reduce((s, e) => s + e.size, 0);
  const progress = createProgress(term, 'Verifying', total, 20 * 1024 * 1024);
  bundle.verifyAll((done) => progress.update(done));
  progress.done();
  const m = bundle.manifest;
  return { bytes, id: m.id, title: m.title, resolution: m.resolution };
}
