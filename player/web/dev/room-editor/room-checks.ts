// The room editor's refusals while a drag is under way: the build's own world
// checks (runtime/world/room-layout.ts for walk areas, hotspot-bounds.ts for
// hotspots) run on the dragged value, and their message is shown as the build
// would print it. The dev server checks again with the whole build before it
// writes anything; this only makes the refusal visible before the mouse is up.

import { Point, type Value } from '../../../../interpreter/vm/values.js';
import { hotspotProblem } from '../../../../runtime/world/hotspot-bounds.js';
import { checkRoomArea } from '../../../../runtime/world/room-layout.js';
import type { Editable, GeometryValue, RoomModel } from './room-model.js';

/** A value as the runtime holds it: pairs are Points, other tuples and lists are lists. */
export function toValue(v: GeometryValue): Value {
  if (typeof v === 'number') return v;
  if (v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number') return new Point(v[0], v[1]);
  return v.map(toValue);
}

/** The room's walk-area properties as the runtime reads declarations (`walkable` gathered into a list of polygons). */
export function roomProps(room: RoomModel): Map<string, Value> {
  const props = new Map<string, Value>();
  if (room.walkable.length > 0) {
    const polygons: Value[] = [];
    for (const w of room.walkable) {
      const v = toValue(w.value) as Value[];
      if (v.every((p) => p instanceof Point)) polygons.push(v);
      else polygons.push(...v);
    }
    props.set('walkable', polygons);
  }
  if (room.blocked !== null) props.set('blocked', toValue(room.blocked.value));
  if (room.scale !== null) props.set('scale', toValue(room.scale.value));
  return props;
}

/** What the build would say about the room with `changed` as it is now, or null when it would build. */
export function refusal(room: RoomModel, changed: Editable): string | null {
  if (changed.owner === 'room' && (changed.property === 'walkable' || changed.property === 'blocked')) {
    try {
      checkRoomArea(room.name, roomProps(room));
      return null;
    } catch (e) {
      const first = room.walkable[0] ?? changed;
      return buildMessage(first, e instanceof Error ? e.message : String(e));
    }
  }
  if (changed.owner === 'object' && (changed.property === 'hotspot' || changed.property === 'polygon')) {
    const props = new Map<string, Value>([[changed.property, toValue(changed.value)]]);
    const problem = hotspotProblem(changed.name, props, room.size);
    return problem === null ? null : buildMessage(changed, problem.message);
  }
  return null;
}

/** The message as `cairn build` prints its first line. */
function buildMessage(at: Editable, message: string): string {
  return `${at.file}:${at.line}:1: error: ${message} [INVALID_PROPERTY]`;
}
