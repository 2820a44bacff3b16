// The engine side of the debugger console (`cairn dev` only, like ScummVM's):
// list threads with where they stand and why they wait, evaluate expressions,
// set variables, change rooms and the inventory. Everything goes in and comes
// out as plain data, so the browser worker forwards it over postMessage as is.
// Game.debugger() hands one out only to a game started with debug options.

import { CairnError } from '../interpreter/errors.js';
import { didYouMean } from '../interpreter/edit-distance.js';
import type { SourcePlace } from '../interpreter/vm/debug-hooks.js';
import { quoteString } from '../interpreter/vm/display.js';
import type { BlockReason } from '../interpreter/vm/native-table.js';
import type { ThreadInfo } from '../interpreter/vm/thread.js';
import { EntityRef, typeName, type Value } from '../interpreter/vm/values.js';
import type { Engine } from './world/engine.js';
import { adoptDeclaredChanges } from './world/declared-changes.js';
import { setProperty } from './world/properties.js';
import type { GameVM } from './world/threads.js';
import { goTo } from './world/travel.js';

/** A live thread as the debugger lists it. */
export interface DebugThread {
  id: number;
  /** The function it runs now (`on start`, `beach.shell.on pickup`, `blink`). */
  function: string;
  file: string;
  line: number;
  /** Why it is not running, in words: `waiting 12 ticks`, `saying "Hi."`, `walking hero`, `in dialog chat`. */
  wait: string;
}

/** A value as the console shows it: as it would read in a script, and its type. */
export interface DebugValue {
  text: string;
  type: string;
}

/** What a Game lends its debugger: its insides, its evaluate, and a way to say the world changed. */
export interface DebugAccess {
  readonly engine: Engine;
  readonly vm: GameVM;
  evaluate(expression: string): Value;
  /** The world changed between ticks: drop what was derived from it (the scene). */
  changed(): void;
}

/** Who stands where in the current room, for `cairn dev`'s room editor: read-only. */
export interface DebugWhereabouts {
  room: string | null;
  camera: { x: number; y: number };
  /** The actor the player moves, or null. */
  controlled: string | null;
  /** The actors in the current room, in declaration order. */
  actors: Array<{ name: string; x: number; y: number }>;
  /** The objects in the current room now, and whether each is shown. */
  objects: Array<{ name: string; visible: boolean }>;
}

/** The longest text of a spoken line shown in a wait reason. */
const SHOWN_TEXT = 40;

/** The debugger of one game. Call it between ticks; every refusal is a CairnError. */
export class Debugger {
  constructor(private readonly game: DebugAccess) {}

  /** The live threads in scheduling order, each with its place and wait reason. */
  threads(): DebugThread[] {
    const vm = this.game.vm;
    return vm.threads().map((t) => {
      const place = vm.threadPlace(t.id);
      return { id: t.id, function: t.function, file: place?.file ?? '?', line: place?.line ?? 0, wait: this.waitWords(t) };
    });
  }

  /** The current room, the camera and the actors in the room; changes nothing. */
  whereabouts(): DebugWhereabouts {
    const s = this.game.engine.state;
    const actors = [...s.actors].filter(([, a]) => a.room !== null && a.room === s.room).map(([name, a]) => ({ name, x: a.x, y: a.y }));
    const objects = [...s.objects].filter(([, o]) => o.room !== null && o.room === s.room).map(([name, o]) => ({ name, visible: o.visible }));
    return { room: s.room, camera: { x: s.camera.x, y: s.camera.y }, controlled: s.controlled, actors, objects };
  }

  /**
   * After `cairn dev` loaded a save into a rebuilt game: properties whose
   * declarations changed since `previous`'s build take their new values,
   * where the game had not changed them itself. Returns `name.property` of each.
   */
  adoptDeclarationsOf(previous: Debugger): string[] {
    const adopted = adoptDeclaredChanges(this.game.engine, previous.game.engine.decls);
    if (adopted.length > 0) this.game.changed();
    return adopted;
  }

  /** A thread's frames, innermost first; USAGE when there is no such thread. */
  stack(threadId: number): SourcePlace[] {
    const places = threadId === 0 ? undefined : this.game.vm.threadStack(threadId);
    if (places === undefined) throw new CairnError('USAGE', `there is no thread ${threadId}`, { hint: '`threads` lists the live ones' });
    return places;
  }

  /** Evaluates a game expression now (`door.open`, `has(key)`); compile and runtime errors are thrown. */
  evaluate(expression: string): DebugValue {
    return this.show(this.game.evaluate(expression));
  }

