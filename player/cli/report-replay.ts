// `cairn run GAME.cairn --replay FILE.cairnreport`: plays a player's bug
// report back — its save, then its inputs at their ticks — printing the
// transcript, and says whether the report's error happened again at the
// same tick with the same message (exit 0) or not (exit 1).

import { CairnError } from '../../interpreter/errors.js';
import { Game } from '../../runtime/game.js';
import type { LoadedGame } from '../../runtime/game-loader.js';
import { replayInputLog } from '../../runtime/input-log.js';
import { loadGameSave } from '../../runtime/saves/game-save-file.js';
import { decodeReport, MAX_REPORT_BYTES, REPORT_EXTENSION, type ReportedError } from '../../runtime/saves/report-format.js';
import { placeOf } from '../../runtime/saves/report-keeper.js';
import { readSaveBytes } from './save-files.js';
import type { Terminal } from './terminal.js';

/** True for a path `--replay` reads as a bug report rather than an input log. */
export function isReportFile(path: string): boolean {
  return path.endsWith(REPORT_EXTENSION);
}

/** Replays the report at `path` on `loaded`; the exit code. */
export function replayReport(loaded: LoadedGame, path: string, term: Terminal): number {
  const report = decodeReport(readSaveBytes(path, MAX_REPORT_BYTES), `\`${path}\``);
  const m = loaded.bundle.manifest;
  if (report.game.id !== m.id || report.game.version !== m.version) {
    throw new CairnError('REPORT_INVALID', `\`${path}\` was made with ${report.game.id} ${report.game.version}, not with ${m.id} ${m.version}.`, {
      hint: 'a report replays exactly only on the game it was made with',
    });
  }
  const seen: ReportedError[] = [];
  const holder: { game?: Game } = {};
  const game = Game.fromBundle(loaded, { seed: report.log.seed, onError: (e) => seen.push({ code: e.code, message: e.message, tick: holder.game!.tickCount, place: placeOf(e) }) });
  holder.game = game;
  if (report.save !== null) loadGameSave(game, report.save, "the report's save");
  let printed = game.transcript.length;
  replayInputLog(game, report.log, () => {
    while (printed < game.transcript.length) term.out(game.transcript[printed++]!);
  });
  const from = report.save === null ? 'a new game' : "the report's save";
  const wanted = report.error;
  if (wanted === null) {
    term.err(`cairn run: replayed ${path} from ${from} to tick ${game.tickCount}; the report records no error${seen.length > 0 ? `, but the replay had ${seen.length}` : ''}.`);
    return 0;
  }
  const again = seen.find((e) => e.code === wanted.code && e.message === wanted.message && e.tick === wanted.tick && samePlace(e.place, wanted.place));
  if (again === undefined) {
    const instead = seen.length === 0 ? 'no error happened' : `instead: [${seen[0]!.code}] at tick ${seen[0]!.tick}: ${seen[0]!.message}`;
    term.err(`cairn run: the replay of ${path} did not reproduce [${wanted.code}] at tick ${wanted.tick}: ${wanted.message} (${instead}).`);
    return 1;
  }
  term.err(`cairn run: reproduced the report's error at tick ${again.tick}, from ${from}: [${again.code}] ${again.message}${at(again.place)}`);
  return 0;
}

function samePlace(a: ReportedError['place'], b: ReportedError['place']): boolean {
  return a === null || b === null ? a === b : a.file === b.file && a.line === b.line && a.column === b.column;
}

function at(place: ReportedError['place']): string {
  return place === null ? '' : ` (${place.file}:${place.line}:${place.column})`;
}
