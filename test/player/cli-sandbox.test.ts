// The sandbox's promises through the commands, run as a user would: a hostile
// game or file stops with exit 1 and a sentence — no stack trace — in bounded
// time and peak memory, measured with GNU time (the bounds only catch a
// runaway; speeds live in the bench).

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCairnMeasured } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cairn-sandbox-cli-'));

/** Writes a one-file script and returns its path. */
function script(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** A refusal as a person sees it: exit 1, a sentence naming the code, no JS stack trace. */
function expectRefusal(r: ReturnType<typeof runCairnMeasured>, code: string, maxSeconds = 30, maxMb = 600): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toContain(`[${code}]`);
  expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n|internal error/);
  expect(r.seconds).toBeLessThan(maxSeconds);
  expect(r.peakMb).toBeLessThan(maxMb);
}

describe('case 1: a native on a huge string cannot hold the first tick', () => {
  it('`cairn run` of the upper() loop stops at its line with BUDGET_EXCEEDED', () => {
    const path = script('upper.adv', 'on start {\n  let s = "x"\n  while len(s) < 4000000 { s = s + s }\n  while true {\n    let n = len(upper(s))\n  }\n}\n');
    const r = runCairnMeasured(['run', path]);
    expectRefusal(r, 'BUDGET_EXCEEDED');
    expect(r.stderr).toMatch(/upper\.adv:5:\d+: error: the scripts did more than 5000000 steps of work in one tick without waiting \(in the handler `on start`, line 5\)/);
  });
});
