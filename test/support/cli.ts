// Runs the built `cairn` command in a child process, as a user would, for
// the CLI tests: exit code, stdout and stderr, colours off.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

/** GNU time, which measures a child's peak memory (Debian's `time` package). */
export const GNU_TIME = '/usr/bin/time';

/** `cairn ARGS…` under GNU time: also its peak resident memory (MB) and wall time (s). Throws, saying so, where GNU time is missing. */
export function runCairnMeasured(args: string[], options: { cwd?: string; env?: Record<string, string>; nodeArgs?: string[] } = {}) {
  if (!existsSync(GNU_TIME)) throw new Error(`this test needs GNU time at ${GNU_TIME} (apt-get install time) to measure peak memory`);
  const r = spawnSync(GNU_TIME, ['-f', 'cairn-measured peak-kb=%M wall=%e', process.execPath, ...(options.nodeArgs ?? []), CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  const m = /cairn-measured peak-kb=(\d+) wall=([\d.]+)\n?/.exec(r.stderr);
  const stderr = r.stderr.replace(/(Command exited with non-zero status \d+\n)?cairn-measured .*\n?/, '');
  return { code: r.status, stdout: r.stdout, stderr, peakMb: m ? Number(m[1]) / 1024 : NaN, seconds: m ? Number(m[2]) : NaN };
}

/** `stderr` without its VOICE_MISSING warnings (a game voiced in part gets them on every build), so a test can check that nothing else was printed. */
export function withoutVoiceWarnings(stderr: string): string {
  return stderr.replace(/^warning: .*\[VOICE_MISSING\]\n(?:(?:note|hint): .*\n)*/gm, '');
}
