// Saves and determinism: a save taken mid-cutscene loads and finishes exactly
// as the run it was taken from; damaged, foreign and future saves are refused
// and change nothing; the same seed and inputs give the same scenes.

import { describe, expect, it } from 'vitest';
import { CairnError } from '../../../interpreter/errors.js';
import type { Game } from '../../../runtime/game.js';
import { act, harbourGame, sampleGame, settle, shown, ticks, HARBOUR_SCRIPT } from './support.js';

/** Everything a test can observe of a game's state. */
function observe(game: Game): unknown {
  const globals = Object.fromEntries(['log', 'dock_ticks', 'clock_ticks', 'intro_done', 'dice'].map((g) => [g, shown(game, g)]));
  return { tick: game.tickCount, world: game.worldJson(), globals, scene: game.scene() };
}

function refusal(game: Game, bytes: Uint8Array): CairnError {
  try {
    game.load(bytes);
  } catch (e) {
    return e as CairnError;
  }
  throw new Error('the save was accepted');
}

// The CRC the save header carries, so a test can forge a well-formed but wrong save.
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** A save whose world JSON was changed by `edit`, with a correct checksum. */
function forge(bytes: Uint8Array, edit: (json: string) => string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(12, true);
  const json = new TextEncoder().encode(edit(new TextDecoder().decode(bytes.subarray(16, 16 + length))));
  const out = new Uint8Array(16 + json.length + bytes.length - 16 - length);
  out.set(bytes.subarray(0, 12));
  const v = new DataView(out.buffer);
  v.setUint32(12, json.length, true);
  out.set(json, 16);
  out.set(bytes.subarray(16 + length), 16 + json.length);
  v.setUint32(8, crc32(out.subarray(12)), true);
  return out;
}

describe('saves', () => {
  it('load mid-cutscene and finish exactly as the original run', () => {
    const game = harbourGame();
    game.input({ type: 'verb', verb: 'ring', target: 'bell' });
    ticks(game, 150); // walking, or saying "Smells like fish."
    expect(game.scene().cutscene).toBe(true);
    const save = game.save();
    settle(game);
    const finished = observe(game);

    const other = harbourGame({ seed: 0 });
    act(other, { type: 'verb', verb: 'pickup', target: 'rope' });
    other.load(save);
    expect(other.scene().cutscene).toBe(true);
    settle(other);
    expect(observe(other)).toEqual(finished);

    // And back in time in the same game.
    game.load(save);
    settle(game);
    expect(observe(game)).toEqual(finished);
  });

  it('keep dialogs, once-used options, the inventory and the music', () => {
    const game = harbourGame();
    act(game, { type: 'verb', verb: 'ring', target: 'bell' });
    act(game, { type: 'verb', verb: 'talk', target: 'fisher' });
    act(game, { type: 'choose', option: 2 });
    const save = game.save();
    const other = harbourGame();
    other.takeAudio();
    other.load(save);
    expect(other.takeAudio()).toEqual([{ type: 'music', file: 'audio/shanty.ogg', fade: 0 }]);
    expect(other.scene().dialog).toEqual({ options: ['Caught anything?', 'Tell me a story.', 'Bye.'] });
    expect(other.scene().inventory.map((i) => i.id)).toEqual(['hook']);
    expect(other.hasControl).toBe(true);
  });

  it('refuse damaged, foreign and future saves, and change nothing', () => {
    const game = harbourGame();
    act(game, { type: 'verb', verb: 'pickup', target: 'rope' });
    const save = game.save();
    act(game, { type: 'click', x: 600, y: 300 });
    const before = observe(game);
    const beforeBytes = game.save();

    const flipped = save.slice();
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    const future = save.slice();
    new DataView(future.buffer).setUint16(6, 99, true);
    const cases: Array<[Uint8Array, string, RegExp]> = [
      [new Uint8Array(0), 'SNAPSHOT_INVALID', /not a Cairn save/],
      [save.subarray(0, save.length - 10), 'SNAPSHOT_INVALID', /checksum/],
      [flipped, 'SNAPSHOT_INVALID', /checksum/],
      [future, 'SNAPSHOT_VERSION', /cannot read/],
      [sampleGame().save(), 'SNAPSHOT_INVALID', /belongs to another game \(org\.cairn\.sample\), not to org\.cairn\.harbour/],
      [forge(save, (j) => j.replace('"room":"dock"', '"room":"atlantis"')), 'SAVE_INCOMPATIBLE', /`atlantis`, which this version does not have/],
      [forge(save, (j) => j.replace('"visible":true', '"visible":1')), 'SNAPSHOT_INVALID', /visible/],
      [forge(save, (j) => j.replace(/"tick":\d+/, '"tick":3')), 'SNAPSHOT_INVALID', /different moments/],
      [forge(save, () => '{"game":{"id":"org.cairn.harbour"},"tick":1}'), 'SNAPSHOT_INVALID', /no world/],
      [forge(save, (j) => j.replace('"$graph":[{', '"$graph":[{"__proto__":{"x":1},')), 'SNAPSHOT_INVALID', /forbidden field/],
      [forge(save, (j) => j.replace('"ended":false', '"ended":{"$ref":99999}')), 'SNAPSHOT_INVALID', /reference to nothing|ended/],
      [forge(save, (j) => j.replace('"ended":false', '"ended":{"$list":[]}')), 'SNAPSHOT_INVALID', /unknown tag \$list/],
    ];
    for (const [bytes, code, message] of cases) {
      const e = refusal(game, bytes);
      expect(e).toBeInstanceOf(CairnError);
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
      expect(observe(game)).toEqual(before);
    }
    expect(game.save()).toEqual(beforeBytes);
  });

  it('name things: the world part is JSON by name', () => {
    const bytes = harbourGame().save();
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('CSAV');
    const json = new TextDecoder().decode(bytes.subarray(16, 16 + new DataView(bytes.buffer).getUint32(12, true)));
    const head = JSON.parse(json);
    expect(head).toMatchObject({ game: { id: 'org.cairn.harbour', version: '0.0.0' } });
    // The world is a flat graph of nodes, the root first: a few levels deep however deep the data.
    expect(head.world.$graph[0]).toMatchObject({ room: 'dock', controlled: 'sam', camera: { $ref: expect.any(Number) } });
  });
});

