// `cairn dev`'s hot reload, worker side: carry a running game over to a
// rebuilt bundle. The old game is saved to bytes and the save loaded into the
// new build (the cross-build rules of saves decide: a waiting thread whose
// function changed refuses); a refused save restarts the game and goes back to
// the room it was in. Imports runtime/ and interpreter/ only, so Node tests run it.

import { isCairnError } from '../../../interpreter/errors.js';
import type { AudioCommand } from '../../../runtime/game-api.js';
import type { Game } from '../../../runtime/game.js';
import type { LoadedGame } from '../../../runtime/game-loader.js';
import type { ReloadOutcome } from '../protocol.js';
import { secondsToTicks } from '../../../interpreter/vm/ticks.js';

/** How much game time a restart may run ahead to hand control back (the opening cutscene): one minute. */
const RESTART_CATCH_UP_TICKS = secondsToTicks(60);

/** The game the new build runs, and what to tell the person. */
export interface Reloaded {
  game: Game;
  outcome: ReloadOutcome;
  /** Audio the next frame carries before the game's own (the music a restart's opening left playing). */
  audio: AudioCommand[];
}

/**
 * Moves `old` to the build `next`, made by `create` (a game with debug
 * options). Never throws for a refused save: that is the restart case.
 */
export function reloadGame(old: Game, previous: LoadedGame, next: LoadedGame, create: (loaded: LoadedGame) => Game): Reloaded {
  const room = old.scene().room;
  const changedAssets = changedAssetPaths(previous, next);
  const saved = old.save();
  const game = create(next);
  try {
    game.load(saved);
    // A save keeps every property as it was: numbers changed in the declarations (the room editor's) take effect now.
    game.debugger().adoptDeclarationsOf(old.debugger());
    return { game, outcome: { kind: 'in-place', room, changedAssets, reason: '' }, audio: [] };
  } catch (e) {
    if (!isCairnError(e)) throw e;
    // A refused load changes nothing, but the fresh game must not have seen it at all.
    const fresh = create(next);
    const music = restartIn(fresh, room);
    const outcome: ReloadOutcome = { kind: 'restarted', room: fresh.scene().room, changedAssets, reason: whyRefused(e.message) };
    return { game: fresh, outcome, audio: music === undefined ? [] : [music] };
  }
}

/**
 * Runs the new game's opening until the player has control (bounded), then
 * goes to `room` as the debugger's `go` does. What the opening played is
 * dropped; the music that holds at its end is returned, to be sent first.
 */
function restartIn(game: Game, room: string | null): AudioCommand | undefined {
  for (let t = 0; t < RESTART_CATCH_UP_TICKS && !game.ended; t++) {
    game.tick();
    if (t > 0 && game.hasControl) break;
  }
  const music = lastMusic(game.takeAudio());
  if (room !== null && game.scene().room !== room) {
    try {
      game.debugger().goRoom(room);
    } catch {
      // The room is gone from the new build: stay where the opening left us.
    }
  }
  return music;
}

function lastMusic(audio: AudioCommand[]): AudioCommand | undefined {
  for (let i = audio.length - 1; i >= 0; i--) {
    const a = audio[i]!;
    if (a.type === 'music' || a.type === 'stop-music') return a;
  }
  return undefined;
}

/** "the script `beach.shell.on look` changed" out of the save's refusal, for a one-line toast. */
function whyRefused(message: string): string {
  const colon = message.indexOf(': ');
  return (colon >= 0 ? message.slice(colon + 2) : message).replace(/\.$/, '');
}

/** Assets whose bytes differ between two builds (new ones included): the page drops its copies of them. */
export function changedAssetPaths(previous: LoadedGame, next: LoadedGame): string[] {
  const before = new Map(previous.bundle.manifest.entries.map((e) => [e.path, e.sha256]));
  return next.bundle.manifest.entries
    .filter((e) => e.path.startsWith('assets/') && before.get(e.path) !== e.sha256)
    .map((e) => e.path.slice('assets/'.length));
}
