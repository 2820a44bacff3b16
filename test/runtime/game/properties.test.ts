// Entity properties: declared ones are game state, readable and writable;
// well-known ones (docs/language.md, "Properties at run time" plus the runtime's) are typed; anything
// else is NO_SUCH_PROPERTY with a "did you mean", at the script's line.

import { describe, expect, it } from 'vitest';
import { Game } from '../../../runtime/game.js';
import { moduleOf, settle } from './support.js';

const world = `
room r { walkable: [(0, 0), (400, 0), (400, 400), (0, 400)]; size: (800, 400); mood: "calm" }
object lamp { name: "lamp"; sprite: "a.png"; at: (10, 20); lit: false }
actor a { speed: 60 }
var out = []
`;

function run(body: string): Game {
  const game = Game.create(moduleOf(`${world}\non start {\n  put a in r at (10, 10)\n  go r\n${body}\n}`));
  settle(game);
  return game;
}

function firstError(body: string): string {
  const e = run(body).errors[0];
  if (e === undefined) throw new Error('no error');
  return `${e.code} ${e.message}${e.hint ? ` (${e.hint})` : ''} @${e.span?.start.line}`;
}

describe('properties', () => {
  it('reads and writes declared state and well-known properties', () => {
    const game = run(`
  push(out, lamp.lit)
  lamp.lit = [1, "two"]
  push(out, lamp.lit)
  push(out, lamp.stand)
  push(out, lamp.room)
  push(out, lamp.visible)
  lamp.at = (30, 40)
  push(out, lamp.at)
  push(out, a.at)
  push(out, a.room)
  push(out, a.walking)
  push(out, a.facing)
  push(out, r.size)
  push(out, r.mood)
  r.mood = "stormy"
  push(out, r.mood)
  push(out, here)`);
    expect(game.errors).toEqual([]);
    expect(game.display(game.global('out'))).toBe('[false, [1, "two"], nil, nil, true, (30, 40), (10, 10), r, false, "down", (800, 400), "calm", "stormy", r]');
    expect(game.property('lamp', 'lit')).toEqual([1, 'two']);
  });

  it('makes an unknown property an error that names it, with a did-you-mean, at the script line', () => {
    expect(firstError('  push(out, lamp.lti)')).toBe('NO_SUCH_PROPERTY object `lamp` has no property `lti` (did you mean `lit`?) @10');
    expect(firstError('  lamp.glow = true')).toBe('NO_SUCH_PROPERTY object `lamp` has no property `glow` (declare it in `lamp` with a starting value, as in `glow: false`) @10');
    expect(firstError('  push(out, r.mod)')).toBe('NO_SUCH_PROPERTY room `r` has no property `mod` (did you mean `mood`?) @10');
  });

  it('checks the types of well-known properties', () => {
    expect(firstError('  lamp.at = "here"')).toBe('TYPE_ERROR `lamp.at` must be a point, as in (320, 200), not string @10');
    expect(firstError('  a.speed = 0')).toBe('TYPE_ERROR `a.speed` must be a positive number of pixels per second, not number @10');
    expect(firstError('  lamp.room = r')).toBe('NO_SUCH_PROPERTY `lamp.room` cannot be set (use `take`, `drop` or `show`/`hide`) @10');
    expect(firstError('  r.walkable = [(0, 0), (1, 1), (2, 2)]')).toBe('INVALID_PROPERTY `r.walkable`: the first walkable polygon encloses no area: its points lie on one line @10');
    expect(firstError('  a.facing = "sideways"')).toBe('TYPE_ERROR `a` can face "left", "right", "up" or "down", not "sideways" @10');
  });

  it('walks by the new walk area when a script changes it', () => {
    const game = run(`
  r.blocked = [(100, 0), (120, 0), (120, 300), (100, 300)]
  walk a to (200, 10)`);
    expect(game.errors).toEqual([]);
    const at = game.property('a', 'at') as { x: number; y: number };
    expect([at.x, at.y]).toEqual([200, 10]);
    // 1 px a tick, down around the wall and up again: about 624 px instead of 190.
    expect(game.tickCount).toBeGreaterThan(620);
    expect(game.tickCount).toBeLessThan(635);
  });
});
