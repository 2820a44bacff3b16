// The Debian package of the single-file runtime, built with dpkg-deb:
// /usr/bin/cairn, the shared-mime-info package (glob and magic), the .desktop
// entry, the icons and a manual page, system-wide; the maintainer scripts bring
// the MIME and desktop databases up to date. Needs dist/release/cairn-linux-x64
// (scripts/package-linux.js) and the compiled CLI, whose tables it reads so the
// MIME XML and the entry are the ones `cairn install-desktop` writes.
//
//   node scripts/package-deb.js [--out DIR] [--fast]
//
// --fast compresses with gzip -1 instead of xz (for tests); the contents are the same.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, fast: { type: 'boolean' } } });
const outDir = values.out ?? join(root, 'dist', 'release');
const runtime = join(root, 'dist', 'release', 'cairn-linux-x64');
const { version, description } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { mimePackageXml, desktopEntry, MIME_TYPE, DESKTOP_ID } = await import(join(root, 'dist/player/desktop/xdg-install.js'));
const { COMMANDS } = await import(join(root, 'dist/player/cli/commands/index.js'));

const PACKAGE = 'cairn';
const MAINTAINER = 'Cairn maintainers <maintainers@cairn.invalid>';
const MIME_ICON = MIME_TYPE.replace('/', '-');
/** A fixed date for the changelog and the files' times, so the same inputs give the same package. */
const SOURCE_DATE = new Date(Date.UTC(2026, 0, 1));

