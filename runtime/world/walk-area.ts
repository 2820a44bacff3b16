// A room's walkable area as authors declare it — `walkable` polygons minus
// `blocked` ones — and the two steps that turn it into something to walk on:
// checking the polygons (problems come back as data, for the compiler and the
// runtime to word), and tracing the boundary of the resulting region. Imports
// only geometry.ts. The traced boundary is exact for exact input and ordered
// only by input order, so it is the same on every machine.

import { compareAngle, orient, type Point, strictlyBetween } from './geometry.js';

/**
 * The walkable area of a room: the union of the `walkable` polygons minus the
 * union of the `blocked` ones. Polygons may overlap, touch or share edges;
 * `blocked` always wins, and may stick out of the walkable area.
 */
export interface WalkArea {
  walkable: readonly (readonly Point[])[];
  blocked?: readonly (readonly Point[])[];
}

/** What can be wrong with one polygon of a walk area. */
export type WalkAreaProblemKind = 'not-a-number' | 'too-few-points' | 'self-intersection' | 'zero-area';

/** One problem with a walk area, with where it is: `walkable[polygon]` or `blocked[polygon]`. */
export interface WalkAreaProblem {
  kind: WalkAreaProblemKind;
  list: 'walkable' | 'blocked';
  /** Index of the polygon in its list, from 0. */
  polygon: number;
  /** Index of the offending point in the polygon as written, from 0, when one point is to blame. */
  point?: number;
  message: string;
}

/** A checked polygon, turned positive (interior on the positive side) and started at its least point. */
export interface CanonicalPolygon {
  points: Point[];
  blocked: boolean;
}

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

const ORDINALS = ['first', 'second', 'third'];

function describePolygon(list: 'walkable' | 'blocked', index: number): string {
  const nth = index < ORDINALS.length ? ORDINALS[index] : `${index + 1}th`;
  return `the ${nth} ${list} polygon`;
}

function formatPoint(p: Point): string {
  return `(${p.x}, ${p.y})`;
}

// Drops repeated consecutive points, including a last point that repeats the
// first: authors often close a polygon by writing its start again. Keeps the
// index each kept point had as written, for messages.
function dropRepeats(points: readonly Point[]): { points: Point[]; written: number[] } {
  const kept: Point[] = [];
  const written: number[] = [];
  points.forEach((p, i) => {
    const last = kept[kept.length - 1];
    if (last === undefined || last.x !== p.x || last.y !== p.y) {
      kept.push({ x: p.x, y: p.y });
      written.push(i);
    }
  });
  while (kept.length > 1 && kept[0].x === kept[kept.length - 1].x && kept[0].y === kept[kept.length - 1].y) {
    kept.pop();
    written.pop();
  }
  return { points: kept, written };
}

// Whether the closed segments a–b and c–d share any point.
function segmentsMeet(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orient(a.x, a.y, b.x, b.y, c.x, c.y);
  const o2 = orient(a.x, a.y, b.x, b.y, d.x, d.y);
  const o3 = orient(c.x, c.y, d.x, d.y, a.x, a.y);
  const o4 = orient(c.x, c.y, d.x, d.y, b.x, b.y);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return true;
  return (
    (o1 === 0 && withinBox(a, b, c)) ||
    (o2 === 0 && withinBox(a, b, d)) ||
    (o3 === 0 && withinBox(c, d, a)) ||
    (o4 === 0 && withinBox(c, d, b))
  );
}

function withinBox(a: Point, b: Point, c: Point): boolean {
  return c.x >= Math.min(a.x, b.x) && c.x <= Math.max(a.x, b.x) && c.y >= Math.min(a.y, b.y) && c.y <= Math.max(a.y, b.y);
}

/**
 * Pairs (i, j), i < j, of boxes whose x ranges overlap, found by sweeping in
 * x; flat as [i0, j0, i1, j1, …], in a fixed order.
 */
function overlappingPairs(minX: number[], maxX: number[], minY: number[], maxY: number[]): number[] {
  const order = minX.map((_, i) => i).sort((i, j) => minX[i] - minX[j] || i - j);
  const pairs: number[] = [];
  for (let s = 0; s < order.length; s++) {
    const i = order[s];
    for (let t = s + 1; t < order.length && minX[order[t]] <= maxX[i]; t++) {
      const j = order[t];
      if (minY[j] > maxY[i] || maxY[j] < minY[i]) continue;
      pairs.push(Math.min(i, j), Math.max(i, j));
    }
  }
  return pairs;
}

