// The adventure engine's context: the declarations, the world state, the VM
// and what they share (walk maps, the driver's output logs, per-tick flags).
// The rules live in the modules beside it (walking, speech, dialogs, travel,
// interaction), each a set of functions over an Engine; this file only holds
// things together and looks entities up by name.

import { CairnError } from '../../interpreter/errors.js';
import type { AudioCommand, Pt } from '../game-api.js';
import type { VoiceIndex } from '../bundle/index.js';
import type { StoryEvent } from '../story.js';
import type { WorldDecls } from './read-declarations.js';
import { buildWalkMap, type WalkMap } from './pathfinding.js';
import { walkAreaOf } from './room-layout.js';
import type { ActorState, ObjectState, RoomState, WorldState } from './state.js';
import type { GameVM } from './threads.js';

/** How big an image is, when the host knows (bundle headers); null when it does not. */
export type ImageSizer = (path: string) => readonly [number, number] | null;

/** Walk maps by room, built when first needed: derived data, never saved. */
export class WalkMaps {
  private readonly maps = new Map<string, WalkMap | null>();
  constructor(private readonly engine: Engine) {}

  /** The room's walk map, or null when the room declares no walk area (everything is walkable). */
  get(room: string): WalkMap | null {
    let map = this.maps.get(room);
    if (map === undefined) {
      const area = walkAreaOf(this.engine.room(room).props);
      map = area === null ? null : buildWalkMap(area);
      this.maps.set(room, map);
    }
    return map;
  }

  /** Forgets a room's map (its walk area changed). */
  invalidate(room: string): void {
    this.maps.delete(room);
  }

  /** Forgets every map (a save was loaded). */
  clear(): void {
    this.maps.clear();
  }
}

/** A line as the said log keeps it: `source` is the same line in the scripts' language, when it was said in another. */
export interface SaidLine {
  actor: string;
  text: string;
  id?: string;
  source?: string;
}

/** The engine context every rule module works on. */
export class Engine {
  /** The world state; replaced wholesale when a save is loaded. */
  state: WorldState;
  /** Set once, right after construction (the VM's natives need the engine first). */
  vm!: GameVM;
  readonly walkMaps = new WalkMaps(this);
  /** Audio commands not yet taken by the driver. */
  audio: AudioCommand[] = [];
  /** Every line spoken, in order (a driver log, not game state). */
  readonly said: Array<SaidLine> = [];
  /** What a player would read, in order (runtime/story.ts words it; a driver log, not game state). */
  readonly story: StoryEvent[] = [];
  /** Runtime errors of script threads, in order. */
  readonly errors: CairnError[] = [];
  /** True while a skipped cutscene is being fast-forwarded (sounds are not played meanwhile). */
  fastForward = false;
  /** A skip of the running cutscene was asked for this tick. */
  skipRequested = false;
  /** The room changed this tick: its `music` starts at the end of the tick unless a script played music since. */
  roomMusicDue = false;
  /** The rooms entered this tick by `go` from `on enter` handlers, and which thread runs which room's `on enter` (travel.ts; not game state). */
  entries: { tick: number; rooms: string[]; enterThreads: Map<number, string> } = { tick: -1, rooms: [], enterThreads: new Map() };
  /** Voiced lines by language and id (the manifest's `voices`; not game state). */
  voices: VoiceIndex = {};
  /** Where the pointer is, in screen coordinates (for hover names; not game state). */
  hover: Pt | null = null;

  constructor(
    readonly decls: WorldDecls,
    state: WorldState,
    readonly screen: readonly [number, number],
    readonly imageSize: ImageSizer,
    private readonly onError: (error: CairnError) => void,
  ) {
    this.state = state;
  }

  /** The number of the tick being run (or about to run). */
  get now(): number {
    return this.vm.tickCount;
  }

  /** Records a runtime error. */
  report(error: CairnError): void {
    this.errors.push(error);
    this.onError(error);
  }

  /** Sends an audio command, except sounds and voices while a cutscene is skipped. */
  emitAudio(command: AudioCommand): void {
    if (this.fastForward && (command.type === 'sound' || command.type === 'speech')) return;
    this.audio.push(command);
  }

  actor(name: string): ActorState {
    const a = this.state.actors.get(name);
    if (a === undefined) throw unknown('actor', name);
    return a;
  }

  object(name: string): ObjectState {
    const o = this.state.objects.get(name);
    if (o === undefined) throw unknown('object', name);
    return o;
  }

  room(name: string): RoomState {
    const r = this.state.rooms.get(name);
    if (r === undefined) throw unknown('room', name);
    return r;
  }

  /** True while any thread is inside a cutscene block. */
  get inCutscene(): boolean {
    return this.state.cutscenes.size > 0;
  }

  /** True when the innermost open dialog offers options to pick. */
  get dialogWaiting(): boolean {
    const top = this.state.dialogs[this.state.dialogs.length - 1];
    return top !== undefined && top.options !== null && top.body === 0;
  }
}

function unknown(kind: string, name: string): CairnError {
  return new CairnError('RUNTIME', `there is no ${kind} called \`${name}\``);
}
