// Traces the edge of a room's walkable region (walkable polygons minus blocked
// ones) as pieces with the region on their positive side, and each corner's
// cone of free directions. Imports geometry.ts and walk-area.ts only.

import { compareAngle, orient, overlappingPairs, strictlyBetween } from './geometry.js';
import type { CanonicalPolygon } from './walk-area.js';

/**
 * The boundary of the walkable region: vertices, and pieces (straight runs
 * between vertices) directed so that the region lies on their positive side.
 * Each vertex has one or more cones — the directions in which the region is
 * free near it — more than one where the region pinches to a point.
 */
export interface Boundary {
  vx: Float64Array;
  vy: Float64Array;
  pa: Int32Array;
  pb: Int32Array;
  /**
   * The input edge each piece lies on, in the piece's direction. Side tests
   * use it instead of the piece's ends, which may be computed crossing points
   * and so not exactly on the line: a point on an input edge stays exactly on it.
   */
  lx0: Float64Array;
  ly0: Float64Array;
  lx1: Float64Array;
  ly1: Float64Array;
  /** Cones of vertex v are coneStart[v] .. coneStart[v + 1] - 1. */
  coneStart: Int32Array;
  /** Cone directions: from the outgoing piece (o) turning positively to the incoming piece (i). */
  coneOx: Float64Array;
  coneOy: Float64Array;
  coneIx: Float64Array;
  coneIy: Float64Array;
}

interface Edge {
  polygon: number;
  a: number;
  b: number;
  /** Vertices where other polygons' edges cut this one. */
  cuts: number[];
  /** The lowest-numbered edge on the same line that shares a stretch with this one (itself if none). */
  line: number;
}

/**
 * Traces the boundary of (∪ walkable) − (∪ blocked), exact for exact input and
 * ordered by input order only. Every edge is cut where another polygon's edge
 * crosses or touches it; each piece is kept if the region lies on exactly one
 * side of it, and turned so that side is positive.
 */
export function traceBoundary(polygons: readonly CanonicalPolygon[]): Boundary {
  const xs: number[] = [];
  const ys: number[] = [];
  // Map used only to find a vertex by its coordinates, never iterated.
  const byPlace = new Map<string, number>();
  const vertexAt = (x: number, y: number): number => {
    const key = `${x} ${y}`;
    let id = byPlace.get(key);
    if (id === undefined) {
      id = xs.length;
      xs.push(x);
      ys.push(y);
      byPlace.set(key, id);
    }
    return id;
  };

  const edges: Edge[] = [];
  polygons.forEach((polygon, p) => {
    const pts = polygon.points;
    for (let i = 0; i < pts.length; i++) {
      const a = pts[i];
      const b = pts[(i + 1) % pts.length];
      edges.push({ polygon: p, a: vertexAt(a.x, a.y), b: vertexAt(b.x, b.y), cuts: [], line: edges.length });
    }
  });
  if (polygons.length > 1) cutEdges(edges, xs, ys, vertexAt);

  const sameLine: number[][] = edges.map(() => []);
  edges.forEach((e, i) => sameLine[e.line].push(i));
  const bounds = polygons.map((polygon) => {
    const px = polygon.points.map((p) => p.x);
    const py = polygon.points.map((p) => p.y);
    return [Math.min(...px), Math.max(...px), Math.min(...py), Math.max(...py)];
  });
  // Per polygon, for the current piece: 0, or 1 / 2 when an edge of it runs
  // along the piece with its interior on the piece's positive / negative side.
  const along = new Int8Array(polygons.length);

  const pieceA: number[] = [];
  const pieceB: number[] = [];
  const lines: number[] = [];
  const seen = new Set<string>();
  for (const edge of edges) {
    const others = sameLine[edge.line].filter((f) => edges[f].polygon !== edge.polygon);
    for (const [u, w] of splitEdge(edge, xs, ys)) {
      const mx = (xs[u] + xs[w]) / 2;
      const my = (ys[u] + ys[w]) / 2;
      const dx = xs[w] - xs[u];
      const dy = ys[w] - ys[u];
      for (const f of others) {
        const { a, b, polygon } = edges[f];
        const fx = xs[b] - xs[a];
        const fy = ys[b] - ys[a];
        const t = ((mx - xs[a]) * fx + (my - ys[a]) * fy) / (fx * fx + fy * fy);
        if (t > 0 && t < 1) along[polygon] = fx * dx + fy * dy > 0 ? 1 : 2;
      }
      let walkPositive = false;
      let walkNegative = false;
      let blockPositive = false;
      let blockNegative = false;
      polygons.forEach((polygon, q) => {
        let positive: boolean;
        let negative: boolean;
        if (q === edge.polygon || along[q] !== 0) {
          positive = q === edge.polygon || along[q] === 1;
          negative = !positive;
        } else {
          const [x0, x1, y0, y1] = bounds[q];
          if (mx < x0 || mx > x1 || my < y0 || my > y1) return;
          positive = negative = encloses(polygon.points, mx, my);
        }
        if (polygon.blocked) {
          blockPositive ||= positive;
          blockNegative ||= negative;
        } else {
          walkPositive ||= positive;
          walkNegative ||= negative;
        }
      });
      for (const f of others) along[edges[f].polygon] = 0;
      const inPositive = walkPositive && !blockPositive;
      const inNegative = walkNegative && !blockNegative;
      if (inPositive === inNegative) continue;
      const [from, to] = inPositive ? [u, w] : [w, u];
      const key = `${from} ${to}`;
      if (seen.has(key)) continue; // the same wall drawn by two polygons
      seen.add(key);
      pieceA.push(from);
      pieceB.push(to);
      const [la, lb] = inPositive ? [edge.a, edge.b] : [edge.b, edge.a];
      lines.push(xs[la], ys[la], xs[lb], ys[lb]);
    }
  }
  return assembleBoundary(xs, ys, pieceA, pieceB, lines);
}

