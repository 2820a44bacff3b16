// Draws the room part of a Scene: background and parallax layers scrolled by
// the camera, sprites and costume frames stood on their feet, depth-scaled,
// flipped and ordered by z, and speech lines above their speakers. Display
// objects are kept by id between frames; only what changed is touched.

import { BitmapText, Cache, Container, Sprite, Text, type BitmapFont } from 'pixi.js';
import type { Scene, SpeechView } from '../../../runtime/game-api.js';
import { bidiText, type FontFamilies } from './fonts.js';
import type { TextureStore } from './textures.js';

/** Settings that change how speech looks. */
export interface SpeechStyle {
  /** Multiplies the base text size (the text size setting). */
  textScale: number;
  /** Off: voiced lines show no text. */
  subtitles: boolean;
  /** The families text is drawn in (render/fonts.ts). */
  fonts: FontFamilies;
  /** The game's current language is written right to left. */
  rtl: boolean;
}

/** A colour a game gave, if it is one Pixi reads safely; else white. */
export function safeColor(color: string): string {
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : '#ffffff';
}

/** The room screen: layers, sprites, speech. */
export class RoomView {
  readonly root = new Container();
  private readonly layers = new Container();
  private readonly sprites = new Container();
  private readonly speech = new Container();
  private readonly spriteById = new Map<string, Sprite>();
  private readonly layerSprites: Sprite[] = [];
  /** Speech lines: canvas Text, or BitmapText while the speech font is a loaded BMFont. */
  private readonly lines: Array<Text | BitmapText> = [];
  /** The style each line was last given (restyling a Text re-rasterises it). */
  private readonly lineStyles: string[] = [];

  constructor(
    private readonly textures: TextureStore,
    private readonly screen: readonly [number, number],
  ) {
    this.root.addChild(this.layers, this.sprites, this.speech);
  }

  /** Brings the display objects in line with the scene. */
  draw(scene: Scene, style: SpeechStyle): void {
    const cam = scene.camera;
    this.drawLayers(scene, cam);
    this.sprites.position.set(-Math.round(cam.x), -Math.round(cam.y));
    const seen = new Set<string>();
    scene.sprites.forEach((view, order) => {
      seen.add(view.id);
      let sprite = this.spriteById.get(view.id);
      if (sprite === undefined) {
        sprite = new Sprite();
        sprite.anchor.set(0.5, 1);
        this.spriteById.set(view.id, sprite);
        this.sprites.addChild(sprite);
      }
      const texture = this.textures.get(view.image, view.frameSize, view.frame);
      sprite.visible = texture !== null;
      if (texture !== null && sprite.texture !== texture) sprite.texture = texture;
      sprite.position.set(view.at.x, view.at.y);
      sprite.scale.set(view.flip ? -view.scale : view.scale, view.scale);
      // The scene is already sorted by z (ties by id): draw order is list order.
      sprite.zIndex = order;
    });
    for (const [id, sprite] of this.spriteById) {
      if (seen.has(id)) continue;
      sprite.destroy();
      this.spriteById.delete(id);
    }
    this.sprites.sortableChildren = true;
    // Subtitles off hide the text of voiced lines only: a line without a voice must still be read.
    this.drawSpeech(style.subtitles ? scene.speech : scene.speech.filter((l) => l.voice === undefined), cam, style);
  }

  private drawLayers(scene: Scene, cam: { x: number; y: number }): void {
    while (this.layerSprites.length > scene.layers.length) this.layerSprites.pop()!.destroy();
    scene.layers.forEach((layer, i) => {
      let sprite = this.layerSprites[i];
      if (sprite === undefined) {
        sprite = new Sprite();
        this.layerSprites.push(sprite);
        this.layers.addChild(sprite);
      }
      const texture = this.textures.get(layer.image);
      sprite.visible = texture !== null;
      if (texture !== null && sprite.texture !== texture) sprite.texture = texture;
      // parallax 1 scrolls with the room; 0.5 at half speed (far away); 0 stays put.
      sprite.position.set(-Math.round(cam.x * layer.parallax), -Math.round(cam.y * layer.parallax));
    });
  }

  private drawSpeech(speech: readonly SpeechView[], cam: { x: number; y: number }, style: SpeechStyle): void {
    const [w, h] = this.screen;
    const size = Math.max(8, Math.round((h / 22) * style.textScale));
    while (this.lines.length > speech.length) {
      this.lines.pop()!.destroy();
      this.lineStyles.pop();
    }
    const bitmap = style.fonts.bitmap.speech === true;
    speech.forEach((line, i) => {
      let text: Text | BitmapText | undefined = this.lines[i];
      if (text !== undefined && text instanceof BitmapText !== bitmap) {
        // The bitmap font arrived (or the language changed to one without): this line is drawn anew.
        text.destroy();
        text = undefined;
        this.lines.splice(i, 1);
        this.lineStyles.splice(i, 1);
      }
      if (text === undefined) {
        text = bitmap ? new BitmapText({ text: '' }) : new Text({ text: '' });
        text.anchor.set(0.5, 1);
        this.lines.splice(i, 0, text);
        this.lineStyles.splice(i, 0, '');
        this.speech.addChild(text);
      }
      // Text is drawn by canvas fillText: a line holding markup shows as the characters it is.
      const shown = bidiText(line.text, style.rtl);
      if (text.text !== shown) text.text = shown;
      const color = safeColor(line.color);
      const wrap = Math.round(w * 0.6);
      const key = `${size}|${color}|${wrap}|${style.fonts.speech}`;
      if (this.lineStyles[i] !== key) {
        this.lineStyles[i] = key;
        // A bitmap font is drawn as its pixels are: no outline, which would be smoothed.
        if (bitmap) text.style = { fontFamily: style.fonts.speech, fontSize: pixelSize(style.fonts.speech, size), fill: color, wordWrap: true, wordWrapWidth: wrap, align: 'center' };
        else text.style = { fontFamily: style.fonts.speech, fontSize: size, fill: color, stroke: { color: '#000000', width: Math.max(2, size / 5), join: 'round' }, wordWrap: true, wordWrapWidth: wrap, align: 'center', lineHeight: size * 1.15 };
      }
      // Above the speaker, but always wholly on screen.
      const halfW = text.width / 2;
      const x = Math.min(Math.max(line.at.x - cam.x, halfW + 4), w - halfW - 4);
      const y = Math.min(Math.max(line.at.y - cam.y, text.height + 4), h - 4);
      text.position.set(Math.round(x), Math.round(y));
    });
  }
}

/** A bitmap font's size scaled by a whole number nearest `size` (at least 1×), so its pixels stay square. */
function pixelSize(family: string, size: number): number {
  const native = Cache.has(`${family}-bitmap`) ? (Cache.get(`${family}-bitmap`) as BitmapFont).fontMetrics.fontSize : size;
  return native * Math.max(1, Math.round(size / native));
}
