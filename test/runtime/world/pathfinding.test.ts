// Walking: straight where clear, shortest around holes and corners, nearest
// reachable point otherwise, clear errors, same answer every time — checked
// against an independent reference (reference.ts), not against the code itself.

import { describe, expect, it } from 'vitest';
import { CairnError } from '../../../interpreter/errors.js';
import {
  buildWalkMap,
  checkWalkArea,
  findPath,
  isWalkable,
  nearestWalkablePoint,
  type Point,
  type WalkArea,
} from '../../../runtime/world/pathfinding.js';
import { corridorQueries, jaggedCorridor } from '../../../bench/pathfinding.js';
import {
  pathLength,
  refDistanceToReachable,
  refDistanceToRegion,
  refSegmentInside,
  refShortestLength,
  refWalkable,
  seeded,
} from './reference.js';

const rect = (x0: number, y0: number, x1: number, y1: number): Point[] => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];
const pt = (x: number, y: number): Point => ({ x, y });

// Every segment inside the area (by the reference), and no point repeated.
function expectWalkable(area: WalkArea, path: Point[]): void {
  for (let i = 1; i < path.length; i++) {
    expect(path[i], 'repeated point').not.toEqual(path[i - 1]);
    expect(refSegmentInside(area, path[i - 1], path[i]), `segment ${i} leaves the area`).toBe(true);
  }
}

const beach: WalkArea = { walkable: [rect(0, 300, 640, 360)] };
const pillarRoom: WalkArea = { walkable: [rect(0, 0, 400, 200)], blocked: [rect(150, 50, 250, 150)] };
const lRoom: WalkArea = {
  walkable: [[pt(0, 0), pt(200, 0), pt(200, 100), pt(100, 100), pt(100, 200), pt(0, 200)]],
};

describe('straight walks', () => {
  it('walks straight across a convex room', () => {
    const map = buildWalkMap(beach);
    expect(findPath(map, pt(100, 330), pt(500, 310))).toEqual([pt(100, 330), pt(500, 310)]);
  });

  it('returns just the start when already there', () => {
    expect(findPath(buildWalkMap(beach), pt(100, 330), pt(100, 330))).toEqual([pt(100, 330)]);
  });

  it('walks from and along the edge of the area', () => {
    const map = buildWalkMap(beach);
    expect(findPath(map, pt(0, 300), pt(640, 300))).toEqual([pt(0, 300), pt(640, 300)]);
    expect(findPath(map, pt(320, 360), pt(10, 310))).toEqual([pt(320, 360), pt(10, 310)]);
  });

  it('grazes a concave corner in a straight line when the line only touches it', () => {
    const map = buildWalkMap(lRoom);
    expect(findPath(map, pt(150, 50), pt(50, 150))).toEqual([pt(150, 50), pt(50, 150)]);
  });
});

