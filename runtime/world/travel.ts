// Changing rooms and looking at them: `go` makes a room current (the room
// left loses its threads and runs `on exit`, the new one runs `on enter` and
// starts its `music`), the controlled actor comes along, and the camera
// follows that actor, clamped to the room (`size:` may exceed the screen).

import { CairnError } from '../../interpreter/errors.js';
import { nearestWalkablePoint } from './pathfinding.js';
import type { Engine } from './engine.js';
import { roomSize } from './room-layout.js';
import { endRoomThreads, startHandlers } from './threads.js';
import { endWalk } from './walking.js';

/**
 * `go room`, called by thread `caller`. The controlled actor moves into the
 * room if it is elsewhere, keeping its position (or the nearest walkable
 * point); scripts place it exactly with `put` in `on enter`, which runs after.
 */
export function goTo(engine: Engine, room: string, caller: number): void {
  const s = engine.state;
  const old = s.room;
  if (old === room) return;
  noteEntry(engine, room, caller);
  if (old !== null) endRoomThreads(engine, old, caller);
  s.room = room;
  engine.story.push({ kind: 'room', room });
  const hero = s.controlled === null ? undefined : s.actors.get(s.controlled);
  if (hero !== undefined && hero.room !== room) {
    endWalk(engine, hero, false, false);
    hero.room = room;
    const map = engine.walkMaps.get(room);
    const spot = map === null ? null : nearestWalkablePoint(map, { x: hero.x, y: hero.y });
    if (spot !== null) {
      hero.x = spot.x;
      hero.y = spot.y;
    }
  }
  // `on exit` runs as a global thread: the room it belongs to is being left.
  if (old !== null) startHandlers(engine, old, 'exit', [], { room: '' });
  for (const id of startHandlers(engine, room, 'enter', [])) engine.entries.enterThreads.set(id, room);
  engine.roomMusicDue = true;
  s.camera = { x: 0, y: 0 };
  followCamera(engine);
}

/** How often one tick may enter the same room by `go` from `on enter` handlers before it counts as a cycle. */
const MAX_ENTRIES_PER_TICK = 3;

/**
 * Records that `caller` sends the player into `room`; when `on enter`
 * handlers keep sending the player round the same rooms within one tick, the
 * game could never settle: GO_CYCLE, naming the rooms and their handlers
 * (the VM adds the place of the `go` that closed the circle).
 */
function noteEntry(engine: Engine, room: string, caller: number): void {
  const now = engine.now;
  const e = engine.entries;
  if (e.tick !== now) engine.entries = { tick: now, rooms: [], enterThreads: new Map() };
  const from = engine.entries.enterThreads.get(caller);
  const rooms = engine.entries.rooms;
  if (from === undefined) {
    rooms.length = 0;
    rooms.push(room);
    return;
  }
  if (rooms.length === 0) rooms.push(from);
  rooms.push(room);
  if (rooms.filter((r) => r === room).length < MAX_ENTRIES_PER_TICK) return;
  const start = rooms.indexOf(room);
  const circle = rooms.slice(start, rooms.indexOf(room, start + 1) + 1);
  const hops = circle.slice(0, -1).map((r, i) => `\`on enter\` of \`${r}\` does \`go ${circle[i + 1]}\``);
  throw new CairnError('GO_CYCLE', `the rooms ${circle.join(' → ')} send the player round in a circle for ever: ${hops.join(', ')}`, {
    hint: 'make one `on enter` stop the circle: check a variable first, or move the `go` into an object\'s handler',
  });
}

/** Starts the current room's `music` if a room change is pending and no script played music since. */
export function startRoomMusic(engine: Engine): void {
  if (!engine.roomMusicDue) return;
  engine.roomMusicDue = false;
  const s = engine.state;
  if (s.room === null) return;
  const music = engine.room(s.room).props.get('music');
  if (typeof music !== 'string' || music === s.music) return;
  s.music = music;
  engine.emitAudio({ type: 'music', file: music, fade: 0 });
}

/** Centres the camera on the controlled actor when it is in the current room, clamped to the room. */
export function followCamera(engine: Engine): void {
  const s = engine.state;
  if (s.room === null) return;
  const [vw, vh] = engine.screen;
  const [rw, rh] = roomSize(engine.room(s.room).props, engine.screen);
  const hero = s.controlled === null ? undefined : s.actors.get(s.controlled);
  let { x, y } = s.camera;
  if (hero !== undefined && hero.room === s.room) {
    x = Math.round(hero.x - vw / 2);
    y = Math.round(hero.y - vh / 2);
  }
  x = Math.min(Math.max(x, 0), Math.max(0, rw - vw));
  y = Math.min(Math.max(y, 0), Math.max(0, rh - vh));
  if (x !== s.camera.x || y !== s.camera.y) s.camera = { x, y };
}
