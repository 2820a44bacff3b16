// The room editor's write-back on a copy of the sample game: an edit changes
// the script by exactly its numbers, a missing property is inserted, what the
// build refuses (a crossed walk area, a hotspot off the room) is refused with
// the build's message and writes nothing, and undo/redo restore the file byte
// for byte — refusing when the file changed behind the editor's back.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { RoomWriteBack } from '../../player/dev/room-write-back.js';

const SAMPLE = join(import.meta.dirname, '../../bundles/gull-rock');
const COTTAGE = 'scripts/10-cottage.adv';
const WALKABLE = 'walkable: [(10, 300), (160, 300), (176, 268), (530, 268), (626, 290), (632, 356), (8, 356)]';
const walkable = [[10, 300], [160, 300], [176, 268], [530, 268], [626, 290], [632, 356], [8, 356]];

describe('room write-back', () => {
  let dir: string;
  let original: string;
  const read = () => readFileSync(join(dir, COTTAGE), 'utf8');

  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'cairn-room-')), 'gull-rock');
    cpSync(SAMPLE, dir, { recursive: true, filter: (p) => !p.includes('/tools') });
    original = read();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('the geometry lists every room with its declarations and the ranges of its values', () => {
    const g = new RoomWriteBack(dir).geometry();
    expect(g.resolution).toEqual([640, 360]);
    const cottage = g.owners.find((o) => o.kind === 'room' && o.name === 'cottage')!;
    const w = cottage.properties.find((p) => p.name === 'walkable')!;
    expect(readFileSync(join(dir, cottage.file), 'utf8').slice(w.start, w.end)).toBe(WALKABLE.slice('walkable: '.length));
    expect(g.owners.find((o) => o.name === 'door' && o.room === 'cottage')!.properties.map((p) => p.name)).toEqual(['hotspot', 'stand']);
  });

  test('a moved vertex changes exactly its numbers; undo and redo restore the file byte for byte', () => {
    const wb = new RoomWriteBack(dir);
    const moved = walkable.map((p, i) => (i === 3 ? [540, 262] : p));
    const a = wb.edit({ kind: 'room', name: 'cottage', property: 'walkable', occurrence: 0, value: moved });
    expect(a.ok).toBe(true);
    expect(read()).toBe(original.replace('(530, 268)', '(540, 262)'));
    expect(wb.geometry().undo).toBe(1);
    expect(wb.undo().ok).toBe(true);
    expect(read()).toBe(original);
    expect(wb.redo().ok).toBe(true);
    expect(read()).toBe(original.replace('(530, 268)', '(540, 262)'));
    expect(wb.undo().ok).toBe(true);
    expect(wb.undo()).toEqual({ ok: false, message: 'nothing to undo' });
  });

  test('a property the author never wrote is inserted in the object\'s block', () => {
    const wb = new RoomWriteBack(dir);
    expect(wb.edit({ kind: 'object', name: 'window', property: 'stand', occurrence: 0, value: [318, 290] }).ok).toBe(true);
    expect(read()).toBe(original.replace('    hotspot: (262, 58, 112, 96)\n', '    hotspot: (262, 58, 112, 96)\n    stand: (318, 290)\n'));
  });

  test('a self-crossing walk area is refused with the build\'s message, and nothing is written', () => {
    const wb = new RoomWriteBack(dir);
    const crossed = walkable.map((p, i) => (i === 1 ? [600, 200] : p));
    const a = wb.edit({ kind: 'room', name: 'cottage', property: 'walkable', occurrence: 0, value: crossed });
    expect(a.ok).toBe(false);
    expect(!a.ok && a.message).toMatch(/^scripts\/10-cottage\.adv:9:1: error: room `cottage`: the first walkable polygon crosses itself/);
    expect(read()).toBe(original);
    expect(wb.geometry().undo).toBe(0);
  });

  test('a hotspot dragged off the room is refused with the build\'s message', () => {
    const a = new RoomWriteBack(dir).edit({ kind: 'object', name: 'door', property: 'hotspot', occurrence: 0, value: [600, 146, 66, 116] });
    expect(!a.ok && a.message).toContain("object `door`: the hotspot (600, 146, 66, 116) reaches outside the room's 640×360 [INVALID_PROPERTY]");
    expect(read()).toBe(original);
  });

  test('undo refuses when the file changed outside the editor, and leaves it alone', () => {
    const wb = new RoomWriteBack(dir);
    expect(wb.edit({ kind: 'object', name: 'door', property: 'stand', occurrence: 0, value: [570, 292] }).ok).toBe(true);
    const changed = `${read()}// a note\n`;
    writeFileSync(join(dir, COTTAGE), changed);
    const a = wb.undo();
    expect(!a.ok && a.message).toContain('changed outside the room editor');
    expect(read()).toBe(changed);
  });
});
