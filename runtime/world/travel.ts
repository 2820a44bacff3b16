// Changing rooms and looking at them: `go` makes a room current (the room
// left loses its threads and runs `on exit`, the new one runs `on enter` and
// starts its `music`), the controlled actor comes along, and the camera
// follows that actor, clamped to the room (`size:` may exceed the screen).

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
  startHandlers(engine, room, 'enter', []);
  engine.roomMusicDue = true;
  s.camera = { x: 0, y: 0 };
  followCamera(engine);
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
