// The world checks the compiler cannot make (it knows no geometry): every
// room's walk area must be drawable, and every object's hotspot must lie in
// its room. `cairn build` and `cairn test` run this right after compiling, so
// a crossed polygon is an error at its source line, not a game that refuses
// to start.

import type { Module } from '../../interpreter/bytecode/module.js';
import { CairnError, type Span } from '../../interpreter/errors.js';
import { readDeclarations } from './read-declarations.js';
import { hotspotProblem } from './hotspot-bounds.js';
import { checkRoomArea, roomSize } from './room-layout.js';

/** Problems with the declared world, each placed at the property it comes from; `screen` (the game's resolution) sizes rooms without `size`. */
export function checkWorld(module: Module, screen?: readonly [number, number]): CairnError[] {
  const decls = readDeclarations(module);
  const problems: CairnError[] = [];
  for (const [name, room] of decls.rooms) {
    try {
      checkRoomArea(name, room.props);
    } catch (e) {
      if (!(e instanceof CairnError)) throw e;
      problems.push(new CairnError(e.code, e.message, { span: propertySpan(module, 'rooms', name, ['walkable', 'blocked']), hint: e.hint }));
    }
  }
  for (const [name, object] of decls.objects) {
    const room = object.room === null ? undefined : decls.rooms.get(object.room);
    if (room === undefined || (screen === undefined && !room.props.has('size'))) continue;
    const problem = hotspotProblem(name, object.props, roomSize(room.props, screen ?? [0, 0]));
    if (problem !== null) problems.push(new CairnError('INVALID_PROPERTY', problem.message, { span: propertySpan(module, 'objects', name, [problem.property]) }));
  }
  return problems;
}

/** Where a room's or object's property was written, from the line numbers the declarations carry. */
function propertySpan(module: Module, list: 'rooms' | 'objects', owner: string, names: readonly string[]): Span | undefined {
  const decls = (module.declarations as { rooms?: unknown; objects?: unknown } | null)?.[list];
  if (!Array.isArray(decls)) return undefined;
  const decl = decls.find((r: { name?: unknown }) => r?.name === owner) as { file?: number; line?: number; properties?: Array<{ name?: string; line?: number }> } | undefined;
  if (!decl || typeof decl.file !== 'number') return undefined;
  const source = module.files[decl.file];
  const line = decl.properties?.find((p) => names.includes(p.name ?? ''))?.line ?? decl.line;
  if (source === undefined || typeof line !== 'number') return undefined;
  return { source, start: { offset: 0, line, column: 1 }, end: { offset: 0, line, column: 1 } };
}
