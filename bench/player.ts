// The web player's figures, measured in headless Chromium (software WebGL)
// on pages served from loopback with the strict CSP: frame time of a room
// with 200 sprites and 20 walking actors, page load to first frame of a 20 MB
// bundle (in one language, and in two with a font and a French string table
// of its own, played in French), and the gzipped size of what a page
// downloads. Needs `npm run build`.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { wav, writeProject } from '../test/e2e/fixtures/games.js';
import { describeChromium, findChromium, launchChromium } from '../test/support/browser.js';
import { serveFolder } from '../test/e2e/support/server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const svg = (w: number, h: number, fill: string): string => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="${fill}"/></svg>`;

/** One row of the report. */
interface Row {
  name: string;
  ms: number;
  note?: string;
}

/** A room with 200 object sprites and 20 actors walking back and forth, each animating 4 frames. */
function crowdProject(): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  const lines = ['verbs { look: "Look at" }', 'costume walker { sheet: "art/walker.svg"; frame: (16, 32); idle: [0]; walk: [0, 1, 2, 3] fps 8 }'];
  for (let i = 0; i < 20; i++) lines.push(`actor a${i} { name: "walker ${i}"; costume: "walker"; speed: ${60 + i * 5} }`);
  lines.push('room hall {', '  background: "art/hall.svg"');
  for (let i = 0; i < 200; i++) lines.push(`  object o${i} { name: "thing ${i}"; sprite: "art/thing${i % 10}.svg"; at: (${16 + ((i * 37) % 608)}, ${40 + ((i * 53) % 300)}) }`);
  lines.push('}', 'fn wander(a, x1, x2, y) { while true { walk a to (x1, y); walk a to (x2, y) } }', 'on start {');
  for (let i = 0; i < 20; i++) lines.push(`  put a${i} in hall at (${20 + i * 30}, ${60 + i * 14})`);
  lines.push('  go hall');
  for (let i = 0; i < 20; i++) lines.push(`  spawn wander(a${i}, ${20 + (i % 5) * 10}, ${560 + (i % 4) * 15}, ${60 + i * 14})`);
  lines.push('}');
  files.set('cairn.json', JSON.stringify({ id: 'org.cairn.bench.crowd', title: 'Crowd', version: '1.0.0', author: 'bench', resolution: [640, 360], pixelArt: false }));
  files.set('scripts/game.adv', `${lines.join('\n')}\n`);
  files.set('assets/art/hall.svg', svg(640, 360, '#304050'));
  files.set('assets/art/walker.svg', `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32">${['#e04040', '#e08040', '#e0c040', '#80e040'].map((c, i) => `<rect x="${i * 16}" width="16" height="32" fill="${c}"/>`).join('')}</svg>`);
  for (let i = 0; i < 10; i++) files.set(`assets/art/thing${i}.svg`, svg(12 + i, 12 + i, `hsl(${i * 36} 70% 60%)`));
  return files;
}

/** A one-room game whose bundle is about 20 MB (a long noise track stays big after deflate). */
function heavyProject(): Map<string, string | Uint8Array> {
  const noise = wav(19.5 * 1024 * 1024 / 8000, 440);
  let seed = 12345;
  for (let i = 44; i < noise.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    noise[i] = seed >>> 24;
  }
  return new Map<string, string | Uint8Array>([
    ['cairn.json', JSON.stringify({ id: 'org.cairn.bench.heavy', title: 'Heavy', version: '1.0.0', author: 'bench', resolution: [640, 360], pixelArt: false })],
    ['scripts/game.adv', 'room big {\n  background: "art/big.svg"\n  music: "audio/long.wav"\n}\non start { go big }\n'],
    ['assets/art/big.svg', svg(640, 360, '#406080')],
    ['assets/audio/long.wav', noise],
  ]);
}

/** The font the two-language bundle brings, when the machine has it (Debian's fonts-dejavu-core). */
const BENCH_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/**
 * The 20 MB game in two languages: 2,000 lines with a French translation
 * each (a string table of about 200 KB), and a font for its text when the
 * machine has one. Played in French, the player reads that table and that
 * font; played in English, neither.
 */
