// Plays a parsed walkthrough against a GameDriver, headless: before each
// command the game runs until the player has control (at most 10 minutes of
// game time), then the command acts or checks. Failures are CairnErrors
// (WALKTHROUGH_FAILED) at the walkthrough's line. Imports interpreter/ only.
//
// A failed `expect` does not stop the walkthrough: the game is unchanged by
// checking it, so later checks still say something true. A command that could
// not act (an unknown verb, a choice no dialog offers, an input the game
// refused), a game that never gives control back, or a script error stops it:
// every later line would be played against a game in a state the author did
// not write it for, and its failures would only be echoes of the first.

import { CairnError, isCairnError, type Note } from '../../interpreter/errors.js';
import type { GameDriver, GameInput } from '../game-api.js';
import { walkCommand, type Problem, type WalkContext } from './commands.js';
import type { Walkthrough, WalkStep } from './parse.js';
import { secondsToTicks, ticksToSeconds } from '../../interpreter/vm/ticks.js';

/** How long a command waits for control: 10 minutes of game time. */
export const MAX_WAIT_TICKS = secondsToTicks(10 * 60);

/**
 * What a driver may tell beyond the GameDriver contract (the Game does): its
 * script errors and the inputs it refused, each in order. A walkthrough fails
 * on either — a thread that died or an input that did nothing leaves the game
 * in a state the rest of the walkthrough was not written for.
 */
export interface DriverDiagnostics {
  readonly errors?: readonly CairnError[];
  readonly refusals?: ReadonlyArray<{ tick: number; input: GameInput; reason: string }>;
}

/** How to run. */
export interface RunOptions {
  /** Ticks a command may wait for control; default MAX_WAIT_TICKS. */
  maxWaitTicks?: number;
}

/** What a walkthrough run found. */
export interface WalkResult {
  file: string;
  passed: boolean;
  /** WALKTHROUGH_FAILED errors at the failing lines, in order. */
  failures: CairnError[];
  /** The walkthrough stopped early; its last failure says why. */
  stopped: boolean;
  /** Steps carried out (all of them, unless stopped). */
  stepsRun: number;
  /** Game ticks the walkthrough took. */
  ticks: number;
}

/** Runs every step of `walk` against `game` (a fresh game, usually). */
export function runWalkthrough(walk: Walkthrough, game: GameDriver, options: RunOptions = {}): WalkResult {
  const maxWait = options.maxWaitTicks ?? MAX_WAIT_TICKS;
  const firstTick = game.tickCount;
  const failures: CairnError[] = [];
  const saves = new Map<string, Uint8Array>();
  const said = { from: 0, since: null as number | null };
  let stepsRun = 0;
  let stopped = false;

  const told = game as GameDriver & DriverDiagnostics;
  for (const step of walk.steps) {
    const errorsBefore = told.errors?.length ?? 0;
    const refusalsBefore = told.refusals?.length ?? 0;
    const problem = runStep(step, game, { saves, said, maxWait });
    stepsRun += 1;
    const problems = [
      ...(problem ? [problem] : []),
      ...(told.refusals ?? []).slice(refusalsBefore).map((r): Problem => ({ message: `the game refused the input: ${r.reason}`, fatal: true })),
      ...(told.errors ?? []).slice(errorsBefore).map((e): Problem => ({ message: 'a script failed', fatal: true, notes: [{ message: `${e.message} [${e.code}]`, span: e.span }, ...e.notes], hint: e.hint })),
    ];
    for (const p of problems) failures.push(failureAt(step, p));
    if (problems.some((p) => p.fatal)) {
      stopped = true;
      break;
    }
  }
  return { file: walk.file, passed: failures.length === 0, failures, stopped, stepsRun, ticks: game.tickCount - firstTick };
}

interface RunState {
  saves: Map<string, Uint8Array>;
  said: { from: number; since: number | null };
  maxWait: number;
}

/** Waits for control if the command wants it, then runs it; a script error becomes a fatal problem. */
function runStep(step: WalkStep, game: GameDriver, state: RunState): Problem | undefined {
  const row = walkCommand(step.command);
  try {
    // `on start` runs in the first tick: no command should look at a game that has not started.
    if (game.tickCount === 0) game.tick();
    const readyWhen = row.readyWhen;
    const ready = row.waitsForControl ? () => game.hasControl : readyWhen && (() => readyWhen(game));
    if (ready && !waitUntil(game, ready, state.maxWait)) {
      return { message: `the player did not get control back within ${describeTicks(state.maxWait)}: ${whatHoldsControl(game)}`, fatal: true };
    }
    if (row.acts && game.ended) return { message: 'the game has ended (`end game`), so nothing more can be played', fatal: true };
    const ctx: WalkContext = {
      game,
      saves: state.saves,
      saidFrom: state.said.from,
      saidSince: state.said.since,
      line: step.line,
      send(input) {
        try {
          game.input(input);
        } catch (e) {
          if (isCairnError(e)) throw new RefusedInput(e);
          throw e;
        }
        game.tick();
      },
      advance(ticks) {
        for (let i = 0; i < ticks && !game.ended; i++) game.tick();
      },
    };
    const problem = row.run(step.args, ctx);
    state.said.from = ctx.saidFrom;
    state.said.since = ctx.saidSince;
    return problem;
  } catch (e) {
    if (e instanceof RefusedInput) return { message: e.reason.hint ? `${e.reason.message} (${e.reason.hint})` : e.reason.message, fatal: true };
    if (!isCairnError(e)) throw e;
    const first = e.all()[0]!;
    const notes: Note[] = [{ message: `${first.message} [${first.code}]`, span: first.span }, ...first.notes];
    return { message: 'the game stopped with an error', fatal: true, notes, hint: first.hint };
  }
}

/** An input the game would not queue (unknown verb or name): the command's failure, not a game error. */
class RefusedInput extends Error {
  constructor(readonly reason: CairnError) {
    super(reason.message);
  }
}

/** Ticks until `ready` holds or the game ends; false when `limit` ticks were not enough. */
function waitUntil(game: GameDriver, ready: () => boolean, limit: number): boolean {
  for (let waited = 0; !ready() && !game.ended; waited++) {
    if (waited >= limit) return false;
    game.tick();
  }
  return true;
}

/** Why the player has no control, from what the scene shows. */
function whatHoldsControl(game: GameDriver): string {
  const scene = game.scene();
  if (scene.speech.length > 0) return `${scene.speech[0]!.actor} is still saying "${scene.speech[0]!.text}"`;
  if (scene.cutscene) return 'a cutscene is still running';
  return 'the controlled actor is still walking, or a script keeps the player waiting';
}

function describeTicks(ticks: number): string {
  const minutes = ticksToSeconds(ticks) / 60;
  const time = Number.isInteger(minutes) ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${Number(ticksToSeconds(ticks).toFixed(2))} seconds`;
  return `${time} of game time (${ticks.toLocaleString('en-US')} ticks)`;
}

function failureAt(step: WalkStep, problem: Problem): CairnError {
  return new CairnError('WALKTHROUGH_FAILED', problem.message, { span: step.span, notes: problem.notes, hint: problem.hint });
}
