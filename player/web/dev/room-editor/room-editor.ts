// `cairn dev`'s room editor (F2): the game pauses and the current room is
// shown with its geometry (room-view.ts); dragging a vertex, polygon, hotspot,
// `at`, `stand` or scale row writes the new numbers back into the script
// through the dev server (player/dev/room-routes.ts), which refuses what the
// build refuses. The watcher then rebuilds and the game reloads in place, as
// for any edit. F2 again resumes the game exactly where it was (if it ran).

import type { DebugWhereabouts } from '../../../../runtime/debugger.js';
import { formatValue } from '../../../dev/room-edits.js';
import { element } from '../dev-overlay.js';
import { PathPreview } from './path-preview.js';
import { refusal } from './room-checks.js';
import { dragged, edgeAt, handleAt, snap, withoutVertex, withVertex, type Handle, type Pt } from './room-handles.js';
import { clone, roomModel, type Editable, type GeometryAnswer, type GeometryValue, type RoomModel } from './room-model.js';
import { RoomServer, type RoomAnswer } from './room-server.js';
import { RoomView, type ActorLook } from './room-view.js';

/** What the editor needs of the player element. */
export interface EditorPlayer extends HTMLElement {
  readonly ready: boolean;
  pause(): void;
  resume(): void;
  stats(): { running: boolean } | null;
  devWhereabouts(): Promise<DebugWhereabouts>;
}

/** The key that opens and closes the editor. */
export function isEditorKey(e: KeyboardEvent): boolean {
  return e.key === 'F2' && !e.ctrlKey && !e.metaKey && !e.altKey;
}

const CSS = `
#cairn-room-editor { position: fixed; z-index: 2147482400; display: flex; flex-direction: column; background: #101018; color: #e8e8f0; font: 13px/1.4 system-ui, sans-serif; user-select: none; }
#cairn-room-editor canvas { flex: 1; min-height: 0; display: block; cursor: crosshair; touch-action: none; }
#cairn-room-editor .bar { display: flex; gap: 1.2em; align-items: baseline; padding: 0.35em 0.8em; background: #1c1a2a; border-top: 1px solid #5a5080; white-space: nowrap; overflow: hidden; }
#cairn-room-editor .bar b { color: #ffe08a; }
#cairn-room-message { flex: 1; overflow: hidden; text-overflow: ellipsis; color: #b8c8b8; }
#cairn-room-message.refused { color: #ff6b6b; font-weight: 600; }
`;
const BAR_PX = 30;
/** How near (in CSS pixels) the pointer must be to take a handle. */
const GRAB_PX = 7;
/** Arrow keys scroll this many room pixels. */
const SCROLL_STEP = 32;

interface Drag {
  handle: Handle | null;
  e: Editable | null;
  start: GeometryValue | null;
  from: Pt;
  screen: { x: number; y: number };
  moved: boolean;
  kind: 'edit' | 'pan' | 'draw';
  scroll: Pt;
}

/** The editor over one player. */
export class RoomEditor {
  private readonly root: HTMLDivElement;
  private readonly view: RoomView;
  private readonly readout: HTMLSpanElement;
  private readonly message: HTMLSpanElement;
  private readonly history: HTMLSpanElement;
  private readonly pictures = new Map<string, HTMLImageElement>();
  private geometry: GeometryAnswer | null = null;
  private room: RoomModel | null = null;
  private where: DebugWhereabouts | null = null;
  private preview: PathPreview | null = null;
  private pointer: Pt | null = null;
  private selected: Handle | null = null;
  private refused: Editable | null = null;
  private drawing: [number, number, number, number] | null = null;
  private drag: Drag | null = null;
  /** Geometry that came during a drag, taken when it ends. */
  private pending: GeometryAnswer | null = null;
  private spaceHeld = false;
  private wasRunning = false;
  private readonly server = new RoomServer();

