// The PixiJS side of the player: one Application per element, drawing the
// room, the panel, the fade between rooms and the keyboard focus ring into a
// canvas sized to the letterboxed fit. Rendering is driven by the element's
// own animation frame loop, so each frame's cost can be measured.

import { Application, Container, Graphics, Rectangle } from 'pixi.js';
import type { Scene } from '../../../runtime/game-api.js';
import type { Fit, Stage, UiStyle } from './layout.js';
import { PanelView, type PanelState } from './panel-view.js';
import { RoomView, type SpeechStyle } from './room-view.js';
import type { TextureStore } from './textures.js';

/** How long the fade from black after a room change lasts, in ms. */
const FADE_MS = 300;

/** Everything a frame draws besides the scene. */
export interface DrawState extends PanelState, SpeechStyle {
  /** Focus ring around a room target (keyboard/gamepad), in screen pixels, or null. */
  focusPoint: { x: number; y: number } | null;
  reducedMotion: boolean;
}

/** A game's PixiJS renderer. */
export class Renderer {
  private room!: RoomView;
  private panel!: PanelView;
  private readonly fade = new Graphics();
  private readonly focusRing = new Graphics();
  /** The room screen's display tree (room, fade, focus ring). */
  private readonly world = new Container();
  private lastRoom: string | null | undefined = undefined;
  private fadeStart = -Infinity;

  private constructor(
    readonly app: Application,
    public stage: Stage,
    private readonly textures: TextureStore,
  ) {}

  /**
   * Starts a PixiJS application (WebGL) before the game's size is known, so
   * creating the GL context overlaps fetching and checking the bundle.
   */
  static async startApplication(): Promise<Application> {
    const app = new Application();
    await app.init({
      width: 1,
      height: 1,
      background: '#000000',
      // Sprites are axis-aligned images: multisampling would only multiply the fill cost (4× on software WebGL).
      antialias: false,
      autoStart: false,
      sharedTicker: false,
      autoDensity: false,
      preference: 'webgl',
    });
    return app;
  }

  /** Creates the renderer of a game on a started application. */
  static create(app: Application, stage: Stage, ui: UiStyle, textures: TextureStore): Renderer {
    const r = new Renderer(app, stage, textures);
    app.renderer.resize(stage.width, stage.height);
    r.room = new RoomView(textures, [stage.width, stage.screenHeight]);
    r.panel = new PanelView(stage, ui, textures);
    r.fade.rect(0, 0, stage.width, stage.screenHeight).fill(0x000000);
    r.fade.alpha = 0;
    r.fade.visible = false;
    r.world.addChild(r.room.root, r.fade, r.focusRing);
    r.app.stage.addChild(r.world, r.panel.root);
    return r;
  }

  /** Places the panel for another stage shape (the room screen stays as it is). */
  setStage(stage: Stage): void {
    this.stage = stage;
    this.panel.setStage(stage);
  }

  /** The canvas to put in the page. */
  get canvas(): HTMLCanvasElement {
    return this.app.canvas;
  }

  /** The panel's current layout (for hit-testing clicks). */
  get panelLayout(): PanelView['layout'] {
    return this.panel.layout;
  }

  /**
   * Sizes the drawing buffer to the fit, so text and edges are sharp at every
   * scale — up to `maxResolution` drawing pixels per game pixel, which the
   * view lowers when frames come too slowly (software WebGL filling a big screen).
   */
  resize(fit: Fit, maxResolution = Infinity): void {
    const dpr = globalThis.devicePixelRatio || 1;
    const resolution = Math.max(0.25, Math.min(fit.scale * dpr, 8, maxResolution));
    this.app.renderer.resize(this.stage.width, this.stage.height, resolution);
    const c = this.canvas;
    c.style.width = `${fit.width}px`;
    c.style.height = `${fit.height}px`;
    c.style.left = `${fit.left}px`;
    c.style.top = `${fit.top}px`;
  }

  /** Draws one frame (builds it only, not rendering it, when `present` is false); true while a fade runs (the next frame must be drawn even if nothing else changes). */
  draw(scene: Scene, state: DrawState, now: number, present = true): boolean {
    if (scene.room !== this.lastRoom) {
      // The first room fades in too; reduced motion cuts straight.
      if (!state.reducedMotion) this.fadeStart = now;
      this.lastRoom = scene.room;
    }
    const t = (now - this.fadeStart) / FADE_MS;
    this.fade.alpha = t >= 1 || t < 0 ? 0 : 1 - t;
    // An invisible full-screen quad still costs its fill: as much as the background on software WebGL.
    this.fade.visible = this.fade.alpha > 0;
    this.room.draw(scene, state);
    this.panel.draw(scene, state);
    this.focusRing.clear();
    if (state.focusPoint !== null) {
      const { x, y } = state.focusPoint;
      this.focusRing.circle(x, y, 10).stroke({ color: 0xffe08a, width: 2 }).circle(x, y, 12).stroke({ color: 0x000000, width: 1 });
    }
    if (present) this.app.render();
    return this.fade.visible;
  }

  /** A small PNG of the room screen, for save slots: rendered small and read back small (reading a whole WebGL canvas stalls). */
  thumbnail(width = 160): Blob | null {
    const scale = width / this.stage.width;
    const frame = new Rectangle(0, 0, this.stage.width, this.stage.screenHeight);
    const canvas = this.app.renderer.extract.canvas({ target: this.world, frame, resolution: scale }) as HTMLCanvasElement;
    if (typeof canvas.toDataURL !== 'function') return null;
    // toDataURL, not toBlob: Chromium runs toBlob's encoder in idle time, which a game that draws every frame may not leave for a second.
    const url = canvas.toDataURL('image/png');
    const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (ch) => ch.charCodeAt(0));
    return new Blob([bytes], { type: 'image/png' });
  }

  /** Frees the GL context, the canvas and every texture. */
  destroy(): void {
    this.textures.destroy();
    this.app.destroy({ removeView: true }, { children: true, texture: false, textureSource: false });
  }
}
