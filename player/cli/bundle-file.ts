// Opening a `.cairn` file from disk for the CLI: read it, pass it through the
// door with Node's fast SHA-256, and say plainly when the file is missing.

import { readFileSync } from 'node:fs';
import { CairnError, isCairnError } from '../../interpreter/errors.js';
import { loadGame, type LoadedGame } from '../../runtime/game-loader.js';
import { appLayout, readAppBundle } from '../release/app-file.js';
import { nodeSha256 } from './project-bundle.js';

/** True for a path that names a game to open: a `.cairn` file, or a game app (`cairn build --app`). */
export function isGameFile(path: string): boolean {
  if (path.endsWith('.cairn')) return true;
  try {
    return appLayout(path) !== undefined;
  } catch (e) {
    // A damaged app is still an app: opening it reports the damage.
    return isCairnError(e);
  }
}

/** Reads bytes of a file (of a game app, its bundle), or throws FILE_NOT_FOUND / IO. */
export function readBinaryFile(path: string): Uint8Array {
  try {
    return readAppBundle(path) ?? readFileSync(path);
  } catch (e) {
    if (isCairnError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CairnError('FILE_NOT_FOUND', `There is no file \`${path}\`.`);
    if (code === 'EISDIR') throw new CairnError('IO', `\`${path}\` is a folder, not a game file.`);
    throw new CairnError('IO', `Could not read \`${path}\`: ${(e as Error).message}`);
  }
}

/**
 * Loads and verifies a bundle file, every asset's checksum included: on the
 * command line Node's hash makes that cheap, and a damaged file is refused
 * before it runs rather than when a room first needs the broken picture.
 */
export function loadBundleFile(path: string): LoadedGame {
  const loaded = loadGame(readBinaryFile(path), { sha256: nodeSha256 });
  loaded.bundle.verifyAll();
  return loaded;
}
