// A slow, independent reference for the pathfinding tests, written from the
// definition and sharing no code with runtime/world: segment-inside checks and
// true shortest paths by Dijkstra over every corner and every edge crossing.

import type { Point, WalkArea } from '../../../runtime/world/pathfinding.js';

const EPS = 1e-9;
// How far to either side of a segment's midpoint to look for the region.
const NUDGE = 1e-5;

// A polygon's edges, without the empty one a repeated closing point makes.
function ring(poly: readonly Point[]): Array<[Point, Point]> {
  return poly
    .map((p, i) => [p, poly[(i + 1) % poly.length]] as [Point, Point])
    .filter(([a, b]) => a.x !== b.x || a.y !== b.y);
}

const edgeCache = new WeakMap<WalkArea, Array<[Point, Point]>>();

function edges(area: WalkArea): Array<[Point, Point]> {
  let all = edgeCache.get(area);
  if (!all) {
    all = [...area.walkable, ...(area.blocked ?? [])].flatMap(ring);
    edgeCache.set(area, all);
  }
  return all;
}

// Signed distance of c from the line a→b, whose length is len.
function side(a: Point, b: Point, c: Point, len: number): number {
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
  const directions: Point[] = [];
  for (let k = 0; k < 32; k++) directions.push({ x: Math.cos((k / 16) * Math.PI), y: Math.sin((k / 16) * Math.PI) });
  // At a sharp corner the region may be thinner than the sampled directions:
  // also look between every two edges that leave p.
  const walls: Point[] = [];
  for (const [a, b] of edges(area)) {
    if (distanceToSegment(p, a, b) > EPS) continue;
    for (const to of [a, b]) {
      const l = Math.sqrt((to.x - p.x) ** 2 + (to.y - p.y) ** 2);
      if (l > EPS) walls.push({ x: (to.x - p.x) / l, y: (to.y - p.y) / l });
    }
  }
  for (const a of walls) for (const b of walls) directions.push({ x: a.x + b.x, y: a.y + b.y }, { x: -a.x - b.x, y: -a.y - b.y });
  return directions.some((d) => inOpenRegion(area, { x: p.x + NUDGE * d.x, y: p.y + NUDGE * d.y }));
}