describe('determinism', () => {
  const script = HARBOUR_SCRIPT;

  function play(seed: number): string[] {
    const game = harbourGame({ seed });
    const frames: string[] = [];
    for (let t = 0; t < 1200; t++) {
      for (const [at, input] of script) if (at === t) game.input(input);
      game.tick();
      frames.push(JSON.stringify({ scene: game.scene(), audio: game.takeAudio(), dice: shown(game, 'dice') }));
    }
    expect(game.errors).toEqual([]);
    return frames;
  }

  it('gives the same scenes for the same seed and inputs', () => {
    const a = play(7);
    expect(play(7)).toEqual(a);
    expect(play(8)).not.toEqual(a); // the seed reaches `random`
  });

  it('records the inputs it applied, with their ticks, for replays', () => {
    const game = harbourGame({ seed: 3 });
    act(game, { type: 'verb', verb: 'look', target: 'sam' });
    act(game, { type: 'click', x: 300, y: 300 });
    const log = game.inputLog();
    expect(log).toMatchObject({ format: 1, game: { id: 'org.cairn.harbour' }, seed: 3, ticks: game.tickCount });
    expect(log.inputs.map((r) => r.input.type)).toEqual(['verb', 'click']);
    const replay = harbourGame({ seed: 3 });
    for (const { tick, input } of log.inputs) {
      while (replay.tickCount < tick) replay.tick();
      replay.input(input);
    }
    while (replay.tickCount < log.ticks) replay.tick();
    expect(replay.worldJson()).toEqual(game.worldJson());
  });
});

describe('the benchmark room', () => {
  it('runs 200 objects, 20 walking actors and 100 threads, and saves and loads them', async () => {
    const { busyRoom } = await import('../../../bench/runtime.js');
    const game = busyRoom(60);
    expect(game.scene().sprites.length).toBe(220);
    const other = busyRoom(0);
    other.load(game.save());
    ticks(game, 30);
    ticks(other, 30);
    expect(other.worldJson()).toEqual(game.worldJson());
    expect(game.errors).toEqual([]);
  });
});
