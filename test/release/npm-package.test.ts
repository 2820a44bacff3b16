// The npm package as a player gets it: `npm pack` (scripts skipped — `npm
// test` built dist/ already; a plain `npm pack` builds it through `prepare`),
// installed globally into a throwaway prefix from the tarball, then used from
// there: build, run and test the sample game, serve it with `play --no-open`,
// and `install-desktop` pointing at the installed files.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, withoutVoiceWarnings } from '../support/cli.js';
import { fetchWhatPlayServes, runWith } from '../support/release.js';

const { version, dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
/** The lock file says which packages only the dev dependencies need. */
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
const NPM = join(dirname(process.execPath), 'npm');

let work: string;
let prefix: string;
let installed: string;
let cairn: (...args: string[]) => ReturnType<typeof runWith>;
let env: Record<string, string>;
let bundle: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cairn-npm-'));
  prefix = join(work, 'prefix');
  const packed = execFileSync(NPM, ['pack', '--ignore-scripts', '--pack-destination', work, '--json'], { cwd: ROOT, encoding: 'utf8' });
  const tarball = join(work, (JSON.parse(packed) as Array<{ filename: string }>)[0]!.filename);
  expect(tarball.endsWith(`cairn-${version}.tgz`)).toBe(true);
  // Dependencies come from the npm cache (or the registry); the package itself only from the tarball.
  execFileSync(NPM, ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: work, encoding: 'utf8', stdio: 'pipe' });
  installed = join(prefix, 'lib', 'node_modules', 'cairn');
  const home = join(work, 'home');
  mkdirSync(home);
  // Node.js is needed (this is the npm package), the checkout is not: the working folder is elsewhere.
  env = { HOME: home, XDG_DATA_HOME: join(home, '.local/share'), XDG_CONFIG_HOME: join(home, '.config'), PATH: `${join(prefix, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin`, NO_COLOR: '1' };
  cairn = (...args) => runWith(join(prefix, 'bin', 'cairn'), args, env, work);
  bundle = join(work, 'gull rock.cairn');
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

// A generous bound that only catches hangs: each command starts an 85 MB executable (or Node.js), seconds on a loaded machine.
describe('the npm package, installed globally from its tarball', { timeout: 120_000 }, () => {
  it('holds the compiled CLI, the built player, the icon and page script, and no dev dependencies or sources', () => {
    expect(existsSync(join(installed, 'dist', 'player', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(installed, 'dist', 'player-web', 'index.html'))).toBe(true);
    expect(readFileSync(join(installed, 'player', 'desktop', 'cairn.svg'))).toEqual(readFileSync(join(ROOT, 'player', 'desktop', 'cairn.svg')));
    expect(existsSync(join(installed, 'player', 'desktop', 'desktop-page.js'))).toBe(true);
    expect(readdirSync(join(installed, 'player', 'desktop')).filter((f) => f.endsWith('.ts'))).toEqual([]);
    expect(existsSync(join(installed, 'interpreter'))).toBe(false);
    // Every runtime dependency is there (with what it needs), and not one dev dependency.
    const modules = readdirSync(join(installed, 'node_modules'));
    expect(modules).toEqual(expect.arrayContaining(Object.keys(dependencies)));
    const devOnly = Object.entries(lock.packages).filter(([path, p]) => p.dev === true && path.split('node_modules/').length === 2).map(([path]) => path.slice('node_modules/'.length));
    expect(devOnly.length).toBeGreaterThan(10);
    expect(modules.filter((m) => devOnly.some((d) => d === m || d.startsWith(`${m}/`)))).toEqual([]);
    expect(cairn('--version').stdout.trim()).toBe(`cairn ${version}`);
  });

  it('builds, runs and tests the sample game', () => {
    const built = cairn('build', join(ROOT, 'bundles', 'gull-rock'), '-o', bundle);
    expect(withoutVoiceWarnings(built.stderr)).toBe('');
    expect(built.code).toBe(0);
    const ran = cairn('run', bundle);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    const walks = readdirSync(join(ROOT, 'bundles', 'gull-rock', 'tests')).map((f) => join(ROOT, 'bundles', 'gull-rock', 'tests', f));
    const tested = cairn('test', bundle, ...walks);
    expect(tested.stdout).toContain(`${walks.length} walkthroughs: ${walks.length} passed`);
    expect(tested.code).toBe(0);
  });

  it('serves the player and the game on loopback with play --no-open', async () => {
    const served = await fetchWhatPlayServes(join(prefix, 'bin', 'cairn'), ['play', '--no-open', bundle], env);
    expect(served.page).toContain('<cairn-player');
    expect(served.page).toContain('/cairn-desktop.js');
    expect(Buffer.from(served.game).equals(readFileSync(bundle))).toBe(true);
  });

  it('install-desktop points the .desktop entry at the installed files', () => {
    const result = cairn('install-desktop');
    expect(result.code).toBe(0);
    const entry = readFileSync(join(env.XDG_DATA_HOME!, 'applications', 'cairn.desktop'), 'utf8');
    expect(entry).toContain(`\nExec=${process.execPath} ${join(installed, 'bin', 'cairn.js')} play %f\n`);
    expect(readFileSync(join(env.XDG_DATA_HOME!, 'icons/hicolor/scalable/apps/cairn.svg'))).toEqual(readFileSync(join(installed, 'player', 'desktop', 'cairn.svg')));
  });
});
