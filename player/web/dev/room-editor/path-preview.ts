// The path the controlled actor would walk to the pointer, drawn live by the
// room editor: the runtime's own pathfinding (runtime/world/pathfinding.ts) on
// the walk area as the editor holds it now, so a dragged vertex shows at once
// how walking changes. The walk map is built once per version of the area.


import { buildWalkMap, findPath, type WalkMap } from '../../../../runtime/world/pathfinding.js';
import { depthScale, walkAreaOf } from '../../../../runtime/world/room-layout.js';
import { roomProps } from './room-checks.js';
import type { Pt } from './room-handles.js';
import type { RoomModel } from './room-model.js';

/** Paths over one room's walk area; `changed()` after the area moved. */
export class PathPreview {
  private map: WalkMap | null | undefined;

  constructor(private room: RoomModel) {}

  /** The area changed (a drag, a new answer from the server). */
  changed(room: RoomModel): void {
    this.room = room;
    this.map = undefined;
  }

  /** From `from` to `to` as the actor would walk it (the start first); null while the area would not build. */
  path(from: Pt, to: Pt): Pt[] | null {
    if (this.map === undefined) {
      const area = walkAreaOf(roomProps(this.room));
      try {
        this.map = area === null ? null : buildWalkMap(area);
      } catch {
        return null;
      }
    }
    if (this.map === null) return [from, to];
    const path = findPath(this.map, from, to);
    if (path.length > 0 && path[0]!.x === from.x && path[0]!.y === from.y) path.shift();
    return [from, ...path];
  }

  /** How large an actor is drawn at height y. */
  scaleAt(y: number): number {
    return depthScale(roomProps(this.room), y);
  }
}

