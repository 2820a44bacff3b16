// `cairn test` and `cairn run --record/--replay` as an author uses them in CI:
// a line per walkthrough, each failure at its file:line, exit 1 on any
// failure; a replayed log gives the same transcript every time. Runs the CLI
// in-process (main with a memory terminal), so it needs no build of dist/.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../player/cli/main.js';
import { createMemoryTerminal } from '../../player/cli/terminal.js';

const FIXTURE = join(import.meta.dirname, '../runtime/walkthrough/fixtures/beach');
const walk = (name: string) => join(FIXTURE, 'tests', name);

async function cairn(...args: string[]) {
  const term = createMemoryTerminal();
  const code = await main(args, term);
  return { code, stdout: term.stdout.join('\n'), stderr: term.stderr.join('\n') };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cairn-test-'));
}

let bundle: string;

beforeAll(async () => {
  bundle = join(tempDir(), 'beach.cairn');
  expect((await cairn('build', FIXTURE, '-o', bundle)).code).toBe(0);
});

describe('cairn test', () => {
  it('passes a walkthrough with exit 0 and one line saying steps, ticks and time', async () => {
    const r = await cairn('test', FIXTURE, walk('skip.walk'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^✓ \S+skip\.walk {2}3 steps, \d+ ticks \(\d+\.\d s of game time\), \d+ ms\n\n1 walkthrough: 1 passed$/);
    expect(r.code).toBe(0);
  });

  it('runs every tests/*.walk of a project, reports each failure at file:line, exits 1', async () => {
    const r = await cairn('test', FIXTURE);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^[✓✗] /.test(l)).map((l) => l.split('  ')[0])).toEqual(['✓ tests/beach.walk', '✗ tests/failing.walk', '✓ tests/skip.walk']);
    expect(r.stdout).toMatch(/✗ tests\/failing\.walk {2}stopped after 6 steps, 4 failures, \d+ ticks/);
    expect(r.stdout).toContain('  tests/failing.walk:3:1: error: expected room lighthouse, but the room is beach [WALKTHROUGH_FAILED]\n   3 | expect room lighthouse             # still on the beach\n     | ^^^^^^^^^^^^^^^^^^^^^^');
    expect(r.stdout).toContain('  tests/failing.walk:4:1: error: expected a line "Yours now." to be said; lines said since the start: hero: "What a morning.", hero: "Mine now." [WALKTHROUGH_FAILED]');
    expect(r.stdout).toContain('  tests/failing.walk:7:1: error: bad input: the game has no verb `pikup` (did you mean `pickup`?) [WALKTHROUGH_FAILED]');
    expect(r.stdout).not.toContain('failing.walk:8');
    expect(r.stdout).toMatch(/\n3 walkthroughs: 2 passed, 1 failed$/);
  });

  it('reports a walkthrough that does not parse with its place, and goes on with the others', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'typo.walk'), '# a typo\nexpect room beach\nclik 1 2\n');
    const r = await cairn('test', FIXTURE, join(dir, 'typo.walk'), walk('skip.walk'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ ');
    expect(r.stdout).toContain('typo.walk  could not be read');
    expect(r.stdout).toContain('typo.walk:3:1: error: unknown command `clik` [WALKTHROUGH_SYNTAX]');
    expect(r.stdout).toContain('hint: did you mean `click`?');
    expect(r.stdout).toMatch(/✓ \S+skip\.walk/);
    expect(r.stdout).toMatch(/2 walkthroughs: 1 passed, 1 failed$/);
  });

  it('plays walkthroughs on a bundle, which must name them', async () => {
    expect((await cairn('test', bundle, walk('skip.walk'))).code).toBe(0);
    const none = await cairn('test', bundle);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('A bundle holds no walkthroughs: name the .walk files');
  });

  it('builds the project with its asset checks, so a broken project fails before any walkthrough', async () => {
    const dir = tempDir();
    cpSync(FIXTURE, dir, { recursive: true });
    const script = join(dir, 'scripts/beach.adv');
    writeFileSync(script, readFileSync(script, 'utf8').replace('art/shell.svg', 'art/shel.svg'));
    const r = await cairn('test', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[UNKNOWN_ASSET]');
    expect(r.stdout).toBe('');
  });

  it('says how to use it', async () => {
    expect((await cairn('test')).stderr).toContain('cairn test needs a project folder or a .cairn bundle');
    expect((await cairn('test', tempDir())).stderr).toContain('There is no file');
    const help = await cairn('test', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('cairn test PROJECT_OR_BUNDLE [FILE.walk …]');
    expect(help.stdout).toMatch(/expect ACTOR at \(X, Y\)\s+an actor's position, within 2 px/);
    expect((await cairn('--help')).stdout).toMatch(/test\s+play walkthroughs/);
    expect((await cairn('test', FIXTURE, '--record', 'x.json')).stderr).toContain('--record writes one walkthrough\'s input log, but 3 would run');
  });
});

describe('cairn run --record / --replay', () => {
  it('runs an adventure bundle headless until the player has control, printing its `print` lines with --quiet', async () => {
    const r = await cairn('run', bundle, '--seed', '3', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^dice \d \d \d$/);
  });

  it('replays a recorded walkthrough to the same transcript, twice, and re-records the same log', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'play.walk'), ['do pickup shell', 'do talk keeper', 'choose "Got any keys?"', 'choose "Bye."', 'do use key door', 'click 590 250', 'wait 1'].join('\n'));
    const log = join(dir, 'log.json');
    const recorded = await cairn('test', bundle, join(dir, 'play.walk'), '--record', log, '--seed', '9');
    expect(recorded.code).toBe(0);
    const data = JSON.parse(readFileSync(log, 'utf8'));
    expect(data).toMatchObject({ format: 1, game: { id: 'org.example.beach', version: '1.0.0' }, seed: 9 });
    expect(data.inputs).toHaveLength(6);

    const first = await cairn('run', bundle, '--replay', log, '--record', join(dir, 'again.json'), '--quiet');
    const second = await cairn('run', bundle, '--replay', log, '--quiet');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^dice \d \d \d\ntook the seashell\nentered the lighthouse$/);
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(join(dir, 'again.json'), 'utf8')).toBe(readFileSync(log, 'utf8'));
  });

  it('refuses a log for another game, a damaged log, --seed with --replay, and logs for plain scripts', async () => {
    const dir = tempDir();
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ format: 1, game: { id: 'org.example.other', version: '1.0.0' }, seed: 1, inputs: [], ticks: 10 }));
    const wrongGame = await cairn('run', bundle, '--replay', other);
    expect(wrongGame.code).toBe(1);
    expect(wrongGame.stderr).toContain('was recorded on org.example.other 1.0.0, not on org.example.beach 1.0.0 [INPUT_LOG_INVALID]');
    writeFileSync(other, '{"format": 1');
    expect((await cairn('run', bundle, '--replay', other)).stderr).toContain('is not a Cairn input log: it is not valid JSON');
    expect((await cairn('run', bundle, '--replay', other, '--seed', '2')).stderr).toContain('a replay uses the seed its log recorded');
    const script = join(dir, 'hello.adv');
    writeFileSync(script, 'on start { print "hi" }\n');
    expect((await cairn('run', script, '--record', other)).stderr).toContain('--record, --replay and --load need an adventure game bundle');
  });
});
