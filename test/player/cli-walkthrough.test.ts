// Walkthroughs play by the player's rules, as `cairn test` runs them in a
// child process: `do` on what no click could reach is refused with the
// reason, the negative checks (`expect not said`, `expect no option`,
// `expect refused do`, `expect not room`) pass and fail with what they saw,
// named walkthroughs are found from the project too, and a script error
// keeps its "did you mean".

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCairn } from '../support/cli.js';

const GAME = `verbs { look: "Look at", talk: "Talk to", use: "Use" }
actor hero { name: "Robin" }
actor keeper { name: "Keeper"; on talk { choose chat } }
room beach {
  object shell { name: "seashell"; on look { say "A shell." } }
  object crab { name: "crab"; visible: false }
  object door { name: "door"; open: false; on look { print door.opne } }
}
room lighthouse { }
object key { name: "key" }
dialog chat {
  option "Got a key?" once { say keeper "No." }
  option "Bye." { done }
}
on start {
  put hero in beach at (100, 330)
  put keeper in lighthouse at (200, 330)
  go beach
}
`;

let dir: string;

function walk(name: string, text: string): string {
  writeFileSync(join(dir, 'tests', name), text);
  return join('tests', name);
}

const test = (file: string, cwd?: string) => runCairn(['test', cwd === undefined ? dir : '.', file], cwd === undefined ? {} : { cwd });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cairn-walk-'));
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'tests'));
  writeFileSync(join(dir, 'cairn.json'), JSON.stringify({ id: 'org.example.walk', title: 'Walk', version: '1.0.0', author: 'Test', resolution: [640, 360], pixelArt: false }));
  writeFileSync(join(dir, 'scripts', 'main.adv'), GAME);
});

describe('walkthroughs play by the player\'s rules', () => {
  it('refuses `do` on an actor in another room, with the reason as the failure, and stops', () => {
    const r = test(walk('far.walk', 'do talk keeper\nexpect room beach\n'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tests/far.walk:1:1: error: `do talk keeper` is refused: `keeper` is in lighthouse, not here (the room shown is beach): a click cannot reach it [WALKTHROUGH_FAILED]');
    expect(r.stdout).toMatch(/stopped after 1 step/);
  });

  it('refuses `do` on a hidden object and on an object in no room that is not held', () => {
    expect(test(walk('hidden.walk', 'do look crab\n')).stdout).toContain('error: `do look crab` is refused: `crab` is hidden (`crab.visible` is false): a click cannot reach it [WALKTHROUGH_FAILED]');
    expect(test(walk('nowhere.walk', 'do use key shell\n')).stdout).toContain('error: `do use key shell` is refused: `key` is in no room and not in the inventory: a click cannot reach it [WALKTHROUGH_FAILED]');
  });

  it('passes the negative checks when what they rule out did not happen', () => {
    const r = test(walk('negative.walk', 'expect not room lighthouse\nexpect refused do talk keeper\ndo look shell\nexpect not said keeper "No."\nexpect no option "Got a key?"\n'));
    expect(r.stdout).toMatch(/✓ tests\/negative\.walk {2}5 steps/);
    expect(r.code).toBe(0);
  });

  it('fails each negative check with what it saw, and never passes a misspelt name', () => {
    writeFileSync(join(dir, 'scripts', 'main.adv'), GAME.replace('put keeper in lighthouse', 'put keeper in beach'));
    try {
      const r = test(walk('broken.walk', 'expect not room beach\nexpect refused do look shell\nexpect refused do look shel\ndo talk keeper\nexpect no option "Bye."\nchoose "Got a key?"\nexpect not said "No."\n'));
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('tests/broken.walk:1:1: error: expected another room than beach, but the room is beach [WALKTHROUGH_FAILED]');
      expect(r.stdout).toContain('tests/broken.walk:2:1: error: expected `do look shell` to be refused, but a click could do it now [WALKTHROUGH_FAILED]');
      expect(r.stdout).toMatch(/tests\/broken\.walk:3:1: error: .*`shel`.*did you mean `shell`\?/);
      expect(r.stdout).toContain('tests/broken.walk:5:1: error: expected no option "Bye.", but it is offered; the options are 1. "Got a key?", 2. "Bye." [WALKTHROUGH_FAILED]');
      expect(r.stdout).toContain('tests/broken.walk:7:1: error: expected no line "No." since the start, but keeper said "No." [WALKTHROUGH_FAILED]');
    } finally {
      writeFileSync(join(dir, 'scripts', 'main.adv'), GAME);
    }
  });

  it('finds a named walkthrough from the current directory, or else in the project', () => {
    const name = walk('found.walk', 'expect room beach\n');
    const fromProject = runCairn(['test', dir, name], { cwd: tmpdir() });
    expect(fromProject.stdout).toMatch(/✓ tests\/found\.walk/);
    expect(fromProject.code).toBe(0);
    expect(test(name, dir).code).toBe(0);
    const missing = runCairn(['test', dir, 'tests/none.walk'], { cwd: tmpdir() });
    expect(missing.stdout).toContain('There is no file `tests/none.walk`.');
  });

  it('keeps the "did you mean" hint of a script error that stops a walkthrough', () => {
    const r = test(walk('typo.walk', 'do look door\n'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error: a script failed [WALKTHROUGH_FAILED]');
    expect(r.stdout).toMatch(/note: .*`opne`.*\[NO_SUCH_PROPERTY\]/);
    expect(r.stdout).toContain('hint: did you mean `open`?');
  });
});
