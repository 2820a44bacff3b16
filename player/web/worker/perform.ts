// `perform(cmd)` for the player: one walkthrough command (docs/language.md, "Walkthroughs"),
// read by the walkthrough parser and carried out by its command table, but in
// the worker's real time — the game keeps ticking and drawing while a command
// waits for control or lets time pass. Imports runtime/ and interpreter/.

import { isCairnError, type CairnError } from '../../../interpreter/errors.js';
import { formatError } from '../../../interpreter/diagnostic-format.js';
import type { GameDriver } from '../../../runtime/game-api.js';
import { walkCommand, type Problem, type WalkContext } from '../../../runtime/walkthrough/commands.js';
import { parseWalkthrough, type WalkStep } from '../../../runtime/walkthrough/parse.js';
import { MAX_WAIT_TICKS, type DriverDiagnostics } from '../../../runtime/walkthrough/run.js';

/** A command that did not pass, with the walkthrough's own message. */
export class PerformFailure extends Error {
  constructor(
    message: string,
    readonly code = 'WALKTHROUGH_FAILED',
  ) {
    super(message);
  }
}

interface Job {
  step: WalkStep;
  /** before: waiting for control to run; advancing: letting `wait` time pass; after: waiting for control to resolve. */
  phase: 'before' | 'advancing' | 'after';
  ticksLeft: number;
  waited: number;
  /** Script errors the game had reported when the command was queued: a new one fails the command. */
  errorsBefore: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

/** Runs walkthrough commands one after another against a game that ticks on its own. */
export class Performer {
  private readonly saves = new Map<string, Uint8Array>();
  private readonly said = { from: 0, since: null as number | null };
  private readonly queue: Job[] = [];

  constructor(private game: GameDriver) {}

  /** A new game (restart): saves taken by `save` stay, the `expect said` position starts over. */
  replaceGame(game: GameDriver): void {
    this.game = game;
    this.said.from = 0;
    this.said.since = null;
    for (const job of this.queue.splice(0)) job.reject(new PerformFailure('the game was restarted', 'RESTARTED'));
  }

  /** Queues one command; resolves when it passed and the player has control again. */
  perform(command: string): Promise<void> {
    const step = this.read(command);
    return new Promise((resolve, reject) => {
      this.queue.push({ step, phase: 'before', ticksLeft: 0, waited: 0, errorsBefore: this.errors().length, resolve, reject });
      this.progress();
    });
  }

  /** Called after every tick of the game loop (and once when a command is queued). */
  progress(): void {
    const job = this.queue[0];
    if (job === undefined) return;
    const game = this.game;
    try {
      if (job.phase === 'before') {
        if (walkCommand(job.step.command).waitsForControl && !this.controlOrTimeout(job)) return;
        this.run(job);
        if (job.phase === 'before') job.phase = 'after';
        if (this.queue[0] !== job) return;
      }
      if (job.phase === 'advancing') {
        if (job.ticksLeft > 0 && !game.ended) return;
        job.phase = 'after';
        job.waited = 0;
      }
      if (job.phase === 'after' && this.controlOrTimeout(job)) this.finish(job, null);
    } catch (e) {
      this.finish(job, isCairnError(e) ? new PerformFailure(`the game stopped with an error: ${formatError(e)}`, e.code) : (e as Error));
    }
  }

  /** Counts one tick of game time for a command that lets time pass. */
  ticked(): void {
    const job = this.queue[0];
    if (job === undefined) return;
    if (job.phase === 'advancing') job.ticksLeft -= 1;
    else job.waited += 1;
  }

  private read(command: string): WalkStep {
    if (/[\r\n]/.test(command)) throw new PerformFailure('perform takes one command, without line breaks', 'USAGE');
    // `load NAME` must follow its `save NAME` in a walkthrough: earlier performs count as those lines.
    const prelude = [...this.saves.keys()].map((name) => `save ${name}\n`).join('');
    let steps: WalkStep[];
    try {
      steps = parseWalkthrough(prelude + command, 'perform').steps.slice(this.saves.size);
    } catch (e) {
      throw new PerformFailure(isCairnError(e) ? e.message : String(e), isCairnError(e) ? e.code : 'USAGE');
    }
    if (steps.length !== 1) throw new PerformFailure('perform takes exactly one walkthrough command', 'USAGE');
    return steps[0]!;
  }

  private run(job: Job): void {
    const game = this.game;
    const row = walkCommand(job.step.command);
    if (row.acts && game.ended) throw new PerformFailure('the game has ended (`end game`), so nothing more can be played', 'ENDED');
    const ctx: WalkContext = {
      game,
      saves: this.saves,
      saidFrom: this.said.from,
      saidSince: this.said.since,
      line: job.step.line,
      send(input) {
        game.input(input);
        game.tick();
      },
      advance(ticks) {
        job.phase = 'advancing';
        job.ticksLeft = ticks;
      },
    };
    const problem = row.run(job.step.args, ctx);
    this.said.from = ctx.saidFrom;
    this.said.since = ctx.saidSince;
    if (problem) this.finish(job, failure(problem));
  }

  private controlOrTimeout(job: Job): boolean {
    if (this.game.hasControl || this.game.ended) return true;
    if (job.waited >= MAX_WAIT_TICKS) throw new PerformFailure('the player did not get control back within 10 minutes of game time');
    return false;
  }

  /** The script errors the game reported so far (the Game tells them; a bare GameDriver may not). */
  private errors(): readonly CairnError[] {
    return (this.game as GameDriver & DriverDiagnostics).errors ?? [];
  }

  private finish(job: Job, error: Error | null): void {
    this.queue.shift();
    // A handler that failed while the command ran fails the command, as it stops a walkthrough.
    const failed = error === null ? this.errors()[job.errorsBefore] : undefined;
    if (failed !== undefined) error = new PerformFailure(`a script failed: ${formatError(failed)}`, failed.code);
    if (error === null) job.resolve();
    else job.reject(error);
    this.progress();
  }
}

function failure(problem: Problem): PerformFailure {
  const notes = (problem.notes ?? []).map((n) => `\n  ${n.message}`).join('');
  return new PerformFailure(problem.message + notes + (problem.hint === undefined ? '' : `\n  hint: ${problem.hint}`));
}
