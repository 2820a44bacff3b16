// The headless adventure runtime: a Game runs one compiled module as the
// GameDriver contract (game-api.ts) describes — inputs in, ticks, scenes and
// audio out, saves by name. Each tick: inputs, then the world moves (lines
// end, walks advance), then every script thread runs, then the world settles
// (dialogs, music, animations, camera). Imports runtime/ and interpreter/.

import type { Module } from '../interpreter/bytecode/module.js';
import { compileExpression, type CompiledExpression } from '../interpreter/compiler/compile-expression.js';
import { CairnError } from '../interpreter/errors.js';
import type { DebugHook, LineHook } from '../interpreter/vm/debug-hooks.js';
import type { Limits } from '../interpreter/vm/memory.js';
import { ThreadState } from '../interpreter/vm/thread.js';
import { EntityRef, type Value } from '../interpreter/vm/values.js';
import { Debugger } from './debugger.js';
import type { AudioCommand, GameDriver, GameInput, InputLog, RecordedInput, Scene, Target } from './game-api.js';
import type { VoiceIndex } from './bundle/index.js';
import type { StringTable } from './language.js';
import { verifyWorld, type LoadedGame } from './game-loader.js';
import { adventureNatives } from './natives/adventure.js';
import { buildScene } from './scene.js';
import type { StoryEvent } from './story.js';
import { updateAnimations } from './world/costumes.js';
import { settleDialogs } from './world/dialogs.js';
import { Engine, type ImageSizer } from './world/engine.js';
import { imageSize } from './world/image-size.js';
import { applyInput, arrive, targetRef } from './world/interaction.js';
import { damaged, encodePlain, type FunctionNames } from './world/plain-codec.js';
import { getProperty, worldHost } from './world/properties.js';
import { readSave, writeSave, type GameIdentity } from './world/save-file.js';
import { expireLines } from './world/speech.js';
import { createWorldState } from './world/state.js';
import { forgetDeadThreads, GameVM, inheritTag, isForeground, startHandlers } from './world/threads.js';
import { followCamera, startRoomMusic } from './world/travel.js';
import { advanceWalks } from './world/walking.js';
import { checkInput } from './world/input-check.js';
import { roomTargets, targetAt, verbsOf } from './world/targets.js';
import { secondsToTicks } from '../interpreter/vm/ticks.js';

/** How to run a game. */
export interface GameOptions {
  seed?: number;
  /** The game's id and version (from the bundle manifest); saves carry them and refuse other games. */
  id?: string;
  version?: string;
  /** The screen, in game pixels (default 640 × 360). */
  resolution?: readonly [number, number];
  /** Where `print` lines go, besides `transcript`. */
  print?: (line: string) => void;
  /** Told of each script error, besides `errors`. */
  onError?: (error: CairnError) => void;
  /** Image sizes for clickable areas of sprites without a hotspot; fromBundle reads them from the bundle. */
  imageSize?: ImageSizer;
  limits?: Partial<Limits>;
  /**
   * Debugging (`cairn dev`, `cairn run --trace`): the VM's line and `debug`
   * hooks, and debugger() becomes available. An exported player never sets it.
   */
  debug?: { onLine?: LineHook; onDebug?: DebugHook };
  /** The language the scripts are written in (default 'en'; fromBundle: the manifest's default). */
  sourceLanguage?: string;
  /** The language to start in and its string table (runtime/language.ts); default: the source language. */
  language?: StringTable;
  /** Voiced lines by language and id (fromBundle: the manifest's `voices`). */
  voices?: VoiceIndex;
}

/** A refused input, and why (for walkthrough diagnostics). */
export interface Refusal {
  tick: number;
  input: GameInput;
  reason: string;
}

/** The longest a skipped cutscene is fast-forwarded: ten minutes of game time. */
export const SKIP_CAP_TICKS = secondsToTicks(10 * 60);
/** The most work a skip may do, in ticks' budgets; what remains of a heavier cutscene plays on. */
export const SKIP_CAP_WORK = 20;

/** A running game. */
export class Game implements GameDriver {
  private readonly engine: Engine;
  private readonly vm: GameVM;
  private readonly identity: GameIdentity;
  private readonly seed: number;
  private readonly fnNames: FunctionNames;
  private readonly lines: string[] = [];
  private readonly log: RecordedInput[] = [];
  /** The languages played in, from their ticks on (for the input log). */
  private readonly languages: Array<{ tick: number; lang: string }> = [];
  private readonly refused: Refusal[] = [];
  private pending: GameInput[] = [];
  private cachedScene: Scene | null = null;
  /** Expressions compiled for evaluate(), by text (walkthroughs check the same ones often). */
  private readonly expressions = new Map<string, CompiledExpression>();
  private readonly debugging: boolean;
  private debugConsole: Debugger | undefined;

