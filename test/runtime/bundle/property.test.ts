// Property tests of the door: valid bundles mutated at random — bytes flipped,
// 32-bit fields overwritten, ranges cut, inserted or deleted, manifest fields
// replaced by arbitrary JSON — never make openBundle or readAsset throw
// anything but a CairnError.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCairnError } from '../../../interpreter/errors.js';
import { openBundle, writeBundle, type OpenOptions } from '../../../runtime/bundle/index.js';
import { craftZip, editManifest, explode, noise, sampleInput } from './fixtures.js';

const seeds = [
  writeBundle(sampleInput()),
  writeBundle(sampleInput({ assets: new Map([['a.txt', noise(300, 5)], ['b/c.png', noise(200, 6)]]) })),
  writeBundle(sampleInput({ modules: new Map([['game', noise(5000, 8)], ['extra', noise(700, 9)]]), assets: new Map() })),
];

const options: OpenOptions = {
  verifyModule: (_name, bytes) => {
    if (bytes.length === 0) throw new Error('empty module');
  },
};

/** Opens the bytes and reads every asset; rethrows anything that is not a CairnError. */
function offer(bytes: Uint8Array): void {
  let bundle;
  try {
    bundle = openBundle(bytes, options);
  } catch (e) {
    if (!isCairnError(e)) throw e;
    return;
  }
  for (const path of bundle.assetPaths()) {
    try {
      const data = bundle.readAsset(path);
      expect(data.length).toBe(bundle.manifest.entries.find((e) => e.path === `assets/${path}`)!.size);
    } catch (e) {
      if (!isCairnError(e)) throw e;
    }
  }
}

type Mutation =
  | { kind: 'byte'; at: number; value: number }
  | { kind: 'u32'; at: number; value: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number };

// Offsets favour the headers at both ends, where structure lives; negative ones count from the end.
const offset = fc.oneof(fc.nat({ max: 200 }), fc.integer({ min: -700, max: -1 }), fc.nat());
const interesting = fc.constantFrom(0, 1, 0x7fffffff, 0xffffffff, 0xffff, 0x04034b50, 0x02014b50, 0x06054b50, 1 << 30);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('byte' as const), at: offset, value: fc.nat({ max: 255 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('u32' as const), at: offset, value: fc.oneof(interesting, fc.nat()) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: offset }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: offset, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: offset, length: fc.integer({ min: 1, max: 64 }) }) },
);

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = bytes.slice();
  for (const m of mutations) {
    if (out.length === 0) break;
    const at = ((m.at % out.length) + out.length) % out.length;
    if (m.kind === 'byte') out[at] = m.value;
    else if (m.kind === 'u32') out.length >= 4 && new DataView(out.buffer, out.byteOffset).setUint32(Math.min(at, out.length - 4), m.value >>> 0, true);
    else if (m.kind === 'cut') out = out.slice(0, at);
    else if (m.kind === 'insert') out = Uint8Array.from([...out.subarray(0, at), ...m.bytes, ...out.subarray(at)]);
    else out = Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + m.length)]);
  }
  return out;
}

describe('the door under random mutation', () => {
  it('never throws anything but a CairnError, at open or on read', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (which, mutations) => {
        offer(mutate(seeds[which]!, mutations));
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws anything but a CairnError when manifest fields hold arbitrary JSON', () => {
    const keys = ['format', 'minReaderFormat', 'id', 'title', 'author', 'version', 'runtime', 'resolution', 'pixelArt', 'entry', 'entries', '__proto__', 'constructor'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), fc.boolean(), (key, value, intoEntry) => {
        const entries = editManifest(explode(seeds[0]!), (m) => {
          if (intoEntry) m.entries[0][key === 'entries' ? 'sha256' : key] = value;
          else Object.defineProperty(m, key, { value, enumerable: true, writable: true, configurable: true });
        });
        offer(craftZip(entries));
      }),
      { numRuns: 500 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
