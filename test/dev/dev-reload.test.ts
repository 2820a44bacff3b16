// `cairn dev`'s reload, worker side, in Node: a rebuilt game takes over the
// running one's save when the waiting threads' functions are unchanged (room,
// inventory and variables kept), and restarts in the same room, naming the
// changed script, when they are not. Builds real bundles with `cairn build`'s code.

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Game } from '../../runtime/game.js';
import { loadGame, type LoadedGame } from '../../runtime/game-loader.js';
import { buildProjectBundle } from '../../player/cli/project-bundle.js';
import { createMemoryTerminal } from '../../player/cli/terminal.js';
import { changedAssetPaths, reloadGame } from '../../player/web/worker/dev-reload.js';

const SCRIPT = `verbs { look: "Look at", pickup: "Pick up" }
room hall {
  background: "bg.svg"
  object coin { name: "coin"; hotspot: (10, 10, 20, 20); on look { say "A coin." } }
}
room cellar { background: "bg.svg" }
var steps = 0
fn pace() {
  while true {
    steps += 1
    wait 0.1
  }
}
on start {
  go hall
  spawn pace()
}
`;

/** Builds the project with `script` as its one script (and `art` as its background) into a loaded game. */
function build(dir: string, script: string, art = '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"></svg>'): LoadedGame {
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'cairn.json'), JSON.stringify({ id: 'org.cairn.dev', title: 'Dev', version: '0.1.0', author: 'Tests', resolution: [640, 360], pixelArt: false }));
  writeFileSync(join(dir, 'scripts/game.adv'), script);
  writeFileSync(join(dir, 'assets/bg.svg'), art);
  return loadGame(buildProjectBundle(dir, createMemoryTerminal()).bundle);
}

const create = (loaded: LoadedGame): Game => Game.fromBundle(loaded, { seed: 7, debug: {} });

/** A game of the first build that has run a while: coin taken, in the cellar. */
function running(first: LoadedGame): Game {
  const game = create(first);
  for (let i = 0; i < 30; i++) game.tick();
  game.debugger().inventoryAdd('coin');
  game.debugger().goRoom('cellar');
  for (let i = 0; i < 3; i++) game.tick();
  return game;
}

describe('reloading a rebuilt game', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-dev-reload-'));

  it('goes on in place when only handlers no thread stands in changed', () => {
    const first = build(dir, SCRIPT);
    const old = running(first);
    const steps = old.global('steps');
    const next = build(dir, SCRIPT.replace('A coin.', 'A gold coin.'));
    const { game, outcome, audio } = reloadGame(old, first, next, create);
    expect(outcome).toEqual({ kind: 'in-place', room: 'cellar', changedAssets: [], reason: '' });
    expect(audio).toEqual([]);
    expect(game.scene().room).toBe('cellar');
    expect(game.evaluate('has(coin)')).toBe(true);
    expect(game.global('steps')).toBe(steps);
  });

  it('restarts in the same room, naming the script, when a waiting thread’s function changed', () => {
    const first = build(dir, SCRIPT);
    const old = running(first);
    const next = build(dir, SCRIPT.replace('steps += 1', 'steps += 2'));
    const { game, outcome } = reloadGame(old, first, next, create);
    expect(outcome.kind).toBe('restarted');
    expect(outcome.reason).toContain('`pace`');
    expect(outcome.room).toBe('cellar');
    expect(game.scene().room).toBe('cellar');
    expect(game.evaluate('has(coin)')).toBe(false);
  });

  it('takes declarations whose numbers changed, except where the game changed the property itself', () => {
    const script = SCRIPT.replace('hotspot: (10, 10, 20, 20);', 'hotspot: (10, 10, 20, 20); weight: 3; shine: 1;');
    const first = build(dir, script);
    const old = running(first);
    old.debugger().setVariable('coin.weight', '9');
    const next = build(dir, script.replace('(10, 10, 20, 20)', '(12, 10, 24, 20)').replace('weight: 3', 'weight: 4').replace('shine: 1', 'shine: 2'));
    const { game, outcome } = reloadGame(old, first, next, create);
    expect(outcome.kind).toBe('in-place');
    expect(game.evaluate('coin.hotspot')).toEqual([12, 10, 24, 20]);
    expect(game.evaluate('coin.shine')).toBe(2);
    expect(game.evaluate('coin.weight'), 'the game set it: its value stays').toBe(9);
    expect(game.evaluate('has(coin)')).toBe(true);
  });

  it('names the assets whose bytes changed', () => {
    const first = build(dir, SCRIPT);
    const next = build(dir, SCRIPT, '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="9" height="9"/></svg>');
    expect(changedAssetPaths(first, next)).toEqual(['bg.svg']);
    expect(changedAssetPaths(first, first)).toEqual([]);
  });
});
