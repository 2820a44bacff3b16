// The desktop's saves: one file per slot in a game's own folder, written to a
// temporary file that is flushed and then renamed over the old one, so a
// crash mid-save leaves the previous save whole. Slot names are checked here,
// once: a slot never becomes a path outside its folder. Node fs only.

import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { isCairnError } from '../../interpreter/errors.js';
import { readBoundedFile, unreadableBecause } from '../bounded-read.js';
import { join } from 'node:path';

/** Slot names: letters, digits, `-` and `_`; no dots, slashes or anything a path could use. */
const SLOT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const SAVE_SUFFIX = '.save';
const TEMP_SUFFIX = '.tmp';
/** A temporary file older than this was left by a writer that died. */
const STALE_TEMP_MS = 10 * 60 * 1000;

/** The largest file a slot may hold: a guard against filling the disk, well above any real save. */
export const MAX_SAVE_FILE_BYTES = 32 * 1024 * 1024;

/** True when `slot` is a valid slot name. */
export function isValidSlot(slot: string): boolean {
  return SLOT.test(slot);
}

/** One save as listed: its slot, size and last change. */
export interface SaveInfo {
  slot: string;
  size: number;
  /** Milliseconds since the epoch. */
  modified: number;
  /** A regular file (anything else under a save's name is listed but never read). */
  isFile: boolean;
}

/** Saves of one game, in one folder. */
export class SaveStore {
  /** Opens the store of `dir` (created on first write) and sweeps temporaries left by crashed writers. */
  constructor(readonly dir: string) {
    this.sweepStaleTemps();
  }

  /** Every save, by slot name. */
  list(): SaveInfo[] {
    const saves: SaveInfo[] = [];
    for (const name of this.names()) {
      if (!name.endsWith(SAVE_SUFFIX)) continue;
      const slot = name.slice(0, -SAVE_SUFFIX.length);
      if (!isValidSlot(slot)) continue;
      try {
        const st = statSync(join(this.dir, name));
        if (!st.isDirectory()) saves.push({ slot, size: st.size, modified: Math.round(st.mtimeMs), isFile: st.isFile() });
      } catch {
        // deleted between readdir and stat: not a save any more
      }
    }
    return saves.sort((a, b) => (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0));
  }

  /** The bytes of a save, or undefined when the slot is empty. */
  read(slot: string): Uint8Array | undefined {
    try {
      return readBoundedFile(this.pathOf(slot), MAX_SAVE_FILE_BYTES, 'a save');
    } catch (e) {
      if (isCairnError(e) && e.code === 'FILE_NOT_FOUND') return undefined;
      throw e;
    }
  }

  /** Why a listed save cannot be read (not a regular file, or larger than a save may be), without reading it; null when it can. */
  unreadable(info: SaveInfo): string | null {
    return unreadableBecause(info.size, info.isFile, MAX_SAVE_FILE_BYTES, 'a save');
  }

  /** Writes a save atomically: the slot holds either the old bytes or these, never a mix. */
  write(slot: string, bytes: Uint8Array): void {
    const target = this.pathOf(slot);
    if (bytes.length > MAX_SAVE_FILE_BYTES) throw new RangeError(`a save file may hold at most ${MAX_SAVE_FILE_BYTES} bytes`);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // Unique per writer, so two windows saving at once never share a temporary.
    const temp = `${target}.${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
    const fd = openSync(temp, 'wx', 0o600);
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      // Flushed before the rename: otherwise a power cut could leave the new name on empty data.
      fsyncSync(fd);
    } catch (e) {
      closeSync(fd);
      unlinkQuietly(temp);
      throw e;
    }
    closeSync(fd);
    try {
      renameSync(temp, target);
    } catch (e) {
      unlinkQuietly(temp);
      throw e;
    }
    this.syncDir();
  }

  /** Removes a save; true when there was one. */
  delete(slot: string): boolean {
    try {
      unlinkSync(this.pathOf(slot));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
    this.syncDir();
    return true;
  }

  private pathOf(slot: string): string {
    if (!isValidSlot(slot)) throw new RangeError(`not a valid save slot name: ${JSON.stringify(slot)}`);
    return join(this.dir, slot + SAVE_SUFFIX);
  }

  private names(): string[] {
    try {
      return readdirSync(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }

  // The rename itself lives in the folder's entry list; flushing the folder makes it durable.
  private syncDir(): void {
    if (process.platform === 'win32') return; // folders cannot be opened for fsync there
    let fd: number | undefined;
    try {
      fd = openSync(this.dir, 'r');
      fsyncSync(fd);
    } catch {
      // Some filesystems refuse fsync on a folder; the rename has happened all the same.
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  private sweepStaleTemps(): void {
    const now = Date.now();
    for (const name of this.names()) {
      if (!name.endsWith(TEMP_SUFFIX)) continue;
      const path = join(this.dir, name);
      try {
        // Only old ones: a young temporary may belong to another window saving right now.
        if (now - statSync(path).mtimeMs > STALE_TEMP_MS) unlinkSync(path);
      } catch {
        // gone already
      }
    }
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // nothing to clean
  }
}
