// One opened game inside a <cairn-player>: the worker, the renderer, the
// audio, the controller and the frame loop that ties them together, plus the
// pointer, keyboard and gamepad handling. The element owns the DOM around it
// and the public API; this owns everything that lives as long as one game.

import type { Application } from 'pixi.js';
import type { AudioCommand, GameInput, Scene } from '../../../runtime/game-api.js';
import { AudioPlayer } from '../audio/audio.js';
import { actionForKey, GamepadReader, type Action } from '../input/actions.js';
import type { FrameMessage, GameInfo } from '../protocol.js';
import { boxAt, fitStage, inPanel, optionBoxes, stageFor, toStage, type Fit, type PanelMode, type Stage } from '../render/layout.js';
import { Renderer } from '../render/renderer.js';
import { TextureStore } from '../render/textures.js';
import { isRightToLeft } from '../render/bidi.js';
import { FontStore } from '../render/fonts.js';
import { SelfVoicing } from './self-voicing.js';
import { Controller } from '../ui/controller.js';
import { readingTime, type Settings } from './settings.js';
import type { WorkerClient } from './worker-client.js';

/** What the view tells its element. */
export interface ViewHost {
  /** A line was spoken (for the aria-live log). */
  spoke(text: string): void;
  /** What keyboard and gamepad players should hear now: the sentence line, or the dialog's options. */
  status(text: string): void;
  problem(code: string, message: string): void;
  ended(): void;
  escape(): void;
  menu(): void;
  togglePause(): void;
  /** A cutscene began (true) or ended. */
  cutscene(on: boolean): void;
  /** Key V: self-voicing on or off (a setting, stored). */
  setSelfVoicing(on: boolean): void;
  /** True while a menu or an overlay takes the input. */
  readonly blocked: boolean;
}

/** Frame time figures, for `stats()` and the benchmark. */
export interface FrameStats {
  frames: number;
  /** Milliseconds of main-thread work per frame (scene to pixels), newest last. */
  work: number[];
  /** Milliseconds between animation frames, newest last. */
  intervals: number[];
  /** performance.now() of the first frame drawn with every texture of its scene. */
  firstFrameAt: number | null;
  /** The cap on drawing pixels per game pixel (Infinity: none; 1 after slow frames). */
  resolution: number;
}

const STATS_KEPT = 600;
/** A cutscene hides the verb bar once it has run this many ticks: a pause of a quarter second in a pickup must not make it blink. */
const HIDE_VERBS_AFTER_TICKS = 30;
/** Frames slower than this (ms between draws, median) make the view draw at a lower resolution. */
const SLOW_FRAME_MS = 24;
/** How many drawn frames that decision looks at. */
const ADAPT_FRAMES = 20;

