// Where everything goes, as pure arithmetic the renderer, the pointer mapping
// and the tests share: the game's stage (the room screen plus the interface
// panel under it, or beside it on short landscape screens, or taller under it
// on narrow portrait ones) letterboxed into the element's box, and the
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

/**
 * Where the panel goes: `below` the room screen (desktop), `side` beside it
 * (short landscape screens: phones held sideways), `tall` below it with
 * touch-sized verbs and slots (narrow portrait screens).
 */
export type PanelMode = 'below' | 'side' | 'tall';

/** The stage: the room screen and the panel, in game pixels. */
export interface Stage {
  mode: PanelMode;
  /** The whole stage. */
  width: number;
  height: number;
  /** The room screen (the game's resolution), at the stage's top left. */
  screenWidth: number;
  screenHeight: number;
  /** The panel's box: under the screen, or right of it. */
  panel: Box;
  /** The panel's height (its box's h). */
  panelHeight: number;
}

/** Game pixels of the side panel's width, and the tall panel's height: touch-sized at a phone's usual scale. */
const SIDE_PANEL_WIDTH = 0.3;
const TALL_PANEL_HEIGHT = 1.1;
/** Game pixels at the top of the side panel left to the element's corner buttons. */
const SIDE_BUTTONS = 48;

/** The stage of a game with this resolution and interface, with its panel placed as `mode` says. */
export function stageFor(resolution: readonly [number, number], ui: UiStyle, mode: PanelMode = 'below'): Stage {
  const [w, h] = resolution;
  if (mode === 'side') {
    const pw = Math.round(w * SIDE_PANEL_WIDTH);
    return { mode, width: w + pw, height: h, screenWidth: w, screenHeight: h, panel: { x: w, y: 0, w: pw, h }, panelHeight: h };
  }
  // The SCUMM panel has a sentence line, three rows of verbs and two of inventory; one-click only the inventory.
  const ph = Math.round(h * (mode === 'tall' ? TALL_PANEL_HEIGHT * (ui === 'verbs' ? 1 : 0.6) : ui === 'verbs' ? 0.3 : 0.2));
  return { mode, width: w, height: h + ph, screenWidth: w, screenHeight: h, panel: { x: 0, y: h, w, h: ph }, panelHeight: ph };
}

/**
 * Which panel mode suits a box of CSS pixels: beside the game on short
 * landscape screens where that draws the game bigger than the panel under it
 * would, tall under it on narrow portrait ones; otherwise under it.
 */
export function panelModeFor(boxWidth: number, boxHeight: number, resolution: readonly [number, number], ui: UiStyle): PanelMode {
  if (boxHeight > boxWidth && boxWidth < 600) return 'tall';
  if (boxWidth > boxHeight && boxHeight < 500) {
    const scale = (s: Stage) => Math.min(boxWidth / s.width, boxHeight / s.height);
    if (scale(stageFor(resolution, ui, 'side')) > scale(stageFor(resolution, ui, 'below')) * 1.05) return 'side';
  }
  return 'below';
}

