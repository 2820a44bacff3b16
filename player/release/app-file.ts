// A game as one app (`cairn build DIR --app`): the single-file runtime with
// the game's bundle appended, then a 16-byte trailer — the bundle's length
// (u64, little-endian) and `CAIRNAP1`. An ELF executable ignores bytes after
// its segments and the SEA blob lives in a note the loader maps, so the
// runtime runs as before and finds its game at the end of its own file. The
// bundle is an ordinary one: it goes through the same door and verification.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CairnError } from '../../interpreter/errors.js';

const MAGIC = Buffer.from('CAIRNAP1', 'latin1');
const TRAILER_BYTES = 16;

/** Where an app's bundle sits in its file, or undefined when the file is no app. */
export interface AppLayout {
  /** Bytes of the runtime before the bundle. */
  runtimeBytes: number;
  bundleBytes: number;
}

/** Reads only the trailer: the layout of an app file, or undefined for any other file (a plain bundle, the bare runtime). */
export function appLayout(path: string): AppLayout | undefined {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < TRAILER_BYTES) return undefined;
    const trailer = Buffer.alloc(TRAILER_BYTES);
    readSync(fd, trailer, 0, TRAILER_BYTES, size - TRAILER_BYTES);
    if (!trailer.subarray(8).equals(MAGIC)) return undefined;
    const bundleBytes = Number(trailer.readBigUInt64LE(0));
    const runtimeBytes = size - TRAILER_BYTES - bundleBytes;
    if (!Number.isSafeInteger(bundleBytes) || runtimeBytes < 0) throw new CairnError('BUNDLE_TRUNCATED', `\`${path}\` ends like a Cairn app but its game is cut short: it says ${bundleBytes} bytes, the file has ${size}.`);
    return { runtimeBytes, bundleBytes };
  } finally {
    closeSync(fd);
  }
}

/** The bundle inside an app file, or undefined when the file is no app. */
export function readAppBundle(path: string): Uint8Array | undefined {
  const layout = appLayout(path);
  if (layout === undefined) return undefined;
  const fd = openSync(path, 'r');
  try {
    const bundle = Buffer.alloc(layout.bundleBytes);
    let done = 0;
    while (done < bundle.length) {
      const n = readSync(fd, bundle, done, bundle.length - done, layout.runtimeBytes + done);
      if (n === 0) throw new CairnError('BUNDLE_TRUNCATED', `\`${path}\` changed while its game was read.`);
      done += n;
    }
    return bundle;
  } finally {
    closeSync(fd);
  }
}

/** The 16 bytes that follow the bundle in an app. */
export function appTrailer(bundleBytes: number): Uint8Array {
  const trailer = Buffer.alloc(TRAILER_BYTES);
  trailer.writeBigUInt64LE(BigInt(bundleBytes), 0);
  MAGIC.copy(trailer, 8);
  return trailer;
}

/** Commands that, in an app, take its own file as their game: `APP run` is `cairn run APP`. */
const GAME_COMMANDS = new Set(['play', 'run', 'test', 'inspect']);

/**
 * The arguments an app runs with: none (a double-click) plays its game; a
 * game command gets the app's own file as its game; anything else is the
 * runtime's command line, unchanged.
 */
export function appArguments(args: readonly string[], self: string): string[] {
  if (args.length === 0) return ['play', self];
  const [command, ...rest] = args as [string, ...string[]];
  if (GAME_COMMANDS.has(command) && !rest.includes('--help') && !rest.includes('-h')) return [command, self, ...rest];
  return [...args];
}
