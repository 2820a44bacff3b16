// Reads Module.declarations (the JSON the compiler writes, see
// interpreter/compiler/emit-declarations.ts) into typed, checked tables the world
// is built from. A bundle's declarations are guest data: every shape is
// checked here, and anything malformed is a MODULE_INVALID CairnError.

import type { JsonValue, Module } from '../../interpreter/bytecode/module.js';
import { CairnError } from '../../interpreter/errors.js';
import { EntityRef, Point, Range, type Value } from '../../interpreter/vm/values.js';
import { ShapedMap } from '../../interpreter/vm/shaped-map.js';

/** A room, object or actor as declared: its place and its properties (Cairn values, in source order). */
export interface EntityDecl {
  readonly name: string;
  readonly file: number;
  readonly line: number;
  /** Declared properties; `walkable` (which may repeat) holds a list of polygons. */
  readonly props: ReadonlyMap<string, Value>;
}

/** A room: its objects in declaration order. */
export interface RoomDecl extends EntityDecl {
  readonly objects: readonly string[];
}

/** An object: the room it is declared in, or null (a top-level object starts nowhere). */
export interface ObjectDecl extends EntityDecl {
  readonly room: string | null;
}

/** One costume animation: frame indices in the sheet and frames per second (null: the default). */
export interface Animation {
  readonly frames: readonly number[];
  readonly fps: number | null;
}

/** A costume: its sheet, frame size and animations by name. */
export interface CostumeDecl {
  readonly name: string;
  readonly sheet: string | null;
  readonly frame: readonly [number, number] | null;
  readonly animations: ReadonlyMap<string, Animation>;
}

/** One dialog option: its text, `once`, and the functions of its condition (or null) and body. */
export interface DialogOption {
  readonly text: string;
  readonly once: boolean;
  readonly condition: number | null;
  readonly body: number;
}

/** A dialog and its options in order. */
export interface DialogDecl {
  readonly name: string;
  readonly options: readonly DialogOption[];
}

/** Everything the declarations say, by name; maps keep declaration order. */
export interface WorldDecls {
  readonly verbs: ReadonlyArray<{ id: string; label: string }>;
  readonly rooms: ReadonlyMap<string, RoomDecl>;
  readonly objects: ReadonlyMap<string, ObjectDecl>;
  /** In declaration order: the first is the default controlled actor. */
  readonly actors: ReadonlyMap<string, EntityDecl>;
  readonly costumes: ReadonlyMap<string, CostumeDecl>;
  readonly dialogs: ReadonlyMap<string, DialogDecl>;
  /** Handler functions by `owner \0 event \0 with` ('' for none); several only for top-level `on start`. */
  readonly handlers: ReadonlyMap<string, readonly number[]>;
  /** Translation ids of declared text (`verb:look`, `object:lamp`, `option:talk:0`) with their source text. */
  readonly texts: ReadonlyMap<string, { id: string; text: string }>;
}

/** The key of a handler in WorldDecls.handlers. */
export function handlerKey(owner: string, event: string, withName = ''): string {
  return `${owner}\u0000${event}\u0000${withName}`;
}

/** Reads and checks a module's declarations. */
export function readDeclarations(module: Module): WorldDecls {
  const d = module.declarations;
  if (!isRecord(d)) throw bad('declarations are missing');
  const fnCount = module.functions.length;
  const fnIndex = (v: JsonValue | undefined, what: string): number => {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < fnCount) return v;
    throw bad(`${what} names a function that does not exist`);
  };

  const verbs = list(d.verbs, 'verbs').map((v) => {
    if (!isRecord(v) || typeof v.id !== 'string' || typeof v.label !== 'string') throw bad('a verb needs an id and a label');
    return { id: v.id, label: v.label };
  });
  const rooms = byName(list(d.rooms, 'rooms'), 'room', (r, base) => ({ ...base, objects: list(r.objects, `room ${base.name}'s objects`).map((o) => text(o, 'an object name')) }));
  const objects = byName(list(d.objects, 'objects'), 'object', (o, base) => {
    const room = o.room === null ? null : text(o.room, `object ${base.name}'s room`);
    if (room !== null && !rooms.has(room)) throw bad(`object ${base.name} is in room ${room}, which is not declared`);
    return { ...base, room };
  });
  const actors = byName(list(d.actors, 'actors'), 'actor', (_a, base) => base);
  const costumes = new Map<string, CostumeDecl>();
  for (const c of list(d.costumes, 'costumes')) {
    if (!isRecord(c)) throw bad('a costume is not an object');
    const name = text(c.name, 'a costume name');
    const props = readProps(c.properties, `costume ${name}`);
    const frame = props.get('frame');
    const animations = new Map<string, Animation>();
    for (const a of list(c.animations, `costume ${name}'s animations`)) {
      if (!isRecord(a)) throw bad(`costume ${name} has a malformed animation`);
      const frames = list(a.frames, `costume ${name}'s frames`).map((f) => (typeof f === 'number' && Number.isInteger(f) && f >= 0 ? f : badNumber(name)));
      const fps = a.fps === null || a.fps === undefined ? null : typeof a.fps === 'number' && a.fps > 0 ? a.fps : badNumber(name);
      animations.set(text(a.name, 'an animation name'), { frames, fps });
    }
    const sheet = props.get('sheet');
    costumes.set(name, { name, sheet: typeof sheet === 'string' ? sheet : null, frame: frame instanceof Point ? [frame.x, frame.y] : null, animations });
  }
  const dialogs = new Map<string, DialogDecl>();
  for (const g of list(d.dialogs, 'dialogs')) {
    if (!isRecord(g)) throw bad('a dialog is not an object');
    const name = text(g.name, 'a dialog name');
    const options = list(g.options, `dialog ${name}'s options`).map((o, i): DialogOption => {
      if (!isRecord(o)) throw bad(`dialog ${name} has a malformed option`);
      const where = `option ${i + 1} of dialog ${name}`;
      return { text: text(o.text, `${where}'s text`), once: o.once === true, condition: o.condition === null ? null : fnIndex(o.condition, where), body: fnIndex(o.body, where) };
    });
    dialogs.set(name, { name, options });
  }
  const handlers = new Map<string, number[]>();
  for (const h of module.handlers) {
    const key = handlerKey(h.owner, h.event, h.with ?? '');
    const fns = handlers.get(key);
    if (fns) fns.push(fnIndex(h.fn, `handler on ${h.event}`));
    else handlers.set(key, [fnIndex(h.fn, `handler on ${h.event}`)]);
  }
  const texts = new Map<string, { id: string; text: string }>();
  if (d.texts !== undefined) {
    if (!isRecord(d.texts)) throw bad('the declared texts are not a table');
    for (const [key, v] of Object.entries(d.texts)) {
      if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string' || typeof v[1] !== 'string') throw bad(`declared text ${key} needs an id and its text`);
      texts.set(key, { id: v[0], text: v[1] });
    }
  }
  return { verbs, rooms, objects, actors, costumes, dialogs, handlers, texts };
}

