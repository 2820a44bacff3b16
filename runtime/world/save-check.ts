// The save schema of the world state: turns decoded save data (untrusted)
// into a WorldState, field by field, checking types, ranges and that every
// name is one this game declares. The one place that knows the state's
// shape for loading; anything off is SNAPSHOT_INVALID, naming the field.
// Saves outlive game updates: rooms, objects, actors and properties new in
// this build start as declared; ones the save still needs but this build
// lacks make it SAVE_INCOMPATIBLE, naming them.

import { EntityRef, FnRef, Point, Range, ThreadHandle, type Value, isMap } from '../../interpreter/vm/values.js';
import type { WorldDecls } from './read-declarations.js';
import { damaged } from './plain-codec.js';
import { checkRoomArea } from './room-layout.js';
import { CairnError } from '../../interpreter/errors.js';
import { createWorldState, type ActorState, DialogFrame, Facing, Line, ObjectState, Pt, RoomState, ThreadTag, Walk, WorldState } from './state.js';

const FACINGS: readonly string[] = ['left', 'right', 'up', 'down'];
const ENTITY_KINDS: readonly string[] = ['room', 'object', 'actor', 'costume', 'dialog', 'verb'];

/** A WorldState from decoded save data, or SNAPSHOT_INVALID. */
export function readWorld(data: unknown, decls: WorldDecls): WorldState {
  const r = record(data, 'world');
  const fresh = createWorldState(decls);
  const roomName = (v: unknown, where: string): string => name(v, decls.rooms, where);
  const rooms = sameNames(r.rooms, fresh.rooms, 'rooms', (v, n): RoomState => {
    const props = withNewProps(readProps(record(v, `room ${n}`).props, `room ${n}`), fresh.rooms.get(n)!.props);
    try {
      checkRoomArea(n, props);
    } catch {
      throw damaged(`room ${n} has a broken walk area`);
    }
    return { props };
  });
  const objects = sameNames(r.objects, fresh.objects, 'objects', (v, n): ObjectState => {
    const o = record(v, `object ${n}`);
    const props = withNewProps(readProps(o.props, `object ${n}`), fresh.objects.get(n)!.props);
    return { room: nullable(o.room, (x) => roomName(x, `object ${n}'s room`)), visible: bool(o.visible, `object ${n}.visible`), props };
  });
  const actors = sameNames(r.actors, fresh.actors, 'actors', (v, n): ActorState => {
    const a = record(v, `actor ${n}`);
    const facing = a.facing;
    const side = a.side;
    if (typeof facing !== 'string' || !FACINGS.includes(facing)) throw damaged(`actor ${n} faces nowhere`);
    if (side !== 'left' && side !== 'right') throw damaged(`actor ${n} has no side`);
    return {
      room: nullable(a.room, (x) => roomName(x, `actor ${n}'s room`)),
      x: finite(a.x, `actor ${n}.x`),
      y: finite(a.y, `actor ${n}.y`),
      facing: facing as Facing,
      side,
      walk: nullable(a.walk, (w) => readWalk(w, n, decls)),
      anim: text(a.anim, `actor ${n}.anim`),
      animSince: int(a.animSince, `actor ${n}.animSince`),
      props: withNewProps(readProps(a.props, `actor ${n}`), fresh.actors.get(n)!.props),
    };
  });
  const inventory = list(r.inventory, 'inventory').map((v) => name(v, decls.objects, 'the inventory'));
  if (new Set(inventory).size !== inventory.length) throw damaged('the inventory lists an object twice');
  const dialogsUsed = new Map<string, number[]>();
  for (const [k, v] of map(r.dialogsUsed, 'dialogsUsed')) {
    const d = decls.dialogs.get(name(k, decls.dialogs, 'dialogsUsed'))!;
    dialogsUsed.set(d.name, list(v, `dialog ${d.name}`).map((i) => index(i, d.options.length, `dialog ${d.name}'s used options`)));
  }
  const dialogs = list(r.dialogs, 'dialogs').map((v): DialogFrame => {
    const f = record(v, 'an open dialog');
    const d = decls.dialogs.get(name(f.dialog, decls.dialogs, 'an open dialog'))!;
    return {
      dialog: d.name,
      thread: int(f.thread, 'a dialog thread'),
      options: nullable(f.options, (o) => list(o, 'dialog options').map((i) => index(i, d.options.length, `dialog ${d.name}'s options`))),
      body: int(f.body, 'a dialog body'),
      done: bool(f.done, 'a dialog done flag'),
    };
  });
  const lines = list(r.lines, 'lines').map((v): Line => {
    const l = record(v, 'a line');
    const actor = l.actor === '' ? '' : name(l.actor, decls.actors, 'a line');
    const line: Line = { actor, text: text(l.text, 'a line'), thread: int(l.thread, 'a line'), since: int(l.since, 'a line'), until: int(l.until, 'a line'), foreground: bool(l.foreground, 'a line') };
    if (l.id !== undefined) line.id = text(l.id, "a line's id");
    return line;
  });
  const cutscenes = new Map<number, number>();
  for (const [k, v] of map(r.cutscenes, 'cutscenes')) cutscenes.set(int(k, 'a cutscene thread'), int(v, 'a cutscene depth'));
  const threads = new Map<number, ThreadTag>();
  for (const [k, v] of map(r.threads, 'threads')) {
    const t = record(v, 'a thread tag');
    threads.set(int(k, 'a thread'), { room: t.room === '' ? '' : roomName(t.room, 'a thread tag'), foreground: bool(t.foreground, 'a thread tag'), input: bool(t.input, 'a thread tag') });
  }
  return {
    room: nullable(r.room, (x) => roomName(x, 'the current room')),
    controlled: nullable(r.controlled, (x) => name(x, decls.actors, 'the controlled actor')),
    rooms,
    objects,
    actors,
    inventory,
    dialogsUsed,
    dialogs,
    lines,
    cutscenes,
    threads,
    camera: point(r.camera, 'the camera'),
    music: nullable(r.music, (x) => text(x, 'the music')),
    ended: bool(r.ended, 'the ended flag'),
  };
}

