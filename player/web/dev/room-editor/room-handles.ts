// What the room editor's pointer can take hold of — a vertex, an edge, a
// whole polygon, a hotspot's corner or body, an `at` or `stand` point, a row of
// the scale band, an object's sprite — found under a room point, and what a
// drag of it makes of the value. Pure geometry on the room model; no DOM.

import { pointsAt, polygonsOf, type Editable, type GeometryValue, type RoomModel, type RoomObject } from './room-model.js';

/** Something to drag or select. */
export type Handle =
  | { type: 'vertex'; e: Editable; path: number[]; index: number }
  | { type: 'edge'; e: Editable; path: number[]; index: number }
  | { type: 'polygon'; e: Editable; path: number[] }
  | { type: 'corner'; e: Editable; corner: 0 | 1 | 2 | 3 }
  | { type: 'rect'; e: Editable }
  | { type: 'point'; e: Editable }
  | { type: 'scale'; e: Editable; row: 0 | 1 }
  | { type: 'sprite'; o: RoomObject };

/** A room point. */
export interface Pt {
  x: number;
  y: number;
}

/** Sprite sizes the editor knows (from the pictures it loaded). */
export type SizeOf = (image: string) => [number, number] | null;

/** The box a sprite covers, standing on its `at` (bottom centre). */
export function spriteBox(o: RoomObject, sizeOf: SizeOf): { x: number; y: number; w: number; h: number } | null {
  if (o.sprite === null || o.at === null) return null;
  const size = sizeOf(o.sprite);
  if (size === null) return null;
  const [x, y] = o.at.value as number[];
  return { x: x! - size[0] / 2, y: y! - size[1], w: size[0], h: size[1] };
}

/** The handle under `p`, within `tol` room pixels for points and lines; the nearest kind first. */
export function handleAt(room: RoomModel, p: Pt, tol: number, sizeOf: SizeOf): Handle | null {
  const near = (x: number, y: number) => Math.abs(x - p.x) <= tol && Math.abs(y - p.y) <= tol;
  const objects = [...room.objects].reverse();
  for (const o of objects) {
    for (const e of [o.at, o.stand]) if (e !== null && near(...(e.value as [number, number]))) return { type: 'point', e };
    if (o.hotspot !== null) {
      const corners = rectCorners(o.hotspot.value as number[]);
      const i = corners.findIndex(([x, y]) => near(x, y));
      if (i >= 0) return { type: 'corner', e: o.hotspot, corner: i as 0 | 1 | 2 | 3 };
    }
  }
  const polygonal = [...objects.flatMap((o) => (o.polygon === null ? [] : [o.polygon])), ...(room.blocked === null ? [] : [room.blocked]), ...room.walkable];
  for (const e of polygonal) {
    for (const { path, points } of polygonsOf(e)) {
      const i = points.findIndex(([x, y]) => near(x!, y!));
      if (i >= 0) return { type: 'vertex', e, path, index: i };
    }
  }
  if (room.scale !== null) {
    const v = room.scale.value as number[];
    for (const row of [0, 1] as const) if (Math.abs(v[row * 2]! - p.y) <= tol && p.x >= 0 && p.x <= room.size[0]) return { type: 'scale', e: room.scale, row };
  }
  const edge = edgeAt(room, p, tol);
  if (edge !== null) return edge;
  for (const o of objects) {
    if (o.hotspot !== null && insideRect(o.hotspot.value as number[], p)) return { type: 'rect', e: o.hotspot };
    const box = spriteBox(o, sizeOf);
    if (box !== null && insideRect([box.x, box.y, box.w, box.h], p)) return { type: 'sprite', o };
  }
  for (const e of polygonal) {
    for (const { path, points } of polygonsOf(e)) if (insidePolygon(points, p)) return { type: 'polygon', e, path };
  }
  return null;
}

