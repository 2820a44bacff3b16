// Touch as first-class input (as ScummVM's and AGS's mobile ports do it): a
// tap is the primary action, a long press (held still for LONG_PRESS_MS) is
// the secondary one (look), and a finger dragged across the screen inspects:
// the names of things under it show above the finger, and lifting it does
// nothing. One finger does everything. Pure timing logic, no DOM.

/** How long a finger must rest for a long press. */
export const LONG_PRESS_MS = 500;
/** How far (CSS px) a finger may wander and still tap or long-press. */
export const TAP_SLOP_PX = 12;
/** How long a still finger rests before the name under it shows. */
const NAME_AFTER_MS = 150;

/** What the gestures ask for. */
export interface TouchActions {
  /** A tap at (x, y): the primary action. */
  tap(x: number, y: number): void;
  /** A long press released at (x, y): the secondary action. */
  longPress(x: number, y: number): void;
  /** Show the name of what is under (x, y), above the finger; null hides it. */
  inspect(at: { x: number; y: number } | null): void;
}

/** One finger's gesture at a time; a second finger is ignored. */
export class TouchGestures {
  private finger: { id: number; x0: number; y0: number; x: number; y: number; t0: number; moved: boolean } | null = null;
  private nameTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly actions: TouchActions) {}

  down(id: number, x: number, y: number, now: number): void {
    if (this.finger !== null) return;
    this.finger = { id, x0: x, y0: y, x, y, t0: now, moved: false };
    this.nameTimer = setTimeout(() => this.actions.inspect({ x, y }), NAME_AFTER_MS);
  }

  move(id: number, x: number, y: number): void {
    const f = this.finger;
    if (f === null || f.id !== id) return;
    f.x = x;
    f.y = y;
    if (!f.moved && Math.hypot(x - f.x0, y - f.y0) > TAP_SLOP_PX) {
      f.moved = true;
      this.clearTimer();
    }
    if (f.moved) this.actions.inspect({ x, y });
  }

  up(id: number, now: number): void {
    const f = this.finger;
    if (f === null || f.id !== id) return;
    this.finger = null;
    this.clearTimer();
    this.actions.inspect(null);
    if (f.moved) return;
    if (now - f.t0 >= LONG_PRESS_MS) this.actions.longPress(f.x0, f.y0);
    else this.actions.tap(f.x0, f.y0);
  }

  /** The browser took the touch away (a scroll, a system gesture): nothing happens. */
  cancel(id: number): void {
    if (this.finger?.id !== id) return;
    this.finger = null;
    this.clearTimer();
    this.actions.inspect(null);
  }

  private clearTimer(): void {
    if (this.nameTimer !== null) clearTimeout(this.nameTimer);
    this.nameTimer = null;
  }
}
