// A room's walkable area as authors declare it (`walkable` minus `blocked`
// polygons): checked, with problems returned as data for the compiler and the
// runtime to word, and put in canonical form. Imports geometry.ts only.

import { orient, overlappingPairs, type Point } from './geometry.js';

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
