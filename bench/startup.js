// Size and start-up of what Cairn ships: `node bin/cairn.js`, the single-file
// runtime (dist/release/cairn-linux-x64) and a game app (`cairn build --app`).
// Start-up is from spawning `play --no-open GAME` to the player page received
// over loopback (the key traded for the cookie, then `GET /`), and from
// spawning `--version` to its exit. Plain ESM; needs `npm run package` first.
// Prints a Markdown table for BENCHMARKS.md's notes (not written by bench/run.js).
//   node bench/startup.js [RUNS]   (default 9 timed runs after 1 warm-up)

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runtime = join(root, 'dist/release/cairn-linux-x64');
const runs = Number(process.argv[2] ?? 9);
if (!existsSync(runtime)) throw new Error('dist/release/cairn-linux-x64 is missing: run `npm run package` first');

const work = mkdtempSync(join(tmpdir(), 'cairn-startup-'));
const env = { HOME: work, XDG_DATA_HOME: join(work, 'data'), PATH: join(work, 'bin'), NO_COLOR: '1' };
mkdirSync(env.PATH);
const bundle = join(work, 'gull-rock.cairn');
execFileSync(runtime, ['build', join(root, 'bundles/gull-rock'), '-o', bundle, '--app'], { env, stdio: 'ignore' });
const app = join(work, 'org.cairn.gull-rock-linux-x64');

/** Milliseconds from spawn to the player page received. */
async function toPage(command, args) {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let out = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]+) in a browser/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(`exited before serving: ${out}`)));
  });
  const landing = await fetch(url, { redirect: 'manual' });
  const cookie = (landing.headers.get('set-cookie') ?? '').split(';')[0];
  const page = await fetch(new URL('/', url), { headers: { cookie } });
  await page.text();
  const ms = performance.now() - started;
  if (page.status !== 200) throw new Error(`page answered ${page.status}`);
  child.kill('SIGINT');
  await exited;
  return ms;
}

function toExit(command, args) {
  const started = performance.now();
  const r = spawnSync(command, args, { env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
  return performance.now() - started;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const subjects = [
  { name: '`node bin/cairn.js` (checkout or npm package)', command: process.execPath, prefix: [join(root, 'bin/cairn.js')], game: [bundle], size: undefined },
  { name: 'single-file runtime `cairn-linux-x64`', command: runtime, prefix: [], game: [bundle], size: statSync(runtime).size },
  { name: 'game app `org.cairn.gull-rock-linux-x64`', command: app, prefix: [], game: [], size: statSync(app).size },
];

const load = loadavg().map((l) => l.toFixed(2)).join(' ');
const rows = [];
for (const s of subjects) {
  const page = [];
  const version = [];
  for (let i = 0; i <= runs; i++) {
    const p = await toPage(s.command, [...s.prefix, 'play', '--no-open', ...s.game]);
    const v = toExit(s.command, [...s.prefix, '--version']);
    if (i > 0) {
      page.push(p);
      version.push(v);
    }
  }
  rows.push(`| ${s.name} | ${s.size === undefined ? '—' : mib(s.size)} | ${Math.round(median(page))} (${range(page)}) | ${Math.round(median(version))} (${range(version)}) |`);
}
const bundleBytes = statSync(bundle).size;
rmSync(work, { recursive: true, force: true });
console.log(`Node ${process.version}, ${runs} timed runs after 1 warm-up, load average at start ${load}; the sample game's bundle: ${mib(bundleBytes)}`);
console.log('');
console.log('| what | size | start → player page served, ms: median (range) | `--version`, ms: median (range) |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(row);
