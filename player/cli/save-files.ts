// Save files and reports on the command line: reading one from disk with its
// size checked before it is read, `cairn inspect FILE.cairnsave [--bundle
// GAME.cairn]`, and starting a headless game from a save (`cairn run --load`,
// `cairn test --from`).

import { readFileSync, statSync } from 'node:fs';
import { CairnError, isCairnError } from '../../interpreter/errors.js';
import { Game } from '../../runtime/game.js';
import { TICKS_PER_SECOND } from '../../interpreter/vm/ticks.js';
import { loadGameSave } from '../../runtime/saves/game-save-file.js';
import { decodeSaveFile, MAX_SAVE_FILE_BYTES, type SaveFile } from '../../runtime/saves/save-file-format.js';
import { loadBundleFile } from './bundle-file.js';
import { formatBytes } from './format-bytes.js';
import type { Terminal } from './terminal.js';

/** The bytes of a save or report file, refused before reading when it is larger than any save can be. */
export function readSaveBytes(path: string, limit = MAX_SAVE_FILE_BYTES): Uint8Array {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new CairnError('IO', `\`${path}\` is a folder, not a save file.`);
    if (st.size > limit) throw new CairnError('SAVE_FILE_INVALID', `\`${path}\` is ${formatBytes(st.size)}, larger than any Cairn save (at most ${formatBytes(limit)}).`);
    const bytes = readFileSync(path);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  } catch (e) {
    if (isCairnError(e)) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CairnError('FILE_NOT_FOUND', `There is no file \`${path}\`.`);
    throw new CairnError('IO', `Could not read \`${path}\`: ${(e as Error).message}`);
  }
}

/** Continues `game` (fresh, not yet ticked) from the save file at `path`; the save's own generator state replaces the seed's. */
export function continueFromSave(game: Game, path: string): Game {
  loadGameSave(game, readSaveBytes(path), `\`${path}\``);
  return game;
}

/** `cairn inspect FILE.cairnsave`: what the save holds, and whether it loads into the bundle when one is named. */
export function inspectSave(path: string, bundlePath: string | undefined, json: boolean, term: Terminal): number {
  const bytes = readSaveBytes(path);
  let file: SaveFile | undefined;
  let failure: CairnError | undefined;
  let into: string | undefined;
  try {
    file = decodeSaveFile(bytes, `\`${path}\``);
    if (bundlePath !== undefined) {
      const loaded = loadBundleFile(bundlePath);
      const m = loaded.bundle.manifest;
      loadGameSave(Game.fromBundle(loaded), bytes, `\`${path}\``);
      into = `${m.title} ${m.version} (${bundlePath})`;
    }
  } catch (e) {
    if (!isCairnError(e)) throw e;
    failure = e;
  }
  if (json) {
    const about = file && { ...file, thumbnail: file.thumbnail && { type: file.thumbnail.type, size: file.thumbnail.bytes.length }, snapshot: { size: file.snapshot.length } };
    const error = failure && { code: failure.code, message: failure.message };
    term.out(JSON.stringify({ file: path, size: bytes.length, verified: failure === undefined, loadsInto: into, error, save: about }, null, 2));
    return failure ? 1 : 0;
  }
  if (file === undefined) throw failure;
  const fns = file.needs.functions;
  const shown = fns.slice(0, 6).map((f) => f.name).join(', ') + (fns.length > 6 ? `, … (${fns.length} in all)` : '');
  term.out(
    [
      `Save "${file.name}" (slot ${file.slot}) of ${file.game.id} ${file.game.version}`,
      `  saved       ${new Date(file.date).toISOString().replace('T', ' ').slice(0, 16)} UTC`,
      `  room        ${file.room ?? '(none yet)'}`,
      `  play time   ${playTime(file.ticks)} (${file.ticks.toLocaleString('en-US')} ticks)`,
      `  thumbnail   ${file.thumbnail ? `${file.thumbnail.type}, ${formatBytes(file.thumbnail.bytes.length)}` : 'none'}`,
      `  snapshot    ${formatBytes(file.snapshot.length)}`,
      `  needs       build ${file.needs.build.slice(0, 12)}; ${fns.length === 0 ? 'no running scripts' : `scripts ${shown} unchanged`}`,
      '',
    ].join('\n'),
  );
  if (failure) throw failure;
  term.out(into ? `verified: the file is whole and loads into ${into}` : 'verified: the file is whole (name a game with --bundle GAME.cairn to check that it loads)');
  return 0;
}

/** Ticks as h:mm:ss or m:ss of play. */
function playTime(ticks: number): string {
  const s = Math.floor(ticks / TICKS_PER_SECOND);
  const mmss = `${Math.floor((s % 3600) / 60)}:${String(s % 60).padStart(2, '0')}`;
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mmss.padStart(5, '0')}` : mmss;
}
