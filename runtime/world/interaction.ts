// The player's input, turned into handlers. A verb on a target runs the
// target's `on VERB`; `use X with Y` runs X's `on use with Y` or else Y's
// `on use with X`; a plain click on a thing walks the controlled actor there
// and then runs its `on walk`; a click on the floor walks there; anything
// unanswered goes to the top-level `on unhandled(verb, target)`. Clicks and
// verbs are refused during cutscenes, open dialogs and after the end.

import { EntityRef } from '../../interpreter/vm/values.js';
import type { GameInput } from '../game-api.js';
import { pickOption } from './dialogs.js';
import type { Engine } from './engine.js';
import { entityAt } from './hit-test.js';
import { skipLines } from './speech.js';
import { hasHandler, startHandlers } from './threads.js';
import { approachPoint, endWalk, startWalk } from './walking.js';

/** Applies one input; returns why it was refused, or null when it was taken. */
export function applyInput(engine: Engine, input: GameInput): string | null {
  switch (input.type) {
    case 'hover':
      engine.hover = { x: input.x, y: input.y };
      return null;
    case 'skip':
      // Ending a line lets the cutscene go on to its next; only a skip without `line` ends the cutscene.
      if (engine.inCutscene && input.line !== true) engine.skipRequested = true;
      else skipLines(engine);
      return null;
    case 'choose':
      return pickOption(engine, input.option);
    case 'click': {
      const why = cannotAct(engine);
      if (why !== null) return why;
      const cam = engine.state.camera;
      return click(engine, { x: input.x + cam.x, y: input.y + cam.y });
    }
    case 'verb': {
      const why = cannotAct(engine);
      if (why !== null) return why;
      return verb(engine, input.verb, input.target, input.with);
    }
  }
}

/** Why the player cannot click or use verbs now, or null. */
export function cannotAct(engine: Engine): string | null {
  if (engine.state.ended) return 'the game has ended';
  if (engine.inCutscene) return 'a cutscene is running';
  if (engine.state.dialogs.length > 0) return 'a dialog is open';
  return null;
}

/** The entity a target name in an input refers to (objects and actors), or undefined. */
export function targetRef(engine: Engine, name: string): EntityRef | undefined {
  if (engine.state.objects.has(name)) return new EntityRef('object', name);
  if (engine.state.actors.has(name)) return new EntityRef('actor', name);
  return undefined;
}

/** Runs the handlers on arrival of a plain click's walk: `on walk` of what was clicked. */
export function arrive(engine: Engine, entity: string): void {
  startHandlers(engine, entity, 'walk', [], { input: true });
}

function click(engine: Engine, p: { x: number; y: number }): string | null {
  const hit = entityAt(engine, p);
  haltPlayer(engine);
  if (hit !== null) {
    approach(engine, hit);
    return null;
  }
  const hero = controlledHere(engine);
  if (hero === null) return 'the controlled actor is not in this room';
  startWalk(engine, hero, p, 0, null, true);
  return null;
}

function verb(engine: Engine, verbId: string, targetName: string, withName: string | undefined): string | null {
  const target = targetRef(engine, targetName);
  const other = withName === undefined ? null : targetRef(engine, withName);
  if (target === undefined || other === undefined) return `there is no object or actor called \`${target === undefined ? targetName : withName}\``;
  for (const ref of other === null ? [target] : [target, other]) {
    const why = unreachable(engine, ref);
    if (why !== null) return why;
  }
  haltPlayer(engine);
  const run = (owner: string, withOwner?: string): boolean => {
    if (!hasHandler(engine, owner, verbId, withOwner)) return false;
    startHandlers(engine, owner, verbId, [], { with: withOwner, input: true });
    return true;
  };
  if (other !== null) {
    if (run(target.name, other.name) || run(other.name, target.name)) return null;
  } else {
    if (run(target.name)) return null;
    if (verbId === 'walk') {
      approach(engine, target);
      return null;
    }
  }
  const args = other === null ? [verbId, target] : [verbId, target, other];
  startHandlers(engine, '', 'unhandled', args, { input: true });
  return null;
}

/**
 * Objects must be on screen (in the current room, visible) or in the
 * inventory; actors are always reachable (they may talk from anywhere — the
 * beach sample never places its keeper).
 */
function unreachable(engine: Engine, ref: EntityRef): string | null {
  if (ref.entity !== 'object') return null;
  const o = engine.object(ref.name);
  if (engine.state.inventory.includes(ref.name)) return null;
  if (o.room !== null && o.room === engine.state.room && o.visible) return null;
  return `\`${ref.name}\` is neither here nor in the inventory`;
}

/** Walks the controlled actor to a thing, then runs its `on walk`; without a walk to make, at once. */
function approach(engine: Engine, ref: EntityRef): void {
  const hero = controlledHere(engine);
  const target = approachPoint(engine, ref);
  if (hero !== null && target !== null && target.room === engine.state.room && startWalk(engine, hero, target.at, 0, ref.name, true)) return;
  arrive(engine, ref.name);
}

/** A new action of the player replaces the old: the controlled actor stops, and an input's walk-then-act is called off. */
function haltPlayer(engine: Engine): void {
  const name = engine.state.controlled;
  if (name !== null) endWalk(engine, engine.actor(name), false, true);
}

function controlledHere(engine: Engine): string | null {
  const s = engine.state;
  if (s.controlled === null) return null;
  return s.actors.get(s.controlled)?.room === s.room ? s.controlled : null;
}