/** The polygon edge within `tol` of `p` (a double-click puts a vertex there), whatever else lies near. */
export function edgeAt(room: RoomModel, p: Pt, tol: number): Extract<Handle, { type: 'edge' }> | null {
  const polygonal = [...[...room.objects].reverse().flatMap((o) => (o.polygon === null ? [] : [o.polygon])), ...(room.blocked === null ? [] : [room.blocked]), ...room.walkable];
  for (const e of polygonal) {
    for (const { path, points } of polygonsOf(e)) {
      for (let i = 0; i < points.length; i++) {
        if (distanceToSegment(p, points[i]!, points[(i + 1) % points.length]!) <= tol) return { type: 'edge', e, path, index: i };
      }
    }
  }
  return null;
}

/** The value a drag of `h` from `from` to `to` gives, starting from the value `start` had. */
export function dragged(h: Handle, start: GeometryValue, from: Pt, to: Pt): GeometryValue {
  const v = structuredClone(start) as GeometryValue;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const at = (path: number[]) => (path.length === 0 ? v : (v as GeometryValue[])[path[0]!]) as number[][];
  switch (h.type) {
    case 'vertex':
      at(h.path)[h.index] = [to.x, to.y];
      return v;
    case 'polygon':
      for (const q of at(h.path)) {
        q[0]! += dx;
        q[1]! += dy;
      }
      return v;
    case 'point':
      return [to.x, to.y];
    case 'rect': {
      const r = v as number[];
      return [r[0]! + dx, r[1]! + dy, r[2]!, r[3]!];
    }
    case 'corner': {
      const [x, y, w, hh] = start as number[];
      const corners = rectCorners([x!, y!, w!, hh!]);
      const [ox, oy] = corners[(h.corner + 2) % 4]!;
      return [Math.min(ox, to.x), Math.min(oy, to.y), Math.abs(to.x - ox), Math.abs(to.y - oy)];
    }
    case 'scale': {
      const s = v as number[];
      s[h.row * 2] = to.y;
      return s;
    }
    default:
      return v;
  }
}

/** The polygon value with a vertex inserted on edge `index` at `p`. */
export function withVertex(e: Editable, path: number[], index: number, p: Pt): GeometryValue {
  const v = structuredClone(e.value) as GeometryValue;
  const points = (path.length === 0 ? v : (v as GeometryValue[])[path[0]!]) as number[][];
  points.splice(index + 1, 0, [p.x, p.y]);
  return v;
}

/** The polygon value without vertex `index`, or null when that would leave fewer than three. */
export function withoutVertex(e: Editable, path: number[], index: number): GeometryValue | null {
  if (pointsAt(e, path).length <= 3) return null;
  const v = structuredClone(e.value) as GeometryValue;
  const points = (path.length === 0 ? v : (v as GeometryValue[])[path[0]!]) as number[][];
  points.splice(index, 1);
  return v;
}

/** A room point on the editor's grid: whole pixels, or every 4 px. */
export function snap(p: Pt, grid: number): Pt {
  return { x: Math.round(p.x / grid) * grid, y: Math.round(p.y / grid) * grid };
}

/** Top-left, top-right, bottom-right, bottom-left. */
export function rectCorners(r: readonly number[]): Array<[number, number]> {
  const [x, y, w, h] = r as [number, number, number, number];
  return [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
}

function insideRect(r: readonly number[], p: Pt): boolean {
  const [x, y, w, h] = r as [number, number, number, number];
  return p.x >= x && p.x <= x + w && p.y >= y && p.y <= y + h;
}

function insidePolygon(pts: readonly number[][], p: Pt): boolean {
  let hit = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [ax, ay] = pts[i] as [number, number];
    const [bx, by] = pts[j] as [number, number];
    if (ay > p.y !== by > p.y && p.x < ((bx - ax) * (p.y - ay)) / (by - ay) + ax) hit = !hit;
  }
  return hit;
}

/** Distance from p to the segment a–b. */
export function distanceToSegment(p: Pt, a: readonly number[], b: readonly number[]): number {
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const l2 = (bx - ax) ** 2 + (by - ay) ** 2;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - ax) * (bx - ax) + (p.y - ay) * (by - ay)) / l2));
  return Math.sqrt((p.x - ax - t * (bx - ax)) ** 2 + (p.y - ay - t * (by - ay)) ** 2);
}
