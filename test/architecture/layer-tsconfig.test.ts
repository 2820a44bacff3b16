// interpreter/ and runtime/ type-check without the DOM library (their own
// tsconfig.json, with only types/js-host.d.ts beside ECMAScript), so a
// browser global there is a type error — shown on a file written for it.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const LAYERS = ['interpreter', 'runtime'];

/** Runs tsc on a project; its exit code and what it printed. */
async function tsc(project: string): Promise<{ code: number; out: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [TSC, '-p', project], { cwd: ROOT, timeout: 170_000 });
    return { code: 0, out: r.stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, out: err.stdout ?? String(e) };
  }
}

describe('the layers without the DOM', { timeout: 180_000 }, () => {
  it('have tsconfigs with no DOM library', () => {
    for (const layer of LAYERS) {
      const config = JSON.parse(readFileSync(join(ROOT, layer, 'tsconfig.json'), 'utf8')) as { compilerOptions: { lib: string[]; types: string[] } };
      expect(config.compilerOptions.lib.filter((l) => /dom|webworker/i.test(l)), layer).toEqual([]);
      expect(config.compilerOptions.types, layer).toEqual([]);
    }
  });

  it('type-check, and a browser global in them would not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-layer-'));
    writeFileSync(join(dir, 'uses-dom.ts'), 'export const title: string = document.title;\nexport const here = window.location.href;\n');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: join(ROOT, 'interpreter/tsconfig.json'), include: [], files: [join(dir, 'uses-dom.ts'), join(ROOT, 'types/js-host.d.ts')], compilerOptions: { rootDir: '/' } }));
    const [interpreter, runtime, dom] = await Promise.all([tsc(join(ROOT, 'interpreter/tsconfig.json')), tsc(join(ROOT, 'runtime/tsconfig.json')), tsc(join(dir, 'tsconfig.json'))]);
    expect(interpreter).toEqual({ code: 0, out: '' });
    expect(runtime).toEqual({ code: 0, out: '' });
    expect(dom.code).not.toBe(0);
    expect(dom.out).toMatch(/uses-dom\.ts\(1,\d+\): error TS\d+: Cannot find name 'document'/);
    expect(dom.out).toMatch(/Cannot find name 'window'/);
  });
});
