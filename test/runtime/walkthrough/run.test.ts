// The walkthrough runner's own rules, against a scripted stand-in for the
// Game: it waits for control before each command, keeps going past a failed
// `expect`, stops when the game cannot be played as written, and says what it
// saw instead, at the walkthrough's line.

import { describe, expect, it } from 'vitest';
import { CairnError } from '../../../interpreter/errors.js';
import { Point } from '../../../interpreter/vm/values.js';
import { parseWalkthrough } from '../../../runtime/walkthrough/parse.js';
import { runWalkthrough } from '../../../runtime/walkthrough/run.js';
import { FakeGame, type Reaction } from './fake-game.js';

/** The beach in miniature: picking up the shell takes a walk and a line. */
const beach: Reaction = (input, world, say) => {
  if (input.type === 'verb' && input.verb === 'pickup' && input.target === 'shell') {
    world.busy = 90;
    world.inventory.push('shell');
    say('hero', 'Mine now.');
  } else if (input.type === 'verb' && input.verb === 'look') {
    world.busy = 30;
    say('hero', `A ${input.target}.`);
  } else if (input.type === 'verb' && input.verb === 'use' && input.target === 'door') {
    world.room = 'lighthouse';
  } else if (input.type === 'skip') {
    world.busy = 0;
  } else if (input.type === 'choose') {
    say('hero', `option ${input.option}`);
    world.options = null;
  }
};

function play(text: string, game = new FakeGame(beach), maxWaitTicks?: number) {
  const result = runWalkthrough(parseWalkthrough(text, 'tests/t.walk'), game, { maxWaitTicks });
  const failures = result.failures.map((f) => `${f.span!.start.line}: ${f.message}`);
  return { result, failures, game };
}

