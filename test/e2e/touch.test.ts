// The sample game on a phone, in real Chromium with touch emulation: held
// sideways (844×390) and upright (390×844). Taps end lines and act, the
// on-screen skip button skips the cutscene, a long press looks and shows the
// name while held, a dragged finger names what is under it (above the
// finger) and does nothing when lifted, the menu button opens the menu, and
// the opening puzzle (mug, kettle, tea) is played with taps alone. The phone
// layouts are photographed into docs/screenshots/ for the README.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PanelMode } from '../../player/web/render/layout.js';
import { launchChromium, watchPage } from './support/browser.js';
import { PlayerPage } from './support/player-page.js';
import { serveFolder, type StaticServer } from './support/server.js';
import { BROWSER_TEST_MS, browserAvailable, exportProject } from './setup.js';

const ROOT = join(import.meta.dirname, '../..');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');
const PICKUP = 1;
const USE = 2; // Look at, Pick up, Use, Talk to, Give
/** The smallest touch target, in CSS pixels. */
const TARGET_PX = 44;

describe.skipIf(!browserAvailable())('the sample game on a phone', { timeout: BROWSER_TEST_MS }, () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveFolder(exportProject(join(ROOT, 'bundles/gull-rock'), 'gull-rock'));
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const log = async (player: PlayerPage) => (await player.liveText()).log;
  const visible = (page: Page, selector: string) => page.locator(`cairn-player ${selector}`).isVisible();

  async function playOpening(width: number, height: number, mode: PanelMode, picture: string): Promise<void> {
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(server.url);
    await page.waitForFunction(() => (document.querySelector('cairn-player') as unknown as { ready: boolean } | null)?.ready === true, null, { timeout: 60_000 });
    const player = new PlayerPage(page, [640, 360], 'verbs', 5, mode);

    if (mode === 'tall') {
      // Upright: a hint to turn the phone, and a way to play anyway.
      expect(await visible(page, '.portrait')).toBe(true);
      expect(await page.locator('cairn-player .portrait').textContent()).toContain('Turn your phone sideways');
      writeFileSync(join(SCREENSHOTS, 'phone-portrait-hint.png'), await page.screenshot());
      await page.locator('cairn-player .anyway').tap();
      expect(await visible(page, '.portrait')).toBe(false);
    }
    if (await visible(page, '.overlay .start')) await page.locator('cairn-player .overlay .start').first().tap();

    // The game and its panel fill the phone's width; every verb, slot and corner button is finger-sized.
    const canvas = await player.canvasBox();
    expect(canvas.width).toBeGreaterThan(width * 0.98);
    const scale = canvas.width / player.stage.width;
    for (const b of [...player.panel.verbs, ...player.panel.inventory]) expect(Math.min(b.w, b.h) * scale).toBeGreaterThanOrEqual(TARGET_PX);
    for (const b of ['.menu-button', '.fullscreen']) {
      const box = await page.locator(`cairn-player ${b}`).boundingBox();
      expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(TARGET_PX);
    }

    // A tap on the opening's first line ends that line; the cutscene goes on. The skip button skips the rest.
    await expect.poll(() => log(player), { timeout: 20_000 }).toContain('Wren? Is that you');
    await player.tap(320, 200);
    await expect.poll(() => log(player), { timeout: 20_000 }).toContain('Morning, Gran!');
    expect(await visible(page, '.skip')).toBe(true);
    expect(await log(player)).not.toContain('That GULL.');
    await page.locator('cairn-player .skip').tap();
    await expect.poll(() => visible(page, '.skip'), { timeout: 10_000 }).toBe(false);
    await player.settle();
    expect(await log(player)).toContain('That GULL.');

    // A long press on Gran: her name above the finger while held, then a look.
    const finger = page.locator('cairn-player .finger');
    let heldName = '';
    let above = false;
    const gran = await player.toPage(439, 240);
    await player.press(439, 240, 700, undefined, async () => {
      await expect.poll(() => finger.isVisible(), { timeout: 5_000 }).toBe(true);
      heldName = (await finger.textContent()) ?? '';
      const box = await finger.boundingBox();
      above = box !== null && box.y + box.height < gran.y - 20;
    });
    expect(heldName).toBe('Gran Mags');
    expect(above, 'the name shows above the finger, not under it').toBe(true);
    await player.settle();
    await expect.poll(() => log(player)).toContain('Keeper of the Gull Rock light for fifty years');
    expect(await finger.isVisible()).toBe(false);

    // Drag to inspect: from the floor to the kettle, the name follows; lifting the finger does nothing.
    const before = await log(player);
    let dragged = '';
    await player.press(300, 330, 480, { x: 120, y: 140 }, async () => {
      await expect.poll(async () => (await finger.textContent()) ?? '', { timeout: 5_000 }).toBe('kettle');
      dragged = (await finger.textContent()) ?? '';
    });
    expect(dragged).toBe('kettle');
    await page.waitForTimeout(300);
    await player.settle();
    expect(await log(player)).toBe(before);

    // The opening puzzle by taps: pick up the mug, use it with the kettle.
    await player.tapBox(player.panel.verbs[PICKUP]);
    await player.tap(226, 158);
    await player.settle();
    expect(await player.call('evaluate', 'has(mug)')).toBe(true);
    await player.tapBox(player.panel.verbs[USE]);
    await player.tapBox(player.panel.inventory[0]);
    await player.tap(120, 140);
    await player.settle();
    expect(await player.call('evaluate', 'has(tea)')).toBe(true);
    await page.waitForTimeout(600); // the picture is for people: let the last line fade
    writeFileSync(join(SCREENSHOTS, picture), await page.screenshot());

    // The menu button opens the menu; Resume closes it.
    await page.locator('cairn-player .menu-button').tap();
    expect(await visible(page, '.menu')).toBe(true);
    await page.locator('cairn-player .menu button', { hasText: 'Resume' }).tap();
    expect(await visible(page, '.menu')).toBe(false);

    expect(problems.console, 'console errors').toEqual([]);
    expect(problems.uncaught, 'uncaught exceptions').toEqual([]);
    expect(problems.csp, 'CSP violations').toEqual([]);
    await context.close();
  }

  test('held sideways (844×390): the panel beside the game; taps, long press, drag, skip and menu buttons', async () => {
    await playOpening(844, 390, 'side', 'phone-landscape.png');
  });

  test('held upright (390×844): the turn-your-phone hint, then the tall panel; the same opening by touch', async () => {
    await playOpening(390, 844, 'tall', 'phone-portrait.png');
  });
});