// Cuts every edge where an edge of another polygon crosses or touches it.
function cutEdges(edges: Edge[], xs: number[], ys: number[], vertexAt: (x: number, y: number) => number): void {
  const minX = edges.map((e) => Math.min(xs[e.a], xs[e.b]));
  const maxX = edges.map((e) => Math.max(xs[e.a], xs[e.b]));
  const minY = edges.map((e) => Math.min(ys[e.a], ys[e.b]));
  const maxY = edges.map((e) => Math.max(ys[e.a], ys[e.b]));
  const pairs = overlappingPairs(minX, maxX, minY, maxY);

  // Edges of different polygons that share a stretch of one line get one
  // representative, so that an edge crossing them is cut at one computed point.
  const find = (i: number): number => {
    while (edges[i].line !== i) i = edges[i].line = edges[edges[i].line].line;
    return i;
  };
  for (let k = 0; k < pairs.length; k += 2) {
    const e = edges[pairs[k]];
    const f = edges[pairs[k + 1]];
    if (e.polygon !== f.polygon && shareStretch(e, f, xs, ys)) {
      const [r, s] = [find(pairs[k]), find(pairs[k + 1])];
      edges[Math.max(r, s)].line = Math.min(r, s);
    }
  }
  edges.forEach((_, i) => (edges[i].line = find(i)));

  for (let k = 0; k < pairs.length; k += 2) {
    const e = edges[pairs[k]];
    const f = edges[pairs[k + 1]];
    if (e.polygon === f.polygon) continue; // checked simple already
    const [px, py, qx, qy] = [xs[e.a], ys[e.a], xs[e.b], ys[e.b]];
    const [rx, ry, sx, sy] = [xs[f.a], ys[f.a], xs[f.b], ys[f.b]];
    const o1 = orient(px, py, qx, qy, rx, ry);
    const o2 = orient(px, py, qx, qy, sx, sy);
    if ((o1 > 0 && o2 > 0) || (o1 < 0 && o2 < 0)) continue;
    const o3 = orient(rx, ry, sx, sy, px, py);
    const o4 = orient(rx, ry, sx, sy, qx, qy);
    if ((o3 > 0 && o4 > 0) || (o3 < 0 && o4 < 0)) continue;
    if (o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) {
      // A proper crossing: the one place new coordinates are computed, from
      // the two lines' representatives in a fixed order.
      const g = edges[Math.min(e.line, f.line)];
      const h = edges[Math.max(e.line, f.line)];
      const og = orient(xs[h.a], ys[h.a], xs[h.b], ys[h.b], xs[g.a], ys[g.a]);
      const oh = orient(xs[h.a], ys[h.a], xs[h.b], ys[h.b], xs[g.b], ys[g.b]);
      const t = og / (og - oh);
      const x = vertexAt(xs[g.a] + t * (xs[g.b] - xs[g.a]), ys[g.a] + t * (ys[g.b] - ys[g.a]));
      e.cuts.push(x);
      f.cuts.push(x);
      continue;
    }
    // Touching or overlapping: the cuts are existing corners.
    if (o1 === 0 && strictlyBetween(px, py, qx, qy, rx, ry)) e.cuts.push(f.a);
    if (o2 === 0 && strictlyBetween(px, py, qx, qy, sx, sy)) e.cuts.push(f.b);
    if (o3 === 0 && strictlyBetween(rx, ry, sx, sy, px, py)) f.cuts.push(e.a);
    if (o4 === 0 && strictlyBetween(rx, ry, sx, sy, qx, qy)) f.cuts.push(e.b);
  }
}

