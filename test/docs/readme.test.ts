// The README's example is the first Cairn a newcomer reads: it must compile
// and play as the text says.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../interpreter/compiler/compile.js';
import { Game } from '../../runtime/game.js';

const README = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

function settle(game: Game): void {
  for (let i = 0; i < 36_000 && (i === 0 || !game.hasControl); i++) game.tick();
}

describe('README', () => {
  it('shows a taste of Cairn script that compiles and plays', () => {
    const block = /## A taste of Cairn script\n\n```\n([\s\S]*?)```/.exec(README)?.[1];
    expect(block).toBeDefined();
    const game = Game.create(compile([{ file: 'README.adv', text: block! }]).module);
    settle(game);
    expect(game.said.map((l) => l.text)).toEqual(['Where is that lamp?']);
    game.input({ type: 'verb', verb: 'use', target: 'lamp' });
    settle(game);
    expect(game.evaluate('lamp.lit')).toBe(true);
    expect(game.said.at(-1)?.text).toBe('Let there be light.');
  });
});
