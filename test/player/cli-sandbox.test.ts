// The sandbox's promises through the commands, run as a user would: a hostile
// game or file stops with exit 1 and a sentence — no stack trace — in bounded
// time and peak memory, measured with GNU time (the bounds only catch a
// runaway; speeds live in the bench).

import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
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

describe('case 2: the memory ceiling sees everything a game holds', () => {
  const heap = ['--max-old-space-size=1024'];
  it('lists kept in an entity property are counted: MEMORY_EXCEEDED at the line, not V8 dying', () => {
    const path = script('props.adv', 'room hall { }\nobject box { name: "box"; store: [] }\non start {\n  go hall\n  cutscene {\n    let s = "x"\n    while len(s) < 100000 { s = s + s }\n    while true {\n      let t = upper(s)\n      push(box.store, t)\n      yield\n    }\n  }\n}\n');
    const r = runCairnMeasured(['run', path], { nodeArgs: heap });
    expectRefusal(r, 'MEMORY_EXCEEDED', 60, 400);
    expect(r.stderr).toMatch(/props\.adv:9:\d+: error: the script holds about 64 MiB of data, over the limit of 64 MiB \(in the handler `on start`, line 9\)/);
  });
  it('deep recursions of a function with many locals across many threads are counted', () => {
    const locals = Array.from({ length: 200 }, (_, i) => `  let a${i} = n + ${i}`).join('\n');
    const sum = Array.from({ length: 200 }, (_, i) => `a${i}`).join(' + ');
    const path = script('deep.adv', `fn deep(n) {\n${locals}\n  if n > 0 { deep(n - 1) } else { wait 1000000 }\n  return ${sum}\n}\n\non start {\n  for k in 0..5000 {\n    spawn deep(500)\n    if k % 20 == 0 { yield }\n  }\n}\n`);
    const r = runCairnMeasured(['run', path], { nodeArgs: heap });
    expectRefusal(r, 'MEMORY_EXCEEDED', 60, 400);
    expect(r.stderr).toMatch(/over the limit of 64 MiB \(in the function `deep`, line 202\)/);
  });
});

describe('case 6: reads are bounded — only regular files, size checked before reading', () => {
  it('`cairn inspect /dev/zero` is refused at once', () => {
    const r = runCairnMeasured(['inspect', '/dev/zero']);
    expectRefusal(r, 'IO', 10, 200);
    expect(r.stderr).toMatch(/`\/dev\/zero` is not a regular file, so it is not a game file\./);
  });
  it('a script that is a device, and a walkthrough that is one, are refused at once', () => {
    expectRefusal(runCairnMeasured(['run', '/dev/zero']), 'IO', 10, 200);
    const bundle = join(dir, 'none.cairn');
    writeFileSync(bundle, 'not a bundle');
    const r = runCairnMeasured(['test', dir, '/dev/zero']);
    expect(r.code).toBe(1);
    expect(r.seconds).toBeLessThan(30);
    expect(r.peakMb).toBeLessThan(400);
  });
  it('a game file larger than a bundle may be is refused from its size, unread', () => {
    const path = join(dir, 'huge.cairn');
    writeFileSync(path, '');
    truncateSync(path, 3 * 1024 * 1024 * 1024); // sparse
    const r = runCairnMeasured(['inspect', path]);
    expectRefusal(r, 'IO', 10, 200);
    expect(r.stderr).toMatch(/holds 3221225472 bytes, more than a game file may/);
  });
});

describe('case 7: guest text reaches the terminal escaped', () => {
  const CSI = '\u009b';
  const RLO = '\u202e';
  it('titles, entry names, printed lines and failure messages escape C0/C1 controls and bidi overrides', () => {
    const project = join(dir, 'evil');
    mkdirSync(join(project, 'scripts'), { recursive: true });
    mkdirSync(join(project, 'tests'), { recursive: true });
    mkdirSync(join(project, 'assets'), { recursive: true });
    writeFileSync(join(project, 'cairn.json'), JSON.stringify({ id: 'org.example.evil', title: `Evil${CSI}2J${RLO}txt`, version: '1.0.0', author: 'A', resolution: [640, 360], pixelArt: false }));
    writeFileSync(join(project, `assets/n${RLO}ame.txt`), 'x');
    writeFileSync(join(project, 'scripts/main.adv'), `room hall { }\nactor hero { name: "Hero" }\non start {\n  put hero in hall at (10, 10)\n  go hall\n  print "clear${CSI}2J and ${RLO}reversed\u001b[31m"\n  say "line${CSI}1A"\n}\n`);
    writeFileSync(join(project, 'tests/evil.walk'), `expect said "nothing like this ${CSI}"\n`);
    const bundle = join(dir, 'evil.cairn');
    const built = runCairnMeasured(['build', project, '-o', bundle]);
    expect(built.code, built.stderr).toBe(0);
    const outputs = [runCairnMeasured(['inspect', bundle]), runCairnMeasured(['inspect', bundle, '--json']), runCairnMeasured(['run', bundle]), runCairnMeasured(['test', project])];
    for (const r of outputs) {
      const all = r.stdout + r.stderr;
      expect(all).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]|\u001b\[31m/);
    }
    const [inspect, json, run, test] = outputs;
    expect(inspect!.stdout).toContain('Evil\\x9b2J\\u202etxt 1.0.0 by A');
    expect(inspect!.stdout).toContain('assets/n\\u202eame.txt');
    expect(JSON.parse(json!.stdout).manifest.title).toBe(`Evil${CSI}2J${RLO}txt`); // JSON escapes, read back exactly
    expect(run!.stdout).toContain('clear\\x9b2J and \\u202ereversed\\x1b[31m');
    expect(test!.code).toBe(1);
    expect(test!.stdout).toContain('nothing like this \\x9b');
  });
});
