// Dialogs: options offered when their `if` holds and, for `once`, until used;
// an option's body runs and the dialog shows again; `choose` inside a body
// nests; `done` closes the dialog and `choose` returns, as does a dialog with
// nothing left to offer.

import { describe, expect, it } from 'vitest';
import { Game } from '../../../runtime/game.js';
import { act, harbourGame, moduleOf, settle } from './support.js';

const options = (game: Game): string[] | undefined => game.scene().dialog?.options;

describe('dialogs', () => {
  it('offers `once` options until used, and `if` options while their condition holds', () => {
    const game = harbourGame();
    act(game, { type: 'verb', verb: 'talk', target: 'fisher' });
    expect(options(game)).toEqual(['Caught anything?', 'Lend me a hook?', 'Tell me a story.', 'Bye.']);
    act(game, { type: 'choose', option: 1 });
    expect(game.said.at(-1)).toMatchObject({ actor: 'fisher', text: 'Not a thing.' });
    expect(options(game)).toEqual(['Caught anything?', 'Lend me a hook?', 'Tell me a story.', 'Bye.']);
    act(game, { type: 'choose', option: 2 });
    expect(game.said.at(-1)?.text).toBe('Take it.');
    expect(options(game)).toEqual(['Caught anything?', 'Tell me a story.', 'Bye.']);
  });

  it('evaluates `if` each time the dialog shows', () => {
    const game = harbourGame();
    act(game, { type: 'verb', verb: 'pickup', target: 'hook' });
    act(game, { type: 'verb', verb: 'talk', target: 'fisher' });
    expect(options(game)).toEqual(['Caught anything?', 'Tell me a story.', 'Bye.']);
  });

  it('nests a `choose` inside an option, and goes back to the outer dialog when the inner is done', () => {
    const game = harbourGame();
    act(game, { type: 'verb', verb: 'talk', target: 'fisher' });
    act(game, { type: 'choose', option: 3 });
    expect(options(game)).toEqual(['About the sea.', 'Enough.']);
    act(game, { type: 'choose', option: 1 });
    expect(game.said.at(-1)?.text).toBe('It is wet.');
    expect(options(game)).toEqual(['Enough.']);
    act(game, { type: 'choose', option: 1 });
    expect(game.said.at(-1)).toMatchObject({ actor: 'fisher', text: "That's all." });
    expect(options(game)).toEqual(['Caught anything?', 'Lend me a hook?', 'Tell me a story.', 'Bye.']);
    act(game, { type: 'choose', option: 3 });
    expect(options(game)).toEqual(['Enough.']); // `once` stays used across showings
  });

  it('closes on `done` and returns from `choose`', () => {
    const game = harbourGame();
    act(game, { type: 'verb', verb: 'talk', target: 'fisher' });
    act(game, { type: 'choose', option: 4 });
    expect(game.scene().dialog).toBe(null);
    expect(game.said.map((l) => l.text)).toEqual(['Later.', 'What a talker.']);
    expect(game.hasControl).toBe(true);
  });

  it('keeps control from the player while an option runs, and refuses picks then', () => {
    const game = harbourGame();
    act(game, { type: 'verb', verb: 'talk', target: 'fisher' });
    game.input({ type: 'choose', option: 1 });
    game.tick();
    expect(game.scene().dialog).toBe(null);
    expect(game.hasControl).toBe(false);
    game.input({ type: 'choose', option: 1 });
    game.input({ type: 'click', x: 10, y: 300 });
    game.tick();
    expect(game.refusals.map((r) => r.reason)).toEqual(['no dialog is waiting for a choice', 'a dialog is open']);
    settle(game);
    act(game, { type: 'choose', option: 9 });
    expect(game.refusals.at(-1)?.reason).toBe('option 9 is not offered (there are 4 options)');
  });

  it('returns from `choose` when nothing is left to offer', () => {
    const game = Game.create(moduleOf(`
      dialog d { option "Only once." once { print "said it" } }
      on start { choose d; print "back"; choose d; print "over" }
    `));
    settle(game);
    expect(game.scene().dialog).toEqual({ options: ['Only once.'] });
    act(game, { type: 'choose', option: 1 });
    expect(game.transcript).toEqual(['said it', 'back', 'over']);
    expect(game.scene().dialog).toBe(null);
  });
});