  constructor(parent: HTMLElement, private readonly player: EditorPlayer) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    this.root = element('div', 'cairn-room-editor');
    this.root.hidden = true;
    this.root.setAttribute('role', 'application');
    this.root.setAttribute('aria-label', 'Room editor');
    const canvas = element('canvas');
    this.view = new RoomView(canvas);
    const bar = element('div');
    bar.className = 'bar';
    const title = element('b');
    title.textContent = 'Room editor (F2)';
    this.readout = element('span', 'cairn-room-readout');
    this.message = element('span', 'cairn-room-message');
    this.history = element('span', 'cairn-room-history');
    bar.append(title, this.readout, this.message, this.history);
    this.root.append(canvas, bar);
    parent.append(this.root);
    canvas.addEventListener('pointerdown', (e) => this.onDown(e));
    canvas.addEventListener('pointermove', (e) => this.onMove(e));
    canvas.addEventListener('pointerup', (e) => this.onUp(e));
    canvas.addEventListener('dblclick', (e) => this.onDoubleClick(e));
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('auxclick', (e) => e.preventDefault());
    window.addEventListener('resize', () => this.isOpen && this.layout());
    player.addEventListener('cairn-dev-reload', () => void (this.isOpen && this.refreshGame()));
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  /** F2: opens over the paused game, or closes and lets the game run on if it ran before. */
  async toggle(): Promise<void> {
    if (this.isOpen) return this.close();
    await this.open();
  }

  async open(): Promise<void> {
    if (this.isOpen || !this.player.ready) return;
    this.wasRunning = this.player.stats()?.running === true;
    if (this.wasRunning) this.player.pause();
    this.root.hidden = false;
    this.layout();
    this.say('Loading the room…');
    await this.refreshGame();
    if (this.room !== null) this.view.scrollTo(this.where?.camera.x ?? 0, this.where?.camera.y ?? 0, this.screen, this.room.size);
    this.redraw();
  }

  close(): void {
    if (!this.isOpen) return;
    this.root.hidden = true;
    this.drag = null;
    if (this.wasRunning) this.player.resume();
  }

