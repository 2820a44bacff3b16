// `npm run package`: the single-file Linux runtime, dist/release/cairn-linux-x64.
// The compiled CLI (dist/, from `npm run build`) is bundled into one CommonJS
// file with rolldown, the web player's build and the desktop's icon and page
// script become SEA assets keyed by their package path (player/release/
// embedded-files.ts reads them), Node makes the blob (--experimental-sea-config)
// and postject injects it into a copy of this Node.js binary (stripped first,
// when binutils' strip is there). The inputs are
// hashed: when nothing changed the executable is left as it is, so tests can
// call this freely; a lock keeps two callers from building at once.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const release = join(root, 'dist', 'release');
const output = join(release, 'cairn-linux-x64');
const stamp = join(release, '.cairn-linux-x64.inputs');
const lock = join(release, '.lock');
/** The fuse Node's binary carries for SEA (the Node docs' value; postject flips it). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const INDEX_ASSET = 'cairn-files.json';
/** binutils' strip, when installed. */
const STRIP = ['/usr/bin/strip', '/bin/strip'].find((p) => existsSync(p));

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`npm run package builds the Linux x64 runtime from this Node.js, which is ${process.platform}-${process.arch}.`);
  process.exit(1);
}
for (const built of ['dist/player/release/sea-main.js', 'dist/player-web/index.html']) {
  if (!existsSync(join(root, built))) {
    console.error(`${built} is missing: run \`npm run build\` first (\`npm run package\` does).`);
    process.exit(1);
  }
}

mkdirSync(release, { recursive: true });
await withLock(build);

async function build() {
  const work = join(release, `.work-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const cli = join(work, 'cairn-cli.cjs');
    const { build: bundle } = await import('rolldown');
    await bundle({
      input: join(root, 'dist/player/release/sea-main.js'),
      platform: 'node',
      logLevel: 'warn',
      output: { file: cli, format: 'cjs', codeSplitting: false },
    });

    const assets = {};
    for (const file of [...listFiles(join(root, 'dist/player-web')).map((f) => `dist/player-web/${f}`), 'player/desktop/cairn.svg', 'player/desktop/desktop-page.js']) {
      if (file.endsWith('.map')) continue;
      assets[file] = join(root, file);
    }
    const index = join(work, INDEX_ASSET);
    writeFileSync(index, JSON.stringify(Object.keys(assets).sort()));

    const hash = createHash('sha256');
    for (const part of [readFileSync(fileURLToPath(import.meta.url)), process.version, String(statSync(process.execPath).size), String(STRIP !== undefined), readFileSync(cli)]) hash.update(part).update('\0');
    for (const [key, path] of Object.entries(assets).sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(key).update('\0').update(readFileSync(path)).update('\0');
    const inputs = hash.digest('hex');
    if (existsSync(output) && existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs) {
      console.log(`${relative(root, output)} is up to date (${formatMiB(statSync(output).size)})`);
      return;
    }

    const started = performance.now();
    const blob = join(work, 'cairn.blob');
    const config = join(work, 'sea-config.json');
    writeFileSync(config, JSON.stringify({ main: cli, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true, assets: { ...assets, [INDEX_ASSET]: index } }, null, 2));
    execFileSync(process.execPath, ['--experimental-sea-config', config], { cwd: work, stdio: 'pipe' });
    const exe = join(work, 'cairn-linux-x64');
    copyFileSync(process.execPath, exe);
    chmodSync(exe, 0o755);
    // Node's symbol table is 12 MiB nobody runs; it must go before the injection (stripping a SEA breaks it).
    if (STRIP !== undefined) execFileSync(STRIP, ['--strip-unneeded', '--remove-section=.comment', exe], { stdio: 'ignore' });
    const { inject } = (await import('postject')).default;
    // LIEF (inside postject) warns once per note section it cannot name; the injection is sound, the noise is not news.
    const warn = console.warn;
    console.warn = (...args) => {
      if (!String(args[0]).includes("Can't find string offset for section name")) warn(...args);
    };
    try {
      await inject(exe, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE });
    } finally {
      console.warn = warn;
    }
    renameSync(exe, output);
    writeFileSync(stamp, inputs);
    console.log(`Built ${relative(root, output)} (${formatMiB(statSync(output).size)}, Node.js ${process.version}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs `fn` holding dist/release/.lock; waits for another holder, and takes over a lock older than ten minutes. */
async function withLock(fn) {
  const until = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {}
      if (Date.now() > until) throw new Error(`${lock} is held by another build`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function listFiles(dir) {
  const out = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function formatMiB(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
