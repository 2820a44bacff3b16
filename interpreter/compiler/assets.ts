// Asset paths in scripts (`play sound "…"`, `background: "…"`, …) are checked
// at compile time through the host's callbacks, and every path is recorded so
// the packer knows what the game uses. Shared by check.ts and emit-declarations.ts.

import type { Span } from '../errors.js';
import { closestName } from '../edit-distance.js';
import type { Diagnostics } from './diagnostics.js';
import { keepAlive } from '../keep-alive.js';

/** What the host read in an asset file: a picture with its size, a sound, or other; `problem` when it is damaged. */
export interface AssetInfo {
  kind: 'image' | 'audio' | 'other';
  /** `PNG`, `Ogg`, … (or the file's extension for other files). */
  format: string;
  /** Width and height of a picture. */
  size?: readonly [number, number];
  /** Why the file does not read as what it says it is. */
  problem?: string;
}

/** The kind of file a place in the script needs. */
export type AssetKind = 'image' | 'audio';

/** How the host says which assets exist (paths relative to the project's `assets/`), and what they hold. */
export interface AssetOptions {
  assetExists?: (path: string) => boolean;
  assetNames?: () => string[];
  /** What an existing asset holds, read from its bytes; without it, only existence is checked. */
  assetInfo?: (path: string) => AssetInfo | undefined;
}

/** Checks asset paths against the host and collects the ones used. */
export class AssetChecker {
  private readonly used = new Set<string>();
  private names: string[] | undefined;
  /** What the host read of each file, asked once per file. */
  private readonly infos = new Map<string, AssetInfo | undefined>();

  constructor(
    private readonly options: AssetOptions,
    private readonly diag: Diagnostics,
  ) {
    keepAlive(this);
  }

  /**
   * Records `path` and reports it when the host says no such file exists, or
   * — when `want` says what kind belongs here — when the file is damaged or of
   * another kind (a picture played as a sound).
   */
  check(path: string, span: Span, want?: AssetKind): void {
    this.used.add(path);
    const exists = this.options.assetExists;
    if (exists === undefined || exists(path)) {
      if (want !== undefined) this.checkKind(path, span, want);
      return;
    }
    this.names ??= this.options.assetNames?.() ?? [];
    const best = closestAsset(path, this.names);
    this.diag.error('UNKNOWN_ASSET', `There is no asset \`${path}\`.`, span, {
      hint: best ? `did you mean \`${best}\`?` : 'asset paths are relative to the project\'s `assets/` folder',
    });
  }

  /** The size of a picture the host could read, for costume frames. */
  imageSize(path: string): readonly [number, number] | undefined {
    return this.info(path)?.size;
  }

  private info(path: string): AssetInfo | undefined {
    if (!this.infos.has(path)) this.infos.set(path, this.options.assetInfo?.(path));
    return this.infos.get(path);
  }

  private checkKind(path: string, span: Span, want: AssetKind): void {
    const info = this.info(path);
    if (info === undefined) return;
    if (info.problem !== undefined) {
      this.diag.error('ASSET_DAMAGED', `The asset \`${path}\` cannot be used: ${info.problem}.`, span, { hint: `export it again as a ${info.format} file` });
      return;
    }
    if (info.kind === want) return;
    const needs = want === 'image' ? 'a picture (PNG, JPEG, WebP, GIF or SVG)' : 'a sound (Ogg, MP3 or WAV)';
    const is = info.kind === 'other' ? `a .${info.format} file` : `${info.kind === 'image' ? 'a picture' : 'a sound'} (${info.format})`;
    this.diag.error('ASSET_KIND', `The asset \`${path}\` is ${is}, but ${needs} belongs here.`, span);
  }

  /** Every asset path the program names, sorted. */
  usedPaths(): string[] {
    return [...this.used].sort();
  }
}

// Typos are usually in the file name, so compare whole paths first, then names in the same folder.
function closestAsset(path: string, names: string[]): string | undefined {
  const whole = closestName(path, names);
  if (whole) return whole;
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  const byBase = new Map<string, string>();
  for (const n of names) byBase.set(n.slice(n.lastIndexOf('/') + 1), n);
  const best = closestName(base, byBase.keys());
  return best === undefined ? undefined : byBase.get(best);
}
