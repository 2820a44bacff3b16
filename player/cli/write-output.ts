// Writing a file the CLI produces (a bundle): beside the target first, then a
// rename, so a failed write never leaves half a file; a folder that does not
// exist or cannot be written is the author's mistake, said as one sentence.

import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CairnError } from '../../interpreter/errors.js';

/** Writes `bytes` to `path` whole or not at all; throws IO naming the path and why. */
export function writeOutputFile(path: string, bytes: Uint8Array, what = 'the bundle'): void {
  const temporary = `${path}.partial`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? `the folder ${dirname(path)} does not exist`
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `${dirname(path)} cannot be written to`
      : code === 'EISDIR' ? `${path} is a folder`
      : code === 'ENOSPC' ? 'the disk is full'
      : ((e as Error).message ?? String(e));
    throw new CairnError('IO', `Could not write ${what} to ${path}: ${why}.`, { hint: code === 'ENOENT' ? 'create the folder first, or pass another path with -o' : undefined });
  }
}
