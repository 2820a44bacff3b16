// The scene: everything the player draws for one frame, as plain data built
// from the world state after a tick (game-api.ts Scene). Sprites stand on
// their `at` point (the bottom centre of the image or frame) and are ordered
// by the y they stand on. Reads the world; changes nothing.

import { Point, isMap } from '../interpreter/vm/values.js';
import type { Scene, SpeechView, SpriteView } from './game-api.js';
import { offeredOptions } from './world/dialogs.js';
import type { Engine } from './world/engine.js';
import { costumeFrame } from './world/costumes.js';
import { actorFrame, entityAt, objectZ } from './world/hit-test.js';
import { cannotAct } from './world/interaction.js';
import { declaredText, shownName, voiceOf } from './world/translate.js';
import { verbWords } from './world/verb-words.js';

/** Builds the scene of the current tick. */
export function buildScene(engine: Engine): Scene {
  const s = engine.state;
  const props = s.room === null ? null : engine.room(s.room).props;
  const layers: Scene['layers'] = [];
  const background = props?.get('background');
  if (typeof background === 'string') layers.push({ image: background, parallax: 1 });
  const extra = props?.get('layers');
  if (Array.isArray(extra)) {
    for (const l of extra) {
      if (!isMap(l)) continue;
      const image = l.get('image');
      const parallax = l.get('parallax');
      if (typeof image === 'string') layers.push({ image, parallax: typeof parallax === 'number' ? parallax : 1 });
    }
  }
  return {
    tick: engine.now,
    room: s.room,
    layers,
    sprites: sprites(engine),
    speech: speech(engine),
    inventory: s.inventory.map((id) => {
      const o = engine.object(id);
      const name = o.props.get('name');
      const icon = o.props.get('icon') ?? o.props.get('sprite');
      const verb = o.props.get('default_verb');
      const item = { id, name: typeof name === 'string' ? shownName(engine, 'object', id, name) : id, icon: typeof icon === 'string' ? icon : null };
      return typeof verb === 'string' ? { ...item, defaultVerb: verb } : item;
    }),
    dialog: dialogView(engine),
    verbs: verbWords(engine.decls, (id, label) => declaredText(engine, `verb:${id}`, label)).map((v) => ({ ...v })),
    hover: hoverName(engine),
    camera: { x: s.camera.x, y: s.camera.y },
    viewport: [engine.screen[0], engine.screen[1]],
    cutscene: engine.inCutscene,
    ended: s.ended,
  };
}

function sprites(engine: Engine): SpriteView[] {
  const s = engine.state;
  const out: SpriteView[] = [];
  if (s.room === null) return out;
  for (const [name, o] of s.objects) {
    if (o.room !== s.room || !o.visible) continue;
    const sprite = o.props.get('sprite');
    const at = o.props.get('at');
    if (typeof sprite !== 'string' || !(at instanceof Point)) continue;
    out.push({ id: `object:${name}`, image: sprite, frame: 0, frameSize: null, at: { x: at.x, y: at.y }, scale: 1, flip: false, z: objectZ(o) });
  }
  const now = engine.now;
  for (const [name, a] of s.actors) {
    if (a.room !== s.room || a.props.get('visible') === false) continue;
    const look = costumeFrame(engine, a, now);
    const size = actorFrame(engine, a);
    if (look === null || size === null) continue;
    out.push({ id: `actor:${name}`, image: look.sheet, frame: look.frame, frameSize: look.frameSize, at: { x: a.x, y: a.y }, scale: size.scale, flip: look.flip, z: a.y });
  }
  return out.sort((p, q) => p.z - q.z || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
}

/** Lines anchored above their speakers; a narrator's, or one from an actor not in view, at the top of the screen. */
function speech(engine: Engine): SpeechView[] {
  const s = engine.state;
  const [vw] = engine.screen;
  return s.lines.map((l) => {
    const a = l.actor === '' ? undefined : s.actors.get(l.actor);
    const color = a?.props.get('color');
    let at = { x: s.camera.x + vw / 2, y: s.camera.y + 24 };
    if (a !== undefined && a.room === s.room && s.room !== null) {
      const f = actorFrame(engine, a);
      at = { x: a.x, y: a.y - (f === null ? 48 : f.h * f.scale) - 8 };
    }
    const view: SpeechView = { actor: l.actor, text: l.text, color: typeof color === 'string' ? color : '#ffffff', at };
    if (l.id !== undefined) view.id = l.id;
    const voice = voiceOf(engine, l.id);
    if (voice !== undefined) view.voice = { asset: voice.asset, ms: voice.ms };
    return view;
  });
}

function dialogView(engine: Engine): Scene['dialog'] {
  const options = offeredOptions(engine, true);
  if (options === null) return null;
  const source = offeredOptions(engine)!;
  return source.some((o, i) => o !== options[i]) ? { options, source } : { options };
}

/** The name of what is under the pointer, when the player could act on it. */
function hoverName(engine: Engine): string | null {
  const h = engine.hover;
  if (h === null || cannotAct(engine) !== null) return null;
  const ref = entityAt(engine, { x: h.x + engine.state.camera.x, y: h.y + engine.state.camera.y });
  if (ref === null) return null;
  const props = ref.entity === 'object' ? engine.object(ref.name).props : engine.actor(ref.name).props;
  const name = props.get('name');
  return typeof name === 'string' ? shownName(engine, ref.entity === 'object' ? 'object' : 'actor', ref.name, name) : ref.name;
}