describe('around corners and holes', () => {
  it('bends once around the inner corner of an L-shaped room', () => {
    const path = findPath(buildWalkMap(lRoom), pt(180, 80), pt(20, 190));
    expect(path).toEqual([pt(180, 80), pt(100, 100), pt(20, 190)]);
    expectWalkable(lRoom, path);
  });

  it('takes the shorter side around a hole, hugging its corners', () => {
    const path = findPath(buildWalkMap(pillarRoom), pt(100, 70), pt(300, 100));
    expect(path).toEqual([pt(100, 70), pt(150, 50), pt(250, 50), pt(300, 100)]);
    expect(pathLength(path)).toBeCloseTo(Math.sqrt(50 ** 2 + 20 ** 2) + 100 + Math.sqrt(2) * 50, 9);
    expectWalkable(pillarRoom, path);
  });

  it('finds the analytically shortest way around a hole in a symmetric room', () => {
    const path = findPath(buildWalkMap(pillarRoom), pt(100, 100), pt(300, 100));
    expect(pathLength(path)).toBeCloseTo(100 + 100 * Math.SQRT2, 9);
    expect(path).toHaveLength(4);
    expectWalkable(pillarRoom, path);
  });

  it('reaches a target near the outer wall from a start near the hole', () => {
    const map = buildWalkMap(pillarRoom);
    const path = findPath(map, pt(255, 100), pt(5, 195));
    expect(path[path.length - 1]).toEqual(pt(5, 195));
    expect(pathLength(path)).toBeCloseTo(refShortestLength(pillarRoom, pt(255, 100), pt(5, 195)), 9);
    expectWalkable(pillarRoom, path);
  });

  it('goes around a blocked area that sticks out of the walkable one', () => {
    const area: WalkArea = { walkable: [rect(0, 0, 300, 100)], blocked: [rect(100, -50, 200, 50)] };
    const path = findPath(buildWalkMap(area), pt(50, 25), pt(250, 25));
    expect(path).toEqual([pt(50, 25), pt(100, 50), pt(200, 50), pt(250, 25)]);
  });

  it('treats overlapping walkable polygons as one area, bending at the corner where their edges cross', () => {
    const area: WalkArea = { walkable: [rect(0, 0, 200, 100), rect(0, 0, 100, 200)] };
    const map = buildWalkMap(area);
    expect(findPath(map, pt(180, 80), pt(20, 190))).toEqual([pt(180, 80), pt(100, 100), pt(20, 190)]);
  });

  it('walks straight across the shared edge of two adjacent polygons', () => {
    const map = buildWalkMap({ walkable: [rect(0, 0, 100, 100), rect(100, 0, 200, 100)] });
    expect(findPath(map, pt(50, 50), pt(150, 20))).toEqual([pt(50, 50), pt(150, 20)]);
  });

  it('passes through the single point where two polygons touch at a corner', () => {
    const map = buildWalkMap({ walkable: [rect(0, 0, 100, 100), rect(100, 100, 200, 200)] });
    expect(findPath(map, pt(50, 50), pt(150, 180))).toEqual([pt(50, 50), pt(100, 100), pt(150, 180)]);
  });

  it('lets a blocked polygon win over a walkable one drawn inside it', () => {
    const area: WalkArea = { walkable: [rect(0, 0, 300, 100), rect(120, 40, 180, 60)], blocked: [rect(100, 20, 200, 80)] };
    const map = buildWalkMap(area);
    expect(isWalkable(map, pt(150, 50))).toBe(false);
  });
});

describe('unreachable targets', () => {
  it('walks to the nearest edge point when the target is outside the area', () => {
    const map = buildWalkMap(beach);
    expect(findPath(map, pt(100, 330), pt(320, 100))).toEqual([pt(100, 330), pt(320, 300)]);
    expect(findPath(map, pt(100, 330), pt(-50, 250))).toEqual([pt(100, 330), pt(0, 300)]);
  });

  it('walks to the nearest edge of a hole when the target is inside it', () => {
    const map = buildWalkMap(pillarRoom);
    expect(findPath(map, pt(50, 100), pt(160, 100))).toEqual([pt(50, 100), pt(150, 100)]);
  });

  it('stays within the start part when the target is in a disconnected part', () => {
    const map = buildWalkMap({ walkable: [rect(0, 0, 100, 100), rect(200, 0, 300, 100)] });
    expect(isWalkable(map, pt(250, 50))).toBe(true);
    expect(findPath(map, pt(50, 50), pt(250, 40))).toEqual([pt(50, 50), pt(100, 40)]);
    expect(findPath(map, pt(250, 50), pt(280, 60))).toEqual([pt(250, 50), pt(280, 60)]);
  });

  it('stays on its side of a blocked wall that cuts the room in two', () => {
    const map = buildWalkMap({ walkable: [rect(0, 0, 300, 100)], blocked: [rect(140, -10, 160, 110)] });
    expect(findPath(map, pt(50, 50), pt(250, 50))).toEqual([pt(50, 50), pt(140, 50)]);
  });

  it('starts from the nearest walkable point when the actor stands off the area', () => {
    const map = buildWalkMap(beach);
    expect(findPath(map, pt(100, 200), pt(400, 330))).toEqual([pt(100, 300), pt(400, 330)]);
  });

  it('answers isWalkable and nearestWalkablePoint', () => {
    const map = buildWalkMap(pillarRoom);
    expect(isWalkable(map, pt(10, 10))).toBe(true);
    expect(isWalkable(map, pt(0, 0))).toBe(true);
    expect(isWalkable(map, pt(150, 100))).toBe(true); // on the hole's edge
    expect(isWalkable(map, pt(200, 100))).toBe(false);
    expect(isWalkable(map, pt(-1, 10))).toBe(false);
    expect(nearestWalkablePoint(map, pt(200, 140))).toEqual(pt(200, 150));
    expect(nearestWalkablePoint(map, pt(10, 10))).toEqual(pt(10, 10));
    expect(nearestWalkablePoint(map, pt(-20, -30))).toEqual(pt(0, 0));
  });

  it('stays put when nothing is walkable', () => {
    const map = buildWalkMap({ walkable: [rect(0, 0, 10, 10)], blocked: [rect(-5, -5, 20, 20)] });
    expect(findPath(map, pt(5, 5), pt(8, 8))).toEqual([pt(5, 5)]);
    expect(nearestWalkablePoint(map, pt(5, 5))).toBeNull();
  });
});

