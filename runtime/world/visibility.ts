// Line of sight in the walkable region: where a point lies, the nearest edge
// point, and whether a straight walk stays inside (a grid keeps each test to
// nearby pieces). Imports geometry.ts and boundary.ts; allocates nothing per test.

import { inCone, orient, type Point, strictlyBetween } from './geometry.js';
import type { Boundary } from './boundary.js';

/** A point with what it touches: a boundary vertex, a boundary piece, or neither (-1). */
export interface Spot {
  x: number;
  y: number;
  vertex: number;
  piece: number;
}

/** Boundary pieces bucketed by the grid cells they pass through, plus scratch marks for sight tests. */
export interface PieceGrid {
  ox: number;
  oy: number;
  size: number;
  cols: number;
  rows: number;
  /** Pieces in cell (row * cols + col) are cellItems[cellStart[cell] .. cellStart[cell + 1] - 1]. */
  cellStart: Int32Array;
  cellItems: Int32Array;
  /**
   * How far (in pixels) a corner may lie from a line and still count as on it.
   * Exact input never comes this close without being on the line; computed
   * crossing points, rounded, do.
   */
  tolerance: number;
  /** Scratch: a piece already tested in the current sight test has stamp === visit[0]. */
  stamp: Uint32Array;
  visit: Uint32Array;
}

// Cells are widened by this fraction of a cell on each side, so a segment that
// runs along a cell border is filed in, and looked for in, both neighbours.
const MARGIN = 1e-7;
// A snapped point (rounded onto a piece) may leave at this small an angle into the wall.
const SNAP_SLACK_SQUARED = 1e-18;

/** Buckets the boundary pieces into a grid of about one piece per cell. */
export function buildPieceGrid(b: Boundary): PieceGrid {
  const pieces = b.pa.length;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let v = 0; v < b.vx.length; v++) {
    minX = Math.min(minX, b.vx[v]);
    maxX = Math.max(maxX, b.vx[v]);
    minY = Math.min(minY, b.vy[v]);
    maxY = Math.max(maxY, b.vy[v]);
  }
  if (pieces === 0) [minX, minY, maxX, maxY] = [0, 0, 1, 1];
  const width = Math.max(maxX - minX, 1e-9);
  const height = Math.max(maxY - minY, 1e-9);
  const size = Math.max(Math.sqrt((width * height) / Math.max(pieces, 1)), width / 512, height / 512);
  const cols = Math.max(1, Math.ceil(width / size));
  const rows = Math.max(1, Math.ceil(height / size));
  const grid: PieceGrid = {
    ox: minX, oy: minY, size, cols, rows,
    tolerance: 1e-9 * Math.max(1, Math.abs(minX), Math.abs(maxX), Math.abs(minY), Math.abs(maxY)),
    cellStart: new Int32Array(cols * rows + 1),
    cellItems: new Int32Array(0),
    stamp: new Uint32Array(pieces),
    visit: new Uint32Array(1),
  };
  const span = new Int32Array(4);
  // Two passes over the same cells: count, then fill.
  const fill = (place: (cell: number, piece: number) => void): void => {
    for (let k = 0; k < pieces; k++) {
      const x0 = b.vx[b.pa[k]], y0 = b.vy[b.pa[k]], x1 = b.vx[b.pb[k]], y1 = b.vy[b.pb[k]];
      rowsOf(grid, y0, y1, span);
      for (let r = span[0]; r <= span[1]; r++) {
        columnsOf(grid, x0, y0, x1, y1, r, span);
        for (let c = span[2]; c <= span[3]; c++) place(r * cols + c, k);
      }
    }
  };
  const counts = grid.cellStart;
  fill((cell) => counts[cell + 1]++);
  for (let i = 0; i < cols * rows; i++) counts[i + 1] += counts[i];
  grid.cellItems = new Int32Array(counts[cols * rows]);
  const next = counts.slice(0, cols * rows);
  fill((cell, piece) => (grid.cellItems[next[cell]++] = piece));
  return grid;
}

function clampIndex(i: number, count: number): number {
  return i < 0 ? 0 : i >= count ? count - 1 : i;
}

// Rows a segment with these end heights passes through: out[0] .. out[1].
function rowsOf(g: PieceGrid, y0: number, y1: number, out: Int32Array): void {
  out[0] = clampIndex(Math.floor((Math.min(y0, y1) - g.oy) / g.size - MARGIN), g.rows);
  out[1] = clampIndex(Math.floor((Math.max(y0, y1) - g.oy) / g.size + MARGIN), g.rows);
}

