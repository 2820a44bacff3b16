// `cairn run` on an adventure as an author uses it: the built CLI in a child
// process prints the transcript a player would read (lines said, narration,
// rooms, dialog options offered and chosen, the end), stops on a script
// error with its place and code frame (exit 1), and `--replay` of a recorded
// walkthrough prints the same transcript every time.

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCairn } from '../support/cli.js';

const GAME = `verbs { talk: "Talk to" }
actor hero { name: "Robin" }
actor keeper {
  name: "Keeper"
  on talk { choose chat; say keeper "Mind the fog." }
}
room shore { }
dialog chat {
  option "Hello" { say keeper "Hi." }
  option "Bye" { say "See you."; done }
}
on start {
  put hero in shore at (10, 300)
  put keeper in shore at (100, 300)
  go shore
  say "Morning."
  say "The fog is thick today."
  print "printed"
}
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cairn-run-'));
  mkdirSync(join(dir, 'game', 'scripts'), { recursive: true });
  mkdirSync(join(dir, 'game', 'tests'), { recursive: true });
  writeFileSync(join(dir, 'game', 'cairn.json'), JSON.stringify({ id: 'org.example.run', title: 'Run', version: '1.0.0', author: 'Test', resolution: [640, 360], pixelArt: false }));
  writeFileSync(join(dir, 'game', 'scripts', 'main.adv'), GAME);
  writeFileSync(join(dir, 'game', 'tests', 'talk.walk'), 'do talk keeper\nchoose "Hello"\nchoose "Bye"\nexpect said "Mind the fog."\n');
  expect(runCairn(['build', join(dir, 'game'), '-o', join(dir, 'game.cairn')]).code).toBe(0);
});

describe('cairn run on an adventure', () => {
  it('prints what the characters say as `Name: text`, the room changes and `print` lines, in order', () => {
    const r = runCairn(['run', join(dir, 'game.cairn')]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('-- shore --\nRobin: Morning.\nRobin: The fog is thick today.\nprinted\n');
    expect(r.code).toBe(0);
  });

  it('--quiet prints only the `print` lines', () => {
    const r = runCairn(['run', join(dir, 'game.cairn'), '--quiet']);
    expect(r.stdout).toBe('printed\n');
    expect(r.code).toBe(0);
  });

  it('a replay of a recorded walkthrough shows the options offered and chosen, and the same transcript twice', () => {
    const log = join(dir, 'talk.json');
    const recorded = runCairn(['test', join(dir, 'game'), join(dir, 'game', 'tests', 'talk.walk'), '--record', log]);
    expect(recorded.stdout).toContain('1 passed');
    const first = runCairn(['run', join(dir, 'game.cairn'), '--replay', log]);
    expect(first.stdout).toContain(
      ['printed', '[options] 1. "Hello"  2. "Bye"', '> Hello', 'Keeper: Hi.', '[options] 1. "Hello"  2. "Bye"', '> Bye', 'Robin: See you.', 'Keeper: Mind the fog.'].join('\n'),
    );
    expect(first.code).toBe(0);
    expect(runCairn(['run', join(dir, 'game.cairn'), '--replay', log]).stdout).toBe(first.stdout);
  });

  it('prints narration (a line with no actor to say it) as the text alone', () => {
    const path = join(dir, 'narration.adv');
    writeFileSync(path, 'room study { }\non start { go study; say "Nobody is here." }\n');
    const r = runCairn(['run', path]);
    expect(r.stdout).toBe('-- study --\nNobody is here.\n');
  });

  it('ends with `-- the end --` when the game ends', () => {
    const path = join(dir, 'ending.adv');
    writeFileSync(path, 'actor hero { name: "Robin" }\nroom shore { }\nroom hut {\n  on enter { say "Warm in here."; end game }\n}\non start { go shore; go hut }\n');
    const r = runCairn(['run', path]);
    expect(r.stdout).toBe('-- shore --\n-- hut --\nRobin: Warm in here.\n-- the end --\n');
    expect(r.code).toBe(0);
  });

  it('stops at a script error with exit 1, its file:line:col and code frame', () => {
    const path = join(dir, 'zero.adv');
    writeFileSync(path, 'actor hero { name: "Robin" }\nroom shore { }\nvar zero = 0\non start {\n  go shore\n  print "before"\n  print 1 / zero\n  print "after"\n}\n');
    const r = runCairn(['run', 'zero.adv'], { cwd: dir });
    expect(r.stdout).toBe('-- shore --\nbefore\n');
    expect(r.stderr).toBe('zero.adv:7:11: error: division by zero [DIVIDE_BY_ZERO]\n 7 |   print 1 / zero\n   |           ^\n');
    expect(r.code).toBe(1);
  });

  it('names a cycle of `go` between `on enter` handlers as such, at the `go` that closes it', () => {
    const path = join(dir, 'cycle.adv');
    writeFileSync(path, 'actor hero { name: "Robin" }\nroom shore {\n  on enter { go hut }\n}\nroom hut {\n  on enter { go shore }\n}\non start { go shore }\n');
    const r = runCairn(['run', 'cycle.adv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        'cycle.adv:6:14: error: the rooms shore → hut → shore send the player round in a circle for ever: `on enter` of `shore` does `go hut`, `on enter` of `hut` does `go shore` [GO_CYCLE]',
        ' 6 |   on enter { go shore }',
        '   |              ^',
        "hint: make one `on enter` stop the circle: check a variable first, or move the `go` into an object's handler",
        '',
      ].join('\n'),
    );
  });

  it('lets an `on enter` send the player back once when a variable ends it', () => {
    const path = join(dir, 'bounce.adv');
    writeFileSync(path, 'actor hero { name: "Robin" }\nvar seen = false\nroom shore {\n  on enter { if not seen { seen = true; go hut } }\n}\nroom hut {\n  on enter { go shore }\n}\non start { go shore }\n');
    const r = runCairn(['run', path]);
    expect(r.stdout).toBe('-- shore --\n-- hut --\n-- shore --\n');
    expect(r.code).toBe(0);
  });

  it('prints the opening scene of the sample game from its bundle', () => {
    const bundle = join(dir, 'gull-rock.cairn');
    expect(runCairn(['build', join(ROOT, 'bundles/gull-rock'), '-o', bundle]).code).toBe(0);
    const r = runCairn(['run', bundle]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['-- cottage --', 'Gran Mags: Wren? Is that you, banging about?', "Wren: Morning, Gran! There's fog all down the coast. I can't even see the jetty."]);
  });
});
