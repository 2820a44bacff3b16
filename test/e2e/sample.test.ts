// The sample game as a newcomer meets it: `cairn play` serves it on loopback,
// real Chromium opens it at 1280×720, and the opening is played with real
// clicks (skip the intro, pick up the mug). Every room is then reached from a
// save made headless by the walkthrough and loaded through the desktop save
// folder, and photographed into docs/screenshots/ for the README.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GameDriver } from '../../runtime/game-api.js';
import { Game } from '../../runtime/game.js';
import { loadGame } from '../../runtime/game-loader.js';
import { parseWalkthrough } from '../../runtime/walkthrough/parse.js';
import { runWalkthrough } from '../../runtime/walkthrough/run.js';
import { encodeSave } from '../../player/desktop/save-envelope.js';
import { launchChromium, watchPage, type PageProblems } from './support/browser.js';
import { PlayerPage, type Screenshot } from './support/player-page.js';
import { BROWSER_TEST_MS, browserAvailable } from './setup.js';

const ROOT = join(import.meta.dirname, '../..');
const PROJECT = join(ROOT, 'bundles/gull-rock');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');
const GAME_ID = 'org.cairn.gull-rock';
const ROOMS = ['cottage', 'shore', 'store', 'lamproom'] as const;
const FILE_NAMES: Record<(typeof ROOMS)[number], string> = { cottage: 'cottage', shore: 'shore', store: 'store', lamproom: 'lamp-room' };
const VERB_PICKUP = 1; // Look at, Pick up, Use, Talk to, Give: the game's verbs block, in order

/** Plays the full walkthrough headless, saving the first moment the player has control in each room. */
function roomSaves(bundle: Uint8Array): Map<string, Uint8Array> {
  const game = Game.fromBundle(loadGame(bundle), { seed: 1 });
  const saves = new Map<string, Uint8Array>();
  const watcher: GameDriver = new Proxy(game, {
    get(target, key) {
      if (key !== 'tick') {
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return () => {
        target.tick();
        const room = target.scene().room;
        if (room !== null && !saves.has(room) && target.hasControl && target.scene().speech.length === 0) saves.set(room, target.save());
      };
    },
  });
  const walk = parseWalkthrough(readFileSync(join(PROJECT, 'tests/01-full-game.walk'), 'utf8'), 'tests/01-full-game.walk');
  const result = runWalkthrough(walk, watcher);
  expect(result.failures.map((f) => f.message)).toEqual([]);
  return saves;
}

describe.skipIf(!browserAvailable())('the sample game in Chromium', { timeout: BROWSER_TEST_MS }, () => {
  let browser: Browser;
  // One page for both tests: `cairn play` ends when its page goes away, as when a player closes the window.
  let context: BrowserContext;
  let page: Page;
  let player: PlayerPage;
  let problems: PageProblems;
  let play: ChildProcess;
  let url: string;
  let bundle: Uint8Array;

  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), 'cairn-sample-'));
    const file = join(work, 'gull-rock.cairn');
    const build = spawn(process.execPath, [join(ROOT, 'bin/cairn.js'), 'build', PROJECT, '-o', file], { stdio: 'pipe' });
    await new Promise((done) => build.on('exit', done));
    bundle = readFileSync(file);
    // Saves for every room, written where `cairn play` keeps them: a save file per slot.
    const data = join(work, 'data');
    const folder = join(data, 'cairn/saves', GAME_ID);
    mkdirSync(folder, { recursive: true });
    for (const [room, save] of roomSaves(bundle)) {
      writeFileSync(join(folder, `room-${room}.save`), encodeSave({ name: room, date: Date.UTC(2026, 10, 25), thumbnail: null, save }));
    }
    play = spawn(process.execPath, [join(ROOT, 'bin/cairn.js'), 'play', file, '--no-open'], {
      env: { ...process.env, XDG_DATA_HOME: data, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      play.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /Open (http:\/\/127\.0\.0\.1:\d+\/\?key=\S+)/.exec(out);
        if (found) resolve(found[1]!);
      });
      play.on('exit', (code) => reject(new Error(`cairn play ended with ${code}: ${out}`)));
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    ({ page, player, problems } = await open());
  });

  afterAll(async () => {
    await browser?.close();
    play?.kill('SIGINT');
  });

  async function open(): Promise<{ page: Page; player: PlayerPage; problems: PageProblems }> {
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(url);
    const player = new PlayerPage(page, [640, 360], 'verbs', 5);
    await player.ready();
    return { page, player, problems };
  }

  test('plays the opening with real clicks', async () => {
    await player.page.locator('cairn-player').focus();
    // Escape before the cutscene has begun would skip nothing, and the voiced opening runs for minutes.
    await expect.poll(() => page.locator('cairn-player .skip').isVisible(), { timeout: 30_000 }).toBe(true);
    await page.keyboard.press('Escape'); // skips the opening cutscene
    await expect.poll(() => page.locator('cairn-player .skip').isVisible(), { timeout: 30_000 }).toBe(false);
    await player.settle();
    expect(await player.call('evaluate', 'here')).toBe('cottage');
    const shelfBefore = (await player.screenshot()).at(226, 158);
    await player.clickBox(player.panel.verbs[VERB_PICKUP]);
    await player.click(226, 158); // the mug on the shelf
    await player.settle();
    expect(await player.call('evaluate', 'has(mug)')).toBe(true);
    const shot = await player.screenshot();
    // The mug left the shelf, and the inventory's first slot now shows its icon.
    expect(shot.at(226, 158)).not.toEqual(shelfBefore);
    const slot = player.panel.inventory[0]!;
    const colours = new Set<string>();
    for (let dx = 4; dx < slot.w - 4; dx += 3) colours.add(shot.at(slot.x + dx, slot.y + Math.floor(slot.h / 2)).join(','));
    expect(colours.size).toBeGreaterThan(3);
    expect(problems.console).toEqual([]);
    expect(problems.csp).toEqual([]);
  });

  test('shows every room, photographed for the README', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const room of ROOMS) {
      await player.call('load', `room-${room}`);
      await player.settle();
      expect(await player.call('evaluate', 'here')).toBe(room);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // no focus ring in the pictures
      // A drawn room, not a blank canvas or a fade: many colours across its middle row.
      const colourCount = (shot: Screenshot) => new Set(Array.from({ length: 80 }, (_, i) => shot.at(i * 8, 180).join(','))).size;
      const shot = await player.screenshotWhen((s) => colourCount(s) > 8);
      expect(colourCount(shot), `${room} looks blank`).toBeGreaterThan(8);
      await page.waitForTimeout(600); // the fade in has ended by now whatever its length; the picture is for people
      writeFileSync(join(SCREENSHOTS, `${FILE_NAMES[room]}.png`), await page.screenshot());
    }
    expect(problems.console).toEqual([]);
    expect(problems.csp).toEqual([]);
  });
});