  /**
   * Sets a global variable, or an entity's property (`door.open`), to the
   * value of an expression; returns the value set. Constants cannot be set.
   */
  setVariable(name: string, valueExpression: string): DebugValue {
    const { vm, engine } = this.game;
    const dot = name.indexOf('.');
    if (dot >= 0) {
      const ref = this.entity(name.slice(0, dot));
      const value = this.game.evaluate(valueExpression);
      setProperty(engine, ref, name.slice(dot + 1), value);
      this.game.changed();
      return this.show(value);
    }
    const global = vm.program.module.globals.find((g) => g.name === name);
    if (global === undefined) {
      const names = vm.program.module.globals.filter((g) => !g.constant).map((g) => g.name);
      throw new CairnError('USAGE', `there is no global variable \`${name}\``, { hint: didYouMean(name, names) ?? '`set` changes `var`s and properties (`door.open`)' });
    }
    if (global.constant) throw new CairnError('USAGE', `\`${name}\` is a constant: scripts use its value where they name it, so it cannot change`);
    const value = this.game.evaluate(valueExpression);
    vm.setGlobal(name, value);
    this.game.changed();
    return this.show(value);
  }

  /** Makes `room` current as `go room` would: the room left runs `on exit`, the new one `on enter` (in the next tick). */
  goRoom(room: string): void {
    const { engine } = this.game;
    if (!engine.state.rooms.has(room)) {
      throw new CairnError('USAGE', `there is no room called \`${room}\``, { hint: didYouMean(room, engine.state.rooms.keys()) });
    }
    goTo(engine, room, 0);
    this.game.changed();
  }

  /** Puts an object in the inventory, as `take` does (it leaves its room). */
  inventoryAdd(object: string): void {
    const s = this.game.engine.state;
    this.object(object).room = null;
    if (!s.inventory.includes(object)) s.inventory.push(object);
    this.game.changed();
  }

  /** Takes an object out of the inventory, as `drop` does (it leaves the game). */
  inventoryRemove(object: string): void {
    const s = this.game.engine.state;
    this.object(object);
    if (!s.inventory.includes(object)) throw new CairnError('USAGE', `\`${object}\` is not in the inventory`);
    s.inventory = s.inventory.filter((n) => n !== object);
    this.game.changed();
  }

  /** The inventory, object names in the order taken. */
  inventory(): string[] {
    return this.game.engine.state.inventory.slice();
  }

  private show(v: Value): DebugValue {
    return { text: typeof v === 'string' ? quoteString(v) : this.game.vm.display(v), type: typeName(v) };
  }

  private object(name: string) {
    const objects = this.game.engine.state.objects;
    const o = objects.get(name);
    if (o === undefined) throw new CairnError('USAGE', `there is no object called \`${name}\``, { hint: didYouMean(name, objects.keys()) });
    return o;
  }

  private entity(name: string): EntityRef {
    const s = this.game.engine.state;
    if (s.rooms.has(name)) return new EntityRef('room', name);
    if (s.objects.has(name)) return new EntityRef('object', name);
    if (s.actors.has(name)) return new EntityRef('actor', name);
    const hint = didYouMean(name, [...s.rooms.keys(), ...s.objects.keys(), ...s.actors.keys()]);
    throw new CairnError('USAGE', `there is no room, object or actor called \`${name}\``, { hint });
  }

  /** Why a thread is not running, in words, plus `, in a cutscene` when it is inside one. */
  private waitWords(t: ThreadInfo): string {
    const { engine, vm } = this.game;
    const w = t.wait;
    let words: string;
    switch (w.kind) {
      case 'ticks': {
        // Between ticks, tickCount is the tick about to run: a thread waking at tick n runs in the (n - tickCount + 1)th tick from now.
        const n = Math.max(1, w.until - vm.tickCount + 1);
        words = `waiting ${n} tick${n === 1 ? '' : 's'}`;
        break;
      }
      case 'yield':
        words = 'yielding until the next tick';
        break;
      case 'native':
        words = this.blockedWords(t.id, w.native, w.reason);
        break;
      default:
        words = w.kind; // ready, running, done
    }
    return engine.state.cutscenes.has(t.id) ? `${words}, in a cutscene` : words;
  }

  private blockedWords(id: number, native: string, reason: BlockReason): string {
    const field = (key: string): string | undefined => {
      if (typeof reason !== 'object' || reason === null || Array.isArray(reason) || !Object.hasOwn(reason, key)) return undefined;
      const v = (reason as Record<string, unknown>)[key];
      return typeof v === 'string' ? v : undefined;
    };
    if (native === 'say') {
      const line = this.game.engine.state.lines.find((l) => l.thread === id);
      if (line === undefined) return 'saying';
      const text = line.text.length > SHOWN_TEXT ? `${line.text.slice(0, SHOWN_TEXT)}…` : line.text;
      return `saying ${quoteString(text)}`;
    }
    if (native === 'walk') return field('walk') === undefined ? 'walking' : `walking ${field('walk')}`;
    if (native === 'choose') return field('choose') === undefined ? 'in a dialog' : `in dialog ${field('choose')}`;
    return `in ${native}()`;
  }
}
