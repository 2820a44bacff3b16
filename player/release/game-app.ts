// `cairn build DIR --app`: the game as one app for Linux — the single-file
// runtime with the bundle appended (app-file.ts) — and, beside it, a .desktop
// file and an icon for launchers and menus.

import { chmodSync, copyFileSync, existsSync, appendFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CairnError } from '../../interpreter/errors.js';
import { desktopAssetBytes, packageRoot } from '../desktop/player-files.js';
import { escapeValue, quoteExecArg } from '../desktop/xdg-install.js';
import { appLayout, appTrailer } from './app-file.js';
import { isSingleExecutable } from './embedded-files.js';

/** The runtime's file name in dist/release/ (`npm run package`). */
export const RUNTIME_NAME = 'cairn-linux-x64';

/** What `--app` wrote. */
export interface GameApp {
  app: string;
  desktop: string;
  icon: string;
}

/**
 * The runtime an app is made of: this process when it is the single-file
 * runtime (an app's own game is left out), else $CAIRN_RUNTIME, else the
 * checkout's dist/release/cairn-linux-x64.
 */
export function appRuntime(env: Readonly<Record<string, string | undefined>>): { path: string; runtimeBytes: number | undefined } {
  let path: string | undefined;
  if (isSingleExecutable()) path = process.execPath;
  else if (env.CAIRN_RUNTIME) path = env.CAIRN_RUNTIME;
  else {
    const built = join(packageRoot(), 'dist', 'release', RUNTIME_NAME);
    if (existsSync(built)) path = built;
  }
  if (path === undefined || !existsSync(path)) {
    throw new CairnError('USAGE', `--app needs the single-file runtime (${RUNTIME_NAME}): run this build with it, set CAIRN_RUNTIME to it, or make it in a checkout with \`npm run package\``);
  }
  // When the runtime is itself an app, only the bytes before its game are the runtime.
  return { path, runtimeBytes: appLayout(path)?.runtimeBytes };
}

/** Writes `<id>-linux-x64` (runtime + bundle), `<id>.desktop` and `<id>.svg` into `dir`. */
export function writeGameApp(dir: string, bundle: Uint8Array, game: { id: string; title: string; description?: string }, env: Readonly<Record<string, string | undefined>>): GameApp {
  const runtime = appRuntime(env);
  const app = join(dir, `${game.id}-linux-x64`);
  const icon = join(dir, `${game.id}.svg`);
  const desktop = join(dir, `${game.id}.desktop`);
  // Beside the target and renamed, so a failed write never leaves half an app.
  const temporary = `${app}.partial`;
  copyFileSync(runtime.path, temporary);
  if (runtime.runtimeBytes !== undefined) truncateSync(temporary, runtime.runtimeBytes);
  appendFileSync(temporary, bundle);
  appendFileSync(temporary, appTrailer(bundle.length));
  chmodSync(temporary, 0o755);
  renameSync(temporary, app);
  writeFileSync(icon, desktopAssetBytes('cairn.svg'));
  writeFileSync(desktop, gameDesktopEntry(app, icon, game));
  return { app, desktop, icon };
}

/** A launcher entry for one game's app, by absolute path: copy it to ~/.local/share/applications to list the game. */
export function gameDesktopEntry(app: string, icon: string, game: { title: string; description?: string }): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${escapeValue(game.title)}`,
    ...(game.description ? [`Comment=${escapeValue(game.description)}`] : []),
    `Icon=${escapeValue(icon)}`,
    `TryExec=${escapeValue(app)}`,
    `Exec=${quoteExecArg(app)}`,
    'Terminal=false',
    'Categories=Game;AdventureGame;',
    '',
  ].join('\n');
}
