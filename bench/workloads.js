// The workload table: one row per benchmark, with its sizes, what it measures,
// the value every engine must compute and the target Cairn must meet. The
// sources live in bench/workloads/NAME.{adv,lua,js}; the compile workload's
// sources are generated (compile-source.js). Imports nothing from the engines.

import { readFileSync } from 'node:fs';
import { generateCairnScript, generateLuaScript } from './compile-source.js';

const PHI = (1 + Math.sqrt(5)) / 2;

/**
 * `target` says what Cairn must do against the peers (fengari, wasmoon, QuickJS):
 * - 'ahead': faster than the fastest peer (and so than every peer);
 * - 'faster': at least 5× faster than every peer;
 * - 'compile': faster than fengari (in MB/s), and at least 1 MB/s.
 * `size(scale)` gives the parameters for a scaled-down development run
 * (BENCH_SCALE); at scale 1 it returns `params`.
 */
export const WORKLOADS = [
  {
    id: 'fib',
    title: 'fib(27)',
    what: 'Recursive calls: `fib(n - 1) + fib(n - 2)`, 635,621 calls and returns at N = 27.',
    params: { N: 27 },
    size: (s) => ({ N: Math.max(5, 27 + Math.round(Math.log(s) / Math.log(PHI))) }),
    expected: ({ N }) => {
      let a = 0;
      let b = 1;
      for (let i = 0; i < N; i++) [a, b] = [b, a + b];
      return a;
    },
    target: 'ahead',
  },
  {
    id: 'loop',
    title: 'loop (10,000,000 iterations)',
    what: 'A counted loop: `acc = (acc + i*i) % 1000003` when `i % 3 == 0`, else `(acc + i) % 1000003`.',
    params: { N: 10_000_000 },
    size: (s) => ({ N: Math.max(1000, Math.round(10_000_000 * s)) }),
    expected: ({ N }) => {
      let acc = 0;
      for (let i = 0; i < N; i++) acc = i % 3 === 0 ? (acc + i * i) % 1000003 : (acc + i) % 1000003;
      return acc;
    },
    target: 'ahead',
  },
  {
    id: 'natives',
    title: 'natives (1,000,000 calls of `min(i, 2)`)',
    what: 'Calls from script into the host: Cairn\'s built-in `min`; for the peers, a JavaScript function registered into the Lua state or QuickJS context.',
    params: { N: 1_000_000 },
    size: (s) => ({ N: Math.max(1000, Math.round(1_000_000 * s)) }),
    expected: ({ N }) => (N <= 2 ? (N * (N - 1)) / 2 : 1 + 2 * (N - 2)),
    target: 'faster',
  },
  {
    id: 'threads',
    title: 'threads (1,000 threads × 1,000 yields)',
    what: 'Cooperative threads: Cairn threads ticked until none is left; Lua coroutines resumed round-robin by a Lua scheduler; JS generators resumed by a JS scheduler.',
    params: { T: 1000, Y: 1000 },
    size: (s) => ({ T: 1000, Y: Math.max(1, Math.round(1000 * s)) }),
    expected: ({ T, Y }) => T * Y,
    target: 'faster',
  },
  {
    id: 'strings',
    title: 'strings (200,000 strings into a list, joined)',
    what: 'String building: `push(parts, "{i},")` for every i, then `join(parts, "")` (Lua: `table.concat`; JS: `Array.prototype.join`); the length of the result.',
    params: { N: 200_000 },
    size: (s) => ({ N: Math.max(1000, Math.round(200_000 * s)) }),
    expected: ({ N }) => {
      let chars = 0;
      for (let i = 0; i < N; i++) chars += String(i).length + 1;
      return chars;
    },
    target: 'ahead',
  },
  {
    id: 'map',
    title: 'map (200,000 inserts + 200,000 lookups)',
    what: 'Maps with string keys: `m["k{i}"] = i` for every i, then the sum of `m["k{i}"]`.',
    params: { N: 200_000 },
    size: (s) => ({ N: Math.max(1000, Math.round(200_000 * s)) }),
    expected: ({ N }) => (N * (N - 1)) / 2,
    target: 'ahead',
  },
  {
    id: 'objects',
    title: 'objects (100,000 records × 100 frames)',
    what: 'Records with fixed fields: 100,000 maps `{x, y, vx, vy}` (Lua tables, JS objects), each moved `p.x = p.x + p.vx` and `p.y = p.y + p.vy` for 100 frames, then the sum of `x + y`.',
    params: { N: 100_000, F: 100 },
    size: (s) => ({ N: Math.max(1000, Math.round(100_000 * s)), F: 100 }),
    expected: ({ N, F }) => {
      let sum = 0;
      for (let i = 0; i < N; i++) sum += i + F * ((i % 7) - 3) + 2 * i + F * ((i % 5) - 2);
      return sum;
    },
    target: 'ahead',
  },
  {
    id: 'compile',
    title: 'compile (20,000 lines)',
    what: 'Compiling a generated 20,000-line script (functions with loops, branches, lists, maps, strings): Cairn parse + compile + encode vs the Lua compilers on a Lua script of the same shape.',
    params: { LINES: 20_000 },
    size: (s) => ({ LINES: Math.max(200, Math.round(20_000 * s)) }),
    expected: null,
    target: 'compile',
    compile: true,
  },
];

const EXTENSIONS = { cairn: 'adv', lua: 'lua', js: 'js' };

/** The workload's parameters at this scale. */
export function paramsAt(workload, scale) {
  return scale === 1 ? { ...workload.params } : workload.size(scale);
}

/**
 * The source of a workload in one language, with its parameters written in:
 * each parameter is declared once as `const NAME = 123` (Cairn, JS) or
 * `local NAME = 123` (Lua), and that number is replaced.
 */
export function sourceOf(workload, language, params) {
  if (workload.compile) {
    if (language === 'cairn') return generateCairnScript(params.LINES);
    if (language === 'lua') return generateLuaScript(params.LINES);
    return null;
  }
  const url = new URL(`./workloads/${workload.id}.${EXTENSIONS[language]}`, import.meta.url);
  let text = readFileSync(url, 'utf8');
  for (const [name, value] of Object.entries(params)) {
    const declaration = new RegExp(`^(\\s*(?:const|local)\\s+${name}\\s*=\\s*)[0-9_]+`, 'gm');
    const count = text.match(declaration)?.length ?? 0;
    if (count !== 1) throw new Error(`${workload.id}.${EXTENSIONS[language]}: expected one declaration of ${name}, found ${count}`);
    text = text.replace(declaration, `$1${value}`);
  }
  return text;
}

/** The file name a workload's source is reported under. */
export function fileOf(workload, language) {
  if (workload.compile) return `bench/generated/${workload.id}.${EXTENSIONS[language]}`;
  return `bench/workloads/${workload.id}.${EXTENSIONS[language]}`;
}
