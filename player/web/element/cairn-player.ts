// <cairn-player src="game.cairn">: the element website owners embed. Owns the
// shadow DOM (canvas, overlays, menu, aria-live region), the attributes and
// the public JS API (open, pause, resume, save, load, perform, evaluate) and
// its events (ready, error, save, end). The game itself runs in a Worker.

import type { ErrorView, FrameMessage, GameInfo, ReloadOutcome } from '../protocol.js';
import { panelModeFor } from '../render/layout.js';
import type { DebugWhereabouts } from '../../../runtime/debugger.js';
import { Renderer } from '../render/renderer.js';
import { gamesWithSlot, SaveStore, type SlotInfo } from '../saves/save-store.js';
import { ServerSaveStore, type GameSaves } from '../saves/server-save-store.js';
import { GameView, type FrameStats, type ViewHost } from './game-view.js';
import { Menu } from './menu.js';
import { loadSettings, storeSettings, type Settings } from './settings.js';
import { playerStyles } from './styles.js';
import { div } from './shadow-parts.js';
import { bindPointer } from './pointer-input.js';
import { ScreenControls } from './screen-controls.js';
import { ErrorPanel } from './error-panel.js';
import { audioMayStart, bytesOf, discard, seedOf } from './startup.js';
import { endScreen, messageScreen, ProgressScreen, startScreen } from './screens.js';
import { preferredLanguages } from './languages.js';
import { Autosave, AUTOSAVE_SLOT, autosavedBytes } from './autosave.js';
import { GameError, WorkerClient } from './worker-client.js';
import { acceptDroppedSaves, download, downloadReport, exportName, exportSlot, importFile, saveFileOf } from './save-transfer.js';

export { AUTOSAVE_SLOT } from './autosave.js';
/** How many spoken lines the aria-live region keeps. */
const LIVE_LINES = 20;

/** The <cairn-player> element. */
export class CairnPlayer extends HTMLElement {
  static readonly observedAttributes = ['src', 'muted', 'fit', 'pixel-perfect', 'lang'];

  private readonly shadow: ShadowRoot;
  private readonly stageBox: HTMLDivElement;
  private readonly overlay: HTMLDivElement;
  private readonly live: HTMLDivElement;
  private readonly status: HTMLDivElement;
  private readonly menu: Menu;
  private readonly errorPanel: ErrorPanel;
  private readonly controls: ScreenControls;
  private client: WorkerClient | null = null;
  private view: GameView | null = null;
  private saves: GameSaves | null = null;
  private settings: Settings = loadSettings();
  private running = false;
  private wantRunning = false;
  private opening: Promise<void> | null = null;
  /** The open() in progress, as it will settle (API calls made before `ready` wait on it). */
  private openRun: Promise<void> | null = null;
  /** The game has been started (played) since it opened; API calls that need game time wait for it. */
  private started = false;
  private startWaiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  private generation = 0;
  private resizeObserver: ResizeObserver | null = null;
  private endedFired = false;
  /** The open game's autosave. */
  private autosave: Autosave | null = null;

