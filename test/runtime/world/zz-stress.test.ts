import { it, expect } from 'vitest';
import { buildWalkMap, checkWalkArea, findPath, isWalkable, type Point, type WalkArea } from '../../../runtime/world/pathfinding.js';
import { pathLength, refSegmentInside, refShortestLength, refWalkable, seeded, refDistanceToRegion, refDistanceToReachable } from './reference.js';
const pt = (x: number, y: number): Point => ({ x, y });
function randomArea(random: () => number, snap: number): WalkArea {
    const q = (v: number) => (snap > 0 ? Math.round(v / snap) * snap : v);
    const star = (cx: number, cy: number, corners: number, r0: number, r1: number): Point[] => {
      const angles = Array.from({ length: corners }, () => random() * 2 * Math.PI).sort((a, b) => a - b);
      const points = angles.map((a) => { const r = r0 + random() * (r1 - r0); return pt(q(cx + r * Math.cos(a)), q(cy + r * Math.sin(a))); });
      return points.filter((p, i) => i === 0 || p.x !== points[i - 1].x || p.y !== points[i - 1].y);
    };
    const walkable = Array.from({ length: Number(process.env.WALK ?? 1) }, () => star(200 + random() * 600, 200 + random() * 600, 5 + Math.floor(random() * 10), 60, 400));
    const blocked = Array.from({ length: 1 + Math.floor(random() * 7) }, () =>
      star(150 + random() * 700, 150 + random() * 700, 3 + Math.floor(random() * 6), 20, 200));
    return { walkable, blocked };
}
const SNAP = Number(process.env.SNAP ?? 0), SEED = Number(process.env.SEED ?? 7), ROUNDS = Number(process.env.ROUNDS ?? 500);
it('stress', () => {
  const random = seeded(SEED);
  let compared = 0, bad = 0, unreach = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const area = randomArea(random, SNAP);
    const rp = () => { const v = () => SNAP > 0 ? Math.round(random()*1000/SNAP)*SNAP : random()*1000; return pt(v(), v()); };
    if (checkWalkArea(area).length > 0) continue;
    const map = buildWalkMap(area);
    const pick = () => { for (let t = 0; t < 20; t++) { const p = rp(); const w = refWalkable(area, p); if (isWalkable(map, p) !== w) { bad++; console.log("walkable mismatch", round, p, w, JSON.stringify(area)); } if (w) return p; } return null; };
    const from = pick(), to = pick();
    if (!from || !to) continue;
    // Unwalkable ends: a random start and target anywhere.
    const far = rp(), off = rp();
    const p2 = findPath(map, off, far);
    const dStart = Math.sqrt((p2[0].x - off.x) ** 2 + (p2[0].y - off.y) ** 2);
    const wantStart = refDistanceToRegion(area, off);
    if (Math.abs(dStart - wantStart) > 1e-6) { bad++; console.log('START', round, JSON.stringify(area), JSON.stringify(off), JSON.stringify(far), dStart, wantStart, JSON.stringify(p2)); }
    else if (refWalkable(area, p2[0])) {
      const e = p2[p2.length - 1];
      const dEnd = Math.sqrt((e.x - far.x) ** 2 + (e.y - far.y) ** 2);
      const wantEnd = refDistanceToReachable(area, p2[0], far);
      if (Math.abs(dEnd - wantEnd) > 1e-6) { bad++; console.log('END', round, JSON.stringify(area), JSON.stringify(off), JSON.stringify(far), dEnd, wantEnd, JSON.stringify(p2)); }
      for (let i = 1; i < p2.length; i++) if (!refSegmentInside(area, p2[i-1], p2[i])) { bad++; console.log('SEG2', round); }
    }
    const best = refShortestLength(area, from, to);
    const path = findPath(map, from, to);
    let ok = path[0].x === from.x && path[0].y === from.y;
    for (let i = 1; i < path.length; i++) if (!refSegmentInside(area, path[i-1], path[i])) ok = false;
    if (best === Infinity) { unreach++; if (path[path.length-1].x === to.x && path[path.length-1].y === to.y) ok = false; }
    else { const end = path[path.length-1]; if (end.x !== to.x || end.y !== to.y || Math.abs(pathLength(path) - best) > 1e-6) ok = false; compared++; }
    if (!ok) { bad++; console.log('BAD', round, JSON.stringify(area), JSON.stringify(from), JSON.stringify(to), best, JSON.stringify(path), pathLength(path)); }
  }
  console.log({ compared, unreach, bad });
  expect(bad).toBe(0);
});
