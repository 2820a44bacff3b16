// The `cairn` command as a user runs it: the built CLI in a child process,
// checking exit codes, stdout and what a person reads on stderr.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCairn } from '../support/cli.js';


const cairn = (args: string[]) => runCairn(args);

function script(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-cli-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('cairn CLI', () => {
  it('prints help listing its commands', () => {
    const r = cairn(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: cairn <command>');
    expect(r.stdout).toMatch(/run\s+run scripts or a bundle headless/);
    expect(r.stdout).toMatch(/disasm/);
  });

  it('rejects an unknown command with exit 1', () => {
    const r = cairn(['frobnicate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown command `frobnicate`');
  });

  it('runs a script and prints its transcript', () => {
    const path = script('hello.adv', 'fn add(a, b) { return a + b }\non start {\n  print "sum {add(2, 3)}"\n  wait 1\n  print "later"\n}\n');
    const r = cairn(['run', path]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('sum 5\nlater\n');
    expect(r.code).toBe(0);
  });

  it('gives the same random numbers for the same seed', () => {
    const path = script('dice.adv', 'on start {\n  let xs = []\n  for i in 0..10 { push(xs, random(1, 100)) }\n  print xs\n}\n');
    const a = cairn(['run', path, '--seed', '7']);
    const b = cairn(['run', path, '--seed', '7']);
    const c = cairn(['run', path, '--seed', '8']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
  });

  it('reports a syntax error with file:line:col and a code frame', () => {
    const path = script('broken.adv', 'on start {\n  let x = (1 +\n}\n');
    const r = cairn(['run', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.adv:\d+:\d+: error: /);
    expect(r.stderr).toContain('^');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no JS stack trace
  });

  it('reports several compile errors at once with hints', () => {
    const path = script('names.adv', 'var lamp = 1\non start {\n  print lampp\n  counter = 2\n}\n');
    const r = cairn(['run', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('names.adv:3:9');
    expect(r.stderr).toContain('did you mean `lamp`?');
    expect(r.stderr).toContain('names.adv:4:3');
  });

  for (const [name, text, code] of [
    ['loop.adv', 'on start {\n  while true { }\n}\n', 'BUDGET_EXCEEDED'],
    ['recursion.adv', 'fn f(n) { return f(n + 1) }\non start {\n  f(0)\n}\n', 'CALL_DEPTH_EXCEEDED'],
    ['string.adv', 'on start {\n  let s = "ab"\n  while true { s = s + s }\n}\n', 'MEMORY_EXCEEDED'],
    ['list.adv', 'on start {\n  let xs = [1]\n  while true { xs = xs + xs; yield }\n}\n', 'MEMORY_EXCEEDED'],
  ] as const) {
    it(`stops a hostile script (${name}) with ${code}, exit 1, within seconds`, () => {
      const started = Date.now();
      const r = cairn(['run', script(name, text)]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`[${code}]`);
      expect(r.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}:\\d+:\\d+`));
      expect(r.stderr).not.toMatch(/RangeError|\n\s+at /);
      expect(Date.now() - started).toBeLessThan(20_000);
    });
  }

  it('disassembles a script with its source lines', () => {
    const path = script('dis.adv', 'fn twice(x) {\n  return x * 2\n}\non start { print twice(4) }\n');
    const r = cairn(['disasm', path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('twice');
    expect(r.stdout).toContain('MUL');
    expect(r.stdout).toContain('return x * 2');
  });

  it('says which option is wrong', () => {
    const r = cairn(['run', '--seed', 'abc', 'x.adv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--seed needs a whole number');
  });

  it('says when a file does not exist', () => {
    const r = cairn(['run', 'no/such/file.adv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('There is no file `no/such/file.adv`');
  });
});
