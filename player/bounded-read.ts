// Reading a file the user or a game handed us, bounded: only a regular file
// (never a device, a pipe or a folder — `/dev/zero` is refused at once), and
// its size checked before a byte is read, so no file can hang the process or
// grow it past what the caller allows. Used by the CLI and the desktop player.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { CairnError } from '../interpreter/errors.js';

/** Why a file cannot be read, as a sentence; null when it is a regular file of at most `maxBytes`. */
export function unreadableBecause(size: number, isFile: boolean, maxBytes: number, what: string): string | null {
  if (!isFile) return `is not a regular file, so it is not ${what}`;
  if (size > maxBytes) return `holds ${size} bytes, more than ${what} may (${maxBytes})`;
  return null;
}

/**
 * The bytes of the regular file at `path`, of at most `maxBytes`; `what` names
 * it in messages ("a game file"). FILE_NOT_FOUND, or IO saying what is wrong.
 */
export function readBoundedFile(path: string, maxBytes: number, what: string): Uint8Array {
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO does not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CairnError('FILE_NOT_FOUND', `There is no file \`${path}\`.`);
    if (code === 'EISDIR') throw new CairnError('IO', `\`${path}\` is a folder, not ${what}.`);
    throw new CairnError('IO', `Could not read \`${path}\`: ${(e as Error).message}`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new CairnError('IO', `\`${path}\` is a folder, not ${what}.`);
    const why = unreadableBecause(st.size, st.isFile(), maxBytes, what);
    if (why !== null) throw new CairnError('IO', `\`${path}\` ${why}.`);
    const bytes = new Uint8Array(st.size);
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(fd, bytes, done, bytes.length - done, done);
      if (n === 0) break; // shrank while we read: what is there is what we have
      done += n;
    }
    return done === bytes.length ? bytes : bytes.subarray(0, done);
  } catch (e) {
    if (e instanceof CairnError) throw e;
    throw new CairnError('IO', `Could not read \`${path}\`: ${(e as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

/** The text (UTF-8) of a regular file of at most `maxBytes`. */
export function readBoundedText(path: string, maxBytes: number, what: string): string {
  return new TextDecoder().decode(readBoundedFile(path, maxBytes, what));
}

/** The most a script, walkthrough, input log or project file may hold. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;
