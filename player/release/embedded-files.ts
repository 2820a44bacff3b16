// The package's own files inside the single-file runtime (dist/release/
// cairn-linux-x64): there is no folder beside the executable, so the built web
// player and the desktop's icon and page script travel as SEA assets, keyed by
// their path in the package (`dist/player-web/index.html`). An index asset
// lists the keys, because node:sea can read an asset but not list them.

import * as sea from 'node:sea';

/** The asset that lists every other asset's key, one JSON array. */
export const INDEX_ASSET = 'cairn-files.json';

let index: readonly string[] | undefined;

/** True when this process is the single-file runtime (a Node single-executable application). */
export function isSingleExecutable(): boolean {
  return typeof sea.isSea === 'function' && sea.isSea();
}

/** Every embedded file's package path, sorted; empty outside the single-file runtime. */
export function embeddedPaths(): readonly string[] {
  if (!isSingleExecutable()) return [];
  index ??= JSON.parse(sea.getAsset(INDEX_ASSET, 'utf8')) as string[];
  return index;
}

/** The bytes of the embedded file at this package path, or undefined (not embedded, or not the single-file runtime). */
export function embeddedFile(path: string): Uint8Array | undefined {
  if (!embeddedPaths().includes(path)) return undefined;
  return new Uint8Array(sea.getAsset(path));
}

/** The embedded files under `dir` (a package path ending in `/`), keyed by their path below it. */
export function embeddedFolder(dir: string): Map<string, Uint8Array> | undefined {
  const paths = embeddedPaths().filter((p) => p.startsWith(dir));
  if (paths.length === 0) return undefined;
  return new Map(paths.map((p) => [p.slice(dir.length), embeddedFile(p)!]));
}