function readWalk(v: unknown, actor: string, decls: WorldDecls): Walk {
  const w = record(v, `actor ${actor}'s walk`);
  const path = list(w.path, 'a walk path').map((p) => point(p, 'a walk path'));
  const next = int(w.next, 'a walk');
  if (next < 1 || next >= path.length) throw damaged(`actor ${actor}'s walk is past its path`);
  const then = nullable(w.then, (x) => {
    if (typeof x === 'string' && (decls.objects.has(x) || decls.actors.has(x))) return x;
    throw damaged(`actor ${actor}'s walk leads to an unknown thing`);
  });
  return { path, next, target: point(w.target, 'a walk target'), thread: int(w.thread, 'a walk'), then };
}

/** Properties: a Map from names to Cairn values (guest data may be shared or cyclic). */
function readProps(v: unknown, where: string): Map<string, Value> {
  const out = new Map<string, Value>();
  const seen = new Set<object>();
  for (const [k, x] of map(v, `${where}'s properties`)) {
    if (typeof k !== 'string') throw damaged(`${where} has a property without a name`);
    checkValue(x, `${where}.${k}`, seen);
    out.set(k, x as Value);
  }
  return out;
}

/** Checks that `root` holds only Cairn values; iterative, so depth is no limit. Lists and maps already in `seen` were checked. */
function checkValue(root: unknown, where: string, seen: Set<object>): void {
  const work: unknown[] = [root];
  while (work.length > 0) {
    const v = work.pop();
    if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') continue;
    if (v instanceof Point || v instanceof Range || v instanceof FnRef || v instanceof ThreadHandle) continue;
    if (v instanceof EntityRef) {
      if (!ENTITY_KINDS.includes(v.entity)) throw damaged(`${where} names a ${v.entity}`);
      continue;
    }
    if (typeof v !== 'object') throw damaged(`${where} holds something that is not a value`);
    if (seen.has(v)) continue; // shared or cyclic: checked where first seen
    seen.add(v);
    if (Array.isArray(v)) for (const x of v) work.push(x);
    else if (isMap(v)) {
      for (const [k, x] of v) {
        if (!(typeof k === 'string' || typeof k === 'number' || typeof k === 'boolean')) throw damaged(`${where} has a map with a bad key`);
        work.push(x);
      }
    } else throw damaged(`${where} holds something that is not a value`);
  }
}

/**
 * Entries by the names this build declares, in declaration order (iteration
 * order is part of determinism): saved ones read, new ones as declared.
 * Entries of the save that this build no longer declares are left behind;
 * anything that still refers to one is refused by `name`.
 */
function sameNames<T>(v: unknown, fresh: ReadonlyMap<string, T>, where: string, read: (v: unknown, name: string) => T): Map<string, T> {
  const m = map(v, where);
  for (const k of m.keys()) if (typeof k !== 'string') throw damaged(`${where} has an entry without a name`);
  const out = new Map<string, T>();
  for (const [n, initial] of fresh) out.set(n, m.has(n) ? read(m.get(n), n) : initial);
  return out;
}

/** Saved properties plus the ones this build declares that the save predates. */
function withNewProps(saved: Map<string, Value>, declared: ReadonlyMap<string, Value>): Map<string, Value> {
  for (const [k, v] of declared) if (!saved.has(k)) saved.set(k, v);
  return saved;
}

function record(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || isMap(v) || Object.getPrototypeOf(v) !== Object.prototype) throw damaged(`${where} is not a record`);
  return v as Record<string, unknown>;
}

function map(v: unknown, where: string): Map<unknown, unknown> {
  if (!isMap(v)) throw damaged(`${where} is not a map`);
  return v;
}

function list(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) throw damaged(`${where} is not a list`);
  return v;
}

function name(v: unknown, declared: ReadonlyMap<string, unknown>, where: string): string {
  if (typeof v !== 'string') throw damaged(`${where} is not a name`);
  if (!declared.has(v)) {
    throw new CairnError('SAVE_INCOMPATIBLE', `This save was made with another version of the game and cannot be loaded: ${where} is \`${v}\`, which this version does not have.`, {
      hint: 'load it with the version of the game that made it, or start a new game',
    });
  }
  return v;
}

function nullable<T>(v: unknown, read: (v: unknown) => T): T | null {
  return v === null ? null : read(v);
}

function text(v: unknown, where: string): string {
  if (typeof v !== 'string') throw damaged(`${where} is not text`);
  return v;
}

function bool(v: unknown, where: string): boolean {
  if (typeof v !== 'boolean') throw damaged(`${where} is not true or false`);
  return v;
}

function finite(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw damaged(`${where} is not a number`);
  return v;
}

function int(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw damaged(`${where} is not a count`);
  return v;
}

function index(v: unknown, length: number, where: string): number {
  const i = int(v, where);
  if (i >= length) throw damaged(`${where} has no option ${i + 1}`);
  return i;
}

function point(v: unknown, where: string): Pt {
  const p = record(v, where);
  return { x: finite(p.x, where), y: finite(p.y, where) };
}
