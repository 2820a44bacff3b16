// Plane geometry for walking: orientation tests and cones of free directions.
// Imports nothing. Only +, -, *, / so results round alike on every machine and
// are exact for the integer and half-pixel coordinates authors write.

/** A point in room coordinates (pixels, y pointing down). */
export interface Point {
  x: number;
  y: number;
}

/**
 * Twice the signed area of the triangle a, b, c: positive when c lies on the
 * positive side of the line a→b, zero when the three points are collinear.
 * "Positive side" is a convention shared by everything in this folder: the
 * walkable area always lies on the positive side of its boundary pieces.
 */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Straight-line distance; Math.hypot is avoided because engines may round it differently. */
export function distance(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  return Math.sqrt(dx * dx + dy * dy);
}

/** Whether c, known to be collinear with a and b, lies strictly between them. */
export function strictlyBetween(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  return (cx - ax) * dx + (cy - ay) * dy > 0 && (cx - bx) * dx + (cy - by) * dy < 0;
}

/** Whether c lies on the closed segment a–b (exact for exact inputs). */
export function onSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  if (orient(ax, ay, bx, by, cx, cy) !== 0) return false;
  return (
    cx >= Math.min(ax, bx) && cx <= Math.max(ax, bx) && cy >= Math.min(ay, by) && cy <= Math.max(ay, by)
  );
}

// Where a direction u lies when turning in the positive sense from direction o:
// 0 along o, 1 within the first half turn, 2 exactly opposite, 3 within the second.
function turnClass(ox: number, oy: number, ux: number, uy: number): number {
  const c = ox * uy - oy * ux;
  if (c > 0) return 1;
  if (c < 0) return 3;
  return ox * ux + oy * uy > 0 ? 0 : 2;
}

/**
 * Whether direction d lies in the closed cone swept by turning from direction
 * o in the positive sense until direction i. A vertex's walkable cone runs from
 * its outgoing boundary piece to its incoming one, so both walls count as free.
 */
export function inCone(ox: number, oy: number, ix: number, iy: number, dx: number, dy: number): boolean {
  const cd = turnClass(ox, oy, dx, dy);
  if (cd === 0) return true;
  const ci = turnClass(ox, oy, ix, iy);
  if (cd !== ci) return cd < ci;
  if (cd === 2) return true;
  // Same open half turn: d comes no later than i.
  return dx * iy - dy * ix >= 0;
}

/** Whether a cone from o to i is wider than a half turn: a corner a path can bend around. */
export function isReflexCone(ox: number, oy: number, ix: number, iy: number): boolean {
  return turnClass(ox, oy, ix, iy) === 3;
}

/**
 * Orders directions by angle, starting along +x and turning in the positive
 * sense. Exact (no atan2), so ties and order are the same on every machine.
 */
export function compareAngle(ax: number, ay: number, bx: number, by: number): number {
  const ha = ay > 0 || (ay === 0 && ax > 0) ? 0 : 1;
  const hb = by > 0 || (by === 0 && bx > 0) ? 0 : 1;
  if (ha !== hb) return ha - hb;
  const c = ax * by - ay * bx;
  return c > 0 ? -1 : c < 0 ? 1 : 0;
}

/**
 * Pairs (i, j), i < j, of boxes (given by their edges) that overlap or touch,
 * found by sweeping in x; flat as [i0, j0, i1, j1, …], in a fixed order.
 */
export function overlappingPairs(minX: number[], maxX: number[], minY: number[], maxY: number[]): number[] {
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