describe('broken polygons', () => {
  it('reports too few points, crossings, no area and bad numbers as data', () => {
    const problems = checkWalkArea({
      walkable: [[pt(0, 0), pt(10, 0)], [pt(0, 0), pt(10, 10), pt(10, 0), pt(0, 10)]],
      blocked: [[pt(0, 0), pt(5, 5), pt(10, 10)], [pt(0, 0), pt(Number.NaN, 1), pt(3, 3)]],
    });
    expect(problems.map((p) => [p.kind, p.list, p.polygon])).toEqual([
      ['too-few-points', 'walkable', 0],
      ['self-intersection', 'walkable', 1],
      ['zero-area', 'blocked', 0],
      ['not-a-number', 'blocked', 1],
    ]);
    expect(problems[1].message).toMatch(/second walkable polygon crosses itself/);
  });

  it('reports an outline that doubles back or touches itself', () => {
    const spike = [pt(0, 0), pt(10, 0), pt(20, 0), pt(15, 0), pt(15, 10)];
    const touching = [pt(0, 0), pt(10, 0), pt(5, 5), pt(10, 10), pt(0, 10), pt(5, 5)];
    expect(checkWalkArea({ walkable: [spike, touching] }).map((p) => p.kind)).toEqual(['self-intersection', 'self-intersection']);
  });

  it('accepts an outline closed by repeating its first point', () => {
    expect(checkWalkArea({ walkable: [[...rect(0, 0, 10, 10), pt(0, 0)]] })).toEqual([]);
  });

  it('throws one CairnError naming every broken polygon from buildWalkMap', () => {
    const build = () => buildWalkMap({ walkable: [[pt(0, 0), pt(1, 1)]], blocked: [[pt(0, 0), pt(2, 2), pt(2, 0), pt(0, 2)]] });
    expect(build).toThrow(CairnError);
    try {
      build();
    } catch (e) {
      const error = e as CairnError;
      expect(error.code).toBe('INVALID_PROPERTY');
      expect(error.message).toMatch(/first walkable polygon needs at least 3 different points/);
      expect(error.related.map((r) => r.message)).toEqual([expect.stringMatching(/first blocked polygon crosses itself/)]);
    }
  });
});

describe('determinism', () => {
  const rotate = (poly: Point[], by: number): Point[] => poly.slice(by).concat(poly.slice(0, by));

  it('gives the same path twice, and for the same outlines written from another corner or backwards', () => {
    const area: WalkArea = {
      walkable: [[pt(0, 0), pt(400, 0), pt(400, 200), pt(260, 200), pt(200, 160), pt(140, 200), pt(0, 200)]],
      blocked: [rect(150, 50, 250, 150)],
    };
    const from = pt(100, 100);
    const to = pt(300, 100); // both ways round the hole are equally long
    const first = findPath(buildWalkMap(area), from, to);
    expect(findPath(buildWalkMap(area), from, to)).toEqual(first);
    for (let by = 1; by < 7; by++) {
      const turned: WalkArea = {
        walkable: [rotate(area.walkable[0] as Point[], by)],
        blocked: [rotate(rect(150, 50, 250, 150), by % 4).reverse()],
      };
      expect(findPath(buildWalkMap(turned), from, to)).toEqual(first);
    }
  });
});

