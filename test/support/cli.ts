// Runs the built `cairn` command in a child process, as a user would, for
// the CLI tests: exit code, stdout and stderr, colours off.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository root, where `npx cairn` runs. */
export const ROOT = join(import.meta.dirname, '../..');
/** The CLI's entry point (needs `npm run build`; `npm test` does it first). */
export const CLI = join(ROOT, 'bin/cairn.js');

/** Runs `cairn ARGS…` in `cwd` (default the repository root) with extra environment variables. */
export function runCairn(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
