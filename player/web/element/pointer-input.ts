// The canvas's pointer events, turned into the game view's gestures: the mouse
// acts on press (left: act, right: the default verb) and names what it hovers;
// a finger goes through the touch gestures (tap, long press, drag to inspect),
// whose names show above the finger. Returns nothing to keep: the listeners
// live as long as the canvas.

import { TouchGestures } from '../input/touch.js';
import type { GameView } from './game-view.js';
import type { ScreenControls } from './screen-controls.js';

/** What the binding needs from the element. */
export interface PointerHost {
  /** Called on every press: the element takes the keyboard focus. */
  pressed(): void;
  failed(error: unknown): void;
}

/** Wires the canvas of `view` to it. */
export function bindPointer(view: GameView, controls: ScreenControls, host: PointerHost): void {
  const canvas = view.renderer.canvas;
  const rect = () => canvas.getBoundingClientRect();
  const act = (x: number, y: number, button: number) => void view.pointerDown(x, y, button, rect()).catch((err: unknown) => host.failed(err));
  let fingerAt: { x: number; y: number } | null = null;
  const showName = () => {
    if (fingerAt === null) return controls.showName(null, null);
    const r = rect();
    const box = canvas.offsetParent?.getBoundingClientRect() ?? r;
    controls.showName(view.controller.pointedName(), { x: r.left - box.left + fingerAt.x, y: r.top - box.top + fingerAt.y });
  };
  view.onPointed = showName;
  const touch = new TouchGestures({
    tap: (x, y) => act(x, y, 0),
    longPress: (x, y) => act(x, y, 2),
    inspect: (at) => {
      fingerAt = at;
      if (at !== null) view.pointerMove(at.x, at.y, rect());
      showName();
    },
  });
  const isTouch = (e: PointerEvent) => e.pointerType === 'touch' || e.pointerType === 'pen';
  canvas.addEventListener('pointermove', (e) => {
    if (isTouch(e)) touch.move(e.pointerId, e.offsetX, e.offsetY);
    else view.pointerMove(e.offsetX, e.offsetY, rect());
  });
  canvas.addEventListener('pointerleave', (e) => {
    if (!isTouch(e)) view.pointerLeave();
  });
  canvas.addEventListener('pointerdown', (e) => {
    host.pressed();
    if (!isTouch(e)) return act(e.offsetX, e.offsetY, e.button);
    touch.down(e.pointerId, e.offsetX, e.offsetY, e.timeStamp);
  });
  canvas.addEventListener('pointerup', (e) => {
    if (isTouch(e)) touch.up(e.pointerId, e.timeStamp);
  });
  canvas.addEventListener('pointercancel', (e) => touch.cancel(e.pointerId));
}
