// The one place the tests and the benchmark find and start headless Chromium:
// CHROMIUM_PATH, then a system Chromium, then the Chromium that ships inside
// the npm package @sparticuz/chromium (a devDependency, so `npm install` is
// all a fresh machine needs). Also watches a page for what must never happen:
// console errors, uncaught exceptions and CSP violations, including those
// inside workers.

import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

const ROOT = join(import.meta.dirname, '../..');
const NPM_PACKAGE = '@sparticuz/chromium';
/** Where the system's package managers put Chromium, in the order they are tried. */
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/snap/bin/chromium'];
/** Folders where a system libnss3 would be; without one, the npm package's own copy is used. */
const LIB_DIRS = ['/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu', '/lib64', '/usr/lib64', '/usr/lib', '/lib/aarch64-linux-gnu', '/usr/lib/aarch64-linux-gnu'];

/** A Chromium to drive: where it is, where it came from, and the environment it needs. */
export interface FoundChromium {
  path: string;
  source: 'CHROMIUM_PATH' | 'system' | 'npm';
  /** Extra environment variables for the browser process (fonts, libraries of the npm build). */
  env: Record<string, string>;
}

let cached: FoundChromium | null | undefined;

/** The Chromium the tests use (see the header for the order), unpacking the npm one on first use; null when there is none at all. */
export function resolveChromium(): FoundChromium | null {
  if (cached !== undefined) return cached;
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH names ${fromEnv}, which does not exist`);
    return (cached = { path: fromEnv, source: 'CHROMIUM_PATH', env: {} });
  }
  const system = SYSTEM_PATHS.find(isExecutable);
  if (system !== undefined) return (cached = { path: system, source: 'system', env: {} });
  return (cached = npmChromium());
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium binary to drive, or null when none is found (the signature the browser tests have always used). */
export function findChromium(): string | null {
  return resolveChromium()?.path ?? null;
}

/** One line saying which Chromium runs, for reports. */
export function describeChromium(found: FoundChromium | null = resolveChromium()): string {
  if (found === null) return 'no Chromium';
  return found.source === 'npm' ? `${NPM_PACKAGE} ${npmVersion()} (${found.path})` : `${found.source} ${found.path}`;
}

/** The flags every launch uses: no sandbox (containers run as root), nothing that phones home, sound without a gesture. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--autoplay-policy=no-user-gesture-required'];

/** Launches headless Chromium with the flags this machine needs. */
export async function launchChromium(found: FoundChromium | null = resolveChromium()): Promise<Browser> {
  if (found === null) throw new Error(`no Chromium found: set CHROMIUM_PATH, install Chromium, or run \`npm install\` (it brings ${NPM_PACKAGE})`);
  return chromium.launch({
    executablePath: found.path,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...(process.env as Record<string, string>), ...found.env },
  });
}

/** The npm package's Chromium, unpacked once per version into node_modules/.cache; null when the package is not installed. */
export function npmChromium(): FoundChromium | null {
  const bin = npmBinFolder();
  if (bin === null) return null;
  const dir = join(ROOT, 'node_modules', '.cache', 'cairn-chromium', npmVersion());
  if (!existsSync(join(dir, 'ready'))) unpack(bin, dir);
  const env: Record<string, string> = { FONTCONFIG_FILE: join(dir, 'fonts.conf') };
  const hasNss = LIB_DIRS.some((d) => existsSync(d) && readdirSync(d).some((f) => f.startsWith('libnss3.so')));
  if (!hasNss) env.LD_LIBRARY_PATH = [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return { path: join(dir, 'chromium'), source: 'npm', env };
}

function npmBinFolder(): string | null {
  try {
    const main = createRequire(join(ROOT, 'package.json')).resolve(NPM_PACKAGE);
    return join(main, '..', '..', 'bin');
  } catch {
    return null;
  }
}

function npmVersion(): string {
  const bin = npmBinFolder();
  if (bin === null) return 'not installed';
  return (JSON.parse(readFileSync(join(bin, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Unpacks the brotli-compressed binary, the SwiftShader libraries (beside the
 * binary, where Chromium looks for them), the fonts and the NSS libraries into
 * a private folder, then renames it into place, so parallel workers and
 * parallel runs never see half a browser.
 */
function unpack(bin: string, dir: string): void {
  const temp = `${dir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  writeFileSync(join(temp, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))));
  chmodSync(join(temp, 'chromium'), 0o755);
  for (const archive of ['swiftshader.tar.br', 'fonts.tar.br', 'al2023.tar.br']) untar(brotliDecompressSync(readFileSync(join(bin, archive))), temp);
  // The package's own fonts.conf names Lambda's folders; this one names ours and the system's.
  writeFileSync(
    join(temp, 'fonts.conf'),
    ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">', '<fontconfig>', `  <dir>${join(dir, 'fonts')}</dir>`, '  <dir>/usr/share/fonts</dir>', '  <dir>/usr/local/share/fonts</dir>', `  <cachedir>${join(dir, 'fonts-cache')}</cachedir>`, '</fontconfig>', ''].join('\n'),
  );
  writeFileSync(join(temp, 'ready'), `${npmVersion()}\n`);
  try {
    renameSync(temp, dir);
  } catch (e) {
    // Another worker got there first with the same files.
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(join(dir, 'ready'))) throw e;
  }
}

/** Extracts a tar archive with the system's tar (every Linux base image has one). */
function untar(archive: Buffer, into: string): void {
  mkdirSync(into, { recursive: true });
  const r = spawnSync('tar', ['-x', '-C', into], { input: archive, stdio: ['pipe', 'ignore', 'pipe'] });
  if (r.error !== undefined || r.status !== 0) throw new Error(`unpacking ${NPM_PACKAGE} failed: ${r.error?.message ?? r.stderr.toString()}`);
}

/** What went wrong on a page. */
export interface PageProblems {
  console: string[];
  csp: string[];
  uncaught: string[];
}

/** Records console errors, page errors and CSP violations (the page reports them to a binding). */
export async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { console: [], csp: [], uncaught: [] };
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.console.push(m.text());
    if (m.text().includes('Content Security Policy') || m.text().includes('Content-Security-Policy')) problems.csp.push(m.text());
  });
  page.on('pageerror', (e) => problems.uncaught.push(String(e)));
  await page.exposeBinding('__cairnTestCsp', (_source, text: string) => problems.csp.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cairnTestCsp(t: string): void }).__cairnTestCsp(`${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  return problems;
}
