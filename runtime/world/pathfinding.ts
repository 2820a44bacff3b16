// Walking in a room: preprocess a walk area once into a WalkMap, then answer
// shortest-path queries on every click (visibility graph + A*), identically on
// every machine. Imports this folder and CairnError from interpreter/ only.

import { CairnError } from '../../interpreter/errors.js';
import { distance, isReflexCone, type Point } from './geometry.js';
import { isClearPath, buildPieceGrid, locate, nearestBoundarySpot, opensAt, type PieceGrid, type Spot } from './visibility.js';
import { type Boundary, traceBoundary } from './boundary.js';
import { canonicalPolygon, checkWalkArea, type WalkArea } from './walk-area.js';

export type { Point } from './geometry.js';
export type { WalkArea, WalkAreaProblem, WalkAreaProblemKind } from './walk-area.js';
export { checkWalkArea } from './walk-area.js';

/**
 * A room's walk area, preprocessed for path queries. Derived data: rebuild it
 * from the WalkArea (after a load, or when a blocked area changes); never save
 * it. Its scratch arrays make queries allocation-light, so share a map between
 * queries but not between threads.
 */
export interface WalkMap {
  readonly boundary: Boundary;
  readonly grid: PieceGrid;
  /** How many connected parts the region has, and which one each boundary vertex and piece is in. */
  readonly components: number;
  readonly vertexComponent: Int32Array;
  readonly pieceComponent: Int32Array;
  /** Graph nodes: boundary vertices a shortest path can bend around. */
  readonly nodeVertex: Int32Array;
  readonly nodeSpots: readonly Spot[];
  /** Edges of node n are edgeStart[n] .. edgeStart[n + 1] - 1, to edgeNode with length edgeCost. */
  readonly edgeStart: Int32Array;
  readonly edgeNode: Int32Array;
  readonly edgeCost: Float64Array;
  readonly scratch: SearchScratch;
}

interface SearchScratch {
  cost: Float64Array;
  parent: Int32Array;
  closed: Uint8Array;
  heapKey: number[];
  heapNode: number[];
}

/** Checks and preprocesses a walk area; throws a CairnError (INVALID_PROPERTY) naming every bad polygon. */
export function buildWalkMap(area: WalkArea): WalkMap {
  const problems = checkWalkArea(area);
  if (problems.length > 0) {
    const errors = problems.map((p) => new CairnError('INVALID_PROPERTY', `walkable area: ${p.message}`));
    const [first, ...rest] = errors;
    throw new CairnError('INVALID_PROPERTY', first.message, {
      related: rest,
      hint: 'a walkable or blocked polygon needs 3 or more points, listed in order around its outline, with edges that do not cross',
    });
  }
  const polygons = [
    ...area.walkable.map((p) => canonicalPolygon(p, false)),
    ...(area.blocked ?? []).map((p) => canonicalPolygon(p, true)),
  ];
  const boundary = traceBoundary(polygons);
  const grid = buildPieceGrid(boundary);
  const { components, vertexComponent, pieceComponent } = findComponents(boundary);
  return { boundary, grid, components, vertexComponent, pieceComponent, ...buildGraph(boundary, grid, vertexComponent) };
}

/** Whether p is inside the walkable region or on its edge. */
export function isWalkable(map: WalkMap, p: Point): boolean {
  return locate(map.boundary, p) !== null;
}

/** p itself if walkable, else the nearest point on the region's edge; null if nothing is walkable. */
export function nearestWalkablePoint(map: WalkMap, p: Point): Point | null {
  const spot = locate(map.boundary, p) ?? nearestBoundarySpot(map.boundary, p, map.pieceComponent, null);
  return spot === null ? null : { x: spot.x, y: spot.y };
}

/**
 * The shortest walk from `from` towards `to`: the start, each corner, the end,
 * with no point repeated. A start off the region is first moved to the nearest
 * walkable point (the path starts there); an end that cannot be reached (outside,
 * in a blocked area, or in a part of the region not connected to the start)
 * becomes the reachable point nearest to it. With nothing walkable, [from].
 */
