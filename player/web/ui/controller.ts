// How clicks and keys become game inputs: the verb the player picked, the
// "Give sardine to …" and "Use brass key with …" sentences of verbs that take
// two things, right-click defaults, one-click defaults, speech skipping and
// dialog choices. Pure logic over the latest frame — no DOM, no Pixi — so the
// mouse, the keyboard and the gamepad share it and Node tests can drive it.

import type { GameInput, Scene } from '../../../runtime/game-api.js';
import type { TargetView } from '../protocol.js';
import type { UiStyle } from '../render/layout.js';

/** What the controller needs from the latest frame. */
export interface FrameView {
  scene: Scene;
  hasControl: boolean;
  targets: TargetView[];
}

/** A thing the keyboard or gamepad can focus: a room target or an inventory item. */
export type Focusable = { kind: 'room'; target: TargetView } | { kind: 'inventory'; id: string; name: string; index: number };

/** What the pointer is over: the room screen (the scene names what is there), an inventory item, or neither. */
export type PointerOver = { kind: 'room' } | { kind: 'item'; id: string } | { kind: 'none' };

/** A focusable thing's stable key: focus follows the thing, not its place in the list. */
export function focusKey(f: Focusable): string {
  return f.kind === 'room' ? `room:${f.target.id}` : `inventory:${f.id}`;
}

/** Turns the player's gestures into inputs for the game. */
export class Controller {
  /** The verb picked in the verb bar (null: walk). */
  verb: string | null = null;
  /** The inventory item held for "Use X with …" or "Give X to …", or null. */
  holding: string | null = null;
  /** The verb the held item waits with (`use`, `give`, …). */
  holdingVerb = 'use';
  /** What the pointer is over, so the sentence line names only that. */
  pointer: PointerOver = { kind: 'room' };
  /** The focused thing for keyboard and gamepad play (`room:shell`, `inventory:key`), or null. */
  focus: string | null = null;
  private frame: FrameView | null = null;

  constructor(
    private readonly ui: UiStyle,
    private readonly send: (input: GameInput) => void,
  ) {}

  /** Takes the newest frame; drops a focus or a held item that left the screen. */
  update(frame: FrameView): void {
    this.frame = frame;
    const inv = frame.scene.inventory;
    if (this.holding !== null && !inv.some((i) => i.id === this.holding)) this.holding = null;
    if (this.focus !== null && this.focused() === undefined) this.focus = null;
  }

  /** The sentence line: "Walk to seashell", "Use brass key with door". */
  sentence(): string {
    const scene = this.frame?.scene;
    if (!scene) return '';
    if (scene.dialog) return '';
    const f = this.focused();
    const hover = f === undefined ? this.pointedName(scene) : f.kind === 'room' ? f.target.name : f.name;
    if (this.holding !== null) {
      const item = scene.inventory.find((i) => i.id === this.holding)?.name ?? this.holding;
      const other = hover !== null && hover !== item ? ` ${hover}` : '';
      return `${this.label(this.holdingVerb)} ${item} ${this.joiner(this.holdingVerb)}${other}`;
    }
    if (this.ui === 'one-click') return hover ?? '';
    const verb = this.verb === null ? 'Walk to' : this.label(this.verb);
    return hover ? `${verb} ${hover}` : verb;
  }

  /** The name of what the pointer (or a finger) is over, or null. */
  pointedName(scene: Scene | undefined = this.frame?.scene): string | null {
    const p = this.pointer;
    if (scene === undefined) return null;
    if (p.kind === 'room') return scene.hover;
    if (p.kind === 'item') return scene.inventory.find((i) => i.id === p.id)?.name ?? null;
    return null;
  }

  /** True while a click should skip the line being spoken rather than act. */
  get clickSkips(): boolean {
    const f = this.frame;
    return f !== null && !f.hasControl && f.scene.speech.length > 0 && f.scene.dialog === null;
  }

  /** A left click on the room screen at (x, y), with what is there (null: the floor). */
  clickRoom(x: number, y: number, target: TargetView | null): void {
    if (this.clickSkips) return this.skipLine();
    if (target === null) {
      this.send({ type: 'click', x: Math.round(x), y: Math.round(y) });
      if (this.ui === 'verbs') this.verb = null;
      this.holding = null;
      return;
    }
    if (this.holding !== null) return this.useHeldOn(target.id);
    if (this.ui === 'one-click') {
      const verb = target.verbs.find((v) => v !== 'look');
      return this.send(verb === undefined ? { type: 'verb', verb: 'walk', target: target.id } : { type: 'verb', verb, target: target.id });
    }
    this.send({ type: 'verb', verb: this.verb ?? 'walk', target: target.id });
    this.verb = null;
  }

  /** A right click or a long press: the thing's default verb (`look` unless the game chose another), or cancel a held item. */
  secondaryClick(target: { id: string; defaultVerb?: string } | null): void {
    if (this.holding !== null) {
      this.holding = null;
      return;
    }
    const verb = target?.defaultVerb ?? 'look';
    if (target !== null && this.hasVerb(verb)) this.send({ type: 'verb', verb, target: target.id });
  }

