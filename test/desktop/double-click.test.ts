// Double-click, end to end, in a throwaway $HOME: `cairn install-desktop`
// registers the type (by name and by magic) and the default application;
// xdg-open on a bundle whose path has spaces, with a desktop's minimal
// environment and $BROWSER set to a script, serves the player on loopback;
// a save made there is a file that a later `cairn play` on another port
// reads back; a damaged bundle gets a page; uninstall undoes it all.
// Needs (Debian): xdg-utils, shared-mime-info, libfile-mimeinfo-perl, desktop-file-utils;
// where they are missing each check says so (test/support/not-run.ts) and the
// files themselves are still checked by test/desktop/freedesktop-files.test.ts.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { missingTools, noteNotRun, skipWithout } from '../support/not-run.js';
import { openAlive, openSession, rawGet, waitFor } from './http-client.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/cairn.js');
const REAL_PLAYER = existsSync(join(ROOT, 'dist/player-web/index.html'));
const MIME = 'application/x-cairn-bundle';
const TOOLS = ['/usr/bin/xdg-mime', '/usr/bin/xdg-open', '/usr/bin/update-mime-database', '/usr/bin/mimetype'];
const PACKAGES = 'xdg-utils shared-mime-info libfile-mimeinfo-perl';
/** Skips the rest of a round-trip check, noted for the run's summary, when a desktop tool is missing. */
const needTools = (ctx: TestContext, check: string) => skipWithout(ctx, TOOLS, check, PACKAGES);

let home: string;
let env: Record<string, string>;
let bundle: string;
let opened: string;
const children: ChildProcess[] = [];

