// The world as plain data: everything that changes while a game runs and is
// not the VM's (rooms, objects, actors, inventory, dialogs, lines, walks,
// camera, music). Maps keyed by name (guest names never become JS property
// names), kept in declaration order so iteration is deterministic. A save is
// this state plus the VM snapshot; nothing derived (walk maps) lives here.

import { EntityRef, Point, type Value, isMap } from '../../interpreter/vm/values.js';
import { ShapedMap } from '../../interpreter/vm/shaped-map.js';
import type { WorldDecls } from './read-declarations.js';

/** A point in room coordinates. */
export interface Pt {
  x: number;
  y: number;
}

/** Where an actor looks. */
export type Facing = 'left' | 'right' | 'up' | 'down';

/** An object's state: where it is, whether it shows, and its properties (declared ones and well-known ones). */
export interface ObjectState {
  /** The room it is in; null when taken or nowhere. */
  room: string | null;
  visible: boolean;
  props: Map<string, Value>;
}

/** A walk in progress: the path, the next corner to reach, who waits for it and what follows. */
export interface Walk {
  path: Pt[];
  /** Index in `path` of the point being walked to. */
  next: number;
  /** Where the walk was asked to go (the path may end short of it when unreachable). */
  target: Pt;
  /** The thread blocked in `walk` (0: a walk the player asked for). */
  thread: number;
  /** An entity whose `on walk` runs on arrival (a plain click on it), or null. */
  then: string | null;
}

/** An actor's state. Position is two numbers (not a Point) because it changes every tick. */
export interface ActorState {
  room: string | null;
  x: number;
  y: number;
  facing: Facing;
  /** The last horizontal direction faced: sprites without up/down animations flip by it. */
  side: 'left' | 'right';
  walk: Walk | null;
  /** The animation shown, and the tick it started (frames count from there). */
  anim: string;
  animSince: number;
  props: Map<string, Value>;
}

/** A room's state: its properties (background, walk area, … and the author's own). */
export interface RoomState {
  props: Map<string, Value>;
}

/** A line of speech on screen. */
export interface Line {
  /** The speaking actor, or '' for the narrator (no actor controlled). */
  actor: string;
  text: string;
  /** The thread blocked in `say` (0: none). */
  thread: number;
  since: number;
  /** The tick at which the line ends and its thread resumes. */
  until: number;
  /** Said by a foreground thread: the player does not have control while it shows. */
  foreground: boolean;
  /** The line's translation id, when it is a translatable line (saves keep the id, never a language). */
  id?: string;
}

/** An open dialog. Dialogs nest: `choose` inside an option body opens another on top. */
export interface DialogFrame {
  dialog: string;
  /** The thread blocked in `choose`. */
  thread: number;
  /** Option indices offered now (the player picks among them), or null while none are offered. */
  options: number[] | null;
  /** The thread running the picked option's body (0: none). */
  body: number;
  /** `done` was called: the dialog closes when the body returns. */
  done: boolean;
}

/**
 * What the runtime knows of a thread. `room`: the room whose departure ends it
 * ('' for a global thread). `foreground`: started by the runtime (a handler, a
 * dialog option), not by `spawn`. `input`: started by the player's input.
 */
export interface ThreadTag {
  room: string;
  foreground: boolean;
  input: boolean;
}

/** The whole world state. */
export interface WorldState {
  room: string | null;
  controlled: string | null;
  rooms: Map<string, RoomState>;
  objects: Map<string, ObjectState>;
  actors: Map<string, ActorState>;
  /** Object names in the order taken. */
  inventory: string[];
  /** Per dialog, the indices of `once` options already used. */
  dialogsUsed: Map<string, number[]>;
  /** Open dialogs, innermost last. */
  dialogs: DialogFrame[];
  lines: Line[];
  /** Cutscene depth per thread inside one (nested blocks count). */
  cutscenes: Map<number, number>;
  /** Threads the runtime tracks (global background threads are not listed). */
  threads: Map<number, ThreadTag>;
  /** Top-left of the view, in room coordinates. */
  camera: Pt;
  /** The music playing, or null. */
  music: string | null;
  ended: boolean;
}

/** The world before any script runs, as the declarations describe it. */
export function createWorldState(decls: WorldDecls): WorldState {
  const rooms = new Map<string, RoomState>();
  for (const [name, r] of decls.rooms) rooms.set(name, { props: copyProps(r.props) });
  const objects = new Map<string, ObjectState>();
  for (const [name, o] of decls.objects) {
    const props = copyProps(o.props);
    const visible = props.get('visible');
    props.delete('visible');
    objects.set(name, { room: o.room, visible: visible !== false, props });
  }
  const actors = new Map<string, ActorState>();
  for (const [name, a] of decls.actors) {
    const props = copyProps(a.props);
    const at = props.get('at');
    const room = props.get('room');
    props.delete('at');
    props.delete('room');
    actors.set(name, {
      // `room:` and `at:` on an actor place it before the game starts.
      room: room instanceof EntityRef && room.entity === 'room' && decls.rooms.has(room.name) ? room.name : null,
      x: at instanceof Point ? at.x : 0,
      y: at instanceof Point ? at.y : 0,
      facing: 'down',
      side: 'right',
      walk: null,
      anim: 'idle',
      animSince: 0,
      props,
    });
  }
  const first = decls.actors.keys().next();
  return {
    room: null,
    controlled: first.done ? null : first.value,
    rooms,
    objects,
    actors,
    inventory: [],
    dialogsUsed: new Map(),
    dialogs: [],
    lines: [],
    cutscenes: new Map(),
    threads: new Map(),
    camera: { x: 0, y: 0 },
    music: null,
    ended: false,
  };
}

/** A deep copy of a property map: lists and maps are fresh, immutable values shared. */
function copyProps(props: ReadonlyMap<string, Value>): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const [k, v] of props) out.set(k, copyValue(v));
  return out;
}

/** A deep copy of a declared value (declared values hold no cycles); iterative, so depth is no limit. */
export function copyValue(root: Value): Value {
  let result: Value = root;
  const work: Array<[Value, (v: Value) => void]> = [[root, (v) => (result = v)]];
  while (work.length > 0) {
    const [v, put] = work.pop()!;
    if (Array.isArray(v)) {
      const list: Value[] = new Array<Value>(v.length).fill(null);
      put(list);
      v.forEach((x, i) => work.push([x, (c) => (list[i] = c)]));
    } else if (isMap(v)) {
      const m = new ShapedMap();
      put(m);
      for (const [k, x] of v) {
        m.set(k, null);
        work.push([x, (c) => m.set(k, c)]);
      }
    } else put(v);
  }
  return result;
}
