// `cairn dev` watching a project: one recursive fs.watch on the project folder
// (Node 20 supports it on Linux, macOS and Windows), a filter for the files a
// build reads (cairn.json, scripts/, assets/) that drops editors' temporary
// files, and a scheduler that turns a burst of changes into one rebuild.

import { watch, type FSWatcher } from 'node:fs';

/** How long the scheduler waits after the last change: an editor's save is often several writes. */
export const DEBOUNCE_MS = 50;

/** The timer functions the scheduler uses (tests pass fake ones). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/**
 * Runs `run` once `delayMs` after the last poke. Pokes that come while it
 * runs make it run once more when it ends — never twice at once, and never
 * a change left unbuilt.
 */
export class RebuildScheduler {
  private timer: unknown = undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private disposed = false;

  constructor(
    private readonly run: () => void | Promise<void>,
    private readonly delayMs = DEBOUNCE_MS,
    private readonly timers: Timers = REAL_TIMERS,
  ) {}

  /** Something changed. */
  poke(): void {
    if (this.disposed) return;
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => this.fire(), this.delayMs);
  }

  /** True while a run is due or under way. */
  get busy(): boolean {
    return this.timer !== undefined || this.running !== undefined;
  }

  /** No more runs; a run under way finishes. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.timer = undefined;
    this.again = false;
    this.running = (async () => {
      try {
        await this.run();
      } finally {
        this.running = undefined;
        // Changes made during the build: build again, after the same quiet time.
        if (this.again) this.poke();
      }
    })();
  }
}

/** True for a path (relative to the project, `/`-separated) whose change a build would see. */
export function affectsBuild(path: string): boolean {
  if (path === 'cairn.json') return true;
  if (!path.startsWith('scripts/') && !path.startsWith('assets/')) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  // Editors' swap, backup and probe files: vim's .x.swp and 4913, emacs's #x# and .#x, x~.
  if (name.startsWith('.') || name.startsWith('#') || name.endsWith('~') || name === '4913') return false;
  return !/\.(swp|swx|tmp|crswap)$/i.test(name);
}

/** A running watch; close() stops it. */
export interface ProjectWatch {
  close(): void;
}

/** Watches `dir`; calls `changed` with each relevant path (or null when the system did not say which). */
export function watchProject(dir: string, changed: (path: string | null) => void, onError: (e: Error) => void): ProjectWatch {
  const watcher: FSWatcher = watch(dir, { recursive: true }, (_event, name) => {
    if (name === null) return changed(null);
    const path = String(name).split('\\').join('/');
    if (affectsBuild(path)) changed(path);
  });
  watcher.on('error', onError);
  return { close: () => watcher.close() };
}
