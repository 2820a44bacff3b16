// Bundle benchmarks for `npm run bench`: build a project of 2,000 script lines
// and 200 MB of assets (made here, in a temp folder), then time bundle bytes →
// "ready to run", against unzipping the same archive fully with fflate.

import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { encodeModule } from '../interpreter/bytecode/binary.js';
import { compile } from '../interpreter/compiler/compile.js';
import { openBundle, sha256Hex, writeBundle, type BundleInput, type OpenOptions } from '../runtime/bundle/index.js';
import { loadGame } from '../runtime/game-loader.js';

/** One measured figure, as the bench harness prints it. */
export interface BenchResult {
  name: string;
  ms: number;
  note?: string;
}

/** What the bundle bench may be given; everything is optional. */
export interface BenchBundleOptions {
  /** Compiles the project's scripts (file name → text) to one module; without it the text stands in for bytecode. */
  compile?: (scripts: ReadonlyMap<string, string>) => Uint8Array;
  /** The bytecode verifier, run by the door as part of "ready". */
  verifyModule?: OpenOptions['verifyModule'];
  /** Shrinks the generated assets (200 MiB × scale) for quick runs; default 1. */
  scale?: number;
  /** Timed runs of each fast measurement, the median reported (default 7), after `warmup` untimed ones (default 1). */
  runs?: number;
  warmup?: number;
  /** The harness's timer (bench/measure.js): collects garbage between runs. */
  measure?: Measure;
}

/** Runs `fn` warmup times, then runs times; the median in ms. */
type Measure = (fn: () => unknown, options: { warmup: number; runs: number }) => Promise<{ ms: number }>;

const localMeasure: Measure = async (fn, { warmup, runs }) => {
  for (let i = 0; i < warmup; i++) fn();
  const times = Array.from({ length: runs }, () => time(fn)[0]).sort((a, b) => a - b);
  return { ms: times[times.length >> 1]! };
};

const MiB = 1024 * 1024;

/** Deterministic incompressible bytes (xorshift32, four bytes a step), like PNG or OGG data. */
function noise(length: number, seed: number): Uint8Array {
  const words = new Int32Array(Math.ceil(length / 4));
  let x = seed | 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x;
  }
  return new Uint8Array(words.buffer, 0, length);
}

/** A 16-bit mono tone with a little noise: compresses somewhat, like real WAV audio. */
function tone(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  const jitter = noise(length >> 1, seed);
  for (let i = 0; i + 1 < length; i += 2) {
    const sample = Math.round(9000 * Math.sin((i * (seed + 3)) / 400)) + (jitter[i >> 1]! & 15);
    out[i] = sample & 0xff;
    out[i + 1] = (sample >> 8) & 0xff;
  }
  return out;
}

/** 2,000 lines of Cairn script in 20 files: 12 rooms with an object each, and a function. */
function scripts(): Map<string, string> {
  const files = new Map<string, string>();
  for (let f = 0; f < 20; f++) {
    const lines = [`// Part ${f} of the bundle benchmark's game.`, `fn part_${f}(n) { return n * ${f} }`, '', ''];
    for (let r = 0; r < 12; r++) {
      lines.push(`room room_${f}_${r} {`, `  background: "rooms/room_${(f * 5 + r) % 100}.png"`, `  object thing_${f}_${r} {`, `    name: "thing ${r}"`);
      lines.push(`    on look { say "It is thing ${r} of room ${f}." }`, '  }', '}', '');
    }
    files.set(`scripts/part_${String(f).padStart(2, '0')}.adv`, lines.join('\n'));
  }
  return files;
}

/** What `cairn build` does with the scripts: compile them together, checking every asset they name. */
function compileScripts(sources: ReadonlyMap<string, string>, assets: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const { module } = compile([...sources].map(([file, text]) => ({ file, text })), { assetExists: (path) => assets.has(path), assetNames: () => [...assets.keys()] });
  return encodeModule(module);
}

