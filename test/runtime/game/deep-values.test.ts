// Deep values are just data: declarations nested thousands deep load (not an
// internal error from a recursive reader), and a value nested 20,000 deep in
// an entity property saves and loads (the world part of a save is a flat graph).

import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../interpreter/bytecode/module.js';
import { compile } from '../../../interpreter/compiler/compile.js';
import { Game } from '../../../runtime/game.js';

const text = 'room hall { }\nobject box { name: "box"; store: [1] }\non start {\n  go hall\n  print "ready"\n}\non deepen {\n  let v = 1\n  for i in 0..20000 { v = [v] }\n  box.store = v\n}\n';

function depthOf(v: unknown): number {
  let depth = 0;
  while (Array.isArray(v)) [v, depth] = [v[0], depth + 1];
  return depth;
}

describe('deep values', () => {
  it('a declaration nested 3,000 deep starts the game', () => {
    const { module } = compile([{ file: 'deep.adv', text }]);
    let nested: JsonValue = 1;
    for (let i = 0; i < 3000; i++) nested = [nested, 0, 0];
    const decls = module.declarations as { objects: Array<{ properties: Array<{ name: string; value: JsonValue }> }> };
    decls.objects[0]!.properties.find((p) => p.name === 'store')!.value = nested;
    const game = Game.create(module);
    game.tick();
    expect(game.errors).toEqual([]);
    expect(game.transcript).toEqual(['ready']);
    expect(depthOf(game.property('box', 'store'))).toBe(3000);
    const again = Game.create(module);
    again.load(game.save());
    expect(depthOf(again.property('box', 'store'))).toBe(3000);
  });
  it('a value nested 20,000 deep in an entity property saves and loads', () => {
    const { module } = compile([{ file: 'deep.adv', text }]);
    const game = Game.create(module);
    game.tick();
    (game as unknown as { vm: { startHandlers(e: string): void } }).vm.startHandlers('deepen');
    game.tick();
    expect(game.errors).toEqual([]);
    expect(depthOf(game.property('box', 'store'))).toBe(20_000);
    const bytes = game.save();
    const other = Game.create(module);
    other.load(bytes);
    expect(depthOf(other.property('box', 'store'))).toBe(20_000);
    expect(other.save()).toEqual(bytes);
  });
});
