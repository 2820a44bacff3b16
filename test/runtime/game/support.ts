// Helpers for the runtime's tests: compile the fixture games with the real
// compiler (assets not checked), and play them as a walkthrough would — an
// input, then ticks until the player has control again.

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Module } from '../../../interpreter/bytecode/module.js';
import { compile } from '../../../interpreter/compiler/compile.js';
import type { GameInput } from '../../../runtime/game-api.js';
import { Game, type GameOptions } from '../../../runtime/game.js';

const dir = new URL('./fixtures/', import.meta.url);
const cache = new Map<string, Module>();

/** Compiles fixture files together (cached: modules are never mutated). */
export function fixtureModule(...files: string[]): Module {
  const key = files.join('+');
  let module = cache.get(key);
  if (module === undefined) {
    module = compile(files.map((file) => ({ file, text: readFileSync(new URL(file, dir), 'utf8') }))).module;
    cache.set(key, module);
  }
  return module;
}

/** Compiles one script given as text. */
export function moduleOf(text: string): Module {
  return compile([{ file: 'inline.adv', text }]).module;
}

/** The beach sample game (fixtures/sample.adv). */
export function sampleGame(options: GameOptions = {}): Game {
  return Game.create(fixtureModule('sample.adv', 'sample-world.adv'), { id: 'org.cairn.sample', ...options });
}

/** The harbour test game, already settled after its start. */
export function harbourGame(options: GameOptions = {}): Game {
  const game = Game.create(fixtureModule('harbour.adv'), { id: 'org.cairn.harbour', ...options });
  settle(game);
  return game;
}

/** Ticks until the player has control (at most ten minutes of game time); returns the ticks run. */
export function settle(game: Game, max = 36_000): number {
  let n = 0;
  do {
    game.tick();
    n++;
  } while (!game.hasControl && n < max);
  expect(n, 'the game never gave control back').toBeLessThan(max);
  return n;
}

/** Applies an input and settles, as a walkthrough command does. */
export function act(game: Game, input: GameInput): void {
  game.input(input);
  settle(game);
}

/** Runs `n` ticks. */
export function ticks(game: Game, n: number): void {
  for (let i = 0; i < n; i++) game.tick();
}

/** The display form of a global, for compact assertions. */
export function shown(game: Game, global: string): string {
  return game.display(game.global(global));
}

/** An actor's position as [x, y]. */
export function position(game: Game, actor: string): [number, number] {
  const at = game.property(actor, 'at') as { x: number; y: number };
  return [at.x, at.y];
}

/** A scripted session of the harbour game (inputs at their ticks): determinism and save tests replay it. */
export const HARBOUR_SCRIPT: ReadonlyArray<readonly [number, GameInput]> = [
  [5, { type: 'hover', x: 200, y: 290 }],
  [10, { type: 'verb', verb: 'pickup', target: 'rope' }],
  [200, { type: 'click', x: 600, y: 330 }],
  [420, { type: 'verb', verb: 'ring', target: 'bell' }],
  [500, { type: 'skip' }],
  [520, { type: 'verb', verb: 'talk', target: 'fisher' }],
  [600, { type: 'choose', option: 3 }],
  [700, { type: 'choose', option: 1 }],
  [900, { type: 'choose', option: 2 }],
];
