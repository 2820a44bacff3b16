// What a running player keeps in memory for a bug report: an automatic save
// at every room change (from the last one, a replay reaches the problem
// quickly), where the input log stood then, and the first script error with
// its tick. Once an error has happened the save stays put, so the report
// replays to it. Call observe() between ticks only.

import type { CairnError } from '../../interpreter/errors.js';
import type { Game } from '../game.js';
import { writeGameSave } from './game-save-file.js';
import type { Report, ReportedError } from './report-format.js';

/** The report material of one game (a restart starts a new keeper). */
export class ReportKeeper {
  private room: string | null | undefined = undefined;
  private save: Uint8Array | null = null;
  private logStart = 0;
  private error: ReportedError | null = null;

  /** Between ticks: makes the automatic save when the room changed since the last look. */
  observe(game: Game): void {
    const room = game.scene().room;
    if (room === this.room) return;
    this.room = room;
    // Before the first tick there is nothing to save: a report then replays from a new game.
    if (this.error === null && game.tickCount > 0) this.mark(game);
  }

  /** Saves here: the log of a report starts now (after a load, too). */
  mark(game: Game): void {
    this.save = writeGameSave(game, { slot: 'report', name: 'Automatic save', date: Date.now() });
    this.logStart = game.inputLog().inputs.length;
    this.room = game.scene().room;
  }

  /** A script error happened at the game's current tick; the first one is the report's. */
  failed(error: CairnError, tick: number): void {
    this.error ??= { code: error.code, message: error.message, tick, place: placeOf(error) };
  }

  /** The report of the game now. */
  report(game: Game, about: { title: string; player: string }): Report {
    const log = game.inputLog();
    return {
      game: { ...log.game, title: about.title },
      player: about.player,
      date: Date.now(),
      save: this.save,
      log: { ...log, inputs: log.inputs.slice(this.logStart) },
      error: this.error,
    };
  }
}

/** Where an error happened in the scripts, or null. */
export function placeOf(error: CairnError): ReportedError['place'] {
  const span = error.span;
  return span === undefined ? null : { file: span.source, line: span.start.line, column: span.start.column };
}