export function findPath(map: WalkMap, from: Point, to: Point): Point[] {
  const b = map.boundary;
  const start = locate(b, from) ?? nearestBoundarySpot(b, from, map.pieceComponent, null);
  if (start === null) return [{ x: from.x, y: from.y }];
  const component = componentOf(map, start);
  let end = locate(b, to);
  if (end === null || componentOf(map, end) !== component) {
    end = nearestBoundarySpot(b, to, map.pieceComponent, component) as Spot;
  }
  return route(map, start, end, component);
}

// The connected part of the region a walkable spot is in. A point inside shares
// its nearest boundary point's part: the straight way there is clear.
function componentOf(map: WalkMap, s: Spot): number {
  if (map.components === 1) return 0;
  if (s.vertex >= 0) return map.vertexComponent[s.vertex];
  if (s.piece >= 0) return map.pieceComponent[s.piece];
  const edge = nearestBoundarySpot(map.boundary, s, map.pieceComponent, null) as Spot;
  return componentOf(map, edge);
}

/**
 * Whether a straight line through p and node vertex v only grazes the corner
 * (both walls at v on one side), so a shortest path may bend there. Corners
 * where the region pinches to a point pass always: paths go through them.
 */
function bendsAround(b: Boundary, v: number, px: number, py: number, slack: number): boolean {
  const c = b.coneStart[v];
  if (b.coneStart[v + 1] - c !== 1) return true;
  const lx = b.vx[v] - px;
  const ly = b.vy[v] - py;
  const ox = b.coneOx[c], oy = b.coneOy[c], ix = b.coneIx[c], iy = b.coneIy[c];
  const s1 = lx * oy - ly * ox;
  const s2 = lx * iy - ly * ix;
  // A wall within `slack` of the line counts as on it (computed corners are rounded).
  if (s1 * s1 <= slack * slack * (ox * ox + oy * oy) || s2 * s2 <= slack * slack * (ix * ix + iy * iy)) return true;
  return !((s1 > 0 && s2 < 0) || (s1 < 0 && s2 > 0));
}

// Groups boundary vertices into connected parts of the region. Pieces join
// their ends; a group that is the rim of a hole (free to the left of its
// leftmost corner) is joined to the first piece a leftward ray from that
// corner hits, since the ray runs inside the region to it.
function findComponents(b: Boundary): { components: number; vertexComponent: Int32Array; pieceComponent: Int32Array } {
  const count = b.vx.length;
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const find = (v: number): number => {
    while (parent[v] !== v) v = parent[v] = parent[parent[v]];
    return v;
  };
  const union = (a: number, c: number): void => {
    const ra = find(a), rc = find(c);
    if (ra !== rc) parent[Math.max(ra, rc)] = Math.min(ra, rc);
  };
  for (let k = 0; k < b.pa.length; k++) union(b.pa[k], b.pb[k]);

  const leftmost = new Int32Array(count).fill(-1);
  for (let v = 0; v < count; v++) {
    const r = find(v), e = leftmost[r];
    if (e < 0 || b.vx[v] < b.vx[e] || (b.vx[v] === b.vx[e] && b.vy[v] < b.vy[e])) leftmost[r] = v;
  }
  const rims = Array.from(leftmost).filter((v) => v >= 0 && opensAt(b, v, -1, 0));
  // Groups as traced, before rays join them: a ray skips its own group's
  // pieces, which only rounding can put left of its start.
  const group = Int32Array.from({ length: count }, (_, v) => find(v));
  for (const v of rims) {
    const x = b.vx[v], y = b.vy[v];
    let hitX = -Infinity;
    let hit = -1;
    for (let k = 0; k < b.pa.length; k++) {
      if (group[b.pa[k]] === group[v]) continue;
      const ux = b.vx[b.pa[k]], uy = b.vy[b.pa[k]], wx = b.vx[b.pb[k]], wy = b.vy[b.pb[k]];
      let at: number;
      if (uy === wy) {
        if (uy !== y) continue;
        at = Math.max(ux, wx);
      } else {
        if (y < Math.min(uy, wy) || y > Math.max(uy, wy)) continue;
        at = ux + ((y - uy) * (wx - ux)) / (wy - uy);
      }
      if (at < x && at > hitX) {
        hitX = at;
        hit = k;
      }
    }
    if (hit >= 0) union(v, b.pa[hit]);
  }

  const vertexComponent = new Int32Array(count).fill(-1);
  const idOfRoot = new Int32Array(count).fill(-1);
  let next = 0;
  for (let v = 0; v < count; v++) {
    const r = find(v);
    if (idOfRoot[r] < 0) idOfRoot[r] = next++;
    vertexComponent[v] = idOfRoot[r];
  }
  const pieceComponent = Int32Array.from(b.pa, (v) => vertexComponent[v]);
  return { components: next, vertexComponent, pieceComponent };
}

