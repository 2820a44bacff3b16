// Deep recursion on a host with a small JS stack, through `cairn run` as a
// user would start it (node --stack-size, as an embedder or a Worker may give
// less stack than Node's default). The fast tier's calls are JS calls, so on
// such a host the VM keeps to the interpreter: a recursion below the depth
// limit finishes, an endless one stops with CALL_DEPTH_EXCEEDED, never a JS
// stack overflow.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cairn-small-stack-'));

function runWithStack(stackKb: number, name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const r = spawnSync(process.execPath, [`--stack-size=${stackKb}`, CLI, 'run', path], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a small JS stack', () => {
  for (const stackKb of [250, 984]) {
    it(`${stackKb} KB: 500 nested calls finish`, () => {
      const r = runWithStack(stackKb, 'deep.adv', 'fn down(n) {\n  if n == 0 { return 0 }\n  return down(n - 1) + 1\n}\non start {\n  print down(500)\n}\n');
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe('500');
      expect(r.code).toBe(0);
    });
    it(`${stackKb} KB: endless recursion is CALL_DEPTH_EXCEEDED at its line`, () => {
      const r = runWithStack(stackKb, 'endless.adv', 'fn down(n) {\n  return down(n + 1) + 1\n}\non start {\n  print down(0)\n}\n');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('endless.adv:2:10: error: calls are nested more than 512 deep [CALL_DEPTH_EXCEEDED]');
      expect(r.stderr).not.toContain('internal error');
    });
  }
});
