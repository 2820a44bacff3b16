// Runs one program twice — every function in the interpreter, then with the
// fast tier on — and records everything a player or host could observe of a
// run: the transcript, the error (code, message, place, calling frames), and
// the work charged to the budget in each tick. The fast tier is right when
// the two records are equal.

import { compile } from '../../../../interpreter/compiler/compile.js';
import { isCairnError } from '../../../../interpreter/errors.js';
import type { Limits } from '../../../../interpreter/vm/memory.js';
import { VM } from '../../../../interpreter/vm/vm.js';

/** What one run showed. */
export interface RunRecord {
  output: string[];
  /** Budget units used in each tick, in order. */
  work: number[];
  error?: { code: string; message: string; place: string; notes: string[]; threadId?: number };
  threadsLeft: number;
}

/** The record of running `text`'s `on start` until no thread is left (or `maxTicks`), one tier or the other; also how many functions ran fast. */
export function runTier(text: string, fastTier: boolean, limits: Partial<Limits> = {}, maxTicks = 200): RunRecord & { fastFunctions: number } {
  const module = compile([{ file: 'scripts/main.adv', text }]).module;
  const output: string[] = [];
  const work: number[] = [];
  let error: RunRecord['error'];
  const vm = new VM(module, {
    seed: 7,
    limits,
    fastTier,
    print: (line) => output.push(line),
    onError: (e, threadId) => {
      error ??= describe(e, threadId);
    },
  });
  try {
    vm.init();
    vm.startHandlers('start');
    for (let i = 0; i < maxTicks && vm.threadCount > 0; i++) {
      vm.tick();
      work.push(vm.workDone);
    }
  } catch (e) {
    if (!isCairnError(e)) throw e;
    error ??= describe(e);
  }
  return { output, work, error, threadsLeft: vm.threadCount, fastFunctions: vm.fastFns.filter((f) => f !== undefined).length };
}

function describe(e: unknown, threadId?: number): NonNullable<RunRecord['error']> {
  if (!isCairnError(e)) throw e;
  const where = (s: typeof e.span) => (s === undefined ? '?' : `${s.source}:${s.start.line}:${s.start.column}`);
  return { code: e.code, message: e.message, place: where(e.span), notes: e.notes.map((n) => `${n.message} @ ${where(n.span)}`), threadId };
}

/** Runs `text` in both tiers and returns both records (without the fast-function count, so they can be compared whole). */
export function bothTiers(text: string, limits: Partial<Limits> = {}, maxTicks = 200): { slow: RunRecord; fast: RunRecord; fastFunctions: number } {
  const { fastFunctions: _none, ...slow } = runTier(text, false, limits, maxTicks);
  const { fastFunctions, ...fast } = runTier(text, true, limits, maxTicks);
  return { slow, fast, fastFunctions };
}
