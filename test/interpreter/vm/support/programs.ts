// A multi-thread program for snapshot tests: threads spawned with arguments,
// timed waits, yields, a blocking host native, random numbers, a list shared
// by a global and another thread's local, and a map that contains itself.
// Also the tiny host that drives it, so a child process can run it the same way.

import { assemble } from '../../../../interpreter/bytecode/assemble.js';
import type { Module } from '../../../../interpreter/bytecode/module.js';
import type { NativeDef } from '../../../../interpreter/vm/native-table.js';
import { VM, type VMOptions } from '../../../../interpreter/vm/vm.js';

/** `say(text)`: blocks its thread; the host answers three ticks later (see step()). */
export const SAY: NativeDef = {
  name: 'say', params: ['string'], blocking: true, doc: 'say(text): a line that takes three ticks',
  fn: (args, ctx) => ctx.block({ text: args[0] as string, until: ctx.tick + 3, ['__proto__']: 'plain key' }),
};

// globals
const SHARED = 0, CYC = 1, DONE = 2;
// natives
const PUSH = 0, RANDOM = 1, LEN = 2, SAY_N = 3;
// constants
const C = ['a', 'b', 'main ', ' ', 'watch ', 'loop', 'name', 'self', 'main done', 'main heard ', 'cyc ', 20];

/** The program: `on start` is function 0. */
export function snapshotProgram(): Module {
  return assemble({
    files: ['scripts/snap.adv'],
    constants: C,
    globals: [{ name: 'shared', constant: false }, { name: 'cyc', constant: false }, { name: 'done_count', constant: false }],
    natives: ['push', 'random', 'len', 'say'],
    init: 3,
    handlers: [{ owner: '', event: 'start', fn: 0 }],
    functions: [
      {
        name: 'on start', locals: 3,
        code: [
          ['LIST', 0], ['SET_GLOBAL', SHARED],
          // cyc = {name: "loop"}; cyc.self = cyc
          ['CONST', 6], ['CONST', 5], ['MAP', 1], ['SET_GLOBAL', CYC], ['GET_GLOBAL', CYC], ['GET_GLOBAL', CYC], ['MEMBER_SET', 7],
          ['CONST', 0], ['INT', 3], ['SPAWN', 1, 2], ['POP'],
          ['CONST', 1], ['INT', 5], ['SPAWN', 1, 2], ['POP'],
          ['GET_GLOBAL', SHARED], ['SPAWN', 2, 1], ['POP'],
          // for i in 0..8 { push(shared, random(1, 100)); print "main {i} {len(shared)}"; wait 2 ticks }
          ['INT', 0], ['SET_LOCAL', 0], ['INT', 8], ['SET_LOCAL', 1],
          'loop:',
          ['GET_GLOBAL', SHARED], ['INT', 1], ['INT', 100], ['CALL_NATIVE', RANDOM, 2], ['CALL_NATIVE', PUSH, 2], ['POP'],
          ['CONST', 2], ['GET_LOCAL', 0], ['CONST', 3], ['GET_GLOBAL', SHARED], ['CALL_NATIVE', LEN, 1], ['CONCAT', 4], ['PRINT'],
          ['INT', 2], ['WAIT_TICKS'],
          ['FOR_RANGE', 0, 'loop'],
          ['CONST', 8], ['CALL_NATIVE', SAY_N, 1], ['SET_LOCAL', 2],
          ['CONST', 9], ['GET_LOCAL', 2], ['CONCAT', 2], ['PRINT'],
          ['RETURN_NIL'],
        ],
      },
      {
        // fn worker(name, period) { for i in 0..6 { push(shared, "{name}{i}"); print "{name} {i} {random(1, 6)}"; wait period ticks }; done_count += 1 }
        name: 'worker', arity: 2, locals: 4,
        code: [
          ['INT', 0], ['SET_LOCAL', 2], ['INT', 6], ['SET_LOCAL', 3],
          'loop:',
          ['GET_GLOBAL', SHARED], ['GET_LOCAL', 0], ['GET_LOCAL', 2], ['CONCAT', 2], ['CALL_NATIVE', PUSH, 2], ['POP'],
          ['GET_LOCAL', 0], ['CONST', 3], ['GET_LOCAL', 2], ['CONST', 3], ['INT', 1], ['INT', 6], ['CALL_NATIVE', RANDOM, 2], ['CONCAT', 5], ['PRINT'],
          ['GET_LOCAL', 1], ['WAIT_TICKS'],
          ['FOR_RANGE', 2, 'loop'],
          ['GET_GLOBAL', DONE], ['ADD_INT', 1], ['SET_GLOBAL', DONE],
          ['RETURN_NIL'],
        ],
      },
      {
        // fn watcher(list) { print "cyc {cyc.self.self.name}"; while true { n = len(list); print "watch {n} {list}"; if n >= 20 { return }; yield } }
        name: 'watcher', arity: 1, locals: 2,
        code: [
          ['CONST', 10], ['GET_GLOBAL', CYC], ['MEMBER_GET', 7], ['MEMBER_GET', 7], ['MEMBER_GET', 6], ['CONCAT', 2], ['PRINT'],
          'top:',
          ['GET_LOCAL', 0], ['CALL_NATIVE', LEN, 1], ['SET_LOCAL', 1],
          ['CONST', 4], ['GET_LOCAL', 1], ['CONST', 3], ['GET_LOCAL', 0], ['CONCAT', 4], ['PRINT'],
          ['GET_LOCAL', 1], ['CONST', 11], ['JUMP_UNLESS_GE', 'again'], ['RETURN_NIL'],
          'again:', ['YIELD'], ['JUMP', 'top'],
        ],
      },
      { name: '<init>', code: [['INT', 0], ['SET_GLOBAL', DONE], ['RETURN_NIL']] },
    ],
  });
}

/** VM options for the program, printing into `lines`. */
export function programOptions(lines: string[]): VMOptions {
  return { seed: 1234, natives: [SAY], print: (l) => lines.push(l) };
}

/** One host step: a tick, then answer every `say` whose time has come (the host keeps no state of its own). */
export function step(vm: VM): void {
  vm.tick();
  for (const t of vm.threads()) {
    if (t.wait.kind === 'native' && t.wait.native === 'say') {
      const reason = t.wait.reason as { text: string; until: number };
      if (vm.tickCount >= reason.until) vm.resume(t.id, `ok: ${reason.text}`);
    }
  }
}

/** Steps until no thread is left. */
export function finish(vm: VM, maxSteps = 1000): void {
  for (let i = 0; vm.threadCount > 0 && i < maxSteps; i++) step(vm);
}
