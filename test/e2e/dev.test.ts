// `cairn dev` end to end, in headless Chromium: the real CLI serves the beach
// game and watches a copy of its project; an edited script reaches the running
// game in place (the inventory kept), a syntax error shows over the game with
// its file and line, and fixing it takes the overlay away and the game goes on.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { waitFor } from '../desktop/http-client.js';
import { beachProject, writeProject } from './fixtures/games.js';
import { BROWSER_TEST_MS, browserAvailable, exportFixture } from './setup.js';
import { serveFolder } from './support/server.js';
import { launchChromium, watchPage } from './support/browser.js';
import { PlayerPage } from './support/player-page.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/cairn.js');

describe.skipIf(!browserAvailable())('cairn dev in Chromium', { timeout: BROWSER_TEST_MS }, () => {
  let browser: Browser;
  let dev: ChildProcess;
  let output = '';
  let url: string;
  let script: string;

  beforeAll(async () => {
    const home = mkdtempSync(join(tmpdir(), 'cairn-dev-e2e-'));
    const project = join(home, 'beach');
    writeProject(project, beachProject());
    script = join(project, 'scripts/game.adv');
    const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), NO_COLOR: '1' };
    dev = spawn(process.execPath, [CLI, 'dev', project, '--no-open'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    dev.stdout!.on('data', (d) => (output += d));
    dev.stderr!.on('data', (d) => (output += d));
    url = await waitFor('cairn dev to print its address', () => /Open (http:\S+)/.exec(output)?.[1]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dev && dev.exitCode === null) dev.kill('SIGTERM');
  });

  /** Rewrites the script, replacing `from` with `to`. */
  function edit(from: string, to: string): void {
    const text = readFileSync(script, 'utf8');
    expect(text).toContain(from);
    writeFileSync(script, text.replace(from, to));
  }

  /** Resolves with the next reload the dev client announces. */
  function nextReload(page: Page): Promise<{ version: number; kind: string; reason: string }> {
    return page.evaluate(
      () =>
        new Promise((resolve) => {
          document.querySelector('cairn-player')!.addEventListener('cairn-dev-reload', (e) => resolve((e as CustomEvent).detail), { once: true });
        }),
    );
  }

  test('an edited script reloads in place; a syntax error shows and, fixed, the game goes on', async () => {
    const page = await browser.newPage();
    const problems = await watchPage(page);
    await page.goto(url);
    const player = new PlayerPage(page, [640, 360], 'verbs', 5);
    await player.ready();
    await player.call('perform', 'do pickup shell');
    await player.call('perform', 'expect has shell');

    // A line the player sees changes while the game runs.
    const reloaded = nextReload(page);
    const started = Date.now();
    edit('say "A spiral shell."', 'say "A pink spiral shell."');
    const first = await reloaded;
    expect(first.kind).toBe('in-place');
    // About 0.2 s here; the bound only catches a reload that never comes or restarts the page.
    expect(Date.now() - started, 'rebuild and reload promptly').toBeLessThan(10_000);
    await expect.poll(() => page.locator('#cairn-dev-toast').textContent()).toContain('in place');
    expect(await player.call('evaluate', 'has(shell)'), 'the inventory survived the reload').toBe(true);
    await player.call('perform', 'do look shell');
    await player.call('perform', 'expect said "A pink spiral shell."');
    await waitFor('the terminal to hear of the reload', () => (output.includes('in place') ? true : undefined));

    // A syntax error: the overlay names the file and line, with the code frame; the terminal shows it too.
    const good = readFileSync(script, 'utf8');
    const line = good.split('\n').findIndex((l) => l.includes('A pink spiral shell.')) + 1;
    edit('say "A pink spiral shell." }', 'say "A pink spiral shell." + }');
    const overlay = page.locator('#cairn-dev-overlay');
    await overlay.waitFor({ state: 'visible', timeout: 10_000 });
    const text = (await overlay.textContent()) ?? '';
    expect(text).toMatch(/scripts\/game\.adv:\d+:\d+: error:/);
    expect(text).toContain(`${line} |`);
    await waitFor('the terminal to show the error', () => (output.includes('error:') ? true : undefined));

    // Fixed: the overlay goes, the new build reloads in place and the game runs on.
    const fixed = nextReload(page);
    writeFileSync(script, good.replace('A pink spiral shell.', 'A shiny spiral shell.'));
    expect((await fixed).kind).toBe('in-place');
    await overlay.waitFor({ state: 'hidden', timeout: 10_000 });
    expect(await page.evaluate(() => (document.querySelector('cairn-player') as unknown as { stats(): { running: boolean } }).stats().running)).toBe(true);
    expect(await player.call('evaluate', 'has(shell)')).toBe(true);
    await player.call('perform', 'do look shell');
    await player.call('perform', 'expect said "A shiny spiral shell."');

    // The debugger console: ` opens it, a command runs in the worker, its answer shows.
    await page.keyboard.press('Backquote');
    const input = page.locator('#cairn-dev-console input');
    await input.waitFor({ state: 'visible' });
    await input.fill('give key');
    await input.press('Enter');
    await expect.poll(() => page.locator('#cairn-dev-console pre').textContent()).toMatch(/inventory: .*key/);
    // A refused command shows as the one formatter draws it: code and "did you mean".
    await input.fill('go lighthous');
    await input.press('Enter');
    await expect.poll(() => page.locator('#cairn-dev-console pre').textContent()).toContain('error: there is no room called `lighthous` [USAGE]\nhint: did you mean `lighthouse`?');
    await input.fill('threads');
    await input.press('Enter');
    await input.press('Escape');
    expect(await player.call('evaluate', 'has(key)')).toBe(true);

    // A script error while playing: the page shows its file, line and code frame, as the terminal does.
    const broken = nextReload(page);
    edit('on look { say "A shiny spiral shell." }', 'on look { visits = visits / 0 }');
    await broken;
    // The failed handler fails the command too: perform rejects with the diagnostic.
    await expect(player.call('perform', 'do look shell')).rejects.toThrow(/a script failed: scripts\/game\.adv:\d+:\d+: error: division by zero \[DIVIDE_BY_ZERO\]/);
    const runtime = page.locator('#cairn-dev-runtime');
    await runtime.waitFor({ state: 'visible', timeout: 10_000 });
    const frame = (await runtime.textContent()) ?? '';
    expect(frame).toMatch(new RegExp(`scripts/game\\.adv:${line}:\\d+: error: .*\\[DIVIDE_BY_ZERO\\]`));
    expect(frame).toContain(`${line} |     on look { visits = visits / 0 }`);
    expect(await page.locator('cairn-player .error-panel').isVisible(), 'no calm panel in dev').toBe(false);

    expect(problems.uncaught, 'uncaught exceptions').toEqual([]);
    expect(problems.csp, 'CSP violations').toEqual([]);
  });

  test('an exported game shows a script error calmly, with a report to copy, and has no dev client', async () => {
    const files = beachProject();
    files.set('scripts/game.adv', String(files.get('scripts/game.adv')).replace('on look { say "A spiral shell." }', 'on look { visits = visits / 0 }'));
    const folder = exportFixture('beach-broken', files);
    expect(existsSync(join(folder, 'cairn-dev.js')), 'an export must not ship the dev client').toBe(false);
    const server = await serveFolder(folder);
    try {
      const context = await browser.newContext();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      const page = await context.newPage();
      await page.goto(server.url);
      const player = new PlayerPage(page, [640, 360], 'verbs', 5);
      await player.ready();
      // The failed handler fails the command too: perform rejects with the diagnostic.
      await expect(player.call('perform', 'do look shell')).rejects.toThrow(/a script failed: scripts\/game\.adv:\d+:\d+: error: division by zero \[DIVIDE_BY_ZERO\]/);
      const panel = page.locator('cairn-player .error-panel');
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await panel.textContent()).toContain('Something went wrong');
      expect(await panel.textContent()).not.toContain('DIVIDE_BY_ZERO');
      await panel.getByRole('button', { name: 'Copy report' }).click();
      await expect.poll(() => panel.textContent()).toContain('on the clipboard');
      const report = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as { game: string; version: string; errors: Array<{ code: string; text: string }>; inputLog: { seed: number; inputs: unknown[] } };
      expect(report.game).toBe('org.cairn.e2e.beach');
      expect(report.version).toBe('1.0.0');
      expect(report.errors[0]!.code).toBe('DIVIDE_BY_ZERO');
      // The report carries the diagnostic as the one formatter draws it, with its place.
      expect(report.errors[0]!.text).toMatch(/^scripts\/game\.adv:\d+:\d+: error: division by zero \[DIVIDE_BY_ZERO\]$/);
      expect(report.inputLog.inputs.length).toBeGreaterThan(0);
      await context.close();
    } finally {
      await server.close();
    }
  });
});
