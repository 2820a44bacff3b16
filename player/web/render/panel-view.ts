// Draws the interface panel under the room: the sentence line, the verb bar
// (SCUMM style) or nothing (one-click), the inventory icons, and — while a
// dialog waits — its options instead. Hit areas come from layout.ts, so what
// is drawn and what is clicked are the same boxes.

import { Container, Graphics, Sprite, Text } from 'pixi.js';
import type { Scene } from '../../../runtime/game-api.js';
import { optionBoxes, panelLayout, type PanelLayout, type Stage, type UiStyle } from './layout.js';
import { FALLBACK_FAMILY, bidiText, type FontFamilies } from './fonts.js';
import type { TextureStore } from './textures.js';

const COLORS = { panel: 0x15121f, verb: '#8fb8e8', verbPicked: '#ffe08a', option: '#c8e0ff', optionHover: '#ffe08a', sentence: '#e8e8e8', slot: 0x2a2540, focus: 0xffe08a };

/** What the panel shows besides the scene. */
export interface PanelState {
  verb: string | null;
  holding: string | null;
  sentence: string;
  /** Inventory slot or dialog option under the pointer, for highlighting. */
  hoverOption: number;
  /** Focused inventory index (keyboard/gamepad), or -1. */
  focusInventory: number;
  /** A cutscene has the screen: no verb bar and no sentence line. */
  hideVerbs: boolean;
  /** The families text is drawn in: `ui` for the sentence and verbs, `dialog` for options. */
  fonts: FontFamilies;
  /** The game's current language is written right to left. */
  rtl: boolean;
}

/** The interface panel. */
export class PanelView {
  readonly root = new Container();
  private readonly background = new Graphics();
  /** Behind dialog options drawn over the room screen (the side panel has no room for them). */
  private readonly optionBackground = new Graphics();
  private readonly slots = new Graphics();
  private readonly sentence = new Text({ text: '' });
  private readonly verbTexts: Text[] = [];
  private readonly optionTexts: Text[] = [];
  private readonly icons: Sprite[] = [];
  layout: PanelLayout;
  private drawnSlots = '';

  constructor(
    private stage: Stage,
    private readonly ui: UiStyle,
    private readonly textures: TextureStore,
  ) {
    this.layout = panelLayout(stage, ui, 0);
    this.sentence.anchor.set(0.5, 0);
    this.root.addChild(this.background, this.optionBackground, this.slots, this.sentence);
    this.setStage(stage);
  }

  /** Moves the panel to another stage (the screen's shape changed: side, tall or below). */
  setStage(stage: Stage): void {
    this.stage = stage;
    this.layout = panelLayout(stage, this.ui, this.layout.verbs.length);
    const P = stage.panel;
    this.background.clear().rect(P.x, P.y, P.w, P.h).fill(COLORS.panel);
    this.drawnSlots = '';
  }

