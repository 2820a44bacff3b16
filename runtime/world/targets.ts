// What the verb UI, the keyboard and the gamepad need to know about the room
// and that a Scene does not carry: which thing is under a point (by id, not
// display name), where each clickable thing is, and which verbs it answers.
// Answered with the runtime's own hit-test and handler tables, so a click in
// the player and a click in a walkthrough resolve the same way.

import type { Target } from '../game-api.js';
import type { Engine } from './engine.js';
import { actorFrame, entityAt, objectArea } from './hit-test.js';
import { hasHandler } from './threads.js';

type TargetView = Target;

/** The thing a click at screen point (x, y) would act on, or null (the floor, or nothing). */
export function targetAt(engine: Engine, x: number, y: number): TargetView | null {
  const cam = engine.state.camera;
  const ref = entityAt(engine, { x: x + cam.x, y: y + cam.y });
  if (ref === null) return null;
  return describe(engine, ref.name, ref.entity === 'actor' ? 'actor' : 'object', { x, y });
}

/** Every clickable thing of the current room that is on screen, left to right. */
export function roomTargets(engine: Engine): TargetView[] {
  const s = engine.state;
  if (s.room === null) return [];
  const [vw, vh] = engine.screen;
  const cam = s.camera;
  const out: TargetView[] = [];
  const add = (name: string, kind: 'object' | 'actor', box: { x: number; y: number; w: number; h: number } | null): void => {
    if (box === null) return;
    const x = Math.round(box.x + box.w / 2 - cam.x);
    const y = Math.round(box.y + box.h / 2 - cam.y);
    if (x < 0 || y < 0 || x >= vw || y >= vh) return;
    // The centre of a box can miss an odd polygon; only offer points that really hit the thing.
    const hit = entityAt(engine, { x: x + cam.x, y: y + cam.y });
    if (hit === null || hit.name !== name) return;
    out.push(describe(engine, name, kind, { x, y }));
  };
  for (const [name, o] of s.objects) {
    if (o.room !== s.room || !o.visible) continue;
    add(name, 'object', boundingBox(objectArea(engine, o)));
  }
  for (const [name, a] of s.actors) {
    if (a.room !== s.room || name === s.controlled || a.props.get('visible') === false) continue;
    const f = actorFrame(engine, a);
    if (f !== null) add(name, 'actor', { x: a.x - (f.w * f.scale) / 2, y: a.y - f.h * f.scale, w: f.w * f.scale, h: f.h * f.scale });
  }
  return out.sort((p, q) => p.x - q.x || p.y - q.y || (p.id < q.id ? -1 : 1));
}

/** The verbs a thing answers (inventory items included), in the game's verb order. */
export function verbsOf(engine: Engine, name: string): string[] {
  return engine.decls.verbs.map((v) => v.id).filter((verb) => hasHandler(engine, name, verb));
}

function describe(engine: Engine, name: string, kind: 'object' | 'actor', at: { x: number; y: number }): TargetView {
  const props = kind === 'object' ? engine.object(name).props : engine.actor(name).props;
  const label = props.get('name');
  const defaultVerb = props.get('default_verb');
  return {
    id: name,
    name: typeof label === 'string' ? label : name,
    x: at.x,
    y: at.y,
    verbs: engine.decls.verbs.map((v) => v.id).filter((verb) => hasHandler(engine, name, verb)),
    defaultVerb: typeof defaultVerb === 'string' ? defaultVerb : 'look',
  };
}

type Area = ReturnType<typeof objectArea>;

function boundingBox(area: Area): { x: number; y: number; w: number; h: number } | null {
  if (area === null) return null;
  if (!('polygon' in area)) return area;
  const pts = area.polygon;
  if (pts.length === 0) return null;
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}
