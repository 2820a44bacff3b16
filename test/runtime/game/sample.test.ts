// The beach sample (fixtures/sample.adv), played the way its walkthrough
// plays it: the opening cutscene, clicks, verbs, the dialog, the door and the
// way out to the lighthouse — each step checked against what
// docs/language.md, "Adventure statements" promises.

import { describe, expect, it } from 'vitest';
import { act, position, sampleGame, settle } from './support.js';

describe('the beach sample', () => {
  it('opens with its cutscene: the hero walks in and speaks, the room music plays', () => {
    const game = sampleGame();
    expect(game.hasControl).toBe(false);
    game.tick();
    expect(game.scene().room).toBe('beach');
    expect(game.scene().cutscene).toBe(true);
    settle(game);
    expect(game.scene().cutscene).toBe(false);
    expect(position(game, 'hero')).toEqual([200, 330]);
    expect(game.said).toMatchObject([{ actor: 'hero', text: 'What a morning.' }]);
    expect(game.takeAudio()).toEqual([
      { type: 'music', file: 'audio/waves.ogg', fade: 0 },
      { type: 'speech', actor: 'hero', text: 'What a morning.' },
    ]);
    expect(game.errors).toEqual([]);
  });

  it('plays through: shell, keeper, key, door, lighthouse', () => {
    const game = sampleGame();
    settle(game);

    // A plain click on the shell walks the hero to its stand point.
    act(game, { type: 'click', x: 320, y: 340 });
    expect(position(game, 'hero')).toEqual([300, 345]);

    act(game, { type: 'verb', verb: 'pickup', target: 'shell' });
    expect(game.said.at(-1)).toMatchObject({ actor: 'hero', text: 'Mine now.' });
    expect(game.scene().inventory).toEqual([{ id: 'shell', name: 'seashell', icon: 'art/shell.png' }]);
    expect(game.scene().sprites.map((s) => s.id)).toEqual(['actor:hero']);
    expect(game.property('shell', 'room')).toBe(null);

    act(game, { type: 'verb', verb: 'talk', target: 'keeper' });
    expect(game.scene().dialog).toEqual({ options: ['Who are you?', 'Nice hat.', 'Got any keys?', 'Bye.'] });
    expect(game.hasControl).toBe(true); // a dialog waiting for a choice leaves control to the player

    act(game, { type: 'choose', option: 3 });
    expect(game.said.at(-1)).toMatchObject({ actor: 'keeper', text: 'Here.' });
    expect(game.scene().inventory.map((i) => i.id)).toEqual(['shell', 'key']);
    // `if not has(key)` is evaluated each time the dialog shows.
    expect(game.scene().dialog).toEqual({ options: ['Who are you?', 'Nice hat.', 'Bye.'] });

    act(game, { type: 'choose', option: 2 });
    expect(game.said.at(-1)).toMatchObject({ actor: 'keeper', text: 'Thanks.' });
    expect(game.scene().dialog).toEqual({ options: ['Who are you?', 'Bye.'] });

    act(game, { type: 'choose', option: 2 });
    expect(game.said.at(-1)).toMatchObject({ actor: 'hero', text: 'See you.' });
    expect(game.scene().dialog).toBe(null);

    act(game, { type: 'verb', verb: 'use', target: 'key', with: 'door' });
    expect(game.said.at(-1)?.text).toBe('Click.');
    game.takeAudio();
    act(game, { type: 'verb', verb: 'open', target: 'door' });
    expect(game.property('door', 'open')).toBe(true);
    expect(game.takeAudio()).toEqual([{ type: 'sound', file: 'audio/creak.wav' }]);
    act(game, { type: 'verb', verb: 'use', target: 'key', with: 'door' });
    expect(game.said.at(-1)?.text).toBe("It's already open.");

    act(game, { type: 'verb', verb: 'look', target: 'door' });
    expect(game.said.at(-1)?.text).toBe("I can't look that.");
    game.takeAudio();

    // A plain click on the door walks there, and its `on walk` goes to the lighthouse.
    act(game, { type: 'click', x: 590, y: 250 });
    expect(game.scene().room).toBe('lighthouse');
    expect(position(game, 'hero')).toEqual([590, 300]);
    expect(game.takeAudio()).toEqual([{ type: 'stop-music', fade: 1 }]);
    expect(game.errors).toEqual([]);
    expect(game.refusals).toEqual([]);
  });

  it('evaluates expressions the way walkthroughs check them, changing nothing', () => {
    const game = sampleGame();
    settle(game);
    const before = game.save();
    expect(game.evaluate('door.open == false')).toBe(true);
    expect(game.evaluate('has(key)')).toBe(false);
    expect(game.display(game.evaluate('here'))).toBe('beach');
    expect(game.display(game.evaluate('hero.at'))).toBe('(200, 330)');
    expect(game.evaluate('shell.name + "!"')).toBe('seashell!');
    expect(game.save()).toEqual(before);
    expect(() => game.evaluate('dor.open')).toThrow(/unknown name|`dor`/i);
  });

  it('draws the hero from its costume, scaled by depth and flipped when facing left', () => {
    const game = sampleGame();
    settle(game);
    const hero = game.scene().sprites.find((s) => s.id === 'actor:hero')!;
    expect(hero).toMatchObject({ image: 'art/hero.png', frame: 0, frameSize: [32, 48], at: { x: 200, y: 330 }, flip: false, z: 330 });
    expect(hero.scale).toBeCloseTo(0.8); // y = 330 is half way between 300 (0.6) and 360 (1.0)
    act(game, { type: 'click', x: 50, y: 330 });
    expect(game.scene().sprites.find((s) => s.id === 'actor:hero')!.flip).toBe(true);
  });

  it('shows the walk and talk animations at their fps', () => {
    const game = sampleGame();
    game.tick(); // on start: go beach; the cutscene starts walking
    const frames: number[] = [];
    for (let i = 0; i < 16; i++) {
      frames.push(game.scene().sprites.find((s) => s.id === 'actor:hero')!.frame);
      game.tick();
    }
    // walk: [1, 2, 3, 4] fps 8 — a new frame every 7.5 ticks, from the first frame.
    expect(frames).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3]);
  });
});
