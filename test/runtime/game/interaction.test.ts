// The player's input becomes handlers: verbs on objects and actors, `use X
// with Y` found from either side, `on unhandled` for the rest; inputs are
// refused (and say why) during cutscenes and dialogs or when the target is
// not at hand, and malformed inputs are errors at once.

import { describe, expect, it } from 'vitest';
import { CairnError } from '../../../interpreter/errors.js';
import { Game } from '../../../runtime/game.js';
import { act, harbourGame, moduleOf, settle, shown } from './support.js';

describe('verbs', () => {
  it('runs `on use with Y` of X, and finds it from either side', () => {
    for (const [target, other] of [['hook', 'rope'], ['rope', 'hook']] as const) {
      const game = harbourGame();
      act(game, { type: 'verb', verb: 'use', target, with: other });
      expect(shown(game, 'log')).toBe('["hook+rope"]');
      expect(game.said.at(-1)?.text).toBe('A grappling hook!');
      expect(game.scene().inventory.map((i) => i.id)).toEqual(['grapple']);
      // drop: both pieces leave the game, the room included.
      expect(game.scene().sprites.map((s) => s.id)).not.toContain('object:hook');
      expect(game.property('rope', 'room')).toBe(null);
    }
  });

  it('sends what nothing handles to `on unhandled(verb, target)`', () => {
    const game = harbourGame();
    act(game, { type: 'verb', verb: 'push', target: 'sam' });
    act(game, { type: 'verb', verb: 'open', target: 'rope' });
    act(game, { type: 'verb', verb: 'use', target: 'bell', with: 'rope' });
    expect(shown(game, 'log')).toBe('["unhandled push sam", "unhandled open rope", "unhandled use bell"]');
    expect(game.said.at(-1)).toMatchObject({ actor: 'sam', text: 'No.' });
    expect(game.errors).toEqual([]);
  });

  it('runs verb handlers of actors and objects, which change declared state', () => {
    const game = harbourGame();
    act(game, { type: 'verb', verb: 'look', target: 'sam' });
    expect(game.said.at(-1)?.text).toBe("That's me.");
    act(game, { type: 'verb', verb: 'push', target: 'crates' });
    act(game, { type: 'verb', verb: 'push', target: 'crates' });
    expect(game.property('crates', 'pushed')).toBe(2);
  });

  it('refuses verbs on objects neither here nor in the inventory, and says why', () => {
    const game = harbourGame();
    act(game, { type: 'verb', verb: 'look', target: 'grapple' });
    act(game, { type: 'verb', verb: 'open', target: 'hatch' });
    expect(game.refusals.map((r) => r.reason)).toEqual([
      '`grapple` is neither here nor in the inventory',
      '`hatch` is neither here nor in the inventory',
    ]);
    expect(game.said).toEqual([]);
    expect(game.inputLog().inputs).toEqual([]);
  });

  it('rejects malformed inputs at once, with a hint', () => {
    const game = harbourGame();
    const error = (f: () => void): CairnError => {
      try {
        f();
      } catch (e) {
        return e as CairnError;
      }
      throw new Error('no error');
    };
    const a = error(() => game.input({ type: 'verb', verb: 'pikcup', target: 'rope' }));
    expect([a.code, a.message, a.hint]).toEqual(['USAGE', 'bad input: the game has no verb `pikcup`', 'did you mean `pickup`?']);
    const b = error(() => game.input({ type: 'verb', verb: 'pickup', target: 'rop' }));
    expect([b.code, b.hint]).toEqual(['USAGE', 'did you mean `rope`?']);
    expect(error(() => game.input({ type: 'choose', option: 0 })).code).toBe('USAGE');
    expect(error(() => game.input({ type: 'click', x: NaN, y: 0 })).code).toBe('USAGE');
  });
});