function edgeBoxes(points: readonly Point[]): { minX: number[]; maxX: number[]; minY: number[]; maxY: number[] } {
  const n = points.length;
  const boxes = { minX: [] as number[], maxX: [] as number[], minY: [] as number[], maxY: [] as number[] };
  for (let i = 0; i < n; i++) {
    const a = points[i];
    const b = points[(i + 1) % n];
    boxes.minX.push(Math.min(a.x, b.x));
    boxes.maxX.push(Math.max(a.x, b.x));
    boxes.minY.push(Math.min(a.y, b.y));
    boxes.maxY.push(Math.max(a.y, b.y));
  }
  return boxes;
}

function signedArea2(points: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[(i + 1) % points.length];
    sum += a.x * b.y - a.y * b.x;
  }
  return sum;
}

// The first problem with one polygon, or null when it is a simple polygon.
function checkPolygon(raw: readonly Point[], list: 'walkable' | 'blocked', index: number): WalkAreaProblem | null {
  const where = describePolygon(list, index);
  for (let i = 0; i < raw.length; i++) {
    if (!Number.isFinite(raw[i].x) || !Number.isFinite(raw[i].y)) {
      return { kind: 'not-a-number', list, polygon: index, point: i, message: `point ${i + 1} of ${where} is not a finite number` };
    }
  }
  const { points, written } = dropRepeats(raw);
  const n = points.length;
  if (n < 3) {
    return { kind: 'too-few-points', list, polygon: index, message: `${where} needs at least 3 different points, it has ${n}` };
  }
  const [p0, p1] = points;
  if (points.every((p) => orient(p0.x, p0.y, p1.x, p1.y, p.x, p.y) === 0)) {
    return { kind: 'zero-area', list, polygon: index, message: `${where} encloses no area: its points lie on one line` };
  }
  // Two edges that meet anywhere but at their shared corner make the outline
  // cross or touch itself; an edge that doubles back on the previous one too.
  const boxes = edgeBoxes(points);
  const pairs = overlappingPairs(boxes.minX, boxes.maxX, boxes.minY, boxes.maxY);
  for (let k = 0; k < pairs.length; k += 2) {
    const i = pairs[k];
    const j = pairs[k + 1];
    const a = points[i];
    const b = points[(i + 1) % n];
    const c = points[j];
    const d = points[(j + 1) % n];
    let bad: boolean;
    if (j === i + 1 || (i === 0 && j === n - 1)) {
      // Adjacent: they share one corner; they must not overlap beyond it.
      const [p, q, r] = j === i + 1 ? [a, b, d] : [c, a, b];
      bad = orient(p.x, p.y, q.x, q.y, r.x, r.y) === 0 && (q.x - p.x) * (r.x - q.x) + (q.y - p.y) * (r.y - q.y) < 0;
    } else {
      bad = segmentsMeet(a, b, c, d);
    }
    if (bad) {
      return {
        kind: 'self-intersection',
        list,
        polygon: index,
        point: written[j],
        message: `${where} crosses itself: the edge ${formatPoint(a)}–${formatPoint(b)} meets the edge ${formatPoint(c)}–${formatPoint(d)}`,
      };
    }
  }
  return null;
}

/** Every problem with a walk area, at most one per polygon, in declaration order; empty when it is fine. */
export function checkWalkArea(area: WalkArea): WalkAreaProblem[] {
  const problems: WalkAreaProblem[] = [];
  area.walkable.forEach((polygon, i) => {
    const problem = checkPolygon(polygon, 'walkable', i);
    if (problem) problems.push(problem);
  });
  (area.blocked ?? []).forEach((polygon, i) => {
    const problem = checkPolygon(polygon, 'blocked', i);
    if (problem) problems.push(problem);
  });
  return problems;
}

/**
 * A checked polygon in canonical form: positive orientation, starting at its
 * least point (by x, then y). The same outline written from another start or
 * in the other direction therefore builds the same map and walks the same paths.
 */
