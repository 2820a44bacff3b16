// The `.cairnsave` format: a save written from a running game reads back with
// everything it says of itself and continues exactly as the game it was taken
// from; another game's save, a newer format and damaged bytes are refused
// with a CairnError naming why, and the game is unchanged. Fuzzed: whatever
// the bytes, decoding gives a save or a CairnError, never anything else.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CairnError, isCairnError } from '../../../interpreter/errors.js';
import { Game } from '../../../runtime/game.js';
import { loadGameSave, writeGameSave } from '../../../runtime/saves/game-save-file.js';
import { decodeSaveFile, SAVE_FILE_FORMAT, saveFileChecksum } from '../../../runtime/saves/save-file-format.js';
import { act, fixtureModule, harbourGame, HARBOUR_SCRIPT, ticks } from '../game/support.js';

const label = { slot: 'dock', name: 'At the dock', date: Date.UTC(2026, 11, 2, 19, 40) };
const thumbnail = { type: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) };

/** The harbour game part-way through its script: rope taken, walking to the dock. */
function midGame(): Game {
  const game = harbourGame();
  act(game, HARBOUR_SCRIPT[1]![1]);
  game.input({ type: 'click', x: 600, y: 330 });
  ticks(game, 30);
  return game;
}

function refusal(act: () => unknown): CairnError {
  try {
    act();
  } catch (e) {
    if (isCairnError(e)) return e;
    throw e;
  }
  throw new Error('it was accepted');
}

/** The file with its header JSON edited and its checksum made right again. */
function forge(bytes: Uint8Array, edit: (header: Record<string, unknown>) => void, format?: [number, number]): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + length))) as Record<string, unknown>;
  edit(header);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(20 + json.length + bytes.length - 20 - length);
  out.set(bytes.subarray(0, 20));
  out.set(json, 20);
  out.set(bytes.subarray(20 + length), 20 + json.length);
  const v = new DataView(out.buffer);
  v.setUint32(12, json.length, true);
  if (format) {
    v.setUint16(8, format[0], true);
    v.setUint16(10, format[1], true);
  }
  v.setUint32(16, saveFileChecksum(out), true);
  return out;
}

describe('.cairnsave files', () => {
  it('say what they hold and continue exactly as the game they were taken from', () => {
    const game = midGame();
    const bytes = writeGameSave(game, { ...label, thumbnail });
    const file = decodeSaveFile(bytes);
    // Reading never changes the bytes read, even a Node Buffer (whose slice() is a view).
    const buffer = Buffer.from(bytes);
    decodeSaveFile(buffer);
    expect(buffer.equals(Buffer.from(bytes))).toBe(true);
    expect(file).toMatchObject({ game: { id: 'org.cairn.harbour', version: '0.0.0' }, slot: 'dock', name: 'At the dock', date: label.date, room: 'dock', ticks: game.tickCount });
    expect(file.thumbnail).toEqual(thumbnail);
    // A walk is under way, so its thread's function is among what the save needs.
    expect(file.needs.functions.length).toBeGreaterThan(0);
    const hashes = game.functionHashes();
    for (const f of file.needs.functions) expect(hashes.get(f.name)).toBe(f.hash);

    const copy = harbourGame();
    loadGameSave(copy, bytes);
    ticks(game, 400);
    ticks(copy, 400);
    expect(copy.tickCount).toBe(game.tickCount);
    expect(copy.worldJson()).toEqual(game.worldJson());
    expect(copy.scene()).toEqual(game.scene());
  });

  it("refuse another game's save, a newer format and damage, leaving the game as it was", () => {
    const bytes = writeGameSave(midGame(), label);
    const target = harbourGame();
    const before = target.worldJson();
    const other = forge(bytes, (h) => (h.game = { id: 'com.example.other', version: '2.0' }));
    const wrong = refusal(() => loadGameSave(target, other));
    expect(wrong.code).toBe('SAVE_WRONG_GAME');
    expect(wrong.message).toContain('belongs to another game (com.example.other 2.0)');

    const newer = refusal(() => loadGameSave(target, forge(bytes, () => {}, [SAVE_FILE_FORMAT + 1, SAVE_FILE_FORMAT + 1])));
    expect(newer.code).toBe('SAVE_FILE_VERSION');
    expect(newer.message).toContain('made by a newer Cairn');

    const flipped = bytes.slice();
    flipped[flipped.length - 5]! ^= 0x40;
    expect(refusal(() => loadGameSave(target, flipped)).message).toContain('checksum does not match');
    expect(refusal(() => loadGameSave(target, bytes.subarray(0, bytes.length - 1))).code).toBe('SAVE_FILE_INVALID');
    expect(refusal(() => loadGameSave(target, new TextEncoder().encode('PK\x03\x04 a zip'))).message).toContain('is not a Cairn save file');

    const changed = forge(bytes, (h) => ((h.needs as { functions: Array<{ hash: string }> }).functions[0]!.hash = 'f'.repeat(16)));
    expect(refusal(() => loadGameSave(target, changed)).code).toBe('SAVE_INCOMPATIBLE');
    const nested = forge(bytes, (h) => (h.extra = JSON.parse('['.repeat(50) + ']'.repeat(50))));
    expect(refusal(() => loadGameSave(target, nested)).message).toContain('nested too deeply');
    expect(target.worldJson()).toEqual(before);
  });

  it('decode any bytes to a save or a CairnError (fuzz)', () => {
    const seeds = [writeGameSave(midGame(), { ...label, thumbnail }), writeGameSave(Game.create(fixtureModule('harbour.adv')), label)];
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat({ max: 7 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('header' as const), at: fc.nat({ max: 19 }), value: fc.nat({ max: 255 }) }),
    );
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (which, mutations, fixCrc) => {
        let bytes = seeds[which]!.slice();
        for (const m of mutations) {
          if (m.kind === 'cut') bytes = bytes.slice(0, m.at % (bytes.length + 1));
          else if (bytes.length > 0) bytes[m.kind === 'flip' ? m.at % bytes.length : m.at % Math.min(20, bytes.length)]! ^= m.kind === 'flip' ? 1 << m.bit : m.value;
        }
        // With the checksum made right again, the damage reaches the header's checks.
        if (fixCrc && bytes.length >= 20) new DataView(bytes.buffer).setUint32(16, saveFileChecksum(bytes), true);
        try {
          loadGameSave(harbourGame(), bytes);
        } catch (e) {
          if (!isCairnError(e)) throw e;
        }
      }),
      { numRuns: 150, seed: 20 },
    );
  });
});
