// The room editor of `cairn dev`, end to end in headless Chromium on a copy of
// the sample game: F2 pauses the game and shows the room; a walkable vertex,
// a hotspot corner and an object's `at` dragged with the real mouse change
// the script by exactly those numbers; the game reloads with the new geometry
// (the hero walks to the new edge, the door answers at its new place); a
// self-crossing drag is refused with the build's message and writes nothing;
// undo restores the file byte for byte. An export of the game has none of it.
// The test photographs edit mode into docs/screenshots/room-editor.png.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { waitFor } from '../desktop/http-client.js';
import { BROWSER_TEST_MS, browserAvailable } from './setup.js';
import { launchChromium, watchPage } from './support/browser.js';
import { PlayerPage } from './support/player-page.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/cairn.js');
const COTTAGE = 'scripts/10-cottage.adv';

/** A copy of the sample game (without the tools that draw its art). */
function copySample(): string {
  const project = join(mkdtempSync(join(tmpdir(), 'cairn-room-editor-')), 'gull-rock');
  cpSync(join(ROOT, 'bundles/gull-rock'), project, { recursive: true, filter: (p) => !p.includes('/tools') });
  return project;
}

/** The page point of room point (x, y) in the editor's canvas, from the mapping it publishes. */
async function editorPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const canvas = page.locator('#cairn-room-editor canvas');
  const box = (await canvas.boundingBox())!;
  const d = await canvas.evaluate((c) => ({ ...(c as HTMLCanvasElement).dataset }));
  const scale = Number(d.scale);
  return { x: box.x + Number(d.left) + (x - Number(d.scrollX)) * scale, y: box.y + Number(d.top) + (y - Number(d.scrollY)) * scale };
}

/** Drags with the real mouse from room point `from` to `to`, in steps; `during` runs before the button comes up. */
async function drag(page: Page, from: [number, number], to: [number, number], during?: () => Promise<void>): Promise<void> {
  const a = await editorPoint(page, ...from);
  const b = await editorPoint(page, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 8 });
  if (during) await during();
  await page.mouse.up();
}

