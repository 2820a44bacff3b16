// Which threads live where: those a room's handlers start (and what they
// spawn) end when the room is left; global ones — top-level handlers, dialog
// options, `on exit` — go on; the thread that calls `go` finishes its work.

import { describe, expect, it } from 'vitest';
import { Game } from '../../../runtime/game.js';
import { act, harbourGame, moduleOf, position, settle, shown, ticks } from './support.js';

describe('threads and rooms', () => {
  it('ends a room\'s threads when it is left, and keeps global ones', () => {
    const game = harbourGame();
    act(game, { type: 'verb', verb: 'push', target: 'bell' });
    expect(game.property('hatch', 'visible')).toBe(true);
    ticks(game, 120);
    const dock = Number(shown(game, 'dock_ticks'));
    const clock = Number(shown(game, 'clock_ticks'));
    expect(dock).toBeGreaterThan(120);
    act(game, { type: 'verb', verb: 'open', target: 'hatch' });
    expect(game.scene().room).toBe('hold');
    // The thread that called `go` finished; then `on exit` (global) and `on enter` ran.
    expect(shown(game, 'log')).toBe('["still here", "left dock", "entered hold"]');
    const left = Number(shown(game, 'dock_ticks'));
    ticks(game, 120);
    expect(Number(shown(game, 'dock_ticks'))).toBe(left); // tide() belonged to the dock
    expect(Number(shown(game, 'clock_ticks'))).toBeGreaterThanOrEqual(clock + 2); // clock() is global
    // The controlled actor came along, onto the hold's floor; the fisher was put there.
    expect(position(game, 'sam')[1]).toBe(300);
    expect(game.scene().sprites.map((s) => s.id)).toEqual(['actor:sam', 'actor:fisher']);
    expect(game.scene().camera).toEqual({ x: 0, y: 0 });
    expect(game.errors).toEqual([]);
  });

  it('stops the lines of threads that end with their room', () => {
    const game = Game.create(moduleOf(`
      actor me {}
      actor parrot {}
      room a { on enter { spawn chatter() } }
      room b {}
      fn chatter() { while true { say parrot "Pieces of eight!"; wait 1 } }
      on start { put me in a at (10, 10); put parrot in a at (20, 10); go a; wait 0.5; go b }
    `));
    ticks(game, 10);
    expect(game.scene().speech.map((l) => l.text)).toEqual(['Pieces of eight!']);
    expect(game.hasControl).toBe(true); // a spawned thread's lines do not hold the player up
    ticks(game, 30);
    expect(game.scene()).toMatchObject({ room: 'b', speech: [] });
  });

  it('keeps a dialog going when one of its options leaves the room', () => {
    const game = Game.create(moduleOf(`
      verbs { talk: "Talk to" }
      actor me {}
      room a {
        object statue { name: "statue"; hotspot: (0, 0, 10, 10); on talk { choose d; print "talked" } }
      }
      room b {}
      dialog d {
        option "Leave." { go b }
        option "Bye." { done }
      }
      on start { put me in a at (50, 50); go a }
    `));
    settle(game);
    act(game, { type: 'verb', verb: 'talk', target: 'statue' });
    act(game, { type: 'choose', option: 1 });
    expect(game.scene()).toMatchObject({ room: 'b', dialog: { options: ['Leave.', 'Bye.'] } });
    act(game, { type: 'choose', option: 2 });
    expect(game.transcript).toEqual(['talked']);
    expect(game.errors).toEqual([]);
  });

  it('holds control while a handler walks or speaks through another actor', () => {
    const game = Game.create(moduleOf(`
      verbs { talk: "Talk to" }
      actor me {}
      actor cat { name: "cat"; speed: 60 }
      room r {}
      on start { put me in r at (0, 0); put cat in r at (100, 0); go r }
      fn come() { walk cat to (10, 0) }
      on unhandled(verb, target) { come(); say cat "Meow." }
    `));
    settle(game);
    act(game, { type: 'verb', verb: 'talk', target: 'cat' });
    expect(game.said).toMatchObject([{ actor: 'cat', text: 'Meow.' }]);
    expect(position(game, 'cat')).toEqual([10, 0]);
  });

  it('stops what an input started when the player acts again', () => {
    const game = harbourGame();
    game.input({ type: 'verb', verb: 'pickup', target: 'rope' });
    ticks(game, 10);
    act(game, { type: 'click', x: 600, y: 300 });
    // The walk to the rope was called off, and the pickup with it.
    expect(game.scene().inventory).toEqual([]);
    expect(position(game, 'sam')).toEqual([600, 300]);
    ticks(game, 200);
    expect(game.scene().inventory).toEqual([]);
  });
});
