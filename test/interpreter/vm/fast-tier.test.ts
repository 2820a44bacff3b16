// The fast tier (interpreter/vm/fast/) against the interpreter: every
// language test and a few hundred generated programs give the same
// transcript, the same error at the same place with the same calling frames,
// and charge the same work to the budget tick by tick; which functions may
// run fast is decided from their bytecode; limits hit inside fast code read
// as they do in the interpreter.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../interpreter/compiler/compile.js';
import { BUILTIN_NATIVES } from '../../../interpreter/vm/builtins.js';
import { nativeSpecs, type NativeDef } from '../../../interpreter/vm/native-table.js';
import { VM } from '../../../interpreter/vm/vm.js';
import { randomProgram } from './support/random-programs.js';
import { bothTiers } from './support/tiers.js';

const LANG_DIR = join(import.meta.dirname, '../../lang');

function advFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return advFiles(path);
      return name.endsWith('.adv') ? [path] : [];
    });
}

/** True when `text` compiles (the language tests of compile errors have nothing to run). */
function compiles(text: string): boolean {
  try {
    compile([{ file: 'scripts/main.adv', text }]);
    return true;
  } catch {
    return false;
  }
}

/** Which functions of `text` the fast tier compiled, by name. */
function fastNames(text: string, options: ConstructorParameters<typeof VM>[1] = {}): string[] {
  const vm = new VM(compile([{ file: 'scripts/main.adv', text }]).module, options);
  return vm.fastFns.flatMap((f, i) => (f === undefined ? [] : [vm.program.fns[i]!.name]));
}

describe('the fast tier gives what the interpreter gives', () => {
  const programs = advFiles(LANG_DIR).filter((p) => compiles(readFileSync(p, 'utf8')));
  let fastSeen = 0;
  for (const path of programs) {
    it(`test/lang/${path.slice(LANG_DIR.length + 1)}`, () => {
      const { slow, fast, fastFunctions } = bothTiers(readFileSync(path, 'utf8'));
      fastSeen += fastFunctions;
      expect(fast).toEqual(slow);
    });
  }
  it('and the language tests do run in it', () => {
    expect(fastSeen).toBeGreaterThan(programs.length);
  });

  it('on 300 generated programs, under budgets and depths small enough to be hit', () => {
    let errors = 0;
    let budgetErrors = 0;
    let fastFunctions = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomProgram(seed);
      const limits = [{}, { instructionsPerTick: 300 + (seed % 7) * 211 }, { maxCallDepth: 3 }][seed % 3]!;
      const run = bothTiers(text, limits, 50);
      expect(run.fast, `seed ${seed}:\n${text}`).toEqual(run.slow);
      fastFunctions += run.fastFunctions;
      if (run.slow.error) errors++;
      if (run.slow.error?.code === 'BUDGET_EXCEEDED') budgetErrors++;
    }
    // The comparison means something only if both ran fast code, clean runs and failures.
    expect(fastFunctions).toBeGreaterThan(300);
    expect(errors).toBeGreaterThan(30);
    expect(errors).toBeLessThan(270);
    expect(budgetErrors).toBeGreaterThan(5);
  });
});

