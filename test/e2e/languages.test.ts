// The player in the game's language (issue 17), in real Chromium under the
// strict CSP, played with the mouse and keyboard: the language switches mid
// game through the menu and the next line is in it, drawn in the game's own
// font (its pixels compared with the same line in the fallback font, from the
// same game built without `fonts`, opened with lang="fr"); a voiced line plays
// through Howler for as long as its voice lasts, shows no text with subtitles
// off, and `.` stops it; self-voicing
// (key V) hands each line to speechSynthesis.speak in the current language.
// The sample game opens in French for a French browser and switches back; a
// BMFont draws lines with its own pixels, at a whole scale, unsmoothed.
// Needs Debian's fonts-liberation for the fixture font (see language-game.ts).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CRATE_LINE, FIXTURE_FONT, GLYPH, VOICE_SECONDS, bitmapProject, languageProject } from './fixtures/language-game.js';
import { launchChromium, watchPage, type PageProblems } from './support/browser.js';
import { PlayerPage, type Screenshot } from './support/player-page.js';
import { serveFolder, type StaticServer } from './support/server.js';
import { BROWSER_TEST_MS, browserAvailable, exportFixture, exportProject } from './setup.js';

const SAMPLE = join(import.meta.dirname, '../../bundles/gull-rock');

const CRATE = { x: 320, y: 220 };
const VOICE_MS = VOICE_SECONDS * 1000;

/** What the page's speechSynthesis was asked to say (the spy the init script installs). */
type Spoken = Array<{ text: string; lang: string }>;