/**
 * A declared property value as a Cairn value. Points become Points, other
 * tuples lists of numbers. Inside lists the JSON cannot tell a point from a
 * list of two numbers; it is read as a point (walk areas and waypoints are
 * lists of points).
 */
function jsonToValue(root: JsonValue, type?: string): Value {
  // Iterative, so a value nested thousands deep is just data: each task converts one JSON value and puts it in place.
  let result: Value = null;
  const work: Array<[JsonValue, (v: Value) => void, string | undefined]> = [[root, (v) => (result = v), type]];
  while (work.length > 0) {
    const [v, put, t] = work.pop()!;
    if (v === null || typeof v !== 'object') {
      put(v);
      continue;
    }
    if (Array.isArray(v)) {
      if (t === 'point' || (t === undefined && isPair(v))) {
        put(new Point(v[0] as number, v[1] as number));
        continue;
      }
      const list: Value[] = new Array<Value>(v.length).fill(null);
      put(list);
      v.forEach((item, i) => work.push([item, (x) => (list[i] = x), undefined]));
      continue;
    }
    if (Array.isArray(v.$map)) {
      const m = new ShapedMap();
      put(m);
      for (const entry of v.$map) {
        if (!Array.isArray(entry) || entry.length !== 2) throw bad('a map property is malformed');
        const key = entry[0];
        if (!(typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean')) throw bad('a map property has a bad key');
        m.set(key, null); // keeps the declared order; the value is put in place later
        work.push([entry[1]!, (x) => m.set(key, x), undefined]);
      }
      continue;
    }
    if (Array.isArray(v.$range) && v.$range.length === 2 && typeof v.$range[0] === 'number' && typeof v.$range[1] === 'number') put(new Range(v.$range[0], v.$range[1]));
    else if (typeof v.$entity === 'string' && typeof v.name === 'string') put(new EntityRef(v.$entity, v.name));
    else throw bad('a property value is malformed');
  }
  return result;
}

function isPair(v: JsonValue[]): boolean {
  return v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
}

function readProps(raw: JsonValue | undefined, owner: string): Map<string, Value> {
  const props = new Map<string, Value>();
  const walkable: Value[] = [];
  for (const p of list(raw, `${owner}'s properties`)) {
    if (!isRecord(p) || typeof p.name !== 'string' || !('value' in p)) throw bad(`${owner} has a malformed property`);
    const value = jsonToValue(p.value!, typeof p.type === 'string' ? p.type : undefined);
    // `walkable` may repeat, one polygon each: gathered into one list of polygons.
    if (p.name === 'walkable') walkable.push(value);
    else props.set(p.name, value);
  }
  if (walkable.length > 0) props.set('walkable', walkable);
  return props;
}

function byName<T extends EntityDecl>(items: JsonValue[], kind: string, make: (raw: { [key: string]: JsonValue }, base: EntityDecl) => T): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of items) {
    if (!isRecord(item)) throw bad(`a ${kind} is not an object`);
    const name = text(item.name, `a ${kind} name`);
    if (out.has(name)) throw bad(`${kind} ${name} is declared twice`);
    const base: EntityDecl = { name, file: typeof item.file === 'number' ? item.file : 0, line: typeof item.line === 'number' ? item.line : 0, props: readProps(item.properties, `${kind} ${name}`) };
    out.set(name, make(item, base));
  }
  return out;
}

function isRecord(v: JsonValue | undefined): v is { [key: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: JsonValue | undefined, what: string): JsonValue[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw bad(`${what} must be a list`);
  return v;
}

function text(v: JsonValue | undefined, what: string): string {
  if (typeof v !== 'string' || v === '') throw bad(`${what} must be a non-empty string`);
  return v;
}

function badNumber(costume: string): never {
  throw bad(`costume ${costume} has a bad frame number or fps`);
}

function bad(why: string): CairnError {
  return new CairnError('MODULE_INVALID', `the world declarations are malformed: ${why}`);
}