/** A running game's view. */
export class GameView {
  stage: Stage;
  readonly renderer: Renderer;
  readonly audio: AudioPlayer;
  readonly controller: Controller;
  /** Reads lines, options and hovered names aloud when the setting is on. */
  readonly voicing = new SelfVoicing();
  private language: string;
  private rtl: boolean;
  private readonly fonts: FontStore;
  private frame: FrameMessage | null = null;
  private dirty = true;
  private raf = 0;
  private lastRaf = 0;
  /** The last frame drawn was part of an animation the player runs itself (a fade). */
  private animating = false;
  private hoverQueued: GameInput | null = null;
  /** Clicks still waiting for the worker to say what they hit. */
  private inFlight: Promise<unknown> = Promise.resolve();
  private hoverPanel = -1;
  private readonly gamepads = new GamepadReader();
  private lineShownAt = new Map<string, number>();
  private dialogShown = '';
  private sentenceShown = '';
  /** The tick the running cutscene was first seen at, or -1. */
  private cutsceneSince = -1;
  private cursor = '';
  private pointedShown: string | null = null;
  /** Told when the name of what the pointer is over changes (the finger's label follows it). */
  onPointed: () => void = () => {};
  /** The pointer is over a verb of the verb bar. */
  private overVerb = false;
  private firstFramePending = false;
  /** Every texture and font of the first room has arrived: frames are shown from now on. */
  private firstPictureReady = false;
  private audioDue: AudioCommand[] = [];
  readonly stats: FrameStats = { frames: 0, work: [], intervals: [], firstFrameAt: null, resolution: Infinity };
  private maxResolution = Infinity;
  private lastFit: Fit | null = null;
  /** Intervals between consecutive frames that both drew (idle frames say nothing about drawing cost). */
  private readonly drawnIntervals: number[] = [];
  private drewLastFrame = false;
  private readonly reducedMotion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)');

  private constructor(
    readonly info: GameInfo,
    private readonly client: WorkerClient,
    private readonly host: ViewHost,
    renderer: Renderer,
    private readonly textures: TextureStore,
    public settings: Settings,
  ) {
    this.language = info.language;
    this.rtl = isRightToLeft(info.language);
    this.voicing.lang = info.language;
    this.voicing.set(settings.selfVoicing, false);
    this.fonts = new FontStore(
      info.fonts,
      (path) => client.request('asset', { path }),
      (path, e) => host.problem('BUNDLE_FONT', `cannot use the font ${path}: ${e instanceof Error ? e.message : String(e)}`),
      // The family names change once a face has loaded, so every text restyles with it.
      () => (this.dirty = true),
    );
    this.stage = renderer.stage;
    this.renderer = renderer;
    this.audio = new AudioPlayer(
      (path) => client.request('asset', { path }),
      (path, e) => host.problem('ASSET', `cannot play ${path}: ${e instanceof Error ? e.message : String(e)}`),
    );
    this.audio.setVolumes({ music: settings.music, sound: settings.sound, speech: settings.speech });
    this.controller = new Controller(info.ui, (input) => {
      client.input(input);
      this.dirty = true;
    });
  }

  /** Creates the view of an opened game. */
  static create(app: Application, info: GameInfo, client: WorkerClient, host: ViewHost, settings: Settings): GameView {
    let view: GameView | null = null;
    const textures = new TextureStore(
      (path) => client.request('asset', { path }),
      info.pixelArt,
      (path, e) => host.problem('ASSET', `cannot show ${path}: ${e instanceof Error ? e.message : String(e)}`),
      () => {
        if (view) view.dirty = true;
      },
    );
    const stage = stageFor(info.resolution, info.ui);
    const renderer = Renderer.create(app, stage, info.ui, textures);
    view = new GameView(info, client, host, renderer, textures, settings);
    return view;
  }

  /** Takes a frame from the worker. */
  receive(frame: FrameMessage): void {
    this.frame = frame;
    this.controller.update(frame);
    // Sounds load after the frame is drawn: a big music file must not hold up the first picture.
    this.audioDue.push(...frame.audio);
    for (const line of frame.said) {
      this.host.spoke(line.actor === '' ? line.text : `${line.actor}: ${line.text}`);
      this.voicing.read(line.text, 'line');
    }
    // One voice at a time: the first voiced line on screen; none left stops it (the line ended, or `.` skipped it).
    this.audio.voiceLine(frame.scene.speech.find((l) => l.voice !== undefined)?.voice?.asset ?? null);
    for (const line of frame.printed) console.info(`[game] ${line}`);
    if (frame.scene.ended) this.host.ended();
    if (frame.scene.cutscene !== this.cutsceneSince >= 0) this.host.cutscene(frame.scene.cutscene);
    if (!frame.scene.cutscene) this.cutsceneSince = -1;
    else if (this.cutsceneSince < 0) this.cutsceneSince = frame.scene.tick;
    const dialog = frame.scene.dialog?.options.map((o, i) => `${i + 1}. ${o}`).join(', ') ?? '';
    if (dialog !== this.dialogShown) {
      this.dialogShown = dialog;
      this.hoverPanel = -1;
      if (dialog !== '') this.status(`Choose: ${dialog}`);
    }
    this.dirty = true;
  }

  /** Starts drawing on every animation frame. */
  start(): void {
    if (this.raf !== 0) return;
    const loop = (now: number) => {
      this.raf = requestAnimationFrame(loop);
      this.tick(now);
    };
    this.raf = requestAnimationFrame(loop);
  }

  /** Stops drawing (the element was removed). */
  destroy(): void {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.audio.destroy();
    this.voicing.stop();
    this.fonts.destroy();
    this.renderer.destroy();
  }

  /** Lays the canvas out in a box of CSS pixels, with the panel where `mode` puts it. */
  fit(width: number, height: number, pixelPerfect: boolean, mode: PanelMode = 'below'): void {
    if (mode !== this.stage.mode) {
      this.stage = stageFor(this.info.resolution, this.info.ui, mode);
      this.renderer.setStage(this.stage);
    }
    this.lastFit = fitStage(this.stage, width, height, pixelPerfect);
    this.renderer.resize(this.lastFit, this.maxResolution);
    this.dirty = true;
  }

  /**
   * Dynamic resolution: when frames that draw come slower than SLOW_FRAME_MS
   * (median of the last ADAPT_FRAMES), draw at one drawing pixel per game pixel
   * and let CSS scale up; a GPU that keeps up never gets here.
   */
  private adaptResolution(): void {
    if (this.maxResolution === 1 || this.lastFit === null || this.drawnIntervals.length < ADAPT_FRAMES) return;
    const sorted = [...this.drawnIntervals].sort((a, b) => a - b);
    this.drawnIntervals.length = 0;
    if (sorted[sorted.length >> 1]! <= SLOW_FRAME_MS || this.lastFit.scale * (globalThis.devicePixelRatio || 1) <= 1) return;
    this.maxResolution = 1;
    this.stats.resolution = 1;
    this.renderer.resize(this.lastFit, 1);
  }

  /** Takes new settings: volumes, self-voicing, and what the next frame draws. */
  applySettings(s: Settings): void {
    this.settings = s;
    this.audio.setVolumes({ music: s.music, sound: s.sound, speech: s.speech });
    this.voicing.set(s.selfVoicing);
    this.dirty = true;
  }

  /** The language the game plays in now. */
  get currentLanguage(): string {
    return this.language;
  }

  /** Plays on in `lang` (one the game offers): the next line, names, verbs and options are in it, in its fonts. */
  async setLanguage(lang: string): Promise<void> {
    await this.client.request('setLanguage', { lang });
    this.language = lang;
    this.rtl = isRightToLeft(lang);
    this.voicing.lang = lang;
    this.dirty = true;
  }

  /** What keyboard and screen-reader players hear now, read aloud too when self-voicing is on. */
  private status(text: string): void {
    this.host.status(text);
    this.voicing.read(text, 'status');
  }

  /** The latest frame. */
  get latest(): FrameMessage | null {
    return this.frame;
  }

  private tick(now: number): void {
    const interval = this.lastRaf === 0 ? 0 : now - this.lastRaf;
    if (interval > 0) push(this.stats.intervals, interval);
    this.lastRaf = now;
    const drewBefore = this.drewLastFrame;
    this.drewLastFrame = false;
    this.pollGamepads();
    if (this.hoverQueued !== null) {
      this.client.input(this.hoverQueued);
      this.hoverQueued = null;
    }
    const frame = this.frame;
    if (frame === null) return;
    this.autoSkip(frame, now);
    // Nothing changed and nothing animates (a fade): the canvas already shows this frame.
    if (!this.dirty && !this.animating) return this.flushAudio();
    this.dirty = false;
    const started = performance.now();
    const c = this.controller;
    const focused = c.focused();
    const sentence = c.sentence();
    if (sentence !== this.sentenceShown) {
      this.sentenceShown = sentence;
      // The sentence line as the pointer moves, for screen readers (a dialog's options speak for themselves).
      if (sentence !== '' && frame.scene.dialog === null) this.host.status(sentence);
    }
    this.setCursor(frame);
    const pointed = c.pointedName();
    if (pointed !== this.pointedShown) {
      this.pointedShown = pointed;
      // The hovered name, read aloud (the sentence line goes to the status region only).
      if (pointed !== null && pointed !== '') this.voicing.read(pointed, 'status');
      this.onPointed();
    }
    const fonts = this.fonts.familiesFor(this.language);
    // Until the first room's textures and fonts are in, frames are built (which asks for them) but not shown:
    // a half-drawn room would flash, and in software WebGL each frame shown costs a tenth of a second the whole picture waits for.
    // The scene before the first tick (tick 0) shows nothing of the game yet: it is built, not shown, for the same reason.
    const present = this.firstPictureReady || this.stats.firstFrameAt !== null || (frame.scene.layers.length === 0 && frame.scene.tick > 0);
    this.animating = this.renderer.draw(
      frame.scene,
      {
        verb: c.verb,
        holding: c.holding,
        sentence,
        hoverOption: this.hoverPanel,
        hideVerbs: this.cutsceneSince >= 0 && frame.scene.tick - this.cutsceneSince >= HIDE_VERBS_AFTER_TICKS,
        focusInventory: focused?.kind === 'inventory' ? focused.index : -1,
        focusPoint: focused?.kind === 'room' ? { x: focused.target.x, y: focused.target.y } : null,
        textScale: this.settings.textSize,
        subtitles: this.settings.subtitles,
        fonts,
        rtl: this.rtl,
        reducedMotion: this.reducedMotion?.matches ?? false,
      },
      now,
      present,
    );
    push(this.stats.work, performance.now() - started);
    this.stats.frames += 1;
    this.flushAudio();
    if (drewBefore && interval > 0) this.drawnIntervals.push(interval);
    this.drewLastFrame = true;
    this.adaptResolution();
    if (this.stats.firstFrameAt === null && frame.scene.layers.length > 0 && !this.firstFramePending) {
      this.firstFramePending = true;
      performance.mark('cairn:first-scene');
      // The frame after every texture of the first room arrived is the first real picture.
      void Promise.all([this.textures.settled(), this.fonts.settled()]).then(() => {
        this.firstPictureReady = true;
        this.dirty = true;
        requestAnimationFrame(() => {
          this.stats.firstFrameAt ??= performance.now();
          performance.mark('cairn:first-frame');
        });
      });
    }
  }

  /** Plays the audio of frames received, after their textures were asked for. */
  private flushAudio(): void {
    if (this.audioDue.length === 0) return;
    const due = this.audioDue;
    this.audioDue = [];
    this.audio.play(due);
  }

  /** Faster text speeds skip a line once it has been shown long enough to read. */
  private autoSkip(frame: FrameMessage, now: number): void {
    const speech = frame.scene.speech;
    const seen = new Map<string, number>();
    for (const line of speech) {
      const key = `${line.actor}\u0000${line.text}`;
      const since = this.lineShownAt.get(key) ?? now;
      seen.set(key, since);
      if (!frame.hasControl && now - since > readingTime(line.text, this.settings.textSpeed)) {
        this.controller.skipLine();
        seen.set(key, Infinity);
      }
    }
    this.lineShownAt = seen;
  }

  /** Pointer moved over the canvas at CSS offset (x, y). */
  pointerMove(x: number, y: number, canvas: DOMRect): void {
    const p = toStage(this.stage, canvas.width, canvas.height, x, y);
    if (!inPanel(this.stage, p.x, p.y) && !this.frame?.scene.dialog) {
      this.hoverQueued = { type: 'hover', x: Math.round(p.x), y: Math.round(p.y) };
      this.controller.pointer = { kind: 'room' };
      this.overVerb = false;
      this.setPanelHover(-1);
    } else {
      const dialog = this.frame?.scene.dialog;
      this.setPanelHover(dialog ? boxAt(optionBoxes(this.stage, this.renderer.panelLayout, dialog.options.length).boxes, p.x, p.y) : -1);
      const item = this.itemAt(p.x, p.y);
      this.controller.pointer = item === undefined ? { kind: 'none' } : { kind: 'item', id: item.id };
      const verbs = this.frame?.scene.verbs.length ?? 0;
      this.overVerb = this.info.ui === 'verbs' && !dialog && boxAt(this.renderer.panelLayout.verbs.slice(0, verbs), p.x, p.y) >= 0;
    }
    // Moving the mouse hands the pointer back from the keyboard focus.
    this.controller.focus = null;
    this.dirty = true;
  }

  /** The pointer left the canvas: the sentence names nothing. */
  pointerLeave(): void {
    this.controller.pointer = { kind: 'none' };
    this.overVerb = false;
    this.dirty = true;
  }

  /** The inventory item drawn at stage point (x, y), or undefined. */
  private itemAt(x: number, y: number): Scene['inventory'][number] | undefined {
    const scene = this.frame?.scene;
    if (!scene || scene.dialog) return undefined;
    const slot = boxAt(this.renderer.panelLayout.inventory, x, y);
    return slot >= 0 ? scene.inventory[slot] : undefined;
  }

  /** A pointing hand over things that can be acted on (room hotspots, verbs, items, options). */
  private setCursor(frame: FrameMessage): void {
    const s = frame.scene;
    const p = this.controller.pointer;
    const hot = !s.cutscene && (this.hoverPanel >= 0 || (p.kind === 'room' && s.hover !== null) || p.kind === 'item' || this.overVerb);
    const cursor = hot ? 'pointer' : 'crosshair';
    if (cursor !== this.cursor) {
      this.cursor = cursor;
      this.renderer.canvas.style.cursor = cursor;
    }
  }

  /** A click (button 0) or right click (button 2) at CSS offset (x, y) of the canvas. */
  async pointerDown(x: number, y: number, button: number, canvas: DOMRect): Promise<void> {
    this.audio.unlock();
    const frame = this.frame;
    if (frame === null || this.host.blocked) return;
    const p = toStage(this.stage, canvas.width, canvas.height, x, y);
    const c = this.controller;
    this.dirty = true;
    // Dialog options may cover the room screen (the side panel): while one waits, every click goes to its options.
    if (inPanel(this.stage, p.x, p.y) || frame.scene.dialog) return this.panelClick(p.x, p.y, button);
    if (button === 0 && c.clickSkips) return c.skipLine();
    // A plain walk click needs no round trip: the runtime finds what is there itself.
    if (button === 0 && this.info.ui === 'verbs' && c.verb === null && c.holding === null) return c.clickRoom(p.x, p.y, null);
    const act = this.client.request('targetAt', { x: p.x, y: p.y }).then((target) => {
      if (button === 2) c.secondaryClick(target);
      else c.clickRoom(p.x, p.y, target);
    });
    this.inFlight = Promise.all([this.inFlight, act.catch(() => undefined)]);
    await act;
  }

  /** Resolves once every click already made has reached the game as an input (some wait for a round trip). */
  inputsSent(): Promise<void> {
    return this.inFlight.then(() => undefined);
  }

  private panelClick(x: number, y: number, button: number): void {
    const scene = this.frame!.scene;
    const L = this.renderer.panelLayout;
    const c = this.controller;
    if (scene.dialog) {
      const i = boxAt(optionBoxes(this.stage, L, scene.dialog.options.length).boxes, x, y);
      if (i >= 0) c.choose(i + 1);
      return;
    }
    const verb = boxAt(L.verbs.slice(0, scene.verbs.length), x, y);
    if (verb >= 0 && this.info.ui === 'verbs') {
      if (!scene.cutscene) c.pickVerb(scene.verbs[verb]!.id);
      return;
    }
    const slot = boxAt(L.inventory, x, y);
    const item = slot >= 0 ? scene.inventory[slot] : undefined;
    if (item === undefined) return;
    if (button === 2) c.secondaryClick(item);
    else c.clickInventory(item.id);
  }

  /** A key press; returns true when the player used it (the page should not: a Tab past the last thing is the page's). */
  key(key: string, shift: boolean): boolean {
    const action = actionForKey(key, shift);
    if (action === null) return false;
    this.audio.unlock();
    const options = this.frame?.scene.dialog?.options.length ?? 0;
    // Tab past a dialog's last option (or Shift+Tab before its first) leaves the element too: no keyboard trap.
    if (action.type === 'focus' && action.leaves && options > 0 && ((action.step === 1 && this.hoverPanel === options - 1) || (action.step === -1 && this.hoverPanel === 0))) {
      this.hoverPanel = -1;
      this.dirty = true;
      return false;
    }
    if (action.type === 'focus' && action.leaves && !this.host.blocked && options === 0) {
      const moved = this.controller.cycleFocus(action.step, true) !== undefined;
      this.dirty = true;
      this.host.status(moved ? this.controller.sentence() : '');
      return moved;
    }
    this.act(action);
    return true;
  }

  /** Carries out a key or gamepad action. */
  act(action: Action): void {
    const c = this.controller;
    const scene = this.frame?.scene;
    this.dirty = true;
    switch (action.type) {
      case 'menu':
        return this.host.menu();
      case 'pause':
        return this.host.togglePause();
      case 'self-voicing':
        return this.host.setSelfVoicing(!this.voicing.enabled);
      case 'escape':
        if (scene?.cutscene) return c.skip();
        return this.host.escape();
    }
    if (this.host.blocked) return;
    const inDialog = this.frame?.scene.dialog != null;
    this.actInGame(action);
    if (!inDialog && (action.type === 'focus' || action.type === 'verb' || action.type === 'activate')) this.host.status(c.sentence());
  }

  private actInGame(action: Action): void {
    const c = this.controller;
    const scene = this.frame?.scene;
    if (scene?.dialog && this.actInDialog(action, scene.dialog.options)) return;
    switch (action.type) {
      case 'focus':
        c.cycleFocus(action.step);
        return;
      case 'activate':
        return c.activateFocus();
      case 'look':
        return c.lookAtFocus();
      case 'verb':
        if (this.info.ui === 'verbs') c.cycleVerb(action.step);
        return;
      case 'number':
        if (scene?.dialog) c.choose(action.n);
        else if (this.info.ui === 'verbs' && scene && action.n <= scene.verbs.length) c.pickVerb(scene.verbs[action.n - 1]!.id);
        return;
      case 'skip-line':
        return c.skipLine();
    }
  }

  /** While a dialog waits, arrows and the d-pad move through its options and Enter or A picks one. */
  private actInDialog(action: Action, options: readonly string[]): boolean {
    const n = options.length;
    if (action.type === 'focus' || action.type === 'verb') {
      this.hoverPanel = this.hoverPanel < 0 ? (action.step === 1 ? 0 : n - 1) : (this.hoverPanel + action.step + n) % n;
      this.status(`${this.hoverPanel + 1}. ${options[this.hoverPanel]}`);
      return true;
    }
    if (action.type === 'activate' && this.hoverPanel >= 0 && this.hoverPanel < n) {
      this.controller.choose(this.hoverPanel + 1);
      this.hoverPanel = -1;
      return true;
    }
    return false;
  }

  private pollGamepads(): void {
    const pads = typeof navigator.getGamepads === 'function' ? navigator.getGamepads() : [];
    if (pads.length === 0) return;
    for (const action of this.gamepads.poll(pads)) this.act(action);
  }

  private setPanelHover(i: number): void {
    if (i !== this.hoverPanel) {
      this.hoverPanel = i;
      this.dirty = true;
      const option = this.frame?.scene.dialog?.options[i];
      if (option !== undefined) this.voicing.read(`${i + 1}. ${option}`, 'status');
    }
  }
}

function push(list: number[], value: number): void {
  list.push(value);
  if (list.length > STATS_KEPT) list.shift();
}
