import { it } from 'vitest';
import { jaggedCorridor } from '../../../bench/pathfinding.js';
import { checkWalkArea, canonicalPolygon } from '../../../runtime/world/walk-area.js';
import { traceBoundary } from '../../../runtime/world/boundary.js';
import { buildPieceGrid } from '../../../runtime/world/visibility.js';
import { buildWalkMap } from '../../../runtime/world/pathfinding.js';
it('prof', () => {
  const area = jaggedCorridor();
  for (let r = 0; r < 5; r++) {
    let t = performance.now(); const out: string[] = [];
    for (let i = 0; i < 10; i++) checkWalkArea(area); out.push('check ' + ((performance.now() - t) / 10).toFixed(2)); t = performance.now();
    const polys = [...area.walkable.map((p) => canonicalPolygon(p, false)), ...area.blocked!.map((p) => canonicalPolygon(p, true))];
    let b; for (let i = 0; i < 10; i++) b = traceBoundary(polys); out.push('trace ' + ((performance.now() - t) / 10).toFixed(2)); t = performance.now();
    for (let i = 0; i < 10; i++) buildPieceGrid(b!); out.push('grid ' + ((performance.now() - t) / 10).toFixed(2)); t = performance.now();
    for (let i = 0; i < 10; i++) buildWalkMap(area); out.push('all ' + ((performance.now() - t) / 10).toFixed(2));
    console.log(out.join(' | '));
  }
});
