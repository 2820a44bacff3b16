// The sample game, Fog on Gull Rock (bundles/gull-rock/), as a player and an
// author get it: it builds with the CLI cleanly (every asset used, no
// warning but the voices it lacks, which sample-languages.test.ts checks) and
// reproducibly, stays small, plays its walkthroughs to the ending
// both from the project folder and from the built bundle, and its asset
// generators reproduce the committed art and audio byte for byte.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withoutVoiceWarnings } from '../support/cli.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/cairn.js');
const GAME = join(ROOT, 'bundles/gull-rock');

function run(args: string[], timeout = 120_000) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cairn = (args: string[]) => run([CLI, ...args]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

const walkthroughs = readdirSync(join(GAME, 'tests'))
  .filter((f) => f.endsWith('.walk'))
  .sort();

describe('the sample game, Fog on Gull Rock', () => {
  const out = mkdtempSync(join(tmpdir(), 'cairn-sample-'));
  const bundle = join(out, 'gull-rock.cairn');
  let build: ReturnType<typeof cairn>;

  beforeAll(() => {
    build = cairn(['build', GAME, '-o', bundle]);
  });

  it('builds with the CLI, without a warning but the lines it has no voice for, into a bundle under 5 MB', () => {
    expect(build.stderr).toContain('[VOICE_MISSING]');
    expect(withoutVoiceWarnings(build.stderr)).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/Built .*gull-rock\.cairn/);
    expect(statSync(bundle).size).toBeLessThan(5 * 1024 * 1024);
  });

  it('builds the same bytes twice', () => {
    const again = join(out, 'again.cairn');
    expect(cairn(['build', GAME, '-o', again]).code).toBe(0);
    expect(Buffer.compare(readFileSync(bundle), readFileSync(again))).toBe(0);
  });

  it('has walkthroughs that play to the ending and try the wrong things', () => {
    expect(walkthroughs).toEqual(expect.arrayContaining(['01-full-game.walk', '02-wrong-things.walk', '04-save-and-load.walk']));
  });

  it('passes every walkthrough from the project folder', () => {
    const tested = cairn(['test', GAME]);
    expect(withoutVoiceWarnings(tested.stderr)).toBe('');
    expect(tested.stdout).toContain(`${walkthroughs.length} walkthroughs: ${walkthroughs.length} passed`);
    expect(tested.code).toBe(0);
  });

  it('passes every walkthrough against the built bundle', () => {
    const tested = cairn(['test', bundle, ...walkthroughs.map((w) => join(GAME, 'tests', w))]);
    expect(tested.stderr).toBe('');
    expect(tested.stdout).toContain(`${walkthroughs.length} walkthroughs: ${walkthroughs.length} passed`);
    expect(tested.code).toBe(0);
  });

  it('regenerates its committed art and audio byte for byte from the scripts in tools/', { timeout: 120_000 }, () => {
    for (const [tool, folder] of [['make-art.js', 'art'], ['make-audio.js', 'audio']] as const) {
      const fresh = join(out, folder);
      const made = run([join(GAME, 'tools', tool), '--out', fresh]);
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      const committed = join(GAME, 'assets', folder);
      expect(filesUnder(fresh)).toEqual(filesUnder(committed));
      const differing = filesUnder(fresh).filter((f) => Buffer.compare(readFileSync(join(fresh, f)), readFileSync(join(committed, f))) !== 0);
      expect(differing, `regenerate with: node bundles/gull-rock/tools/${tool}`).toEqual([]);
    }
  });
});