// The visibility graph: corners a path can bend around, joined where they see
// each other and the line between them grazes both (no shortest path uses the others).
function buildGraph(b: Boundary, grid: PieceGrid, vertexComponent: Int32Array) {
  const nodes: number[] = [];
  for (let v = 0; v < b.vx.length; v++) {
    const c = b.coneStart[v];
    const cones = b.coneStart[v + 1] - c;
    if (cones > 1 || (cones === 1 && isReflexCone(b.coneOx[c], b.coneOy[c], b.coneIx[c], b.coneIy[c]))) nodes.push(v);
  }
  const n = nodes.length;
  const nodeSpots: Spot[] = nodes.map((v) => ({ x: b.vx[v], y: b.vy[v], vertex: v, piece: -1 }));
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const vi = nodes[i];
    for (let j = i + 1; j < n; j++) {
      const vj = nodes[j];
      if (vertexComponent[vi] !== vertexComponent[vj]) continue;
      if (!bendsAround(b, vi, b.vx[vj], b.vy[vj], grid.tolerance) || !bendsAround(b, vj, b.vx[vi], b.vy[vi], grid.tolerance)) continue;
      if (!isClearPath(b, grid, nodeSpots[i], nodeSpots[j])) continue;
      neighbours[i].push(j);
      neighbours[j].push(i);
    }
  }
  const edgeStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) edgeStart[i + 1] = edgeStart[i] + neighbours[i].length;
  const edgeNode = new Int32Array(edgeStart[n]);
  const edgeCost = new Float64Array(edgeStart[n]);
  for (let i = 0; i < n; i++) {
    neighbours[i].sort((p, q) => p - q);
    neighbours[i].forEach((j, k) => {
      edgeNode[edgeStart[i] + k] = j;
      edgeCost[edgeStart[i] + k] = distance(nodeSpots[i].x, nodeSpots[i].y, nodeSpots[j].x, nodeSpots[j].y);
    });
  }
  const scratch: SearchScratch = {
    cost: new Float64Array(n),
    parent: new Int32Array(n),
    closed: new Uint8Array(n),
    heapKey: [],
    heapNode: [],
  };
  return { nodeVertex: Int32Array.from(nodes), nodeSpots, edgeStart, edgeNode, edgeCost, scratch };
}

