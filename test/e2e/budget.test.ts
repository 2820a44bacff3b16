// The browser player stays responsive while a game runs the hostile loop of
// the sandbox issue (`upper()` of a 4-million-character string, for ever):
// each tick's work is bounded, so the worker keeps answering — evaluate, save
// and restart each within a second — and the error panel tells the player.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, watchPage } from './support/browser.js';
import { PlayerPage } from './support/player-page.js';
import { serveFolder, type StaticServer } from './support/server.js';
import { BROWSER_TEST_MS, browserAvailable, exportFixture } from './setup.js';

// A new burner every tick: each runs the budget out and stops, so the loop never ends.
const SCRIPT = `verbs { look: "Look at" }
room hall { }
actor hero { name: "Hero" }
var burned = 0
fn burn(s) {
  burned += 1
  while true {
    let n = len(upper(s))
  }
}
on start {
  put hero in hall at (100, 300)
  go hall
  let s = "x"
  while len(s) < 4000000 { s = s + s; yield }
  while true {
    spawn burn(s)
    yield
  }
}
`;

describe.skipIf(!browserAvailable())('a hostile loop in Chromium', { timeout: BROWSER_TEST_MS }, () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveFolder(exportFixture('budget', new Map([
      ['cairn.json', JSON.stringify({ id: 'org.cairn.e2e.budget', title: 'Budget', version: '1.0.0', author: 'A', resolution: [640, 360], pixelArt: false })],
      ['scripts/game.adv', SCRIPT],
    ])));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the player API answers within a second and the error panel shows', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(server.url);
    const player = new PlayerPage(page, [640, 360], 'verbs', 1);
    await player.ready();
    // The burners are running: wait until several ticks have each stopped one.
    await expect.poll(async () => Number(await player.call('evaluate', 'burned')), { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(5);
    const timed = async (what: () => Promise<unknown>) => {
      const t0 = Date.now();
      const value = await what();
      return { value, ms: Date.now() - t0 };
    };
    for (let i = 0; i < 3; i++) {
      const evaluated = await timed(() => player.call('evaluate', 'burned'));
      expect(evaluated.value as number).toBeGreaterThanOrEqual(5);
      expect(evaluated.ms).toBeLessThan(1000);
      const saved = await timed(() => player.call('save', 'slot1'));
      expect(saved.ms).toBeLessThan(1000);
    }
    const panel = page.locator('cairn-player .error-panel');
    await expect.poll(async () => panel.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await panel.textContent()).toMatch(/./);
    const restarted = await timed(() => page.evaluate(() => (document.querySelector('cairn-player') as unknown as { restart(): Promise<void> }).restart()));
    expect(restarted.ms).toBeLessThan(1000);
    expect(problems.uncaught).toEqual([]);
    await context.close();
  });
});
