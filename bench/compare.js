// Before and after: times the VM workloads and the runtime tick of two Cairn
// checkouts in one process, interleaved (which goes first alternates each
// round), so a change's cost is read as a ratio on the same machine at the
// same moment. Used for the "no workload slower than 5 %" checks in
// BENCHMARKS.md.
//
// Run:   node bench/compare.js BEFORE_DIR      (both checkouts built: dist/ present)
//   BEFORE_DIR   another checkout of Cairn, e.g. `git worktree add /tmp/before <commit>`
//                then `npm ci && npm run build` there
// Environment:
//   COMPARE_ROUNDS=15      timed rounds per workload (the tick gets three times as many)
//   BENCH_ONLY=fib,map     only these workloads
//   COMPARE_NO_TICK=1      skip the runtime tick
// Prints one line per workload: before ms, after ms, after ÷ before (CPU time,
// medians). Exit code 1 when either checkout computes a wrong value.

import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WORKLOADS, paramsAt, sourceOf } from './workloads.js';
import { importTypeScript } from './ts-import.js';

const AFTER = resolve(fileURLToPath(import.meta.url), '../..');
const beforeArg = process.argv[2];
if (!beforeArg) {
  console.error('usage: node bench/compare.js BEFORE_DIR');
  process.exit(2);
}
const BEFORE = resolve(beforeArg);
const ROUNDS = Number(process.env.COMPARE_ROUNDS ?? 15);
const only = process.env.BENCH_ONLY?.split(',');
const sides = /** @type {const} */ (['before', 'after']);
const dirs = { before: BEFORE, after: AFTER };

/** The median of a list of numbers. */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU milliseconds that `run` takes. */
function cpuMs(run) {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, value };
}

/** Runs `step(side)` for both sides, ROUNDS times, alternating which goes first. */
function interleave(rounds, step) {
  const times = { before: [], after: [] };
  for (let r = 0; r < rounds; r++) for (const side of r % 2 === 0 ? sides : [...sides].reverse()) times[side].push(step(side));
  return times;
}

/** One output line. */
function report(label, times, digits) {
  const [b, a] = [median(times.before), median(times.after)];
  console.log(`${label.padEnd(10)} ${b.toFixed(digits).padStart(10)} ${a.toFixed(digits).padStart(10)} ${(a / b).toFixed(3).padStart(7)}`);
}

const engines = {};
for (const side of sides) engines[side] = await (await import(pathToFileURL(`${dirs[side]}/bench/cairn-engine.js`).href)).open();
console.log(`before ${BEFORE}\nafter  ${AFTER}\n${'workload'.padEnd(10)} ${'before ms'.padStart(10)} ${'after ms'.padStart(10)} ${'ratio'.padStart(7)}`);
let wrong = false;
for (const w of WORKLOADS) {
  if (w.compile || (only && !only.includes(w.id))) continue;
  const params = paramsAt(w, 1);
  const source = sourceOf(w, 'cairn', params);
  if (!source) continue;
  const expected = String(w.expected(params));
  const runs = {};
  for (const side of sides) {
    runs[side] = engines[side].prepare(source, `${w.id}.adv`);
    runs[side](); // warm-up
  }
  const times = interleave(ROUNDS, (side) => {
    const { ms, value } = cpuMs(runs[side]);
    if (String(value) !== expected) {
      console.error(`${side}: ${w.id} gave ${value}, expected ${expected}`);
      wrong = true;
    }
    return ms;
  });
  report(w.id, times, 1);
}
if (!process.env.COMPARE_NO_TICK) {
  const games = {};
  for (const side of sides) games[side] = (await importTypeScript(pathToFileURL(`${dirs[side]}/bench/runtime.ts`).href)).busyRoom();
  const times = interleave(ROUNDS * 3, (side) => {
    const { ms } = cpuMs(() => {
      for (let i = 0; i < 100; i++) games[side].tick();
    });
    return ms / 100;
  });
  report('tick', times, 4);
}
process.exit(wrong ? 1 : 0);