  constructor() {
    super();
    // Open, so tools and assistive technology can look in; styles stay scoped either way.
    this.shadow = this.attachShadow({ mode: 'open' });
    this.shadow.adoptedStyleSheets = [playerStyles()];
    this.stageBox = div('stage');
    this.overlay = div('overlay');
    this.overlay.hidden = true;
    this.live = div('live');
    this.live.setAttribute('role', 'log');
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('aria-label', 'Spoken lines');
    this.status = div('live status');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.menu = new Menu({
      resume: () => this.closeMenu(),
      listSlots: () => this.saves?.list() ?? Promise.resolve([]),
      save: async (slot, name) => void (await this.save(slot, name)),
      load: (slot) => this.load(slot),
      remove: (slot) => this.need().saves.remove(slot),
      exportSlot: async (slot, name) => download(await this.exportSave(slot), exportName(this.view?.info.title ?? 'Cairn', name)),
      importFile: (file) => this.importSave(file),
      report: () => this.downloadReport(),
      restart: () => this.restart(),
      fullscreen: () => void this.fullscreen(),
      settings: () => this.settings,
      changeSettings: (s) => this.applySettings(s),
      languages: () => (this.view ? { offered: this.view.info.languages.offered, current: this.view.currentLanguage } : null),
      setLanguage: (lang) => (this.view?.setLanguage(lang) ?? Promise.resolve()).catch((e: unknown) => this.fail('LANGUAGE', e instanceof Error ? e.message : String(e), false)),
    });
    this.controls = new ScreenControls({
      skip: () => this.view?.controller.skip(),
      menu: () => this.openMenu(),
      fullscreen: () => void this.fullscreen(),
    });
    this.errorPanel = new ErrorPanel(() => this.need().client.request('report', {}), () => this.downloadReport());
    this.shadow.append(this.stageBox, this.controls.bar, this.controls.finger, this.overlay, this.controls.portrait, this.menu.root, this.errorPanel.root, this.live, this.status);
    this.addEventListener('keydown', (e) => this.onKey(e));
    this.addEventListener('contextmenu', (e) => e.preventDefault());
    acceptDroppedSaves(this, {
      open: () => this.view !== null,
      importSave: (file) => this.importSave(file),
      said: (line) => ((this.status.textContent = line), this.menu.isOpen && this.menu.open('load')),
    });
  }

  // ---- public API ------------------------------------------------------

  /** True once a game is open and drawn. */
  get ready(): boolean {
    return this.view !== null;
  }

  /** What the open game's manifest says (id, title, resolution, …), or null. */
  get game(): GameInfo | null {
    return this.view?.info ?? null;
  }

  /** Opens a bundle from a URL (relative to the page) or from its bytes. */
  open(source: string | URL | ArrayBuffer | Uint8Array): Promise<void> {
    const run = this.openNow(source);
    this.openRun = run;
    this.opening = run.catch(() => undefined);
    return run;
  }

  /** Stops game time, sound and drawing changes (Space does the same). */
  pause(): void {
    this.wantRunning = false;
    this.setRunning(false);
    if (this.view) this.showButton('Paused: click or press Space to go on');
  }

  /** Starts game time again. */
  resume(): void {
    performance.mark('cairn:resume');
    const hadFocus = this.matches(':focus-within');
    this.wantRunning = true;
    this.hideOverlay();
    // The button that had the focus is gone: the game takes it, so keys (Escape to skip) work at once.
    if (hadFocus) this.focus({ preventScroll: true });
    this.view?.audio.unlock();
    this.setRunning(true);
    if (this.view !== null && !this.started) {
      this.started = true;
      for (const w of this.startWaiters.splice(0)) w.resolve();
    }
  }

  /** Saves the game in a named slot (IndexedDB, per game id); fires `save`. */
  async save(slot: string, name: string = slot): Promise<SlotInfo> {
    const { client, view, saves } = this.need();
    await view.inputsSent();
    const thumbnail = thumbnailOf(view);
    const bytes = await saveFileOf(client, String(slot), String(name), thumbnail);
    const info = await saves.put(String(slot), bytes, String(name), thumbnail);
    this.dispatchEvent(new CustomEvent('save', { detail: { slot: info.slot, name: info.name, date: info.date } }));
    return info;
  }

  /** Loads a slot saved before (also after a reload). */
  async load(slot: string): Promise<void> {
    const { client, saves } = this.need();
    const bytes = await saves.get(String(slot));
    if (bytes === null) throw new GameError('USAGE', `there is no save in slot "${slot}"`);
    await client.request('load', { bytes }, [bytes]);
    // A save loaded at the end screen plays on from it.
    if (this.endedFired) {
      this.endedFired = false;
      this.hideOverlay();
    }
    // The autosave on exit must not bring back the game from before this load.
    await this.autosave?.refresh().catch(() => undefined);
  }

  /** The slots saved for this game, newest first. */
  listSaves(): Promise<SlotInfo[]> {
    return this.need().saves.list();
  }

  /** A slot as a `.cairnsave` file (docs/saves.md), to download or carry to another player. */
  exportSave(slot: string): Promise<Blob> {
    return exportSlot(this.need().saves, String(slot));
  }

