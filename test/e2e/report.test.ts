// A bug report made in real Chromium replays headless: a game that fails at
// a known line is played in the web player into its second room and to the
// failing lamp; the error panel's "Save report file" and the menu's "Report a
// problem" download a .cairnreport, and `cairn run GAME --replay` (a child
// process) reproduces the same error at the same tick, from the automatic
// save the player made on entering the room.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeReport } from '../../runtime/saves/report-format.js';
import { lampProject } from '../support/lamp-game.js';
import { launchChromium, watchPage } from './support/browser.js';
import { PlayerPage } from './support/player-page.js';
import { serveFolder, type StaticServer } from './support/server.js';
import { BROWSER_TEST_MS, browserAvailable } from './setup.js';

const CLI = join(import.meta.dirname, '../../bin/cairn.js');

describe.skipIf(!browserAvailable())('bug reports from Chromium', { timeout: BROWSER_TEST_MS }, () => {
  let browser: Browser;
  let work: string;
  let bundle: string;
  let web: StaticServer;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cairn-report-e2e-'));
    bundle = join(work, 'lamp.cairn');
    const built = spawnSync(process.execPath, [CLI, 'build', lampProject(join(work, 'lamp')), '-o', bundle, '--web', join(work, 'web')], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    web = await serveFolder(join(work, 'web'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  test('a report from the error panel replays to the same error at the same tick', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(web.url);
    const player = new PlayerPage(page, [640, 360], 'verbs', 1);
    await player.ready();
    await player.call('perform', 'do use switch');
    expect(await player.call('evaluate', 'here')).toBe('tower');
    await player.call('perform', 'wait 1');
    // The handler fails while the command runs, so the command fails with the script's error.
    await expect(player.call('perform', 'do use lamp')).rejects.toThrow(/DIVIDE_BY_ZERO/);
    const panel = page.locator('cairn-player .error-panel');
    await panel.waitFor();
    const fromPanel = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Save report file' }).click();
    const download = await fromPanel;
    expect(download.suggestedFilename()).toBe('Lamp - report.cairnreport');
    const file = join(work, 'panel.cairnreport');
    await download.saveAs(file);
    const report = decodeReport(readFileSync(file));
    expect(report.error).toMatchObject({ code: 'DIVIDE_BY_ZERO', place: { file: 'scripts/game.adv', line: 15 } });
    expect(report.save).not.toBeNull();
    expect(report.player).toMatch(/^Cairn web player \d+\.\d+\.\d+/);

    const replayed = spawnSync(process.execPath, [CLI, 'run', bundle, '--replay', file], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(replayed.stderr).toContain(`reproduced the report's error at tick ${report.error!.tick}, from the report's save: [DIVIDE_BY_ZERO]`);
    expect(replayed.stderr).toContain('(scripts/game.adv:15:');
    expect(replayed.status).toBe(0);

    // The menu's "Report a problem" makes the same report.
    await page.locator('cairn-player .menu-button').click();
    const fromMenu = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Report a problem' }).click();
    const menuFile = join(work, 'menu.cairnreport');
    await (await fromMenu).saveAs(menuFile);
    expect(decodeReport(readFileSync(menuFile)).error).toEqual(report.error);
    expect(problems.uncaught).toEqual([]);
    await context.close();
  });
});
