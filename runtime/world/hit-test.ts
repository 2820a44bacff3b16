// What is under a point of the current room: clickable areas of objects
// (`hotspot: (x, y, w, h)`, `polygon: [...]`, or the sprite's box) and of
// actors (their costume frame, scaled by depth). Sprites stand on their `at`
// point (its bottom centre); image sizes come from the host when it knows
// them (bundle headers), else a default box. Drawn things are picked nearest
// first, then hotspot-only objects, the last declared first.

import { EntityRef, Point, type Value } from '../../interpreter/vm/values.js';
import type { Engine } from './engine.js';
import { depthScale } from './room-layout.js';
import type { ActorState, ObjectState, Pt } from './state.js';

/** The box assumed for a sprite whose image size the host does not know. */
export const DEFAULT_SPRITE_SIZE: readonly [number, number] = [32, 32];

/** A clickable area: a box or a polygon. */
type Area = { x: number; y: number; w: number; h: number } | { polygon: Pt[] };

/** Draw order of an object: its `z`, else the y it stands on. */
export function objectZ(o: ObjectState): number {
  const z = o.props.get('z');
  if (typeof z === 'number') return z;
  const at = o.props.get('at');
  return at instanceof Point ? at.y : 0;
}

/** An actor's frame size in the room (before scaling) and its depth scale. */
export function actorFrame(engine: Engine, a: ActorState): { w: number; h: number; scale: number } | null {
  const costume = a.props.get('costume');
  const c = typeof costume === 'string' ? engine.decls.costumes.get(costume) : undefined;
  if (c === undefined || a.room === null) return null;
  const size = c.frame ?? (c.sheet === null ? null : engine.imageSize(c.sheet)) ?? DEFAULT_SPRITE_SIZE;
  return { w: size[0], h: size[1], scale: depthScale(engine.room(a.room).props, a.y) };
}

/** The thing under room point p in the current room (the controlled actor excepted), or null. */
export function entityAt(engine: Engine, p: Pt): EntityRef | null {
  const s = engine.state;
  if (s.room === null) return null;
  let best: { ref: EntityRef; z: number; id: string } | null = null;
  const consider = (ref: EntityRef, z: number, area: Area | null): void => {
    if (area === null || !inside(area, p)) return;
    const id = `${ref.entity}:${ref.name}`;
    if (best === null || z > best.z || (z === best.z && id > best.id)) best = { ref, z, id };
  };
  let backdrop: EntityRef | null = null;
  for (const [name, o] of s.objects) {
    if (o.room !== s.room || !o.visible) continue;
    if (typeof o.props.get('sprite') === 'string') consider(new EntityRef('object', name), objectZ(o), objectArea(engine, o));
    else if (inside(objectArea(engine, o), p)) backdrop = new EntityRef('object', name);
  }
  for (const [name, a] of s.actors) {
    if (a.room !== s.room || name === s.controlled || a.props.get('visible') === false) continue;
    const f = actorFrame(engine, a);
    if (f !== null) consider(new EntityRef('actor', name), a.y, { x: a.x - (f.w * f.scale) / 2, y: a.y - f.h * f.scale, w: f.w * f.scale, h: f.h * f.scale });
  }
  return (best as { ref: EntityRef } | null)?.ref ?? backdrop;
}

/** An object's clickable area, or null when it has none. */
export function objectArea(engine: Engine, o: ObjectState): Area | null {
  const hotspot = o.props.get('hotspot');
  if (Array.isArray(hotspot) && hotspot.length === 4) {
    const [x, y, w, h] = hotspot as number[];
    return { x: x!, y: y!, w: w!, h: h! };
  }
  const polygon = o.props.get('polygon');
  if (Array.isArray(polygon)) return { polygon: polygon.filter((q: Value): q is Point => q instanceof Point) };
  const sprite = o.props.get('sprite');
  const at = o.props.get('at');
  if (typeof sprite !== 'string' || !(at instanceof Point)) return null;
  const [w, h] = engine.imageSize(sprite) ?? DEFAULT_SPRITE_SIZE;
  return { x: at.x - w / 2, y: at.y - h, w, h };
}

/** Edges count as inside, so a click exactly on an `at` point hits its sprite. */
function inside(area: Area | null, p: Pt): boolean {
  if (area === null) return false;
  if (!('polygon' in area)) return p.x >= area.x && p.x <= area.x + area.w && p.y >= area.y && p.y <= area.y + area.h;
  // Even-odd ray casting: exact for the integer corners authors write.
  const pts = area.polygon;
  let hit = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const a = pts[i]!;
    const b = pts[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) hit = !hit;
  }
  return hit;
}