describe('against the reference shortest path', () => {
  // Star-shaped walkable polygons (overlapping when there are several) and
  // star-shaped blocked ones that may overlap each other and the walls.
  function randomArea(random: () => number, snap: number, walkables: number): WalkArea {
    const q = (v: number) => (snap > 0 ? Math.round(v / snap) * snap : v);
    const star = (cx: number, cy: number, corners: number, r0: number, r1: number): Point[] => {
      const angles = Array.from({ length: corners }, () => random() * 2 * Math.PI).sort((a, b) => a - b);
      const points = angles.map((a) => {
        const r = r0 + random() * (r1 - r0);
        return pt(q(cx + r * Math.cos(a)), q(cy + r * Math.sin(a)));
      });
      return points.filter((p, i) => i === 0 || p.x !== points[i - 1].x || p.y !== points[i - 1].y);
    };
    const walkable = Array.from({ length: walkables }, () =>
      star(300 + random() * 400, 300 + random() * 400, 5 + Math.floor(random() * 10), 100, 420),
    );
    const blocked = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
      star(200 + random() * 600, 200 + random() * 600, 3 + Math.floor(random() * 5), 30, 140),
    );
    return { walkable, blocked };
  }

  function randomPoint(random: () => number, snap: number): Point {
    const v = () => (snap > 0 ? Math.round((random() * 1000) / snap) * snap : random() * 1000);
    return pt(v(), v());
  }

  const distance = (a: Point, b: Point) => Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);

  const cases = [
    ['real coordinates, one walkable polygon', 0, 1, 1],
    ['real coordinates, three overlapping walkable polygons', 0, 3, 2],
    ['integer-grid coordinates, two walkable polygons', 20, 2, 3],
  ] as const;
  for (const [label, snap, walkables, seed] of cases) {
    it(`matches the shortest length on random rooms (${label})`, () => {
      const random = seeded(seed);
      let compared = 0;
      for (let round = 0; round < 200 && compared < 40; round++) {
        const area = randomArea(random, snap, walkables);
        if (checkWalkArea(area).length > 0) continue;
        const map = buildWalkMap(area);
        // Random points until one is walkable, checking isWalkable on each.
        const pick = (): Point | null => {
          for (let tries = 0; tries < 20; tries++) {
            const p = randomPoint(random, snap);
            const walkable = refWalkable(area, p);
            expect(isWalkable(map, p), `isWalkable(${p.x}, ${p.y}) in round ${round}`).toBe(walkable);
            if (walkable) return p;
          }
          return null;
        };
        const from = pick();
        const to = pick();
        if (from === null || to === null) continue;
        const best = refShortestLength(area, from, to);
        const path = findPath(map, from, to);
        expectWalkable(area, path);
        expect(path[0]).toEqual(from);
        const end = path[path.length - 1];
        if (best === Infinity) {
          // Another part of the area: the nearest point that can be reached.
          expect(distance(end, to), `round ${round}`).toBeCloseTo(refDistanceToReachable(area, from, to), 6);
        } else {
          expect(end, `round ${round}`).toEqual(to);
          expect(pathLength(path), `round ${round}`).toBeCloseTo(best, 6);
          compared++;
        }
        if (round % 4 === 0) {
          // From anywhere to anywhere: start at the nearest walkable point, end at the nearest reachable one.
          const [off, far] = [randomPoint(random, snap), randomPoint(random, snap)];
          const walk = findPath(map, off, far);
          expect(distance(walk[0], off), `round ${round}`).toBeCloseTo(refDistanceToRegion(area, off), 6);
          expectWalkable(area, walk);
          const reached = distance(walk[walk.length - 1], far);
          expect(reached, `round ${round}`).toBeCloseTo(refDistanceToReachable(area, walk[0], far), 6);
        }
      }
      expect(compared).toBeGreaterThanOrEqual(30);
    });
  }
});

describe('a 500-vertex area', () => {
  const area = jaggedCorridor();

  it('has 500 vertices and builds once in reasonable time', () => {
    const count = [...area.walkable, ...(area.blocked ?? [])].reduce((n, p) => n + p.length, 0);
    expect(count).toBe(500);
    expect(checkWalkArea(area)).toEqual([]);
  });

  it('walks the whole corridor on the shortest path, and prints timings', () => {
    let t0 = performance.now();
    const map = buildWalkMap(area);
    const buildMs = performance.now() - t0;
    const [from, to] = [pt(10, 250), pt(3990, 250)];
    const path = findPath(map, from, to);
    expect(path[0]).toEqual(from);
    expect(path[path.length - 1]).toEqual(to);
    expectWalkable(area, path);
    expect(pathLength(path)).toBeCloseTo(refShortestLength(area, from, to), 6);

    const queries = corridorQueries(200);
    for (const [a, b] of queries.slice(0, 20)) {
      const p = findPath(map, a, b);
      expectWalkable(area, p);
    }
    t0 = performance.now();
    for (let repeat = 0; repeat < 5; repeat++) for (const [a, b] of queries) findPath(map, a, b);
    const queryMs = (performance.now() - t0) / (5 * queries.length);
    console.log(
      `500-vertex corridor: build ${buildMs.toFixed(2)} ms (${map.nodeVertex.length} corners, ` +
        `${map.edgeNode.length / 2} sight lines), query ${queryMs.toFixed(3)} ms mean`,
    );
  });
});
