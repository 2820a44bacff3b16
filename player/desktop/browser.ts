// Opening the game's window: $BROWSER when the user set it (the usual
// convention: a colon-separated list, `%s` for the address), else Chromium or
// Chrome as an app window with a profile of Cairn's own, else the desktop's
// default browser. Only absolute paths are run: a file manager may start us
// with a minimal PATH, so well-known folders are searched too.

import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import type { Env } from './user-dirs.js';

/** How the window was opened. */
export interface OpenedWindow {
  /** For messages: "Chromium (app window)", "$BROWSER (firefox)". */
  description: string;
  /**
   * True when the child is the window's own browser process (app-mode
   * Chromium): its exit means the window closed, and stopping us closes it.
   * False for launchers ($BROWSER, xdg-open) that hand the address on and return.
   */
  ownsWindow: boolean;
  child: ChildProcess;
}

/** What a launch needs besides the address. */
export interface OpenOptions {
  env: Env;
  /** The app browser's profile folder: Cairn's own, never the user's everyday one. */
  profileDir: string;
  /** The window's inner size in CSS pixels. */
  windowSize: [number, number];
  platform?: NodeJS.Platform;
}

/** Chromium's names on Linux distributions, best first. */
const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
/** Searched after $PATH, which a file manager may have cut down to /usr/bin:/bin. */
const WELL_KNOWN_DIRS = ['/usr/local/bin', '/usr/bin', '/bin', '/snap/bin', '/opt/google/chrome'];

/** The absolute path of an executable named `name` (or given as a path), if there is one. */
export function findExecutable(name: string, env: Env): string | undefined {
  if (name.includes('/')) return isExecutableFile(name) ? name : undefined;
  const dirs = [...(env.PATH ?? '').split(delimiter).filter((d) => isAbsolute(d)), ...WELL_KNOWN_DIRS];
  for (const dir of dirs) {
    const path = join(dir, name);
    if (isExecutableFile(path)) return path;
  }
  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The commands $BROWSER names for `url`, in order: each entry split on spaces,
 * `%s` replaced by the address (`%%` by `%`), the address appended when no
 * entry word has `%s`. The address is always one whole argument.
 */
export function browserCommands(browserVar: string, url: string): string[][] {
  const commands: string[][] = [];
  for (const entry of browserVar.split(':')) {
    const words = entry.trim().split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) continue;
    const hasSlot = words.some((w) => w.replace(/%%/g, '').includes('%s'));
    const argv = words.map((w) => w.replace(/%(%|s)/g, (_m, c: string) => (c === 's' ? url : '%')));
    commands.push(hasSlot ? argv : [...argv, url]);
  }
  return commands;
}

/** Opens `url` in a window by the first method available; throws when there is none. */
export function openWindow(url: string, options: OpenOptions): OpenedWindow {
  const { env } = options;
  if (env.BROWSER !== undefined && env.BROWSER.trim() !== '') {
    for (const [command, ...args] of browserCommands(env.BROWSER, url)) {
      const path = findExecutable(command!, env);
      if (path !== undefined) return { description: `$BROWSER (${command})`, ownsWindow: false, child: launch(path, args, env) };
    }
    throw new Error(`none of the browsers in $BROWSER (${env.BROWSER}) could be found`);
  }
  const app = openAppWindow(url, options);
  if (app !== undefined) return app;
  return openDefaultBrowser(url, options);
}

/** Chromium or Chrome as a window of its own, with no tabs or address bar; undefined when neither is installed. */
export function openAppWindow(url: string, options: OpenOptions): OpenedWindow | undefined {
  if ((options.platform ?? process.platform) !== 'linux') return undefined; // see docs/desktop.md for macOS and Windows
  for (const name of CHROMIUM_NAMES) {
    const path = findExecutable(name, options.env);
    if (path === undefined) continue;
    const [width, height] = options.windowSize;
    const args = [
      `--app=${url}`,
      `--user-data-dir=${options.profileDir}`,
      '--no-first-run',
      '--no-default-browser-check',
      `--window-size=${width},${height}`,
    ];
    return { description: `${name} (app window)`, ownsWindow: true, child: launch(path, args, options.env) };
  }
  return undefined;
}

/** The desktop's default browser, through the platform's opener. */
export function openDefaultBrowser(url: string, options: OpenOptions): OpenedWindow {
  const platform = options.platform ?? process.platform;
  const [opener, ...args] = platform === 'darwin' ? ['open', url] : platform === 'win32' ? ['explorer.exe', url] : ['xdg-open', url];
  const path = findExecutable(opener!, options.env);
  if (path === undefined) throw new Error(`no browser found: install Chromium, or xdg-utils for the default browser, or set $BROWSER`);
  return { description: `the default browser (${opener})`, ownsWindow: false, child: launch(path, args, options.env) };
}

function launch(path: string, args: string[], env: Env): ChildProcess {
  // No shell: the address and paths reach the browser as whole arguments, never re-parsed.
  return spawn(path, args, { env: env as NodeJS.ProcessEnv, stdio: 'ignore' });
}

/** A window size that shows the game at a whole-number scale on a common screen. */
export function windowSizeFor(resolution: readonly [number, number]): [number, number] {
  const [w, h] = resolution;
  const scale = Math.max(1, Math.floor(Math.min(1600 / w, 900 / h)));
  return [w * scale, h * scale];
}
