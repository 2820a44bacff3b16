// The benchmark harness: runs each workload (bench/workloads.js) in Cairn and
// in its peers in one process, checks every result, prints medians and writes
// BENCHMARKS.md. Plain ESM against dist/, so `node bench/run.js` needs a build.
//
// Run:   npm run bench                  (build, then everything at full size)
//        node bench/run.js              (against the current dist/)
// Environment:
//   BENCH_RUNS=5         timed runs per engine and workload (median reported)
//   BENCH_QUICK=1        one timed run and no warm-up
//   BENCH_SCALE=0.1      shrink every workload (development; the report says so)
//   BENCH_ONLY=fib,map   only these workloads / plug-in sections (ids below)
//   BENCH_ENGINES=cairn,js,fengari,wasmoon,quickjs   only these engines
//   BENCH_OUT=FILE      write the report there instead of BENCHMARKS.md
//   BENCH_GC=0          skip the section that times Cairn on each workload (both
//                       tiers, and the interpreter alone) with and without a full
//                       GC (gc()) before every timed run, in side-by-side pairs
//                       (at least 9), with the median of the pairs' ratios:
//                       optimized code that a GC throws away shows there
//
// Workloads (sources side by side in bench/workloads/NAME.{adv,lua,js}):
//   fib      recursive fib(27): calls and returns
//   loop     10,000,000 iterations of arithmetic, % and a branch
//   natives  1,000,000 calls of a host function, min(i, 2)
//   threads  1,000 threads each yielding 1,000 times (Cairn threads, Lua
//            coroutines, JS generators; the scheduler is the VM's tick or
//            guest code)
//   strings  200,000 strings pushed into a list, then joined
//   map      200,000 string-key inserts, then 200,000 lookups
//   objects  100,000 records {x, y, vx, vy} moved 100 frames (maps with fixed
//            keys; Lua tables; JS objects)
//   compile  a generated 20,000-line script (Cairn; Lua of the same shape)
// Engines: Cairn (bench/cairn-engine.js), plain JS in V8 (the limit), and the
// peers in bench/peers/: fengari, wasmoon, QuickJS.
//
// Exit code 1 when an engine computes a wrong value or fails; missed targets
// are reported, not fatal.

import { existsSync } from 'node:fs';
import { cpus, totalmem, loadavg, platform, arch } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WORKLOADS, paramsAt, sourceOf, fileOf } from './workloads.js';
import { evaluateTargets } from './targets.js';
import { measure, median } from './measure.js';
import { writeReport, formatMs } from './report.js';
import { importTypeScript } from './ts-import.js';
import * as cairnEngine from './cairn-engine.js';
import * as plainJs from './peers/plain-js.js';
import * as fengari from './peers/fengari.js';
import * as wasmoon from './peers/wasmoon.js';
import * as quickjs from './peers/quickjs.js';

/** Engines, in report order; `label` is the short name tables use (the engine adds its version). */
const ENGINES = [
  { id: 'cairn', label: 'Cairn', module: cairnEngine },
  { id: 'js', label: 'plain JS', module: plainJs },
  { id: 'fengari', label: 'fengari', module: fengari },
  { id: 'wasmoon', label: 'wasmoon', module: wasmoon },
  { id: 'quickjs', label: 'quickjs', module: quickjs },
];

/**
 * Other bench modules plug in here: each file, when it exists, exports an
 * async function (given { runs, warmup, scale, measure }) that returns rows
 * `{ name, ms, note? }`; they are printed and reported in their own section.
 * `.ts` modules are loaded through bench/ts-import.js.
 */
const SECTIONS = [
  { id: 'bundle', title: 'Bundles', file: './bundle.ts', export: 'benchBundle' },
  { id: 'pathfinding', title: 'Pathfinding', file: './pathfinding.ts', export: 'benchPathfinding' },
  { id: 'runtime', title: 'Adventure runtime', file: './runtime.ts', export: 'benchRuntime' },
  { id: 'player', title: 'Web player', file: './player.ts', export: 'benchPlayer' },
  { id: 'lsp', title: 'Language server', file: './lsp.ts', export: 'benchLsp' },
];

const root = fileURLToPath(new URL('..', import.meta.url));

