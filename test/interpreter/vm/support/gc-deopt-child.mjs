// Child of gc-deopt.test.ts, run as `node --allow-natives-syntax --expose-gc
// --import ./register-ts.mjs gc-deopt-child.mjs`: warms the dispatch loop
// (and the fast tier's code for fib) on fresh VMs, the way a host that makes
// a VM per game or per restore does, then reports V8's optimization status
// of both after a full GC with no game's VM alive and after running again,
// then, warmed again, after a program with opcodes the warm-up never ran;
// and the same of a map's key table and the memory walk. Prints one JSON
// line.

import { compile } from '../../../../interpreter/compiler/compile.js';
import { execute } from '../../../../interpreter/vm/dispatch.js';
import { KeyTable } from '../../../../interpreter/vm/key-table.js';
import { measureReachable } from '../../../../interpreter/vm/memory.js';
import { VM } from '../../../../interpreter/vm/vm.js';

const WARM = `fn fib(n) {
  if n < 2 { return n }
  return fib(n - 1) + fib(n - 2)
}
on start {
  let t = 0
  for i in 0..3 {
    t += fib(15)
    yield
  }
  print t
}
`;
// Maps, lists, points, ranges, members, `for … in`, a call through a function value, a native, spawn, wait:
// none of them in WARM (each in its usual case: a map's member, a list walked).
const NEW_OPCODES = `fn twice(x) { return x * 2 }
fn idle() { wait 1 }
on start {
  let f = twice
  let m = {a: f(1), b: [1, 2]}
  let p = (3, 4)
  let r = 0..3
  let s = 0
  for v in m.b { s += v }
  spawn idle()
  yield
  print s + m.a + len(r)
}
`;

// A map of many names (a table, key-table.ts), and a memory walk while it is alive.
const TABLES = `on start {
  let m = {}
  for i in 0..200 { m["k{i}"] = i }
  let s = 0
  for i in 0..200 { s += m["k{i}"] }
  print s
}
`;

/** V8's OptimizationStatus bits (src/runtime/runtime.h). */
const TURBOFANNED = 1 << 6;
const optimized = (f) => (%GetOptimizationStatus(f) & TURBOFANNED) !== 0;

function runner(text, fastTier) {
  const module = compile([{ file: 'scripts/main.adv', text }]).module;
  let fib;
  const run = () => {
    const lines = [];
    const print = (l) => {
      vm.measureMemory();
      lines.push(l);
    };
    const vm = new VM(module, { fastTier, print, limits: { instructionsPerTick: Infinity } });
    vm.init();
    vm.startHandlers('start');
    while (vm.threadCount > 0) vm.tick();
    fib ??= vm.fastFns[vm.program.fns.findIndex((f) => f.name === 'fib')]?.run;
    return lines.at(-1);
  };
  return { run, fn: () => fib };
}

/** Runs `run` until `f()` stays optimized for 5 runs in a row (asking V8 to optimize it when it is not); false if it never does. */
function warm(run, f) {
  for (let i = 0; i < 30; i++) run();
  let streak = 0;
  for (let i = 0; i < 200 && streak < 5; i++) {
    if (!optimized(f())) {
      streak = 0;
      %OptimizeFunctionOnNextCall(f());
    } else streak++;
    run();
  }
  return streak >= 5;
}

function scenario(fastTier) {
  const warmRun = runner(WARM, fastTier);
  const hot = fastTier ? warmRun.fn : () => execute;
  const newRun = runner(NEW_OPCODES, fastTier).run;
  const result = { warmed: warm(warmRun.run, hot) };
  gc();
  result.afterGc = optimized(hot());
  result.value = warmRun.run();
  result.afterRun = optimized(hot());
  result.rewarmed = warm(warmRun.run, hot);
  result.newOpcodesValue = newRun();
  result.afterNewOpcodes = optimized(hot());
  return result;
}

/** The table's lookup and the memory walk after a full GC with no game's VM (so no table) alive, and after running again. */
function tables() {
  const { run } = runner(TABLES, true);
  const hot = [KeyTable.prototype.find, KeyTable.prototype.insert, measureReachable];
  const result = { warmed: hot.every((f) => warm(run, () => f)) };
  gc();
  result.afterGc = hot.map(optimized);
  result.value = run();
  result.afterRun = hot.map(optimized);
  return result;
}

console.log(JSON.stringify({ interpreter: scenario(false), fastTier: scenario(true), tables: tables() }));
