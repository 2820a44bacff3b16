// `cairn build DIR --web OUTDIR`: a folder any static host serves — the built
// web player (dist/player-web: index.html, cairn-player.js, its worker and
// chunks), the bundle as game.cairn — and OUTDIR.zip of the same files for
// game portals. The zip is reproducible: sorted names, fixed dates.

import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { CairnError } from '../../interpreter/errors.js';
import { DEV_CLIENT_FILE } from '../dev/dev-routes.js';
import { embeddedFolder } from '../release/embedded-files.js';

/** The bundle's name inside an exported folder (the player's index.html loads it). */
export const WEB_BUNDLE_NAME = 'game.cairn';

/** The built web player, from the compiled CLI (dist/player/cli) or from the sources (player/cli). */
export function webPlayerDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../player-web'), resolve(here, '../../dist/player-web')];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (found === undefined) throw new CairnError('USAGE', 'the web player is not built yet: run `npm run build` first');
  return found;
}

/** The built web player's files by relative path: the single-file runtime's own copy, else webPlayerDir()'s. */
export function webPlayerFiles(): ReadonlyMap<string, Uint8Array> {
  const embedded = embeddedFolder('dist/player-web/');
  if (embedded !== undefined) return embedded;
  const dir = webPlayerDir();
  return new Map(listFiles(dir).map((path) => [path, readFileSync(join(dir, path))]));
}

/** What an export wrote. */
export interface WebExport {
  dir: string;
  zip: string;
  files: number;
  zipBytes: number;
}

/** Writes the player (a build folder, or its files) and the bundle to `outDir`, and `outDir`.zip beside it. */
export function exportWeb(outDir: string, bundle: Uint8Array, title: string, player: string | ReadonlyMap<string, Uint8Array> = webPlayerFiles()): WebExport {
  const dir = resolve(outDir);
  if (existsSync(dir)) {
    // Replace an earlier export; never empty a folder that holds something else.
    if (!statSync(dir).isDirectory()) throw new CairnError('USAGE', `${dir} exists and is not a folder`);
    if (readdirSync(dir).length > 0 && !existsSync(join(dir, WEB_BUNDLE_NAME))) {
      throw new CairnError('USAGE', `${dir} is not empty and holds no earlier export (no ${WEB_BUNDLE_NAME}): choose an empty or new folder`);
    }
  }
  const files = new Map<string, Uint8Array>();
  // `cairn dev`'s page client is no part of a game: an export never ships it.
  const playerFiles = typeof player === 'string' ? new Map(listFiles(player).map((path) => [path, readFileSync(join(player, path))])) : player;
  for (const [path, bytes] of playerFiles) if (path !== DEV_CLIENT_FILE) files.set(path, bytes);
  const index = files.get('index.html');
  if (index === undefined) throw new CairnError('USAGE', `${typeof player === 'string' ? player : 'the web player'} has no index.html: rebuild the web player with \`npm run build\``);
  files.set('index.html', new TextEncoder().encode(withTitle(new TextDecoder().decode(index), title)));
  files.set(WEB_BUNDLE_NAME, bundle);

  // Write beside the target and swap, so a failed export never leaves half a folder.
  const temporary = `${dir}.partial`;
  rmSync(temporary, { recursive: true, force: true });
  for (const [path, bytes] of files) {
    const file = join(temporary, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(temporary, dir);

  const zip = `${dir}.zip`;
  const tree: Zippable = {};
  const fixedDate = new Date(Date.UTC(2000, 0, 1));
  for (const path of [...files.keys()].sort()) {
    // The bundle is already compressed; text and scripts deflate well.
    tree[path] = [files.get(path)!, { level: path === WEB_BUNDLE_NAME ? 0 : 9, mtime: fixedDate }];
  }
  const zipped = zipSync(tree);
  writeFileSync(`${zip}.partial`, zipped);
  renameSync(`${zip}.partial`, zip);
  return { dir, zip, files: files.size, zipBytes: zipped.length };
}

/** Every file under `root`, as sorted slash-separated relative paths. */
function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(root, full).split('\\').join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** The page with the game's title, escaped: a title is guest text, never markup. */
export function withTitle(html: string, title: string): string {
  const escaped = title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return html.replace(/<title>[^<]*<\/title>/, `<title>${escaped}</title>`);
}
