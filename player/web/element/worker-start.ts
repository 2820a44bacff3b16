// Starting the game Worker: a new thread, its script fetched and compiled,
// takes a tenth of a second, and the element is connected only after the
// player's scripts (PixiJS the largest) have run. So the player script's
// first module starts one worker for the page's first `<cairn-player src>`
// before anything else evaluates (player/web/boot.ts), while the bundle still
// downloads, and that element's first game takes it.

/** A worker started early, and the error it reported before anyone listened. */
let early: { worker: Worker; failure: string | null } | null = null;

function spawn(): Worker {
  return new Worker(new URL('../worker/game-worker.ts', import.meta.url), { type: 'module', name: 'cairn-game' });
}

/** Starts a worker now when the page has a player with a game to open (and none is waiting yet). */
export function startWorkerEarly(): void {
  if (early !== null || typeof document === 'undefined' || document.querySelector('cairn-player[src]') === null) return;
  const started = { worker: spawn(), failure: null as string | null };
  started.worker.addEventListener('error', (e) => (started.failure ??= e.message || 'the game worker failed to start'), { once: true });
  early = started;
}

/** A game worker: the one started early when there is one (with any failure it already reported), else a new one. */
export function takeWorker(): { worker: Worker; failure: string | null } {
  const taken = early ?? { worker: spawn(), failure: null };
  early = null;
  return taken;
}
