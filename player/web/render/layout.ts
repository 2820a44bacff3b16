// Where everything goes, as pure arithmetic the renderer, the pointer mapping
// and the tests share: the game's fixed stage (the room screen plus the
// interface panel under it) letterboxed into the element's box, and the
// panel's regions (sentence line, verbs, inventory, dialog options).

/** Which interface the panel shows. */
export type UiStyle = 'verbs' | 'one-click';

/** A rectangle in stage pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The stage: the room screen and the panel below it, in game pixels. */
export interface Stage {
  width: number;
  /** Height of the room screen (the game's resolution). */
  screenHeight: number;
  panelHeight: number;
  height: number;
}

/** The stage of a game with this resolution and interface. */
export function stageFor(resolution: readonly [number, number], ui: UiStyle): Stage {
  const [width, screenHeight] = resolution;
  // The SCUMM panel has a sentence line, three rows of verbs and two of inventory; one-click only the inventory.
  const panelHeight = Math.round(screenHeight * (ui === 'verbs' ? 0.3 : 0.2));
  return { width, screenHeight, panelHeight, height: screenHeight + panelHeight };
}

/** How the stage sits in the element: CSS pixels per game pixel and the letterbox offsets. */
export interface Fit {
  scale: number;
  /** Size of the drawn stage, in CSS pixels. */
  width: number;
  height: number;
  left: number;
  top: number;
}

/**
 * Letterboxes the stage into a box of CSS pixels. Pixel-perfect fits use a
 * whole scale (never below 1 unless the box is smaller than the stage), so
 * every game pixel is the same number of screen pixels.
 */
export function fitStage(stage: Stage, boxWidth: number, boxHeight: number, pixelPerfect: boolean): Fit {
  let scale = Math.min(boxWidth / stage.width, boxHeight / stage.height);
  if (!(scale > 0) || !Number.isFinite(scale)) scale = 1;
  if (pixelPerfect && scale >= 1) scale = Math.floor(scale);
  const width = Math.round(stage.width * scale);
  const height = Math.round(stage.height * scale);
  return { scale, width, height, left: Math.floor((boxWidth - width) / 2), top: Math.floor((boxHeight - height) / 2) };
}

/** A point of the drawn canvas (CSS pixels from its top-left corner) in stage pixels. */
export function toStage(stage: Stage, canvasWidth: number, canvasHeight: number, x: number, y: number): { x: number; y: number } {
  return { x: (x / canvasWidth) * stage.width, y: (y / canvasHeight) * stage.height };
}

/** The regions of the panel. */
export interface PanelLayout {
  sentence: Box;
  verbs: Box[];
  inventory: Box[];
  /** One line per dialog option (as many as fit). */
  options: Box[];
  fontSize: number;
}

/** Lays out the panel for `verbCount` verbs; inventory slots fill the rest. */
export function panelLayout(stage: Stage, ui: UiStyle, verbCount: number): PanelLayout {
  const { width: w, screenHeight: top, panelHeight: h } = stage;
  const fontSize = Math.max(8, Math.round(h * (ui === 'verbs' ? 0.13 : 0.2)));
  const line = Math.round(fontSize * 1.35);
  const sentence = { x: 0, y: top, w, h: line };
  const body = { x: 0, y: top + line, w, h: h - line };
  const pad = Math.max(2, Math.round(w / 160));
  const verbs: Box[] = [];
  let invArea: Box = { x: pad, y: body.y + pad, w: w - 2 * pad, h: body.h - 2 * pad };
  if (ui === 'verbs') {
    const area = { x: pad, y: body.y, w: Math.round(w * 0.5), h: body.h };
    const cols = 3;
    const rows = Math.max(1, Math.ceil(verbCount / cols));
    const cw = area.w / cols;
    const ch = Math.min(area.h / Math.max(rows, 3), line * 1.2);
    for (let i = 0; i < verbCount; i++) verbs.push({ x: area.x + (i % cols) * cw, y: area.y + Math.floor(i / cols) * ch, w: cw, h: ch });
    invArea = { x: area.x + area.w + pad, y: body.y + pad, w: w - area.w - 3 * pad, h: body.h - 2 * pad };
  }
  const rows = ui === 'verbs' ? 2 : 1;
  const cell = Math.floor(Math.min(invArea.h / rows, invArea.w / 4));
  const cols = Math.max(1, Math.floor(invArea.w / cell));
  const inventory: Box[] = [];
  for (let r = 0; r < rows && cell > 0; r++) {
    for (let c = 0; c < cols; c++) inventory.push({ x: invArea.x + c * cell, y: invArea.y + r * cell, w: cell, h: cell });
  }
  const options: Box[] = [];
  for (let y = body.y; y + line <= top + h; y += line) options.push({ x: pad * 2, y, w: w - pad * 4, h: line });
  return { sentence, verbs, inventory, options, fontSize };
}

/** Boxes for `n` dialog options: the panel's lines, or, when more options wait than lines fit, smaller lines filling the whole panel. */
export function optionBoxes(stage: Stage, layout: PanelLayout, n: number): { boxes: Box[]; fontSize: number } {
  if (n <= layout.options.length) return { boxes: layout.options.slice(0, n), fontSize: layout.fontSize };
  const line = stage.panelHeight / n;
  const x = layout.options[0]?.x ?? 0;
  const w = stage.width - 2 * x;
  const boxes = Array.from({ length: n }, (_, i) => ({ x, y: stage.screenHeight + i * line, w, h: line }));
  return { boxes, fontSize: Math.max(6, Math.floor(line / 1.35)) };
}

/** The index of the box containing (x, y), or -1. */
export function boxAt(boxes: readonly Box[], x: number, y: number): number {
  return boxes.findIndex((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h);
}

/** The frame rectangle of frame `index` in a sheet of `sheetWidth` px cut in `size` frames, row by row. */
export function frameRect(sheetWidth: number, sheetHeight: number, size: readonly [number, number], index: number): Box | null {
  const [fw, fh] = size;
  const cols = Math.floor(sheetWidth / fw);
  const rows = Math.floor(sheetHeight / fh);
  if (cols < 1 || rows < 1 || !(index >= 0) || index >= cols * rows) return null;
  return { x: (index % cols) * fw, y: Math.floor(index / cols) * fh, w: fw, h: fh };
}