/** True when a stage point lies on the panel rather than the room screen. */
export function inPanel(stage: Stage, x: number, y: number): boolean {
  return x >= stage.screenWidth || y >= stage.screenHeight;
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
  if (stage.mode === 'side') return sidePanel(stage, ui, verbCount);
  if (stage.mode === 'tall') return tallPanel(stage, ui, verbCount);
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

/**
 * The side panel, for phones held sideways: the sentence on two lines at its
 * top, verbs in two columns of touch-sized rows, then the inventory. Dialog
 * options cover the bottom of the room screen, where long lines fit.
 */
function sidePanel(stage: Stage, ui: UiStyle, verbCount: number): PanelLayout {
  const P = stage.panel;
  const fontSize = Math.max(10, Math.round(P.w / 11));
  const line = Math.round(fontSize * 1.35);
  const pad = 4;
  // The corner buttons (menu, fullscreen) sit over the panel's top: the sentence starts under them.
  const sentence = { x: P.x, y: P.y + SIDE_BUTTONS, w: P.w, h: line * 2 };
  const verbs: Box[] = [];
  let y = sentence.y + sentence.h;
  if (ui === 'verbs') {
    const cols = 2;
    const rowH = Math.max(line * 1.6, P.h / 8);
    const cw = (P.w - 2 * pad) / cols;
    for (let i = 0; i < verbCount; i++) verbs.push({ x: P.x + pad + (i % cols) * cw, y: y + Math.floor(i / cols) * rowH, w: cw, h: rowH });
    y += Math.ceil(verbCount / cols) * rowH + pad;
  }
  const inventory = grid({ x: P.x + pad, y, w: P.w - 2 * pad, h: P.y + P.h - y - pad }, 3);
  const optionLine = Math.round(fontSize * 1.9);
  const options: Box[] = [];
  const rows = Math.floor((stage.screenHeight * 0.6) / optionLine);
  for (let i = 0; i < rows; i++) options.push({ x: pad * 2, y: stage.screenHeight - (rows - i) * optionLine, w: stage.screenWidth - pad * 4, h: optionLine });
  return { sentence, verbs, inventory, options, fontSize };
}

/** The tall panel, for phones held upright: big verbs in three columns and big inventory slots, sized for fingers. */
function tallPanel(stage: Stage, ui: UiStyle, verbCount: number): PanelLayout {
  const P = stage.panel;
  const fontSize = Math.max(10, Math.round(P.w / 24));
  const line = Math.round(fontSize * 1.45);
  const pad = 6;
  const sentence = { x: P.x, y: P.y, w: P.w, h: line };
  const verbs: Box[] = [];
  let y = P.y + line;
  if (ui === 'verbs') {
    const cols = 3;
    const rowH = Math.round(fontSize * 2.8);
    const cw = (P.w - 2 * pad) / cols;
    for (let i = 0; i < verbCount; i++) verbs.push({ x: P.x + pad + (i % cols) * cw, y: y + Math.floor(i / cols) * rowH, w: cw, h: rowH });
    y += Math.ceil(verbCount / cols) * rowH + pad;
  }
  const inventory = grid({ x: P.x + pad, y, w: P.w - 2 * pad, h: P.y + P.h - y - pad }, 7);
  const options: Box[] = [];
  for (let oy = P.y + line; oy + line * 1.5 <= P.y + P.h; oy += line * 1.5) options.push({ x: pad * 2, y: oy, w: P.w - pad * 4, h: line * 1.5 });
  return { sentence, verbs, inventory, options, fontSize };
}

/** Square slots filling `area`, `cols` to a row, as many rows as fit. */
function grid(area: Box, cols: number): Box[] {
  const cell = Math.floor(area.w / cols);
  const out: Box[] = [];
  if (cell <= 0) return out;
  for (let r = 0; (r + 1) * cell <= area.h; r++) for (let c = 0; c < cols; c++) out.push({ x: area.x + c * cell, y: area.y + r * cell, w: cell, h: cell });
  return out;
}

/** Boxes for `n` dialog options: the panel's lines, or, when more options wait than lines fit, smaller lines filling the whole panel. */
export function optionBoxes(stage: Stage, layout: PanelLayout, n: number): { boxes: Box[]; fontSize: number } {
  if (n <= layout.options.length) return { boxes: layout.options.slice(0, n), fontSize: layout.fontSize };
  if (stage.mode === 'side') {
    const line = (stage.screenHeight * 0.8) / n;
    const boxes = Array.from({ length: n }, (_, i) => ({ x: 8, y: stage.screenHeight * 0.2 + i * line, w: stage.screenWidth - 16, h: line }));
    return { boxes, fontSize: Math.max(6, Math.floor(line / 1.35)) };
  }
  const line = stage.panel.h / n;
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