// Whether two edges lie on one line and overlap along more than a point.
function shareStretch(e: Edge, f: Edge, xs: number[], ys: number[]): boolean {
  const [px, py, qx, qy] = [xs[e.a], ys[e.a], xs[e.b], ys[e.b]];
  const [rx, ry, sx, sy] = [xs[f.a], ys[f.a], xs[f.b], ys[f.b]];
  if (orient(px, py, qx, qy, rx, ry) !== 0 || orient(px, py, qx, qy, sx, sy) !== 0) return false;
  const dx = qx - px;
  const dy = qy - py;
  const r = (rx - px) * dx + (ry - py) * dy;
  const s = (sx - px) * dx + (sy - py) * dy;
  return Math.max(0, Math.min(r, s)) < Math.min(dx * dx + dy * dy, Math.max(r, s));
}

// The pieces of an edge between its cuts, in order from its start.
function splitEdge(edge: Edge, xs: number[], ys: number[]): Array<[number, number]> {
  const { a, b } = edge;
  const dx = xs[b] - xs[a];
  const dy = ys[b] - ys[a];
  const along = (v: number): number => (xs[v] - xs[a]) * dx + (ys[v] - ys[a]) * dy;
  const cuts = edge.cuts.filter((v) => v !== a && v !== b).sort((v, w) => along(v) - along(w) || v - w);
  const chain = [a];
  for (const v of cuts) if (v !== chain[chain.length - 1]) chain.push(v);
  chain.push(b);
  const pieces: Array<[number, number]> = [];
  for (let i = 0; i + 1 < chain.length; i++) pieces.push([chain[i], chain[i + 1]]);
  return pieces;
}

// Whether a polygon (positive, simple) encloses m, a point not on its outline.
function encloses(points: readonly { x: number; y: number }[], mx: number, my: number): boolean {
  let winding = 0;
  const n = points.length;
  for (let i = 0; i < n; i++) {
    const a = points[i];
    const b = points[(i + 1) % n];
    if (a.y <= my) {
      if (b.y > my && orient(a.x, a.y, b.x, b.y, mx, my) > 0) winding++;
    } else if (b.y <= my && orient(a.x, a.y, b.x, b.y, mx, my) < 0) {
      winding--;
    }
  }
  return winding !== 0;
}

// Renumbers the vertices the pieces use (keeping their order) and works out each vertex's cones.
function assembleBoundary(xs: number[], ys: number[], pieceA: number[], pieceB: number[], lines: number[]): Boundary {
  const renumber = new Int32Array(xs.length).fill(-1);
  for (let k = 0; k < pieceA.length; k++) {
    renumber[pieceA[k]] = 0;
    renumber[pieceB[k]] = 0;
  }
  let count = 0;
  for (let v = 0; v < xs.length; v++) if (renumber[v] === 0) renumber[v] = count++;
  const vx = new Float64Array(count);
  const vy = new Float64Array(count);
  for (let v = 0; v < xs.length; v++) {
    if (renumber[v] >= 0) {
      vx[renumber[v]] = xs[v];
      vy[renumber[v]] = ys[v];
    }
  }
  const pa = Int32Array.from(pieceA, (v) => renumber[v]);
  const pb = Int32Array.from(pieceB, (v) => renumber[v]);

  // Directions leaving each vertex along its pieces, marked outgoing or incoming.
  // Taken from the input edges, not from the piece ends, so that a walk along
  // an input edge runs exactly along the wall even where a piece ends at a
  // computed crossing point.
  const around: Array<Array<{ x: number; y: number; out: boolean }>> = Array.from({ length: count }, () => []);
  for (let k = 0; k < pa.length; k++) {
    const dx = lines[k * 4 + 2] - lines[k * 4];
    const dy = lines[k * 4 + 3] - lines[k * 4 + 1];
    around[pa[k]].push({ x: dx, y: dy, out: true });
    around[pb[k]].push({ x: -dx, y: -dy, out: false });
  }
  const coneStart = new Int32Array(count + 1);
  const cones: number[] = [];
  for (let v = 0; v < count; v++) {
    const dirs = around[v].sort((p, q) => compareAngle(p.x, p.y, q.x, q.y));
    // The region is free from each outgoing piece, turning positively, up to the next piece.
    dirs.forEach((d, k) => {
      if (!d.out) return;
      const next = dirs[(k + 1) % dirs.length];
      cones.push(d.x, d.y, next.x, next.y);
    });
    coneStart[v + 1] = cones.length / 4;
  }
  const pick = (from: number[], offset: number): Float64Array =>
    Float64Array.from({ length: from.length / 4 }, (_, c) => from[c * 4 + offset]);
  return {
    vx, vy, pa, pb,
    lx0: pick(lines, 0), ly0: pick(lines, 1), lx1: pick(lines, 2), ly1: pick(lines, 3),
    coneStart, coneOx: pick(cones, 0), coneOy: pick(cones, 1), coneIx: pick(cones, 2), coneIy: pick(cones, 3),
  };
}
