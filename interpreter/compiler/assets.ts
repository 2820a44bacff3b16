// Asset paths in scripts (`play sound "…"`, `background: "…"`, …) are checked
// at compile time through the host's callbacks, and every path is recorded so
// the packer knows what the game uses. Shared by check.ts and emit-declarations.ts.

import type { Span } from '../errors.js';
import { closestName } from '../edit-distance.js';
import type { Diagnostics } from './diagnostics.js';

/** How the host says which assets exist (paths relative to the project's `assets/`). */
export interface AssetOptions {
  assetExists?: (path: string) => boolean;
  assetNames?: () => string[];
}

/** Checks asset paths against the host and collects the ones used. */
export class AssetChecker {
  private readonly used = new Set<string>();
  private names: string[] | undefined;

  constructor(
    private readonly options: AssetOptions,
    private readonly diag: Diagnostics,
  ) {}

  /** Records `path` and reports it when the host says no such file exists. */
  check(path: string, span: Span): void {
    this.used.add(path);
    const exists = this.options.assetExists;
    if (exists === undefined || exists(path)) return;
    this.names ??= this.options.assetNames?.() ?? [];
    const best = closestAsset(path, this.names);
    this.diag.error('UNKNOWN_ASSET', `There is no asset \`${path}\`.`, span, {
      hint: best ? `did you mean \`${best}\`?` : 'asset paths are relative to the project\'s `assets/` folder',
    });
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
