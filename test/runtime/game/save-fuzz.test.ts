// Fuzzing of saves and bundles as the player meets them: real saves of a real
// game, mutated — bytes of the world JSON, of the VM snapshot, and of the
// snapshot's records (pc, base, stack, frames, references) — with every
// length and checksum fixed up so the mutation reaches the decoders, then
// loaded; real bundles mutated and passed through loadGame and a few ticks.
// Only CairnError may ever come out, and a refused save leaves the game as it
// was. `npm test` runs a short pass; `npm run fuzz` (CAIRN_FUZZ_RUNS) a long one.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeModule } from '../../../interpreter/bytecode/binary.js';
import { compile } from '../../../interpreter/compiler/compile.js';
import { isCairnError } from '../../../interpreter/errors.js';
import { crc32, Reader, Writer } from '../../../interpreter/vm/snapshot-codec.js';
import { Ref, syncState, type FlatState } from '../../../interpreter/vm/snapshot-schema.js';
import { writeBundle } from '../../../runtime/bundle/index.js';
import { Game } from '../../../runtime/game.js';
import { loadGame } from '../../../runtime/game-loader.js';
import { act, harbourGame } from './support.js';

/** Cases per property: small in `npm test`, CAIRN_FUZZ_RUNS in `npm run fuzz`. */
const RUNS = Number(process.env.CAIRN_FUZZ_RUNS ?? 200);
const tally = { cases: 0, loaded: 0, refused: 0, other: 0 };

const u32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(at, true);

/** A save split into its parts: world JSON bytes and VM snapshot body. */
function split(save: Uint8Array): { head: Uint8Array; json: Uint8Array; snapHead: Uint8Array; body: Uint8Array } {
  const jsonLength = u32(save, 12);
  const snap = save.subarray(16 + jsonLength);
  return { head: save.subarray(0, 12), json: save.subarray(16, 16 + jsonLength), snapHead: snap.subarray(0, 8), body: snap.subarray(16) };
}

/** A save from parts, every length and checksum right. */
function join(parts: { head: Uint8Array; json: Uint8Array; snapHead: Uint8Array; body: Uint8Array }): Uint8Array {
  const out = new Uint8Array(16 + parts.json.length + 16 + parts.body.length);
  const view = new DataView(out.buffer);
  out.set(parts.head, 0);
  view.setUint32(12, parts.json.length, true);
  out.set(parts.json, 16);
  const at = 16 + parts.json.length;
  out.set(parts.snapHead, at);
  view.setUint32(at + 8, parts.body.length, true);
  view.setUint32(at + 12, crc32(parts.body), true);
  out.set(parts.body, at + 16);
  view.setUint32(8, crc32(out.subarray(12)), true);
  return out;
}

type Edit = { at: number; value: number; kind: number };
const edit = fc.record({ at: fc.nat(), value: fc.oneof(fc.integer({ min: -3, max: 300 }), fc.constantFrom(2 ** 31, 2 ** 53 - 1, -(2 ** 31), 65535, 1e9)), kind: fc.nat(9) });

function mutateBytes(bytes: Uint8Array, edits: Edit[]): Uint8Array {
  const out = Array.from(bytes);
  for (const e of edits) {
    if (out.length === 0) break;
    const at = e.at % out.length;
    if (e.kind < 5) out[at] = e.value & 0xff;
    else if (e.kind < 7) out[at] = out[at]! ^ (1 << (e.value & 7));
    else if (e.kind === 7) out.splice(at, 1);
    else if (e.kind === 8) out.splice(at, 0, e.value & 0xff);
    else out.length = at;
  }
  return Uint8Array.from(out);
}

/** Edits of the snapshot's records: thread fields, frames, stacks and references, objects. */
function mutateRecords(body: Uint8Array, edits: Edit[]): Uint8Array {
  const flat = syncState(new Reader(body), {} as FlatState);
  for (const e of edits) {
    const t = flat.threads.length > 0 ? flat.threads[e.at % flat.threads.length]! : undefined;
    const v = Math.min(Math.abs(e.value), 2 ** 31); // what the writer can write
    switch (e.kind) {
      case 0: if (t) t.pc = Math.abs(v); break;
      case 1: if (t) t.base = Math.abs(v); break;
      case 2: if (t) t.stack.length > 0 && v % 2 === 0 ? t.stack.pop() : t.stack.push(new Ref(Math.abs(v) % 7, Math.abs(v))); break;
      case 3: if (t && t.frames.length > 0) t.frames[e.at % t.frames.length] = Math.abs(v); break;
      case 4: if (t) t.state = Math.abs(v) % 6; break;
      case 5: if (t) t.fn = Math.abs(v) % (flat.functions.length + 1); break;
      case 6: if (flat.objects.length > 0) { const o = flat.objects[e.at % flat.objects.length]!; o.kind = Math.abs(v) % 9; } break;
      case 7: if (flat.globals.length > 0) flat.globals[e.at % flat.globals.length]!.value = new Ref(Math.abs(v) % 7, Math.abs(v)); break;
      case 8: flat.nextThreadId = Math.abs(v); break;
      default: if (t) t.id = Math.abs(v); break;
    }
  }
  const w = new Writer();
  syncState(w, flat);
  return w.finish();
}

