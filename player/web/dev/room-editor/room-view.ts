// Draws the room editor's picture on a 2D canvas: the room's pictures, then
// its geometry over them — walk area and blocked areas (filled, outlined,
// with vertex handles), hotspots, sprites' bounds and `at` anchors, `stand`
// points tied to their objects, actors, the scale band with a ghost actor at
// the pointer, layer outlines and the path the controlled actor would walk.
// Owns the mapping between room and canvas pixels (scale, offsets, scroll).

import { polygonsOf, type Editable, type RoomModel } from './room-model.js';
import { rectCorners, spriteBox, type Handle, type Pt, type SizeOf } from './room-handles.js';

/** An actor's first costume frame and the scale it is drawn at. */
export interface ActorLook {
  image: HTMLImageElement;
  frame: [number, number];
  scale: number;
}

/** What one frame of the editor shows besides the room. */
export interface ViewState {
  room: RoomModel;
  pictures: ReadonlyMap<string, HTMLImageElement>;
  actors: ReadonlyArray<{ name: string; x: number; y: number; controlled: boolean; look: ActorLook | null }>;
  pointer: Pt | null;
  path: readonly Pt[] | null;
  /** The controlled actor's look at the pointer: its sheet's first frame, at the scale it would have there. */
  ghost: ActorLook | null;
  selected: Handle | null;
  /** The property being dragged into something the build refuses: drawn red. */
  refused: Editable | null;
  /** Objects in the room now and whether each is shown; the others are drawn faint. */
  shown: ReadonlyMap<string, boolean>;
  /** A hotspot being drawn with Shift. */
  drawing: [number, number, number, number] | null;
}

const COLORS = {
  walkable: ['rgba(70, 200, 120, 0.22)', '#46c878'],
  blocked: ['rgba(230, 70, 70, 0.28)', '#ff6464'],
  hotspot: ['rgba(255, 210, 74, 0.10)', '#ffd24a'],
  polygon: ['rgba(255, 210, 74, 0.10)', '#ffd24a'],
  refused: ['rgba(255, 0, 0, 0.35)', '#ff1a1a'],
} as const;

/** The room on a canvas, scrolled. */
export class RoomView {
  readonly ctx: CanvasRenderingContext2D;
  /** CSS pixels per room pixel, and where room pixel (scrollX, scrollY) is drawn. */
  scale = 1;
  left = 0;
  top = 0;
  scrollX = 0;
  scrollY = 0;

  constructor(readonly canvas: HTMLCanvasElement) {
    this.ctx = canvas.getContext('2d')!;
  }

  /** Fits a screen of `screen` room pixels into the canvas's box; keeps the scroll within the room. */
  fit(width: number, height: number, screen: readonly [number, number], room: readonly [number, number]): void {
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.scale = Math.min(width / screen[0], height / screen[1]);
    this.left = Math.floor((width - screen[0] * this.scale) / 2);
    this.top = Math.floor((height - screen[1] * this.scale) / 2);
    this.scrollTo(this.scrollX, this.scrollY, screen, room);
  }

  /** Scrolls to (x, y), kept so that the screen stays inside the room. */
  scrollTo(x: number, y: number, screen: readonly [number, number], room: readonly [number, number]): void {
    this.scrollX = Math.max(0, Math.min(room[0] - screen[0], Math.round(x)));
    this.scrollY = Math.max(0, Math.min(room[1] - screen[1], Math.round(y)));
    const d = this.canvas.dataset;
    d.scale = String(this.scale);
    d.left = String(this.left);
    d.top = String(this.top);
    d.scrollX = String(this.scrollX);
    d.scrollY = String(this.scrollY);
  }

  /** The room point under canvas point (CSS pixels from its top-left). */
  toRoom(cx: number, cy: number): Pt {
    return { x: (cx - this.left) / this.scale + this.scrollX, y: (cy - this.top) / this.scale + this.scrollY };
  }

