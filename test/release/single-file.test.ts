// The single-file Linux runtime (`npm run package`: dist/release/cairn-linux-x64)
// with nothing on the PATH — no Node.js, no npm — and run outside the checkout:
// every command works from the one file, the sample game is built, run, tested
// and served with the web player embedded in the executable.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, withoutVoiceWarnings } from '../support/cli.js';
import { fetchWhatPlayServes, runWith, singleFileRuntime } from '../support/release.js';

const SAMPLE = join(ROOT, 'bundles', 'gull-rock');
const WALKS = readdirSync(join(SAMPLE, 'tests')).map((f) => join(SAMPLE, 'tests', f));

let work: string;
let runtime: string;
let env: Record<string, string>;
let bundle: string;
const cairn = (...args: string[]) => runWith(runtime, args, env, work);

beforeAll(() => {
  runtime = singleFileRuntime();
  work = mkdtempSync(join(tmpdir(), 'cairn-sea-'));
  const emptyPath = join(work, 'bin');
  mkdirSync(emptyPath);
  env = { HOME: work, XDG_DATA_HOME: join(work, 'data'), XDG_CONFIG_HOME: join(work, 'config'), PATH: emptyPath, NO_COLOR: '1' };
  bundle = join(work, 'Gull Rock (final).cairn');
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

// A generous bound that only catches hangs: each command starts an 85 MB executable (or Node.js), seconds on a loaded machine.
describe('the single-file runtime, with no Node.js on the PATH', { timeout: 120_000 }, () => {
  it('is one executable file', () => {
    expect(statSync(runtime).mode & 0o111).not.toBe(0);
    expect(readFileSync(runtime).subarray(0, 4)).toEqual(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
    expect(cairn('--version').stdout).toMatch(/^cairn \d+\.\d+\.\d+\n$/);
    expect(cairn('--help').stdout).toContain('install-desktop');
  });

  it('builds, runs and tests the sample game', () => {
    const built = cairn('build', SAMPLE, '-o', bundle);
    expect(withoutVoiceWarnings(built.stderr)).toBe('');
    expect(built.code).toBe(0);
    const ran = cairn('run', bundle);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    const tested = cairn('test', bundle, ...WALKS);
    expect(tested.stdout).toContain(`${WALKS.length} walkthroughs: ${WALKS.length} passed`);
    expect(tested.code).toBe(0);
    expect(cairn('inspect', bundle).code).toBe(0);
  });

  it('refuses a damaged bundle with the door\'s sentence', () => {
    const damaged = join(work, 'damaged.cairn');
    const bytes = readFileSync(bundle);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(damaged, bytes);
    const ran = cairn('run', damaged);
    expect(ran.code).toBe(1);
    expect(ran.stderr).not.toContain('internal error');
  });

  it('serves the sample game with the embedded web player (play --no-open)', async () => {
    const served = await fetchWhatPlayServes(runtime, ['play', '--no-open', bundle], env, ['/cairn-player.js', '/cairn-desktop.js', '/cairn-icon.svg']);
    expect(served.page).toContain('<cairn-player');
    expect(Buffer.from(served.game).equals(readFileSync(bundle))).toBe(true);
    expect(Buffer.from(served.extras.get('/cairn-player.js')!).equals(readFileSync(join(ROOT, 'dist/player-web/cairn-player.js')))).toBe(true);
    expect(Buffer.from(served.extras.get('/cairn-desktop.js')!).equals(readFileSync(join(ROOT, 'player/desktop/desktop-page.js')))).toBe(true);
    expect(Buffer.from(served.extras.get('/cairn-icon.svg')!).equals(readFileSync(join(ROOT, 'player/desktop/cairn.svg')))).toBe(true);
  });

  it('scaffolds a project, tests it, and serves it with cairn dev and its page client', async () => {
    const project = join(work, 'lamp');
    expect(cairn('new', project, '--title', 'The Lamp', '--id', 'org.example.lamp').code).toBe(0);
    const tested = cairn('test', project);
    expect(tested.stdout).toContain('1 walkthrough: 1 passed');
    const served = await fetchWhatPlayServes(runtime, ['dev', project, '--no-open'], env, ['/cairn-dev.js']);
    expect(served.page).toContain('cairn-dev.js');
    expect(Buffer.from(served.extras.get('/cairn-dev.js')!).equals(readFileSync(join(ROOT, 'dist/player-web/cairn-dev.js')))).toBe(true);
  });

  it('exports the game for the web from the embedded player', () => {
    const out = join(work, 'web');
    const built = cairn('build', SAMPLE, '-o', join(work, 'again.cairn'), '--web', out);
    expect(built.code).toBe(0);
    expect(readFileSync(join(out, 'cairn-player.js')).equals(readFileSync(join(ROOT, 'dist/player-web/cairn-player.js')))).toBe(true);
    expect(readFileSync(join(out, 'game.cairn')).equals(readFileSync(bundle))).toBe(true);
  });

  it('install-desktop makes the entry start the runtime itself', () => {
    expect(cairn('install-desktop').code).toBe(0);
    const entry = readFileSync(join(env.XDG_DATA_HOME!, 'applications', 'cairn.desktop'), 'utf8');
    expect(entry).toContain(`\nExec=${runtime} play %f\n`);
    expect(entry).toContain(`\nTryExec=${runtime}\n`);
    expect(readFileSync(join(env.XDG_DATA_HOME!, 'icons/hicolor/scalable/apps/cairn.svg'))).toEqual(readFileSync(join(ROOT, 'player/desktop/cairn.svg')));
  });
});
