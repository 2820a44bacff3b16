// Benchmarks for walking: building the walk map of a 500-vertex room (done once
// per room) and path queries on it (done per click; the budget is a 1 ms tick).
// Also exports the generated room, which the pathfinding tests walk too.

import { buildWalkMap, findPath, type Point, type WalkArea } from '../runtime/world/pathfinding.js';

/**
 * A long corridor with jagged walls and ten star-shaped pillars in it:
 * 2 × 200 wall corners + 10 × 10 pillar corners = 500 vertices. Built from
 * arithmetic alone, so it is the same everywhere.
 */
export function jaggedCorridor(): WalkArea {
  const teeth = 200;
  const length = 4000;
  const step = length / (teeth - 1);
  const top: Point[] = [];
  const bottom: Point[] = [];
  for (let i = 0; i < teeth; i++) {
    top.push({ x: i * step, y: (i % 2) * 40 + 15 * ((i * 7) % 5) });
    bottom.push({ x: i * step, y: 500 - (i % 2) * 40 - 15 * ((i * 3) % 5) });
  }
  const walkable = [[...top, ...bottom.reverse()]];
  const blocked: Point[][] = [];
  for (let j = 0; j < 10; j++) {
    const cx = 200 + j * 400;
    const cy = 250 + ((j % 3) - 1) * 60;
    const pillar: Point[] = [];
    for (let k = 0; k < 10; k++) {
      const r = k % 2 === 0 ? 50 : 28;
      const a = (k / 10) * 2 * Math.PI + j * 0.3;
      pillar.push({ x: Math.round(cx + r * Math.cos(a)), y: Math.round(cy + r * Math.sin(a)) });
    }
    blocked.push(pillar);
  }
  return { walkable, blocked };
}

/** Query endpoints spread over the corridor, from a fixed sequence. */
export function corridorQueries(count: number): Array<[Point, Point]> {
  const queries: Array<[Point, Point]> = [[{ x: 10, y: 250 }, { x: 3990, y: 250 }]];
  let s = 12345;
  const next = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  while (queries.length < count) {
    queries.push([
      { x: next() * 4000, y: 120 + next() * 260 },
      { x: next() * 4000, y: 120 + next() * 260 },
    ]);
  }
  return queries;
}

function timeIt(repeat: number, run: () => void): number {
  const start = performance.now();
  for (let i = 0; i < repeat; i++) run();
  return (performance.now() - start) / repeat;
}

/** Preprocessing and query times on the 500-vertex corridor, in ms per operation. */
export async function benchPathfinding(): Promise<Array<{ name: string; ms: number; note?: string }>> {
  const area = jaggedCorridor();
  timeIt(3, () => buildWalkMap(area)); // warm up the JIT
  const buildMs = timeIt(10, () => buildWalkMap(area));
  const map = buildWalkMap(area);
  const queries = corridorQueries(200);
  const runAll = (): void => {
    for (const [from, to] of queries) findPath(map, from, to);
  };
  timeIt(5, runAll);
  const queryMs = timeIt(20, runAll) / queries.length;
  const [from, to] = queries[0];
  findPath(map, from, to);
  const endToEndMs = timeIt(200, () => findPath(map, from, to));
  const graph = `${map.nodeVertex.length} corners, ${map.edgeNode.length / 2} sight lines`;
  return [
    { name: 'pathfinding: build walk map, 500-vertex area', ms: buildMs, note: `once per room; ${graph}` },
    { name: 'pathfinding: path query, 500-vertex area', ms: queryMs, note: `mean of ${queries.length} random queries` },
    { name: 'pathfinding: path query, end to end of the corridor', ms: endToEndMs, note: 'longest path, around every pillar' },
  ];
}