// Columns the segment passes through within one row: out[2] .. out[3].
function columnsOf(g: PieceGrid, x0: number, y0: number, x1: number, y1: number, row: number, out: Int32Array): void {
  let xa: number;
  let xb: number;
  if (y0 === y1) {
    xa = x0;
    xb = x1;
  } else {
    const top = g.oy + row * g.size;
    const ta = Math.min(Math.max((top - y0) / (y1 - y0), 0), 1);
    const tb = Math.min(Math.max((top + g.size - y0) / (y1 - y0), 0), 1);
    xa = x0 + ta * (x1 - x0);
    xb = x0 + tb * (x1 - x0);
  }
  out[2] = clampIndex(Math.floor((Math.min(xa, xb) - g.ox) / g.size - MARGIN), g.cols);
  out[3] = clampIndex(Math.floor((Math.max(xa, xb) - g.ox) / g.size + MARGIN), g.cols);
}

/**
 * Whether direction d points into the region at vertex v (walls included). A
 * direction whose end lies within `slack` pixels of a wall counts as along the
 * wall: a computed corner is rounded, and a walk along its wall must not fail.
 */
export function opensAt(b: Boundary, v: number, dx: number, dy: number, slack = 0): boolean {
  for (let c = b.coneStart[v]; c < b.coneStart[v + 1]; c++) {
    const ox = b.coneOx[c], oy = b.coneOy[c], ix = b.coneIx[c], iy = b.coneIy[c];
    if (inCone(ox, oy, ix, iy, dx, dy)) return true;
    if (slack > 0 && (alongWall(ox, oy, dx, dy, slack) || alongWall(ix, iy, dx, dy, slack))) return true;
  }
  return false;
}

// Whether the end of d lies within `slack` of the ray along w.
function alongWall(wx: number, wy: number, dx: number, dy: number, slack: number): boolean {
  if (wx * dx + wy * dy <= 0) return false;
  const c = wx * dy - wy * dx;
  return c * c <= slack * slack * (wx * wx + wy * wy);
}

// Whether a straight walk leaving spot s in direction d starts inside the region.
function leavesInto(b: Boundary, s: Spot, dx: number, dy: number, slack: number): boolean {
  if (s.vertex >= 0) return opensAt(b, s.vertex, dx, dy, slack);
  if (s.piece < 0) return true;
  const ex = b.lx1[s.piece] - b.lx0[s.piece];
  const ey = b.ly1[s.piece] - b.ly0[s.piece];
  const c = ex * dy - ey * dx;
  return c >= 0 || c * c <= SNAP_SLACK_SQUARED * (ex * ex + ey * ey) * (dx * dx + dy * dy);
}

/**
 * Whether the straight segment from s to t lies inside the region (its
 * boundary included). It does unless it properly crosses a piece, leaves an
 * end spot outwards, or passes a corner where either way along it is outside.
 */
