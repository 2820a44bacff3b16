// A hostile game cannot reach the page: its strings (title, verbs, names,
// lines, printed text, colours) are HTML and script, and the player shows them
// as text. No element is created from them, no script runs, and the page's
// globals are the same before and after the game played.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { hostileProject } from './fixtures/games.js';
import { launchChromium, watchPage } from './support/browser.js';
import { PlayerPage } from './support/player-page.js';
import { serveFolder, type StaticServer } from './support/server.js';
import { BROWSER_TEST_MS, browserAvailable, exportFixture } from './setup.js';

describe.skipIf(!browserAvailable())('a hostile game in Chromium', { timeout: BROWSER_TEST_MS }, () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveFolder(exportFixture('hostile', hostileProject()));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('markup in every string shows as text, runs nothing and leaves the page globals alone', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    const problems = await watchPage(page);
    // The globals of a page before any script of the player or the game has run.
    await page.addInitScript(() => {
      (window as unknown as { __globalsBefore: string[] }).__globalsBefore = Object.getOwnPropertyNames(window);
    });
    await page.goto(server.url);
    const player = new PlayerPage(page, [640, 360], 'verbs', 2);
    await player.ready();
    await player.settle();
    await player.call('perform', 'do look box');
    await player.click(150, 150); // hover and click the box with the markup name
    await player.settle();

    const log = (await player.liveText()).log;
    expect(log).toContain('<img src=x onerror=window.pwned=9>');
    expect(log).toContain('<img src=x onerror=window.pwned=6>&lt;<script>window.pwned=7</script>');

    const page_ = await page.evaluate(() => {
      const w = window as unknown as { pwned?: unknown; __globalsBefore: string[] };
      const root = document.querySelector('cairn-player')!.shadowRoot!;
      const added = Object.getOwnPropertyNames(window).filter((n) => !w.__globalsBefore.includes(n));
      return {
        pwned: w.pwned,
        title: document.title,
        added,
        pageElements: document.querySelectorAll('img, iframe, object, embed, b').length,
        shadowElements: root.querySelectorAll('img, iframe, object, embed, script, b, style').length,
        scripts: [...document.scripts].map((s) => s.src.replace(location.origin, '')),
      };
    });
    expect(page_.pwned).toBeUndefined();
    expect(page_.title).toBe('</title><script>window.pwned=10</script>');
    expect(page_.added.filter((n) => n !== '__globalsBefore' && n !== '__cairnTestCsp')).toEqual([]);
    expect(page_.pageElements).toBe(0);
    expect(page_.shadowElements).toBe(0);
    expect(page_.scripts).toEqual(['/cairn-player.js']);
    expect(problems.console).toEqual([]);
    expect(problems.uncaught).toEqual([]);
    expect(problems.csp).toEqual([]);
    await context.close();
  });
});
