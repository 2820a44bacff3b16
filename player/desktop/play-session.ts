// One `cairn play` from start to end: assemble what the server may serve,
// start it, open the window, and wait for the window to close, Ctrl-C or the
// page's quit. Knows nothing of the command line: the CLI hands it a verified
// game (or the door's reason for refusing one) and where to write messages.

import { join } from 'node:path';
import { openDefaultBrowser, openWindow, windowSizeFor, type OpenedWindow } from './browser.js';
import { damagedBundlePage, missingPlayerPage } from './pages.js';
import { desktopFiles, loadPlayerBuild, playerBuildDir, type ServedFile } from './player-files.js';
import { DEFAULT_LIFETIME, type LifetimeOptions } from './page-lifetime.js';
import { SaveStore } from './save-store.js';
import { startPlayServer, type DevRoutes, type PlayServer, type StopReason } from './server.js';
import { savesDir, userDirs, type Env } from './user-dirs.js';

/** A game that passed the door. */
export interface VerifiedGame {
  /** The bundle's bytes exactly as verified: served as they are, never read again from disk. */
  bytes: Uint8Array;
  id: string;
  title: string;
  resolution: [number, number];
}

/** What a session needs. Exactly one of `game` and `refusal` is set. */
export interface PlaySessionOptions {
  /** The file as the user named it, for messages. */
  fileName: string;
  game?: VerifiedGame;
  /** Why the door refused the file: shown on a page to someone with no terminal. */
  refusal?: string;
  /** False for `--no-open`: print the address, open nothing, run until Ctrl-C or the page closes. */
  open: boolean;
  port?: number;
  env: Env;
  lifetime?: LifetimeOptions;
  say(line: string): void;
  warn(line: string): void;
  /** `cairn dev`: the game's bytes come from its latest build, and the page gets the dev client. */
  dev?: DevRoutes;
}

const HTML = 'text/html; charset=utf-8';

/** Serves the game (or the refusal page) until the session ends; resolves with why it ended. */
export async function runPlaySession(options: PlaySessionOptions): Promise<StopReason> {
  const { game, env } = options;
  const dirs = userDirs(env);
  const files = desktopFiles();
  let saves: SaveStore | undefined;
  if (game !== undefined) {
    saves = new SaveStore(savesDir(dirs, game.id));
    const build = loadPlayerBuild(env);
    if (build === undefined) {
      options.warn(`cairn play: the web player is not built (no ${join(playerBuildDir(env), 'index.html')}); run \`npm run build\`.`);
      files.set('/index.html', page(missingPlayerPage(game.title)));
    } else {
      for (const [route, file] of build) if (!files.has(route)) files.set(route, file);
    }
  } else {
    files.set('/index.html', page(damagedBundlePage(options.fileName, options.refusal ?? 'It is not a Cairn game.')));
  }

  const base = options.lifetime ?? (options.open ? DEFAULT_LIFETIME : { ...DEFAULT_LIFETIME, startupGraceMs: undefined });
  // `cairn dev` outlives its page: closing the window is not the end of a working session.
  let reopen = '';
  const lifetime: LifetimeOptions = options.dev ? { ...base, keepServing: { onAllPagesClosed: () => options.say(`The page closed; cairn dev keeps serving. Open ${reopen} to bring the game back, or press Ctrl-C to stop.`) } } : base;
  const server = await startPlayServer({ player: files, bundle: game?.bytes, saves, lifetime, port: options.port, log: options.warn, dev: options.dev });
  reopen = server.openUrl;
  let window: OpenedWindow | undefined;
  // Our app window goes with us (first, so its connections close at once); a launcher's browser is the user's and stays.
  const closeOwnWindow = () => {
    if (window?.ownsWindow && window.child.exitCode === null && window.child.signalCode === null) window.child.kill('SIGTERM');
  };
  const stopOnSignal = () => {
    closeOwnWindow();
    server.stop('stopped');
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, stopOnSignal);

  if (game !== undefined) {
    options.say(`Playing ${game.title} at ${server.origin}`);
    if (saves !== undefined) options.say(`Saves go to ${saves.dir}`);
  }
  if (options.open) {
    const profile = join(dirs.cache, 'cairn', 'browser-profile');
    openFirstWindow(server, options, profile, game?.resolution ?? [640, 360], (opened) => {
      window = opened;
      options.say(options.dev ? `Opened ${opened.description}; press Ctrl-C to stop (closing the window does not).` : `Opened ${opened.description}; close it or press Ctrl-C to stop.`);
    });
  } else {
    options.say(`Open ${server.openUrl} in a browser; press Ctrl-C to stop.`);
  }

  const reason = await server.stopped;
  for (const s of signals) process.off(s, stopOnSignal);
  closeOwnWindow();
  // Neither a browser shutting down nor a launcher still waiting on its browser holds `cairn play` open.
  window?.child.unref();
  return reason;
}

function page(html: string): ServedFile {
  return { bytes: Buffer.from(html), contentType: HTML };
}

/**
 * Opens the window and watches the browser: an app browser that fails before
 * any page came up gives way to the default browser (a sandboxed Chromium may
 * refuse a profile folder); a launcher that fails ends the session.
 */
function openFirstWindow(server: PlayServer, options: PlaySessionOptions, profileDir: string, resolution: [number, number], opened: (window: OpenedWindow) => void): void {
  const openOptions = { env: options.env, profileDir, windowSize: windowSizeFor(resolution) };
  const watch = (window: OpenedWindow, fallback: boolean): void => {
    opened(window);
    let failed = false;
    const onFailure = (why: string) => {
      if (failed) return;
      failed = true;
      // A browser we closed ourselves, or one that failed after its page came up, needs no other.
      if (server.pageConnected || server.isStopping) return;
      if (fallback && window.ownsWindow) {
        options.warn(`cairn play: ${window.description} ${why}; trying the default browser.`);
        tryOpen(() => openDefaultBrowser(server.openUrl, openOptions), false);
      } else {
        options.warn(`cairn play: ${window.description} ${why}. Set $BROWSER to a browser command, or open ${server.openUrl} yourself.`);
        server.stop('browser-failed');
      }
    };
    window.child.on('error', (e) => onFailure(`could not start (${e.message})`));
    window.child.on('exit', (code) => {
      if (code !== 0 && code !== null) onFailure(`exited with code ${code}`);
      else if (window.ownsWindow) server.browserExited();
    });
  };
  const tryOpen = (open: () => OpenedWindow, fallback: boolean): void => {
    try {
      watch(open(), fallback);
    } catch (e) {
      options.warn(`cairn play: ${(e as Error).message}. Open ${server.openUrl} in a browser yourself, or press Ctrl-C.`);
    }
  };
  tryOpen(() => openWindow(server.openUrl, openOptions), true);
}
