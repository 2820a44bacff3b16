// The dispatch loop and the fast tier keep their optimized code through a
// full GC and through opcodes they meet for the first time: a child process
// (support/gc-deopt-child.mjs) warms them on fresh VMs, as a host that makes
// a VM per game or restore does, and reads V8's optimization status
// (`--allow-natives-syntax`) after gc(), after running again, and after a
// program of opcodes the warm-up never ran. Before the shape keeper
// (interpreter/vm/shape-keeper.ts) `execute` lost its optimized code at the
// GC ("weak objects") and at the first map, point or native call.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPCODES_BY_CODE } from '../../../interpreter/bytecode/opcodes.js';
import { keeperModule } from '../../../interpreter/vm/shape-keeper.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

interface Scenario {
  warmed: boolean;
  afterGc: boolean;
  value: string;
  afterRun: boolean;
  rewarmed: boolean;
  newOpcodesValue: string;
  afterNewOpcodes: boolean;
}

interface Tables {
  warmed: boolean;
  afterGc: boolean[];
  value: string;
  afterRun: boolean[];
}

function runChild(): { interpreter: Scenario; fastTier: Scenario; tables: Tables } {
  const out = execFileSync(
    process.execPath,
    ['--allow-natives-syntax', '--expose-gc', '--import', here('./support/register-ts.mjs'), here('./support/gc-deopt-child.mjs')],
    { encoding: 'utf8', timeout: 120_000 },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as { interpreter: Scenario; fastTier: Scenario; tables: Tables };
}

describe('optimized code that V8 keeps', () => {
  const result = runChild();
  for (const [tier, what] of [['interpreter', '`execute`'], ['fastTier', "the fast tier's code for fib"]] as const) {
    it(`${what} stays optimized after a full GC with no game's VM alive, and after an opcode it never ran`, () => {
      const r = result[tier];
      // The warm-up got it optimized at all, and the runs computed the right values.
      expect(r.warmed).toBe(true);
      expect(r.rewarmed).toBe(true);
      expect(r.value).toBe('1830');
      expect(r.newOpcodesValue).toBe('8');
      expect({ afterGc: r.afterGc, afterRun: r.afterRun, afterNewOpcodes: r.afterNewOpcodes }).toEqual({ afterGc: true, afterRun: true, afterNewOpcodes: true });
    });
  }

  it("a map's key table and the memory walk stay optimized after a full GC with no table alive", () => {
    const { warmed, afterGc, value, afterRun } = result.tables;
    expect(warmed).toBe(true);
    expect(value).toBe('19900');
    // [KeyTable.prototype.find, KeyTable.prototype.insert, measureReachable]
    expect({ afterGc, afterRun }).toEqual({ afterGc: [true, true, true], afterRun: [true, true, true] });
  });
});

describe('the shape keeper', () => {
  it('runs every opcode the dispatch loop keeps, so none is new to the optimized loop', () => {
    const source = readFileSync(here('../../../interpreter/vm/dispatch.ts'), 'utf8');
    const kept = [...source.matchAll(/case (\d+) satisfies OpCode<'(\w+)'>/g)].map((m) => m[2]!);
    const run = new Set<string>();
    for (const fn of keeperModule().functions) {
      for (let pc = 0; pc < fn.code.length; ) {
        const info = OPCODES_BY_CODE[fn.code[pc]!]!;
        run.add(info.name);
        pc += 1 + info.operands.length;
      }
    }
    expect(kept.length).toBeGreaterThan(40);
    expect(kept.filter((name) => !run.has(name))).toEqual([]);
  });
});
