// `cairn inspect FILE.cairn`: what is in a bundle and whether it verifies —
// title, id, version, author, sizes, entries with their compression — as
// text for people or `--json` for tools. A file that fails the door is
// reported (exit 1) with the door's sentence.

import { CairnError, isCairnError } from '../../../interpreter/errors.js';
import { loadGame } from '../../../runtime/game-loader.js';
import { parseCommandArgs } from '../args.js';
import { readBinaryFile } from '../bundle-file.js';
import { createProgress } from '../progress.js';
import { formatBytes } from '../format-bytes.js';
import { nodeSha256 } from '../project-bundle.js';
import { inspectSave } from '../save-files.js';
import { SAVE_FILE_EXTENSION } from '../../../runtime/saves/save-file-format.js';
import type { Command } from './index.js';
import { terminalSafe } from '../terminal.js';

/** JSON text with every character terminalSafe escapes written as a JSON escape (JSON.stringify leaves C1 and bidi marks raw). */
function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'show what a .cairn bundle holds and whether it verifies',
  usage: [
    'cairn inspect FILE.cairn [--json]',
    'cairn inspect FILE.cairnsave [--bundle GAME.cairn] [--json]',
    '',
    '  --json               print one JSON object for tools',
    '  --bundle GAME.cairn  (a save) also check that it loads into this game',
  ].join('\n'),
  async run(args, term) {
    const { values, positionals } = parseCommandArgs('inspect', args, { json: { type: 'boolean' }, bundle: { type: 'string' } });
    if (positionals.length !== 1) throw new CairnError('USAGE', 'cairn inspect needs one .cairn file (see `cairn inspect --help`)');
    const path = positionals[0]!;
    if (path.endsWith(SAVE_FILE_EXTENSION)) return inspectSave(path, values.bundle, values.json === true, term);
    if (values.bundle !== undefined) throw new CairnError('USAGE', '--bundle is for inspecting a .cairnsave file');
    const bytes = readBinaryFile(path);
    let failure: CairnError | undefined;
    let game: ReturnType<typeof loadGame> | undefined;
    try {
      game = loadGame(bytes, { sha256: nodeSha256 });
      const total = game.bundle.listEntries().reduce((s, e) => s + e.size, 0);
      const progress = createProgress(term, 'Verifying', total, 20 * 1024 * 1024);
      game.bundle.verifyAll((done) => progress.update(done));
      progress.done();
    } catch (e) {
      if (!isCairnError(e)) throw e;
      failure = e;
    }
    if (values.json) {
      const m = game?.bundle.manifest;
      term.out(
        jsonSafe(JSON.stringify(
          {
            file: path,
            size: bytes.length,
            verified: failure === undefined,
            error: failure ? { code: failure.code, message: failure.message } : undefined,
            manifest: m,
            entries: game?.bundle.listEntries(),
          },
          null,
          2,
        )),
      );
      return failure ? 1 : 0;
    }
    if (failure || !game) throw failure;
    const manifest = game.bundle.manifest;
    // Everything below comes from the bundle: guest text, made safe for the terminal.
    const m = { ...manifest, title: terminalSafe(manifest.title, true), version: terminalSafe(manifest.version, true), author: terminalSafe(manifest.author, true), id: terminalSafe(manifest.id, true), runtime: terminalSafe(manifest.runtime, true) };
    const entries = game.bundle.listEntries().map((e) => ({ ...e, name: terminalSafe(e.name, true) }));
    const unpacked = entries.reduce((s, e) => s + e.size, 0);
    const nameWidth = Math.max(...entries.map((e) => e.name.length), 5);
    term.out(
      [
        `${m.title} ${m.version} by ${m.author}`,
        `  id          ${m.id}`,
        `  resolution  ${m.resolution[0]}×${m.resolution[1]}${m.pixelArt ? ' (pixel art)' : ''}`,
        `  needs       Cairn ${m.runtime}`,
        `  file        ${formatBytes(bytes.length)} (${formatBytes(unpacked)} unpacked, ${entries.length} entries)`,
        '',
        ...entries.map((e) => `  ${e.name.padEnd(nameWidth)}  ${formatBytes(e.size).padStart(10)}  ${e.method === 'stored' ? 'stored  ' : 'deflated'}  ${e.method === 'deflated' && e.size > 0 ? `${Math.round((100 * e.compressedSize) / e.size)}%` : ''}`),
        '',
        'verified: every entry matches its checksum and the code passes verification',
      ].join('\n'),
    );
    return 0;
  },
};
