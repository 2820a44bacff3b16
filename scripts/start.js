// `npm start`: builds the sample game when its bundle is missing or older
// than its sources, then plays it with `cairn play`. Without a display (no
// DISPLAY, WAYLAND_DISPLAY or $BROWSER) it prints the address to open.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const project = join(root, 'bundles/gull-rock');
const bundle = join(root, 'dist/gull-rock.cairn');
const cairn = join(root, 'bin/cairn.js');

function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    latest = Math.max(latest, stat.isDirectory() ? newest(path) : stat.mtimeMs);
  }
  return latest;
}

function run(args) {
  const result = spawnSync(process.execPath, [cairn, ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const sources = Math.max(newest(join(project, 'scripts')), newest(join(project, 'assets')), statSync(join(project, 'cairn.json')).mtimeMs);
if (!existsSync(bundle) || statSync(bundle).mtimeMs < sources) run(['build', project, '-o', bundle]);
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.env.BROWSER);
if (!hasDisplay) console.log('No display found: open the address below in a browser on this machine.');
run(['play', bundle, ...(hasDisplay ? [] : ['--no-open'])]);