  /**
   * Stores a `.cairnsave` file in a slot (default: the slot it was saved in)
   * and resolves to the slot's name; another game's save, a newer format or a
   * damaged file rejects with a CairnError naming why, and nothing changes.
   */
  async importSave(file: Blob | ArrayBuffer | Uint8Array, slot?: string): Promise<string> {
    const { client, saves } = this.need();
    return importFile(client, saves, file, slot);
  }

  /**
   * Runs one walkthrough command (`do pickup shell`); resolves when the player
   * has control again. Called before the game was started, it waits for the
   * start; during a cutscene, for control (at most ten minutes of game time).
   */
  async perform(command: string): Promise<void> {
    await this.whenStarted();
    const { client, view } = this.need();
    // Clicks made before this call reach the game before the command does.
    await view.inputsSent();
    await client.request('perform', { command: String(command) });
  }

  /** The value of a game expression (`door.open`, `tries`), as plain data; called before `ready`, it waits for the game to open. */
  async evaluate(expression: string): Promise<unknown> {
    await this.whenOpen();
    const { client, view } = this.need();
    await view.inputsSent();
    const r = await client.request('evaluate', { expression: String(expression) });
    return r.value;
  }

  /** Starts the game over from `on start`. */
  async restart(): Promise<void> {
    this.endedFired = false;
    await this.need().client.request('restart', {});
  }

  /** Resolves once a game is open; rejects with the opening's error, or USAGE when nothing is being opened. */
  private async whenOpen(): Promise<void> {
    if (this.view !== null) return;
    if (this.openRun === null) throw new GameError('USAGE', 'no game is open: give the element a `src` or call open()');
    await this.openRun;
  }

  /** Resolves once the open game has been started (the "Click to play" was clicked, or it autoplayed). */
  private async whenStarted(): Promise<void> {
    await this.whenOpen();
    if (this.started) return;
    await new Promise<void>((resolve, reject) => this.startWaiters.push({ resolve, reject }));
  }

  /**
   * `cairn dev` only (the `dev` attribute, read when a game opens): carries
   * the running game over to a rebuilt bundle — in place when its save loads
   * into the new build, else restarted in the same room. New art or a new
   * stage size gets a fresh view, with the game state carried across.
   */
  async devReload(bytes: ArrayBuffer): Promise<ReloadOutcome> {
    const { client, view } = this.need();
    await view.inputsSent();
    const copy = bytes.slice(0);
    const { info, outcome } = await client.request('reload', { bytes }, [bytes]);
    const old = view.info;
    const sameStage = info.resolution[0] === old.resolution[0] && info.resolution[1] === old.resolution[1] && info.ui === old.ui && info.pixelArt === old.pixelArt;
    if (sameStage && outcome.changedAssets.length === 0) return outcome;
    const state = await client.request('save', {});
    const wasRunning = this.wantRunning;
    await this.open(copy);
    await this.need().client.request('load', { bytes: state }, [state]);
    if (wasRunning) this.resume();
    return outcome;
  }

  /** `cairn dev` only: runs one debugger console line (`threads`, `eval x`, `go room`); resolves with its text. */
  async devConsole(line: string): Promise<string> {
    const { client, view } = this.need();
    await view.inputsSent();
    return client.request('console', { line: String(line) });
  }

  /** `cairn dev` only: the current room, camera and actors' places, for the room editor. */
  async devWhereabouts(): Promise<DebugWhereabouts> {
    return this.need().client.request('whereabouts', {});
  }

  /** Opens the menu (Escape, F5), at its main page or at Load. */
  openMenu(page: 'main' | 'load' = 'main'): void {
    if (!this.view) return;
    this.setRunning(false);
    this.menu.open(page);
  }

  /** Enters or leaves fullscreen. */
  async fullscreen(): Promise<void> {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await this.requestFullscreen({ navigationUI: 'hide' });
  }

  /** Frame time figures, the music playing, whether game time runs and the renderer (WebGL or canvas), for the benchmark and debugging. */
  stats(): (FrameStats & { music: string | null; voice: string | null; language: string; running: boolean; renderer: string }) | null {
    const view = this.view;
    return view ? { ...view.stats, music: view.audio.playing, voice: view.audio.voicePlaying, language: view.currentLanguage, running: this.running, renderer: view.renderer.app.renderer.name } : null;
  }