export function canonicalPolygon(raw: readonly Point[], blocked: boolean): CanonicalPolygon {
  let points = dropRepeats(raw).points;
  if (signedArea2(points) < 0) points.reverse();
  let start = 0;
  for (let i = 1; i < points.length; i++) {
    const p = points[i];
    const s = points[start];
    if (p.x < s.x || (p.x === s.x && p.y < s.y)) start = i;
  }
  points = points.slice(start).concat(points.slice(0, start));
  return { points, blocked };
}

interface Edge {
  polygon: number;
  a: number;
  b: number;
  /** Vertices where other polygons' edges cut this one. */
  cuts: number[];
}

/**
 * Traces the boundary of (∪ walkable) − (∪ blocked). Every edge is cut where
 * another polygon's edge crosses or touches it; each cut piece is kept if the
 * region lies on exactly one side of it, and turned so that side is positive.
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
      edges.push({ polygon: p, a: vertexAt(a.x, a.y), b: vertexAt(b.x, b.y), cuts: [] });
    }
  });

  if (polygons.length > 1) cutEdges(edges, xs, ys, vertexAt);

  const bounds = polygons.map((polygon) => {
    const px = polygon.points.map((p) => p.x);
    const py = polygon.points.map((p) => p.y);
    return [Math.min(...px), Math.max(...px), Math.min(...py), Math.max(...py)];
  });

  const pieceA: number[] = [];
  const pieceB: number[] = [];
  const lines: number[] = [];
  const seen = new Set<string>();
  for (const edge of edges) {
    for (const [u, w] of splitEdge(edge, xs, ys)) {
      const mx = (xs[u] + xs[w]) / 2;
      const my = (ys[u] + ys[w]) / 2;
      const dx = xs[w] - xs[u];
      const dy = ys[w] - ys[u];
      let walkPositive = false;
      let walkNegative = false;
      let blockPositive = false;
      let blockNegative = false;
      polygons.forEach((polygon, q) => {
        let positive: boolean;
        let negative: boolean;
        if (q === edge.polygon) {
          [positive, negative] = [true, false];
        } else {
          const [x0, x1, y0, y1] = bounds[q];
          if (mx < x0 || mx > x1 || my < y0 || my > y1) return;
          [positive, negative] = sidesInside(polygon.points, mx, my, dx, dy);
        }
        if (polygon.blocked) {
          blockPositive ||= positive;
          blockNegative ||= negative;
        } else {
          walkPositive ||= positive;
          walkNegative ||= negative;
        }
      });
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
      // A proper crossing: the one place new coordinates are computed.
      const t = o3 / (o3 - o4);
      const x = vertexAt(px + t * (qx - px), py + t * (qy - py));
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

// Whether a polygon's interior lies on the positive and on the negative side of
// a piece with midpoint m and direction d, the piece not being one of its own.
function sidesInside(points: readonly Point[], mx: number, my: number, dx: number, dy: number): [boolean, boolean] {
  let winding = 0;
  const n = points.length;
  for (let i = 0; i < n; i++) {
    const a = points[i];
    const b = points[(i + 1) % n];
    const o = orient(a.x, a.y, b.x, b.y, mx, my);
    if (o === 0 && mx >= Math.min(a.x, b.x) && mx <= Math.max(a.x, b.x) && my >= Math.min(a.y, b.y) && my <= Math.max(a.y, b.y)) {
      // The piece runs along this edge: the interior is on the edge's positive side.
      const same = (b.x - a.x) * dx + (b.y - a.y) * dy > 0;
      return [same, !same];
    }
    if (a.y <= my) {
      if (b.y > my && o > 0) winding++;
    } else if (b.y <= my && o < 0) {
      winding--;
    }
  }
  const inside = winding !== 0;
  return [inside, inside];
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
  const around: Array<Array<{ x: number; y: number; out: boolean }>> = Array.from({ length: count }, () => []);
  for (let k = 0; k < pa.length; k++) {
    const a = pa[k];
    const b = pb[k];
    around[a].push({ x: vx[b] - vx[a], y: vy[b] - vy[a], out: true });
    around[b].push({ x: vx[a] - vx[b], y: vy[a] - vy[b], out: false });
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
