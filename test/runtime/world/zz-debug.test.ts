import { it } from 'vitest';
import { buildWalkMap, findPath, isWalkable } from '../../../runtime/world/pathfinding.js';
import { locate, isClearPath } from '../../../runtime/world/visibility.js';
import { refWalkable } from './reference.js';
const CASES: any[] = [
 [{"walkable":[[{"x":750,"y":750},{"x":450,"y":600},{"x":200,"y":450},{"x":250,"y":400},{"x":350,"y":450},{"x":150,"y":300},{"x":250,"y":250},{"x":200,"y":200},{"x":450,"y":250},{"x":500,"y":350},{"x":550,"y":250},{"x":600,"y":200},{"x":700,"y":250},{"x":650,"y":400}]],"blocked":[[{"x":450,"y":850},{"x":350,"y":950},{"x":350,"y":850}],[{"x":600,"y":750},{"x":500,"y":800},{"x":450,"y":850},{"x":450,"y":900},{"x":350,"y":650},{"x":350,"y":600},{"x":400,"y":650},{"x":500,"y":650}],[{"x":350,"y":900},{"x":350,"y":750},{"x":300,"y":800},{"x":250,"y":750},{"x":350,"y":700},{"x":500,"y":550},{"x":450,"y":700}],[{"x":450,"y":700},{"x":350,"y":600},{"x":350,"y":500},{"x":450,"y":550},{"x":500,"y":550}],[{"x":400,"y":550},{"x":300,"y":600},{"x":200,"y":600},{"x":50,"y":600},{"x":200,"y":550},{"x":150,"y":500},{"x":200,"y":500},{"x":400,"y":450}]]}, {"x":500,"y":550}, {"x":700,"y":250}],
 [{"walkable":[[{"x":650,"y":550},{"x":600,"y":650},{"x":700,"y":900},{"x":600,"y":750},{"x":350,"y":650},{"x":350,"y":550},{"x":50,"y":500},{"x":300,"y":500},{"x":250,"y":400},{"x":350,"y":250},{"x":450,"y":350},{"x":400,"y":200},{"x":550,"y":100},{"x":550,"y":200},{"x":600,"y":300},{"x":650,"y":150},{"x":800,"y":300},{"x":650,"y":450},{"x":900,"y":500}]],"blocked":[[{"x":450,"y":350},{"x":400,"y":350},{"x":350,"y":250},{"x":400,"y":300}],[{"x":850,"y":250},{"x":750,"y":200},{"x":600,"y":200},{"x":700,"y":0},{"x":850,"y":100}],[{"x":600,"y":450},{"x":550,"y":550},{"x":500,"y":450},{"x":600,"y":250}],[{"x":650,"y":450},{"x":550,"y":500},{"x":600,"y":400},{"x":600,"y":350},{"x":600,"y":300},{"x":650,"y":150},{"x":650,"y":200},{"x":650,"y":350}],[{"x":100,"y":900},{"x":200,"y":800},{"x":200,"y":750},{"x":250,"y":750},{"x":300,"y":800}],[{"x":850,"y":550},{"x":750,"y":600},{"x":750,"y":550},{"x":600,"y":600},{"x":700,"y":400}],[{"x":700,"y":350},{"x":650,"y":450},{"x":550,"y":500},{"x":350,"y":400},{"x":500,"y":300},{"x":600,"y":300}]]}, {x:600,y:250}, {x:600,y:250}],
];
it('debug', () => {
  for (const [area, from, to] of CASES) {
    const map = buildWalkMap(area);
    const b = map.boundary;
    console.log('pieces');
    for (let k = 0; k < b.pa.length; k++) console.log(k, `v${b.pa[k]}(${b.vx[b.pa[k]]},${b.vy[b.pa[k]]}) -> v${b.pb[k]}(${b.vx[b.pb[k]]},${b.vy[b.pb[k]]}) comp ${map.pieceComponent[k]}`);
    for (let v = 0; v < b.vx.length; v++) { const cs=[]; for (let c=b.coneStart[v]; c<b.coneStart[v+1]; c++) cs.push(`[${b.coneOx[c]},${b.coneOy[c]} -> ${b.coneIx[c]},${b.coneIy[c]}]`); console.log('v'+v, b.vx[v], b.vy[v], cs.join(' ')); }
    console.log('nodes', Array.from(map.nodeVertex).join(','));
    const s = locate(b, from), t = locate(b, to);
    console.log('from', from, s, 'to', to, t, 'ref', refWalkable(area, from), refWalkable(area, to));
    if (s && t) console.log('clear', isClearPath(b, map.grid, s, t));
    console.log('path', JSON.stringify(findPath(map, from, to)));
  }
});
