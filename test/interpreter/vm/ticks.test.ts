// The one tick rate: seconds and ticks convert through interpreter/vm/ticks.ts,
// `wait` in a script agrees with it, and no other file of the product defines
// a tick rate of its own.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../interpreter/compiler/compile.js';
import { secondsToTicks, TICKS_PER_SECOND, ticksToSeconds } from '../../../interpreter/vm/ticks.js';
import { VM } from '../../../interpreter/vm/vm.js';
import { sourceFiles } from '../../architecture/import-graph.js';

const ROOT = join(import.meta.dirname, '../../..');

describe('game time', () => {
  it('converts seconds to the nearest whole tick and back', () => {
    expect(TICKS_PER_SECOND).toBe(60);
    expect(secondsToTicks(1.5)).toBe(90);
    expect(secondsToTicks(0.01)).toBe(1);
    expect(secondsToTicks(0.001)).toBe(0);
    expect(ticksToSeconds(90)).toBe(1.5);
  });

  it('is what `wait SECONDS` sleeps', () => {
    const lines: string[] = [];
    const src = compile([{ file: 'w.adv', text: 'fn main() {\n  wait 0.5\n  print "woke"\n}\n' }]).module;
    const run = new VM(src, { print: (l) => lines.push(l) });
    run.spawn(src.functions.findIndex((f) => f.name === 'main'));
    let ticks = 0;
    while (!lines.includes('woke') && ticks < 1000) (run.tick(), ticks++);
    // The tick that spawns it runs it up to the wait; it wakes 30 ticks later.
    expect(ticks).toBe(secondsToTicks(0.5) + 1);
  });

  it('is defined in one file only', () => {
    const defining = ['interpreter', 'runtime', 'player'].flatMap((d) => sourceFiles(ROOT, d)).filter((f) => /\bTICKS_PER_SECOND\s*=/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(defining).toEqual(['interpreter/vm/ticks.ts']);
  });
});
