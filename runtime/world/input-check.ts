// Inputs are checked when they are queued: a walkthrough or a player build
// that sends an unknown verb or names a thing the game lacks gets a USAGE
// error at once, with a hint, instead of an input silently ignored later.

import { CairnError } from '../../interpreter/errors.js';
import { didYouMean } from '../../interpreter/edit-distance.js';
import type { GameInput } from '../game-api.js';
import type { Engine } from './engine.js';

/** Throws USAGE when `input` is malformed or names a verb, object or actor the game does not have. */
export function checkInput(engine: Engine, input: GameInput): void {
  const bad = (why: string, hint?: string): never => {
    throw new CairnError('USAGE', `bad input: ${why}`, { hint });
  };
  const finite = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
  switch (input?.type) {
    case 'click':
    case 'hover':
      if (!finite(input.x) || !finite(input.y)) bad(`a ${input.type} needs x and y numbers`);
      return;
    case 'skip':
      if (input.line !== undefined && input.line !== true) bad('a skip\'s `line` must be true or left out');
      return;
    case 'choose':
      if (!(Number.isInteger(input.option) && input.option >= 1)) bad('choose needs an option number from 1');
      return;
    case 'verb': {
      const verbs = engine.decls.verbs.map((v) => v.id);
      // Without a `verbs` block the game takes any verb its handlers name.
      if (typeof input.verb !== 'string' || (verbs.length > 0 && input.verb !== 'walk' && !verbs.includes(input.verb))) {
        bad(`the game has no verb \`${String(input.verb)}\``, didYouMean(String(input.verb), [...verbs, 'walk']));
      }
      for (const name of input.with === undefined ? [input.target] : [input.target, input.with]) {
        const s = engine.state;
        if (typeof name !== 'string' || !(s.objects.has(name) || s.actors.has(name))) {
          bad(`there is no object or actor called \`${String(name)}\``, didYouMean(String(name), [...s.objects.keys(), ...s.actors.keys()]));
        }
      }
      return;
    }
    default:
      bad(`unknown input type ${JSON.stringify((input as { type?: unknown })?.type)}`);
  }
}
