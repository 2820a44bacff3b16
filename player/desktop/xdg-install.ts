// `cairn install-desktop` on freedesktop.org desktops, for the current user
// and without root: a shared-mime-info package that knows *.cairn by name and
// by magic, icons, a .desktop entry whose Exec needs no PATH or shell, Cairn
// as the default for the type, then the desktop's databases brought up to date.
// Idempotent; every file and tool it touches is reported.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findExecutable } from './browser.js';
import { SAVE_FILE_EXTENSION, SAVE_FILE_MAGIC, SAVE_FILE_MIME } from '../../runtime/saves/save-file-format.js';
import { defaultApps, removeApp, setDefaultApp } from './mimeapps-list.js';
import { desktopAssetBytes } from './player-files.js';
import { userDirs, type Env } from './user-dirs.js';

/** The bundle's MIME type; the same string is the `mimetype` entry of every bundle. */
export const MIME_TYPE = 'application/x-cairn-bundle';
/** The desktop file id that mimeapps.list names. */
export const DESKTOP_ID = 'cairn.desktop';
const MIME_ICON = MIME_TYPE.replace('/', '-');
const APP_ICON = 'cairn';

/** What an install runs: the absolute paths the .desktop entry starts. */
export interface InstallOptions {
  env: Env;
  /** Absolute path of the Node.js binary (process.execPath), or of the single-file runtime. */
  nodePath: string;
  /** Absolute path of bin/cairn.js; undefined when nodePath is the single-file runtime, which is the CLI itself. */
  cliPath: string | undefined;
}

/** What install or uninstall did, one line per file or tool, for the user. */
export interface DesktopReport {
  lines: string[];
  /** Problems that leave the integration incomplete (a missing tool). */
  warnings: string[];
}

/** The shared-mime-info package: bundles by glob and the EPUB-style magic (the `mimetype` entry's name and text at offset 30), save files by glob and magic. */
export function mimePackageXml(): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- Written by `cairn install-desktop`; removed by `cairn uninstall-desktop`. -->',
    '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">',
    `  <mime-type type="${MIME_TYPE}">`,
    '    <comment>Cairn adventure game</comment>',
    '    <sub-class-of type="application/zip"/>',
    `    <icon name="${MIME_ICON}"/>`,
    '    <generic-icon name="application-x-executable"/>',
    '    <magic priority="70">',
    '      <match type="string" value="PK\\003\\004" offset="0">',
    `        <match type="string" value="mimetype${MIME_TYPE}" offset="30"/>`,
    '      </match>',
    '    </magic>',
    '    <glob pattern="*.cairn"/>',
    '  </mime-type>',
    // A save file (docs/saves.md): its own type, by name and by its first eight bytes.
    `  <mime-type type="${SAVE_FILE_MIME}">`,
    '    <comment>Cairn saved game</comment>',
    '    <generic-icon name="application-x-generic"/>',
    '    <magic priority="70">',
    `      <match type="string" value="${SAVE_FILE_MAGIC}" offset="0"/>`,
    '    </magic>',
    `    <glob pattern="*${SAVE_FILE_EXTENSION}"/>`,
    '  </mime-type>',
    '</mime-info>',
    '',
  ].join('\n');
}

/** The .desktop entry: absolute paths, no shell, hidden from menus (it needs a file to open). */
export function desktopEntry(nodePath: string, cliPath?: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Cairn',
    'GenericName=Adventure Game Player',
    'Comment=Play Cairn adventure games',
    `Icon=${APP_ICON}`,
    `TryExec=${escapeValue(nodePath)}`,
    `Exec=${(cliPath === undefined ? [nodePath] : [nodePath, cliPath]).map(quoteExecArg).join(' ')} play %f`,
    'Terminal=false',
    'NoDisplay=true',
    `MimeType=${MIME_TYPE};`,
    'Categories=Game;AdventureGame;',
    '',
  ].join('\n');
}

