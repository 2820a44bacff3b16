// `cairn build --json` and `cairn test --json` as an editor or CI reads them:
// one JSON object on stdout whose diagnostics carry file, range, code,
// severity, message, hint and notes — stable field names — and exit 1 when
// anything failed. The built CLI in a child process.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCairn } from '../support/cli.js';

function project(script: string, walks: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-json-'));
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'tests'));
  writeFileSync(join(dir, 'cairn.json'), JSON.stringify({ id: 'org.example.json', title: 'Json', version: '1.0.0', author: 'Test', resolution: [640, 360], pixelArt: false }));
  writeFileSync(join(dir, 'scripts', 'main.adv'), script);
  for (const [name, text] of Object.entries(walks)) writeFileSync(join(dir, 'tests', name), text);
  return dir;
}

describe('cairn build --json', () => {
  it('reports an error with its file, range, code, severity, message, hint and notes, and exits 1', () => {
    const dir = project('var lamp = 1\non start {\n  print lampp\n}\n');
    const r = runCairn(['build', dir, '--json', '-o', join(dir, 'out.cairn')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      output: null,
      diagnostics: [
        {
          file: 'scripts/main.adv',
          range: { start: { line: 3, column: 9 }, end: { line: 3, column: 14 } },
          code: 'UNKNOWN_NAME',
          severity: 'error',
          message: '`lampp` is not declared.',
          hint: 'did you mean `lamp`?',
          notes: [],
        },
      ],
    });
  });

  it('reports warnings and the bundle it wrote when the build succeeds', () => {
    const dir = project('room shore { }\non start {\n  let unused = 1\n  go shore\n}\n');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'notes.txt'), 'hello');
    const r = runCairn(['build', dir, '--json', '-o', join(dir, 'out.cairn')]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(true);
    expect(json.output).toBe(join(dir, 'out.cairn'));
    expect(json.diagnostics.map((d: { code: string; severity: string; file: string | null }) => [d.code, d.severity, d.file])).toEqual([
      ['UNUSED_LOCAL', 'warning', 'scripts/main.adv'],
      ['UNUSED_ASSET', 'warning', null],
    ]);
  });
});

describe('cairn test --json', () => {
  it('lists each walkthrough and each failure as a diagnostic at the walkthrough line', () => {
    const dir = project('room shore { }\nroom hut { }\non start { go shore }\n', { 'a.walk': 'expect room shore\n', 'b.walk': 'expect room shore\nexpect room hut\n' });
    const r = runCairn(['test', dir, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(json.walkthroughs).toEqual([
      { file: 'tests/a.walk', passed: true, stopped: false, steps: 1, ticks: expect.any(Number) },
      { file: 'tests/b.walk', passed: false, stopped: false, steps: 2, ticks: expect.any(Number) },
    ]);
    expect(json.diagnostics).toEqual([
      {
        file: 'tests/b.walk',
        range: { start: { line: 2, column: 1 }, end: { line: 2, column: 16 } },
        code: 'WALKTHROUGH_FAILED',
        severity: 'error',
        message: 'expected room hut, but the room is shore',
        hint: null,
        notes: [],
      },
    ]);
  });

  it('reports a walkthrough that does not parse, and exits 0 when all pass', () => {
    const dir = project('room shore { }\non start { go shore }\n', { 'a.walk': 'expect room shore\n' });
    expect(runCairn(['test', dir, '--json']).code).toBe(0);
    writeFileSync(join(dir, 'tests', 'b.walk'), 'clik 1 2\n');
    const json = JSON.parse(runCairn(['test', dir, '--json']).stdout);
    expect(json.diagnostics).toEqual([expect.objectContaining({ file: 'tests/b.walk', code: 'WALKTHROUGH_SYNTAX', hint: 'did you mean `click`?' })]);
  });
});
