// Desktop saves as files: a writer killed mid-save never costs the previous
// save, temporaries never show as saves, slot names never become paths, and
// the save file format round-trips and refuses damage with a reason.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeSave, encodeSave } from '../../player/desktop/save-envelope.js';
import { isValidSlot, SaveStore } from '../../player/desktop/save-store.js';
import { savesDir, userDirs } from '../../player/desktop/user-dirs.js';

const ROOT = join(import.meta.dirname, '../..');
const BUILT_STORE = join(ROOT, 'dist/player/desktop/save-store.js');

describe('desktop saves on disk', () => {
  it('go under $XDG_DATA_HOME/cairn/saves/<game id>/, with the spec\'s fallbacks', () => {
    expect(savesDir(userDirs({ HOME: '/home/ann', XDG_DATA_HOME: '/data' }, 'linux'), 'org.example.lamp')).toBe('/data/cairn/saves/org.example.lamp');
    expect(savesDir(userDirs({ HOME: '/home/ann' }, 'linux'), 'org.example.lamp')).toBe('/home/ann/.local/share/cairn/saves/org.example.lamp');
    // a relative XDG_DATA_HOME is ignored, as the base-directory spec says
    expect(userDirs({ HOME: '/home/ann', XDG_DATA_HOME: 'rel/dir' }, 'linux').data).toBe('/home/ann/.local/share');
    expect(userDirs({ HOME: '/Users/ann' }, 'darwin').data).toBe('/Users/ann/Library/Application Support');
    for (const id of ['..', 'a/b', '../x.y', 'x', '.x.y']) expect(() => savesDir(userDirs({ HOME: '/h' }, 'linux'), id)).toThrow();
  });

  it('accept only slot names that cannot be paths', () => {
    for (const ok of ['autosave', 'slot-1700000000000', 'A_1']) expect(isValidSlot(ok)).toBe(true);
    for (const bad of ['', '.', '..', '../x', 'a/b', 'a\\b', 'a.b', '-a', 'a\0', 'x'.repeat(65), 'é']) expect(isValidSlot(bad)).toBe(false);
    const store = new SaveStore(mkdtempSync(join(tmpdir(), 'cairn-saves-')));
    expect(() => store.write('../escape', new Uint8Array(1))).toThrow(/not a valid save slot/);
  });

  it('replace a slot whole and ignore the temporaries a crashed writer leaves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-saves-'));
    const store = new SaveStore(dir);
    store.write('one', new Uint8Array([1, 1]));
    store.write('one', new Uint8Array([2, 2, 2]));
    expect(store.read('one')).toEqual(new Uint8Array([2, 2, 2]));
    writeFileSync(join(dir, 'one.save.999-abc.tmp'), 'half a sa'); // what a crash mid-write leaves
    expect(store.list().map((s) => s.slot)).toEqual(['one']);
    expect(store.read('one')).toEqual(new Uint8Array([2, 2, 2]));
    // an old one is swept when the store next opens; a young one may be another window's write in progress
    const old = new Date(Date.now() - 3600_000);
    utimesSync(join(dir, 'one.save.999-abc.tmp'), old, old);
    writeFileSync(join(dir, 'one.save.998-def.tmp'), 'in progress');
    new SaveStore(dir);
    expect(readdirSync(dir).sort()).toEqual(['one.save', 'one.save.998-def.tmp']);
    expect(store.delete('one')).toBe(true);
    expect(store.read('one')).toBeUndefined();
  });

  it('survive a writer killed at any moment: the slot holds one whole save, old or new', async () => {
    expect(existsSync(BUILT_STORE), 'run `npm run build` first').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'cairn-crash-'));
    const size = 2 * 1024 * 1024;
    new SaveStore(dir).write('slot', new Uint8Array(size).fill(0x41));
    const script = [
      `import { SaveStore } from ${JSON.stringify(pathToFileURL(BUILT_STORE).href)};`,
      `const store = new SaveStore(${JSON.stringify(dir)});`,
      `const saves = [0x42, 0x43].map((b) => new Uint8Array(${size}).fill(b));`,
      `process.stdout.write('ready\\n');`,
      `for (let i = 0; ; i++) store.write('slot', saves[i % 2]);`,
    ].join('\n');
    for (let round = 0; round < 4; round++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 40 + Math.random() * 200));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const bytes = readFileSync(join(dir, 'slot.save'));
      expect(bytes.length).toBe(size);
      expect([0x41, 0x42, 0x43]).toContain(bytes[0]);
      expect(bytes.every((b) => b === bytes[0])).toBe(true);
    }
    expect(new SaveStore(dir).list().map((s) => s.slot)).toEqual(['slot']);
  });

  it('keep name, date and thumbnail with the snapshot in one versioned file', () => {
    const contents = { name: 'Höhle', date: 1700000000000, thumbnail: { type: 'image/png', bytes: new Uint8Array([7, 8]) }, save: new Uint8Array([1, 2, 3]) };
    const bytes = encodeSave(contents);
    expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('CAIRNSAV');
    expect(decodeSave(bytes)).toEqual(contents);
    expect(decodeSave(encodeSave({ ...contents, thumbnail: null }))).toEqual({ ...contents, thumbnail: null });
    expect(decodeSave(bytes.subarray(0, bytes.length - 1))).toBe('it is truncated');
    expect(decodeSave(new Uint8Array(20))).toBe('it is not a Cairn save file');
    const newer = bytes.slice();
    newer[10] = 9; // oldest reader version 9
    expect(decodeSave(newer)).toBe('it was written by a newer Cairn');
  });
});