function run(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(command, args, { env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
const cairn = (...args: string[]) => run(process.execPath, [CLI, ...args]);
const xdgMime = (...args: string[]) => run('/usr/bin/xdg-mime', args).stdout.trim();

/** Starts a long-running command in its own process group, with its output collected. */
function start(command: string, args: string[]) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.push(child);
  const out = { stdout: '', stderr: '', code: undefined as number | null | undefined };
  child.stdout!.on('data', (d) => (out.stdout += d));
  child.stderr!.on('data', (d) => (out.stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve((out.code = code))));
  return { child, out, exited };
}

/** The addresses the $BROWSER script was asked to open so far. */
function openedUrls(): string[] {
  return existsSync(opened) ? readFileSync(opened, 'utf8').split('\n').filter((l) => l !== '') : [];
}

beforeAll(() => {
  if (missingTools(TOOLS).length > 0) return;
  home = mkdtempSync(join(tmpdir(), 'cairn-home-'));
  opened = join(home, 'opened.txt');
  const browser = join(home, 'fake-browser.sh');
  // A browser that only notes the address it was given; the test does the fetching.
  writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
  chmodSync(browser, 0o755);
  // What a file manager passes on: a display, a minimal PATH, no npm or shell profile.
  env = {
    HOME: home,
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_CURRENT_DESKTOP: 'X-Generic',
    DISPLAY: ':99',
    PATH: '/usr/bin:/bin',
    BROWSER: browser,
    NO_COLOR: '1',
  };
  const project = join(home, 'src', 'lamp');
  expect(cairn('new', project, '--title', 'The Lamp', '--id', 'org.example.lamp').code).toBe(0);
  mkdirSync(join(home, 'My Games'));
  bundle = join(home, 'My Games', 'The Lamp (final) v1.cairn');
  const built = cairn('build', project, '-o', bundle);
  expect(built.stderr).not.toMatch(/error/i);
  expect(built.code).toBe(0);
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
});

describe('double-clicking a .cairn file on a freedesktop desktop', () => {
  it('install-desktop writes the MIME package, icons and entry, sets the default, and changes nothing the second time', async (ctx) => {
    await needTools(ctx, 'install-desktop with update-mime-database');
    const first = cairn('install-desktop');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const data = env.XDG_DATA_HOME!;
    for (const file of ['mime/packages/cairn-bundle.xml', 'applications/cairn.desktop', 'icons/hicolor/scalable/apps/cairn.svg', 'icons/hicolor/scalable/mimetypes/application-x-cairn-bundle.svg']) {
      expect(first.stdout).toContain(`wrote     ${join(data, file)}`);
    }
    expect(first.stdout).toContain('ran       /usr/bin/update-mime-database');
    const entry = readFileSync(join(data, 'applications/cairn.desktop'), 'utf8');
    expect(entry).toContain(`\nExec=${process.execPath} ${CLI} play %f\n`);
    if (missingTools(['/usr/bin/desktop-file-validate']).length === 0) expect(run('/usr/bin/desktop-file-validate', [join(data, 'applications/cairn.desktop')]).stdout).toBe('');
    else await noteNotRun(ctx, 'desktop-file-validate', 'desktop-file-validate not installed (Debian: desktop-file-utils)');
    const second = cairn('install-desktop');
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('wrote');
    expect(second.stdout).toContain('unchanged');
  });

  it('xdg-mime knows a bundle by its name, and by its magic when renamed; Cairn is the default', async (ctx) => {
    await needTools(ctx, 'xdg-mime by glob and magic');
    expect(xdgMime('query', 'filetype', bundle)).toBe(MIME);
    const renamed = join(home, 'renamed.bin');
    copyFileSync(bundle, renamed);
    expect(xdgMime('query', 'filetype', renamed)).toBe(MIME);
    // An ordinary ZIP with the same extension is still a ZIP: the magic is the mimetype entry, not PK.
    writeFileSync(join(home, 'plain.bin'), zipSync({ 'readme.txt': new TextEncoder().encode('hello') }));
    expect(xdgMime('query', 'filetype', join(home, 'plain.bin'))).toBe('application/zip');
    expect(xdgMime('query', 'default', MIME)).toBe('cairn.desktop');
  });

  it('xdg-open plays a bundle whose path has spaces: the player and the bundle are served on loopback, nothing else', async (ctx) => {
    await needTools(ctx, 'xdg-open plays a bundle');
    const opener = start('/usr/bin/xdg-open', [bundle]);
    const url = await waitFor('the browser to be opened', () => openedUrls()[0]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]+$/);
    const s = await openSession(url);
    const page = await (await s.fetch('/')).text();
    expect(page).toContain('<script type="module" src="/cairn-desktop.js"></script>');
    if (REAL_PLAYER) expect(page).toContain('<cairn-player');
    const served = new Uint8Array(await (await s.fetch('/game.cairn')).arrayBuffer());
    expect(Buffer.compare(served, readFileSync(bundle))).toBe(0);
    for (const target of ['/../package.json', '/../../package.json', '/%2e%2e/package.json', '/%2e%2e%2f%2e%2e%2fpackage.json', '/..%5cpackage.json', '/cairn-desktop.js/../../package.json', '/../bin/cairn.js']) {
      const r = await rawGet(s.origin, target, s.cookie);
      expect({ target, status: r.status }).not.toEqual({ target, status: 200 });
      expect(r.body).not.toContain('"name": "cairn"');
    }

    // A save as the page makes it, then the window's quit.
    const form = new FormData();
    form.set('name', 'Before the storm');
    form.set('save', new Blob([new Uint8Array([4, 8, 15, 16, 23, 42])]));
    expect((await s.fetch('/saves/slot-1', { method: 'PUT', body: form })).status).toBe(200);
    expect(existsSync(join(env.XDG_DATA_HOME!, 'cairn/saves/org.example.lamp/slot-1.save'))).toBe(true);
    expect((await s.fetch('/quit', { method: 'POST' })).status).toBe(204);
    expect(await opener.exited).toBe(0);
    expect(opener.out.stdout).toContain('Playing The Lamp at http://127.0.0.1:');

    // A new `cairn play` gets another port and finds the save on disk.
    const again = start(process.execPath, [CLI, 'play', '--no-open', bundle]);
    const next = await waitFor('the address', () => /Open (http:\S+)/.exec(again.out.stdout)?.[1]);
    expect(new URL(next).port).not.toBe(new URL(url).port);
    const s2 = await openSession(next);
    const list = (await (await s2.fetch('/saves/')).json()) as Array<{ slot: string; name: string }>;
    expect(list.map((e) => [e.slot, e.name])).toEqual([['slot-1', 'Before the storm']]);
    expect(new Uint8Array(await (await s2.fetch('/saves/slot-1')).arrayBuffer())).toEqual(new Uint8Array([4, 8, 15, 16, 23, 42]));
    // Ctrl-C ends it at once, even with its page open.
    const alive = await openAlive(s2.origin, s2.cookie);
    const interrupted = Date.now();
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
    expect(Date.now() - interrupted).toBeLessThan(2000);
    expect(alive.events.join('')).toContain('event: stopped');
  });

  it('a damaged bundle is refused with a sentence, and with a page when there is no terminal', async (ctx) => {
    await needTools(ctx, 'xdg-open on a damaged bundle');
    const damaged = join(home, 'My Games', 'Broken game.cairn');
    const bytes = readFileSync(bundle);
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const direct = cairn('play', '--no-open', damaged);
    expect(direct.code).toBe(1);
    expect(direct.stderr).toMatch(/bundle/i);
    expect(direct.stdout).toBe('');

    const before = openedUrls().length;
    const opener = start('/usr/bin/xdg-open', [damaged]);
    const url = await waitFor('the error page to be opened', () => openedUrls()[before]);
    const s = await openSession(url);
    const page = await (await s.fetch('/')).text();
    expect(page).toContain('Broken game.cairn cannot be played');
    expect(page).toContain('Nothing of it was run');
    expect((await s.fetch('/game.cairn')).status).toBe(404);
    expect((await s.fetch('/saves/')).status).toBe(404);
    await s.fetch('/quit', { method: 'POST' });
    expect(await opener.exited).not.toBe(0);
    expect(opener.out.stderr).toMatch(/bundle/i);
  });

  it('uninstall-desktop removes the type, the entry and the default', async (ctx) => {
    await needTools(ctx, 'xdg-mime after uninstall-desktop');
    const r = cairn('uninstall-desktop');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`removed   ${join(env.XDG_DATA_HOME!, 'applications/cairn.desktop')}`);
    expect(existsSync(join(env.XDG_DATA_HOME!, 'mime/packages/cairn-bundle.xml'))).toBe(false);
    expect(xdgMime('query', 'default', MIME)).toBe('');
    expect(xdgMime('query', 'filetype', bundle)).toBe('application/zip');
  });
});
