// The files `cairn play` may serve: the web player's build (dist/player-web/),
// listed once at start into a map from route to file, plus this folder's
// page script and icon. The map is the allow-list: a route that is not in it
// does not exist, however it is spelled. Node fs only, or the single-file
// runtime's embedded copies of the same files (player/release/embedded-files.ts).

import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embeddedFile, embeddedFolder } from '../release/embedded-files.js';

/** One file the server may send. */
export interface ServedFile {
  bytes: Uint8Array;
  contentType: string;
}

const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json'],
  ['.map', 'application/json'],
  ['.wasm', 'application/wasm'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.webp', 'image/webp'],
  ['.ico', 'image/x-icon'],
  ['.woff2', 'font/woff2'],
  ['.woff', 'font/woff'],
  ['.ttf', 'font/ttf'],
  ['.txt', 'text/plain; charset=utf-8'],
]);

/** Limits that keep a misplaced folder (say, `/`) from being read whole. */
const MAX_FILES = 2000;
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

/** The MIME type the server sends for a file name; unknown kinds are plain bytes. */
export function contentTypeOf(name: string): string {
  return CONTENT_TYPES.get(extname(name).toLowerCase()) ?? 'application/octet-stream';
}

/** The folder holding Cairn's package.json: the sources and the build both live under it. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'cairn') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the cairn package folder above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** Where the web player's build is: $CAIRN_PLAYER_DIR when set (for development), else dist/player-web/. */
export function playerBuildDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.CAIRN_PLAYER_DIR ? env.CAIRN_PLAYER_DIR : join(packageRoot(), 'dist', 'player-web');
}

/** A file of this folder (player/desktop/) in the sources, which tsc does not copy to dist/. */
export function desktopAsset(name: string): string {
  return join(packageRoot(), 'player', 'desktop', name);
}

/** The bytes of a file of player/desktop/: embedded in the single-file runtime, else read from the package. */
export function desktopAssetBytes(name: string): Uint8Array {
  return embeddedFile(`player/desktop/${name}`) ?? readFileSync(desktopAsset(name));
}

/** The web player to serve: $CAIRN_PLAYER_DIR's, else the single-file runtime's own, else dist/player-web/; undefined when not built. */
export function loadPlayerBuild(env: Readonly<Record<string, string | undefined>> = process.env): Map<string, ServedFile> | undefined {
  const embedded = env.CAIRN_PLAYER_DIR ? undefined : embeddedFolder('dist/player-web/');
  if (embedded !== undefined) return new Map([...embedded].map(([path, bytes]) => ['/' + path, { bytes, contentType: contentTypeOf(path) }]));
  return readPlayerBuild(playerBuildDir(env));
}

/**
 * Reads every regular file under `dir` into a map keyed by route (`/index.html`,
 * `/assets/app.js`). Symbolic links are followed only when they stay inside
 * `dir`; dot-files are skipped. Returns undefined when `dir` has no index.html.
 */
export function readPlayerBuild(dir: string): Map<string, ServedFile> | undefined {
  if (!existsSync(join(dir, 'index.html'))) return undefined;
  const root = realpathSync(dir);
  const files = new Map<string, ServedFile>();
  let total = 0;
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      const st = lstatSync(path);
      // Real folders only: a linked folder could loop or lead out of the build.
      if (st.isDirectory()) {
        walk(path);
        continue;
      }
      let source = path;
      if (st.isSymbolicLink()) {
        source = realpathSync(path);
        if (!source.startsWith(root + sep) || !lstatSync(source).isFile()) continue; // a link out of the build
      } else if (!st.isFile()) {
        continue;
      }
      const bytes = readFileSync(source);
      total += bytes.length;
      if (files.size >= MAX_FILES || total > MAX_TOTAL_BYTES) throw new Error(`${dir} is too large to be a player build`);
      files.set('/' + relative(root, path).split(sep).join('/'), { bytes, contentType: contentTypeOf(name) });
    }
  };
  walk(root);
  return files;
}

/** The route of the desktop icon, used as the page's icon. */
export const ICON_ROUTE = '/cairn-icon.svg';
/** The route of the page script that joins a page to the desktop session. */
export const PAGE_SCRIPT_ROUTE = '/cairn-desktop.js';

/** The desktop's own files the server adds to the player's: the page script and the icon. */
export function desktopFiles(): Map<string, ServedFile> {
  return new Map([
    [PAGE_SCRIPT_ROUTE, { bytes: desktopAssetBytes('desktop-page.js'), contentType: contentTypeOf('desktop-page.js') }],
    [ICON_ROUTE, { bytes: desktopAssetBytes('cairn.svg'), contentType: contentTypeOf('cairn.svg') }],
  ]);
}
