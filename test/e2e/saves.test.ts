// Save files that travel, in real Chromium: the sample game played a little
// in the web player, a slot exported from the Load menu (a real download) and
// played on headless by `cairn test --from` with a walkthrough that checks the
// same state; a save written by `cairn play` into its saves folder imported
// into a fresh browser profile through the menu's file picker; another game's
// save and a damaged file refused with a sentence, the slots unchanged.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile } from '../../interpreter/compiler/compile.js';
import { Game } from '../../runtime/game.js';
import { writeGameSave } from '../../runtime/saves/game-save-file.js';
import { decodeSaveFile } from '../../runtime/saves/save-file-format.js';
import { launchChromium, watchPage } from './support/browser.js';
import { PlayerPage, type PlayerElement } from './support/player-page.js';
import { serveFolder, type StaticServer } from './support/server.js';
import { BROWSER_TEST_MS, browserAvailable } from './setup.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/cairn.js');
const PROJECT = join(ROOT, 'bundles/gull-rock');
const GAME_ID = 'org.cairn.gull-rock';

/** The element with the save-file API, as the page sees it. */
interface SavingPlayer extends PlayerElement {
  importSave(file: Blob | Uint8Array, slot?: string): Promise<string>;
  exportSave(slot: string): Promise<Blob>;
}

