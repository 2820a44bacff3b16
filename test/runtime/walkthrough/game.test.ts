// Walkthroughs against the real Game: the fixture project (a small beach with
// a cutscene, a dialog, two rooms and a global) is built as `cairn build`
// would, and its walkthroughs must pass — or, for the one that fails on
// purpose, fail at the lines and with the sentences the report promises.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProjectBundle, nodeSha256 } from '../../../player/cli/project-bundle.js';
import { createMemoryTerminal } from '../../../player/cli/terminal.js';
import { Game } from '../../../runtime/game.js';
import { loadGame, type LoadedGame } from '../../../runtime/game-loader.js';
import { parseWalkthrough } from '../../../runtime/walkthrough/parse.js';
import { runWalkthrough } from '../../../runtime/walkthrough/run.js';

const BEACH = join(import.meta.dirname, 'fixtures/beach');
let loaded: LoadedGame;

beforeAll(() => {
  loaded = loadGame(buildProjectBundle(BEACH, createMemoryTerminal()).bundle, { sha256: nodeSha256 });
});

function play(text: string, file = 'tests/inline.walk') {
  const game = Game.fromBundle(loaded, { seed: 1 });
  // Counts the driver's tick() calls: a skipped cutscene passes its game time inside one call.
  let tickCalls = 0;
  const tick = game.tick.bind(game);
  game.tick = () => {
    tickCalls += 1;
    tick();
  };
  const result = runWalkthrough(parseWalkthrough(text, file), game);
  return { game, result, tickCalls, failures: result.failures.map((f) => `${f.span!.start.line}: ${f.message}`) };
}

const fixture = (name: string) => readFileSync(join(BEACH, 'tests', name), 'utf8');

describe('walkthroughs against the real Game', () => {
  it('waits out the opening cutscene before the first check', () => {
    const { failures, result } = play('expect room beach\nexpect said "What a morning."\nexpect hero at (200, 330)\n');
    expect(failures).toEqual([]);
    expect(result.ticks).toBeGreaterThan(60); // the walk from x 100 to 200 at 120 px/s, then the line
  });

  it('skips the opening cutscene and leaves the world as a full run would', () => {
    const skipped = play(fixture('skip.walk'));
    expect(skipped.failures).toEqual([]);
    const full = play('expect hero at (200, 330)');
    expect(skipped.game.worldJson()).toEqual(full.game.worldJson());
    expect(skipped.result.ticks).toBe(full.result.ticks);
    expect(skipped.tickCalls).toBeLessThan(5);
    expect(full.tickCalls).toBe(full.result.ticks);
  });

  it('`skip line` ends the opening\'s line only: the cutscene plays its walk in real ticks', () => {
    const full = play('expect hero at (200, 330)');
    const { failures, result, tickCalls } = play('skip line\nexpect said "What a morning."\nexpect hero at (200, 330)');
    expect(failures).toEqual([]);
    expect(result.ticks).toBeLessThan(full.result.ticks);
    // No fast-forward: every tick of the walk before the line was its own call.
    expect(tickCalls).toBe(result.ticks);
  });

  it('plays verbs, a dialog and inventory checks', () => {
    const { failures } = play(
      [
        'do look shell',
        'expect said "A spiral shell"',
        'do pickup shell',
        'expect has shell',
        'expect said "Mine now."',
        'do talk keeper',
        'choose "Who are you?"',
        'expect said keeper "I keep the light."',
        'choose "Got any keys?"',
        'expect has key',
        'choose "Bye."',
        'expect said "See you."',
        'do use key door',
        'expect said "Click."',
        'click 590 250',
        'expect room lighthouse',
      ].join('\n'),
    );
    expect(failures).toEqual([]);
  });

  it('saves and loads in memory', () => {
    const { failures } = play(['do pickup shell', 'save got-shell', 'do look shell', 'load got-shell', 'expect has shell', 'expect not has key', 'do open shell', 'expect said "I can\'t open that."'].join('\n'));
    expect(failures).toEqual([]);
  });

  it('reports the failing walkthrough at its lines and stops at an input the game refuses', () => {
    const { failures, result } = play(fixture('failing.walk'), 'tests/failing.walk');
    expect(result).toMatchObject({ passed: false, stopped: true });
    expect(failures).toEqual([
      '3: expected room lighthouse, but the room is beach',
      '4: expected a line "Yours now." to be said; lines said since the start: hero: "What a morning.", hero: "Mine now."',
      '6: expected `tries == 2`, but tries is 0',
      '7: bad input: the game has no verb `pikup` (did you mean `pickup`?)',
    ]);
  });

  it('stops at a script error and points at the script line too', () => {
    const { result, failures } = play('expect room beach\ndo look crab\nexpect said "crabs"\n');
    expect(failures).toEqual(['2: a script failed']);
    expect(result.stopped).toBe(true);
    const note = result.failures[0]!.notes[0]!;
    expect(note.message).toMatch(/\[DIVIDE_BY_ZERO\]$/);
    expect(`${note.span?.source}:${note.span?.start.line}`).toBe('scripts/beach.adv:71');
  });

  it('does not let a misspelt name pass a negative check, and explains failed comparisons', () => {
    const { failures } = play(['expect not has shel', 'expect room lighthuose', 'do pickup shell', 'expect door.open == has(shell)', 'expect tries'].join('\n'));
    expect(failures).toEqual([
      expect.stringMatching(/^1: `shel` is not declared\..*shell/),
      expect.stringMatching(/^2: `lighthuose` is not declared\..*lighthouse/),
      '4: expected `door.open == has(shell)`, but door.open is false and has(shell) is true',
      '5: expected `tries` to be true, but it is 0; write a comparison, such as `tries == 0`',
    ]);
  });

  it('passes the whole beach walkthrough, expressions included', () => {
    expect(play(fixture('beach.walk'), 'tests/beach.walk').failures).toEqual([]);
  });
});