/** Whether the segment p–q stays in the region (edges included). */
export function refSegmentInside(area: WalkArea, p: Point, q: Point): boolean {
  const len = Math.sqrt((q.x - p.x) ** 2 + (q.y - p.y) ** 2);
  if (len === 0) return refWalkable(area, p);
  // Cut the segment wherever it crosses an edge or touches a corner; between
  // two cuts it is all in or all out, so testing each stretch's middle decides.
  const ts = [0, 1];
  const [x0, x1, y0, y1] = [Math.min(p.x, q.x), Math.max(p.x, q.x), Math.min(p.y, q.y), Math.max(p.y, q.y)];
  for (const [a, b] of edges(area)) {
    if (Math.max(a.x, b.x) < x0 - 1 || Math.min(a.x, b.x) > x1 + 1 || Math.max(a.y, b.y) < y0 - 1 || Math.min(a.y, b.y) > y1 + 1) continue;
    if (distanceToSegment(a, p, q) <= EPS) ts.push(((a.x - p.x) * (q.x - p.x) + (a.y - p.y) * (q.y - p.y)) / (len * len));
    const ab = Math.sqrt((b.x - a.x) ** 2 + (b.y - a.y) ** 2);
    const o1 = side(p, q, a, len), o2 = side(p, q, b, len), o3 = side(a, b, p, ab), o4 = side(a, b, q, ab);
    if (o1 > 0 !== o2 > 0 && o3 > 0 !== o4 > 0 && Math.min(Math.abs(o1), Math.abs(o2), Math.abs(o3), Math.abs(o4)) > EPS) {
      // With one walkable polygon every edge is a wall, so crossing one leaves the region.
      if (area.walkable.length === 1) return false;
      ts.push(o3 / (o3 - o4));
    }
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
  return refShortestPath(area, p, q).length;
}

/** The true shortest path from p to q inside the region and its length (Infinity, [] if none). */
export function refShortestPath(area: WalkArea, p: Point, q: Point): { length: number; path: Point[] } {
  // Corners of the region are polygon corners or points where two edges cross.
  const nodes: Point[] = [p, q, ...[...area.walkable, ...(area.blocked ?? [])].flat()];
  const all = edges(area);
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const [a, b] = all[i];
      const [c, d] = all[j];
      const den = (b.x - a.x) * (d.y - c.y) - (b.y - a.y) * (d.x - c.x);
      if (den === 0) continue;
      const t = ((c.x - a.x) * (d.y - c.y) - (c.y - a.y) * (d.x - c.x)) / den;
      const u = ((c.x - a.x) * (b.y - a.y) - (c.y - a.y) * (b.x - a.x)) / den;
      if (t > 1e-12 && t < 1 - 1e-12 && u > 1e-12 && u < 1 - 1e-12) nodes.push({ x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) });
    }
  }
  const n = nodes.length;
  const dist = new Array<number>(n).fill(Infinity);
  const from = new Array<number>(n).fill(-1);
  const done = new Array<boolean>(n).fill(false);
  dist[0] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i] < Infinity && (u < 0 || dist[i] < dist[u])) u = i;
    if (u < 0) return { length: Infinity, path: [] };
    if (u === 1) {
      const path: Point[] = [];
      for (let v = 1; v >= 0; v = from[v]) path.unshift(nodes[v]);
      return { length: dist[1], path };
    }
    done[u] = true;
    for (let v = 0; v < n; v++) {
      if (done[v]) continue;
      const d = dist[u] + Math.sqrt((nodes[v].x - nodes[u].x) ** 2 + (nodes[v].y - nodes[u].y) ** 2);
      if (d < dist[v] && refSegmentInside(area, nodes[u], nodes[v])) {
        dist[v] = d;
        from[v] = u;
      }
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

// Points where the boundary may come nearest to q: q's foot on every edge,
// every corner, and every point where two edges cross.
function nearCandidates(area: WalkArea, q: Point): Point[] {
  const all = edges(area);
  const out: Point[] = [];
  for (const [a, b] of all) {
    const dx = b.x - a.x, dy = b.y - a.y;
    const t = Math.max(0, Math.min(1, ((q.x - a.x) * dx + (q.y - a.y) * dy) / (dx * dx + dy * dy)));
    out.push({ x: a.x + t * dx, y: a.y + t * dy }, a);
  }
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const [a, b] = all[i];
      const [c, d] = all[j];
      const den = (b.x - a.x) * (d.y - c.y) - (b.y - a.y) * (d.x - c.x);
      if (den === 0) continue;
      const t = ((c.x - a.x) * (d.y - c.y) - (c.y - a.y) * (d.x - c.x)) / den;
      const u = ((c.x - a.x) * (b.y - a.y) - (c.y - a.y) * (b.x - a.x)) / den;
      if (t > 0 && t < 1 && u > 0 && u < 1) out.push({ x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) });
    }
  }
  const d2 = (p: Point) => (p.x - q.x) ** 2 + (p.y - q.y) ** 2;
  return out.sort((p, r) => d2(p) - d2(r));
}

/** Distance from q to the nearest walkable point. */
export function refDistanceToRegion(area: WalkArea, q: Point): number {
  if (refWalkable(area, q)) return 0;
  const best = nearCandidates(area, q).find((p) => refWalkable(area, p));
  return best ? Math.sqrt((best.x - q.x) ** 2 + (best.y - q.y) ** 2) : Infinity;
}

/** Distance from q to the nearest point reachable from p (a walkable point). */
export function refDistanceToReachable(area: WalkArea, p: Point, q: Point): number {
  if (refWalkable(area, q) && refShortestLength(area, p, q) < Infinity) return 0;
  const best = nearCandidates(area, q).find((c) => refWalkable(area, c) && refShortestLength(area, p, c) < Infinity);
  return best ? Math.sqrt((best.x - q.x) ** 2 + (best.y - q.y) ** 2) : Infinity;
}