/** Writes the project folder: cairn.json, scripts/, and `assetMiB` of mixed assets. */
function makeProject(root: string, assetMiB: number): void {
  writeFileSync(join(root, 'cairn.json'), JSON.stringify({ id: 'org.example.bench', title: 'Bench', version: '1.0.0', author: 'Cairn', resolution: [640, 360], pixelArt: false }));
  mkdirSync(join(root, 'scripts'));
  for (const [name, text] of scripts()) writeFileSync(join(root, name), text);
  for (const d of ['rooms', 'music', 'sounds', 'data']) mkdirSync(join(root, 'assets', d), { recursive: true });
  // 60% stored images, 20% stored music, 20% deflated WAV, plus small text files.
  const budget = assetMiB * MiB;
  for (let i = 0; i < 100; i++) writeFileSync(join(root, 'assets/rooms', `room_${i}.png`), noise(Math.floor((budget * 0.6) / 100), i + 1));
  for (let i = 0; i < 20; i++) writeFileSync(join(root, 'assets/music', `track_${i}.ogg`), noise(Math.floor((budget * 0.2) / 20), i + 101));
  for (let i = 0; i < 16; i++) writeFileSync(join(root, 'assets/sounds', `sfx_${i}.wav`), tone(Math.floor((budget * 0.2) / 16), i + 201));
  for (let i = 0; i < 50; i++) writeFileSync(join(root, 'assets/data', `dialog_${i}.json`), JSON.stringify({ lines: Array.from({ length: 200 }, (_, j) => `line ${j} of dialog ${i}`) }));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

/** What `cairn build` will do: read the folder, compile, pack. */
function build(root: string, options: BenchBundleOptions, sha256?: (b: Uint8Array) => string): Uint8Array {
  const sources = new Map([...scripts().keys()].map((name) => [name, readFileSync(join(root, name), 'utf8')]));
  const assets = new Map(walk(join(root, 'assets')).map((file) => [relative(join(root, 'assets'), file).split('\\').join('/'), new Uint8Array(readFileSync(file))]));
  const code = options.compile ? options.compile(sources) : compileScripts(sources, assets);
  const input: BundleInput = { id: 'org.example.bench', title: 'Bench', author: 'Cairn', version: '1.0.0', resolution: [640, 360], pixelArt: false, entry: 'game', modules: new Map([['game', code]]), assets };
  return writeBundle(input, { sha256 });
}

function time<T>(fn: () => T): [number, T] {
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
}

const mbps = (bytes: number, ms: number) => `${(bytes / MiB / (ms / 1000)).toFixed(0)} MiB/s`;

/** Runs the bundle benchmarks and cleans up after itself. */
export async function benchBundle(options: BenchBundleOptions = {}): Promise<BenchResult[]> {
  const assetMiB = Math.max(1, Math.round(200 * (options.scale ?? 1)));
  const runs = options.runs ?? 7;
  const warmup = options.warmup ?? 1;
  const measure = options.measure ?? localMeasure;
  const median = async (count: number, fn: () => unknown) => (await measure(fn, { warmup, runs: count })).ms;
  const root = mkdtempSync(join(tmpdir(), 'cairn-bench-bundle-'));
  const results: BenchResult[] = [];
  try {
    makeProject(root, assetMiB);
    const nodeSha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const [buildMs, bytes] = time(() => build(root, options));
    writeFileSync(join(root, 'game.cairn'), bytes);
    results.push({ name: `build: 2,000 lines + ${assetMiB} MiB assets`, ms: buildMs, note: `built-in SHA-256; bundle ${(bytes.length / MiB).toFixed(0)} MiB` });
    const [fastBuildMs, again] = time(() => build(root, options, nodeSha));
    results.push({ name: 'build, with node:crypto SHA-256', ms: fastBuildMs, note: `byte-identical to the first build: ${Buffer.compare(bytes, again) === 0 ? 'yes' : 'NO'}` });

    const file = new Uint8Array(readFileSync(join(root, 'game.cairn')));
    // Ready to run: the door's checks, then the bytecode decoded and verified (what the player does before the first tick).
    const open = () => (options.verifyModule ? openBundle(file, { verifyModule: options.verifyModule }) : loadGame(file).bundle);
    const readyMs = await median(runs, open);
    results.push({ name: 'bytes → ready to run (door + bytecode verified)', ms: readyMs, note: `median of ${runs}; target < 50 ms` });
    const unzipMs = await median(Math.min(runs, 3), () => unzipSync(file));
    results.push({ name: 'fflate unzipSync of the whole archive', ms: unzipMs, note: `${(unzipMs / readyMs).toFixed(0)}× the ready time` });

    const bundle = open();
    const png = bundle.assetPaths().find((p) => p.endsWith('.png'))!;
    const wav = bundle.assetPaths().find((p) => p.endsWith('.wav'))!;
    results.push({ name: `readAsset: stored PNG (${(bundle.readAsset(png).length / MiB).toFixed(1)} MiB)`, ms: await median(runs, () => bundle.readAsset(png)), note: 'copy + SHA-256' });
    results.push({ name: `readAsset: deflated WAV (${(bundle.readAsset(wav).length / MiB).toFixed(1)} MiB)`, ms: await median(runs, () => bundle.readAsset(wav)), note: 'inflate + SHA-256' });
    const [verifyMs] = time(() => bundle.verifyAll());
    results.push({ name: 'verifyAll: every asset (cairn inspect)', ms: verifyMs, note: mbps(assetMiB * MiB, verifyMs) });

    const sample = noise(64 * MiB, 99);
    const shaMs = await median(3, () => sha256Hex(sample));
    results.push({ name: 'built-in SHA-256 of 64 MiB', ms: shaMs, note: mbps(sample.length, shaMs) });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return results;
}
