// Runs an adventure example of the documentation on the real adventure
// runtime (runtime/game.ts), in the shape test/support/run-adv.ts compares:
// output lines (`print` lines, and spoken lines as `actor: text`) and the
// first error. Optionally plays a walkthrough against it with the real runner.

import { compile } from '../../interpreter/compiler/compile.js';
import { isCairnError } from '../../interpreter/errors.js';
import { formatError } from '../../interpreter/diagnostic-format.js';
import { Game } from '../../runtime/game.js';
import { parseWalkthrough } from '../../runtime/walkthrough/parse.js';
import { runWalkthrough } from '../../runtime/walkthrough/run.js';
import type { RunResult } from '../support/run-adv.js';

/** Ticks the game may run before it must give the player control (as for walkthroughs: 10 minutes). */
const MAX_TICKS = 10 * 60 * 60;

/**
 * Compiles `text` alone (every asset path counts as present) and plays it
 * as `cairn run` does: from `on start` until the game ends or the player has
 * control; then, given a walkthrough, plays it and again waits for control.
 * A walkthrough that fails is a thrown error listing its failures.
 */
export function runGame(file: string, text: string, walk?: { file: string; text: string }): RunResult {
  const output: string[] = [];
  let game: Game | undefined;
  let heard = 0;
  // Spoken lines are interleaved with printed ones in the order they happened.
  const hear = (): void => {
    const said = game?.said ?? [];
    for (; heard < said.length; heard++) output.push(said[heard]!.actor === '' ? said[heard]!.text : `${said[heard]!.actor}: ${said[heard]!.text}`);
  };
  try {
    const { module } = compile([{ file, text }]);
    game = Game.create(module, {
      seed: 1,
      print: (line) => {
        hear();
        output.push(...line.split('\n'));
      },
    });
    const settle = (): void => {
      do {
        game!.tick();
        hear();
      } while (!game!.ended && !game!.hasControl && game!.tickCount < MAX_TICKS);
      if (!game!.ended && !game!.hasControl) throw new Error(`${file}: the player had no control after ${MAX_TICKS} ticks`);
    };
    settle();
    if (walk !== undefined) {
      const result = runWalkthrough(parseWalkthrough(walk.text, walk.file), game);
      hear();
      if (!result.passed) {
        const failures = result.failures.map((f) => formatError(f, { sources: (name) => (name === walk.file ? walk.text : undefined) }));
        throw new Error(`${walk.file} failed:\n${failures.join('\n')}`);
      }
      if (!game.ended) settle();
    }
    return game.errors.length > 0 ? { output, error: game.errors[0] } : { output };
  } catch (e) {
    if (!isCairnError(e)) throw e;
    return { output, error: e };
  }
}
