// Where the world's geometry is written: for each room, object and actor, every
// geometric property (a point, rectangle, scale band, polygon or list of
// polygons, by the one property table) with its value and the source range of
// every number in it. `cairn dev`'s room editor reads this to draw what the
// script says and to change exactly the numbers a drag moved. Reads parsed
// programs (the AST's spans); plain JSON-able data out. Imports the AST only.

import type * as A from '../syntax/ast.js';
import { WELL_KNOWN_PROPERTIES, type PropertyOwner } from './property-table.js';

/** The geometric kinds of the property table. */
export type GeometryKind = 'point' | 'rect' | 'scale' | 'polygon' | 'polygons';

/** A literal as written: a number, or a tuple or list of literals, with its offsets in the file. */
export type GeometryLiteral =
  | { readonly number: number; readonly start: number; readonly end: number }
  | { readonly items: readonly GeometryLiteral[]; readonly list: boolean; readonly start: number; readonly end: number };

/** One geometric property as written. */
export interface GeometryProperty {
  readonly name: string;
  readonly kind: GeometryKind;
  /** Which occurrence of the name in its block, from 0 (`walkable` may repeat). */
  readonly occurrence: number;
  /** The value's literal tree, or null when it is not written with numbers alone (a const, an expression). */
  readonly literal: GeometryLiteral | null;
  /** The value's offsets in the file (start inclusive, end exclusive) and where it starts, 1-based. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

/** A room, object or actor declaration and its geometry. */
export interface GeometryOwner {
  readonly kind: 'room' | 'object' | 'actor';
  readonly name: string;
  /** The room an object is declared in (null at top level and for rooms and actors). */
  readonly room: string | null;
  readonly file: string;
  /** The declaration's offsets: from its first word to its closing brace. */
  readonly start: number;
  readonly end: number;
  /** Where the declaration's name ends: its `{` follows. */
  readonly nameEnd: number;
  /** Where the last property ends (a new one goes after it); -1 when it has none. */
  readonly insertAt: number;
  /** The properties in source order, geometric ones only. */
  readonly properties: readonly GeometryProperty[];
}

/** The geometric kind of a property of this owner, or undefined. */
export function geometryKind(owner: PropertyOwner, name: string): GeometryKind | undefined {
  const rule = WELL_KNOWN_PROPERTIES[owner].get(name);
  const kind = rule === undefined ? undefined : (rule.declared ?? rule.kind);
  return kind === 'point' || kind === 'rect' || kind === 'scale' || kind === 'polygon' || kind === 'polygons' ? kind : undefined;
}

/** The geometry of every room, object (in its room or at top level) and actor, in source order. */
export function geometrySources(programs: readonly A.Program[]): GeometryOwner[] {
  const out: GeometryOwner[] = [];
  for (const program of programs) {
    for (const d of program.decls) {
      if (d.kind === 'Room') {
        out.push(ownerOf('room', d, null, d.properties));
        for (const o of d.objects) out.push(ownerOf('object', o, d.name.name, o.properties));
      } else if (d.kind === 'Object') out.push(ownerOf('object', d, null, d.properties));
      else if (d.kind === 'Actor') out.push(ownerOf('actor', d, null, d.properties));
    }
  }
  return out;
}

function ownerOf(kind: GeometryOwner['kind'], d: A.RoomDecl | A.ObjectDecl | A.ActorDecl, room: string | null, props: readonly A.Property[]): GeometryOwner {
  const seen = new Map<string, number>();
  const properties: GeometryProperty[] = [];
  for (const p of props) {
    const geometric = geometryKind(kind, p.name.name);
    if (geometric === undefined) continue;
    const occurrence = seen.get(p.name.name) ?? 0;
    seen.set(p.name.name, occurrence + 1);
    const { start, end } = p.value.span;
    properties.push({ name: p.name.name, kind: geometric, occurrence, literal: literalOf(p.value), start: start.offset, end: end.offset, line: start.line, column: start.column });
  }
  // A new property goes after the last one written (a property's span never reaches into an object or handler).
  const insertAt = props.reduce<number>((at, p) => Math.max(at, p.span.end.offset), -1);
  return { kind, name: d.name.name, room, file: d.span.source, start: d.span.start.offset, end: d.span.end.offset, nameEnd: d.name.span.end.offset, insertAt, properties };
}

/** A value written with numbers alone (negative ones too), in tuples and lists; null otherwise. */
function literalOf(e: A.Expr): GeometryLiteral | null {
  const { start, end } = { start: e.span.start.offset, end: e.span.end.offset };
  if (e.kind === 'Number') return { number: e.value, start, end };
  if (e.kind === 'Unary' && e.op === '-' && e.operand.kind === 'Number') return { number: -e.operand.value, start, end };
  if (e.kind === 'Tuple' || e.kind === 'List') {
    const items: GeometryLiteral[] = [];
    for (const item of e.items) {
      const lit = literalOf(item);
      if (lit === null) return null;
      items.push(lit);
    }
    return { items, list: e.kind === 'List', start, end };
  }
  return null;
}