function heavyTwoLanguageProject(): Map<string, string | Uint8Array> {
  const files = heavyProject();
  const lines = Array.from({ length: 2000 }, (_, i) => `  say "The fog rolls over stone number ${i} of the old harbour wall." #line_${i}`);
  files.set('cairn.json', JSON.stringify({
    id: 'org.cairn.bench.heavy2', title: 'Heavy, twice', version: '1.0.0', author: 'bench', resolution: [640, 360], pixelArt: false,
    languages: { default: 'en', offered: ['en', 'fr'], complete: ['fr'] },
    ...(existsSync(BENCH_FONT) ? { fonts: { speech: 'fonts/text.ttf', ui: 'fonts/text.ttf', dialog: 'fonts/text.ttf' } } : {}),
  }));
  files.set('scripts/game.adv', `room big {\n  background: "art/big.svg"\n  music: "audio/long.wav"\n}\non start {\n  go big\n  say "Fog." #first\n}\nfn all_lines() {\n${lines.join('\n')}\n}\n`);
  const po = ['msgid ""', 'msgstr ""', '"Language: fr\\n"', '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"', '"Content-Type: text/plain; charset=utf-8\\n"', '', 'msgctxt "first"', 'msgid "Fog."', 'msgstr "Brouillard."', ''];
  for (let i = 0; i < 2000; i++) po.push(`msgctxt "line_${i}"`, `msgid "The fog rolls over stone number ${i} of the old harbour wall."`, `msgstr "Le brouillard roule sur la pierre numéro ${i} du vieux mur du port."`, '');
  files.set('translations/fr.po', po.join('\n'));
  if (existsSync(BENCH_FONT)) files.set('assets/fonts/text.ttf', readFileSync(BENCH_FONT));
  return files;
}

/** Builds a project and exports it for the web with the CLI; returns the folder and the bundle's size. */
function exportProject(name: string, files: Map<string, string | Uint8Array>): { dir: string; bundleBytes: number } {
  const work = mkdtempSync(join(tmpdir(), `cairn-bench-${name}-`));
  writeProject(join(work, name), files);
  const out = join(work, 'web');
  execFileSync(process.execPath, [join(root, 'bin/cairn.js'), 'build', join(work, name), '-o', join(work, `${name}.cairn`), '--web', out], { stdio: 'pipe' });
  return { dir: out, bundleBytes: statSync(join(out, 'game.cairn')).size };
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const round = (n: number): number => Math.round(n * 100) / 100;

async function frameTime(browser: Browser, dir: string, seconds: number, size: [number, number]): Promise<Row[]> {
  const server = await serveFolder(dir);
  try {
    const page = await browser.newPage({ viewport: { width: size[0], height: size[1] } });
    await page.goto(server.url);
    await page.waitForFunction(() => (document.querySelector('cairn-player') as unknown as { ready: boolean } | null)?.ready === true, null, { timeout: 30_000 });
    const start = page.locator('cairn-player .start');
    if (await start.isVisible()) await start.click();
    await page.waitForTimeout(1500); // textures in, warm-up
    const stats = (await page.evaluate(async (ms) => {
      const el = document.querySelector('cairn-player') as unknown as { stats(): { frames: number; work: number[]; intervals: number[]; resolution: number } };
      const before = el.stats();
      const from = { frames: before.frames, work: before.work.length, intervals: before.intervals.length };
      await new Promise((ok) => setTimeout(ok, ms));
      const s = el.stats();
      return { frames: s.frames - from.frames, work: s.work.slice(-(s.frames - from.frames)), intervals: s.intervals.slice(-(s.frames - from.frames)), resolution: s.resolution };
    }, seconds * 1000)) as { frames: number; work: number[]; intervals: number[]; resolution: number };
    await page.close();
    const fps = stats.frames / seconds;
    const at = `${size[0]}×${size[1]}`;
    const capped = Number.isFinite(stats.resolution) ? `; dynamic resolution capped at ${stats.resolution}× (frames were slow)` : '';
    return [
      { name: `crowd room at ${at}: p95 frame work`, ms: round(percentile(stats.work, 95)), note: `200 sprites + 20 walking actors; median ${round(percentile(stats.work, 50))} ms; scene → Pixi → render() on the main thread; target < 8 ms` },
      { name: `crowd room at ${at}: p95 time between frames`, ms: round(percentile(stats.intervals, 95)), note: `median ${round(percentile(stats.intervals, 50))} ms (target: 60 fps held); ${round(fps)} frames drawn per second over ${seconds} s, each a new game state (the worker's ticks arrive with timer jitter)${capped}` },
    ];
  } finally {
    await server.close();
  }
}

async function firstFrame(browser: Browser, runs: number, twoLanguages = false): Promise<Row[]> {
  const { dir, bundleBytes } = twoLanguages ? exportProject('heavy2', heavyTwoLanguageProject()) : exportProject('heavy', heavyProject());
  const server = await serveFolder(dir);
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      // The two-language game is played in French: its string table and its font are read and loaded before the first frame counts.
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, ...(twoLanguages ? { locale: 'fr-FR' } : {}) });
      await page.goto(server.url);
      const at = await page.waitForFunction(() => (document.querySelector('cairn-player') as unknown as { stats(): { firstFrameAt: number | null } | null } | null)?.stats()?.firstFrameAt ?? null, null, { timeout: 30_000, polling: 10 });
      times.push((await at.jsonValue()) as number);
      await page.close();
    }
    const what = twoLanguages ? `, two languages played in French${existsSync(BENCH_FONT) ? ' with its own font' : ''}` : '';
    return [{ name: `page load → first frame, ${(bundleBytes / 1024 / 1024).toFixed(1)} MB bundle${what}`, ms: round(percentile(times, 50)), note: `median of ${runs}, loopback, from navigation start; target < 1000 ms` }];
  } finally {
    await server.close();
  }
}

