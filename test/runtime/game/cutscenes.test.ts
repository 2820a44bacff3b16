// Cutscenes: they hold input, and a skip fast-forwards them — every wait
// ends, walks arrive, lines finish — so that the world ends exactly as a full
// run leaves it: the same state, down to the save's bytes. Sounds and voices
// of the skipped part are not played; the music that holds at the end is.

import { describe, expect, it } from 'vitest';
import { Game } from '../../../runtime/game.js';
import { act, harbourGame, moduleOf, position, sampleGame, settle, shown, ticks } from './support.js';

function ringBell(skipAfter: number | null): Game {
  const game = harbourGame();
  game.input({ type: 'verb', verb: 'ring', target: 'bell' });
  if (skipAfter !== null) {
    ticks(game, skipAfter);
    expect(game.scene().cutscene).toBe(true);
    game.input({ type: 'skip' });
  }
  settle(game);
  return game;
}

describe('cutscenes', () => {
  it('leave the world exactly as a full run does when skipped', () => {
    const full = ringBell(null);
    expect(full.scene().cutscene).toBe(false);
    expect(shown(full, 'intro_done')).toBe('true');
    expect(shown(full, 'log')).toBe('["after intro"]');
    for (const skipAfter of [1, 30, 200, 300]) {
      const skipped = ringBell(skipAfter);
      expect(skipped.tickCount).toBe(full.tickCount);
      expect(skipped.worldJson()).toEqual(full.worldJson());
      for (const name of ['log', 'dock_ticks', 'clock_ticks', 'intro_done']) expect(shown(skipped, name)).toBe(shown(full, name));
      expect(skipped.save()).toEqual(full.save());
      expect(skipped.said).toEqual(full.said);
    }
  });

  it('drop the sounds and voices of the skipped part but keep its music', () => {
    const game = harbourGame();
    game.takeAudio();
    game.input({ type: 'verb', verb: 'ring', target: 'bell' });
    ticks(game, 2);
    game.input({ type: 'skip' });
    game.tick();
    expect(game.takeAudio()).toEqual([{ type: 'music', file: 'audio/shanty.ogg', fade: 0 }]);
    expect(game.scene()).toMatchObject({ cutscene: false, speech: [] });
    expect(position(game, 'sam')).toEqual([600, 300]);
    expect(game.property('sam', 'facing')).toBe('left');
  });

  it('skip the beach sample\'s opening the same way', () => {
    const full = sampleGame();
    settle(full);
    const skipped = sampleGame();
    ticks(skipped, 10);
    act(skipped, { type: 'skip' });
    expect(skipped.worldJson()).toEqual(full.worldJson());
    expect(position(skipped, 'hero')).toEqual([200, 330]);
  });

  it('stop fast-forwarding where the player must choose', () => {
    const game = Game.create(moduleOf(`
      dialog d {
        option "Yes." { print "yes" }
        option "No." { done }
      }
      on start { cutscene { wait 5; choose d; wait 5; print "end" } }
    `));
    game.tick();
    act(game, { type: 'skip' });
    expect(game.scene().dialog).toEqual({ options: ['Yes.', 'No.'] });
    expect(game.scene().cutscene).toBe(true);
    act(game, { type: 'choose', option: 2 });
    act(game, { type: 'skip' });
    expect(game.transcript).toEqual(['end']);
  });

  it('go on after a skipped line: only the line ends, and the cutscene moves to its next', () => {
    const game = Game.create(moduleOf(`
      actor hero { name: "Robin" }
      on start { cutscene { say "One."; say "Two."; print "after" } }
    `));
    game.tick();
    expect(game.scene().speech.map((l) => l.text)).toEqual(['One.']);
    game.input({ type: 'skip', line: true });
    ticks(game, 2);
    expect(game.scene()).toMatchObject({ cutscene: true, speech: [{ text: 'Two.' }] });
    expect(game.transcript).toEqual([]);
    game.input({ type: 'skip', line: true });
    ticks(game, 2);
    expect(game.transcript).toEqual(['after']);
    expect(game.scene().cutscene).toBe(false);
  });

  it('take a click queued right after the skip, in the world the cutscene left', () => {
    const game = Game.create(moduleOf(`
      actor hero { name: "Robin" }
      room beach { walkable: [(0, 300), (640, 300), (640, 360), (0, 360)] }
      on start { put hero in beach at (100, 330); go beach; cutscene { say "A long line that takes its time." } }
    `));
    game.tick();
    game.input({ type: 'skip' });
    game.input({ type: 'click', x: 400, y: 330 });
    game.tick();
    expect(game.refusals).toEqual([]);
    settle(game);
    expect(position(game, 'hero')).toEqual([400, 330]);
  });

  it('give up fast-forwarding a cutscene that never ends after ten minutes of game time', () => {
    const game = Game.create(moduleOf('on start { cutscene { wait until false } }'));
    game.tick();
    game.input({ type: 'skip' });
    game.tick();
    expect(game.tickCount).toBe(1 + 36_000);
    expect(game.scene().cutscene).toBe(true);
  });
});
