// A scripted stand-in for the Game, for testing the walkthrough runner's own
// rules (waiting for control, fatal stops, failure sentences) without a world:
// each input runs a "reaction" the test supplies. Tests against the real Game
// live in game.test.ts.

import { CairnError } from '../../../interpreter/errors.js';
import { EntityRef, Point, type Value } from '../../../interpreter/vm/values.js';
import type { AudioCommand, GameDriver, GameInput, InputLog, Scene } from '../../../runtime/game-api.js';

/** A world small enough to describe in a test. */
export interface FakeWorld {
  room: string | null;
  inventory: string[];
  options: string[] | null;
  /** Ticks until the player has control again. */
  busy: number;
  positions: Map<string, Point>;
  globals: Map<string, Value>;
  ended: boolean;
  /** Throws from the next tick (a script error). */
  failNextTick?: CairnError;
}

/** The reaction to an input: changes the world, may say lines. */
export type Reaction = (input: GameInput, world: FakeWorld, say: (actor: string, text: string) => void) => void;

const ENTITIES = new Map<string, string>([
  ['beach', 'room'],
  ['lighthouse', 'room'],
  ['shell', 'object'],
  ['key', 'object'],
  ['door', 'object'],
  ['hero', 'actor'],
  ['keeper', 'actor'],
]);

/** A GameDriver whose world the test scripts. */
export class FakeGame implements GameDriver {
  tickCount = 0;
  readonly said: Array<{ actor: string; text: string }> = [];
  readonly transcript: string[] = [];
  readonly world: FakeWorld = { room: 'beach', inventory: [], options: null, busy: 0, positions: new Map([['hero', new Point(100, 330)]]), globals: new Map(), ended: false };
  private queued: GameInput[] = [];
  private log: InputLog['inputs'] = [];

  constructor(private readonly react: Reaction = () => {}) {}

  get hasControl(): boolean {
    return this.world.busy === 0 || this.world.options !== null;
  }

  get ended(): boolean {
    return this.world.ended;
  }

  // The runner never asks what is on screen; the fake has nothing clickable.
  targetAt(): null {
    return null;
  }

  targets(): [] {
    return [];
  }

  verbsOf(): string[] {
    return [];
  }

  tick(): void {
    if (this.world.failNextTick) {
      const e = this.world.failNextTick;
      this.world.failNextTick = undefined;
      throw e;
    }
    for (const input of this.queued) {
      this.log.push({ tick: this.tickCount, input });
      this.react(input, this.world, (actor, text) => this.said.push({ actor, text }));
    }
    this.queued = [];
    if (this.world.busy > 0) this.world.busy -= 1;
    this.tickCount += 1;
  }

  /** Refuses unknown verbs and names when queued, as the Game does. */
  input(input: GameInput): void {
    if (input.type === 'verb') {
      if (input.verb !== 'walk' && !this.scene().verbs.some((v) => v.id === input.verb)) throw new CairnError('USAGE', `bad input: the game has no verb \`${input.verb}\``);
      for (const name of input.with === undefined ? [input.target] : [input.target, input.with]) {
        const kind = ENTITIES.get(name);
        if (kind !== 'object' && kind !== 'actor') throw new CairnError('USAGE', `bad input: there is no object or actor called \`${name}\``);
      }
    }
    this.queued.push(input);
  }

  scene(): Scene {
    return {
      tick: this.tickCount,
      room: this.world.room,
      layers: [],
      sprites: [],
      speech: this.world.busy > 0 && this.said.length > 0 ? [{ ...this.said[this.said.length - 1]!, color: '#fff', at: { x: 0, y: 0 } }] : [],
      inventory: this.world.inventory.map((id) => ({ id, name: id, icon: null })),
      dialog: this.world.options ? { options: this.world.options } : null,
      verbs: [
        { id: 'look', label: 'Look at' },
        { id: 'pickup', label: 'Pick up' },
        { id: 'use', label: 'Use' },
      ],
      hover: null,
      camera: { x: 0, y: 0 },
      viewport: [640, 360],
      cutscene: false,
      ended: this.world.ended,
    };
  }

  takeAudio(): AudioCommand[] {
    return [];
  }

  /** Names, `has(x)`, `x.at` and globals; anything else is an unknown name. */
  evaluate(expression: string): Value {
    const has = /^has\((\w+)\)$/.exec(expression);
    if (has) return this.world.inventory.includes(has[1]!);
    const at = /^(\w+)\.at$/.exec(expression);
    if (at && this.world.positions.has(at[1]!)) return this.world.positions.get(at[1]!)!;
    const kind = ENTITIES.get(expression);
    if (kind) return new EntityRef(kind, expression);
    if (this.world.globals.has(expression)) return this.world.globals.get(expression)!;
    const eq = /^(\w+) == (\d+)$/.exec(expression);
    if (eq && this.world.globals.has(eq[1]!)) return this.world.globals.get(eq[1]!) === Number(eq[2]);
    throw new CairnError('UNKNOWN_NAME', `unknown name \`${expression}\``);
  }

  display(value: Value): string {
    if (value instanceof Point) return `(${value.x}, ${value.y})`;
    if (value instanceof EntityRef) return value.name;
    return value === null ? 'nil' : String(value);
  }

  save(): Uint8Array {
    return new TextEncoder().encode(JSON.stringify({ room: this.world.room, inventory: this.world.inventory, said: this.said.length }));
  }

  load(bytes: Uint8Array): void {
    const data = JSON.parse(new TextDecoder().decode(bytes)) as { room: string; inventory: string[]; said: number };
    this.world.room = data.room;
    this.world.inventory = [...data.inventory];
    this.said.length = data.said;
  }

  inputLog(): InputLog {
    return { format: 1, game: { id: 'org.example.fake', version: '1.0.0' }, seed: 1, inputs: [...this.log], ticks: this.tickCount };
  }
}