describe('control', () => {
  it('refuses clicks and verbs during a cutscene, but not skip', () => {
    const game = harbourGame();
    game.input({ type: 'verb', verb: 'ring', target: 'bell' });
    game.tick();
    expect(game.scene().cutscene).toBe(true);
    expect(game.hasControl).toBe(false);
    game.input({ type: 'click', x: 10, y: 300 });
    game.input({ type: 'verb', verb: 'look', target: 'sam' });
    game.tick();
    expect(game.refusals.map((r) => r.reason)).toEqual(['a cutscene is running', 'a cutscene is running']);
    settle(game);
    expect(game.said.map((l) => l.text)).toEqual(['Smells like fish.', 'Morning.']);
  });

  it('keeps control from the player while its lines show and its actor walks, not while background threads run', () => {
    const game = harbourGame();
    expect(game.hasControl).toBe(true); // tide() and clock() run forever in the background
    game.input({ type: 'verb', verb: 'look', target: 'sam' });
    expect(game.hasControl).toBe(false); // an input is queued
    game.tick();
    expect(game.scene().speech).toMatchObject([{ actor: 'sam', text: "That's me.", color: '#ffcc00', at: { x: 100, y: expect.any(Number) } }]);
    expect(game.hasControl).toBe(false);
    const ticks = settle(game);
    // Shown in 90 scenes (1.5 s, the shortest a line shows); the tick after them ends it.
    expect(ticks).toBe(90);
    game.input({ type: 'click', x: 600, y: 300 });
    game.tick();
    expect(game.hasControl).toBe(false);
  });

  it('keeps control while a spawned thread walks another actor', () => {
    const game = Game.create(moduleOf(`
      verbs { talk: "Talk to" }
      actor me {}
      actor cat { name: "cat"; speed: 60 }
      room r {}
      on start { put me in r at (0, 0); put cat in r at (100, 0); go r; spawn roam() }
      fn roam() { while true { walk cat to (300, 0); walk cat to (100, 0) } }
      on unhandled(verb, target) {}
    `));
    settle(game); // the cat roams in a background thread: control stays with the player
    expect(game.property('cat', 'walking')).toBe(true);
  });

  it('ends the current line on skip', () => {
    const game = harbourGame();
    game.input({ type: 'verb', verb: 'look', target: 'sam' });
    game.tick();
    game.tick();
    game.input({ type: 'skip' });
    game.tick();
    expect(game.scene().speech).toEqual([]);
    expect(game.hasControl).toBe(true);
  });

  it('names the thing under the pointer', () => {
    const game = harbourGame();
    game.input({ type: 'hover', x: 200, y: 290 });
    game.tick();
    expect(game.scene().hover).toBe('rope');
    game.input({ type: 'hover', x: 350, y: 300 });
    game.tick();
    expect(game.scene().hover).toBe('crates');
    game.input({ type: 'hover', x: 500, y: 200 });
    game.tick();
    expect(game.scene().hover).toBe(null);
  });
});

describe('the verb bar\'s words and right-click defaults', () => {
  it('marks the verbs that take two things, with the word between them', () => {
    const game = Game.create(moduleOf(`
      verbs { look: "Look at", use: "Use", give: "Give", show: "Show … to", throw: "Throw", open: "Open" }
      actor hero { name: "Robin" }
      object rock { name: "rock"; on throw with hero { say "Ow." } }
      on start { }
    `));
    expect(game.scene().verbs).toEqual([
      { id: 'look', label: 'Look at' },
      { id: 'use', label: 'Use', with: 'with' },
      { id: 'give', label: 'Give', with: 'to' },
      { id: 'show', label: 'Show', with: 'to' },
      { id: 'throw', label: 'Throw', with: 'with' },
      { id: 'open', label: 'Open' },
    ]);
  });

  it('gives each target its default verb: `default_verb`, else look', () => {
    const game = Game.create(moduleOf(`
      verbs { look: "Look at", talk: "Talk to" }
      actor hero { name: "Robin" }
      room shore {
        object rock { name: "rock"; hotspot: (10, 10, 40, 40) }
        object buoy { name: "buoy"; hotspot: (100, 10, 40, 40); default_verb: "talk"; on talk { say "Hello, buoy." } }
      }
      object radio { name: "radio"; default_verb: "talk" }
      object shell { name: "shell" }
      on start { put hero in shore at (100, 330); go shore; take radio; take shell }
    `));
    game.tick();
    expect(game.scene().inventory).toEqual([
      { id: 'radio', name: 'radio', icon: null, defaultVerb: 'talk' },
      { id: 'shell', name: 'shell', icon: null },
    ]);
    expect(game.targets().map((t) => [t.id, t.defaultVerb])).toEqual(expect.arrayContaining([['rock', 'look'], ['buoy', 'talk']]));
    expect(game.targetAt(30, 30)?.defaultVerb).toBe('look');
    expect(game.targetAt(120, 30)?.defaultVerb).toBe('talk');
  });
});