// The shortest path between two walkable spots of one component: straight
// if clear, else A* over the graph, entering at every node s sees and offering
// t from every settled node that sees it; t is done when it pops off the heap.
// Ties go to the lower node index.
function route(map: WalkMap, s: Spot, t: Spot, component: number): Point[] {
  const b = map.boundary;
  const grid = map.grid;
  if (s.x === t.x && s.y === t.y) return [{ x: s.x, y: s.y }];
  if (isClearPath(b, grid, s, t)) return [{ x: s.x, y: s.y }, { x: t.x, y: t.y }];

  const { nodeVertex, nodeSpots, edgeStart, edgeNode, edgeCost } = map;
  const { cost, parent, closed, heapKey, heapNode } = map.scratch;
  const n = nodeVertex.length;
  const goal = n;
  cost.fill(Infinity);
  parent.fill(-1);
  closed.fill(0);
  heapKey.length = 0;
  heapNode.length = 0;
  for (let i = 0; i < n; i++) {
    const v = nodeVertex[i];
    if (map.vertexComponent[v] !== component) continue;
    const spot = nodeSpots[i];
    if (!bendsAround(b, v, s.x, s.y, grid.tolerance) || !isClearPath(b, grid, s, spot)) continue;
    cost[i] = distance(s.x, s.y, spot.x, spot.y);
    push(heapKey, heapNode, cost[i] + distance(spot.x, spot.y, t.x, t.y), i);
  }
  let goalCost = Infinity;
  let goalParent = -1;
  while (heapNode.length > 0) {
    const i = pop(heapKey, heapNode);
    if (i === goal) break;
    if (closed[i]) continue;
    closed[i] = 1;
    const spot = nodeSpots[i];
    if (bendsAround(b, nodeVertex[i], t.x, t.y, grid.tolerance) && isClearPath(b, grid, spot, t)) {
      const through = cost[i] + distance(spot.x, spot.y, t.x, t.y);
      if (through < goalCost) {
        goalCost = through;
        goalParent = i;
        push(heapKey, heapNode, through, goal);
      }
    }
    for (let e = edgeStart[i]; e < edgeStart[i + 1]; e++) {
      const j = edgeNode[e];
      if (closed[j]) continue;
      const through = cost[i] + edgeCost[e];
      if (through < cost[j]) {
        cost[j] = through;
        parent[j] = i;
        push(heapKey, heapNode, through + distance(nodeSpots[j].x, nodeSpots[j].y, t.x, t.y), j);
      }
    }
  }
  // Unreachable only if rounding broke a degenerate corner: stay put rather than walk through a wall.
  if (goalParent < 0) return [{ x: s.x, y: s.y }];
  const path: Point[] = [{ x: t.x, y: t.y }];
  for (let i = goalParent; i >= 0; i = parent[i]) path.push({ x: nodeSpots[i].x, y: nodeSpots[i].y });
  path.push({ x: s.x, y: s.y });
  path.reverse();
  return path.filter((p, k) => k === 0 || p.x !== path[k - 1].x || p.y !== path[k - 1].y);
}

// A binary min-heap on (key, node): equal keys pop the lower node first, so the
// search order — and so the path chosen among equals — never depends on chance.
function before(keys: number[], nodes: number[], a: number, c: number): boolean {
  return keys[a] < keys[c] || (keys[a] === keys[c] && nodes[a] < nodes[c]);
}

function swap(keys: number[], nodes: number[], a: number, c: number): void {
  const k = keys[a];
  keys[a] = keys[c];
  keys[c] = k;
  const v = nodes[a];
  nodes[a] = nodes[c];
  nodes[c] = v;
}

function push(keys: number[], nodes: number[], key: number, node: number): void {
  let i = keys.length;
  keys.push(key);
  nodes.push(node);
  while (i > 0) {
    const up = (i - 1) >> 1;
    if (!before(keys, nodes, i, up)) break;
    swap(keys, nodes, i, up);
    i = up;
  }
}

function pop(keys: number[], nodes: number[]): number {
  const top = nodes[0];
  const last = keys.length - 1;
  swap(keys, nodes, 0, last);
  keys.pop();
  nodes.pop();
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < last && before(keys, nodes, l, m)) m = l;
    if (r < last && before(keys, nodes, r, m)) m = r;
    if (m === i) break;
    swap(keys, nodes, i, m);
    i = m;
  }
  return top;
}