  /** A game from a compiled module; `on start` runs in the first tick. */
  static create(module: Module, options: GameOptions = {}): Game {
    return new Game(module, options);
  }

  /** A game from a bundle that passed the door: id, version, resolution and image sizes come from the bundle. */
  static fromBundle(loaded: LoadedGame, options: GameOptions = {}): Game {
    const m = loaded.bundle.manifest;
    const sizes = new Map<string, readonly [number, number] | null>();
    const fromBundle: ImageSizer = (path) => {
      let size = sizes.get(path);
      if (size === undefined) {
        try {
          size = loaded.bundle.hasAsset(path) ? imageSize(loaded.bundle.readAsset(path)) : null;
        } catch {
          size = null; // a damaged asset is the player's to report when it draws; here it is just of unknown size
        }
        sizes.set(path, size);
      }
      return size;
    };
    const languages = m.languages === undefined ? {} : { sourceLanguage: m.languages.default };
    const voices = m.voices === undefined ? {} : { voices: m.voices };
    return new Game(loaded.module, { id: m.id, version: m.version, resolution: m.resolution, imageSize: fromBundle, ...languages, ...voices, ...options });
  }

  private constructor(private readonly module: Module, options: GameOptions) {
    const decls = verifyWorld(module);
    this.identity = { id: options.id ?? 'local.unnamed', version: options.version ?? '0.0.0' };
    this.seed = options.seed ?? 0;
    const engine = new Engine(decls, createWorldState(decls), options.resolution ?? [640, 360], options.imageSize ?? (() => null), options.onError ?? (() => {}));
    this.vm = new GameVM(module, {
      natives: adventureNatives(engine),
      seed: this.seed,
      limits: options.limits,
      // The world, what was said and printed: all of it is the game's memory.
      host: { ...worldHost(engine), memoryRoots: () => [engine.state, engine.said, engine.story, this.lines] },
      print: (line) => {
        this.lines.push(line);
        engine.story.push({ kind: 'print', text: line });
        options.print?.(line);
      },
      onError: (error) => engine.report(error),
      onLine: options.debug?.onLine,
      onDebug: options.debug?.onDebug,
      sourceLanguage: options.sourceLanguage,
    });
    if (options.language !== undefined) this.vm.texts.set(options.language.lang, options.language.entries);
    this.languages.push({ tick: 0, lang: this.vm.texts.current });
    engine.voices = options.voices ?? {};
    this.debugging = options.debug !== undefined;
    engine.vm = this.vm;
    this.vm.onSpawn = (child, parent) => inheritTag(engine, child, parent);
    this.engine = engine;
    const fns = this.vm.program;
    this.fnNames = { nameOf: (i) => fns.fns[i]!.name, indexOf: (name) => fns.fnIndex.get(name) };
    this.vm.init();
    startHandlers(engine, '', 'start', [], { room: '' });
  }

  /** The language text comes out in now. */
  get language(): string {
    return this.vm.texts.current;
  }

  /**
   * Switches language: the next text the scripts evaluate, and the names,
   * verbs and options of the next scene, come out in `lang`, using `table`
   * (runtime/language.ts loadStringTable; none: the source text). A line
   * already showing stays as it was said. Not part of a save.
   */
  setLanguage(lang: string, table?: StringTable): void {
    if (table !== undefined && table.lang !== lang) throw new CairnError('USAGE', `setLanguage(${JSON.stringify(lang)}) was given the string table of ${JSON.stringify(table.lang)}`);
    this.vm.texts.set(lang, table?.entries ?? null);
    this.cachedScene = null;
    const tick = this.vm.tickCount;
    while (this.languages.length > 0 && this.languages[this.languages.length - 1]!.tick === tick) this.languages.pop();
    if (this.languages[this.languages.length - 1]?.lang !== lang) this.languages.push({ tick, lang });
  }

  /** Advances one tick; a skip during a cutscene instead runs the cutscene's remaining ticks, within this call. */
  tick(): void {
    const e = this.engine;
    const now = this.vm.tickCount;
    const inputs = this.pending;
    this.pending = [];
    this.cachedScene = null;
    if (e.state.ended) {
      for (const input of inputs) if (input.type !== 'hover') this.refused.push({ tick: now, input, reason: 'the game has ended' });
      return;
    }
    // A skip fast-forwards through ticks of its own at once, so a click queued right after it meets the world after the cutscene.
    let skipped = 0;
    for (const input of inputs) {
      const why = e.state.ended && input.type !== 'hover' ? 'the game has ended' : applyInput(e, input);
      if (why !== null) this.refused.push({ tick: now, input, reason: why });
      else if (input.type !== 'hover') this.log.push({ tick: now, input });
      if (e.skipRequested) skipped += this.fastForward();
    }
    // The skipped ticks stand for this tick when there were any.
    if (skipped > 0) return;
    if (!e.state.ended) this.step();
  }

