// The worker's game-side helpers against the real runtime, in Node: what is
// under a click and what Tab can reach (Game.targetAt / targets), walkthrough commands
// carried out in real time (perform), and values as they cross to the page.

import { describe, expect, test } from 'vitest';
import { compile } from '../../../interpreter/compiler/compile.js';
import { Game } from '../../../runtime/game.js';
import { toPlain } from '../../../player/web/worker/evaluate.js';
import { Performer } from '../../../player/web/worker/perform.js';
import { beachProject } from '../../e2e/fixtures/games.js';
import { EntityRef, Point } from '../../../interpreter/vm/values.js';

function beach(): Game {
  const text = beachProject().get('scripts/game.adv') as string;
  const game = Game.create(compile([{ file: 'game.adv', text }]).module, { id: 'org.cairn.e2e.beach', imageSize: (p) => (p.endsWith('shell.svg') ? [24, 20] : null) });
  for (let i = 0; i < 600 && !(game.tickCount > 0 && game.hasControl); i++) game.tick();
  return game;
}

/** Ticks the game as the worker loop does until the promise settles. */
async function run(game: Game, performer: Performer, work: Promise<void>): Promise<'ok' | Error> {
  let done: 'ok' | Error | null = null;
  work.then(
    () => (done = 'ok'),
    (e: Error) => (done = e),
  );
  for (let i = 0; i < 36_000 && done === null; i++) {
    await Promise.resolve();
    if (done !== null) break;
    game.tick();
    performer.ticked();
    performer.progress();
  }
  await Promise.resolve();
  return done ?? new Error('never settled');
}

describe('world probe', () => {
  test('a click point names the thing by id, not by its display name', () => {
    const game = beach();
    expect(game.targetAt(200, 320)?.id).toBe('shell');
    expect(game.targetAt(420, 300)).toMatchObject({ id: 'keeper', name: 'Keeper', verbs: ['look', 'talk'] });
    expect(game.targetAt(560, 150)).toMatchObject({ id: 'door', name: 'door', verbs: ['look', 'open'] });
    expect(game.targetAt(300, 300)).toBeNull();
  });

  test('Tab targets are the clickable things on screen, left to right, with points that hit them', () => {
    const game = beach();
    const targets = game.targets();
    expect(targets.map((t) => t.id)).toEqual(['shell', 'keeper', 'door']);
    for (const t of targets) expect(game.targetAt(t.x, t.y)?.id).toBe(t.id);
    expect(game.verbsOf('shell')).toEqual(['look', 'pickup']);
  });
});

describe('perform', () => {
  test('commands act, then resolve when the player has control again', async () => {
    const game = beach();
    const p = new Performer(game);
    expect(await run(game, p, p.perform('do pickup shell'))).toBe('ok');
    expect(game.hasControl).toBe(true);
    expect(await run(game, p, p.perform('expect has shell'))).toBe('ok');
    expect(await run(game, p, p.perform('expect said "Mine now."'))).toBe('ok');
  });

  test('a failed expect rejects with the walkthrough message', async () => {
    const game = beach();
    const p = new Performer(game);
    const result = await run(game, p, p.perform('expect has key'));
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(/key/);
  });

  test('save and load work across separate performs; bad input is refused at once', async () => {
    const game = beach();
    const p = new Performer(game);
    expect(await run(game, p, p.perform('save start'))).toBe('ok');
    expect(await run(game, p, p.perform('do pickup shell'))).toBe('ok');
    expect(await run(game, p, p.perform('load start'))).toBe('ok');
    expect(await run(game, p, p.perform('expect not has shell'))).toBe('ok');
    expect(() => p.perform('do look shell\ndo look door')).toThrow(/one command/);
    expect(() => p.perform('dance')).toThrow();
  });

  test('a command whose handler fails with an error rejects with the diagnostic, not resolves', async () => {
    const text = (beachProject().get('scripts/game.adv') as string).replace('on look { say "A spiral shell." }', 'on look { print 1 / 0 }');
    const game = Game.create(compile([{ file: 'game.adv', text }]).module, { id: 'org.cairn.e2e.beach', imageSize: (p) => (p.endsWith('shell.svg') ? [24, 20] : null) });
    for (let i = 0; i < 600 && !(game.tickCount > 0 && game.hasControl); i++) game.tick();
    const p = new Performer(game);
    const result = await run(game, p, p.perform('do look shell'));
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(/^a script failed: game\.adv:\d+:\d+: error: division by zero \[DIVIDE_BY_ZERO\]$/);
    // The error belongs to that command: the next one passes.
    expect(await run(game, p, p.perform('expect not has shell'))).toBe('ok');
  });

  test('wait lets game time pass in ticks the loop runs', async () => {
    const game = beach();
    const p = new Performer(game);
    const before = game.tickCount;
    expect(await run(game, p, p.perform('wait 1'))).toBe('ok');
    expect(game.tickCount - before).toBeGreaterThanOrEqual(60);
  });
});

describe('values for the page', () => {
  test('maps cross as pairs, points as {x, y}, entities by name', () => {
    const value = new Map<string, unknown>([['__proto__', 1], ['at', new Point(1, 2)], ['who', new EntityRef('actor', 'hero')]]);
    expect(toPlain(value as never, 0)).toEqual([['__proto__', 1], ['at', { x: 1, y: 2 }], ['who', 'hero']]);
  });
});
