// The real web player under `cairn play`, in headless Chromium: the page is
// marked for server saves, a save made through <cairn-player> is a file on
// disk, closing the window ends `cairn play`, and a new `cairn play` on
// another port, in a browser profile with empty storage, loads that save.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../e2e/setup.js';
import { launchChromium, watchPage } from '../e2e/support/browser.js';
import type { PlayerElement } from '../e2e/support/player-page.js';
import { waitFor } from './http-client.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/cairn.js');

let home: string;
let env: NodeJS.ProcessEnv;
let bundle: string;
let browser: Browser | undefined;
const plays: ChildProcess[] = [];

/** Starts `cairn play --no-open` and resolves with the address it prints and its exit. */
async function play(): Promise<{ url: string; exited: Promise<number | null>; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'play', '--no-open', bundle], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  plays.push(child);
  let stdout = '';
  child.stdout!.on('data', (d) => (stdout += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = await waitFor('cairn play to print its address', () => /Open (http:\S+)/.exec(stdout)?.[1]);
  return { url, exited, child };
}

describe.skipIf(!browserAvailable())('the web player on the desktop', () => {
  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'dist/player-web/index.html')), 'run `npm run build` first').toBe(true);
    home = mkdtempSync(join(tmpdir(), 'cairn-desktop-player-'));
    env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), NO_COLOR: '1' };
    const project = join(home, 'lamp');
    expect(spawnSync(process.execPath, [CLI, 'new', project, '--id', 'org.example.lamp'], { env }).status).toBe(0);
    bundle = join(home, 'lamp.cairn');
    expect(spawnSync(process.execPath, [CLI, 'build', project, '-o', bundle], { env }).status).toBe(0);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const child of plays) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('saves to a file on disk, ends when its window closes, and loads the save on another port', async () => {
    const first = await play();
    const context = await browser!.newContext();
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(first.url);
    await page.waitForFunction(() => (document.querySelector('cairn-player') as PlayerElement | null)?.ready === true, null, { timeout: 20_000 });
    expect(await page.getAttribute('cairn-player', 'saves')).toBe('server');
    await page.evaluate(() => (document.querySelector('cairn-player') as PlayerElement).save('slot-1', 'By the lamp'));
    const file = join(home, 'data/cairn/saves/org.example.lamp/slot-1.save');
    expect(existsSync(file), 'the save did not reach the disk: does <cairn-player> pick ServerSaveStore for saves="server"?').toBe(true);

    await context.close(); // the window closes
    expect(await first.exited).toBe(0);

    const second = await play();
    expect(new URL(second.url).port).not.toBe(new URL(first.url).port);
    const fresh = await browser!.newContext(); // empty IndexedDB: the save can only come from disk
    const page2 = await fresh.newPage();
    const problems2 = await watchPage(page2);
    await page2.goto(second.url);
    await page2.waitForFunction(() => (document.querySelector('cairn-player') as PlayerElement | null)?.ready === true, null, { timeout: 20_000 });
    const saves = await page2.evaluate(() => (document.querySelector('cairn-player') as PlayerElement).listSaves());
    expect(saves.map((s) => [s.slot, s.name])).toContainEqual(['slot-1', 'By the lamp']);
    await page2.evaluate(() => (document.querySelector('cairn-player') as PlayerElement).load('slot-1'));
    await fresh.close();
    expect(await second.exited).toBe(0);
    for (const p of [problems, problems2]) expect([...p.csp, ...p.uncaught]).toEqual([]);
  });
});