  /** Brings the panel in line with the scene and the controller's state. */
  draw(scene: Scene, state: PanelState): void {
    if (this.layout.verbs.length !== (this.ui === 'verbs' ? scene.verbs.length : 0)) {
      this.layout = panelLayout(this.stage, this.ui, this.ui === 'verbs' ? scene.verbs.length : 0);
    }
    const L = this.layout;
    const dialog = scene.dialog;
    // Bitmap fonts draw spoken lines only: the panel keeps the player's sans-serif with them.
    const ui = state.fonts.bitmap.ui ? FALLBACK_FAMILY : state.fonts.ui;
    const dialogFamily = state.fonts.bitmap.dialog ? FALLBACK_FAMILY : state.fonts.dialog;
    setText(this.sentence, bidiText(state.hideVerbs ? '' : state.sentence, state.rtl), L.fontSize, COLORS.sentence, ui, this.stage.mode === 'side' ? L.sentence.w - 8 : 0);
    this.sentence.position.set(L.sentence.x + L.sentence.w / 2, L.sentence.y + 2);

    const verbs = this.ui === 'verbs' && dialog === null && !state.hideVerbs ? scene.verbs : [];
    sync(this.verbTexts, verbs.length, this.root);
    verbs.forEach((v, i) => {
      const box = L.verbs[i]!;
      setText(this.verbTexts[i]!, bidiText(v.label, state.rtl), L.fontSize, state.verb === v.id ? COLORS.verbPicked : COLORS.verb, ui);
      this.verbTexts[i]!.position.set(Math.round(box.x + 4), Math.round(box.y + Math.max(1, (box.h - L.fontSize * 1.25) / 2)));
    });

    const options = dialog?.options ?? [];
    const { boxes, fontSize } = optionBoxes(this.stage, L, options.length);
    this.optionBackground.clear();
    const over = boxes.filter((b) => b.y < this.stage.screenHeight && b.x < this.stage.screenWidth);
    if (over.length > 0) {
      const top = Math.min(...over.map((b) => b.y));
      this.optionBackground.rect(0, top - 4, this.stage.screenWidth, this.stage.screenHeight - top + 4).fill({ color: COLORS.panel, alpha: 0.88 });
    }
    sync(this.optionTexts, options.length, this.root);
    options.forEach((text, i) => {
      const box = boxes[i]!;
      setText(this.optionTexts[i]!, bidiText(`${i + 1}. ${text}`, state.rtl), fontSize, state.hoverOption === i ? COLORS.optionHover : COLORS.option, dialogFamily);
      this.optionTexts[i]!.position.set(Math.round(box.x), Math.round(box.y + 1));
    });

    const items = dialog === null ? scene.inventory.slice(0, L.inventory.length) : [];
    const slotKey = `${dialog === null}|${state.focusInventory}|${state.holding}|${items.map((i) => i.id).join(',')}`;
    if (slotKey !== this.drawnSlots) {
      this.drawnSlots = slotKey;
      this.slots.clear();
      if (dialog === null) {
        L.inventory.forEach((b, i) => {
          this.slots.rect(b.x + 1, b.y + 1, b.w - 2, b.h - 2).fill(COLORS.slot);
          const item = items[i];
          if (item !== undefined && (i === state.focusInventory || item.id === state.holding)) this.slots.rect(b.x + 1, b.y + 1, b.w - 2, b.h - 2).stroke({ color: COLORS.focus, width: 2 });
        });
      }
    }
    sync(this.icons, items.length, this.root, () => {
      const s = new Sprite();
      s.anchor.set(0.5);
      return s;
    });
    items.forEach((item, i) => {
      const box = L.inventory[i]!;
      const icon = this.icons[i]!;
      const texture = item.icon === null ? null : this.textures.get(item.icon);
      icon.visible = texture !== null;
      if (texture === null) return;
      icon.texture = texture;
      // Icons fit their slot, never grow past their own size.
      const fit = Math.min(1, (box.w - 6) / texture.width, (box.h - 6) / texture.height);
      icon.scale.set(fit);
      icon.position.set(Math.round(box.x + box.w / 2), Math.round(box.y + box.h / 2));
    });
  }
}

/** The style key each Text was last given. */
const styleOf = new WeakMap<Text, string>();

/** Sets a Text's content and style only when they change (each change re-rasterises it); `wrap` > 0 wraps at that width. */
function setText(t: Text, text: string, size: number, color: string, family: string, wrap = 0): void {
  if (t.text !== text) t.text = text;
  const key = `${size}|${color}|${wrap}|${family}`;
  if (styleOf.get(t) !== key) {
    styleOf.set(t, key);
    t.style = wrap > 0 ? { fontFamily: family, fontSize: size, fill: color, wordWrap: true, wordWrapWidth: wrap, align: 'center' } : { fontFamily: family, fontSize: size, fill: color };
  }
}

/** Grows or shrinks a pool of display objects to `n`. */
function sync<T extends Text | Sprite>(pool: T[], n: number, parent: Container, make: () => T = () => new Text({ text: '' }) as T): void {
  while (pool.length > n) pool.pop()!.destroy();
  while (pool.length < n) parent.addChild(pool[pool.length] = make());
}