function readOptions(env) {
  const list = (value) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
  const quick = env.BENCH_QUICK === '1';
  const runs = quick ? 1 : Number(env.BENCH_RUNS ?? 5);
  const scale = Number(env.BENCH_SCALE ?? 1);
  if (!(Number.isInteger(runs) && runs >= 1)) throw new Error(`BENCH_RUNS must be a positive integer, not ${env.BENCH_RUNS}`);
  if (!(scale > 0 && scale <= 1)) throw new Error(`BENCH_SCALE must be in (0, 1], not ${env.BENCH_SCALE}`);
  return {
    quick,
    runs,
    warmup: quick ? 0 : 1,
    scale,
    only: list(env.BENCH_ONLY),
    gcMode: env.BENCH_GC !== '0',
    engines: list(env.BENCH_ENGINES),
    out: env.BENCH_OUT ?? `${root}BENCHMARKS.md`,
  };
}

function machine() {
  let commit = 'unknown';
  try {
    const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    commit = git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain') ? ' (with uncommitted changes)' : '');
  } catch {
    // not a git checkout: leave it unknown
  }
  const cores = cpus();
  return {
    date: new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
    cpu: cores[0]?.model.trim() ?? 'unknown CPU',
    cores: cores.length,
    memoryGb: (totalmem() / 2 ** 30).toFixed(1),
    platform: `${platform()} ${arch()}`,
    load: loadavg().map((l) => l.toFixed(2)).join(' '),
    node: process.versions.node,
    commit,
  };
}

async function openEngines(options) {
  const engines = [];
  for (const { id, label, module } of ENGINES) {
    if (options.engines && !options.engines.includes(id)) continue;
    try {
      const opened = await module.open();
      engines.push(opened.unavailable ? { id, name: label, label, unavailable: opened.unavailable } : Object.assign(opened, { name: label }));
    } catch (error) {
      engines.push({ id, name: label, label, unavailable: `failed to start: ${error.message}`, failed: true });
    }
  }
  return engines;
}

/** Measures one engine on one workload: a row for the report. */
async function runOne(engine, workload, params, expected, options) {
  if (engine.unavailable) return { status: 'unavailable', message: engine.unavailable };
  const source = sourceOf(workload, engine.language, params);
  if (source === null || (workload.compile && !engine.prepareCompile)) return undefined;
  const file = fileOf(workload, engine.language);
  try {
    const loadStart = performance.now();
    const run = workload.compile ? engine.prepareCompile(source, file) : engine.prepare(source, file);
    const prepareMs = performance.now() - loadStart;
    const { ms, times, value } = await measure(run, options);
    if (workload.compile) {
      const bytes = Buffer.byteLength(source, 'utf8');
      const lines = source.split('\n').length - 1;
      return { status: 'ok', ms, times, prepareMs, bytes, lines, mbPerS: bytes / 1e6 / (ms / 1000) };
    }
    if (value !== expected) return { status: 'mismatch', value, expected, ms, times };
    return { status: 'ok', ms, times, value, prepareMs };
  } catch (error) {
    return { status: 'error', message: error?.message ?? String(error) };
  }
}

function printRow(workload, engine, row) {
  const name = `${workload.id.padEnd(8)} ${engine.id.padEnd(8)}`;
  if (row.status !== 'ok') {
    const detail = row.status === 'mismatch' ? `got ${row.value}, expected ${row.expected}` : row.message.split('\n')[0];
    console.log(`${name} ${row.status.toUpperCase()}: ${detail}`);
    return;
  }
  const extra = workload.compile ? `  ${row.mbPerS.toFixed(2)} MB/s (${(row.bytes / 1e6).toFixed(2)} MB)` : '';
  const times = row.times.length > 1 ? `  [${row.times.map(formatMs).join(' ')}]` : '';
  console.log(`${name} ${formatMs(row.ms).padStart(9)} ms${extra}${times}`);
}

async function runSection(section, options) {
  const url = new URL(section.file, import.meta.url);
  const source = `bench/${section.file.slice(2)}`;
  try {
    const module = url.pathname.endsWith('.ts') ? await importTypeScript(url.href) : await import(url.href);
    const bench = module[section.export];
    if (typeof bench !== 'function') throw new Error(`${source} does not export ${section.export}()`);
    const rows = await bench({ runs: options.runs, warmup: options.warmup, scale: options.scale, measure });
    if (!Array.isArray(rows)) throw new Error(`${section.export}() returned ${typeof rows}, not an array of rows`);
    for (const row of rows) console.log(`${section.id.padEnd(12)} ${String(row.name).padEnd(50)} ${formatMs(row.ms).padStart(9)} ms  ${row.note ?? ''}`);
    return { title: section.title, source, rows };
  } catch (error) {
    console.log(`${section.id.padEnd(12)} ERROR: ${error?.message ?? error}`);
    return { title: section.title, source, rows: [], error: error?.message ?? String(error) };
  }
}