describe('saves are the same whichever tier ran', () => {
  /** A VM of `text`'s module with its `on start` started. */
  const started = (text: string, fastTier: boolean): VM => {
    const vm = new VM(compile([{ file: 'scripts/main.adv', text }]).module, { seed: 3, fastTier, print: () => {}, onError: () => {} });
    vm.init();
    vm.startHandlers('start');
    return vm;
  };
  it('tick by tick, a snapshot of a run with fast code is the bytes of the interpreter\'s, and each tier resumes the other\'s', () => {
    // Threads that wait, calling functions that cannot: their waiting frames are the interpreter's, the calls fast.
    const text = [
      'var total = 0',
      'fn step(n) {',
      '  let acc = {sum: 0, items: []}',
      '  for i in 0..n { acc.sum += i % 7\n push(acc.items, "{i}") }',
      '  return acc',
      '}',
      'fn worker(k) {',
      '  for round in 0..6 {',
      '    let r = step(k + round)',
      '    total += r.sum + len(r.items)',
      '    wait k % 3 + 1',
      '  }',
      '}',
      'on start {',
      '  for k in 0..5 { spawn worker(k) }',
      '  while total < 10000 { yield\n total += 1 }',
      '}',
    ].join('\n');
    expect(fastNames(text)).toContain('step');
    expect(fastNames(text)).not.toContain('worker');
    const fast = started(text, true);
    const slow = started(text, false);
    for (let t = 0; t < 40 && slow.threadCount > 0; t++) {
      fast.tick();
      slow.tick();
      const bytes = slow.snapshot();
      expect(fast.snapshot()).toEqual(bytes);
      // Either tier carries on from the other's save.
      if (t % 10 === 5) {
        const module = compile([{ file: 'scripts/main.adv', text }]).module;
        const a = VM.fromSnapshot(module, fast.snapshot(), { seed: 3, fastTier: false, print: () => {} });
        const b = VM.fromSnapshot(module, bytes, { seed: 3, fastTier: true, print: () => {} });
        for (let i = 0; i < 5; i++) {
          a.tick();
          b.tick();
        }
        expect(b.snapshot()).toEqual(a.snapshot());
        expect(b.getGlobal('total')).toBe(a.getGlobal('total'));
      }
    }
    expect(fast.getGlobal('total')).toBe(slow.getGlobal('total'));
  });
});

describe('which functions run in the fast tier', () => {
  it('those that cannot suspend, and the threads that run only them', () => {
    const text = [
      'fn pure(n) { return n * 2 }',
      'fn calls_pure(n) { return pure(n) + 1 }',
      'fn waits() { wait 1 }',
      'fn calls_waits() { waits() }',
      'fn says() { yield }',
      'fn through_value(f) { return f(1) }',
      'on start { print calls_pure(1) }',
      'on look { calls_waits() }',
    ].join('\n');
    expect(fastNames(text).sort()).toEqual(['<init>', 'calls_pure', 'on start', 'pure']);
  });
  it('a blocking native keeps its caller in the interpreter', () => {
    const text = 'fn ask() { return prompt() }\nfn sum(a, b) { return a + b }\non start { print sum(1, 2) }';
    const prompt: NativeDef = { name: 'prompt', params: [], blocking: true, doc: 'waits for the host', fn: () => null };
    const module = compile([{ file: 'scripts/main.adv', text }], { natives: nativeSpecs([...BUILTIN_NATIVES, prompt]) }).module;
    const vm = new VM(module, { natives: [prompt] });
    const names = vm.fastFns.flatMap((f, i) => (f === undefined ? [] : [vm.program.fns[i]!.name]));
    expect(names).toContain('sum');
    expect(names).not.toContain('ask');
  });
  it('none with a debugger listening, or when turned off', () => {
    const text = 'fn pure(n) { return n * 2 }\non start { print pure(1) }';
    expect(fastNames(text)).toContain('pure');
    expect(fastNames(text, { onLine: () => {} })).toEqual([]);
    expect(fastNames(text, { onDebug: () => {} })).toEqual([]);
    expect(fastNames(text, { fastTier: false })).toEqual([]);
  });
});

