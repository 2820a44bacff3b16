// The room editor's picture of one room, from what `cairn dev` says about the
// scripts (player/dev/room-write-back.ts RoomGeometry): every geometric
// property of the room and its objects as a value the editor may change,
// whether the script writes it with plain numbers (only those can be edited),
// and the pictures to draw. Plain data; a drag changes a copy of a value.

import type { GeometryKind, GeometryOwner } from '../../../../interpreter/compiler/geometry-sources.js';
import type { JsonValue } from '../../../../interpreter/bytecode/module.js';
import type { GeometryValue } from '../../../dev/room-edits.js';

export type { GeometryValue } from '../../../dev/room-edits.js';

/** The dev server's geometry answer (RoomGeometry). */
export interface GeometryAnswer {
  resolution: [number, number];
  declarations: JsonValue;
  owners: GeometryOwner[];
  undo: number;
  redo: number;
}

/** One occurrence of a geometric property: what it holds and where it is written. */
export interface Editable {
  readonly owner: 'room' | 'object' | 'actor';
  readonly name: string;
  readonly property: string;
  readonly occurrence: number;
  readonly kind: GeometryKind;
  /** The value the build sees (for a default, the point the runtime would use). */
  value: GeometryValue;
  /** Written in the script with numbers alone: a drag may change it. */
  readonly writable: boolean;
  /** False for a default the author never wrote (a `stand`): a drag inserts it. */
  readonly written: boolean;
  readonly file: string;
  readonly line: number;
}

/** An object of the room: its editable geometry and its sprite. */
export interface RoomObject {
  readonly name: string;
  readonly sprite: string | null;
  readonly at: Editable | null;
  readonly stand: Editable | null;
  readonly hotspot: Editable | null;
  readonly polygon: Editable | null;
  /** The object's declaration, for a property to insert. */
  readonly file: string;
  readonly line: number;
}

/** A layer to draw: the background (parallax 1) and the room's `layers`. */
export interface Picture {
  readonly image: string;
  readonly parallax: number;
}

/** One room as the editor shows it. */
export interface RoomModel {
  readonly name: string;
  readonly size: [number, number];
  readonly pictures: readonly Picture[];
  readonly walkable: readonly Editable[];
  readonly blocked: Editable | null;
  readonly scale: Editable | null;
  readonly objects: readonly RoomObject[];
}

type Json = JsonValue;
interface DeclJson {
  name: string;
  line: number;
  room?: string | null;
  properties: Array<{ name: string; value: Json; line: number }>;
}

/** The room `room` of a geometry answer, or null when the scripts declare no such room. */
export function roomModel(g: GeometryAnswer, room: string): RoomModel | null {
  const decls = g.declarations as unknown as { rooms: DeclJson[]; objects: DeclJson[]; costumes: DeclJson[]; actors: DeclJson[] };
  const roomDecl = decls.rooms.find((r) => r.name === room);
  const roomOwner = g.owners.find((o) => o.kind === 'room' && o.name === room);
  if (roomDecl === undefined || roomOwner === undefined) return null;
  const editables = (owner: GeometryOwner, decl: DeclJson): Editable[] =>
    owner.properties.map((p) => {
      const declared = decl.properties.filter((d) => d.name === p.name)[p.occurrence];
      return {
        owner: owner.kind, name: owner.name, property: p.name, occurrence: p.occurrence, kind: p.kind,
        value: clone((declared?.value ?? 0) as GeometryValue), writable: p.literal !== null, written: true, file: owner.file, line: p.line,
      };
    });
  const roomProps = editables(roomOwner, roomDecl);
  const size = (valueOf(roomDecl, 'size') as number[] | undefined) ?? g.resolution;
  const pictures: Picture[] = [];
  const background = valueOf(roomDecl, 'background');
  if (typeof background === 'string') pictures.push({ image: background, parallax: 1 });
  const layers = valueOf(roomDecl, 'layers');
  if (Array.isArray(layers)) {
    for (const l of layers) {
      const entries = (l as { $map?: Array<[string, Json]> }).$map ?? [];
      const image = entries.find(([k]) => k === 'image')?.[1];
      const parallax = entries.find(([k]) => k === 'parallax')?.[1];
      if (typeof image === 'string') pictures.push({ image, parallax: typeof parallax === 'number' ? parallax : 1 });
    }
  }
  const objects: RoomObject[] = [];
  for (const owner of g.owners) {
    if (owner.kind !== 'object' || owner.room !== room) continue;
    const decl = decls.objects.find((o) => o.name === owner.name);
    if (decl === undefined) continue;
    const props = editables(owner, decl);
    const find = (name: string) => props.find((p) => p.property === name) ?? null;
    const sprite = valueOf(decl, 'sprite');
    const at = find('at');
    const hotspot = find('hotspot');
    const polygon = find('polygon');
    const line = decl.line;
    const stand = find('stand') ?? defaultStand(owner, at, hotspot, polygon, line);
    objects.push({ name: owner.name, sprite: typeof sprite === 'string' ? sprite : null, at, stand, hotspot, polygon, file: owner.file, line });
  }
  return {
    name: room,
    size: [size[0]!, size[1]!],
    pictures,
    walkable: roomProps.filter((p) => p.property === 'walkable'),
    blocked: roomProps.find((p) => p.property === 'blocked') ?? null,
    scale: roomProps.find((p) => p.property === 'scale') ?? null,
    objects,
  };
}

/** Where the runtime stands an actor who acts on an object without `stand` (runtime/world/walking.ts approachPoint). */
function defaultStand(owner: GeometryOwner, at: Editable | null, hotspot: Editable | null, polygon: Editable | null, line: number): Editable | null {
  let point: number[] | null = null;
  if (at !== null) point = [...(at.value as number[])];
  else if (hotspot !== null) {
    const [x, y, w, h] = hotspot.value as number[];
    point = [x! + w! / 2, y! + h!];
  } else if (polygon !== null) {
    const pts = polygon.value as number[][];
    point = [pts.reduce((s, p) => s + p[0]!, 0) / pts.length, Math.max(...pts.map((p) => p[1]!))];
  }
  if (point === null) return null;
  return { owner: 'object', name: owner.name, property: 'stand', occurrence: 0, kind: 'point', value: point, writable: true, written: false, file: owner.file, line };
}

/** The polygons of a `walkable`, `blocked` or `polygon` value, each with its place in the value. */
export function polygonsOf(e: Editable): Array<{ path: number[]; points: number[][] }> {
  const v = e.value as GeometryValue[];
  if (e.kind === 'polygon' || v.length === 0 || typeof (v[0] as GeometryValue[])[0] === 'number') return [{ path: [], points: v as number[][] }];
  return (v as number[][][]).map((points, i) => ({ path: [i], points }));
}

/** The points at `path` in a polygon value (the value itself for a single polygon). */
export function pointsAt(e: Editable, path: readonly number[]): number[][] {
  return (path.length === 0 ? e.value : (e.value as GeometryValue[])[path[0]!]) as number[][];
}

/** A deep copy of a value (drags change copies). */
export function clone(v: GeometryValue): GeometryValue {
  return typeof v === 'number' ? v : v.map(clone);
}

function valueOf(decl: DeclJson, name: string): Json | undefined {
  return decl.properties.find((p) => p.name === name)?.value;
}