  draw(s: ViewState, sizeOf: SizeOf): void {
    const ctx = this.ctx;
    const ratio = this.canvas.width / (parseFloat(this.canvas.style.width) || this.canvas.width);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#101018';
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(ratio * this.scale, 0, 0, ratio * this.scale, ratio * (this.left - this.scrollX * this.scale), ratio * (this.top - this.scrollY * this.scale));
    const px = 1 / this.scale;
    const room = s.room;
    ctx.imageSmoothingEnabled = false;
    for (const p of room.pictures) {
      const img = s.pictures.get(p.image);
      if (img === undefined) continue;
      // A layer with parallax p moves p times as far as the room: drawn where the game would show it now.
      const shift = this.scrollX * (1 - p.parallax);
      ctx.drawImage(img, shift, 0);
      if (p.parallax !== 1) this.outline([[shift, 0], [shift + img.naturalWidth, 0], [shift + img.naturalWidth, img.naturalHeight], [shift, img.naturalHeight]], '#8aa0ff', px, [6 * px, 4 * px]);
    }
    ctx.fillStyle = 'rgba(0, 0, 0, 0.25)';
    ctx.fillRect(0, 0, room.size[0], room.size[1]);

    for (const w of room.walkable) this.polygons(w, s, 'walkable', px);
    if (room.blocked !== null) this.polygons(room.blocked, s, 'blocked', px);
    this.scaleBand(s, px);
    for (const o of room.objects) {
      const box = spriteBox(o, sizeOf);
      // Taken, hidden or not yet here: still editable, but faint, as the game does not show it now.
      ctx.globalAlpha = s.shown.get(o.name) === true ? 1 : 0.35;
      if (box !== null && o.sprite !== null) {
        const img = s.pictures.get(o.sprite);
        if (img !== undefined) ctx.drawImage(img, box.x, box.y);
        this.outline(rectCorners([box.x, box.y, box.w, box.h]), '#7fe0ff', px, [3 * px, 3 * px]);
      }
      if (o.hotspot !== null) {
        const refused = s.refused === o.hotspot;
        const [fill, stroke] = refused ? COLORS.refused : COLORS.hotspot;
        const corners = rectCorners(o.hotspot.value as number[]);
        this.fillPolygon(corners, fill);
        this.outline(corners, stroke, px * (refused ? 2.5 : 1.5));
        for (const [x, y] of corners) this.square(x, y, stroke, px, s.selected?.type === 'corner' && s.selected.e === o.hotspot);
      }
      if (o.polygon !== null) this.polygons(o.polygon, s, 'polygon', px);
      const anchor = o.at?.value as number[] | undefined;
      const label = box !== null ? [box.x, box.y] : o.hotspot !== null ? (o.hotspot.value as number[]) : anchor;
      if (label !== undefined) this.text(o.name, label[0]!, label[1]! - 3 * px, '#ffe9a8', px);
      if (o.stand !== null) {
        const [sx, sy] = o.stand.value as number[];
        const [tx, ty] = anchor ?? (o.hotspot !== null ? centre(o.hotspot.value as number[]) : [sx!, sy!]);
        ctx.setLineDash(o.stand.written ? [4 * px, 3 * px] : [1.5 * px, 3 * px]);
        ctx.strokeStyle = '#ff8aff';
        ctx.lineWidth = px;
        ctx.beginPath();
        ctx.moveTo(sx!, sy!);
        ctx.lineTo(tx!, ty!);
        ctx.stroke();
        ctx.setLineDash([]);
        this.dot(sx!, sy!, o.stand.written ? '#ff8aff' : 'rgba(255, 138, 255, 0.5)', 4 * px);
      }
      if (anchor !== undefined) this.cross(anchor[0]!, anchor[1]!, '#7fe0ff', px);
      ctx.globalAlpha = 1;
    }
    for (const a of s.actors) {
      if (a.look !== null) this.figure(a.look, a.x, a.y, 1, px);
      this.dot(a.x, a.y, a.controlled ? '#ffffff' : '#c0c0c0', 5 * px);
      this.text(a.controlled ? `${a.name} ▸` : a.name, a.x + 7 * px, a.y + 4 * px, '#ffffff', px);
    }
    if (s.path !== null && s.path.length > 1) {
      ctx.strokeStyle = '#7fd0ff';
      ctx.lineWidth = 2 * px;
      ctx.setLineDash([6 * px, 4 * px]);
      ctx.beginPath();
      s.path.forEach((q, i) => (i === 0 ? ctx.moveTo(q.x, q.y) : ctx.lineTo(q.x, q.y)));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    if (s.ghost !== null && s.pointer !== null) this.figure(s.ghost, s.pointer.x, s.pointer.y, 0.55, px);
    if (s.drawing !== null) this.outline(rectCorners(s.drawing), '#ffd24a', 2 * px, [4 * px, 2 * px]);
  }

  /** An actor's frame standing on (x, y), as the game draws it; outlined. */
  private figure(look: ActorLook, x: number, y: number, alpha: number, px: number): void {
    const w = look.frame[0] * look.scale;
    const h = look.frame[1] * look.scale;
    this.ctx.globalAlpha = alpha;
    this.ctx.drawImage(look.image, 0, 0, look.frame[0], look.frame[1], x - w / 2, y - h, w, h);
    this.ctx.globalAlpha = 1;
    this.outline(rectCorners([x - w / 2, y - h, w, h]), 'rgba(255, 255, 255, 0.6)', px, [2 * px, 2 * px]);
  }

  private polygons(e: Editable, s: ViewState, kind: 'walkable' | 'blocked' | 'polygon', px: number): void {
    const refused = s.refused === e;
    const [fill, stroke] = refused ? COLORS.refused : COLORS[kind];
    for (const { path, points } of polygonsOf(e)) {
      const pts = points.map((q) => [q[0]!, q[1]!] as [number, number]);
      this.fillPolygon(pts, fill);
      this.outline(pts, stroke, px * (refused ? 2.5 : 1.5));
      const sel = s.selected;
      pts.forEach(([x, y], i) => this.square(x, y, stroke, px, sel?.type === 'vertex' && sel.e === e && sel.path.join() === path.join() && sel.index === i));
    }
  }

  private scaleBand(s: ViewState, px: number): void {
    const e = s.room.scale;
    if (e === null) return;
    const [y1, s1, y2, s2] = e.value as number[];
    const ctx = this.ctx;
    ctx.fillStyle = 'rgba(192, 128, 255, 0.08)';
    ctx.fillRect(0, Math.min(y1!, y2!), s.room.size[0], Math.abs(y2! - y1!));
    for (const [y, k] of [[y1!, s1!], [y2!, s2!]] as const) {
      ctx.strokeStyle = '#c080ff';
      ctx.lineWidth = 1.5 * px;
      ctx.setLineDash([8 * px, 4 * px]);
      ctx.beginPath();
      ctx.moveTo(0, y);
      ctx.lineTo(s.room.size[0], y);
      ctx.stroke();
      ctx.setLineDash([]);
      this.text(`scale ${Math.round(k * 100)} % at y ${y}`, this.scrollX + 4 * px, y - 3 * px, '#e0c0ff', px);
    }
  }

  private fillPolygon(pts: ReadonlyArray<readonly [number, number]>, fill: string): void {
    const ctx = this.ctx;
    ctx.fillStyle = fill;
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
    ctx.fill();
  }

  private outline(pts: ReadonlyArray<readonly [number, number]>, stroke: string, width: number, dash: number[] = []): void {
    const ctx = this.ctx;
    ctx.strokeStyle = stroke;
    ctx.lineWidth = width;
    ctx.setLineDash(dash);
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
    ctx.stroke();
    ctx.setLineDash([]);
  }

  private square(x: number, y: number, color: string, px: number, selected: boolean): void {
    const r = (selected ? 5 : 3.5) * px;
    this.ctx.fillStyle = selected ? '#ffffff' : color;
    this.ctx.fillRect(x - r, y - r, 2 * r, 2 * r);
    this.ctx.strokeStyle = '#000000';
    this.ctx.lineWidth = px;
    this.ctx.strokeRect(x - r, y - r, 2 * r, 2 * r);
  }

  private dot(x: number, y: number, color: string, r: number): void {
    this.ctx.fillStyle = color;
    this.ctx.beginPath();
    this.ctx.arc(x, y, r, 0, Math.PI * 2);
    this.ctx.fill();
  }

  private cross(x: number, y: number, color: string, px: number): void {
    const ctx = this.ctx;
    ctx.strokeStyle = color;
    ctx.lineWidth = 2 * px;
    ctx.beginPath();
    ctx.moveTo(x - 6 * px, y);
    ctx.lineTo(x + 6 * px, y);
    ctx.moveTo(x, y - 6 * px);
    ctx.lineTo(x, y + 6 * px);
    ctx.stroke();
  }

  private text(t: string, x: number, y: number, color: string, px: number): void {
    const ctx = this.ctx;
    ctx.font = `${12 * px}px system-ui, sans-serif`;
    ctx.lineWidth = 3 * px;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.8)';
    ctx.strokeText(t, x, y);
    ctx.fillStyle = color;
    ctx.fillText(t, x, y);
  }
}

function centre(r: readonly number[]): [number, number] {
  return [r[0]! + r[2]! / 2, r[1]! + r[3]! / 2];
}
