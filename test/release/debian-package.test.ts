// The Debian package (scripts/package-deb.js, from the single-file runtime):
// what it holds, then installed and removed with dpkg in a throwaway root — a
// private mount namespace whose /usr, /var and /etc are overlays
// (install-in-namespace.sh) — with Node.js deleted there: xdg-mime knows a
// .cairn in a path with spaces, xdg-open of it serves the player on loopback
// from /usr/bin/cairn, and after removal the type and every file are gone.
// Needs dpkg-deb; the install needs unshare and dpkg, root (or user namespaces)
// and overlayfs, else it is skipped with one line; xdg-mime and xdg-open need
// (Debian) xdg-utils, shared-mime-info, libfile-mimeinfo-perl and
// desktop-file-utils, else the game is opened with `cairn play` and that is said.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, waitFor } from '../desktop/http-client.js';
import { ROOT, runCairn } from '../support/cli.js';
import { singleFileRuntime } from '../support/release.js';

const MIME = 'application/x-cairn-bundle';
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const XDG_TOOLS = ['/usr/bin/xdg-mime', '/usr/bin/xdg-open', '/usr/bin/update-mime-database', '/usr/bin/update-desktop-database', '/usr/bin/mimetype'];

let work: string;
let deb: string;
let game: string;

const debField = (field: string) => execFileSync('dpkg-deb', ['--field', deb, field], { encoding: 'utf8' }).trim();

beforeAll(() => {
  singleFileRuntime();
  work = mkdtempSync(join(tmpdir(), 'cairn-deb-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'package-deb.js'), '--out', work, '--fast'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  deb = join(work, `cairn_${version}_amd64.deb`);
  mkdirSync(join(work, 'My Games'));
  game = join(work, 'My Games', 'Fog on Gull Rock (final).cairn');
  expect(runCairn(['build', join(ROOT, 'bundles', 'gull-rock'), '-o', game]).code).toBe(0);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the Debian package', () => {
  it('holds the runtime in /usr/bin, the MIME package, the entry, the icons, a manual page, and maintainer scripts', () => {
    const listing = execFileSync('dpkg-deb', ['--contents', deb], { encoding: 'utf8' });
    for (const path of ['usr/bin/cairn', 'usr/share/mime/packages/cairn.xml', 'usr/share/applications/cairn.desktop', 'usr/share/icons/hicolor/scalable/apps/cairn.svg', 'usr/share/icons/hicolor/scalable/mimetypes/application-x-cairn-bundle.svg', 'usr/share/man/man1/cairn.1.gz', 'usr/share/doc/cairn/copyright']) {
      expect(listing).toMatch(new RegExp(` root/root .* \\./${path.replace(/\./g, '\\.')}\\n`));
    }
    expect(listing).toMatch(/^-rwxr-xr-x root\/root .* \.\/usr\/bin\/cairn$/m);
    expect(debField('Package')).toBe('cairn');
    expect(debField('Version')).toBe(version);
    expect(debField('Architecture')).toBe('amd64');
    const extracted = join(work, 'extracted');
    execFileSync('dpkg-deb', ['--raw-extract', deb, extracted]);
    const entry = readFileSync(join(extracted, 'usr/share/applications/cairn.desktop'), 'utf8');
    expect(entry).toContain('\nExec=/usr/bin/cairn play %f\n');
    expect(entry).toContain(`\nMimeType=${MIME};\n`);
    const xml = readFileSync(join(extracted, 'usr/share/mime/packages/cairn.xml'), 'utf8');
    expect(xml).toContain('<glob pattern="*.cairn"/>');
    expect(xml).toContain(`<match type="string" value="mimetype${MIME}" offset="30"/>`);
    for (const script of ['postinst', 'postrm']) {
      const text = readFileSync(join(extracted, 'DEBIAN', script), 'utf8');
      expect(text).toContain('update-mime-database "$DPKG_ROOT/usr/share/mime"');
      expect(text).toContain('update-desktop-database -q "$DPKG_ROOT/usr/share/applications"');
      expect(spawnSync('sh', ['-n', join(extracted, 'DEBIAN', script)]).status).toBe(0);
    }
    if (existsSync('/usr/bin/desktop-file-validate')) expect(execFileSync('/usr/bin/desktop-file-validate', [join(extracted, 'usr/share/applications/cairn.desktop')], { encoding: 'utf8' })).toBe('');
  });

  it('installed in a throwaway root with no Node.js, opens a .cairn with xdg-open and serves it on loopback; removed, leaves nothing', async () => {
    const missing = ['/usr/bin/unshare', '/usr/bin/dpkg'].filter((tool) => !existsSync(tool));
    const unshare = process.getuid?.() === 0 ? ['--mount'] : ['--mount', '--map-root-user'];
    const canMount = missing.length === 0 && spawnSync('unshare', [...unshare, 'sh', '-c', `mount -t tmpfs tmpfs '${work}' && mount -t overlay overlay -o lowerdir=/usr:/etc '${work}'`]).status === 0;
    if (!canMount) {
      console.log(`skipped: the install in a throwaway root (${missing.length > 0 ? `missing ${missing.join(', ')}` : 'no mount namespace with overlayfs here'}); the package's contents were checked`);
      return;
    }
    const opened = join(work, 'opened.txt');
    const browser = join(work, 'browser.sh');
    // A browser that notes who asked (cairn play, its parent) and the address; the test does the fetching.
    writeFileSync(browser, `#!/bin/sh\nprintf '%s %s\\n' "$PPID" "$1" >> '${opened}'\n`);
    chmodSync(browser, 0o755);
    const script = join(work, 'install-in-namespace.sh');
    copyFileSync(join(import.meta.dirname, 'install-in-namespace.sh'), script);
    const child = spawn('unshare', [...unshare, 'sh', script, work, deb, game], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const line = await waitFor('xdg-open (or cairn play) to start the browser', () => (existsSync(opened) ? readFileSync(opened, 'utf8').split('\n')[0] || undefined : undefined), 60_000);
      const [pid, url] = line.split(' ') as [string, string];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]+$/);
      const session = await openSession(url);
      const page = await session.fetch('/');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<cairn-player');
      const served = Buffer.from(await (await session.fetch('/game.cairn')).arrayBuffer());
      expect(served.equals(readFileSync(game))).toBe(true);
      expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, 2)).toEqual(['/usr/bin/cairn', 'play']);
      process.kill(Number(pid), 'SIGINT');
    } finally {
      writeFileSync(join(work, 'served'), '');
      expect(await exited, `${stdout}\n${stderr}`).toBe(0);
    }
    const report = new Map(stdout.split('\n').filter((l) => l.includes(': ')).map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]));
    expect(report.get('node on PATH')).toBe('none');
    expect(report.get('install')).toBe('ok');
    expect(report.get('version')).toBe(`cairn ${version}`);
    expect(report.get('remove')).toBe('ok');
    const missingXdg = XDG_TOOLS.filter((tool) => !existsSync(tool));
    if (missingXdg.length === 0) {
      expect(report.get('xdg')).toBe('yes');
      expect(report.get('filetype')).toBe(MIME);
      expect(report.get('default')).toBe('cairn.desktop');
      expect(report.get('after filetype')).toBe('application/zip');
      expect(report.get('after default')).toBe('');
    } else {
      console.log(`skipped: xdg-mime's answers and xdg-open (missing ${missingXdg.join(', ')}); the game was opened with cairn play instead`);
      expect(report.get('xdg')).toBe('no');
    }
    expect(stdout).not.toContain('left: ');
    expect(report.get('end')).toBe('ok');
  }, 180_000);
});
