// The adventure natives: exactly the compiler's table (names, argument
// counts, blocking), arguments checked with errors at the script's line, and
// each statement doing what docs/language.md, "Adventure statements" says.

import { describe, expect, it } from 'vitest';
import { ADVENTURE_NATIVES } from '../../../interpreter/compiler/adventure-natives.js';
import { adventureNatives } from '../../../runtime/natives/adventure.js';
import { Game } from '../../../runtime/game.js';
import type { Engine } from '../../../runtime/world/engine.js';
import { act, moduleOf, position, settle, ticks } from './support.js';

function run(text: string): Game {
  const game = Game.create(moduleOf(text));
  settle(game);
  return game;
}

const errorsOf = (game: Game): string[] => game.errors.map((e) => `${e.code} ${e.message} @${e.span?.start.line}`);

describe('the natives table', () => {
  it('implements every adventure native of the compiler\'s table, with its arguments and blocking', () => {
    const rows = adventureNatives({} as Engine);
    expect(rows.map((r) => [r.name, r.params.length, r.blocking])).toEqual(ADVENTURE_NATIVES.map((n) => [n.name, n.args.length, n.blocking]));
  });

  it('checks arguments, naming the native and the script line', () => {
    const game = run(`actor a {}
room r {}
on start {
  let x = 5
  walk a to x
}
on unhandled(verb, target) {}
fn also() {}
`);
    expect(errorsOf(game)).toEqual(['BAD_ARGUMENT walk() needs a point, an object or an actor as argument 2, not number @5']);
    expect(errorsOf(run('actor a {}\non start {\n  let k = a\n  take k\n}'))).toEqual(['BAD_ARGUMENT take() needs an object as argument 1, not actor @4']);
    expect(errorsOf(run('on start {\n  play music "m.ogg" fade -1\n}'))).toEqual(['BAD_ARGUMENT play_music() needs a fade of zero or more seconds, not -1 @2']);
    expect(errorsOf(run('actor a {}\non start {\n  walk a to (1, 2)\n}'))).toEqual(['RUNTIME `a` is not in any room, so it cannot walk @3']);
  });
});

describe('adventure statements', () => {
  it('take, drop, show, hide, has, here, put, face, control', () => {
    const game = run(`
actor a {}
actor b { room: r2; at: (5, 6) }
room r {}
room r2 {}
object lamp { sprite: "l.png"; at: (1, 1) }
var out = []
on start {
  push(out, here)
  put a in r at (10, 20)
  go r
  push(out, here)
  take lamp
  push(out, has(lamp))
  drop lamp
  push(out, has(lamp))
  hide lamp
  push(out, lamp.visible)
  show lamp
  push(out, lamp.visible)
  face a left
  push(out, a.facing)
  control b
  go r2
  push(out, b.at)
  push(out, a.room)
}`);
    expect(game.errors).toEqual([]);
    expect(game.display(game.global('out'))).toBe('[nil, r, true, false, false, true, "left", (5, 6), r]');
    expect(game.scene().sprites.map((s) => s.id)).toEqual([]);
  });

  it('lets the controlled actor speak when `say` names nobody, and the narrator when no actor is controlled', () => {
    expect(run('actor first { color: "#123456" }\nactor second {}\non start { say "Hi." }').said).toMatchObject([{ actor: 'first', text: 'Hi.' }]);
    const narrated = Game.create(moduleOf('on start { say "Once upon a time." }'));
    narrated.tick();
    expect(narrated.scene().speech).toMatchObject([{ actor: '', text: 'Once upon a time.', color: '#ffffff', at: { x: 320, y: 24 } }]);
  });

  it('shows a line for 1.5 s, or 0.08 s a character when longer', () => {
    const long = 'x'.repeat(50); // 50 × 4.8 = 240 ticks
    const game = Game.create(moduleOf(`on start { say "Hi."; print "a"; say "${long}"; print "b" }`));
    const printedAt = (line: string): number => {
      while (!game.transcript.includes(line)) game.tick();
      return game.tickCount;
    };
    expect(printedAt('a')).toBe(91);
    expect(printedAt('b')).toBe(91 + 240);
  });

  it('ends a line early when the same actor says another', () => {
    const game = Game.create(moduleOf(`
actor a {}
room r {}
on start { put a in r at (0, 0); go r; spawn chatter(); wait 0.1; say "Quiet!"; print "done" }
fn chatter() { say "La la la la la la la la la la la." ; print "interrupted" }`));
    ticks(game, 8);
    expect(game.transcript).toEqual(['interrupted']);
    expect(game.scene().speech.map((l) => l.text)).toEqual(['Quiet!']);
    settle(game);
    expect(game.transcript).toEqual(['interrupted', 'done']);
  });

  it('plays a room\'s music on entering it, after `on exit`, unless a script plays music of its own', () => {
    const game = Game.create(moduleOf(`
actor me {}
room a { music: "a.ogg"; on exit { stop music fade 2 } }
room b { music: "b.ogg" }
room c { music: "c.ogg"; on enter { play music "special.ogg" fade 1 } }
on start { go a; wait 0.1; go b; wait 0.1; go c; wait 0.1; go b; play sound "x.wav" }`));
    ticks(game, 30);
    expect(game.takeAudio()).toEqual([
      { type: 'music', file: 'a.ogg', fade: 0 },
      { type: 'stop-music', fade: 2 },
      { type: 'music', file: 'b.ogg', fade: 0 },
      { type: 'music', file: 'special.ogg', fade: 1 },
      { type: 'sound', file: 'x.wav' }, // same tick: a room's music starts at the end of the tick
      { type: 'music', file: 'b.ogg', fade: 0 },
    ]);
  });

  it('ends the game with `end game`', () => {
    const game = Game.create(moduleOf('on start { end game; print "never" }\non unhandled(verb, target) {}'));
    game.tick();
    expect(game.ended).toBe(true);
    expect(game.scene().ended).toBe(true);
    expect(game.hasControl).toBe(true);
    const tick = game.tickCount;
    game.tick();
    expect(game.tickCount).toBe(tick);
  });

  it('does not let a dialog condition wait', () => {
    const game = run(`
actor a {}
dialog d {
  option "Odd." if talk() { done }
  option "Fine." { done }
}
fn talk() { say "hm"; return true }
on start { choose d }`);
    expect(game.scene().dialog).toEqual({ options: ['Fine.'] });
    expect(errorsOf(game)).toEqual(['RUNTIME say() waits, and cannot be used here @7']);
    expect(game.said).toEqual([]);
    act(game, { type: 'choose', option: 1 });
    expect(game.scene().dialog).toBe(null);
    expect(position(game, 'a')).toEqual([0, 0]);
  });
});
