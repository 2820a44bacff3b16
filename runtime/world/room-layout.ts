// A room's geometry as its properties describe it: the walk area (`walkable`
// polygons minus `blocked` ones — pathfinding's holes), depth scaling
// (`scale: (y1, s1, y2, s2)`) and size (`size: (w, h)`, default the screen).
// Pure functions of property values; imports the pathfinding module's types.

import { CairnError } from '../../interpreter/errors.js';
import { Point, type Value } from '../../interpreter/vm/values.js';
import { checkWalkArea, type WalkArea } from './pathfinding.js';

/**
 * One polygon (a list of points) or several (a list of such lists) as a list
 * of polygons; null when the value is neither.
 */
export function normalisePolygons(v: Value): Value[] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  if (v.every((p) => p instanceof Point)) return [v];
  if (v.every((poly) => Array.isArray(poly) && poly.every((p) => p instanceof Point))) return v;
  return null;
}

/** The first problem with a list of polygons, worded for people, or null. */
export function checkPolygons(polygons: readonly Value[], list: 'walkable' | 'blocked'): string | null {
  const points = polygons.map(toPoints);
  const problems = checkWalkArea(list === 'walkable' ? { walkable: points } : { walkable: [], blocked: points });
  return problems.length === 0 ? null : problems[0]!.message;
}

/** The walk area of a room's properties; null when the room declares no `walkable` (then everything is walkable). */
export function walkAreaOf(props: ReadonlyMap<string, Value>): WalkArea | null {
  const walkable = props.get('walkable');
  if (!Array.isArray(walkable) || walkable.length === 0) return null;
  const blocked = props.get('blocked');
  const holes = blocked === undefined || blocked === null ? [] : normalisePolygons(blocked);
  return { walkable: walkable.map(toPoints), blocked: (holes ?? []).map(toPoints) };
}

/** Checks a room's declared walk area; INVALID_PROPERTY naming the room and the polygon. */
export function checkRoomArea(room: string, props: ReadonlyMap<string, Value>): void {
  const blocked = props.get('blocked');
  if (blocked !== undefined && blocked !== null && normalisePolygons(blocked) === null) {
    throw new CairnError('INVALID_PROPERTY', `room \`${room}\`: \`blocked\` must be a polygon (a list of points) or a list of polygons`);
  }
  const area = walkAreaOf(props);
  if (area === null) return;
  const problems = checkWalkArea(area);
  if (problems.length > 0) throw new CairnError('INVALID_PROPERTY', `room \`${room}\`: ${problems[0]!.message}`);
}

/** How large actors are drawn at height y: `scale` interpolated between its two rows, clamped outside them; 1 without it. */
export function depthScale(props: ReadonlyMap<string, Value>, y: number): number {
  const s = props.get('scale');
  if (!Array.isArray(s) || s.length !== 4) return 1;
  const [y1, s1, y2, s2] = s as number[];
  if (y1 === y2) return s1!;
  const t = Math.min(1, Math.max(0, (y - y1!) / (y2! - y1!)));
  return s1! + (s2! - s1!) * t;
}

/** A room's size: `size: (w, h)`, or the screen. */
export function roomSize(props: ReadonlyMap<string, Value>, screen: readonly [number, number]): [number, number] {
  const size = props.get('size');
  return size instanceof Point ? [size.x, size.y] : [screen[0], screen[1]];
}

function toPoints(poly: Value): Array<{ x: number; y: number }> {
  return Array.isArray(poly) ? poly.map((p) => (p instanceof Point ? { x: p.x, y: p.y } : { x: NaN, y: NaN })) : [];
}