describe('limits inside fast code', () => {
  const nested = ['fn spin(n) {', '  let i = 0', '  while true {', '    i += n', '  }', '}', 'fn outer() { return spin(1) }', 'on start {', '  outer()', '}'].join('\n');

  it('BUDGET_EXCEEDED names the loop line, the function and its callers', () => {
    const { slow, fast } = bothTiers(nested, { instructionsPerTick: 5000 });
    expect(fast).toEqual(slow);
    expect(fast.error?.code).toBe('BUDGET_EXCEEDED');
    expect(fast.error?.place).toBe('scripts/main.adv:3:3');
    expect(fast.error?.message).toContain('(in the function `spin`, line 3)');
    expect(fast.error?.notes).toEqual(['called from `outer` @ scripts/main.adv:7:21', 'called from `on start` @ scripts/main.adv:9:3']);
  });
  it('CALL_DEPTH_EXCEEDED comes at the same depth', () => {
    const text = 'fn down(n) {\n  return down(n + 1)\n}\non start {\n  down(0)\n}';
    for (const maxCallDepth of [5, 512]) {
      const { slow, fast } = bothTiers(text, { maxCallDepth });
      expect(fast).toEqual(slow);
      expect(fast.error?.code).toBe('CALL_DEPTH_EXCEEDED');
      expect(fast.error?.place).toBe('scripts/main.adv:2:10');
    }
  });
  it('a host that calls in with little JS stack left gets CALL_DEPTH_EXCEEDED, not an internal error', () => {
    const vm = new VM(compile([{ file: 'scripts/main.adv', text: 'fn down(n) {\n  return down(n + 1) + 1\n}\non start { print down(0) }' }]).module, { print: () => {} });
    expect(vm.fastFns.filter((f) => f !== undefined).length).toBeGreaterThan(0);
    vm.init();
    vm.startHandlers('start');
    // How deep this test may recurse, then the tick from most of that depth.
    let room = 0;
    const probe = (n: number): number => ((room = n), probe(n + 1) + 1);
    try {
      probe(0);
    } catch {
      // a full stack
    }
    let error: unknown;
    const nest = (n: number): number => {
      if (n > 0) return nest(n - 1) + 1;
      try {
        vm.tick();
      } catch (e) {
        error = e;
      }
      return 0;
    };
    nest(room - 3000);
    expect((error as { code?: string }).code).toBe('CALL_DEPTH_EXCEEDED');
    expect((error as { span?: { source: string } }).span?.source).toBe('scripts/main.adv');
  });
  it('calls deeper than the JS stack allows run on in the interpreter, with the same results, errors and work', () => {
    const text = ['fn down(n, limit) {', '  if n == limit { return 1 / (limit - 3000) }', '  let m = {n: n}', '  return down(n + 1, limit) + m.n % 3', '}', 'on start {', '  print down(0, 2500)', '  print down(0, 3000)', '}'].join('\n');
    const { slow, fast, fastFunctions } = bothTiers(text, { maxCallDepth: 5000 });
    expect(fastFunctions).toBeGreaterThan(0);
    expect(fast).toEqual(slow);
    expect(fast.output).toEqual(['2498.998']);
    expect(fast.error?.code).toBe('DIVIDE_BY_ZERO');
    expect(fast.error?.notes).toHaveLength(8);
    const endless = bothTiers('fn down(n) {\n  return down(n + 1) + 1\n}\non start { print down(0) }', { maxCallDepth: 5000 });
    expect(endless.fast).toEqual(endless.slow);
    expect(endless.fast.error?.message).toBe('calls are nested more than 5000 deep');
  });
  it('MEMORY_EXCEEDED counts what fast frames hold in their locals', () => {
    const text = ['fn grow() {', '  let keep = []', '  for i in 0..100000 {', '    push(keep, "item {i}")', '  }', '  return len(keep)', '}', 'on start { print grow() }'].join('\n');
    const { slow, fast } = bothTiers(text, { maxMemory: 1 << 20 });
    expect(fast).toEqual(slow);
    expect(fast.error?.code).toBe('MEMORY_EXCEEDED');
  });
  it('a run-time error deep in fast calls names its line and every caller', () => {
    const text = ['fn c(m) { return m.missing }', 'fn b(m) { return c(m) + 1 }', 'fn a() { return b({k: 1}) }', 'on start { print a() }'].join('\n');
    const { slow, fast } = bothTiers(text);
    expect(fast).toEqual(slow);
    expect(fast.error?.code).toBe('KEY_NOT_FOUND');
    expect(fast.error?.place).toBe('scripts/main.adv:1:20');
    expect(fast.error?.notes).toHaveLength(3);
  });
  it('a native that runs script code inside fast code (vm.call) leaves the outer run as it was', () => {
    let vmRef: VM | undefined;
    const twice: NativeDef = { name: 'twice', params: ['int'], blocking: false, doc: 'calls `inner` twice through the VM', fn: (a) => (vmRef!.call(vmRef!.program.fnIndex.get('inner')!, [a[0]!]) as number) + (vmRef!.call(vmRef!.program.fnIndex.get('inner')!, [a[0]!]) as number) };
    const text = ['var g = 0', 'fn inner(n) {', '  let s = 0', '  for i in 0..n { s += i }', '  g += 1', '  return 10 / (n - 3)', '}', 'fn outer(n) {', '  let t = 0', '  for i in 0..n { t += twice(i) + g }', '  return t', '}', 'on start {', '  print outer(3)', '  print outer(5)', '}'].join('\n');
    const records = [false, true].map((fastTier) => {
      const output: string[] = [];
      const module = compile([{ file: 'scripts/main.adv', text }], { natives: nativeSpecs([...BUILTIN_NATIVES, twice]) }).module;
      const vm = new VM(module, { natives: [twice], fastTier, print: (l) => output.push(l), onError: (e) => output.push(`${e.code} ${e.message} @ ${e.span?.start.line}`) });
      vmRef = vm;
      expect(vm.fastFns[vm.program.fnIndex.get('outer')!] !== undefined).toBe(fastTier);
      vm.init();
      vm.startHandlers('start');
      vm.tick();
      return { output, work: vm.workDone, g: vm.getGlobal('g') };
    });
    expect(records[1]).toEqual(records[0]);
    expect(records[0]!.output[0]).toBe('-24.666666666666668');
    expect(records[0]!.output[1]).toMatch(/^DIVIDE_BY_ZERO .* @ 6$/);
  });
  it('a native that stops its own thread ends it at once, as in the interpreter', () => {
    let vmRef: VM | undefined;
    const halt: NativeDef = { name: 'halt', params: [], blocking: false, doc: 'stops the calling thread', fn: (_, ctx) => (vmRef!.stop(ctx.threadId), null) };
    const text = 'fn work() {\n  print "before"\n  halt()\n  print "after"\n  return 1\n}\non start {\n  work()\n  print "not reached"\n}';
    for (const fastTier of [false, true]) {
      const output: string[] = [];
      const module = compile([{ file: 'scripts/main.adv', text }], { natives: nativeSpecs([...BUILTIN_NATIVES, halt]) }).module;
      const vm = new VM(module, { natives: [halt], fastTier, print: (l) => output.push(l) });
      vmRef = vm;
      expect(vm.fastFns[vm.program.fnIndex.get('work')!] !== undefined).toBe(fastTier);
      vm.init();
      vm.startHandlers('start');
      vm.tick();
      expect(output).toEqual(['before']);
      expect(vm.threadCount).toBe(0);
    }
  });
});

