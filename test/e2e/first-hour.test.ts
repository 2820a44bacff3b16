// The first hour of real play, in real Chromium: the sample game's opening
// with the mouse (a click or `.` ends one line and the cutscene goes on,
// Escape skips it, Give → sardine → Gulliver, right click, hover names, the
// cursor, the verb bar hidden in cutscenes); a small game embedded in an
// article page played with the keyboard alone (Tab leaves the element, focus
// enters the game after "Click to play", the end screen); the API settling
// before the start, in a cutscene and at the end; the menus; autosave and
// Continue across a reload; and the export opened as a file.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, watchPage, type PageProblems } from './support/browser.js';
import { PlayerPage, type Screenshot } from './support/player-page.js';
import { serveFolder, type StaticServer } from './support/server.js';
import { BROWSER_TEST_MS, browserAvailable, exportFixture, exportProject } from './setup.js';

const SAMPLE = join(import.meta.dirname, '../../bundles/gull-rock');
const GIVE = 4; // Look at, Pick up, Use, Talk to, Give: the sample's verbs block, in order
const PICKUP = 1;

const svg = (w: number, h: number, body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`;

/** A one-room game: an opening cutscene of two lines, a bell that counts looks, and a use that ends the game. */
function bellProject(): Map<string, string | Uint8Array> {
  const script = `verbs { look: "Look at", use: "Use" }
actor hero { name: "Robin" }
var looks = 0
room hall {
  background: "art/hall.svg"
  object bell {
    name: "bell"
    hotspot: (300, 100, 60, 60)
    on look { looks += 1; say "A brass bell." }
    on use { say "Ding."; end game }
  }
}
on start {
  put hero in hall at (100, 330)
  go hall
  cutscene {
    say "A long first line of the story, told slowly, so there is time to skip it."
    say "The second line of the story."
  }
}
`;
  return new Map<string, string | Uint8Array>([
    ['cairn.json', JSON.stringify({ id: 'org.cairn.e2e.bell', title: 'The Bell', version: '1.0.0', author: 'Cairn tests', resolution: [640, 360], pixelArt: false })],
    ['scripts/game.adv', script],
    ['assets/art/hall.svg', svg(640, 360, '<rect width="640" height="360" fill="#305070"/><rect x="300" y="100" width="60" height="60" fill="#d0a020"/>')],
  ]);
}

/** An article with the player between two links, without autoplay: "Click to play" shows first. */
const ARTICLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>An article</title><link rel="icon" href="data:,">
<script type="module" src="cairn-player.js"></script></head>
<body><h1>A story</h1><p><a id="before" href="#before">Before the game</a></p>
<cairn-player src="game.cairn" style="width: 800px; height: 600px"></cairn-player>
<p><a id="after" href="#after">After the game</a></p></body></html>`;

/** Counts the colours across a panel box: a drawn verb has its text's colours, an empty box only the panel's. */
function colours(shot: Screenshot, box: { x: number; y: number; w: number; h: number }): number {
  const seen = new Set<string>();
  for (let x = box.x + 2; x < box.x + box.w - 2; x += 2) for (let y = box.y + 2; y < box.y + box.h - 2; y += 3) seen.add(shot.at(x, y).join(','));
  return seen.size;
}

describe.skipIf(!browserAvailable())('the first hour of play in Chromium', { timeout: BROWSER_TEST_MS }, () => {
  let browser: Browser;
  let sample: StaticServer;
  let bell: StaticServer;
  let bellFolder: string;

  beforeAll(async () => {
    sample = await serveFolder(exportProject(SAMPLE, 'gull-rock'));
    bellFolder = exportFixture('bell', bellProject());
    writeFileSync(join(bellFolder, 'article.html'), ARTICLE);
    bell = await serveFolder(bellFolder);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await sample?.close();
    await bell?.close();
  });

  function expectClean(problems: PageProblems): void {
    expect(problems.console, 'console errors').toEqual([]);
    expect(problems.uncaught, 'uncaught exceptions').toEqual([]);
    expect(problems.csp, 'CSP violations').toEqual([]);
  }

  const skipButton = (page: Page) => page.locator('cairn-player .skip');
  const log = async (player: PlayerPage) => (await player.liveText()).log;

  test('the mouse: a click and `.` end one line, Escape the cutscene; Give sardine to Gulliver; right click; names and cursor', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(sample.url);
    const player = new PlayerPage(page, [640, 360], 'verbs', 5);
    await player.ready();

    // The first line: a click on it ends that line only; the cutscene walks on to the next.
    await expect.poll(() => log(player), { timeout: 20_000 }).toContain('Wren? Is that you');
    await player.click(320, 200);
    await expect.poll(() => log(player), { timeout: 20_000 }).toContain('Morning, Gran!');
    expect(await skipButton(page).isVisible()).toBe(true);
    expect(await log(player)).not.toContain('That GULL.');
    // The verb bar is hidden while the cutscene runs.
    expect(colours(await player.screenshot(), player.panel.verbs[PICKUP]!)).toBe(1);
    // `.` ends the next line only, too.
    await page.locator('cairn-player').focus();
    await page.keyboard.press('.');
    await expect.poll(() => log(player), { timeout: 20_000 }).toContain('Fog? Then why');
    expect(await skipButton(page).isVisible()).toBe(true);
    // Escape skips the rest, and the click right after it is taken.
    await page.keyboard.press('Escape');
    await player.clickBox(player.panel.verbs[PICKUP]);
    await player.click(226, 158); // the mug on the shelf
    await player.settle();
    expect(await log(player)).toContain('That GULL.');
    expect(await skipButton(page).isVisible()).toBe(false);
    expect(await player.call('evaluate', 'has(mug)')).toBe(true);
    expect(colours(await player.screenshot(), player.panel.verbs[PICKUP]!)).toBeGreaterThan(1);

    // The cursor points over things and not over the floor; the sentence names what is under the pointer.
    const cursor = () => page.evaluate(() => document.querySelector('cairn-player')!.shadowRoot!.querySelector('canvas')!.style.cursor);
    const move = async (x: number, y: number) => {
      const p = await player.toPage(x, y);
      await page.mouse.move(p.x, p.y);
    };
    await move(120, 140); // the kettle
    await expect.poll(cursor).toBe('pointer');
    await expect.poll(async () => (await player.liveText()).status).toBe('Walk to kettle');
    await move(300, 20); // the ceiling
    await expect.poll(cursor).toBe('crosshair');
    const slot = player.panel.inventory[0]!;
    await move(slot.x + slot.w / 2, slot.y + slot.h / 2);
    await expect.poll(async () => (await player.liveText()).status).toBe('Walk to mug');

    // A right click runs the default verb: look.
    await player.click(439, 240, 'right'); // Gran
    await player.settle();
    expect(await log(player)).toContain('Keeper of the Gull Rock light for fifty years');

    // Tea, then on the shore a sardine for it (the verbs the verb bar sends), then the give by mouse.
    for (const command of ['do use mug kettle', 'do walk door', 'do give tea barnaby', 'expect has sardine']) await player.call('perform', command);
    await player.clickBox(player.panel.verbs[GIVE]);
    await player.clickBox(player.panel.inventory[0]);
    await expect.poll(async () => (await player.liveText()).status).toBe('Give sardine to');
    // Gulliver stands at x 668 of the shore; the camera follows Wren. Sweep the pointer outwards from where he should be.
    const wren = (await player.call('evaluate', 'wren.at')) as { x: number };
    const guess = 668 - Math.min(Math.max(wren.x - 320, 0), 640);
    const xs = Array.from({ length: 107 }, (_, i) => i * 6).sort((a, b) => Math.abs(a - guess) - Math.abs(b - guess));
    let found: { x: number; y: number } | null = null;
    for (const x of xs) {
      if (found !== null) break;
      await move(x, 226);
      await page.waitForTimeout(40);
      if ((await player.liveText()).status === 'Give sardine to Gulliver') found = { x, y: 226 };
    }
    expect(found, 'the sentence line never read "Give sardine to Gulliver"').not.toBeNull();
    await player.click(found!.x, found!.y);
    await player.call('perform', 'expect said "You dropped it in the rock pool!"');
    expect(await player.call('evaluate', 'key_in_pool')).toBe(true);
    expectClean(problems);
    await context.close();
  });

  test('the keyboard alone in an article: Tab leaves the element, focus enters the game after Click to play, the end screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(`${bell.url}article.html`);
    await page.waitForFunction(() => (document.querySelector('cairn-player') as unknown as { ready: boolean }).ready === true, null, { timeout: 60_000 });
    const player = new PlayerPage(page, [640, 360], 'verbs', 2);
    const active = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase());

    // Every control has an accessible name.
    const unnamed = await page.evaluate(() =>
      [...document.querySelector('cairn-player')!.shadowRoot!.querySelectorAll('button')].filter((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === '').length,
    );
    expect(unnamed).toBe(0);

    await page.locator('#before').focus();
    await page.keyboard.press('Tab');
    expect(await active()).toBe('cairn-player');
    // A visible focus ring on the element.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('cairn-player')!).boxShadow)).not.toBe('none');
    await page.keyboard.press('Enter'); // "Click to play"
    await expect.poll(() => page.locator('cairn-player .overlay').first().isVisible()).toBe(false);
    expect(await active()).toBe('cairn-player');
    await expect.poll(() => log(player), { timeout: 20_000 }).toContain('A long first line');
    await page.keyboard.press('Escape'); // skips the opening at once: the game has the focus
    await expect.poll(() => skipButton(page).isVisible()).toBe(false);
    expect(await log(player)).toContain('The second line of the story.');

    // Tab reaches the bell, then leaves the element past it (through its corner buttons) to the next link.
    await player.tabTo('bell', 3);
    let left = false;
    for (let i = 0; i < 5 && !left; i++) {
      await page.keyboard.press('Tab');
      left = (await active()) === 'after';
    }
    expect(left, 'Tab never left the player').toBe(true);
    // And Shift+Tab comes back in, and on out before it.
    let back = false;
    for (let i = 0; i < 8 && !back; i++) {
      await page.keyboard.press('Shift+Tab');
      back = (await active()) === 'before';
    }
    expect(back, 'Shift+Tab never left the player backwards').toBe(true);

    // Use the bell: the game ends, the end screen shows the title and "The End", and `end` fires.
    await page.evaluate(() => document.querySelector('cairn-player')!.addEventListener('end', () => ((window as unknown as { ended: boolean }).ended = true)));
    await page.locator('cairn-player').focus();
    await page.keyboard.press('2'); // Use
    await player.tabTo('bell', 3);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('cairn-player .the-end').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.locator('cairn-player .screen .title').textContent()).toBe('The Bell');
    expect(await page.evaluate(() => (window as unknown as { ended?: boolean }).ended)).toBe(true);
    // Play again: Enter on the focused button starts over.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('cairn-player .the-end').isVisible()).toBe(false);
    await player.settle();
    expect(await player.call('evaluate', 'looks')).toBe(0);
    expectClean(problems);
    await context.close();
  });

  test('the download shows its progress; the API settles: before the start it waits, in a cutscene it waits for control, at the end it resolves and then refuses', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const problems = await watchPage(page);
    // The bundle arrives late: meanwhile a progress bar shows, then the bytes of the total.
    await page.route('**/game.cairn', async (route) => {
      const response = await route.fetch();
      await new Promise((ok) => setTimeout(ok, 1500));
      await route.fulfill({ response });
    });
    await page.goto(`${bell.url}article.html`);
    await page.locator('cairn-player .overlay progress').waitFor({ timeout: 10_000 });
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { progress: string[] }).progress = []);
      const root = document.querySelector('cairn-player')!.shadowRoot!;
      new MutationObserver(() => {
        const text = root.querySelector('.overlay .message')?.textContent;
        if (text) seen.push(text);
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    // Called at once, before `ready` and before "Click to play".
    await page.evaluate(() => {
      const el = document.querySelector('cairn-player') as unknown as { perform(c: string): Promise<void>; evaluate(e: string): Promise<unknown> };
      const w = window as unknown as Record<string, unknown>;
      const settle = (name: string, p: Promise<unknown>) => p.then((v) => (w[name] = { ok: v ?? null }), (e: { code?: string }) => (w[name] = { code: e.code }));
      settle('early', el.perform('expect room hall'));
      settle('value', el.evaluate('1 + 1'));
      const lone = document.createElement('cairn-player') as unknown as { perform(c: string): Promise<void> };
      settle('lone', lone.perform('wait 1'));
    });
    const result = (name: string) => page.evaluate((n) => (window as unknown as Record<string, unknown>)[n] ?? 'pending', name);
    await expect.poll(() => result('value'), { timeout: 60_000 }).toEqual({ ok: 2 });
    expect(await page.evaluate(() => (window as unknown as { progress: string[] }).progress)).toContainEqual(expect.stringMatching(/^Loading… \d+ kB of \d+ kB$/));
    expect(await result('lone')).toEqual({ code: 'USAGE' });
    await page.waitForTimeout(500);
    expect(await result('early')).toBe('pending'); // the game has not started: no game time has passed
    await page.locator('cairn-player .start').click();
    // Called during the opening cutscene: waits for control, then ends the game; the promise still resolves.
    // The skip button shows once the worker reports the cutscene running, a frame or two after the click.
    await expect.poll(() => page.locator('cairn-player .skip').isVisible(), { timeout: 10_000 }).toBe(true);
    const ends = page.evaluate(() => (document.querySelector('cairn-player') as unknown as { perform(c: string): Promise<void> }).perform('do use bell').then(() => 'resolved'));
    await expect(ends).resolves.toBe('resolved');
    expect(await result('early')).toEqual({ ok: null });
    const after = await page.evaluate(() =>
      (document.querySelector('cairn-player') as unknown as { perform(c: string): Promise<void> }).perform('do look bell').then(
        () => 'resolved',
        (e: { code: string; name: string }) => `${e.name} ${e.code}`,
      ),
    );
    expect(after).toBe('CairnError ENDED');
    expect(await page.evaluate(() => (document.querySelector('cairn-player') as unknown as { perform(c: string): Promise<void> }).perform('expect room hall').then(() => 'resolved'))).toBe('resolved');
    expectClean(problems);
    await context.close();
  });

  test('menus: Enter saves and "Saved" confirms, slots are overwritten and deleted; autosave and Continue across a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(`${bell.url}article.html`);
    await page.waitForFunction(() => (document.querySelector('cairn-player') as unknown as { ready: boolean }).ready === true, null, { timeout: 60_000 });
    const player = new PlayerPage(page, [640, 360], 'verbs', 2);
    await page.locator('cairn-player .start').click();
    await player.call('perform', 'do look bell');
    const slots = async () => ((await player.call('listSaves')) as Array<{ slot: string; name: string }>).filter((s) => s.slot !== 'autosave').map((s) => s.name);

    // F5, Save, a name, Enter.
    await page.locator('cairn-player').focus();
    await page.keyboard.press('F5');
    await page.locator('cairn-player .menu button', { hasText: 'Save' }).first().click();
    const name = page.locator('cairn-player .menu input[type=text]');
    await name.fill('By the bell');
    await name.press('Enter');
    await expect.poll(() => page.locator('cairn-player .menu .saved').textContent()).toBe('Saved as "By the bell".');
    await expect.poll(() => page.locator('cairn-player .menu').isVisible()).toBe(false);
    expect(await slots()).toEqual(['By the bell']);
    // Overwrite it, then delete it.
    await page.keyboard.press('F5');
    await page.locator('cairn-player .menu button', { hasText: 'Save' }).first().click();
    await page.locator('cairn-player .menu .slot', { hasText: 'Overwrite: By the bell' }).click();
    await expect.poll(() => page.locator('cairn-player .menu .saved').isVisible()).toBe(true);
    await expect.poll(() => page.locator('cairn-player .menu').isVisible()).toBe(false);
    expect(await slots()).toEqual(['By the bell']);
    await page.keyboard.press('F5');
    await page.locator('cairn-player .menu button', { hasText: 'Load' }).first().click();
    await page.getByRole('button', { name: 'Delete the save "By the bell"' }).click();
    await expect.poll(slots).toEqual([]);
    await page.keyboard.press('Escape');

    // The page hides (the player leaves): the autosave is written. After a reload, "Continue" brings the game back.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(async () => ((await player.call('listSaves')) as Array<{ slot: string }>).map((s) => s.slot), { timeout: 10_000 }).toContain('autosave');
    await page.reload();
    await page.waitForFunction(() => (document.querySelector('cairn-player') as unknown as { ready: boolean }).ready === true, null, { timeout: 60_000 });
    const cont = page.locator('cairn-player .start', { hasText: 'Continue' });
    await cont.waitFor({ timeout: 20_000 });
    expect(await page.locator('cairn-player .start', { hasText: 'New game' }).isVisible()).toBe(true);
    await cont.click();
    await expect.poll(() => player.call('evaluate', 'looks'), { timeout: 20_000 }).toBe(1);
    expectClean(problems);
    await context.close();
  });

  test('opened as a file, the export says why it cannot run and how to serve it', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    await page.goto(`file://${join(bellFolder, 'index.html')}`);
    const message = page.locator('.cannot-run');
    await expect.poll(() => message.isVisible(), { timeout: 10_000 }).toBe(true);
    const text = (await message.textContent()) ?? '';
    expect(text).toContain('This game needs a web server');
    expect(text).toContain('python3 -m http.server');
    await context.close();
  });
});
