// How the CLI starts and runs an adventure game from a verified bundle, in
// one place, so `cairn run`, `cairn test` and replays create their Game the
// same way (same seed handling, same bundle) and a replay reproduces a run.

import { writeFileSync } from 'node:fs';
import type { Module } from '../../interpreter/bytecode/module.js';
import { CairnError } from '../../interpreter/errors.js';
import { formatError } from '../../interpreter/diagnostic-format.js';
import { storyLine } from '../../runtime/story.js';
import { ADVENTURE_NATIVES } from '../../interpreter/compiler/adventure-natives.js';
import { Game, type GameOptions } from '../../runtime/game.js';
import type { LoadedGame } from '../../runtime/game-loader.js';
import { checkLogIsFor, formatInputLog, parseInputLog, replayInputLog } from '../../runtime/input-log.js';
import { loadStringTable, offeredLanguages } from '../../runtime/language.js';
import { continueFromSave } from './save-files.js';
import { readTextFile } from './sources.js';
import { terminalSafe, terminalSafeError, terminalSafeSources, type Terminal } from './terminal.js';

const ADVENTURE_NATIVE_NAMES: ReadonlySet<string> = new Set(ADVENTURE_NATIVES.map((n) => n.name));

/** A fresh game of a loaded bundle, with the random generator seeded by `seed` (and `debug` hooks, for tracing), in `lang` (default: the game's own). */
export function startGame(loaded: LoadedGame, seed: number, debug?: GameOptions['debug'], lang?: string): Game {
  return Game.fromBundle(loaded, { seed, debug, ...(lang === undefined ? {} : { language: loadStringTable(loaded.bundle, lang) }) });
}

/** The languages `--lang` names: one, or with `all` every one the bundle offers. */
export function chosenLanguages(loaded: LoadedGame, lang: string | undefined): Array<string | undefined> {
  if (lang === undefined) return [undefined];
  const { offered } = offeredLanguages(loaded.bundle);
  return lang === 'all' ? offered : [lang];
}

/** True when a module declares a world (rooms, actors, objects, dialogs) or calls adventure natives: it needs the Game, not the bare VM. */
export function isAdventure(module: Module): boolean {
  const d = module.declarations;
  if (d !== null && typeof d === 'object' && !Array.isArray(d)) {
    for (const key of ['rooms', 'actors', 'objects', 'dialogs']) {
      const list = d[key];
      if (Array.isArray(list) && list.length > 0) return true;
    }
  }
  return module.natives.some((name) => ADVENTURE_NATIVE_NAMES.has(name));
}

/** How `cairn run` plays an adventure headless. */
export interface HeadlessOptions {
  seed: number;
  maxTicks: number;
  /** Write the run's input log here at the end. */
  record?: string;
  /** Replay this input log instead of running without input. */
  replay?: string;
  /** Debug hooks for the game (`--trace`). */
  debug?: GameOptions['debug'];
  /** Print only the `print` lines, not the whole transcript. */
  quiet?: boolean;
  /** Continue from this `.cairnsave` file instead of starting anew. */
  load?: string;
  /** Play in this language (`--lang`; a replay uses the log's). */
  lang?: string;
}

/**
 * Runs an adventure without a player, printing the transcript a player would
 * read as it happens (runtime/story.ts; only `print` lines when quiet): until
 * the game ends or waits for the player (nothing more happens without input),
 * or — replaying a log — for exactly the recorded ticks. The first script
 * error stops the run: it is printed with its place and code frame, and the
 * exit code is 1.
 */
export function runHeadless(source: LoadedGame | Module, options: HeadlessOptions, term: Terminal): { game: Game; exitCode: number } {
  const loaded = 'bundle' in source ? source : undefined;
  if (!loaded && (options.record !== undefined || options.replay !== undefined || options.load !== undefined)) {
    throw new CairnError('USAGE', '--record, --replay and --load need a built game (`cairn build`, then `cairn run GAME.cairn`)');
  }
  const log = options.replay === undefined ? undefined : parseInputLog(readTextFile(options.replay), options.replay);
  if (log && options.replay && loaded) checkLogIsFor(log, loaded.bundle.manifest, options.replay);
  const seed = log?.seed ?? options.seed;
  if (options.lang !== undefined && !loaded) throw new CairnError('USAGE', '--lang needs a built game (`cairn build`, then `cairn run GAME.cairn --lang fr`)');
  const lang = log?.languages?.[0]?.lang ?? options.lang;
  const game = loaded ? startGame(loaded, seed, options.debug, lang) : Game.create(source as Module, { seed, debug: options.debug });
  if (options.load !== undefined) continueFromSave(game, options.load);
  let printed = 0;
  const printNew = () => {
    for (; printed < game.story.length; printed++) {
      const event = game.story[printed]!;
      if (!options.quiet || event.kind === 'print') term.out(terminalSafe(storyLine(event)));
    }
  };
  const failed = () => game.errors.length > 0;
  if (log) {
    replayInputLog(game, log, printNew, failed, (to) => game.setLanguage(to, loadStringTable(loaded!.bundle, to)));
  } else {
    // The first tick runs `on start`; from then on, control in the player's hands means the run is over.
    do {
      game.tick();
      printNew();
    } while (!failed() && !game.ended && !game.hasControl && game.tickCount < options.maxTicks);
    if (!failed() && !game.ended && !game.hasControl) term.err(`cairn run: stopped after ${options.maxTicks} ticks; the game had not given the player control yet.`);
  }
  if (options.record !== undefined) writeFileSync(options.record, formatInputLog(game.inputLog()));
  for (const error of game.errors.slice(0, 1)) term.err(formatError(terminalSafeError(error), { color: term.color, sources: terminalSafeSources(term.sources) }));
  return { game, exitCode: failed() ? 1 : 0 };
}
