// `cairn build`, `inspect` and `run` on real project folders and real bundle
// files: reproducible builds, asset checks with hints, and hostile files
// refused with a sentence and exit 1, never a stack trace.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCairn } from '../support/cli.js';


const cairn = (args: string[]) => runCairn(args);

const CONFIG = { id: 'org.example.lamp', title: 'The Lamp', version: '1.0.0', author: 'Test Author', resolution: [640, 360], pixelArt: false };

function makeProject(files: Record<string, string | Uint8Array>, config: object = CONFIG): string {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-project-'));
  writeFileSync(join(dir, 'cairn.json'), JSON.stringify(config, null, 2));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const SCRIPT = 'fn shout(s) { return upper(s) }\non start {\n  print shout("built")\n  wait 0.1\n  print "done"\n}\n';
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

describe('cairn build / inspect / run on bundles', () => {
  it('builds a bundle that runs, identically twice', () => {
    const dir = makeProject({ 'scripts/main.adv': SCRIPT, 'assets/notes.txt': 'hello '.repeat(100) });
    const out = join(dir, 'a.cairn');
    const first = cairn(['build', dir, '-o', out]);
    expect(first.stderr).toContain('assets/notes.txt is not used by any script');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Built .*a\.cairn/);
    const second = cairn(['build', dir, '-o', join(dir, 'b.cairn')]);
    expect(second.code).toBe(0);
    expect(Buffer.compare(readFileSync(out), readFileSync(join(dir, 'b.cairn')))).toBe(0);
    // the desktop's magic: `mimetype` is the first entry, stored, its name at offset 30
    expect(readFileSync(out).subarray(30, 30 + 34).toString('latin1')).toBe('mimetypeapplication/x-cairn-bundle');
    const run = cairn(['run', out]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('BUILT\ndone\n');
    expect(run.code).toBe(0);
  });

  it('refuses an output folder that does not exist with a sentence, leaving nothing behind', () => {
    const dir = makeProject({ 'scripts/main.adv': SCRIPT });
    const out = join(dir, 'no-such-folder', 'game.cairn');
    const result = cairn(['build', dir, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Could not write the bundle to ${out}: the folder ${join(dir, 'no-such-folder')} does not exist.`);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    const json = cairn(['build', dir, '--json', '-o', out]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).diagnostics[0]).toMatchObject({ code: 'IO', severity: 'error' });
  });

  it('scaffolds a project with `new` that builds and passes its walkthrough at once', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cairn-new-')), 'first-game');
    const created = cairn(['new', dir]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created First Game');
    const tested = cairn(['test', dir]);
    expect(tested.stderr).toBe('');
    expect(tested.stdout).toMatch(/✓ tests\/lamp\.walk/);
    expect(tested.code).toBe(0);
    const built = cairn(['build', dir, '-o', join(dir, 'game.cairn')]);
    expect(built.code).toBe(0);
    expect(cairn(['test', join(dir, 'game.cairn'), join(dir, 'tests/lamp.walk')]).code).toBe(0);
    // never overwrites
    const again = cairn(['new', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists and is not empty');
  });

  it('inspects a bundle as text and as JSON', () => {
    const dir = makeProject({ 'scripts/main.adv': SCRIPT, 'assets/art/door.png': PNG_BYTES, 'assets/notes.txt': 'x'.repeat(5000) });
    const out = join(dir, 'game.cairn');
    expect(cairn(['build', dir, '-o', out]).code).toBe(0);
    const text = cairn(['inspect', out]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('The Lamp 1.0.0 by Test Author');
    expect(text.stdout).toContain('org.example.lamp');
    expect(text.stdout).toMatch(/assets\/art\/door\.png\s+12 bytes\s+stored/);
    expect(text.stdout).toMatch(/assets\/notes\.txt\s+.*deflated/);
    expect(text.stdout).toContain('verified');
    const json = cairn(['inspect', out, '--json']);
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout);
    expect(data.verified).toBe(true);
    expect(data.manifest.id).toBe('org.example.lamp');
    expect(data.entries.map((e: { name: string }) => e.name)).toContain('code/game.cbc');
  });

  it('refuses an unknown key in cairn.json with a hint', () => {
    const dir = makeProject({ 'scripts/main.adv': SCRIPT }, { ...CONFIG, titel: 'x' });
    const r = cairn(['build', dir, '-o', join(dir, 'x.cairn')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown key `titel`');
    expect(r.stderr).toContain('did you mean `title`?');
    expect(existsSync(join(dir, 'x.cairn'))).toBe(false);
  });

  it('names a missing asset with the script place and a near miss', () => {
    const dir = makeProject({ 'scripts/main.adv': 'on start {\n  play sound "audio/creek.wav"\n}\n', 'assets/audio/creak.wav': 'RIFF' });
    const r = cairn(['build', dir, '-o', join(dir, 'x.cairn')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('scripts/main.adv:2:');
    expect(r.stderr).toContain('audio/creek.wav');
    expect(r.stderr).toContain('did you mean `audio/creak.wav`?');
  });

  it('refuses a walk area that crosses itself at its source line', () => {
    const dir = makeProject({ 'scripts/main.adv': 'actor hero { name: "R" }\nroom beach {\n  walkable: [(0, 0), (100, 100), (100, 0), (0, 100)]\n}\non start { print "started" }\n' });
    const r = cairn(['build', dir, '-o', join(dir, 'x.cairn')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('scripts/main.adv:3:');
    expect(r.stderr).toContain('crosses itself');
    expect(existsSync(join(dir, 'x.cairn'))).toBe(false);
  });
});