describe.skipIf(!browserAvailable())('the room editor in cairn dev', { timeout: BROWSER_TEST_MS }, () => {
  let browser: Browser;
  let dev: ChildProcess;
  let output = '';
  let url: string;
  let project: string;

  beforeAll(async () => {
    project = copySample();
    const home = join(project, '..');
    const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), NO_COLOR: '1' };
    dev = spawn(process.execPath, [CLI, 'dev', project, '--no-open'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    dev.stdout!.on('data', (d) => (output += d));
    dev.stderr!.on('data', (d) => (output += d));
    url = await waitFor('cairn dev to print its address', () => /Open (http:\S+)/.exec(output)?.[1]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dev && dev.exitCode === null) dev.kill('SIGTERM');
  });

  const cottage = () => readFileSync(join(project, COTTAGE), 'utf8');

  /** Resolves with the next reload the dev client announces. */
  function nextReload(page: Page): Promise<{ kind: string }> {
    return page.evaluate(() => new Promise((resolve) => document.querySelector('cairn-player')!.addEventListener('cairn-dev-reload', (e) => resolve((e as CustomEvent).detail), { once: true })));
  }

  /** Drags, then waits until the script reads `expected` and the game has reloaded it. */
  async function dragAndWrite(page: Page, from: [number, number], to: [number, number], expected: string): Promise<void> {
    const reloaded = nextReload(page);
    await drag(page, from, to);
    await expect.poll(cottage, { timeout: 10_000 }).toBe(expected);
    expect((await reloaded).kind).toBe('in-place');
  }

  test('F2, three drags written back as exactly their numbers, the game reloaded with them, a refusal, and undo', async () => {
    const original = cottage();
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems = await watchPage(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    await page.goto(url);
    const player = new PlayerPage(page, [640, 360], 'verbs', 5);
    await player.ready();
    await player.settle();
    const running = () => page.evaluate(() => (document.querySelector('cairn-player') as unknown as { stats(): { running: boolean } }).stats().running);
    expect(await running()).toBe(true);
    const tick = () => player.call('evaluate', 'wren.at');

    // F2: the editor over the paused game, showing the cottage.
    await page.keyboard.press('F2');
    const editor = page.locator('#cairn-room-editor');
    await editor.waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#cairn-room-message').textContent(), { timeout: 30_000 }).toContain('cottage:');
    expect(await running(), 'the game pauses').toBe(false);

    // A click that moves nothing copies the room point.
    const p = await editorPoint(page, 300, 320);
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('(300, 320)');
    expect(await page.locator('#cairn-room-readout').textContent()).toBe('(300, 320)');

    // The picture in docs/room-editor.md: a vertex selected, the path and the ghost hero at the pointer.
    let q = await editorPoint(page, 176, 268);
    await page.mouse.click(q.x, q.y);
    q = await editorPoint(page, 250, 330);
    await page.mouse.move(q.x, q.y, { steps: 4 });
    await expect.poll(() => page.locator('#cairn-room-readout').textContent()).toBe('(250, 330)');
    await page.waitForTimeout(300);
    writeFileSync(join(ROOT, 'docs/screenshots/room-editor.png'), await page.screenshot());

    // A walkable vertex, a hotspot corner and an object's `at`: each changes only its numbers.
    let expected = original.replace('(626, 290), (632, 356)', '(640, 276), (632, 356)');
    await dragAndWrite(page, [626, 290], [640, 276], expected);
    expected = expected.replace('hotspot: (540, 146, 66, 116)', 'hotspot: (540, 146, 80, 126)');
    await dragAndWrite(page, [606, 262], [620, 272], expected);
    expected = expected.replace('at: (226, 165)', 'at: (236, 160)');
    await dragAndWrite(page, [226, 165], [236, 160], expected);
    expect(diffLines(original, cottage())).toEqual([
      ['  walkable: [(10, 300), (160, 300), (176, 268), (530, 268), (626, 290), (632, 356), (8, 356)]', '  walkable: [(10, 300), (160, 300), (176, 268), (530, 268), (640, 276), (632, 356), (8, 356)]'],
      ['    at: (226, 165)', '    at: (236, 160)'],
      ['    hotspot: (540, 146, 66, 116)', '    hotspot: (540, 146, 80, 126)'],
    ]);
    expect(await player.call('evaluate', 'mug.at'), 'the reloaded game has the new `at`').toEqual({ x: 236, y: 160 });

    // A self-crossing drag: red with the build's message while dragging, and nothing written.
    // (First the editor takes in the reloaded game, which it does after each reload.)
    await expect.poll(() => page.locator('#cairn-room-message').textContent(), { timeout: 30_000 }).toContain('cottage: drag to edit');
    const before = cottage();
    const mtime = statSync(join(project, COTTAGE)).mtimeMs;
    await drag(page, [632, 356], [100, 250], async () => {
      await expect.poll(() => page.locator('#cairn-room-message').getAttribute('class')).toBe('refused');
      expect(await page.locator('#cairn-room-message').textContent()).toMatch(/^scripts\/10-cottage\.adv:9:1: error: room `cottage`: the first walkable polygon crosses itself/);
    });
    expect(await page.locator('#cairn-room-message').textContent()).toMatch(/^Not written: .*crosses itself/);
    await page.waitForTimeout(500);
    expect(cottage()).toBe(before);
    expect(statSync(join(project, COTTAGE)).mtimeMs).toBe(mtime);

    // F2 again: the game goes on, with the new geometry.
    await page.keyboard.press('F2');
    await editor.waitFor({ state: 'hidden' });
    expect(await running(), 'the game runs again').toBe(true);
    await player.click(634, 282);
    await player.settle();
    // Within a pixel or two of the click (screen pixels round); the old area ended at its corner (626, 290).
    await expect.poll(async () => {
      const at = (await tick()) as { x: number; y: number };
      return Math.abs(at.x - 634) <= 2 && Math.abs(at.y - 282) <= 2;
    }, { timeout: 20_000 }).toBe(true);
    // The door's hotspot answers where it now reaches (and where it did not before): a plain click goes out.
    await player.click(615, 268);
    await expect.poll(() => player.call('evaluate', 'here'), { timeout: 20_000 }).toBe('shore');

    // Undo, in another room and across three reloads: the file comes back byte for byte.
    await player.settle();
    await page.keyboard.press('F2');
    await editor.waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#cairn-room-message').textContent(), { timeout: 30_000 }).toContain('shore:');
    // The shore is wider than the screen: the arrow keys and a middle-button drag scroll it.
    const scrollX = async () => Number(await page.locator('#cairn-room-editor canvas').getAttribute('data-scroll-x'));
    const x0 = await scrollX();
    await page.keyboard.press('ArrowRight');
    expect(await scrollX()).toBe(x0 + 32);
    const c = await editorPoint(page, x0 + 400, 200);
    await page.mouse.move(c.x, c.y);
    await page.mouse.down({ button: 'middle' });
    await page.mouse.move(c.x - 200, c.y, { steps: 5 });
    await page.mouse.up({ button: 'middle' });
    const scale = Number(await page.locator('#cairn-room-editor canvas').getAttribute('data-scale'));
    expect(await scrollX(), '200 CSS pixels, in room pixels').toBe(x0 + 32 + Math.round(200 / scale));
    for (let i = 0; i < 3; i++) {
      const reloaded = nextReload(page);
      await page.keyboard.press('Control+z');
      await reloaded;
    }
    expect(cottage() === original, 'undo restores the file byte for byte').toBe(true);
    expect(await page.locator('#cairn-room-history').textContent()).toBe('undo 0 · redo 3');
    await page.keyboard.press('F2');

    expect(problems.uncaught, 'uncaught exceptions').toEqual([]);
    expect(problems.csp, 'CSP violations').toEqual([]);
  });

  test('an exported game holds none of the editor: not in the bundle, not in the web files', () => {
    const out = join(project, '..', 'export');
    mkdirSync(out);
    execFileSync(process.execPath, [CLI, 'build', project, '-o', join(out, 'game.cairn'), '--web', join(out, 'web')], { stdio: 'pipe' });
    const files = listFiles(join(out, 'web'));
    expect(files).toContain('cairn-player.js');
    expect(files).not.toContain('cairn-dev.js');
    for (const file of [...files.map((f) => join(out, 'web', f)), join(out, 'game.cairn')]) {
      const text = readFileSync(file).toString('latin1');
      for (const mark of ['cairn-room-editor', '/dev/room/']) expect(text.includes(mark), `${relative(out, file)} holds ${mark}`).toBe(false);
    }
    expect(readFileSync(join(ROOT, 'dist/player-web/cairn-dev.js'), 'utf8'), 'the dev client does hold it').toContain('cairn-room-editor');
  });
});

/** The lines that differ, as [before, after] pairs (the files have the same number of lines). */
function diffLines(a: string, b: string): Array<[string, string]> {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y.length).toBe(x.length);
  return x.flatMap((line, i) => (line === y[i] ? [] : [[line, y[i]!] as [string, string]]));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}
