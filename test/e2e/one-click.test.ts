// The player's other half, in Chromium: a one-click game wider than the
// screen. Escape skips the opening cutscene, the camera and a parallax layer
// scroll, a click talks and a right click looks, dialogs are picked with the
// mouse, Space pauses game time and resumes it; and a gamepad plays alone.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { HARBOUR_COLORS, harbourProject } from './fixtures/games.js';
import { launchChromium, watchPage } from './support/browser.js';
import { PlayerPage, near } from './support/player-page.js';
import { serveFolder, type StaticServer } from './support/server.js';
import { BROWSER_TEST_MS, browserAvailable, exportFixture } from './setup.js';

describe.skipIf(!browserAvailable())('a one-click game in Chromium', { timeout: BROWSER_TEST_MS }, () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveFolder(exportFixture('harbour', harbourProject()));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('Escape skips the cutscene; camera and parallax scroll; click talks, right click looks; Space pauses', async () => {
    const context = await browser.newContext({ viewport: { width: 640, height: 488 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(server.url);
    const player = new PlayerPage(page, [640, 360], 'one-click', 0);
    await player.ready();
    expect(await page.evaluate(() => (document.querySelector('cairn-player') as unknown as { game: { ui: string } }).game.ui)).toBe('one-click');

    // Escape during the opening cutscene fast-forwards it: the walk ends where a full run ends.
    await page.locator('cairn-player').focus();
    await page.keyboard.press('Escape');
    await player.settle();
    await player.call('perform', 'expect hero at (1000, 330)');
    expect(await page.locator('cairn-player .menu').isVisible()).toBe(false);

    // The camera follows the hero to the room's right edge (x = 640); the clouds (parallax 0.5) moved half as far.
    const shot = await player.screenshot();
    expect(near(shot.at(10, 300), HARBOUR_COLORS.pier)).toBe(true);
    expect(near(shot.at(310, 50), HARBOUR_COLORS.cloudNear)).toBe(true);
    expect(near(shot.at(330, 50), HARBOUR_COLORS.cloudFar)).toBe(true);

    // One click on the sailor talks (his first verb besides look); the option is a click in the panel.
    await player.click(1100 - 640, 310);
    await player.settle();
    expect((await player.liveText()).status).toContain('1. Tell me a story.');
    await player.clickBox(player.panel.options[0]);
    await player.settle();
    await player.call('perform', 'expect said "Once upon a tide."');
    await player.click(1100 - 640, 310, 'right');
    await player.settle();
    expect((await player.liveText()).log).toContain('A salty sailor.');

    // Space stops game time; Space again lets it run.
    const beats = async () => Number(await player.call('evaluate', 'beats'));
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('cairn-player .start').isVisible(), { timeout: 10_000 }).toBe(true);
    const paused = await beats();
    await page.waitForTimeout(500);
    expect(await beats()).toBe(paused);
    await page.keyboard.press('Space');
    await expect.poll(beats, { timeout: 10_000 }).toBeGreaterThan(paused);

    expect(problems.console).toEqual([]);
    expect(problems.uncaught).toEqual([]);
    expect(problems.csp).toEqual([]);
    await context.close();
  });

  test('a gamepad alone skips, focuses, talks, picks a dialog option, looks and opens the menu', async () => {
    const context = await browser.newContext({ viewport: { width: 640, height: 488 } });
    const page = await context.newPage();
    const problems = await watchPage(page);
    // A standard-mapping pad the test presses buttons on (headless Chromium has no real one).
    await page.addInitScript(() => {
      const buttons = Array.from({ length: 17 }, () => ({ pressed: false, touched: false, value: 0 }));
      const pad = { id: 'test pad', index: 0, connected: true, mapping: 'standard', axes: [0, 0, 0, 0], buttons, timestamp: 0 };
      (window as unknown as { __pad: typeof pad }).__pad = pad;
      Object.defineProperty(Navigator.prototype, 'getGamepads', { value: () => [pad], configurable: true });
    });
    const press = async (button: number) => {
      await page.evaluate((b) => ((window as unknown as { __pad: { buttons: Array<{ pressed: boolean }> } }).__pad.buttons[b]!.pressed = true), button);
      await page.waitForTimeout(250); // held across several polled frames, even on a loaded machine
      await page.evaluate((b) => ((window as unknown as { __pad: { buttons: Array<{ pressed: boolean }> } }).__pad.buttons[b]!.pressed = false), button);
      await page.waitForTimeout(250); // held across several polled frames, even on a loaded machine
    };
    await page.goto(server.url);
    const player = new PlayerPage(page, [640, 360], 'one-click', 0);
    await player.ready();

    // The intro cutscene is running (game time has started) before Back is pressed to skip it.
    await expect.poll(async () => Number(await player.call('evaluate', 'beats')), { timeout: 10_000 }).toBeGreaterThan(0);
    await press(8); // Back: skip the cutscene
    await player.settle();
    await player.call('perform', 'expect hero at (1000, 330)');
    await press(15); // d-pad right: the sailor
    expect((await player.liveText()).status).toBe('Sailor');
    await press(0); // A: talk
    await player.settle();
    expect((await player.liveText()).status).toBe('Choose: 1. Tell me a story.');
    await press(13); // d-pad down: the first option
    expect((await player.liveText()).status).toBe('1. Tell me a story.');
    await press(0); // A: pick it
    await player.settle();
    await player.call('perform', 'expect said "Once upon a tide."');
    await press(3); // Y: look at the sailor
    await player.settle();
    expect((await player.liveText()).log).toContain('A salty sailor.');
    await press(9); // Start: the menu
    await expect.poll(() => page.locator('cairn-player .menu').isVisible(), { timeout: 10_000 }).toBe(true);

    expect(problems.console).toEqual([]);
    expect(problems.uncaught).toEqual([]);
    expect(problems.csp).toEqual([]);
    await context.close();
  });
});
