// The web player end to end, in real headless Chromium under the strict CSP:
// an exported game is played through with the mouse and with the keyboard
// alone, its pixels are checked at two sizes, a save survives a page reload,
// and nothing reaches the console as an error or breaks the CSP.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BEACH_COLORS, BEACH_SPOTS, beachProject } from './fixtures/games.js';
import { launchChromium, watchPage, type PageProblems } from './support/browser.js';
import { PlayerPage, near } from './support/player-page.js';
import { serveFolder, type StaticServer } from './support/server.js';
import { BROWSER_TEST_MS, browserAvailable, exportFixture } from './setup.js';

const VERBS = { look: 0, pickup: 1, use: 2, talk: 3, open: 4 } as const;

describe.skipIf(!browserAvailable())('web player in Chromium', { timeout: BROWSER_TEST_MS }, () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveFolder(exportFixture('beach', beachProject()));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh page (own storage) showing the exported beach game. */
  async function open(width: number, height: number, context = browser.newContext({ viewport: { width, height } })): Promise<{ page: Page; player: PlayerPage; problems: PageProblems }> {
    const page = await (await context).newPage();
    const problems = await watchPage(page);
    await page.goto(server.url);
    const player = new PlayerPage(page, [640, 360], 'verbs', 5);
    await player.ready();
    return { page, player, problems };
  }

  function expectClean(problems: PageProblems): void {
    expect(problems.console, 'console errors').toEqual([]);
    expect(problems.uncaught, 'uncaught exceptions').toEqual([]);
    expect(problems.csp, 'CSP violations').toEqual([]);
  }

  /** The state the puzzle ends in, however it was played. */
  async function expectSolved(player: PlayerPage): Promise<void> {
    await player.call('perform', 'expect room lighthouse');
    await player.call('perform', 'expect has key');
    await player.call('perform', 'expect has shell');
    expect(await player.call('evaluate', 'door.open')).toBe(true);
  }

  test('the mouse solves the puzzle; pixels at 1× and 2× are right; a save survives a reload', async () => {
    const { page, player, problems } = await open(800, 600);
    await page.evaluate(() => {
      const el = document.querySelector('cairn-player')!;
      for (const type of ['save', 'end', 'error']) el.addEventListener(type, () => ((window as unknown as { __events: string[] }).__events ??= []).push(type));
    });

    // Pixel-perfect at 800×600: scale 1, letterboxed and centred.
    let box = await player.canvasBox();
    expect(box).toMatchObject({ width: 640, height: 468, x: 80, y: 66 });
    // The first frame may still be on its way on a busy machine: wait for the sky, then check every spot.
    let shot = await player.screenshotWhen((s) => near(s.at(BEACH_SPOTS.sky.x, BEACH_SPOTS.sky.y), BEACH_COLORS.sky));
    expect(near(shot.at(BEACH_SPOTS.sky.x, BEACH_SPOTS.sky.y), BEACH_COLORS.sky)).toBe(true);
    expect(near(shot.at(BEACH_SPOTS.sand.x, BEACH_SPOTS.sand.y), BEACH_COLORS.sand)).toBe(true);
    expect(near(shot.at(BEACH_SPOTS.door.x, BEACH_SPOTS.door.y), BEACH_COLORS.door)).toBe(true);
    expect(near(shot.at(BEACH_SPOTS.shell.x, BEACH_SPOTS.shell.y - 5), BEACH_COLORS.shell)).toBe(true);
    expect(near(shot.at(5, 400), BEACH_COLORS.panel)).toBe(true);
    expect(shot.atPage(10, 10)).toEqual([0, 0, 0]);

    // PixiJS draws with WebGL under the CSP (pixi.js/unsafe-eval: no generated code), not a fallback.
    expect(await page.evaluate(() => (document.querySelector('cairn-player') as unknown as { stats(): { renderer: string } }).stats().renderer)).toBe('webgl');

    // The room's music plays (autoplay is allowed in these tests).
    await expect.poll(() => page.evaluate(() => (document.querySelector('cairn-player') as unknown as { stats(): { music: string | null } }).stats().music), { timeout: 10_000 }).toBe('audio/waves.wav');

    // A click skips the opening line.
    expect((await player.liveText()).log).toContain('What a morning.');
    await player.click(300, 300);
    await player.settle();

    // Pick up the shell.
    await player.clickBox(player.panel.verbs[VERBS.pickup]);
    await player.click(BEACH_SPOTS.shell.x, BEACH_SPOTS.shell.y);
    await player.settle();
    await player.call('perform', 'expect has shell');
    expect((await player.liveText()).log).toContain('Mine now.');

    // Talk to the keeper and ask for the key.
    await player.clickBox(player.panel.verbs[VERBS.talk]);
    await player.click(BEACH_SPOTS.keeper.x, BEACH_SPOTS.keeper.y);
    await player.settle();
    await player.clickBox(player.panel.options[1]);
    await player.settle();
    await player.call('perform', 'expect has key');
    await player.clickBox(player.panel.options[1]); // "Bye." (the key option is gone)
    await player.settle();

    // Use the key (second inventory slot) with the door, then walk through it.
    await player.clickBox(player.panel.verbs[VERBS.use]);
    await player.clickBox(player.panel.inventory[1]);
    await player.click(BEACH_SPOTS.door.x, BEACH_SPOTS.door.y);
    await player.settle();
    expect(await player.call('evaluate', 'door.open')).toBe(true);
    await player.click(BEACH_SPOTS.door.x, BEACH_SPOTS.door.y);
    await player.settle();
    await expectSolved(player);

    // 2× at 1280×960: every game pixel is exactly 2×2, edges stay sharp.
    await page.setViewportSize({ width: 1280, height: 960 });
    await page.waitForFunction(() => document.querySelector('cairn-player')!.shadowRoot!.querySelector('canvas')!.getBoundingClientRect().width === 1280, null, { timeout: 10_000 });
    box = await player.canvasBox();
    expect(box).toMatchObject({ width: 1280, height: 936, x: 0, y: 12 });
    shot = await player.screenshotWhen((s) => near(s.at(40, 40), BEACH_COLORS.lighthouse)); // after the room's fade-in
    expect(near(shot.at(40, 40), BEACH_COLORS.lighthouse)).toBe(true);
    expect(near(shot.at(320, 200), [0xf0, 0xf0, 0xf0])).toBe(true);
    expect(near(shot.atPage(279 * 2 + 1, 12 + 100 * 2), BEACH_COLORS.lighthouse)).toBe(true);
    expect(near(shot.atPage(280 * 2, 12 + 100 * 2), [0xf0, 0xf0, 0xf0])).toBe(true);

    // Save, reload the page, load: the same state.
    await player.call('save', 'e2e', 'At the lighthouse');
    const events = await page.evaluate(() => (window as unknown as { __events: string[] }).__events);
    expect(events).toContain('save');
    expect(events).not.toContain('error');
    expectClean(problems);
    await page.reload();
    const again = new PlayerPage(page, [640, 360], 'verbs', 5);
    await again.ready();
    await again.call('perform', 'expect room beach');
    const slots = (await again.call('listSaves')) as Array<{ slot: string; name: string }>;
    expect(slots.map((s) => s.slot)).toContain('e2e');
    await again.call('load', 'e2e');
    await expectSolved(again);
    expectClean(problems);
    await page.context().close();
  });

  test('the keyboard alone reaches the same state, and saves through the menu', async () => {
    const { page, player, problems } = await open(800, 600);
    await page.locator('cairn-player').focus();
    await player.settle();

    await page.keyboard.press('2'); // Pick up
    await player.tabTo('seashell');
    expect((await player.liveText()).status).toBe('Pick up seashell');
    await page.keyboard.press('Enter');
    await player.settle();

    await page.keyboard.press('4'); // Talk to
    await player.tabTo('Keeper');
    await page.keyboard.press('Enter');
    await player.settle();
    expect((await player.liveText()).status).toContain('2. Got any keys?');
    await page.keyboard.press('2');
    await player.settle();
    await page.keyboard.press('2'); // Bye.
    await player.settle();

    await page.keyboard.press('3'); // Use
    await player.tabTo('brass key');
    await page.keyboard.press('Enter');
    // The arrows wrap around from the inventory to the room; Tab would leave the game past the last thing.
    await player.tabTo('door', 12, 'ArrowRight');
    expect((await player.liveText()).status).toBe('Use brass key with door');
    await page.keyboard.press('Enter');
    await player.settle();
    await player.tabTo('door', 12, 'ArrowRight');
    await page.keyboard.press('Enter');
    await player.settle();
    await expectSolved(player);

    // F5 opens the menu; Tab to Save, Enter, Tab to "Save in a new slot", Enter.
    await page.keyboard.press('F5');
    await expect.poll(() => page.locator('cairn-player .menu').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('cairn-player .menu input[type=text]').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => ((await player.call('listSaves')) as Array<{ slot: string }>).filter((s) => s.slot !== 'autosave').length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.locator('cairn-player .menu').isVisible(), { timeout: 10_000 }).toBe(false);

    // The tab is hidden: game time stops and the autosave slot is written; shown again, it runs on.
    const stats = () => page.evaluate(() => (document.querySelector('cairn-player') as unknown as { stats(): { running: boolean } }).stats().running);
    const setVisibility = (state: string) =>
      page.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    expect(await stats()).toBe(false);
    await expect.poll(async () => ((await player.call('listSaves')) as Array<{ slot: string }>).map((s) => s.slot), { timeout: 10_000 }).toContain('autosave');
    await setVisibility('visible');
    expect(await stats()).toBe(true);
    expectClean(problems);
    await page.context().close();
  });
});