  /** Handles a key while open; true when it was the editor's. */
  key(e: KeyboardEvent, down: boolean): boolean {
    if (!this.isOpen || e.target instanceof HTMLInputElement) return false;
    if (e.key === ' ') this.spaceHeld = down;
    if (!down) return true;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && (e.key === 'z' || e.key === 'Z')) void this.replay(e.shiftKey ? 'redo' : 'undo');
    else if (ctrl && (e.key === 'y' || e.key === 'Y')) void this.replay('redo');
    else if (e.key === 'Delete' || e.key === 'Backspace') this.deleteVertex();
    else if (e.key.startsWith('Arrow') && this.room !== null) {
      const dx = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
      const dy = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' ? 1 : 0;
      this.view.scrollTo(this.view.scrollX + dx * SCROLL_STEP, this.view.scrollY + dy * SCROLL_STEP, this.screen, this.room.size);
      this.redraw();
    }
    return true;
  }

  private get screen(): [number, number] {
    return this.geometry?.resolution ?? [640, 360];
  }

  private layout(): void {
    const box = this.player.getBoundingClientRect();
    Object.assign(this.root.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
    this.view.fit(box.width, Math.max(1, box.height - BAR_PX), this.screen, this.room?.size ?? this.screen);
    this.redraw();
  }

  /** Reads the scripts' geometry and where the game stands now. */
  private async refreshGame(): Promise<void> {
    try {
      const [answer, where] = await Promise.all([this.server.geometry(), this.player.devWhereabouts()]);
      this.where = where;
      if (!answer.ok) return this.say(answer.message, true);
      this.adopt(answer.geometry);
      if (this.room === null) return this.say(where.room === null ? 'The game is in no room.' : `The scripts declare no room \`${where.room}\`.`, true);
      // A reload that lands mid-drag must not hide what the drag shows.
      if (this.drag === null) this.say(`${this.room.name}: drag to edit · double-click an edge to add a point · Delete removes it · Shift-drag draws a hotspot · Alt snaps to 4 px · Ctrl+Z undoes`);
    } catch (e) {
      this.say(`The room editor could not read the room: ${e instanceof Error ? e.message : String(e)}`, true);
    }
  }

  /** Takes a fresh geometry answer, keeping the selection where it still exists. */
  private adopt(g: GeometryAnswer): void {
    // Mid-drag the model must hold still (the drag changes its values): the news waits for the button to come up.
    if (this.drag !== null) {
      this.pending = g;
      return;
    }
    this.pending = null;
    this.geometry = g;
    const roomName = this.where?.room ?? null;
    this.room = roomName === null ? null : roomModel(g, roomName);
    this.history.textContent = `undo ${g.undo} · redo ${g.redo}`;
    this.refused = null;
    this.selected = null;
    if (this.room === null) return;
    if (this.preview === null) this.preview = new PathPreview(this.room);
    else this.preview.changed(this.room);
    this.layout();
    for (const p of this.room.pictures) this.picture(p.image);
    for (const o of this.room.objects) if (o.sprite !== null) this.picture(o.sprite);
    for (const a of this.where?.actors ?? []) {
      const sheet = this.sheetOf(a.name);
      if (sheet !== null) this.picture(sheet.sheet);
    }
  }

  private picture(path: string): void {
    if (this.pictures.has(path)) return;
    const img = new Image();
    img.addEventListener('load', () => this.redraw());
    img.src = `/dev/room/picture?path=${encodeURIComponent(path)}`;
    this.pictures.set(path, img);
  }

  private sizeOf = (image: string): [number, number] | null => {
    const img = this.pictures.get(image);
    return img !== undefined && img.complete && img.naturalWidth > 0 ? [img.naturalWidth, img.naturalHeight] : null;
  };

  /** An actor's costume sheet and the size of its frames (without `frame`, the whole sheet). */
  private sheetOf(actor: string | null | undefined): { sheet: string; frame: [number, number] | null } | null {
    type Decl = { name: string; properties: Array<{ name: string; value: unknown }> };
    const decls = this.geometry?.declarations as { actors?: Decl[]; costumes?: Decl[] } | undefined;
    const costume = decls?.actors?.find((a) => a.name === actor)?.properties.find((p) => p.name === 'costume')?.value;
    const c = decls?.costumes?.find((x) => x.name === costume);
    const sheet = c?.properties.find((p) => p.name === 'sheet')?.value;
    const frame = c?.properties.find((p) => p.name === 'frame')?.value;
    return typeof sheet === 'string' ? { sheet, frame: Array.isArray(frame) ? [frame[0] as number, frame[1] as number] : null } : null;
  }

  /** An actor's first frame, once its sheet has loaded, drawn at the scale it has at height y. */
  private lookOf(actor: string | null | undefined, y: number): ActorLook | null {
    const sheet = this.sheetOf(actor);
    const image = sheet === null ? undefined : this.pictures.get(sheet.sheet);
    const frame = sheet === null ? null : (sheet.frame ?? this.sizeOf(sheet.sheet));
    if (image === undefined || frame === null || this.preview === null) return null;
    return { image, frame, scale: this.preview.scaleAt(y) };
  }

  private redraw(): void {
    const room = this.room;
    if (room === null || !this.isOpen) return;
    const where = this.where;
    const hero = where?.actors.find((a) => a.name === where.controlled) ?? null;
    const pointer = this.pointer;
    const path = pointer !== null && hero !== null && this.preview !== null ? this.preview.path({ x: hero.x, y: hero.y }, pointer) : null;
    const ghost = pointer === null ? null : this.lookOf(where?.controlled, pointer.y);
    this.view.draw(
      {
        room, pictures: this.pictures, pointer, path, ghost, selected: this.selected, refused: this.refused, drawing: this.drawing,
        shown: new Map((where?.objects ?? []).map((o) => [o.name, o.visible])),
        actors: (where?.actors ?? []).map((a) => ({ ...a, controlled: a.name === where?.controlled, look: this.lookOf(a.name, a.y) })),
      },
      this.sizeOf,
    );
  }

  private say(text: string, refused = false): void {
    this.message.textContent = text;
    this.message.classList.toggle('refused', refused);
  }

  private roomPoint(e: PointerEvent | MouseEvent): Pt {
    return this.view.toRoom(e.offsetX, e.offsetY);
  }

  private onDown(e: PointerEvent): void {
    if (this.room === null) return;
    const canvas = this.view.canvas;
    canvas.setPointerCapture(e.pointerId);
    const p = this.roomPoint(e);
    const base = { from: p, screen: { x: e.offsetX, y: e.offsetY }, moved: false, scroll: { x: this.view.scrollX, y: this.view.scrollY } };
    if (e.button === 1 || this.spaceHeld) {
      this.drag = { ...base, handle: null, e: null, start: null, kind: 'pan' };
      return;
    }
    if (e.button !== 0) return;
    const handle = handleAt(this.room, p, GRAB_PX / this.view.scale, this.sizeOf);
    if (e.shiftKey) {
      this.drag = { ...base, handle, e: null, start: null, kind: 'draw' };
      return;
    }
    if (handle === null) {
      this.selected = null;
      this.drag = null;
      this.clickAt(p);
      return;
    }
    const target = handle.type === 'sprite' ? null : handle.e;
    this.selected = handle;
    this.drag = { ...base, handle, e: target, start: target === null ? null : clone(target.value), kind: 'edit' };
    this.redraw();
  }

  private onMove(e: PointerEvent): void {
    if (this.room === null) return;
    const p = this.roomPoint(e);
    const grid = e.altKey ? 4 : 1;
    const snapped = snap(p, grid);
    this.pointer = snapped;
    this.readout.textContent = `(${snapped.x}, ${snapped.y})`;
    const d = this.drag;
    if (d !== null) {
      if (Math.abs(e.offsetX - d.screen.x) + Math.abs(e.offsetY - d.screen.y) > 2) d.moved = true;
      if (d.kind === 'pan') {
        this.view.scrollTo(d.scroll.x - (e.offsetX - d.screen.x) / this.view.scale, d.scroll.y - (e.offsetY - d.screen.y) / this.view.scale, this.screen, this.room.size);
      } else if (d.kind === 'draw') {
        const a = snap(d.from, grid);
        this.drawing = [Math.min(a.x, snapped.x), Math.min(a.y, snapped.y), Math.abs(snapped.x - a.x), Math.abs(snapped.y - a.y)];
      } else if (d.handle !== null && d.e !== null && d.start !== null && d.moved) {
        const from = snap(d.from, grid);
        d.e.value = dragged(d.handle, d.start, from, snapped);
        this.preview?.changed(this.room);
        const problem = refusal(this.room, d.e);
        this.refused = problem === null ? null : d.e;
        if (problem !== null) this.say(problem, true);
        else this.say(`${d.e.owner} \`${d.e.name}\` ${d.e.property} → ${formatValue(d.e.value)}`);
      }
    }
    this.redraw();
  }

  private onUp(e: PointerEvent): void {
    const d = this.drag;
    this.drag = null;
    if (d === null || this.room === null) return;
    this.finish(d, e);
    if (this.pending !== null && this.drag === null) {
      this.adopt(this.pending);
      this.redraw();
    }
  }

  private finish(d: Drag, e: PointerEvent): void {
    if (this.room === null) return;
    if (d.kind === 'draw') {
      const rect = this.drawing;
      this.drawing = null;
      this.redraw();
      if (rect !== null && rect[2] > 0 && rect[3] > 0) this.newHotspot(rect);
      return;
    }
    if (d.kind !== 'edit' || d.e === null || d.start === null) return;
    if (!d.moved) {
      this.clickAt(this.roomPoint(e));
      return;
    }
    const e2 = d.e;
    if (this.refused === e2) {
      // Refused while dragging: nothing is written, the value goes back.
      e2.value = d.start;
      this.refused = null;
      this.preview?.changed(this.room);
      this.redraw();
      this.say(`Not written: ${this.message.textContent}`, true);
      return;
    }
    void this.write(e2, e2.value, d.start);
  }

  private onDoubleClick(e: MouseEvent): void {
    if (this.room === null) return;
    const p = snap(this.roomPoint(e), e.altKey ? 4 : 1);
    const h = edgeAt(this.room, p, GRAB_PX / this.view.scale);
    if (h === null) return;
    void this.write(h.e, withVertex(h.e, h.path, h.index, p), clone(h.e.value));
  }

  private deleteVertex(): void {
    const h = this.selected;
    if (h?.type !== 'vertex') return this.say('Select a point of a polygon to delete it.');
    const value = withoutVertex(h.e, h.path, h.index);
    if (value === null) return this.say('A polygon keeps at least three points.', true);
    void this.write(h.e, value, clone(h.e.value));
  }

  /** Shift-drag: a hotspot for the selected object, when it has none. */
  private newHotspot(rect: [number, number, number, number]): void {
    const h = this.selected;
    const name = h === null ? null : h.type === 'sprite' ? h.o.name : h.e.owner === 'object' ? h.e.name : null;
    const o = this.room?.objects.find((x) => x.name === name);
    if (o === undefined) return this.say('Select an object first (click its sprite or its `at`), then Shift-drag its hotspot.', true);
    if (o.hotspot !== null || o.polygon !== null) return this.say(`\`${o.name}\` has a hotspot already: drag its corners.`, true);
    const e: Editable = { owner: 'object', name: o.name, property: 'hotspot', occurrence: 0, kind: 'rect', value: rect, writable: true, written: false, file: o.file, line: o.line };
    const problem = this.room === null ? null : refusal(this.room, e);
    if (problem !== null) return this.say(`Not written: ${problem}`, true);
    void this.write(e, rect, null);
  }

  /** A click that moved nothing: the point goes to the clipboard. */
  private clickAt(p: Pt): void {
    const s = snap(p, 1);
    const text = `(${s.x}, ${s.y})`;
    this.redraw();
    navigator.clipboard?.writeText(text).then(
      () => this.say(`Copied ${text}`),
      () => this.say(`${text} (the page may not use the clipboard)`),
    );
  }

  /** Sends one edit; the answer's geometry replaces ours, a refusal puts the value back. */
  private async write(e: Editable, value: GeometryValue, before: GeometryValue | null): Promise<void> {
    // The answer brings newer geometry than any that came during the drag.
    this.pending = null;
    if (!e.writable) {
      if (before !== null) e.value = before;
      this.redraw();
      return this.say(`\`${e.property}\` of \`${e.name}\` is written with names, not numbers: edit it in ${e.file}:${e.line}`, true);
    }
    const answer = await this.answered(this.server.edit({ kind: e.owner, name: e.name, property: e.property, occurrence: e.occurrence, value }));
    if (answer === null) return;
    if (!answer.ok) {
      if (before !== null) e.value = before;
      this.refused = null;
      this.redraw();
      return this.say(`Not written: ${answer.message}`, true);
    }
    this.adopt(answer.geometry);
    this.redraw();
    this.say(`Wrote ${e.owner} \`${e.name}\` ${e.property} ${formatValue(value)} to ${answer.file ?? e.file}`);
  }

  private async replay(what: 'undo' | 'redo'): Promise<void> {
    const answer = await this.answered(this.server.replay(what));
    if (answer === null) return;
    if (!answer.ok) return this.say(`Cannot ${what}: ${answer.message}`, true);
    this.adopt(answer.geometry);
    this.redraw();
    this.say(`${what === 'undo' ? 'Undid' : 'Redid'} an edit of ${answer.file ?? 'the scripts'}`);
  }

  /** The server's answer, or null (said) when it did not answer. */
  private async answered(request: Promise<RoomAnswer>): Promise<RoomAnswer | null> {
    try {
      return await request;
    } catch (err) {
      this.say(`The dev server did not answer: ${err instanceof Error ? err.message : String(err)}`, true);
      return null;
    }
  }
}