const stage = join(outDir, `.deb-${process.pid}`);
rmSync(stage, { recursive: true, force: true });
try {
  const put = (path, content, mode = 0o644) => {
    const file = join(stage, path);
    mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
    if (content instanceof URL) copyFileSync(fileURLToPath(content), file);
    else writeFileSync(file, content);
    chmodSync(file, mode);
  };
  put('usr/bin/cairn', new URL(`file://${runtime}`), 0o755);
  // The same package `cairn install-desktop` writes for one user, without its note that the command wrote it.
  put('usr/share/mime/packages/cairn.xml', mimePackageXml().replace(/^<!--.*-->\n/m, ''));
  put(`usr/share/applications/${DESKTOP_ID}`, desktopEntry('/usr/bin/cairn'));
  const icon = readFileSync(join(root, 'player/desktop/cairn.svg'));
  put('usr/share/icons/hicolor/scalable/apps/cairn.svg', icon);
  put(`usr/share/icons/hicolor/scalable/mimetypes/${MIME_ICON}.svg`, icon);
  put('usr/share/man/man1/cairn.1.gz', gzipSync(manPage(), { level: 9 }));
  put(`usr/share/doc/${PACKAGE}/copyright`, copyright());
  put(`usr/share/doc/${PACKAGE}/changelog.gz`, gzipSync(changelog(), { level: 9 }));
  put(`usr/share/lintian/overrides/${PACKAGE}`, lintianOverrides());

  const installedKiB = Math.ceil(du(join(stage, 'usr')) / 1024);
  put('DEBIAN/md5sums', md5sums(join(stage, 'usr')));
  put('DEBIAN/control', control(installedKiB));
  put('DEBIAN/postinst', maintainerScript('configure', 'installed'), 0o755);
  put('DEBIAN/postrm', maintainerScript('remove', 'removed'), 0o755);

  mkdirSync(outDir, { recursive: true });
  const deb = join(outDir, `${PACKAGE}_${version}_amd64.deb`);
  const compression = values.fast ? ['-Zgzip', '-z1'] : ['-Zxz'];
  execFileSync('dpkg-deb', ['--root-owner-group', ...compression, '--build', stage, `${deb}.partial`], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SOURCE_DATE_EPOCH: String(SOURCE_DATE.getTime() / 1000) },
  });
  renameSync(`${deb}.partial`, deb);
  console.log(`Built ${relative(process.cwd(), deb) || deb} (${(statSync(deb).size / 1024 / 1024).toFixed(1)} MiB)`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

function control(installedKiB) {
  return [
    `Package: ${PACKAGE}`,
    `Version: ${version}`,
    'Architecture: amd64',
    `Maintainer: ${MAINTAINER}`,
    `Installed-Size: ${installedKiB}`,
    // The runtime is Node.js's own binary: these are the libraries it links (ldd), at bookworm's versions or older.
    'Depends: libc6 (>= 2.28), libgcc-s1 (>= 3.0), libstdc++6 (>= 9)',
    'Recommends: shared-mime-info, xdg-utils',
    'Suggests: chromium | www-browser',
    'Section: interpreters',
    'Priority: optional',
    `Description: ${description.replace(/^Cairn: an? /, '')}`,
    ' Cairn plays packaged adventure games: a game.cairn file holds the game\'s',
    ' compiled code and assets, and the player runs it in a sandbox in a window of',
    ' its own. Installing this package makes .cairn files open with a double-click',
    ' for every user of the machine.',
    ' .',
    ' The cairn command also builds, tests and runs games from their sources. It is',
    ' a single executable with Node.js and the web player inside; nothing else is',
    ' needed to run it.',
    '',
  ].join('\n');
}

/** postinst and postrm: the databases the desktops read, refreshed for the files just installed or removed. */
function maintainerScript(action, done) {
  return [
    '#!/bin/sh',
    'set -e',
    // dpkg's triggers of shared-mime-info and desktop-file-utils do the same when those are installed;
    // this also covers a root where they are not yet (dpkg --root), with DPKG_ROOT naming it.
    `if [ "$1" = ${action} ]${action === 'remove' ? ' || [ "$1" = purge ]' : ''}; then`,
    '  if command -v update-mime-database >/dev/null 2>&1; then',
    '    update-mime-database "$DPKG_ROOT/usr/share/mime"',
    '  fi',
    '  if command -v update-desktop-database >/dev/null 2>&1; then',
    '    update-desktop-database -q "$DPKG_ROOT/usr/share/applications"',
    '  fi',
    'fi',
    `# .cairn files are ${done}: the MIME type and the entry go with the package.`,
    '',
  ].join('\n');
}

/** The tags lintian gives the runtime that only a Node.js built by Debian would avoid, each with its reason. */
function lintianOverrides() {
  return [
    '# usr/bin/cairn is the Node.js release binary with Cairn injected as a single-executable',
    '# application (docs/desktop.md). Node links its own zlib statically; a Node built against',
    "# Debian's shared libraries (the nodejs package links libnode) cannot carry the injected app.",
    `${PACKAGE}: embedded-library zlib [usr/bin/cairn]`,
    "# Node's release build is not position-independent nor built with _FORTIFY_SOURCE; rebuilding",
    '# Node.js is out of scope for this package.',
    `${PACKAGE}: hardening-no-pie [usr/bin/cairn]`,
    `${PACKAGE}: hardening-no-fortify-functions [usr/bin/cairn]`,
    "# Misspellings in the strings of V8, Node's own JavaScript and the bundled libraries, not in Cairn.",
    `${PACKAGE}: spelling-error-in-binary * [usr/bin/cairn]`,
    '',
  ].join('\n');
}

function md5sums(usr) {
  const files = execFileSync('find', [usr, '-type', 'f'], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  return files.map((f) => `${createHash('md5').update(readFileSync(f)).digest('hex')}  ${relative(stage, f)}`).join('\n') + '\n';
}

function manPage() {
  const date = SOURCE_DATE.toISOString().slice(0, 10);
  const esc = (s) => s.replace(/\\/g, '\\e').replace(/-/g, '\\-').replace(/^\./, '\\&.');
  return [
    `.TH CAIRN 1 ${date} "cairn ${version}" "User Commands"`,
    '.SH NAME',
    'cairn \\- build, test and play Cairn adventure games',
    '.SH SYNOPSIS',
    '.B cairn',
    '.I command',
    '.RI [ options ]',
    '.br',
    '.B cairn play',
    '.I GAME.cairn',
    '.SH DESCRIPTION',
    'Cairn plays packaged adventure games (\\fB.cairn\\fR files) in a window of their own, and',
    'builds, tests and runs them from their sources.',
    '.B cairn',
    '.I command',
    '.B \\-\\-help',
    'describes each command\'s options.',
    '.SH COMMANDS',
    ...COMMANDS.flatMap((c) => ['.TP', `.B ${esc(c.name)}`, esc(c.summary)]),
    '.SH FILES',
    '.TP',
    '.I $XDG_DATA_HOME/cairn/saves/',
    'saved games, one folder per game',
    '.SH EXIT STATUS',
    '0 on success, 1 for a problem with the input (explained on standard error), 2 for a bug in Cairn.',
    '',
  ].join('\n');
}

function copyright() {
  return [
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
    'Upstream-Name: cairn',
    '',
    'Files: *',
    'Copyright: 2026 The Cairn project',
    'License: MIT',
    '',
    'Files: usr/bin/cairn',
    'Copyright: 2026 The Cairn project',
    '           Node.js contributors and the authors of the libraries it bundles',
    'License: MIT',
    ' The executable is the Node.js binary with Cairn, fflate, PixiJS and howler.js',
    ' (all MIT) embedded. Node.js bundles V8, libuv, OpenSSL (Apache-2.0), ICU and',
    ' others under permissive licenses, listed in its LICENSE file.',
    '',
    'License: MIT',
    ' Permission is hereby granted, free of charge, to any person obtaining a copy',
    ' of this software and associated documentation files (the "Software"), to deal',
    ' in the Software without restriction, including without limitation the rights',
    ' to use, copy, modify, merge, publish, distribute, sublicense, and/or sell',
    ' copies of the Software, and to permit persons to whom the Software is',
    ' furnished to do so, subject to the following conditions:',
    ' .',
    ' The above copyright notice and this permission notice shall be included in all',
    ' copies or substantial portions of the Software.',
    ' .',
    ' THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR',
    ' IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,',
    ' FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE',
    ' AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER',
    ' LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,',
    ' OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE',
    ' SOFTWARE.',
    '',
  ].join('\n');
}

function changelog() {
  return [
    `${PACKAGE} (${version}) unstable; urgency=medium`,
    '',
    '  * Single-file runtime with desktop integration for every user.',
    '',
    ` -- ${MAINTAINER}  ${SOURCE_DATE.toUTCString().replace('GMT', '+0000')}`,
    '',
  ].join('\n');
}

function du(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return execFileSync('find', [path, '-type', 'f', '-printf', '%s\\n'], { encoding: 'utf8' }).split('\n').filter(Boolean).reduce((a, b) => a + Number(b), 0);
}