  // ---- lifecycle -------------------------------------------------------

  connectedCallback(): void {
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.setAttribute('role', 'application');
    if (!this.hasAttribute('aria-label')) this.setAttribute('aria-label', 'Adventure game');
    this.resizeObserver = new ResizeObserver(() => this.layout());
    this.resizeObserver.observe(this);
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('pagehide', this.onPageHide);
    const src = this.getAttribute('src');
    if (src && !this.client && !this.opening) void this.open(src).catch(() => undefined);
  }

  disconnectedCallback(): void {
    this.autosave?.write();
    this.resizeObserver?.disconnect();
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('pagehide', this.onPageHide);
    this.close();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'src' && value && value !== old && this.isConnected) void this.open(value).catch(() => undefined);
    if (name === 'muted' && this.view) this.view.audio.muted = value !== null;
    if (name === 'fit' || name === 'pixel-perfect') this.layout();
    // A new `lang` switches the game's language when the game offers it.
    if (name === 'lang' && value && this.view?.info.languages.offered.includes(value)) void this.view.setLanguage(value).catch((e: unknown) => this.fail('LANGUAGE', String(e), false));
  }

  // ---- inside ----------------------------------------------------------

  private async openNow(source: string | URL | ArrayBuffer | Uint8Array): Promise<void> {
    const generation = ++this.generation;
    this.close();
    // The GL context, the autoplay probe, the worker and the download all start at once.
    const app = Renderer.startApplication();
    const mayPlay = this.hasAttribute('autoplay') ? audioMayStart() : Promise.resolve(false);
    // `cairn dev` carries its game over by itself: no Continue there.
    const serverSaves = this.getAttribute('saves') === 'server';
    const autosaves = this.hasAttribute('dev') || serverSaves ? null : gamesWithSlot(AUTOSAVE_SLOT).catch(() => null);
    let view: GameView | null = null;
    const early: FrameMessage[] = [];
    const client = new WorkerClient(
      (frame) => (view ? view.receive(frame) : early.push(frame)),
      (error) => this.fail(error.code, error.message, false, error),
    );
    this.client = client;
    try {
      const progress = new ProgressScreen();
      this.overlay.replaceChildren(progress.root);
      this.overlay.hidden = false;
      const bytes = await bytesOf(source, (loaded, total) => progress.update(loaded, total));
      performance.mark('cairn:fetched');
      if (generation !== this.generation) return discard(app);
      const info = await client.request('open', { bytes, seed: seedOf(this.getAttribute('seed')), dev: this.hasAttribute('dev'), languages: preferredLanguages(this) }, [bytes]);
      performance.mark('cairn:opened');
      const started = await app;
      if (generation !== this.generation) return discard(app);
      view = GameView.create(started, info, client, this.host(), this.settings);
      performance.mark('cairn:renderer');
      for (const f of early) view.receive(f);
      this.view = view;
      // saves="server": `cairn play` keeps saves as files on disk (player/desktop/save-api.ts).
      this.saves = serverSaves ? new ServerSaveStore(info.id) : new SaveStore(info.id);
      view.audio.muted = this.hasAttribute('muted');
      this.toggleAttribute('data-pixel', info.pixelArt);
      view.renderer.canvas.setAttribute('aria-hidden', 'true');
      this.stageBox.replaceChildren(view.renderer.canvas);
      bindPointer(view, this.controls, {
        pressed: () => this.focus({ preventScroll: true }),
        failed: (err) => this.fail('INPUT', String(err), false),
      });
      this.layout();
      view.start();
      this.endedFired = false;
      this.hideOverlay();
      this.dispatchEvent(new CustomEvent('ready', { detail: { ...info } }));
      const shown = view;
      this.autosave = new Autosave(
        this.saves,
        { snapshot: async (thumbnail = thumbnailOf(shown)) => ({ bytes: await saveFileOf(client, AUTOSAVE_SLOT, 'Autosave', thumbnail), thumbnail }), isRunning: () => this.running },
        this.settings.autosaveMinutes,
      );
      const play = await mayPlay;
      // Known before the first picture is drawn, so an autoplaying game's first tick need not wait behind it.
      const saved = this.hasAttribute('dev') ? null : await autosavedBytes(this.saves, info.id, autosaves);
      if (generation !== this.generation) return;
      // An autosave waits: the player chooses to go on with it or to start afresh, autoplay or not.
      if (saved !== null) this.showStart(saved);
      else if (play) this.resume();
      else this.showStart(null);
    } catch (e) {
      if (generation !== this.generation) return;
      if (view === null) discard(app);
      const err = e instanceof GameError ? e : new GameError('LOAD', e instanceof Error ? e.message : String(e));
      this.close();
      this.fail(err.code, err.view?.text ?? err.message, true);
      throw err;
    }
  }

  private close(): void {
    this.setRunning(false);
    this.started = false;
    for (const w of this.startWaiters.splice(0)) w.reject(new GameError('CLOSED', 'the player was closed before the game started'));
    this.autosave?.stop();
    this.autosave = null;
    this.view?.destroy();
    this.view = null;
    this.client?.terminate();
    this.client = null;
    this.saves = null;
    this.menu.close();
    this.errorPanel.hide();
    this.stageBox.replaceChildren();
    this.live.replaceChildren();
    this.status.textContent = '';
  }

  private need(): { client: WorkerClient; view: GameView; saves: GameSaves } {
    if (!this.client || !this.view || !this.saves) throw new GameError('USAGE', 'no game is open (wait for the `ready` event)');
    return { client: this.client, view: this.view, saves: this.saves };
  }

  /** What the game view may ask of the element. */
  private host(): ViewHost {
    const menu = this.menu;
    const overlay = this.overlay;
    const controls = this.controls;
    return {
      spoke: (text) => this.speak(text),
      status: (text) => (this.status.textContent = text),
      problem: (code, message) => this.fail(code, message, false),
      ended: () => {
        if (this.endedFired) return;
        this.endedFired = true;
        this.showEnd();
        this.dispatchEvent(new CustomEvent('end'));
      },
      escape: () => (menu.isOpen ? this.closeMenu() : this.openMenu()),
      menu: () => (menu.isOpen ? this.closeMenu() : this.openMenu()),
      togglePause: () => (this.running ? this.pause() : this.resume()),
      cutscene: (on) => (this.controls.cutscene = on),
      setSelfVoicing: (on) => this.applySettings({ ...this.settings, selfVoicing: on }),
      get blocked() {
        return menu.isOpen || !overlay.hidden || controls.hinting;
      },
    };
  }

  private onKey(e: KeyboardEvent): void {
    const view = this.view;
    if (!view || e.ctrlKey || e.metaKey || e.altKey) return;
    // Inside the menu, keys work the form; only Escape and F5 close it.
    if (this.menu.isOpen) {
      if (e.key === 'Escape' || e.key === 'F5') {
        e.preventDefault();
        this.closeMenu();
      }
      return;
    }
    // A key on one of our buttons (the overlay's, the corner's) is the button's: Tab moves on from it, Enter presses it.
    if (e.composedPath()[0] !== this) return;
    if (!this.overlay.hidden || this.controls.hinting) {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        ((this.controls.hinting ? this.controls.portrait : this.overlay).querySelector('button') as HTMLButtonElement | null)?.click();
      }
      return;
    }
    if (view.key(e.key, e.shiftKey)) e.preventDefault();
  }

  private closeMenu(): void {
    this.menu.close();
    this.focus({ preventScroll: true });
    if (this.wantRunning) this.setRunning(true);
  }

  private setRunning(on: boolean): void {
    const run = on && this.view !== null && !this.menu.isOpen && document.visibilityState !== 'hidden';
    this.running = run;
    this.client?.run(run);
    this.view?.audio.setPaused(!run);
  }

  private applySettings(s: Settings): void {
    const autosaveChanged = s.autosaveMinutes !== this.settings.autosaveMinutes;
    this.settings = s;
    storeSettings(s);
    if (autosaveChanged) this.autosave?.every(s.autosaveMinutes);
    this.view?.applySettings(s);
  }

  private layout(): void {
    const view = this.view;
    if (!view) return;
    const rect = this.getBoundingClientRect();
    const native = this.getAttribute('fit') === 'none';
    const pp = this.getAttribute('pixel-perfect');
    const pixelPerfect = pp === null ? view.info.pixelArt : pp !== 'off' && pp !== 'false';
    const mode = native ? 'below' : panelModeFor(rect.width, rect.height, view.info.resolution, view.info.ui);
    this.controls.upright = mode === 'tall';
    view.fit(native ? view.stage.width : rect.width, native ? view.stage.height : rect.height, pixelPerfect, mode);
  }

  private speak(text: string): void {
    const p = document.createElement('p');
    p.textContent = text;
    this.live.append(p);
    while (this.live.childElementCount > LIVE_LINES) this.live.firstElementChild?.remove();
  }

  /** A problem: a fatal one replaces the game; a game's own error (from the worker) gets the calm panel, except under `cairn dev`, whose page shows the code frame. */
  private fail(code: string, message: string, fatal: boolean, fromGame?: ErrorView): void {
    if (fatal) this.showMessage(`This game cannot be played.\n${message}`);
    else console.warn(`cairn-player: ${code}: ${message}`);
    if (fromGame !== undefined && !fatal && !this.hasAttribute('dev')) this.errorPanel.show(fromGame);
    this.dispatchEvent(new CustomEvent('error', { detail: { code, message, fatal, place: fromGame?.place ?? null, hint: fromGame?.hint, notes: fromGame?.notes, text: fromGame?.text } }));
  }

  /** "Click to play"; with an autosave, "Continue" (loads it) and "New game". */
  private showStart(autosave: ArrayBuffer | null): void {
    const title = this.view?.info.title ?? '';
    if (autosave === null) return this.showButton(`▶ Click to play${title ? `: ${title}` : ''}`);
    const cont = async () => {
      await this.need().client.request('load', { bytes: autosave }, [autosave]);
      this.resume();
    };
    this.showScreen(
      startScreen(title, [
        { label: '▶ Continue', act: () => void cont().catch((e: unknown) => this.fail('LOAD', e instanceof Error ? e.message : String(e), false)) },
        { label: 'New game', act: () => this.resume() },
      ]),
    );
  }

  /** The end screen over the game's closing scene: Play again, or Load. */
  private showEnd(): void {
    const title = this.view?.info.title ?? '';
    this.showScreen(
      endScreen(title, [
        { label: 'Play again', act: () => void this.restart().then(() => this.resume()) },
        { label: 'Load a save', act: () => this.openMenu('load') },
      ]),
    );
  }

  /** Shows a screen in the overlay; its first button takes the focus when the player had it. */
  private showScreen(children: HTMLElement[]): void {
    this.overlay.replaceChildren(...children);
    this.overlay.hidden = false;
    if (this.matches(':focus-within')) this.overlay.querySelector('button')?.focus({ preventScroll: true });
  }

  /** An overlay with one button that resumes the game (and unlocks sound: it is a click). */
  private showButton(label: string): void {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'start';
    b.textContent = label;
    b.addEventListener('click', () => this.resume());
    this.overlay.replaceChildren(b);
    this.overlay.hidden = false;
    // Take the focus only from ourselves: a game that loads must not steal it from the page.
    if (this.matches(':focus-within')) b.focus({ preventScroll: true });
  }

  private showMessage(text: string): void {
    this.overlay.replaceChildren(...messageScreen(text));
    this.overlay.hidden = false;
  }

  private hideOverlay(): void {
    this.overlay.hidden = true;
    this.overlay.replaceChildren();
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') {
      this.setRunning(false);
      this.autosave?.hidden();
    } else if (this.wantRunning) this.setRunning(true);
  };

  private readonly onPageHide = (): void => this.autosave?.write();

  /** Downloads a `.cairnreport` of the game now (save-transfer.ts). */
  private downloadReport(): Promise<void> {
    return downloadReport(this.need().client, this.view?.info.title ?? 'Cairn');
  }
}

/** A thumbnail for a save slot; a save never fails for want of one. */
function thumbnailOf(view: GameView): Blob | null {
  try {
    return view.renderer.thumbnail();
  } catch {
    return null;
  }
}
