// Where Cairn keeps per-user files on each desktop: the freedesktop.org base
// directories on Linux, with the macOS and Windows equivalents beside them so
// the rest of player/desktop/ never asks which OS it runs on. Pure: reads only
// the environment it is given.

import { isAbsolute, join } from 'node:path';

/** The environment variables these functions read (process.env fits). */
export type Env = Readonly<Record<string, string | undefined>>;

/** Per-user base folders; on Linux the XDG ones, elsewhere their counterparts. */
export interface UserDirs {
  /** Saves and installed desktop data: $XDG_DATA_HOME (~/.local/share). */
  data: string;
  /** Settings such as mimeapps.list: $XDG_CONFIG_HOME (~/.config). */
  config: string;
  /** Throwaway files such as the browser profile: $XDG_CACHE_HOME (~/.cache). */
  cache: string;
}

/** The base folders for this user, following the platform's convention. */
export function userDirs(env: Env = process.env, platform: NodeJS.Platform = process.platform): UserDirs {
  const home = env.HOME ?? env.USERPROFILE;
  if (home === undefined || home === '') throw new Error('HOME is not set: cannot tell where this user keeps files');
  if (platform === 'darwin') {
    const support = join(home, 'Library', 'Application Support');
    return { data: support, config: support, cache: join(home, 'Library', 'Caches') };
  }
  if (platform === 'win32') {
    const roaming = env.APPDATA ?? join(home, 'AppData', 'Roaming');
    const local = env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
    return { data: roaming, config: roaming, cache: local };
  }
  return {
    data: xdgDir(env.XDG_DATA_HOME, join(home, '.local', 'share')),
    config: xdgDir(env.XDG_CONFIG_HOME, join(home, '.config')),
    cache: xdgDir(env.XDG_CACHE_HOME, join(home, '.cache')),
  };
}

// The base-directory spec: an unset, empty or relative value is ignored.
function xdgDir(value: string | undefined, fallback: string): string {
  return value !== undefined && value !== '' && isAbsolute(value) ? value : fallback;
}

/**
 * The game ids a folder may be named after: the manifest's reverse-domain
 * pattern again, checked here too because a save folder is a filesystem path.
 */
const GAME_ID = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$/;

/** True when `id` is a game id safe to use as one folder name. */
export function isSafeGameId(id: string): boolean {
  return id.length <= 128 && GAME_ID.test(id);
}

/** The folder of one game's saves: <data>/cairn/saves/<game id>/. */
export function savesDir(dirs: UserDirs, gameId: string): string {
  if (!isSafeGameId(gameId)) throw new Error(`not a safe game id for a folder name: ${JSON.stringify(gameId)}`);
  return join(dirs.data, 'cairn', 'saves', gameId);
}