describe('runWalkthrough', () => {
  it('waits for control before each command, so checks see the finished action', () => {
    const { result, failures, game } = play('do pickup shell\nexpect has shell\nexpect said "Mine now."\nexpect not has key\n');
    expect(failures).toEqual([]);
    expect(result).toMatchObject({ passed: true, stopped: false, stepsRun: 4 });
    // One tick lets `on start` run, one applies the input, then the 90-tick walk and line finish.
    expect(game.tickCount).toBe(91);
    expect(result.ticks).toBe(91);
  });

  it('keeps going after a failed expect and reports each at its line with what it saw', () => {
    const { result, failures } = play(
      ['do pickup shell', 'expect room lighthouse', 'expect has key', 'expect not has shell', 'expect hero at (200, 330)', 'expect tries', 'do use door', 'expect room lighthouse'].join('\n'),
    );
    expect(failures).toEqual([
      '2: expected room lighthouse, but the room is beach',
      '3: expected key in the inventory, but it holds shell',
      '4: expected shell not to be in the inventory, but it is',
      '5: expected hero at (200, 330), but hero is at (100, 330)',
      '6: could not evaluate `tries`: unknown name `tries`',
    ]);
    expect(result).toMatchObject({ passed: false, stopped: false, stepsRun: 8 });
  });

  it('matches `expect said` in order, each from where the previous one matched', () => {
    const { failures } = play(
      ['do look shell', 'do look door', 'expect said "shell"', 'expect said "shell"', 'expect said "door"', 'do look key', 'expect said keeper "key"', 'expect said "nothing"'].join('\n'),
    );
    expect(failures).toEqual([
      '4: expected a line "shell" to be said; lines said since line 3: hero: "A door."',
      '7: expected a line "key" to be said by keeper; lines said since line 5: hero: "A key."',
      '8: expected a line "nothing" to be said; lines said since line 5: hero: "A key."',
    ]);
    expect(play('expect said "hello"').failures).toEqual(['1: expected a line "hello" to be said; no line was said since the start']);
  });

  it('accepts a position within 2 px', () => {
    expect(play('expect hero at (101, 331)').failures).toEqual([]);
    expect(play('expect hero at (102.5, 330)').failures).toEqual(['1: expected hero at (102.5, 330), but hero is at (100, 330)']);
  });

  it('explains a false comparison and refuses a check that is not true or false', () => {
    const game = new FakeGame(beach);
    game.world.globals.set('tries', 2);
    expect(play('expect tries == 1\nexpect tries', game).failures).toEqual([
      '1: expected `tries == 1`, but tries is 2',
      '2: expected `tries` to be true, but it is 2; write a comparison, such as `tries == 2`',
    ]);
  });

  it('stops when an action cannot be carried out: unknown verb, unknown object, no dialog, no such option', () => {
    expect(play('do pikup shell\nexpect has shell').failures).toEqual(['1: bad input: the game has no verb `pikup`']);
    expect(play('do pickup beach').failures).toEqual(['1: bad input: there is no object or actor called `beach`']);
    expect(play('choose 1\nexpect has shell').failures).toEqual(['1: no dialog is waiting for a choice']);
    const game = new FakeGame(beach);
    game.world.options = ['Who are you?', 'Bye.'];
    const r = play('choose "Nice hat."\nexpect has shell', game);
    expect(r.failures).toEqual(['1: no option "Nice hat." is offered; the options are 1. "Who are you?", 2. "Bye."']);
    expect(r.result).toMatchObject({ stopped: true, stepsRun: 1 });
  });

  it('picks a dialog option by text as its 1-based position', () => {
    const game = new FakeGame(beach);
    game.world.options = ['Who are you?', 'Bye.'];
    expect(play('choose "Bye."\nexpect said "option 2"', game).failures).toEqual([]);
  });

  it('stops when the player does not get control back in time, saying what holds it', () => {
    const game = new FakeGame(beach);
    const r = play('do look shell\nexpect has shell', game, 10);
    expect(r.failures).toEqual(['2: the player did not get control back within 0.17 seconds of game time (10 ticks): hero is still saying "A shell."']);
    expect(r.result.stopped).toBe(true);
    expect(play('do pickup shell\nexpect has shell', new FakeGame(beach)).failures).toEqual([]);
  });

  it('sends `skip` without waiting for control, so it skips the line just started', () => {
    const { failures, game } = play('do look shell\nskip\nexpect said "A shell."');
    expect(failures).toEqual([]);
    expect(game.tickCount).toBe(3);
  });

  it('stops on a script error and points at both places', () => {
    const game = new FakeGame(beach);
    const span = { source: 'scripts/beach.adv', start: { offset: 0, line: 3, column: 5 }, end: { offset: 1, line: 3, column: 6 } };
    game.world.failNextTick = new CairnError('DIVIDE_BY_ZERO', 'division by zero', { span });
    const { result } = play('expect room beach\nexpect has shell', game);
    expect(result.stopped).toBe(true);
    expect(result.failures[0]!.message).toBe('the game stopped with an error');
    expect(result.failures[0]!.notes).toEqual([{ message: 'division by zero [DIVIDE_BY_ZERO]', span }]);
  });

  it('saves and loads in memory', () => {
    const { failures } = play('save before\ndo pickup shell\nexpect has shell\nload before\nexpect not has shell\nexpect said "Mine now."');
    expect(failures).toEqual(['6: expected a line "Mine now." to be said; no line was said since line 4']);
  });

  it('lets nothing more be played once the game has ended, but still checks', () => {
    const game = new FakeGame(beach);
    game.world.ended = true;
    const r = play('expect room beach\ndo look shell\nexpect room beach', game);
    expect(r.failures).toEqual(['2: the game has ended (`end game`), so nothing more can be played']);
    expect(r.result.stepsRun).toBe(2);
  });

  it('refuses a click outside the screen', () => {
    expect(play('click 700 10').failures).toEqual(['1: the click at (700, 10) is outside the 640×360 screen']);
  });

  it('passes `wait` as game time', () => {
    const { game } = play('wait 2\nwait 30 ticks');
    expect(game.tickCount).toBe(1 + 120 + 30);
  });

  it('reports positions as Points from the game', () => {
    const game = new FakeGame(beach);
    game.world.positions.set('keeper', new Point(10.26, 20));
    expect(play('expect keeper at (0, 0)', game).failures).toEqual(['1: expected keeper at (0, 0), but keeper is at (10.3, 20)']);
  });
});
