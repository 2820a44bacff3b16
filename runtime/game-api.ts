// The contract between the adventure runtime (runtime/game.ts) and everything
// that drives it: the walkthrough runner, the headless CLI, replays, and later
// the player's worker. Inputs, the scene and audio commands are plain data;
// the game advances only by ticks, so the same inputs give the same run.

import type { Value } from '../interpreter/vm/values.js';

/** A point in room coordinates (pixels). */
export interface Pt {
  x: number;
  y: number;
}

/** What the player can do. Stamped with a tick when recorded. */
export type GameInput =
  /** A left click at screen coordinates (the game resolution; the camera offset is applied by the runtime). */
  | { type: 'click'; x: number; y: number }
  /** A verb on an object or actor, as the verb UI sends it: `do pickup shell`, `do use key door`. */
  | { type: 'verb'; verb: string; target: string; with?: string }
  /** Picks a dialog option by its 1-based position among the options shown. */
  | { type: 'choose'; option: number }
  /** Skips the whole cutscene (Escape), or outside one the current lines; with `line`, only the lines being spoken (`.`, a click on a line). */
  | { type: 'skip'; line?: true }
  /** The pointer moved (for hover names); never changes game state. */
  | { type: 'hover'; x: number; y: number };

/** One input as recorded in a log: the tick before which it was applied. */
export interface RecordedInput {
  tick: number;
  input: GameInput;
}

/** An input log: replaying it against the same bundle reproduces the run. */
export interface InputLog {
  format: 1;
  game: { id: string; version: string };
  seed: number;
  inputs: RecordedInput[];
  /** Ticks the recorded run lasted. */
  ticks: number;
  /** The languages it was played in, each from its tick on (absent: the scripts' own language throughout). */
  languages?: Array<{ tick: number; lang: string }>;
}

/** A line of speech shown on screen. */
export interface SpeechView {
  actor: string;
  text: string;
  color: string;
  /** Where the text is anchored (above the speaker), in room coordinates. */
  at: Pt;
  /** The line's translation id, when it is a translatable line. */
  id?: string;
  /** The voice file of the line in the current language (an asset path) and how long it plays; the line lasts that long. */
  voice?: { asset: string; ms: number };
}

/** A sprite to draw. */
export interface SpriteView {
  /** `object:shell` or `actor:hero`. */
  id: string;
  /** Asset path of the image or sprite sheet. */
  image: string;
  /** Frame index in the sheet, and the frame size (null: the whole image). */
  frame: number;
  frameSize: [number, number] | null;
  /** Where the sprite stands, in room coordinates: the bottom centre of its image or frame. */
  at: Pt;
  /** Depth scaling of the room at `at.y` (actors; objects are drawn at 1). */
  scale: number;
  /** Mirror horizontally (an actor facing left). */
  flip: boolean;
  /** Draw order: higher is nearer; ties broken by id. */
  z: number;
}

/** Everything the player needs to draw one frame. Same inputs, same scenes. */
export interface Scene {
  tick: number;
  room: string | null;
  /** Background and layers, back to front. */
  layers: Array<{ image: string; parallax: number }>;
  sprites: SpriteView[];
  speech: SpeechView[];
  /** Inventory objects in the order taken: id, name, icon, and the right click's verb when it is not `look`. */
  inventory: Array<{ id: string; name: string; icon: string | null; defaultVerb?: string }>;
  /** Options shown when a dialog waits for a choice, else null. */
  dialog: { options: string[]; /** The same options in the scripts' own language, when they show in another. */ source?: string[] } | null;
  /** The verb bar: `with` is the word between two things ("to" in "Give sardine to Gulliver") for a verb that takes two. */
  verbs: Array<{ id: string; label: string; with?: string }>;
  /** Name of the hotspot under the pointer. */
  hover: string | null;
  camera: Pt;
  /** The resolution of the screen the camera shows. */
  viewport: [number, number];
  cutscene: boolean;
  ended: boolean;
}

/** A sound instruction for the audio layer. Fades are in seconds (0: at once). */
export type AudioCommand =
  | { type: 'music'; file: string; fade: number }
  | { type: 'stop-music'; fade: number }
  | { type: 'sound'; file: string }
  | { type: 'speech'; actor: string; text: string };

/** A clickable thing on screen, for the verb UI, keyboard and gamepad play. */
export interface Target {
  /** The object's or actor's declared name (`shell`). */
  id: string;
  /** The name players see (`seashell`). */
  name: string;
  /** A screen point that hits it. */
  x: number;
  y: number;
  /** Verbs with a handler on this target, in the game's verb order. */
  verbs: string[];
  /** The verb a right click (a long press) uses on it: its `default_verb` property, else `look`. */
  defaultVerb: string;
}

/** What the runtime exposes to drivers (walkthroughs, CLI, player worker). */
export interface GameDriver {
  /** The thing a click at screen point (x, y) would act on, or null (the floor, or nothing). */
  targetAt(x: number, y: number): Target | null;
  /** Every clickable thing of the current room that is on screen, left to right. */
  targets(): Target[];
  /** The verbs an object or actor (inventory items included) answers, in the game's verb order. */
  verbsOf(name: string): string[];
  /** Advances one tick of game time (interpreter/vm/ticks.ts), applying queued inputs first. */
  tick(): void;
  /** Queues an input for the next tick; refused inputs (e.g. clicks during a cutscene) are ignored. */
  input(input: GameInput): void;
  /** The player has control: no cutscene, no line being spoken, no walk of the controlled actor, or a dialog waits for a choice. */
  readonly hasControl: boolean;
  /** The game has ended (`end game`). */
  readonly ended: boolean;
  readonly tickCount: number;
  /** The current scene. */
  scene(): Scene;
  /** Audio commands since the last call. */
  takeAudio(): AudioCommand[];
  /** Lines spoken since the start, in order: `{actor, text}`. */
  /** `id`: a translatable line's id; `source`: the line in the scripts' own language, when it was said in another. */
  readonly said: ReadonlyArray<{ actor: string; text: string; id?: string; source?: string }>;
  /** Lines written by `print`. */
  readonly transcript: readonly string[];
  /** Evaluates a game expression now (`door.open`, `tries == 1`, `has(key)`). */
  evaluate(expression: string): Value;
  /** The printed form of a value. */
  display(value: Value): string;
  /** The whole game as bytes: VM, world, camera, audio; refers to everything by name. */
  save(): Uint8Array;
  /** Restores a save; refused saves throw CairnError and change nothing. */
  load(bytes: Uint8Array): void;
  /** The inputs applied so far, with their ticks. */
  inputLog(): InputLog;
}