describe.skipIf(!browserAvailable())('save files in Chromium', { timeout: BROWSER_TEST_MS }, () => {
  let browser: Browser;
  let work: string;
  let bundle: string;
  let web: StaticServer;
  let play: ChildProcess | undefined;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cairn-saves-e2e-'));
    bundle = join(work, 'gull-rock.cairn');
    const built = spawnSync(process.execPath, [CLI, 'build', PROJECT, '-o', bundle, '--web', join(work, 'web')], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    web = await serveFolder(join(work, 'web'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    play?.kill('SIGINT');
  });

  /** A fresh browser profile (its own IndexedDB) with the game open and started. */
  async function openGame(url: string): Promise<{ page: Page; player: PlayerPage; problems: Awaited<ReturnType<typeof watchPage>> }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(url);
    const player = new PlayerPage(page, [640, 360], 'verbs', 5);
    await player.ready();
    return { page, player, problems };
  }

  async function openLoadMenu(page: Page): Promise<void> {
    await page.locator('cairn-player .menu-button').click();
    await page.getByRole('button', { name: 'Load', exact: true }).click();
  }

  const slots = (page: Page) => page.evaluate(async () => (await (document.querySelector('cairn-player') as SavingPlayer).listSaves()).map((s) => s.slot).sort());

  test('a slot exported from the Load menu plays on in `cairn test --from`', async () => {
    const { page, player, problems } = await openGame(web.url);
    for (const step of ['do pickup mug', 'do use mug kettle', 'do walk door']) await player.call('perform', step);
    expect(await player.call('evaluate', 'here')).toBe('shore');
    await player.call('save', 'shore', 'On the shore');
    await openLoadMenu(page);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export the save "On the shore" as a file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Fog on Gull Rock - On the shore.cairnsave');
    const file = join(work, 'exported.cairnsave');
    await download.saveAs(file);
    const saved = decodeSaveFile(readFileSync(file));
    expect(saved).toMatchObject({ game: { id: GAME_ID }, slot: 'shore', name: 'On the shore', room: 'shore' });
    expect(saved.thumbnail?.type).toBe('image/png');

    const walk = join(work, 'from-export.walk');
    writeFileSync(walk, 'expect room shore\nexpect has tea\nexpect not has mug\ndo walk cottage_door\nexpect room cottage\n');
    const tested = spawnSync(process.execPath, [CLI, 'test', bundle, walk, '--from', file], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(tested.stdout).toContain('1 walkthrough: 1 passed');
    expect(tested.status).toBe(0);
    const inspected = spawnSync(process.execPath, [CLI, 'inspect', file, '--bundle', bundle], { encoding: 'utf8' });
    expect(inspected.stdout).toContain('loads into Fog on Gull Rock');
    expect(problems.uncaught).toEqual([]);
    await page.context().close();
  });

  test("a save written by `cairn play` imports into a fresh profile; another game's save and a damaged file are refused", async () => {
    const data = join(work, 'data');
    play = spawn(process.execPath, [CLI, 'play', bundle, '--no-open'], { env: { ...process.env, XDG_DATA_HOME: data, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      play!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /Open (http:\/\/127\.0\.0\.1:\d+\/\?key=\S+)/.exec(out);
        if (found) resolve(found[1]!);
      });
      play!.on('exit', (code) => reject(new Error(`cairn play ended with ${code}: ${out}`)));
    });
    const desk = await openGame(url);
    for (const step of ['do pickup mug', 'do use mug kettle']) await desk.player.call('perform', step);
    await desk.player.call('save', 'tea-made', 'Tea made');
    const onDisk = join(data, 'cairn/saves', GAME_ID, 'tea-made.save');
    const fileBytes = readFileSync(onDisk);
    // The folder holds a .cairnsave as it is: the very file any player imports.
    expect(decodeSaveFile(fileBytes)).toMatchObject({ game: { id: GAME_ID }, slot: 'tea-made', name: 'Tea made', room: 'cottage' });
    const copied = join(work, 'from-desktop.cairnsave');
    writeFileSync(copied, fileBytes);
    // `cairn play` imports too: the file lands in its saves folder under the slot asked for.
    const exported = Array.from(fileBytes);
    const imported = await desk.page.evaluate(async (bytes) => (document.querySelector('cairn-player') as SavingPlayer).importSave(new Uint8Array(bytes), 'copy'), exported);
    expect(imported).toBe('copy');
    expect(decodeSaveFile(readFileSync(join(data, 'cairn/saves', GAME_ID, 'copy.save')))).toMatchObject({ slot: 'copy', name: 'Tea made', room: 'cottage' });
    await desk.page.context().close();

    const { page, player, problems } = await openGame(web.url);
    expect(await slots(page)).toEqual([]);
    await openLoadMenu(page);
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a save file…' }).click();
    await (await choosing).setFiles(copied);
    await page.getByRole('button', { name: /Load: Tea made/ }).waitFor({ timeout: 20_000 }).catch(async (e: unknown) => {
      throw new Error(`no slot after the import; the menu says: ${await page.locator('cairn-player .menu').textContent()} (${String(e)})`);
    });
    expect(await slots(page)).toEqual(['tea-made']);
    await page.getByRole('button', { name: /Load: Tea made/ }).click();
    await player.settle();
    expect(await player.call('evaluate', 'has(tea)')).toBe(true);
    expect(await player.call('evaluate', 'here')).toBe('cottage');

    // Another game's save, through the same picker: refused with the sentence, nothing stored.
    const other = Game.create(compile([{ file: 'other.adv', text: 'room hall { }\non start { go hall }\n' }]).module, { id: 'com.example.other', version: '2.0.0' });
    other.tick();
    const otherFile = join(work, 'other.cairnsave');
    writeFileSync(otherFile, writeGameSave(other, { slot: 'hall', name: 'Hall', date: Date.now() }));
    await openLoadMenu(page);
    const choosingOther = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a save file…' }).click();
    await (await choosingOther).setFiles(otherFile);
    await expect.poll(() => page.locator('cairn-player .refused').textContent()).toContain('belongs to another game (com.example.other 2.0.0)');
    expect(await slots(page)).toEqual(['tea-made']);

    // A damaged file through the API: a typed rejection, the slots unchanged.
    const damaged = Array.from(fileBytes);
    damaged[damaged.length - 3]! ^= 0x10;
    const refusal = await page.evaluate(async (bytes) => {
      try {
        await (document.querySelector('cairn-player') as SavingPlayer).importSave(new Uint8Array(bytes), 'broken');
        return null;
      } catch (e) {
        return { name: (e as Error).name, code: (e as { code?: string }).code, message: (e as Error).message };
      }
    }, damaged);
    expect(refusal).toMatchObject({ name: 'CairnError', code: 'SAVE_FILE_INVALID' });
    expect(refusal!.message).toContain('checksum does not match');
    expect(await slots(page)).toEqual(['tea-made']);

    // Fuzz: damaged copies of a real save, imported through the API, reject with a CairnError and store nothing.
    const outcomes = await page.evaluate(async (bytes) => {
      const el = document.querySelector('cairn-player') as SavingPlayer;
      let seed = 20;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
      const seen: string[] = [];
      for (let run = 0; run < 40; run++) {
        const copy = new Uint8Array(bytes.slice(0, bytes.length - (next() % 3 === 0 ? next() % 200 : 0)));
        for (let k = 0; k <= next() % 4; k++) copy[next() % Math.min(copy.length, 300)]! ^= 1 + (next() % 255);
        try {
          await el.importSave(copy, `fuzz-${run}`);
          seen.push('accepted');
        } catch (e) {
          seen.push((e as Error).name === 'CairnError' ? String((e as { code?: string }).code) : `not a CairnError: ${String(e)}`);
        }
      }
      return seen;
    }, Array.from(fileBytes));
    expect(outcomes.filter((o) => !/^SAVE_[A-Z_]+$/.test(o))).toEqual([]);
    expect(await slots(page)).toEqual(['tea-made']);

    // A save file dropped onto the player goes into its slot.
    await page.evaluate(async (bytes) => {
      const el = document.querySelector('cairn-player')!;
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'tea.cairnsave', { type: 'application/x-cairn-save' }));
      el.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, exported);
    await expect.poll(() => player.liveText().then((t) => t.status), { timeout: 10_000 }).toContain('Imported the save "tea.cairnsave" into slot tea-made.');
    expect(await slots(page)).toEqual(['tea-made']);
    expect(problems.uncaught).toEqual([]);
    await page.context().close();
  });
});
