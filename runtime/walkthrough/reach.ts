// Whether a click could do what a walkthrough's `do VERB X [Y]` asks: the
// player can only act on what the room shows — a visible object or actor in
// the current room, or an item in the inventory — and only while input is
// not blocked. Read from the GameDriver alone, as the verb UI reads it, so a
// walkthrough cannot pass by doing what no player could.

import { EntityRef } from '../../interpreter/vm/values.js';
import type { GameDriver } from '../game-api.js';
import { evaluateSafely } from './expectations.js';

/** Why a click could not send `verb` on `target` (with `other`), or undefined when it could. */
export function whyUnreachable(game: GameDriver, target: string, other?: string): string | undefined {
  const scene = game.scene();
  if (scene.cutscene) return 'input is blocked: a cutscene is running';
  if (scene.dialog) return 'input is blocked: a dialog is waiting for a choice';
  for (const name of other === undefined ? [target] : [target, other]) {
    const why = whyNotHere(game, name);
    if (why !== undefined) return why;
  }
  return undefined;
}

function whyNotHere(game: GameDriver, name: string): string | undefined {
  const scene = game.scene();
  if (scene.inventory.some((i) => i.id === name)) return undefined;
  const room = evaluateSafely(game, `${name}.room`);
  // A name the game does not know is the game's to refuse, with its "did you mean".
  if (!('value' in room)) return undefined;
  const here = scene.room === null ? 'no room is shown' : `the room shown is ${scene.room}`;
  const where = room.value instanceof EntityRef ? room.value.name : null;
  if (where === null) return `\`${name}\` is in no room and not in the inventory: a click cannot reach it`;
  if (where !== scene.room) return `\`${name}\` is in ${where}, not here (${here}): a click cannot reach it`;
  const visible = evaluateSafely(game, `${name}.visible`);
  if ('value' in visible && visible.value === false) return `\`${name}\` is hidden (\`${name}.visible\` is false): a click cannot reach it`;
  return undefined;
}
