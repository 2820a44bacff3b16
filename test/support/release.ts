// Helpers for the tests of what Cairn ships (test/release/): run an installed
// `cairn` as a child process, and play a bundle through `play --no-open` the
// way a browser's first visit would, fetching the player page and the game.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openSession } from '../desktop/http-client.js';
import { ROOT } from './cli.js';

/** The single-file runtime: built by `npm run package`'s script once per content of dist/ (it skips an up-to-date build). */
export function singleFileRuntime(): string {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'package-linux.js')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 });
  return join(ROOT, 'dist', 'release', 'cairn-linux-x64');
}

/** What a finished command left. */
export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end with exactly this environment (nothing inherited). */
export function runWith(command: string, args: string[], env: Record<string, string>, cwd?: string): Ran {
  const r = spawnSync(command, args, { env, cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What `play --no-open` served: the page, the game's bytes, how long until the page came. */
export interface Served {
  page: string;
  game: Uint8Array;
  /** The other paths asked for, with their bytes. */
  extras: Map<string, Uint8Array>;
  stdout: string;
  /** From spawning the process to the player page received, in ms. */
  startToPageMs: number;
}

/** Starts `command args…` (a `play --no-open`), fetches what it serves, then stops it with Ctrl-C and waits for its exit. */
export async function fetchWhatPlayServes(command: string, args: string[], env: Record<string, string>, extraPaths: string[] = []): Promise<Served> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address within 60 s; stdout: ${stdout}; stderr: ${stderr}`)), 60_000);
      child.stdout.on('data', (d) => {
        stdout += d;
        const found = /Open (http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]+) in a browser/.exec(stdout);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited (${code}) before serving; stdout: ${stdout}; stderr: ${stderr}`)));
    });
    const session = await openSession(url);
    const pageResponse = await session.fetch('/');
    const page = await pageResponse.text();
    const startToPageMs = performance.now() - started;
    if (pageResponse.status !== 200) throw new Error(`the page answered ${pageResponse.status}: ${page}`);
    const gameResponse = await session.fetch('/game.cairn');
    const game = new Uint8Array(await gameResponse.arrayBuffer());
    const extras = new Map<string, Uint8Array>();
    for (const path of extraPaths) {
      const response = await session.fetch(path);
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      extras.set(path, new Uint8Array(await response.arrayBuffer()));
    }
    return { page, game, extras, stdout, startToPageMs };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
  }
}
