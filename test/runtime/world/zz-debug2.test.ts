import { it } from 'vitest';
import { buildWalkMap } from '../../../runtime/world/pathfinding.js';
import { locate, isClearPath } from '../../../runtime/world/visibility.js';
it('debug2', () => {
  const area = {"walkable":[[{"x":640,"y":520},{"x":800,"y":580},{"x":840,"y":620},{"x":540,"y":720},{"x":240,"y":800},{"x":420,"y":420}]],"blocked":[[{"x":400,"y":440},{"x":380,"y":540},{"x":300,"y":600},{"x":400,"y":340},{"x":400,"y":400},{"x":480,"y":380}],[{"x":540,"y":640},{"x":560,"y":700},{"x":400,"y":760},{"x":320,"y":500},{"x":540,"y":480},{"x":640,"y":580}],[{"x":380,"y":700},{"x":240,"y":680},{"x":140,"y":500},{"x":360,"y":500}],[{"x":520,"y":540},{"x":540,"y":460},{"x":660,"y":340}]]};
  const map = buildWalkMap(area); const b = map.boundary;
  const s = locate(b, {x:620,y:560})!, t = locate(b, {x:660,y:620})!;
  const v5 = { x: 640, y: 580, vertex: 5, piece: -1 };
  console.log('s->v5', isClearPath(b, map.grid, s, v5), 'v5->t', isClearPath(b, map.grid, v5, t));
  console.log(map.vertexComponent, map.pieceComponent, Array.from(map.nodeVertex));
});
