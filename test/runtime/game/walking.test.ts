// Walking in the world: around a hole (`blocked:`) along the shortest way,
// at the actor's speed, arriving exactly; to the nearest walkable point when
// the click is off the floor; depth scaling, facing, and a camera that follows
// the controlled actor through a room wider than the screen.

import { describe, expect, it } from 'vitest';
import { Game } from '../../../runtime/game.js';
import { act, harbourGame, moduleOf, position, settle } from './support.js';

const inHole = ([x, y]: [number, number]): boolean => x > 300 && x < 400 && y > 270 && y < 340;

describe('walking', () => {
  it('goes around a blocked area and arrives exactly where it was sent', () => {
    const game = harbourGame();
    expect(position(game, 'sam')).toEqual([100, 300]);
    game.input({ type: 'click', x: 550, y: 300 });
    const trail: Array<[number, number]> = [];
    do {
      game.tick();
      trail.push(position(game, 'sam'));
    } while (!game.hasControl);
    expect(trail.filter(inHole)).toEqual([]);
    expect(trail.at(-1)).toEqual([550, 300]);
    // It goes over the top of the crates, along their edge: straight would have gone through them.
    expect(Math.min(...trail.map(([, y]) => y))).toBe(270);
    expect(trail.filter(([x, y]) => y === 270 && x > 300 && x < 400).length).toBeGreaterThan(40);
    // 2 px a tick (120 px/s): the shortest way around is about 465 px long.
    expect(trail.length).toBeGreaterThan(225);
    expect(trail.length).toBeLessThan(240);
  });

  it('walks at the declared speed', () => {
    const game = harbourGame();
    const start = game.tickCount;
    game.input({ type: 'click', x: 240, y: 300 });
    game.tick(); // the click starts the walk, and the first step is taken in the same tick
    expect(position(game, 'sam')).toEqual([102, 300]);
    game.tick();
    expect(position(game, 'sam')).toEqual([104, 300]);
    settle(game);
    expect(game.tickCount - start).toBe(70); // 140 px at 2 px a tick
  });

  it('walks to the nearest walkable point when the click is off the floor', () => {
    const game = harbourGame();
    act(game, { type: 'click', x: 500, y: 100 });
    expect(position(game, 'sam')).toEqual([500, 250]);
  });

  it('walks to a clicked object\'s stand point, or near its area when it has none', () => {
    const game = harbourGame();
    act(game, { type: 'click', x: 200, y: 290 });
    expect(position(game, 'sam')).toEqual([180, 310]); // the rope's stand
    act(game, { type: 'click', x: 350, y: 300 });
    expect(position(game, 'sam')).toEqual([350, 340]); // below the crates' polygon
  });

  it('runs `on walk` after a plain click walks there; a hidden object is not clickable', () => {
    const game = harbourGame();
    act(game, { type: 'click', x: 1100, y: 280 }); // the hatch is hidden: the floor is clicked
    expect(position(game, 'sam')).toEqual([1100, 280]);
    expect(game.display(game.global('log'))).toBe('[]');
    const camera = game.scene().camera.x;
    act(game, { type: 'click', x: 1000 - camera, y: 290 });
    expect(position(game, 'sam')).toEqual([1000, 300]);
    expect(game.display(game.global('log'))).toBe('["at bell"]');
  });

  it('scales actors by depth and faces the way they walk', () => {
    const game = harbourGame();
    const sam = () => game.scene().sprites.find((s) => s.id === 'actor:sam')!;
    expect(sam().scale).toBeCloseTo(0.5 + (0.5 * 50) / 110);
    act(game, { type: 'click', x: 50, y: 300 });
    expect(sam().flip).toBe(true);
    expect(game.property('sam', 'facing')).toBe('left');
    game.input({ type: 'click', x: 50, y: 255 });
    game.tick();
    game.tick();
    // Up has its own animation (walk_up: [7, 8]), drawn unflipped.
    expect(sam()).toMatchObject({ frame: 7, flip: false });
    expect(game.property('sam', 'facing')).toBe('up');
  });

  it('follows the controlled actor with the camera, clamped to the room', () => {
    const game = harbourGame();
    expect(game.scene().camera).toEqual({ x: 0, y: 0 });
    act(game, { type: 'click', x: 600, y: 300 });
    expect(game.scene().camera).toEqual({ x: 280, y: 0 });
    act(game, { type: 'click', x: 630, y: 300 }); // screen x 630 + camera 280 = room x 910
    expect(position(game, 'sam')).toEqual([910, 300]);
    act(game, { type: 'click', x: 620, y: 300 });
    expect(game.scene().camera).toEqual({ x: 640, y: 0 });
    expect(game.scene().viewport).toEqual([640, 360]);
    expect(game.scene().layers).toEqual([
      { image: 'art/dock.png', parallax: 1 },
      { image: 'art/fog.png', parallax: 0.5 },
    ]);
  });

  it('walks anywhere in a room without a walk area, and wakes `walk` with whether it arrived', () => {
    const game = Game.create(moduleOf(`
      actor a { speed: 600 }
      room r {}
      var got = []
      on start {
        put a in r at (0, 0)
        go r
        push(got, walk_to((100, 50)))
        put a in r at (5, 5)
      }
      fn walk_to(p) { walk a to p; return a.at }
    `));
    settle(game);
    expect(game.display(game.global('got'))).toBe('[(100, 50)]');
    expect(position(game, 'a')).toEqual([5, 5]);
  });
});