describe('translated text in fast code', () => {
  const text = [
    'fn gulls(n) {',
    '  let i = 0',
    '  let line = ""',
    '  while i < n {',
    '    i += 1',
    '    line = plural(i, "One gull.", "{i} gulls.")',
    '  }',
    '  return line',
    '}',
    'fn odd(x) {',
    '  let i = 0',
    '  while i < 2 { i += 1 }',
    '  return plural(x, "One.", "{x} of them.")',
    '}',
    'on start {',
    '  print gulls(1)',
    '  print gulls(3)',
    '  yield',
    '  print gulls(3)',
    '  print odd("many")',
    '}',
  ].join('\n');
  const { module, strings } = compile([{ file: 'scripts/main.adv', text }]);
  const idOf = (source: string): string => strings.find((s) => s.text === source)!.id;

  /** Runs the program in one tier, in French with `entries`, switching to German after the first tick. */
  function run(fastTier: boolean): { output: string[]; error?: string; fast: string[] } {
    const output: string[] = [];
    let error: string | undefined;
    const vm = new VM(module, { fastTier, print: (l) => output.push(l), onError: (e) => (error = `${e.code} ${e.message} @ ${e.span?.start.line}`) });
    vm.texts.set('fr', { [idOf('One gull.')]: ['{i} mouette.', '{i} mouettes.', '{i} mouettes.'] });
    vm.init();
    vm.startHandlers('start');
    vm.tick();
    vm.texts.set('de', { [idOf('One gull.')]: ['Eine Möwe.', '{i} Möwen.'] });
    while (vm.threadCount > 0) vm.tick();
    return { output, error, fast: vm.fastFns.flatMap((f, i) => (f === undefined ? [] : [vm.program.fns[i]!.name])) };
  }

  it('a function that cannot suspend runs TEXT in the fast tier, in the language current at the time, as the interpreter does', () => {
    const fast = run(true);
    expect(fast.fast).toEqual(expect.arrayContaining(['gulls', 'odd']));
    expect(fast.output).toEqual(['1 mouette.', '3 mouettes.', '3 Möwen.']);
    expect(fast.error).toMatch(/^BAD_ARGUMENT .* @ 13$/);
    const slow = run(false);
    expect(slow.fast).toEqual([]);
    expect(fast.output).toEqual(slow.output);
    expect(fast.error).toEqual(slow.error);
  });
});
