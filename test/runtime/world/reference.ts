// A slow, independent reference for the pathfinding tests: is a segment inside
// an area (written from the definition, sharing no code with runtime/world),
// and the true shortest path by Dijkstra over every corner of every polygon.
// Valid for areas with ONE walkable polygon (any number of blocked ones).

import type { Point, WalkArea } from '../../../runtime/world/pathfinding.js';

const EPS = 1e-9;
// How far to either side of a segment's midpoint to look for the region.
const NUDGE = 1e-5;

function ring(poly: readonly Point[]): Array<[Point, Point]> {
  return poly.map((p, i) => [p, poly[(i + 1) % poly.length]] as [Point, Point]);
}

function edges(area: WalkArea): Array<[Point, Point]> {
  return [...area.walkable, ...(area.blocked ?? [])].flatMap(ring);
}

// Signed distance of c from the line a→b.
function side(a: Point, b: Point, c: Point): number {
  const len = Math.sqrt((b.x - a.x) ** 2 + (b.y - a.y) ** 2);
  return ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / len;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x, dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.sqrt((a.x + t * dx - p.x) ** 2 + (a.y + t * dy - p.y) ** 2);
}

// Ray casting; the caller makes sure p is not on the outline.
function insidePolygon(poly: readonly Point[], p: Point): boolean {
  let inside = false;
  for (const [a, b] of ring(poly)) {
    if (a.y > p.y !== b.y > p.y && p.x < a.x + ((p.y - a.y) * (b.x - a.x)) / (b.y - a.y)) inside = !inside;
  }
  return inside;
}

function nearOutline(poly: readonly Point[], p: Point): boolean {
  return ring(poly).some(([a, b]) => distanceToSegment(p, a, b) <= EPS);
}

// Strictly inside a walkable polygon and outside every (closed) blocked one.
function inOpenRegion(area: WalkArea, p: Point): boolean {
  const walk = area.walkable.some((poly) => !nearOutline(poly, p) && insidePolygon(poly, p));
  return walk && !(area.blocked ?? []).some((poly) => nearOutline(poly, p) || insidePolygon(poly, p));
}

/** Whether p is in the region or on its edge (region points lie on at least one side of it). */
export function refWalkable(area: WalkArea, p: Point): boolean {
  if (inOpenRegion(area, p)) return true;
  for (let k = 0; k < 32; k++) {
    const a = (k / 32) * 2 * Math.PI;
    if (inOpenRegion(area, { x: p.x + NUDGE * Math.cos(a), y: p.y + NUDGE * Math.sin(a) })) return true;
  }
  return false;
}

/** Whether the segment p–q stays in the region (edges included). */
export function refSegmentInside(area: WalkArea, p: Point, q: Point): boolean {
  const len = Math.sqrt((q.x - p.x) ** 2 + (q.y - p.y) ** 2);
  if (len === 0) return refWalkable(area, p);
  const all = edges(area);
  for (const [a, b] of all) {
    const o1 = side(p, q, a), o2 = side(p, q, b), o3 = side(a, b, p), o4 = side(a, b, q);
    if (Math.abs(o1) > EPS && Math.abs(o2) > EPS && Math.abs(o3) > EPS && Math.abs(o4) > EPS) {
      if (o1 > 0 !== o2 > 0 && o3 > 0 !== o4 > 0) return false;
    }
  }
  // Between the corners it touches, each stretch is all in or all out: test its middle.
  const ts = [0, 1];
  for (const [a] of all) {
    if (distanceToSegment(a, p, q) <= EPS) ts.push(((a.x - p.x) * (q.x - p.x) + (a.y - p.y) * (q.y - p.y)) / (len * len));
  }
  ts.sort((a, b) => a - b);
  const nx = -(q.y - p.y) / len, ny = (q.x - p.x) / len;
  for (let i = 0; i + 1 < ts.length; i++) {
    if (ts[i + 1] - ts[i] < 1e-12) continue;
    const t = (ts[i] + ts[i + 1]) / 2;
    const m = { x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y) };
    const either = [m, { x: m.x + NUDGE * nx, y: m.y + NUDGE * ny }, { x: m.x - NUDGE * nx, y: m.y - NUDGE * ny }];
    if (!either.some((c) => inOpenRegion(area, c))) return false;
  }
  return true;
}

/** Length of a polyline. */
export function pathLength(path: readonly Point[]): number {
  let sum = 0;
  for (let i = 1; i < path.length; i++) sum += Math.sqrt((path[i].x - path[i - 1].x) ** 2 + (path[i].y - path[i - 1].y) ** 2);
  return sum;
}

/** The true shortest path length from p to q inside the region, or Infinity. */
export function refShortestLength(area: WalkArea, p: Point, q: Point): number {
  const nodes: Point[] = [p, q, ...[...area.walkable, ...(area.blocked ?? [])].flat()];
  const n = nodes.length;
  const dist = new Array<number>(n).fill(Infinity);
  const done = new Array<boolean>(n).fill(false);
  dist[0] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i] < Infinity && (u < 0 || dist[i] < dist[u])) u = i;
    if (u < 0) return Infinity;
    if (u === 1) return dist[1];
    done[u] = true;
    for (let v = 0; v < n; v++) {
      if (done[v]) continue;
      const d = dist[u] + Math.sqrt((nodes[v].x - nodes[u].x) ** 2 + (nodes[v].y - nodes[u].y) ** 2);
      if (d < dist[v] && refSegmentInside(area, nodes[u], nodes[v])) dist[v] = d;
    }
  }
}

/** A small seeded generator (mulberry32), so random tests are the same every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