/** Pairs (a run with a full GC first, one without) per workload in the GC section, at least. */
const GC_PAIRS = 9;

/**
 * Cairn on every selected workload, timed in alternation with and without a
 * full GC before each run (same prepared program, same process), so a GC that
 * costs the VM its optimized code shows as a ratio above 1.
 */
async function gcSection(engines, options) {
  const cairn = engines.find((e) => e.id === 'cairn' && !e.unavailable);
  const rows = [];
  if (!cairn) return { title: 'Full GC before every run', source: 'bench/run.js (BENCH_GC=0 skips it)', rows, error: 'Cairn not available' };
  for (const workload of WORKLOADS) {
    if (workload.compile || (options.only && !options.only.includes(workload.id))) continue;
    for (const [label, fastTier] of [['Cairn', undefined], ['Cairn, interpreter only', false]]) {
      const run = cairn.prepare(sourceOf(workload, 'cairn', paramsAt(workload, options.scale)), fileOf(workload, 'cairn'), { fastTier });
      const timed = { gc: [], noGc: [] };
      for (let i = 0; i < options.warmup; i++) run();
      // Side by side in pairs, the order alternating: a process's speed drifts between runs (where V8 placed
      // the objects, the machine), and a pair shares its moment, so the median of the pairs' ratios is the
      // GC's own cost; the ratio of the two medians is printed beside it.
      const pairs = Math.max(options.runs, GC_PAIRS);
      for (let i = 0; i < pairs; i++) {
        const order = i % 2 === 0 ? [false, true] : [true, false];
        for (const gc of order) (gc ? timed.gc : timed.noGc).push(...(await measure(run, { warmup: 0, runs: 1, gc })).times);
      }
      const gc = median(timed.gc);
      const noGc = median(timed.noGc);
      const paired = median(timed.gc.map((t, i) => t / timed.noGc[i]));
      const note = `no GC: ${formatMs(noGc)} ms; ratio ${paired.toFixed(2)}× (median of ${pairs} side-by-side pairs; ratio of the medians ${(gc / noGc).toFixed(2)}×)`;
      const row = { name: `${workload.id}: ${label}, full GC before every run`, ms: gc, note };
      console.log(`gc           ${row.name.padEnd(62)} ${formatMs(row.ms).padStart(9)} ms  ${row.note}`);
      rows.push(row);
    }
  }
  return { title: 'Full GC before every run', source: 'bench/run.js (BENCH_GC=0 skips it)', rows };
}

async function main() {
  const options = readOptions(process.env);
  const meta = machine();
  console.log(`Cairn benchmarks: ${meta.cpu}, ${meta.cores} cores, Node ${meta.node}; ${options.warmup} warm-up + ${options.runs} runs, scale ${options.scale}`);
  const engines = await openEngines(options);
  for (const e of engines.filter((e) => e.unavailable)) console.log(`${e.id}: ${e.unavailable}`);
  let failed = engines.some((e) => e.failed);

  const results = [];
  for (const workload of WORKLOADS) {
    if (options.only && !options.only.includes(workload.id)) continue;
    const params = paramsAt(workload, options.scale);
    const expected = workload.expected?.(params);
    const rows = {};
    for (const engine of engines) {
      const row = await runOne(engine, workload, params, expected, options);
      if (row === undefined) continue;
      rows[engine.id] = row;
      if (row.status !== 'unavailable') printRow(workload, engine, row);
      if (row.status === 'mismatch' || row.status === 'error') failed = true;
    }
    const targets = evaluateTargets(workload, rows);
    for (const t of targets.filter((t) => t.met === false)) console.log(`${workload.id.padEnd(8)} target missed: ${t.text}`);
    results.push({ workload, params, expected, rows, targets });
  }

  const sections = [];
  if (options.gcMode) sections.push(await gcSection(engines, options));
  for (const section of SECTIONS) {
    if (options.only && !options.only.includes(section.id)) continue;
    if (!existsSync(new URL(section.file, import.meta.url))) continue;
    const result = await runSection(section, options);
    if (result.error) failed = true;
    sections.push(result);
  }

  for (const engine of engines) engine.close?.();
  writeReport(options.out, { meta, options, engines, results, sections });
  console.log(`Wrote ${options.out}`);
  if (failed) {
    console.log('Some engines failed or computed wrong values (see above).');
    process.exitCode = 1;
  }
}

await main();