  /** A click on an inventory item. */
  clickInventory(id: string): void {
    if (this.clickSkips) return this.skipLine();
    if (this.holding !== null) {
      if (this.holding !== id) this.useHeldOn(id);
      else this.holding = null;
      return;
    }
    const verb = this.ui === 'one-click' ? null : this.verb;
    if (verb === null || this.joinerOf(verb) !== undefined) {
      // "Use X with …", "Give X to …" wait for the second thing; a plain click holds it for Use; without one, the item is looked at.
      const holdWith = verb ?? 'use';
      if (this.hasVerb(holdWith)) {
        this.holding = id;
        this.holdingVerb = holdWith;
      } else if (this.hasVerb('look')) this.send({ type: 'verb', verb: 'look', target: id });
      this.verb = null;
      return;
    }
    this.send({ type: 'verb', verb, target: id });
    this.verb = null;
  }

  /** Picks a verb in the verb bar (picking it again puts it down). */
  pickVerb(id: string): void {
    this.holding = null;
    this.verb = this.verb === id ? null : id;
  }

  /** Picks dialog option `n` (1-based) when a dialog waits. */
  choose(n: number): boolean {
    const dialog = this.frame?.scene.dialog;
    if (!dialog || n < 1 || n > dialog.options.length) return false;
    this.send({ type: 'choose', option: n });
    return true;
  }

  /** Skips the whole cutscene (Escape, the skip button), or outside one the lines being spoken. */
  skip(): void {
    this.send({ type: 'skip' });
  }

  /** Ends the lines being spoken (`.`, a click or tap on a line); a cutscene goes on. */
  skipLine(): void {
    this.send({ type: 'skip', line: true });
  }

  /** Everything keyboard and gamepad can cycle through: room targets left to right, then the inventory. */
  focusables(): Focusable[] {
    const f = this.frame;
    if (f === null) return [];
    const room: Focusable[] = f.targets.map((target) => ({ kind: 'room', target }));
    const inv: Focusable[] = f.scene.inventory.map((i, index) => ({ kind: 'inventory', id: i.id, name: i.name, index }));
    return [...room, ...inv];
  }

  /** The focused thing, if any. */
  focused(): Focusable | undefined {
    return this.focus === null ? undefined : this.focusables().find((f) => focusKey(f) === this.focus);
  }

  /**
   * Moves the focus forward or back, wrapping around; with `leaves` (Tab),
   * past either end the focus is dropped and undefined returned, so the page
   * moves the keyboard focus on out of the game.
   */
  cycleFocus(step: 1 | -1, leaves = false): Focusable | undefined {
    const all = this.focusables();
    const n = all.length;
    const at = this.focus === null ? -1 : all.findIndex((f) => focusKey(f) === this.focus);
    if (n === 0 || (leaves && ((step === 1 && at === n - 1) || (step === -1 && at === 0)))) {
      this.focus = null;
      return undefined;
    }
    const next = at < 0 ? (step === 1 ? 0 : n - 1) : (at + step + n) % n;
    this.focus = focusKey(all[next]!);
    return all[next];
  }

  /** Enter: acts on the focused thing as a click on it would. */
  activateFocus(): void {
    const f = this.focused();
    if (this.clickSkips) return this.skipLine();
    if (f === undefined) return;
    if (f.kind === 'room') this.clickRoom(f.target.x, f.target.y, f.target);
    else this.clickInventory(f.id);
  }

  /** Looks at the focused thing (keyboard `l`, gamepad Y). */
  lookAtFocus(): void {
    const f = this.focused();
    if (f === undefined || !this.hasVerb('look')) return;
    this.send({ type: 'verb', verb: 'look', target: f.kind === 'room' ? f.target.id : f.id });
  }

  /** Cycles the picked verb (keyboard and gamepad): walk, then each verb in turn. */
  cycleVerb(step: 1 | -1): void {
    const ids = [null, ...(this.frame?.scene.verbs.map((v) => v.id) ?? [])];
    const at = ids.indexOf(this.verb);
    this.holding = null;
    this.verb = ids[(at + step + ids.length) % ids.length] ?? null;
  }

  private useHeldOn(id: string): void {
    const held = this.holding!;
    this.holding = null;
    this.send({ type: 'verb', verb: this.holdingVerb, target: held, with: id });
  }

  /** The word between two things for a verb that takes two, else undefined. */
  private joinerOf(id: string): string | undefined {
    return this.frame?.scene.verbs.find((v) => v.id === id)?.with;
  }

  private joiner(id: string): string {
    return this.joinerOf(id) ?? 'with';
  }

  private hasVerb(id: string): boolean {
    return this.frame?.scene.verbs.some((v) => v.id === id) ?? false;
  }

  private label(id: string): string {
    return this.frame?.scene.verbs.find((v) => v.id === id)?.label ?? id;
  }
}
