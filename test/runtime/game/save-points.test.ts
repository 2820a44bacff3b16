// Saves at any moment: a run saved and restored (into a fresh game) at 50
// random points ends in exactly the state of the uninterrupted run; and saves
// survive a rebuild of the game unless a waiting thread's own code changed.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../interpreter/compiler/compile.js';
import { isCairnError } from '../../../interpreter/errors.js';
import { Game } from '../../../runtime/game.js';
import { harbourGame, settle, HARBOUR_SCRIPT } from './support.js';

const SCRIPT = HARBOUR_SCRIPT;
const LENGTH = 1200;

function finalState(game: Game): string {
  return JSON.stringify({ tick: game.tickCount, world: game.worldJson(), scene: game.scene(), save: Array.from(game.save()) });
}

/** Plays the script; at each tick in `restoreAt` the game is saved and continued in a brand-new Game loaded from that save. */
function play(restoreAt: ReadonlySet<number>): string {
  let game = harbourGame({ seed: 11 });
  for (let t = 0; t < LENGTH; t++) {
    if (restoreAt.has(t)) {
      const bytes = game.save();
      const fresh = harbourGame({ seed: 999 }); // a different seed: the save must carry the generator's state
      fresh.load(bytes);
      game = fresh;
    }
    for (const [at, input] of SCRIPT) if (at === t) game.input(input);
    game.tick();
  }
  expect(game.errors).toEqual([]);
  return finalState(game);
}

/** A deterministic choice of n distinct ticks (a fixed LCG: the test must not depend on Math.random). */
function pickTicks(n: number, seed: number): Set<number> {
  const out = new Set<number>();
  let x = seed;
  while (out.size < n) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.add(x % LENGTH);
  }
  return out;
}

describe('save anywhere', () => {
  it('ends identically when saved and restored at 50 random points of a run', () => {
    const uninterrupted = play(new Set());
    const points = pickTicks(50, 2026);
    expect(play(points)).toBe(uninterrupted);
  });
});

const BUILD_1 = `
verbs { look: "Look at", use: "Use" }
var visits = 0
actor hero { name: "Hero" }
room hall {
  walkable: [(0, 200), (640, 200), (640, 360), (0, 360)]
  object clock {
    name: "clock"; hotspot: (300, 100, 40, 80)
    on look { say "Tick tock." }
  }
}
fn patrol() {
  while true {
    visits += 1
    wait 1
  }
}
on start {
  put hero in hall at (100, 300)
  go hall
  spawn patrol()
}
`;

function build(text: string) {
  return compile([{ file: 'scripts/main.adv', text }]).module;
}

function savedRun(): Uint8Array {
  const game = Game.create(build(BUILD_1), { id: 'org.example.clock' });
  settle(game);
  for (let i = 0; i < 200; i++) game.tick();
  return game.save();
}

describe('saves across builds of a game', () => {
  it('load into a build with a new room, a new variable and a changed idle handler', () => {
    const bytes = savedRun();
    const build2 = BUILD_1.replace('var visits = 0', 'var visits = 0\nvar lamps = 3')
      .replace('say "Tick tock."', 'say "Tick, tock, says the clock."')
      .replace('fn patrol()', 'room cellar {\n  walkable: [(0, 200), (640, 200), (640, 360), (0, 360)]\n}\nfn patrol()');
    const game = Game.create(build(build2), { id: 'org.example.clock' });
    game.load(bytes);
    expect(game.display(game.evaluate('lamps'))).toBe('3');
    const visits = game.evaluate('visits') as number;
    expect(visits).toBeGreaterThan(2);
    for (let i = 0; i < 120; i++) game.tick();
    expect(game.evaluate('visits')).toBe(visits + 2); // the restored thread goes on waiting and counting
    game.input({ type: 'verb', verb: 'look', target: 'clock' });
    settle(game);
    expect(game.said.at(-1)?.text).toBe('Tick, tock, says the clock.');
  });

  it('refuses a build where the function a waiting thread stands in changed, naming it, and changes nothing', () => {
    const bytes = savedRun();
    const build3 = BUILD_1.replace('visits += 1', 'visits += 2');
    const game = Game.create(build(build3), { id: 'org.example.clock' });
    settle(game);
    const before = game.save();
    let error: unknown;
    try {
      game.load(bytes);
    } catch (e) {
      error = e;
    }
    expect(isCairnError(error)).toBe(true);
    expect((error as Error).message).toContain('`patrol`');
    expect(Array.from(game.save())).toEqual(Array.from(before));
  });
});
