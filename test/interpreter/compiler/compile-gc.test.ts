// The compiler keeps its optimized code through a full GC: a child process
// (support/compile-gc-child.mjs) warms the parser and the passes on one
// script, then compiles it once more after gc(), under V8's `--trace-opt
// --trace-deopt`. Before the parser's kept closure (syntax/parse.ts) and the
// kept pass objects (keep-alive.ts), that GC threw away the optimized code
// of ~70 compiler functions ("weak objects") and the compile after it
// optimized ~240 functions again, the parser's rules among them.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../interpreter/compiler/compile.js';
import { keptCount } from '../../../interpreter/keep-alive.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** What V8 reported in each part of the child's run, by the marker before it. */
function runChild(): Map<string, { optimized: string[]; thrownAway: string[] }> {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--trace-opt', '--trace-deopt', '--import', here('../vm/support/register-ts.mjs'), here('./support/compile-gc-child.mjs')],
    { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
  const parts = new Map<string, { optimized: string[]; thrownAway: string[] }>();
  let part = { optimized: [] as string[], thrownAway: [] as string[] };
  parts.set('warm-up', part);
  for (const line of out.split('\n')) {
    const marker = /^=== (.+)$/.exec(line);
    if (marker) parts.set(marker[1]!, (part = { optimized: [], thrownAway: [] }));
    const fn = /<(?:JSFunction|SharedFunctionInfo) ([^ >]+)/.exec(line)?.[1] ?? '?';
    if (/^\[completed optimizing/.test(line)) part.optimized.push(fn);
    if (/marking dependent code .* reason: weak objects/.test(line)) part.thrownAway.push(fn);
  }
  return parts;
}

describe('optimized compiler code that V8 keeps', () => {
  const parts = runChild();

  it('survives a full GC: nothing thrown away for weak objects, and the compile after it optimizes next to nothing again', () => {
    // The warm-up optimized the parser and the passes at all.
    expect(parts.get('warm-up')!.optimized.filter((f) => f.startsWith('peg$parse')).length).toBeGreaterThan(50);
    expect(parts.get('gc')!.thrownAway).toEqual([]);
    const again = parts.get('after gc')!.optimized;
    expect(again.length, again.join(' ')).toBeLessThan(30);
    expect(again.filter((f) => f.startsWith('peg$parse'))).toEqual([]);
  });
});

describe('what the compiler keeps alive', () => {
  it("is the keeper's few objects, made once, and nothing of the games it compiles", () => {
    const game = (n: number) => Array.from({ length: n }, (_, i) => `fn f${i}(a) {\n  if a > ${i} { return [a, {x: a}] }\n  return nil\n}`).join('\n\n') + '\n\non start { print f0(1) }\n';
    compile([{ file: 'scripts/a.adv', text: game(3) }]);
    compile([{ file: 'scripts/a.adv', text: game(3) }]);
    const kept = keptCount();
    expect(kept).toBeGreaterThan(5);
    expect(kept).toBeLessThan(100);
    for (let i = 0; i < 3; i++) compile([{ file: 'scripts/big.adv', text: game(500) }]);
    expect(keptCount()).toBe(kept);
  });
});
