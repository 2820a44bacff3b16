// Which frame of its costume an actor shows: the animation follows what it
// does (talk while a line of its shows, walk while walking, else idle),
// counted from the tick it started, at the animation's fps. A costume may
// give directions their own animation (`walk_up`, `idle_left`, …); without
// one, sprites face right and are flipped when the actor faces left.

import type { Animation } from './read-declarations.js';
import type { Engine } from './engine.js';
import type { ActorState } from './state.js';
import { TICKS_PER_SECOND } from '../../interpreter/vm/ticks.js';

/** Frames per second of an animation that declares none. */
export const DEFAULT_FPS = 8;

/** Sets each actor's animation for what it does now; a change restarts the frames. */
export function updateAnimations(engine: Engine): void {
  const s = engine.state;
  const now = engine.now;
  for (const [name, a] of s.actors) {
    const want = a.walk !== null ? 'walk' : s.lines.some((l) => l.actor === name) ? 'talk' : 'idle';
    if (a.anim !== want) {
      a.anim = want;
      a.animSince = now;
    }
  }
}

/** The sheet, frame and flip an actor shows at tick `now`, or null when it has no costume. */
export function costumeFrame(engine: Engine, a: ActorState, now: number): { sheet: string; frame: number; frameSize: [number, number] | null; flip: boolean } | null {
  const name = a.props.get('costume');
  const c = typeof name === 'string' ? engine.decls.costumes.get(name) : undefined;
  if (c === undefined || c.sheet === null) return null;
  let flip = false;
  let anim: Animation | undefined = c.animations.get(`${a.anim}_${a.facing}`);
  if (anim === undefined) {
    anim = c.animations.get(a.anim) ?? c.animations.get('idle');
    flip = a.side === 'left';
  }
  let frame = 0;
  if (anim !== undefined && anim.frames.length > 0) {
    const step = Math.floor(((now - a.animSince) * (anim.fps ?? DEFAULT_FPS)) / TICKS_PER_SECOND);
    frame = anim.frames[step % anim.frames.length]!;
  }
  return { sheet: c.sheet, frame, frameSize: c.frame === null ? null : [c.frame[0], c.frame[1]], flip };
}