  /** Queues an input for the next tick; a malformed one (unknown verb or name) is a USAGE CairnError now. */
  input(input: GameInput): void {
    checkInput(this.engine, input);
    this.pending.push(input);
  }

  /**
   * The player has control (docs/language.md, "The player has control"): no cutscene, the controlled
   * actor not walking, no line or walk of a foreground thread (a handler, not
   * a `spawn`ed thread) in progress, no dialog running an option, no handler
   * about to run and no input queued — or a dialog waits for a choice. True
   * once the game has ended: nothing more will happen.
   */
  get hasControl(): boolean {
    const e = this.engine;
    const s = e.state;
    if (s.ended) return true;
    if (this.pending.some((i) => i.type !== 'hover')) return false;
    if (e.dialogWaiting) return true;
    if (e.inCutscene || s.dialogs.length > 0) return false;
    if (s.lines.some((l) => l.foreground)) return false;
    if (s.controlled !== null && s.actors.get(s.controlled)!.walk !== null) return false;
    for (const a of s.actors.values()) if (a.walk !== null && a.walk.thread !== 0 && isForeground(e, a.walk.thread)) return false;
    for (const [id, tag] of s.threads) if (tag.foreground && this.vm.threadInfo(id)?.wait.kind === 'ready') return false;
    return true;
  }

  get ended(): boolean {
    return this.engine.state.ended;
  }

  get tickCount(): number {
    return this.vm.tickCount;
  }

  scene(): Scene {
    this.cachedScene ??= buildScene(this.engine);
    return this.cachedScene;
  }

  targetAt(x: number, y: number): Target | null {
    return targetAt(this.engine, x, y);
  }

  targets(): Target[] {
    return roomTargets(this.engine);
  }

  verbsOf(name: string): string[] {
    return verbsOf(this.engine, name);
  }

  takeAudio(): AudioCommand[] {
    const out = this.engine.audio;
    this.engine.audio = [];
    return out;
  }

  get said(): ReadonlyArray<{ actor: string; text: string }> {
    return this.engine.said;
  }

  get transcript(): readonly string[] {
    return this.lines;
  }

  /** What a player would read so far, in order: lines said, `print` lines, rooms, options, the end (runtime/story.ts). */
  get story(): readonly StoryEvent[] {
    return this.engine.story;
  }

  /** Script errors so far, in order (a thread that fails stops; the game goes on). */
  get errors(): readonly CairnError[] {
    return this.engine.errors;
  }

  /** Inputs refused so far, with the reason. */
  get refusals(): readonly Refusal[] {
    return this.refused;
  }

  /**
   * Evaluates a game expression now (`door.open`, `has(key)`), compiled against
   * the game's module; compile errors (UNKNOWN_NAME with a hint, …) and runtime
   * errors are thrown. Looking changes nothing: not even the random generator.
   */
  evaluate(expression: string): Value {
    let compiled = this.expressions.get(expression);
    if (compiled === undefined) {
      compiled = compileExpression(expression, this.module);
      this.expressions.set(expression, compiled);
    }
    return this.vm.evaluate(compiled.module, compiled.fn);
  }

  /** The value of a global variable. */
  global(name: string): Value {
    return this.vm.getGlobal(name);
  }

  /** `entity.name` as a script would read it (`property("door", "open")`). */
  property(entity: string, name: string): Value {
    const ref = this.engine.state.rooms.has(entity) ? new EntityRef('room', entity) : targetRef(this.engine, entity);
    if (ref === undefined) throw new CairnError('USAGE', `there is no room, object or actor called \`${entity}\``);
    return getProperty(this.engine, ref, name);
  }

  display(value: Value): string {
    return this.vm.display(value);
  }

  /** The debugger (runtime/debugger.ts); USAGE unless the game was created with `debug` options. */
  debugger(): Debugger {
    if (!this.debugging) throw new CairnError('USAGE', 'this game was not started for debugging: the debugger is only for `cairn dev`, never an exported game');
    return (this.debugConsole ??= new Debugger({
      engine: this.engine,
      vm: this.vm,
      evaluate: (expression) => this.evaluate(expression),
      changed: () => (this.cachedScene = null),
    }));
  }

