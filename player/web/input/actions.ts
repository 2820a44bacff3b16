// The one table of keys and gamepad buttons: what each does. The element, the
// help text in docs/embedding.md and the tests read the same rows, so a key
// binding exists in one place.

/** What a key or button asks for. */
export type Action =
  /** Moves the focus; `leaves`: past either end the focus leaves the element (Tab), else it wraps around (arrows, d-pad). */
  | { type: 'focus'; step: 1 | -1; leaves?: true }
  | { type: 'activate' }
  | { type: 'look' }
  | { type: 'verb'; step: 1 | -1 }
  | { type: 'number'; n: number }
  | { type: 'skip-line' }
  | { type: 'escape' }
  | { type: 'menu' }
  | { type: 'pause' }
  | { type: 'self-voicing' };

/** Keyboard bindings: `key` as KeyboardEvent.key, with Shift where it matters. */
export const KEY_BINDINGS: ReadonlyArray<{ key: string; shift?: boolean; action: Action; help: string }> = [
  { key: 'Tab', shift: false, action: { type: 'focus', step: 1, leaves: true }, help: 'next thing in the room or inventory; after the last, on out of the game' },
  { key: 'Tab', shift: true, action: { type: 'focus', step: -1, leaves: true }, help: 'previous thing; before the first, back out of the game' },
  { key: 'ArrowRight', action: { type: 'focus', step: 1 }, help: 'next thing (wraps around)' },
  { key: 'ArrowLeft', action: { type: 'focus', step: -1 }, help: 'previous thing (wraps around)' },
  { key: 'ArrowDown', action: { type: 'verb', step: 1 }, help: 'next verb' },
  { key: 'ArrowUp', action: { type: 'verb', step: -1 }, help: 'previous verb' },
  { key: 'Enter', action: { type: 'activate' }, help: 'act on the focused thing with the picked verb' },
  { key: 'l', action: { type: 'look' }, help: 'look at the focused thing' },
  { key: '.', action: { type: 'skip-line' }, help: 'skip the line being spoken' },
  { key: 'Escape', action: { type: 'escape' }, help: 'skip the cutscene, else open the menu' },
  { key: 'F5', action: { type: 'menu' }, help: 'open the menu (save, load, settings, restart)' },
  { key: ' ', action: { type: 'pause' }, help: 'pause and resume' },
  { key: 'v', action: { type: 'self-voicing' }, help: 'self-voicing on or off: lines, options and names read aloud' },
];

/** The action of a key press, or null for keys the player leaves to the page. */
export function actionForKey(key: string, shift: boolean): Action | null {
  if (/^[1-9]$/.test(key)) return { type: 'number', n: Number(key) };
  // Letters work with Caps Lock or Shift too (`V` as `v`).
  const k = /^[A-Z]$/.test(key) ? key.toLowerCase() : key;
  const row = KEY_BINDINGS.find((b) => b.key === k && (b.shift === undefined || b.shift === shift));
  return row?.action ?? null;
}

/** Gamepad bindings, by the standard mapping's button index. */
export const BUTTON_BINDINGS: ReadonlyArray<{ button: number; action: Action; help: string }> = [
  { button: 0, action: { type: 'activate' }, help: 'A: act on the focused thing' },
  { button: 1, action: { type: 'skip-line' }, help: 'B: skip the line' },
  { button: 2, action: { type: 'verb', step: 1 }, help: 'X: next verb' },
  { button: 3, action: { type: 'look' }, help: 'Y: look at the focused thing' },
  { button: 8, action: { type: 'escape' }, help: 'Back: skip the cutscene' },
  { button: 9, action: { type: 'menu' }, help: 'Start: menu' },
  { button: 12, action: { type: 'verb', step: -1 }, help: 'D-pad up: previous verb' },
  { button: 13, action: { type: 'verb', step: 1 }, help: 'D-pad down: next verb' },
  { button: 14, action: { type: 'focus', step: -1 }, help: 'D-pad left: previous thing' },
  { button: 15, action: { type: 'focus', step: 1 }, help: 'D-pad right: next thing' },
];

/** Turns gamepad state into actions on presses (not while held). */
export class GamepadReader {
  private readonly held = new Set<string>();

  /** The actions of buttons pressed since the last poll, on every connected pad. */
  poll(pads: ReadonlyArray<Pick<Gamepad, 'index' | 'buttons' | 'axes'> | null>): Action[] {
    const out: Action[] = [];
    const down = new Set<string>();
    for (const pad of pads) {
      if (pad === null) continue;
      for (const b of BUTTON_BINDINGS) {
        if (pad.buttons[b.button]?.pressed) down.add(`${pad.index}:${b.button}`);
      }
      // The left stick pushed past half way acts as the d-pad.
      const x = pad.axes[0] ?? 0;
      if (x < -0.5) down.add(`${pad.index}:14`);
      if (x > 0.5) down.add(`${pad.index}:15`);
    }
    for (const key of down) {
      if (this.held.has(key)) continue;
      const button = Number(key.split(':')[1]);
      const row = BUTTON_BINDINGS.find((b) => b.button === button);
      if (row) out.push(row.action);
    }
    this.held.clear();
    for (const key of down) this.held.add(key);
    return out;
  }
}
