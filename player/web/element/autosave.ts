// The autosave of one open game: a snapshot kept fresh in memory (every
// SNAPSHOT_MS while the game runs), written to the `autosave` slot when the
// page hides or closes (a closing page cannot wait for the worker, only write
// what it has), and written every few minutes of play as the settings say.

import type { GameSaves } from '../saves/server-save-store.js';

/** The slot the player saves to when the page is hidden or closed, and every few minutes. */
export const AUTOSAVE_SLOT = 'autosave';
/**
 * The autosave's bytes, or null; asks for them only when the list has one (a missing slot would be a 404 on `cairn play`).
 * `known` is the set of games with an autosave read while the bundle downloaded, when the saves are in this browser.
 */
export async function autosavedBytes(saves: GameSaves, game: string, known: Promise<Set<string> | null> | null): Promise<ArrayBuffer | null> {
  try {
    const games = known === null ? null : await known;
    if (games !== null && !games.has(game)) return null;
    return (await saves.list()).some((s) => s.slot === AUTOSAVE_SLOT) ? await saves.get(AUTOSAVE_SLOT) : null;
  } catch {
    return null;
  }
}

/** How often a running game's snapshot is refreshed for the autosave on exit. */
const SNAPSHOT_MS = 10_000;

/** What the autosave needs from the element. */
export interface AutosaveHost {
  /** The game as bytes now, and a thumbnail. */
  snapshot(): Promise<{ bytes: ArrayBuffer; thumbnail: Blob | null }>;
  /** True while game time runs. */
  isRunning(): boolean;
}

/** Keeps and writes the autosave of one open game. */
export class Autosave {
  private kept: { bytes: ArrayBuffer; thumbnail: Blob | null } | null = null;
  private readonly snapshotTimer: ReturnType<typeof setInterval>;
  private periodic: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly saves: GameSaves,
    private readonly host: AutosaveHost,
    minutes: number,
  ) {
    this.snapshotTimer = setInterval(() => {
      if (host.isRunning()) void this.refresh().catch(() => undefined);
    }, SNAPSHOT_MS);
    this.every(minutes);
  }

  /** Writes the autosave slot every `minutes` of play (0: only when the page hides or closes). */
  every(minutes: number): void {
    if (this.periodic !== null) clearInterval(this.periodic);
    this.periodic = null;
    if (!(minutes > 0)) return;
    this.periodic = setInterval(() => {
      if (this.host.isRunning()) void this.refresh().then(() => this.write(), () => undefined);
    }, minutes * 60_000);
  }

  /** Takes a fresh snapshot (after a load, the autosave on exit must not bring back the game from before it). */
  async refresh(): Promise<void> {
    this.kept = await this.host.snapshot();
  }

  /** Writes the kept snapshot at once (the page may be going away); never shows an error: the last autosave stays. */
  write(): void {
    const snap = this.kept;
    if (snap === null) return;
    void this.saves.put(AUTOSAVE_SLOT, snap.bytes.slice(0), 'Autosave', snap.thumbnail).catch(() => undefined);
  }

  /** The page was hidden (it may be closing): write what is kept now, then a fresh one if the page lives on. */
  hidden(): void {
    this.write();
    void this.refresh().then(() => this.write(), () => undefined);
  }

  /** Stops the timers (the game closes). */
  stop(): void {
    clearInterval(this.snapshotTimer);
    if (this.periodic !== null) clearInterval(this.periodic);
    this.periodic = null;
  }
}
