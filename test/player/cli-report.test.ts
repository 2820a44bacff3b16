// Bug reports that replay: a game that fails at a known line is played with
// the report keeper a player runs (an automatic save at each room change, the
// first error and its tick); `cairn run GAME --replay FILE.cairnreport` plays
// the report back from its save to the same error at the same tick. A report
// whose error does not come again, a damaged one and one of another version
// of the game say so with exit 1. Runs the CLI in-process (no dist/ needed).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../player/cli/main.js';
import { createMemoryTerminal } from '../../player/cli/terminal.js';
import type { GameInput } from '../../runtime/game-api.js';
import { Game } from '../../runtime/game.js';
import { loadGame } from '../../runtime/game-loader.js';
import { decodeReport, encodeReport } from '../../runtime/saves/report-format.js';
import { ReportKeeper } from '../../runtime/saves/report-keeper.js';
import { lampProject } from '../support/lamp-game.js';

async function cairn(...args: string[]) {
  const term = createMemoryTerminal();
  const code = await main(args, term);
  return { code, stdout: term.stdout.join('\n'), stderr: term.stderr.join('\n') };
}

let dir: string;
let bundle: string;

/** Plays the game as a player would, keeping report material as the web player's worker does. */
function playToTheBug(): { game: Game; keeper: ReportKeeper } {
  const keeper = new ReportKeeper();
  const holder: { game?: Game } = {};
  const game = Game.fromBundle(loadGame(readFileSync(bundle)), { seed: 7, onError: (e) => keeper.failed(e, holder.game!.tickCount) });
  holder.game = game;
  const act = (input: GameInput) => {
    game.input(input);
    do {
      game.tick();
      keeper.observe(game);
    } while (!game.hasControl);
  };
  for (let i = 0; i < 30; i++) game.tick(), keeper.observe(game);
  act({ type: 'verb', verb: 'use', target: 'switch' });
  for (let i = 0; i < 45; i++) game.tick(), keeper.observe(game);
  act({ type: 'click', x: 400, y: 300 });
  act({ type: 'verb', verb: 'use', target: 'lamp' });
  for (let i = 0; i < 20; i++) game.tick(), keeper.observe(game);
  return { game, keeper };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cairn-report-'));
  const project = lampProject(join(dir, 'lamp'));
  bundle = join(dir, 'lamp.cairn');
  expect((await cairn('build', project, '-o', bundle)).code).toBe(0);
});

describe('.cairnreport', () => {
  it('replays from its automatic save to the same error at the same tick', async () => {
    const { game, keeper } = playToTheBug();
    expect(game.errors.map((e) => e.code)).toEqual(['DIVIDE_BY_ZERO']);
    const report = keeper.report(game, { title: 'Lamp', player: 'test' });
    expect(report.error?.code).toBe('DIVIDE_BY_ZERO');
    expect(report.error?.place).toEqual({ file: 'scripts/game.adv', line: 15, column: expect.any(Number) as number });
    // The automatic save was made on entering the tower: the log holds only what came after it.
    expect(report.save).not.toBeNull();
    expect(report.log.inputs.map((i) => i.input.type)).toEqual(['click', 'verb']);
    const file = join(dir, 'bug.cairnreport');
    writeFileSync(file, encodeReport(report));
    expect(decodeReport(readFileSync(file)).error).toEqual(report.error);

    const r = await cairn('run', bundle, '--replay', file);
    expect(r.stderr).toContain(`reproduced the report's error at tick ${report.error!.tick}, from the report's save: [DIVIDE_BY_ZERO]`);
    expect(r.stderr).toContain('(scripts/game.adv:15:');
    expect(r.code).toBe(0);
  });

  it('says so when the error does not come again, and refuses damaged reports and other versions', async () => {
    const { game, keeper } = playToTheBug();
    const report = keeper.report(game, { title: 'Lamp', player: 'test' });
    const later = join(dir, 'later.cairnreport');
    writeFileSync(later, encodeReport({ ...report, error: { ...report.error!, tick: report.error!.tick + 1 } }));
    const missed = await cairn('run', bundle, '--replay', later);
    expect(missed.code).toBe(1);
    expect(missed.stderr).toContain(`did not reproduce [DIVIDE_BY_ZERO] at tick ${report.error!.tick + 1}`);

    const cut = join(dir, 'cut.cairnreport');
    writeFileSync(cut, encodeReport(report).slice(0, 300));
    const damaged = await cairn('run', bundle, '--replay', cut);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain('is not a Cairn bug report: it is not JSON. [REPORT_INVALID]');

    const other = join(dir, 'other.cairnreport');
    writeFileSync(other, encodeReport({ ...report, game: { ...report.game, version: '0.9.0' } }));
    const refused = await cairn('run', bundle, '--replay', other);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('was made with org.cairn.test.lamp 0.9.0, not with org.cairn.test.lamp 1.0.0');
  });
});