/** A few saves of the harbour game at different moments: threads waiting in says, walks and dialogs. */
function realSaves(): { game: Game; saves: Uint8Array[] } {
  const game = harbourGame({ seed: 3 });
  const saves = [game.save()];
  act(game, { type: 'click', x: 400, y: 300 });
  for (let i = 0; i < 30; i++) game.tick();
  saves.push(game.save());
  for (let i = 0; i < 200; i++) game.tick();
  saves.push(game.save());
  return { game, saves };
}

/** Loads `bytes` into `game`: only CairnError may come out; refused, the game saves the same bytes as before. */
function tryLoad(game: Game, bytes: Uint8Array, before: Uint8Array, check: boolean): void {
  tally.cases++;
  try {
    game.load(bytes);
    tally.loaded++;
    for (let i = 0; i < 3; i++) game.tick();
    game.save();
    game.load(before);
  } catch (e) {
    if (!isCairnError(e)) {
      tally.other++;
      throw e;
    }
    tally.refused++;
    if (check) expect(Buffer.from(game.save()).equals(before)).toBe(true);
  }
}

describe('saves as untrusted input: mutated real saves through load', () => {
  const { game, saves } = realSaves();
  const before = game.save();
  const pick = fc.nat(saves.length - 1);
  const check = RUNS <= 1000;
  it('mutated world JSON', () => {
    fc.assert(fc.property(pick, fc.array(edit, { minLength: 1, maxLength: 4 }), (i, edits) => {
      const parts = split(saves[i]!);
      tryLoad(game, join({ ...parts, json: mutateBytes(parts.json, edits) }), before, check);
    }), { numRuns: RUNS });
  }, 600_000 + RUNS * 50);
  it('mutated VM snapshot bytes', () => {
    fc.assert(fc.property(pick, fc.array(edit, { minLength: 1, maxLength: 4 }), (i, edits) => {
      const parts = split(saves[i]!);
      tryLoad(game, join({ ...parts, body: mutateBytes(parts.body, edits) }), before, check);
    }), { numRuns: RUNS });
  }, 600_000 + RUNS * 50);
  it('mutated VM snapshot records (threads, frames, stacks, references)', () => {
    fc.assert(fc.property(pick, fc.array(edit, { minLength: 1, maxLength: 3 }), (i, edits) => {
      const parts = split(saves[i]!);
      tryLoad(game, join({ ...parts, body: mutateRecords(parts.body, edits) }), before, check);
    }), { numRuns: RUNS });
  }, 600_000 + RUNS * 50);
});

describe('bundles: mutated real bundles through the one verification and a few ticks', () => {
  const { module } = compile([{ file: 'main.adv', text: 'room hall { walkable: [(0, 0), (600, 0), (600, 300), (0, 300)] }\nobject lamp { name: "lamp"; lit: false }\nactor hero { name: "Hero" }\non start {\n  put hero in hall at (100, 100)\n  go hall\n  say "hello"\n  lamp.lit = true\n}\n' }]);
  const bundle = writeBundle({ id: 'org.example.fuzz', title: 'Fuzz', author: 'A', version: '1.0.0', resolution: [640, 360], pixelArt: false, entry: 'game', modules: new Map([['game', encodeModule(module)]]), assets: new Map([['a.txt', new TextEncoder().encode('x'.repeat(300))]]) });
  it('mutated bundle bytes', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      tally.cases++;
      try {
        const loaded = loadGame(mutateBytes(bundle, edits));
        const g = Game.fromBundle(loaded);
        for (let i = 0; i < 5; i++) g.tick();
        g.load(g.save());
        tally.loaded++;
      } catch (e) {
        if (!isCairnError(e)) {
          tally.other++;
          throw e;
        }
        tally.refused++;
      }
    }), { numRuns: Math.ceil(RUNS / 2) });
  }, 600_000 + RUNS * 50);
  it('reports its figures', () => {
    if (process.env.CAIRN_FUZZ_RUNS) console.log(`fuzz: ${tally.cases} cases, ${tally.loaded} loaded, ${tally.refused} refused with CairnError, ${tally.other} other errors`);
    expect(tally.other).toBe(0);
    expect(tally.cases).toBe(3 * RUNS + Math.ceil(RUNS / 2));
  });
});
