import { it } from 'vitest';
import { buildWalkMap, findPath } from '../../../runtime/world/pathfinding.js';
import { locate, isClearPath } from '../../../runtime/world/visibility.js';
import { refShortestPath } from './reference.js';
it('debug3', () => {
  const area = {"walkable":[[{"x":760,"y":520},{"x":800,"y":640},{"x":780,"y":620},{"x":720,"y":660},{"x":660,"y":840},{"x":400,"y":420},{"x":460,"y":440},{"x":360,"y":380},{"x":1020,"y":400}],[{"x":400,"y":400},{"x":380,"y":740},{"x":320,"y":580},{"x":260,"y":780},{"x":300,"y":500},{"x":-40,"y":540},{"x":220,"y":300},{"x":180,"y":140},{"x":280,"y":100},{"x":320,"y":180},{"x":500,"y":120},{"x":380,"y":340}]],"blocked":[[{"x":320,"y":920},{"x":300,"y":660},{"x":240,"y":780}]]};
  const from = {"x":240,"y":380}, to = {"x":620,"y":620};
  const map = buildWalkMap(area); const b = map.boundary;
  const ref = refShortestPath(area, from, to);
  console.log('ref', JSON.stringify(ref));
  const spot = (p: any) => { const s = locate(b, p); return s ?? { x: p.x, y: p.y, vertex: -2, piece: -2 }; };
  for (let i = 1; i < ref.path.length; i++) { const s = spot(ref.path[i-1]), t = spot(ref.path[i]); console.log(JSON.stringify(s), JSON.stringify(t), isClearPath(b, map.grid, s, t)); }
  for (let k = 0; k < b.pa.length; k++) console.log(k, `v${b.pa[k]}(${b.vx[b.pa[k]]},${b.vy[b.pa[k]]}) -> v${b.pb[k]}(${b.vx[b.pb[k]]},${b.vy[b.pb[k]]}) comp ${map.pieceComponent[k]}`);
  console.log(JSON.stringify(findPath(map, from, to)));
});
