// Actors walking: a path from the room's walk map (pathfinding.ts), followed
// at the actor's speed one tick at a time, ending exactly on the path's last
// point. The thread that asked waits until then; a walk that is replaced or
// cut short wakes it with `false` (or, when the player's new input replaces
// a walk an earlier input started, stops that thread: the old action is off).

import { CairnError } from '../../interpreter/errors.js';
import { EntityRef, Point } from '../../interpreter/vm/values.js';
import type { Engine } from './engine.js';
import { findPath } from './pathfinding.js';
import type { ActorState, Pt } from './state.js';
import { isInputThread } from './threads.js';
import { TICKS_PER_SECOND } from '../../interpreter/vm/ticks.js';

/** Pixels per second when an actor declares no `speed`. */
export const DEFAULT_SPEED = 120;

/** An actor's speed in pixels per tick. */
function stepOf(a: ActorState): number {
  const s = a.props.get('speed');
  return (typeof s === 'number' && s > 0 ? s : DEFAULT_SPEED) / TICKS_PER_SECOND;
}

/** Where to stand to act on an entity, and in which room; null when it is in no room. */
export function approachPoint(engine: Engine, ref: EntityRef): { room: string; at: Pt } | null {
  if (ref.entity === 'actor') {
    const a = engine.actor(ref.name);
    return a.room === null ? null : { room: a.room, at: { x: a.x, y: a.y } };
  }
  if (ref.entity !== 'object') return null;
  const o = engine.object(ref.name);
  if (o.room === null) return null;
  const stand = o.props.get('stand') ?? o.props.get('at');
  if (stand instanceof Point) return { room: o.room, at: { x: stand.x, y: stand.y } };
  const hotspot = o.props.get('hotspot');
  if (Array.isArray(hotspot) && hotspot.length === 4) {
    const [x, y, w, h] = hotspot as number[];
    return { room: o.room, at: { x: x! + w! / 2, y: y! + h! } };
  }
  const polygon = o.props.get('polygon');
  if (Array.isArray(polygon) && polygon.length > 0) {
    const pts = polygon.filter((p): p is Point => p instanceof Point);
    return { room: o.room, at: { x: pts.reduce((s, p) => s + p.x, 0) / pts.length, y: Math.max(...pts.map((p) => p.y)) } };
  }
  return null;
}

/** The way from `from` to `to` in `room`: straight when the room has no walk area. Starts at `from` itself. */
function planPath(engine: Engine, room: string, from: Pt, to: Pt): Pt[] {
  const map = engine.walkMaps.get(room);
  const path = map === null ? [{ x: to.x, y: to.y }] : findPath(map, from, to);
  // findPath starts on the area; an actor standing off it first steps onto it.
  if (path.length > 0 && path[0]!.x === from.x && path[0]!.y === from.y) path.shift();
  return [{ x: from.x, y: from.y }, ...path];
}

/**
 * Sends actor `name` towards `target`; returns false when it is already there
 * (nothing to wait for). `thread` waits for the walk (0: none); `then` names
 * an entity whose `on walk` runs on arrival. `byInput`: the player asked.
 */
export function startWalk(engine: Engine, name: string, target: Pt, thread: number, then: string | null, byInput: boolean): boolean {
  const a = engine.actor(name);
  if (a.room === null) throw new CairnError('RUNTIME', `\`${name}\` is not in any room, so it cannot walk`, { hint: `place it first: put ${name} in ROOM at (x, y)` });
  endWalk(engine, a, false, byInput);
  const path = planPath(engine, a.room, { x: a.x, y: a.y }, target);
  if (path.length <= 1) return false;
  a.walk = { path, next: 1, target: { x: target.x, y: target.y }, thread, then };
  return true;
}

/** Ends an actor's walk, if any, where it stands; wakes (or, see above, stops) the thread waiting for it. */
export function endWalk(engine: Engine, a: ActorState, arrived: boolean, byInput: boolean): void {
  const w = a.walk;
  if (w === null) return;
  a.walk = null;
  if (w.thread === 0) return;
  if (byInput && isInputThread(engine, w.thread)) engine.vm.stop(w.thread);
  else engine.vm.resume(w.thread, arrived);
}

/** Moves every walking actor one tick along its path; returns the arrivals that have an `on walk` to run. */
export function advanceWalks(engine: Engine): Array<{ actor: string; then: string }> {
  const arrivals: Array<{ actor: string; then: string }> = [];
  for (const [name, a] of engine.state.actors) {
    const w = a.walk;
    if (w === null) continue;
    let budget = stepOf(a);
    while (budget > 0 && w.next < w.path.length) {
      const p = w.path[w.next]!;
      const dx = p.x - a.x;
      const dy = p.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy);
      turn(a, dx, dy);
      if (d <= budget) {
        // Corners are reached exactly, never approximately.
        a.x = p.x;
        a.y = p.y;
        budget -= d;
        w.next++;
      } else {
        a.x += (dx * budget) / d;
        a.y += (dy * budget) / d;
        budget = 0;
      }
    }
    if (w.next < w.path.length) continue;
    a.walk = null;
    const reached = a.x === w.target.x && a.y === w.target.y;
    if (w.thread !== 0) engine.vm.resume(w.thread, reached);
    if (w.then !== null) arrivals.push({ actor: name, then: w.then });
  }
  return arrivals;
}

/** Faces the way of a step: sideways unless the step is mostly up or down. */
function turn(a: ActorState, dx: number, dy: number): void {
  if (dx === 0 && dy === 0) return;
  if (Math.abs(dx) >= Math.abs(dy)) a.facing = dx < 0 ? 'left' : 'right';
  else a.facing = dy < 0 ? 'up' : 'down';
  if (dx !== 0) a.side = dx < 0 ? 'left' : 'right';
}
