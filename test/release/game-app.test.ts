// A game as one app: `cairn build DIR --app`, run by the single-file runtime
// with nothing on the PATH, writes <id>-linux-x64 (the runtime with the bundle
// appended), a .desktop file and an icon. The app, again with no Node.js on
// the PATH, runs and tests the sample game, serves it, saves where `cairn play`
// does, plays it when started with no arguments (a double-click), and refuses
// its game when the bundle inside is damaged.

import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, waitFor } from '../desktop/http-client.js';
import { ROOT, runCairn, withoutVoiceWarnings } from '../support/cli.js';
import { fetchWhatPlayServes, runWith, singleFileRuntime } from '../support/release.js';

const SAMPLE = join(ROOT, 'bundles', 'gull-rock');
const ID = 'org.cairn.gull-rock';
const WALKS = readdirSync(join(SAMPLE, 'tests')).map((f) => join(SAMPLE, 'tests', f));

let work: string;
let out: string;
let runtime: string;
let app: string;
let bundle: string;
let env: Record<string, string>;

beforeAll(() => {
  runtime = singleFileRuntime();
  work = mkdtempSync(join(tmpdir(), 'cairn-app-'));
  const emptyPath = join(work, 'bin');
  mkdirSync(emptyPath);
  out = join(work, 'My Games');
  mkdirSync(out);
  env = { HOME: work, XDG_DATA_HOME: join(work, 'data'), XDG_CONFIG_HOME: join(work, 'config'), XDG_CACHE_HOME: join(work, 'cache'), PATH: emptyPath, NO_COLOR: '1' };
  bundle = join(out, 'gull-rock.cairn');
  const built = runWith(runtime, ['build', SAMPLE, '-o', bundle, '--app'], env, work);
  expect(withoutVoiceWarnings(built.stderr)).toBe('');
  expect(built.code).toBe(0);
  app = join(out, `${ID}-linux-x64`);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const play = (...args: string[]) => runWith(app, args, env, work);

// A generous bound that only catches hangs: each command starts an 85 MB executable (or Node.js), seconds on a loaded machine.
describe('cairn build --app', { timeout: 120_000 }, () => {
  it('writes the runtime with the bundle appended, and a .desktop file and icon beside it', () => {
    expect(statSync(app).mode & 0o111).not.toBe(0);
    const bytes = readFileSync(app);
    const game = readFileSync(bundle);
    expect(bytes.length).toBe(statSync(runtime).size + game.length + 16);
    expect(bytes.subarray(0, statSync(runtime).size).equals(readFileSync(runtime))).toBe(true);
    expect(bytes.subarray(bytes.length - 16 - game.length, bytes.length - 16).equals(game)).toBe(true);
    expect(bytes.subarray(bytes.length - 8).toString('latin1')).toBe('CAIRNAP1');
    const entry = readFileSync(join(out, `${ID}.desktop`), 'utf8');
    expect(entry).toContain('\nName=Fog on Gull Rock\n');
    expect(entry).toContain(`\nExec="${app}"\n`);
    expect(entry).toContain(`\nIcon=${join(out, `${ID}.svg`)}\n`);
    expect(readFileSync(join(out, `${ID}.svg`)).equals(readFileSync(join(ROOT, 'player/desktop/cairn.svg')))).toBe(true);
    if (existsSync('/usr/bin/desktop-file-validate')) expect(runWith('/usr/bin/desktop-file-validate', [join(out, `${ID}.desktop`)], env).stdout).toBe('');
  });

  it('makes the same app from a checkout, with the runtime of `npm run package`', () => {
    const again = join(work, 'again');
    mkdirSync(again);
    const built = runCairn(['build', SAMPLE, '-o', join(again, 'gull-rock.cairn'), '--app']);
    expect(built.code).toBe(0);
    expect(readFileSync(join(again, `${ID}-linux-x64`)).equals(readFileSync(app))).toBe(true);
  });

  it('makes the same app when run by an app: only the runtime part of itself is copied', () => {
    const third = join(work, 'third');
    mkdirSync(third);
    const built = play('build', SAMPLE, '-o', join(third, 'gull-rock.cairn'), '--app');
    expect(built.code).toBe(0);
    expect(readFileSync(join(third, `${ID}-linux-x64`)).equals(readFileSync(app))).toBe(true);
  });
});

describe('the app, with no Node.js on the PATH', { timeout: 120_000 }, () => {
  it('runs, tests and inspects its game', () => {
    const ran = play('run');
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    const tested = play('test', ...WALKS);
    expect(tested.stdout).toContain(`${WALKS.length} walkthroughs: ${WALKS.length} passed`);
    expect(tested.code).toBe(0);
    const inspected = play('inspect');
    expect(inspected.stdout).toContain('Fog on Gull Rock');
    expect(inspected.stdout).toContain(ID);
  });

  it('serves its game with play --no-open, saving where cairn play saves', async () => {
    const served = await fetchWhatPlayServes(app, ['play', '--no-open'], env);
    expect(served.page).toContain('<cairn-player');
    expect(Buffer.from(served.game).equals(readFileSync(bundle))).toBe(true);
    const savesLine = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('Saves go to '));
    expect(savesLine(served.stdout)).toBe(`Saves go to ${join(env.XDG_DATA_HOME!, 'cairn', 'saves', ID)}`);
    const plain = await fetchWhatPlayServes(runtime, ['play', '--no-open', bundle], env);
    expect(savesLine(plain.stdout)).toBe(savesLine(served.stdout));
  });

  it('started with no arguments, as a double-click does, opens its game in the browser', async () => {
    const opened = join(work, 'opened.txt');
    const browser = join(work, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
    chmodSync(browser, 0o755);
    const child = spawn(app, [], { env: { ...env, BROWSER: browser, DISPLAY: ':99' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await waitFor('the browser to be opened', () => (existsSync(opened) ? readFileSync(opened, 'utf8').split('\n')[0] || undefined : undefined), 60_000);
      const session = await openSession(url);
      expect(await (await session.fetch('/')).text()).toContain('<cairn-player');
      expect(Buffer.from(await (await session.fetch('/game.cairn')).arrayBuffer()).equals(readFileSync(bundle))).toBe(true);
    } finally {
      child.kill('SIGINT');
      await exited;
    }
  });

  it('verifies its game at start: a damaged bundle inside is refused', () => {
    const damaged = join(work, 'damaged-linux-x64');
    copyFileSync(app, damaged);
    const bytes = readFileSync(damaged);
    const game = readFileSync(bundle);
    // A byte in the middle of the game, past the ZIP's first entries: an asset's content.
    bytes[bytes.length - 16 - Math.floor(game.length / 2)]! ^= 0xff;
    writeFileSync(damaged, bytes);
    for (const args of [['run'], ['play', '--no-open']]) {
      const r = runWith(damaged, args, env, work);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/\[BUNDLE_[A-Z_]+\]/);
      expect(r.stderr).not.toContain('internal error');
    }
    // A trailer that claims more than the file holds.
    bytes.writeBigUInt64LE(BigInt(bytes.length), bytes.length - 16);
    writeFileSync(damaged, bytes);
    const cut = runWith(damaged, ['run'], env, work);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('[BUNDLE_TRUNCATED]');
  });
});
