import { it } from 'vitest';
import { buildWalkMap, findPath } from '../../../runtime/world/pathfinding.js';
import { locate, nearestBoundarySpot } from '../../../runtime/world/visibility.js';
import { refShortestPath } from './reference.js';
const CASES: any[] = [
[{"walkable":[[{"x":340,"y":1060},{"x":320,"y":1100},{"x":100,"y":1000},{"x":80,"y":660},{"x":80,"y":600},{"x":240,"y":660},{"x":240,"y":440},{"x":380,"y":700},{"x":440,"y":700}],[{"x":200,"y":460},{"x":200,"y":560},{"x":-80,"y":660},{"x":-100,"y":600},{"x":500,"y":240}],[{"x":560,"y":540},{"x":340,"y":660},{"x":180,"y":400},{"x":40,"y":340},{"x":240,"y":220},{"x":220,"y":200},{"x":380,"y":300},{"x":400,"y":40},{"x":460,"y":20},{"x":460,"y":300},{"x":580,"y":140},{"x":560,"y":180},{"x":440,"y":340}],[{"x":40,"y":560},{"x":100,"y":420},{"x":80,"y":320},{"x":220,"y":200},{"x":180,"y":60},{"x":320,"y":100},{"x":320,"y":140}]],"blocked":[[{"x":280,"y":780},{"x":260,"y":840},{"x":100,"y":680}],[{"x":560,"y":480},{"x":580,"y":340},{"x":600,"y":420},{"x":720,"y":440}],[{"x":500,"y":500},{"x":400,"y":560},{"x":340,"y":520},{"x":280,"y":560},{"x":340,"y":420}],[{"x":440,"y":380},{"x":420,"y":200},{"x":380,"y":340},{"x":400,"y":260},{"x":300,"y":240},{"x":420,"y":160},{"x":560,"y":40},{"x":460,"y":160}],[{"x":800,"y":440},{"x":720,"y":340},{"x":700,"y":240},{"x":860,"y":320},{"x":920,"y":260}]]}, {"x":120,"y":540}, {"x":200,"y":80}],
];
it('debug4', () => {
  for (const [area, from, to] of CASES) {
    const map = buildWalkMap(area); const b = map.boundary;
    console.log('ref', JSON.stringify(refShortestPath(area, from, to)));
    console.log('impl', JSON.stringify(findPath(map, from, to)));
    const s = locate(b, from), t = locate(b, to);
    console.log('s', JSON.stringify(s), 't', JSON.stringify(t));
    console.log('near s', JSON.stringify(nearestBoundarySpot(b, from, map.pieceComponent, null)), 'near t', JSON.stringify(nearestBoundarySpot(b, to, map.pieceComponent, null)));
    for (let k = 0; k < b.pa.length; k++) console.log(k, `v${b.pa[k]}(${b.vx[b.pa[k]]},${b.vy[b.pa[k]]}) -> v${b.pb[k]}(${b.vx[b.pb[k]]},${b.vy[b.pb[k]]}) comp ${map.pieceComponent[k]}`);
    for (let v = 0; v < b.vx.length; v++) { const cs=[]; for (let c=b.coneStart[v]; c<b.coneStart[v+1]; c++) cs.push(`[${b.coneOx[c]},${b.coneOy[c]} -> ${b.coneIx[c]},${b.coneIy[c]}]`); console.log('v'+v, b.vx[v], b.vy[v], cs.join(' ')); }
  }
});
import { opensAt } from '../../../runtime/world/visibility.js';
it('rims', () => {
  const [area] = CASES[0];
  const map = buildWalkMap(area); const b = map.boundary;
  console.log('opens v48', opensAt(b, 48, -1, 0), 'v29', opensAt(b, 29, -1, 0));
  const v = 48; const x = b.vx[v], y = b.vy[v];
  for (let k = 0; k < b.pa.length; k++) {
    const ux = b.vx[b.pa[k]], uy = b.vy[b.pa[k]], wx = b.vx[b.pb[k]], wy = b.vy[b.pb[k]];
    if (y < Math.min(uy, wy) || y > Math.max(uy, wy)) continue;
    const at = uy === wy ? Math.max(ux, wx) : ux + ((y - uy) * (wx - ux)) / (wy - uy);
    console.log('ray hit candidate', k, at);
  }
});