export function isClearPath(b: Boundary, g: PieceGrid, s: Spot, t: Spot): boolean {
  const sx = s.x, sy = s.y, tx = t.x, ty = t.y;
  const dx = tx - sx;
  const dy = ty - sy;
  if (dx === 0 && dy === 0) return true;
  if (s.piece >= 0 && s.piece === t.piece) return true;
  const slack = g.tolerance;
  if (!leavesInto(b, s, dx, dy, slack) || !leavesInto(b, t, -dx, -dy, slack)) return false;
  // A corner this close to the line (in orient() units) counts as on it.
  const near = slack * Math.sqrt(dx * dx + dy * dy);
  let mark = ++g.visit[0];
  if (mark === 0xffffffff) {
    g.stamp.fill(0);
    mark = g.visit[0] = 1;
  }
  const vx = b.vx, vy = b.vy, pa = b.pa, pb = b.pb, lx0 = b.lx0, ly0 = b.ly0, lx1 = b.lx1, ly1 = b.ly1;
  const cellStart = g.cellStart, cellItems = g.cellItems, stamp = g.stamp;
  const span = SPAN;
  rowsOf(g, sy, ty, span);
  for (let r = span[0]; r <= span[1]; r++) {
    columnsOf(g, sx, sy, tx, ty, r, span);
    for (let cell = r * g.cols + span[2], last = r * g.cols + span[3]; cell <= last; cell++) {
      for (let i = cellStart[cell], end = cellStart[cell + 1]; i < end; i++) {
        const k = cellItems[i];
        if (stamp[k] === mark) continue;
        stamp[k] = mark;
        if (k === s.piece || k === t.piece) continue;
        const u = pa[k], w = pb[k];
        const ux = vx[u], uy = vy[u], wx = vx[w], wy = vy[w];
        let o1 = orient(sx, sy, tx, ty, ux, uy);
        let o2 = orient(sx, sy, tx, ty, wx, wy);
        if (Math.abs(o1) <= near) o1 = 0;
        if (Math.abs(o2) <= near) o2 = 0;
        if ((o1 > 0 && o2 > 0) || (o1 < 0 && o2 < 0)) continue;
        const o3 = orient(lx0[k], ly0[k], lx1[k], ly1[k], sx, sy);
        const o4 = orient(lx0[k], ly0[k], lx1[k], ly1[k], tx, ty);
        if ((o3 > 0 && o4 > 0) || (o3 < 0 && o4 < 0)) continue;
        if (o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return false;
        // The segment runs through a corner: fine only if both ways along it are free there.
        if (o1 === 0 && u !== s.vertex && u !== t.vertex && strictlyBetween(sx, sy, tx, ty, ux, uy)) {
          if (!opensAt(b, u, dx, dy, slack) || !opensAt(b, u, -dx, -dy, slack)) return false;
        }
        if (o2 === 0 && w !== s.vertex && w !== t.vertex && strictlyBetween(sx, sy, tx, ty, wx, wy)) {
          if (!opensAt(b, w, dx, dy, slack) || !opensAt(b, w, -dx, -dy, slack)) return false;
        }
      }
    }
  }
  return true;
}

// Scratch for row and column ranges; sight tests never nest.
const SPAN = new Int32Array(4);

/** Where p lies: on a corner, on a piece, inside (vertex = piece = -1), or outside (null). */
export function locate(b: Boundary, p: Point): Spot | null {
  const { x, y } = p;
  let winding = 0;
  for (let k = 0; k < b.pa.length; k++) {
    const u = b.pa[k], w = b.pb[k];
    const ux = b.vx[u], uy = b.vy[u], wx = b.vx[w], wy = b.vy[w];
    if (ux === x && uy === y) return { x, y, vertex: u, piece: -1 };
    const o = orient(b.lx0[k], b.ly0[k], b.lx1[k], b.ly1[k], x, y);
    if (o === 0 && strictlyBetween(ux, uy, wx, wy, x, y)) return { x, y, vertex: -1, piece: k };
    // Winding number (the boundary is turned so the region is on the positive side).
    if (uy <= y) {
      if (wy > y && o > 0) winding++;
    } else if (wy <= y && o < 0) {
      winding--;
    }
  }
  return winding !== 0 ? { x, y, vertex: -1, piece: -1 } : null;
}

/**
 * The boundary point nearest p, on pieces whose component passes `accept`
 * (all when null); ties go to the lower piece index. Null if there are none.
 */
export function nearestBoundarySpot(b: Boundary, p: Point, pieceComponent: Int32Array, accept: number | null): Spot | null {
  let best = Infinity;
  let bestPiece = -1;
  let bestT = 0;
  for (let k = 0; k < b.pa.length; k++) {
    if (accept !== null && pieceComponent[k] !== accept) continue;
    const ux = b.vx[b.pa[k]], uy = b.vy[b.pa[k]];
    const ex = b.vx[b.pb[k]] - ux, ey = b.vy[b.pb[k]] - uy;
    let t = ((p.x - ux) * ex + (p.y - uy) * ey) / (ex * ex + ey * ey);
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const qx = ux + t * ex - p.x;
    const qy = uy + t * ey - p.y;
    const d = qx * qx + qy * qy;
    if (d < best) {
      best = d;
      bestPiece = k;
      bestT = t;
    }
  }
  if (bestPiece < 0) return null;
  const u = b.pa[bestPiece], w = b.pb[bestPiece];
  const ex = b.vx[w] - b.vx[u], ey = b.vy[w] - b.vy[u];
  const x = b.vx[u] + bestT * ex;
  const y = b.vy[u] + bestT * ey;
  // Rounding can leave a point a hair from a corner; call it the corner.
  const tiny = 1e-9 * Math.max(Math.abs(ex), Math.abs(ey), 1);
  if (bestT === 0 || (Math.abs(x - b.vx[u]) <= tiny && Math.abs(y - b.vy[u]) <= tiny)) {
    return { x: b.vx[u], y: b.vy[u], vertex: u, piece: -1 };
  }
  if (bestT === 1 || (Math.abs(x - b.vx[w]) <= tiny && Math.abs(y - b.vy[w]) <= tiny)) {
    return { x: b.vx[w], y: b.vy[w], vertex: w, piece: -1 };
  }
  return { x, y, vertex: -1, piece: bestPiece };
}
