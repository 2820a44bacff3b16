// The world checks the compiler cannot make (it knows no geometry): every
// room's walk area must be drawable. `cairn build` and `cairn test` run this
// right after compiling, so a crossed polygon is an error at its source line,
// not a game that refuses to start.

import type { Module } from '../../interpreter/bytecode/module.js';
import { CairnError, type Span } from '../../interpreter/errors.js';
import { readDeclarations } from './read-declarations.js';
import { checkRoomArea } from './room-layout.js';

/** Problems with the declared world, each placed at the room property it comes from. */
export function checkWorld(module: Module): CairnError[] {
  const decls = readDeclarations(module);
  const problems: CairnError[] = [];
  for (const [name, room] of decls.rooms) {
    try {
      checkRoomArea(name, room.props);
    } catch (e) {
      if (!(e instanceof CairnError)) throw e;
      problems.push(new CairnError(e.code, e.message, { span: propertySpan(module, name, ['walkable', 'blocked']), hint: e.hint }));
    }
  }
  return problems;
}

/** Where a room's property was written, from the line numbers the declarations carry. */
function propertySpan(module: Module, room: string, names: readonly string[]): Span | undefined {
  const rooms = (module.declarations as { rooms?: unknown } | null)?.rooms;
  if (!Array.isArray(rooms)) return undefined;
  const decl = rooms.find((r: { name?: unknown }) => r?.name === room) as { file?: number; line?: number; properties?: Array<{ name?: string; line?: number }> } | undefined;
  if (!decl || typeof decl.file !== 'number') return undefined;
  const source = module.files[decl.file];
  const line = decl.properties?.find((p) => names.includes(p.name ?? ''))?.line ?? decl.line;
  if (source === undefined || typeof line !== 'number') return undefined;
  return { source, start: { offset: 0, line, column: 1 }, end: { offset: 0, line, column: 1 } };
}