describe.skipIf(!browserAvailable())('the player in the game\'s language', { timeout: BROWSER_TEST_MS }, () => {
  let browser: Browser;
  let withFont: StaticServer;
  let fallback: StaticServer;
  let sample: StaticServer;
  let blocky: StaticServer;

  beforeAll(async () => {
    if (!existsSync(FIXTURE_FONT)) throw new Error(`these tests need the font ${FIXTURE_FONT} (Debian: fonts-liberation)`);
    withFont = await serveFolder(exportFixture('two-tongues', languageProject(true)));
    fallback = await serveFolder(exportFixture('two-tongues-plain', languageProject(false)));
    sample = await serveFolder(exportProject(SAMPLE, 'gull-rock'));
    blocky = await serveFolder(exportFixture('blocky', bitmapProject()));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await withFont?.close();
    await fallback?.close();
    await sample?.close();
    await blocky?.close();
  });

  async function open(server: StaticServer, lang?: string, locale = 'en-US', verbs = 2): Promise<{ page: Page; player: PlayerPage; problems: PageProblems }> {
    const page = await (await browser.newContext({ viewport: { width: 800, height: 600 }, locale })).newPage();
    const problems = await watchPage(page);
    await page.addInitScript(() => {
      const w = window as unknown as { __spoken: Spoken };
      w.__spoken = [];
      // The spy records and says nothing: a headless machine may have no voices at all.
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void w.__spoken.push({ text: u.text, lang: u.lang });
      speechSynthesis.cancel = () => undefined;
    });
    if (lang !== undefined) {
      // The embedding page's own attribute, set before the player defines the element.
      await page.route(server.url, async (route) => {
        const res = await route.fetch();
        await route.fulfill({ response: res, body: (await res.text()).replace('<cairn-player', `<cairn-player lang="${lang}"`) });
      });
    }
    await page.goto(server.url);
    const player = new PlayerPage(page, [640, 360], 'verbs', verbs);
    await player.ready();
    return { page, player, problems };
  }

  const stats = (page: Page) => page.evaluate(() => (document.querySelector('cairn-player') as unknown as { stats(): { voice: string | null; language: string } }).stats());
  const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: Spoken }).__spoken);

  /** Right click (look) on the crate, then wait until its line is in the aria-live log. */
  async function lookAtCrate(player: PlayerPage, line: string): Promise<void> {
    await player.click(CRATE.x, CRATE.y, 'right');
    await expect.poll(async () => (await player.liveText()).log, { timeout: 10_000 }).toContain(line);
  }

  test('switching to French in the menu: the next line is French, voiced, in the game\'s font; `.` stops the voice; V reads lines aloud', async () => {
    const { page, player, problems } = await open(withFont);
    expect((await stats(page)).language).toBe('en');
    await expect.poll(async () => (await player.liveText()).log, { timeout: 10_000 }).toContain('Where is that boat?');
    await player.settle();

    // The menu, with the mouse: the ☰ button, Settings, Language → Français, Back, Resume.
    await page.locator('cairn-player .menu-button').click();
    await page.locator('cairn-player .menu button', { hasText: 'Settings' }).click();
    const pick = page.locator('cairn-player select[name=language]');
    await pick.click();
    await pick.selectOption('fr');
    await expect.poll(async () => (await stats(page)).language).toBe('fr');
    await page.locator('cairn-player .menu button', { hasText: 'Back' }).click();
    await page.locator('cairn-player .menu button', { hasText: 'Resume' }).click();

    // Self-voicing on by key: announced, then every line is handed to speechSynthesis in French.
    await page.keyboard.press('v');
    await expect.poll(() => spoken(page)).toContainEqual({ text: 'Self-voicing on', lang: 'fr' });

    // The next line is in French, its voice plays (Howler says so), and the line lasts as long as the voice.
    await lookAtCrate(player, CRATE_LINE.fr);
    await expect.poll(async () => (await stats(page)).voice, { timeout: 5_000 }).toBe('voice/fr/crate_line.wav');
    const voiceStarted = Date.now();
    expect(await spoken(page)).toContainEqual({ text: CRATE_LINE.fr, lang: 'fr' });
    const shot = await player.screenshot();
    await player.settle();
    const lasted = Date.now() - voiceStarted;
    expect(lasted).toBeGreaterThan(VOICE_MS - 600);
    expect(lasted).toBeLessThan(VOICE_MS + 8_000);

    // The line's pixels are the game's font: the face was loaded from the bundle, and the same line in the fallback font looks otherwise.
    expect(await page.evaluate(() => [...document.fonts].filter((f) => f.family.startsWith('cairn-font') && f.status === 'loaded').length)).toBe(1);
    const ours = litPixels(shot);
    const plain = await open(fallback, 'fr');
    expect((await stats(plain.page)).language).toBe('fr');
    await plain.player.settle();
    await lookAtCrate(plain.player, CRATE_LINE.fr);
    const theirs = litPixels(await plain.player.screenshot());
    expect(ours.size).toBeGreaterThan(300);
    expect(theirs.size).toBeGreaterThan(300);
    const shared = [...ours].filter((p) => theirs.has(p)).length;
    expect(shared / Math.max(ours.size, theirs.size)).toBeLessThan(0.6);

    // Subtitles off (the menu's checkbox, with the mouse): the voiced line plays and shows no text.
    await plain.player.settle();
    await plain.page.locator('cairn-player .menu-button').click();
    await plain.page.locator('cairn-player .menu button', { hasText: 'Settings' }).click();
    await plain.page.locator('cairn-player .menu label', { hasText: 'Subtitles' }).locator('input').click();
    await plain.page.locator('cairn-player .menu button', { hasText: 'Back' }).click();
    await plain.page.locator('cairn-player .menu button', { hasText: 'Resume' }).click();
    await plain.player.click(CRATE.x, CRATE.y, 'right');
    await expect.poll(async () => (await stats(plain.page)).voice, { timeout: 5_000 }).toBe('voice/fr/crate_line.wav');
    expect(litPixels(await plain.player.screenshot()).size).toBe(0);
    await plain.page.context().close();

    // `.` ends the line and its voice with it.
    await lookAtCrate(player, CRATE_LINE.fr);
    await expect.poll(async () => (await stats(page)).voice, { timeout: 5_000 }).toBe('voice/fr/crate_line.wav');
    const skipped = Date.now();
    await page.keyboard.press('.');
    await expect.poll(async () => (await stats(page)).voice, { timeout: 5_000 }).toBeNull();
    expect(Date.now() - skipped).toBeLessThan(VOICE_MS);

    // V again: off, announced, and lines are no longer read.
    await page.keyboard.press('v');
    await expect.poll(() => spoken(page)).toContainEqual({ text: 'Self-voicing off', lang: 'fr' });
    const before = (await spoken(page)).length;
    await lookAtCrate(player, CRATE_LINE.fr);
    expect((await spoken(page)).length).toBe(before);

    expect(problems.console, 'console errors').toEqual([]);
    expect(problems.uncaught, 'uncaught exceptions').toEqual([]);
    expect(problems.csp, 'CSP violations').toEqual([]);
  });

  test('Fog on Gull Rock opens in French for a French browser, and switches to English mid-cutscene through the menu', async () => {
    const { page, player, problems } = await open(sample, undefined, 'fr-FR', 5);
    expect((await stats(page)).language).toBe('fr');
    await expect.poll(async () => (await player.liveText()).log, { timeout: 20_000 }).toContain('Wren\u00a0? C’est toi qui fais tout ce raffut\u00a0?');
    expect((await player.liveText()).log).not.toContain('Wren? Is that you, banging about?');

    await page.locator('cairn-player .menu-button').click();
    await page.locator('cairn-player .menu button', { hasText: 'Settings' }).click();
    await page.locator('cairn-player select[name=language]').selectOption('en');
    await expect.poll(async () => (await stats(page)).language).toBe('en');
    await page.locator('cairn-player .menu button', { hasText: 'Back' }).click();
    await page.locator('cairn-player .menu button', { hasText: 'Resume' }).click();

    // Clicks end one line at a time; the lines still to come are in English.
    const later = "Good girl. I'd go myself, but this ankle's the size of a turnip.";
    for (let i = 0; i < 60 && !(await player.liveText()).log.includes(later); i++) {
      await player.click(320, 100);
      await page.waitForTimeout(300);
    }
    expect((await player.liveText()).log).toContain(later);
    expect((await player.liveText()).log).not.toContain('Brave petite.');
    expect(problems.uncaught, 'uncaught exceptions').toEqual([]);
    expect(problems.csp, 'CSP violations').toEqual([]);
  });

  test('a BMFont from the bundle draws spoken lines with its own pixels, unsmoothed', async () => {
    const { page, player, problems } = await open(blocky, undefined, 'en-US', 0);
    await expect.poll(async () => (await player.liveText()).log, { timeout: 20_000 }).toContain('HI HI');
    // After the fade from black into the room: every lit pixel full white.
    const shot = await player.screenshotWhen((s) => litPixels(s).size > 0 && allWhite(s));
    const lit = [...litPixels(shot)].map((p) => p.split(',').map(Number) as [number, number]);
    // "HI HI": four glyphs, each a solid block of GLYPH pixels at a whole-number scale.
    const scale = Math.sqrt(lit.length / (4 * GLYPH.w * GLYPH.h));
    expect(Number.isInteger(Math.round(scale * 100) / 100)).toBe(true);
    expect(lit.length).toBe(4 * GLYPH.w * GLYPH.h * scale * scale);
    // No smoothing: every pixel of the line's box is full white or black, none in between.
    const xs = lit.map(([x]) => x);
    const ys = lit.map(([, y]) => y);
    let partial = 0;
    for (let y = Math.min(...ys) - 2; y <= Math.max(...ys) + 2; y++) {
      for (let x = Math.min(...xs) - 2; x <= Math.max(...xs) + 2; x++) {
        const sum = shot.at(x, y).reduce((a, b) => a + b, 0);
        if (sum > 30 && sum < 740) partial++;
      }
    }
    expect(partial).toBe(0);
    expect(problems.uncaught, 'uncaught exceptions').toEqual([]);
    expect(problems.csp, 'CSP violations').toEqual([]);
    await page.context().close();
  });
});

/** True when every lit pixel of the room screen is full white (no fade, no smoothing). */
function allWhite(shot: Screenshot): boolean {
  return [...litPixels(shot)].every((p) => {
    const [x, y] = p.split(',').map(Number) as [number, number];
    return shot.at(x, y).every((c) => c > 245);
  });
}

/** The lit pixels of the room screen (the room is black: they are speech text), as "x,y" in game pixels. */
function litPixels(shot: Screenshot): Set<string> {
  const out = new Set<string>();
  for (let y = 0; y < 360; y++) {
    for (let x = 0; x < 640; x++) {
      const [r, g, b] = shot.at(x, y);
      if (r + g + b > 300) out.add(`${x},${y}`);
    }
  }
  return out;
}