/** The desktop-entry spec's quoting of one Exec argument, then its escaping of a string value. */
export function quoteExecArg(arg: string): string {
  const literal = arg.replace(/%/g, '%%');
  const quoted = /[\s"'\\><~|&;$*?#()`]/.test(literal) ? `"${literal.replace(/(["`$\\])/g, '\\$1')}"` : literal;
  return escapeValue(quoted);
}

/** The desktop-entry spec's escaping of a string value (backslash, newline, tab, carriage return). */
export function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
}

/** Every file the integration owns, by where it goes, with its content. */
function installedFiles(dataHome: string, options: InstallOptions): Array<{ path: string; content: string | Uint8Array }> {
  const icon = desktopAssetBytes('cairn.svg');
  return [
    { path: join(dataHome, 'mime', 'packages', 'cairn-bundle.xml'), content: mimePackageXml() },
    { path: join(dataHome, 'icons', 'hicolor', 'scalable', 'apps', `${APP_ICON}.svg`), content: icon },
    { path: join(dataHome, 'icons', 'hicolor', 'scalable', 'mimetypes', `${MIME_ICON}.svg`), content: icon },
    { path: join(dataHome, 'applications', DESKTOP_ID), content: desktopEntry(options.nodePath, options.cliPath) },
  ];
}

/** Installs the integration for the user whose folders `env` names. */
export function installDesktop(options: InstallOptions): DesktopReport {
  const report: DesktopReport = { lines: [], warnings: [] };
  const dirs = userDirs(options.env, 'linux');
  if (/\s/.test(options.nodePath + (options.cliPath ?? ''))) {
    report.warnings.push('the path of node or of cairn.js has a space: desktops honour the quoted Exec line, but xdg-open outside a desktop session does not');
  }
  for (const file of installedFiles(dirs.data, options)) {
    const changed = writeIfChanged(file.path, file.content);
    report.lines.push(`${changed ? 'wrote    ' : 'unchanged'} ${file.path}`);
  }
  updateDatabases(dirs.data, options.env, report);
  // xdg-mime is the standard tool; without it, the same line goes into mimeapps.list directly.
  const xdgMime = findExecutable('xdg-mime', options.env);
  const mimeapps = join(dirs.config, 'mimeapps.list');
  if (xdgMime !== undefined && runTool(xdgMime, ['default', DESKTOP_ID, MIME_TYPE], options.env, report)) {
    report.lines.push(`default   ${DESKTOP_ID} for ${MIME_TYPE} (xdg-mime default, in ${mimeapps})`);
  } else {
    const text = existsSync(mimeapps) ? readFileSync(mimeapps, 'utf8') : '';
    writeIfChanged(mimeapps, setDefaultApp(text, MIME_TYPE, DESKTOP_ID));
    report.lines.push(`default   ${DESKTOP_ID} for ${MIME_TYPE} (written to ${mimeapps})`);
  }
  return report;
}

/** Removes what installDesktop wrote and Cairn's lines in mimeapps.list. */
export function uninstallDesktop(options: Pick<InstallOptions, 'env'>): DesktopReport {
  const report: DesktopReport = { lines: [], warnings: [] };
  const dirs = userDirs(options.env, 'linux');
  for (const { path } of installedFiles(dirs.data, { env: options.env, nodePath: '', cliPath: '' })) {
    if (existsSync(path)) {
      unlinkSync(path);
      report.lines.push(`removed   ${path}`);
    } else {
      report.lines.push(`not there ${path}`);
    }
  }
  const mimeapps = join(dirs.config, 'mimeapps.list');
  if (existsSync(mimeapps)) {
    const text = readFileSync(mimeapps, 'utf8');
    const had = defaultApps(text, MIME_TYPE).includes(DESKTOP_ID);
    if (writeIfChanged(mimeapps, removeApp(text, MIME_TYPE, DESKTOP_ID))) report.lines.push(`removed   ${DESKTOP_ID} from ${mimeapps}${had ? ' (it was the default)' : ''}`);
  }
  updateDatabases(dirs.data, options.env, report);
  return report;
}

/** The MIME database (for globs and magic) and the desktop file cache, where their tools are installed. */
function updateDatabases(dataHome: string, env: Env, report: DesktopReport): void {
  const mimeDir = join(dataHome, 'mime');
  const updateMime = findExecutable('update-mime-database', env);
  if (updateMime === undefined) report.warnings.push('update-mime-database not found (Debian: shared-mime-info): .cairn files will not be recognised until it runs');
  else if (existsSync(join(mimeDir, 'packages'))) runTool(updateMime, [mimeDir], env, report);
  const updateDesktop = findExecutable('update-desktop-database', env);
  const appsDir = join(dataHome, 'applications');
  // Optional: desktops read the .desktop files themselves; the cache only speeds up lookups.
  if (updateDesktop !== undefined && existsSync(appsDir)) runTool(updateDesktop, [appsDir], env, report);
}

function runTool(path: string, args: string[], env: Env, report: DesktopReport): boolean {
  try {
    execFileSync(path, args, { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
    report.lines.push(`ran       ${[path, ...args].join(' ')}`);
    return true;
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    report.warnings.push(`${path} ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
    return false;
  }
}

/** Writes through a temporary file and a rename, only when the content differs; true when it wrote. */
function writeIfChanged(path: string, content: string | Uint8Array): boolean {
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  if (existsSync(path) && Buffer.compare(readFileSync(path), bytes) === 0) return false;
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, path);
  return true;
}
