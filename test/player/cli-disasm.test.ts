// `cairn disasm` of a bundle as a user runs it (the built CLI, a real ZIP):
// the functions with the lines of their line table, never the ZIP's bytes
// read as a script; `.adv` files still show their source lines.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCairn } from '../support/cli.js';

let dir: string;
const SCRIPT = 'room shore { }\non start {\n  go shore\n  print "hello"\n}\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cairn-disasm-'));
  mkdirSync(join(dir, 'game', 'scripts'), { recursive: true });
  writeFileSync(join(dir, 'game', 'cairn.json'), JSON.stringify({ id: 'org.example.disasm', title: 'Disasm', version: '1.2.3', author: 'Test', resolution: [640, 360], pixelArt: false }));
  writeFileSync(join(dir, 'game', 'scripts', 'main.adv'), SCRIPT);
  expect(runCairn(['build', join(dir, 'game'), '-o', join(dir, 'game.cairn')]).code).toBe(0);
});

describe('cairn disasm', () => {
  it('prints a bundle\'s functions with the lines of their line table', () => {
    const r = runCairn(['disasm', join(dir, 'game.cairn')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`; bundle org.example.disasm 1.2.3 (${join(dir, 'game.cairn')}): no source inside, lines from the line table`);
    expect(r.stdout).toMatch(/^fn on start #\d+ {2}arity 0 .* file scripts\/main\.adv$/m);
    expect(r.stdout).toMatch(/^ {2}; line 3$/m);
    expect(r.stdout).toMatch(/CALL_NATIVE.*; go/);
    expect(r.stdout).not.toContain('PK');
  });

  it('knows a bundle by its ZIP signature under any name, and refuses a damaged one with its code', () => {
    writeFileSync(join(dir, 'renamed.bin'), readFileSync(join(dir, 'game.cairn')));
    expect(runCairn(['disasm', join(dir, 'renamed.bin')]).stdout).toMatch(/^; bundle org\.example\.disasm/);
    const bytes = readFileSync(join(dir, 'game.cairn'));
    writeFileSync(join(dir, 'cut.cairn'), bytes.subarray(0, bytes.length - 30));
    const cut = runCairn(['disasm', join(dir, 'cut.cairn')]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/\[BUNDLE_[A-Z_]+\]/);
  });

  it('still shows script files under their source lines', () => {
    writeFileSync(join(dir, 'main.adv'), SCRIPT);
    const r = runCairn(['disasm', join(dir, 'main.adv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('; 4 | print "hello"');
  });
});