  /** The world state by name, as JSON (for tests and tools; the save holds the same). */
  worldJson(): unknown {
    return encodePlain(this.engine.state, this.fnNames);
  }

  save(): Uint8Array {
    return writeSave(this.identity, this.vm.tickCount, this.engine.state, this.vm.snapshot(), this.fnNames);
  }

  /** Loads a save: everything is read and checked first, the VM restored, then the world swapped in. */
  load(bytes: Uint8Array): void {
    const contents = readSave(bytes, this.identity, this.engine.decls, this.fnNames);
    const before = this.vm.snapshot();
    this.vm.restore(contents.vm);
    if (this.vm.tickCount !== contents.tick) {
      this.vm.restore(before);
      throw damaged('its world and its scripts come from different moments');
    }
    const e = this.engine;
    const world = e.state;
    e.state = contents.world;
    // With its world in place the save must still fit in the game's memory limit.
    try {
      this.vm.measureMemory(false);
    } catch (err) {
      e.state = world;
      this.vm.restore(before);
      throw err instanceof CairnError && err.code === 'MEMORY_EXCEEDED' ? damaged(`it holds more than the game may: ${err.message}`) : err;
    }
    e.walkMaps.clear();
    e.skipRequested = false;
    e.roomMusicDue = false;
    this.pending = [];
    this.cachedScene = null;
    // The audio layer plays what the loaded game plays.
    e.audio.push(e.state.music === null ? { type: 'stop-music', fade: 0 } : { type: 'music', file: e.state.music, fade: 0 });
  }

  /**
   * What a save made now says of itself (runtime/saves/): the game, the room,
   * the play time, and what it needs of the code that loads it — the build
   * and every function a live thread stands in, by name and hash.
   */
  saveInfo(): { game: GameIdentity; room: string | null; ticks: number; needs: { build: string; functions: Array<{ name: string; hash: string }> } } {
    const program = this.vm.program;
    const standing = new Set<number>();
    for (const t of this.vm.state.threads) {
      if (t.state === ThreadState.Done) continue;
      standing.add(t.fn);
      for (let i = 0; i < t.fp; i += 3) standing.add(t.frames[i]!);
    }
    const functions = [...standing].sort((a, b) => a - b).map((i) => ({ name: program.fns[i]!.name, hash: program.fns[i]!.hash }));
    return { game: { ...this.identity }, room: this.engine.state.room, ticks: this.vm.tickCount, needs: { build: program.fingerprint, functions } };
  }

  /** The hash of each function of this game's code, by name (to check what a save needs). */
  functionHashes(): ReadonlyMap<string, string> {
    return new Map(this.vm.program.fns.map((f) => [f.name, f.hash]));
  }

  inputLog(): InputLog {
    const log: InputLog = { format: 1, game: { ...this.identity }, seed: this.seed, inputs: this.log.slice(), ticks: this.vm.tickCount };
    if (this.languages.some((l) => l.lang !== this.vm.texts.source)) log.languages = this.languages.map((l) => ({ ...l }));
    return log;
  }

  /** One tick of the world and its scripts. */
  private step(): void {
    const e = this.engine;
    expireLines(e);
    for (const { then } of advanceWalks(e)) arrive(e, then);
    this.vm.tick();
    forgetDeadThreads(e);
    settleDialogs(e);
    startRoomMusic(e);
    updateAnimations(e);
    followCamera(e);
  }

  /**
   * Skipping a cutscene runs its ticks here, without drawing, so the world ends
   * exactly as a full run leaves it. Sounds and voices are dropped meanwhile;
   * music changes collapse into the one that holds at the end. Stops early
   * when a dialog waits for a choice (the player must pick), or when the
   * scripts have done the work of SKIP_CAP_WORK ticks.
   */
  private fastForward(): number {
    const e = this.engine;
    e.skipRequested = false;
    const musicBefore = e.state.music;
    const audioBefore = e.audio.length;
    let n = 0;
    // A skip does at most the work of SKIP_CAP_WORK ticks, so skipping never freezes the player.
    const most = SKIP_CAP_WORK * this.vm.limits.instructionsPerTick;
    let work = 0;
    e.fastForward = true;
    try {
      for (; n < SKIP_CAP_TICKS && work <= most && e.inCutscene && !e.dialogWaiting && !e.state.ended; n++) {
        this.step();
        work += this.vm.workDone;
      }
    } finally {
      e.fastForward = false;
    }
    e.audio.length = audioBefore;
    const music = e.state.music;
    if (music !== musicBefore) e.audio.push(music === null ? { type: 'stop-music', fade: 0 } : { type: 'music', file: music, fade: 0 });
    return n;
  }
}
