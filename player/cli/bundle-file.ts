// Opening a `.cairn` file from disk for the CLI: read it, pass it through the
// door with Node's fast SHA-256, and say plainly when the file is missing.

import { isCairnError } from '../../interpreter/errors.js';
import { LIMITS } from '../../runtime/bundle/bundle-format.js';
import { readBoundedFile } from '../bounded-read.js';
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

/** Reads a game file (of a game app, its bundle; else a regular file no larger than a bundle may be), or throws FILE_NOT_FOUND / IO. */
export function readBinaryFile(path: string): Uint8Array {
  let app: Uint8Array | undefined;
  try {
    app = readAppBundle(path);
  } catch (e) {
    // A file that cannot be opened is reported by the bounded read below, in its words.
    if (isCairnError(e)) throw e;
  }
  return app ?? readBoundedFile(path, MAX_BUNDLE_FILE_BYTES, 'a game file');
}

/** The largest `.cairn` file read: what the door allows unpacked, which its packed form cannot exceed by more than its headers. */
const MAX_BUNDLE_FILE_BYTES = LIMITS.maxTotalSize + 64 * 1024 * 1024;

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