/** Gzipped sizes of the built player's files, grouped. */
function sizes(): Row[] {
  const dir = join(root, 'dist/player-web');
  const groups = new Map<string, number>([['player', 0], ['worker', 0], ['pixi', 0], ['howler', 0]]);
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      // `cairn dev`'s page client is not part of what a game's page downloads.
      else if (/\.(js|css|html)$/.test(e.name) && !e.name.startsWith('cairn-dev')) {
        const gz = gzipSync(readFileSync(p), { level: 9 }).length;
        const group = e.name.includes('vendor-pixi') ? 'pixi' : e.name.includes('vendor-howler') ? 'howler' : e.name.includes('cairn-worker') ? 'worker' : 'player';
        groups.set(group, groups.get(group)! + gz);
      }
    }
  };
  walk(dir);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const ours = groups.get('player')! + groups.get('worker')!;
  const all = ours + groups.get('pixi')! + groups.get('howler')!;
  return [
    { name: 'player script size, gzipped (without PixiJS and Howler)', ms: NaN, note: `${kb(ours)}: element ${kb(groups.get('player')!)} + worker (runtime, interpreter, fflate) ${kb(groups.get('worker')!)}; target < 250 KB` },
    { name: 'PixiJS and Howler, gzipped', ms: NaN, note: `PixiJS ${kb(groups.get('pixi')!)}, Howler core ${kb(groups.get('howler')!)}; everything a page downloads: ${kb(all)}` },
  ];
}

/** Only the first-frame rows (one language and two), for measuring them alone: `node bench/first-frame.js`. */
export async function benchFirstFrame(options: { runs?: number } = {}): Promise<Row[]> {
  const browser = await launchChromium();
  try {
    const runs = Math.max(3, options.runs ?? 5);
    return [...(await firstFrame(browser, runs)), ...(await firstFrame(browser, runs, true))];
  } finally {
    await browser.close();
  }
}

/** The web player's rows for BENCHMARKS.md. */
export async function benchPlayer(options: { runs?: number; quick?: boolean } = {}): Promise<Row[]> {
  const rows = sizes();
  if (findChromium() === null) return [...rows, { name: 'browser figures', ms: NaN, note: 'skipped: no Chromium (set CHROMIUM_PATH, install chromium, or npm install for @sparticuz/chromium)' }];
  const browser = await launchChromium();
  try {
    const { dir } = exportProject('crowd', crowdProject());
    const seconds = options.quick ? 2 : 5;
    const frames = [...(await frameTime(browser, dir, seconds, [640, 468])), ...(await frameTime(browser, dir, seconds, [1280, 936]))];
    const runs = Math.max(3, options.runs ?? 5);
    rows.unshift(...frames, ...(await firstFrame(browser, runs)), ...(await firstFrame(browser, runs, true)));
    rows.push({ name: 'browser', ms: NaN, note: `headless Chromium ${browser.version()}: ${describeChromium()}` });
  } finally {
    await browser.close();
  }
  return rows;
}
