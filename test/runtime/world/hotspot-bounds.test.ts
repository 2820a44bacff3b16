// The build's check that hotspots lie in their rooms (runtime/world/check-world.ts
// through hotspot-bounds.ts): a rectangle or polygon past the room's edge, or a
// rectangle with no area, is an INVALID_PROPERTY at the object's line; rooms
// with `size` are measured by it, the others by the screen.

import { describe, expect, test } from 'vitest';
import { compile } from '../../../interpreter/compiler/compile.js';
import { formatError } from '../../../interpreter/diagnostic-format.js';
import { checkWorld } from '../../../runtime/world/check-world.js';

function problems(text: string, screen: [number, number] = [640, 360]): string[] {
  const { module } = compile([{ file: 'game.adv', text }]);
  return checkWorld(module, screen).map((e) => formatError(e).split('\n')[0]!);
}

describe('hotspot bounds', () => {
  test('a hotspot inside the room, touching its edges, is fine', () => {
    expect(problems('room r {\n  object a { hotspot: (0, 0, 640, 360) }\n  object b { polygon: [(0, 0), (640, 0), (640, 360)] }\n}')).toEqual([]);
  });

  test('a hotspot past the right edge is refused at its line', () => {
    expect(problems('room r {\n  object door {\n    name: "door"\n    hotspot: (600, 200, 60, 100)\n  }\n}')).toEqual([
      "game.adv:4:1: error: object `door`: the hotspot (600, 200, 60, 100) reaches outside the room's 640×360 [INVALID_PROPERTY]",
    ]);
  });

  test('a wide room is measured by its size; a polygon point outside it is named', () => {
    expect(problems('room r {\n  size: (1280, 360)\n  object a { hotspot: (1100, 260, 80, 40) }\n  object b { polygon: [(0, 0), (10, 0), (10, -4)] }\n}')).toEqual([
      "game.adv:4:1: error: object `b`: the point (10, -4) of its polygon lies outside the room's 1280×360 [INVALID_PROPERTY]",
    ]);
  });

  test('a hotspot without area is refused', () => {
    expect(problems('room r { object a { hotspot: (10, 10, 0, 5) } }')[0]).toContain('has no area');
  });

  test('objects in no room are not measured', () => {
    expect(problems('object key { hotspot: (-5, 0, 10, 10) }\nroom r { }')).toEqual([]);
  });
});
