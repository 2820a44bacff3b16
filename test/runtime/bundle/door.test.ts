// The door on good bundles: what a Bundle exposes, that assets are read lazily
// and checked when read, the verifier hook running last, and the version
// checks (runtime range, bundle format, unknown manifest keys).

import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { CairnError } from '../../../interpreter/errors.js';
import { FORMAT_VERSION, openBundle, openBundleAsync, writeBundle } from '../../../runtime/bundle/index.js';
import { webSha256 } from '../../../player/web/worker/web-sha256.js';
import { craftZip, editManifest, explode, noise, sampleInput } from './fixtures.js';

const valid = writeBundle(sampleInput());
const refusal = (code: string, message?: RegExp) => expect.objectContaining({ name: 'CairnError', code, ...(message ? { message: expect.stringMatching(message) } : {}) });

/** The valid bundle with one entry's bytes replaced and the manifest left as it was. */
function tampered(path: string, edit: (data: Uint8Array) => Uint8Array): Uint8Array {
  return craftZip(explode(valid).map((e) => (e.name === path ? { ...e, data: edit(e.data) } : e)));
}

describe('openBundle on a good bundle', () => {
  it('exposes the manifest, the checked code modules and the entry list', () => {
    const bundle = openBundle(valid);
    expect(bundle.manifest).toMatchObject({ format: 1, minReaderFormat: 1, title: 'The Beach', author: 'Ada Example', version: '1.0.0', pixelArt: true, entry: 'game' });
    expect([...bundle.modules.keys()]).toEqual(['game']);
    const png = bundle.listEntries().find((e) => e.name === 'assets/rooms/beach.png')!;
    expect(png).toEqual({ name: 'assets/rooms/beach.png', size: 40_000, compressedSize: 40_000, method: 'stored' });
    const txt = bundle.listEntries().find((e) => e.name === 'assets/text/intro.txt')!;
    expect(txt.compressedSize).toBeLessThan(txt.size);
  });

  it('reads a view into a larger buffer (byteOffset ≠ 0)', () => {
    const padded = new Uint8Array(valid.length + 100);
    padded.set(valid, 37);
    expect(openBundle(padded.subarray(37, 37 + valid.length)).readAsset('door.png')).toEqual(sampleInput().assets.get('door.png'));
  });

  it('does not read assets at open: a damaged asset is found when it is read, and only then', () => {
    const bytes = tampered('assets/door.png', (d) => d.map((b) => b ^ 0xff));
    const bundle = openBundle(bytes);
    expect(bundle.readAsset('text/intro.txt')).toEqual(sampleInput().assets.get('text/intro.txt'));
    expect(() => bundle.readAsset('door.png')).toThrow(refusal('BUNDLE_CHECKSUM'));
    expect(() => bundle.readAsset('door.png')).toThrow('This game file is damaged: assets/door.png does not match its checksum.');
    expect(() => bundle.verifyAll()).toThrow(refusal('BUNDLE_CHECKSUM'));
  });

  it('verifyAll checks every asset and reports progress in bytes', () => {
    const progress: Array<[number, number]> = [];
    openBundle(valid).verifyAll((done, total) => progress.push([done, total]));
    const total = [...sampleInput().assets.values()].reduce((n, a) => n + a.length, 0);
    expect(progress.length).toBe(sampleInput().assets.size);
    expect(progress.at(-1)).toEqual([total, total]);
  });

  it('returns a fresh buffer from each read, so a caller cannot change the bundle', () => {
    const bundle = openBundle(valid);
    bundle.readAsset('rooms/beach.png').fill(0);
    expect(bundle.readAsset('rooms/beach.png')).toEqual(sampleInput().assets.get('rooms/beach.png'));
  });

  it('reads a Node Buffer and hands out exactly-sized buffers of its own, safe to transfer', () => {
    const bundle = openBundle(Buffer.from(valid));
    for (const path of ['rooms/beach.png', 'text/intro.txt']) {
      const data = bundle.readAsset(path);
      expect(Buffer.isBuffer(data)).toBe(false);
      expect(data.buffer.byteLength).toBe(sampleInput().assets.get(path)!.length);
    }
  });

  it('refuses an asset the bundle does not have, in words a player understands', () => {
    expect(() => openBundle(valid).readAsset('nowhere.png')).toThrow(refusal('BUNDLE_MISSING_ENTRY', /^This game is missing a file it needs: assets\/nowhere\.png\.$/));
    expect(openBundle(valid).hasAsset('door.png')).toBe(true);
    expect(openBundle(valid).hasAsset('assets/door.png')).toBe(false);
  });

  it("reads an asset with a host's asynchronous SHA-256 (the web player's Web Crypto one), refusing a damaged one alike", async () => {
    const digest = webSha256()!;
    expect(await digest(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const bundle = openBundle(tampered('assets/door.png', (d) => d.map((b) => b ^ 0xff)));
    expect(await bundle.readAssetAsync('text/intro.txt', digest)).toEqual(sampleInput().assets.get('text/intro.txt'));
    await expect(bundle.readAssetAsync('door.png', digest)).rejects.toThrow('This game file is damaged: assets/door.png does not match its checksum.');
    await expect(bundle.readAssetAsync('nowhere.png', digest)).rejects.toThrow(refusal('BUNDLE_MISSING_ENTRY'));
  });

  it("opens with a host's asynchronous SHA-256 for the code (the web player's Web Crypto): the same bundle, the same refusals", async () => {
    const digest = webSha256()!;
    const hook = vi.fn();
    const bundle = await openBundleAsync(valid, digest, { verifyModule: hook });
    expect(bundle.manifest).toEqual(openBundle(valid).manifest);
    expect(bundle.modules).toEqual(openBundle(valid).modules);
    expect(hook).toHaveBeenCalledWith('game', sampleInput().modules.get('game'));
    expect(bundle.readAsset('door.png')).toEqual(sampleInput().assets.get('door.png'));
    const damagedCode = tampered('code/game.cbc', (d) => d.map((b, i) => (i === 10 ? b ^ 0x01 : b)));
    expect(() => openBundle(damagedCode)).toThrow(refusal('BUNDLE_CHECKSUM'));
    await expect(openBundleAsync(damagedCode, digest)).rejects.toThrow('This game file is damaged: code/game.cbc does not match its checksum.');
    // With two damaged modules both opens name the first in name order.
    const two = writeBundle(sampleInput({ modules: new Map([['game', sampleInput().modules.get('game')!], ['intro', new TextEncoder().encode('CBC\u0001 intro')]]) }));
    const bothDamaged = craftZip(explode(two).map((e) => (typeof e.name === 'string' && e.name.startsWith('code/') ? { ...e, data: e.data.map((b, i) => (i === 5 ? b ^ 0x01 : b)) } : e)));
    expect(() => openBundle(bothDamaged)).toThrow('code/game.cbc does not match its checksum');
    await expect(openBundleAsync(bothDamaged, digest)).rejects.toThrow('code/game.cbc does not match its checksum');
    const later = writeBundle(sampleInput({ runtime: '^0.3.0' }));
    const untouched = vi.fn();
    await expect(openBundleAsync(later, digest, { verifyModule: untouched })).rejects.toThrow(refusal('BUNDLE_RUNTIME_VERSION'));
    expect(untouched).not.toHaveBeenCalled();
  });

  it('accepts a host SHA-256 (Node crypto) in place of the built-in one', () => {
    const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(openBundle(valid, { sha256 }).readAsset('door.png').length).toBe(3_000);
  });
});

describe('the verifyModule hook', () => {
  it('is called last, once per module, with the checked bytes', () => {
    const hook = vi.fn();
    openBundle(valid, { verifyModule: hook });
    expect(hook).toHaveBeenCalledTimes(1);
    expect(hook).toHaveBeenCalledWith('game', sampleInput().modules.get('game'));
  });

  it('is not called when an earlier check refuses the bundle', () => {
    const hook = vi.fn();
    expect(() => openBundle(writeBundle(sampleInput({ runtime: '^0.3.0' })), { verifyModule: hook })).toThrow(refusal('BUNDLE_RUNTIME_VERSION'));
    expect(hook).not.toHaveBeenCalled();
  });

  it('turns a verifier failure into BUNDLE_CODE, keeping the verifier’s error as cause and note', () => {
    const inner = new CairnError('MODULE_INVALID', 'jump target 99 out of range in <init>');
    let caught: unknown;
    try {
      openBundle(valid, { verifyModule: () => { throw inner; } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ code: 'BUNDLE_CODE', message: 'This game file is damaged: its code (code/game.cbc) failed verification.', cause: inner });
    expect((caught as CairnError).notes[0]!.message).toMatch(/MODULE_INVALID: jump target 99/);
    expect(() => openBundle(valid, { verifyModule: () => { throw new RangeError('offset out of bounds'); } })).toThrow(refusal('BUNDLE_CODE'));
  });
});

describe('version checks', () => {
  it.each([
    ['^0.3.0', 'This game needs Cairn 0.3.0 or newer; this is Cairn 0.1.0.'],
    ['>=0.2.0 <0.3.0', 'This game needs Cairn 0.2.0 or newer; this is Cairn 0.1.0.'],
    ['<0.1.0', 'This game was made for an older Cairn (<0.1.0) and does not run on Cairn 0.1.0.'],
    ['0.0.9', 'This game needs Cairn 0.0.9; this is Cairn 0.1.0.'],
  ])('refuses runtime range %s with "%s"', (runtime, sentence) => {
    expect(() => openBundle(writeBundle(sampleInput({ runtime })))).toThrow(refusal('BUNDLE_RUNTIME_VERSION', new RegExp(`^${sentence.replace(/[.^()<>]/g, '\\$&')}$`)));
  });

  it.each(['^0.1.0', '>=0.1.0 <0.2.0', '0.1.0', '~0.1.0', '^0.0.1 || ^0.1.0'])('accepts runtime range %s', (runtime) => {
    expect(openBundle(writeBundle(sampleInput({ runtime }))).manifest.runtime).toBe(runtime);
  });

  it('refuses a newer bundle format that older readers may not read, naming the Cairn it needs', () => {
    const bytes = craftZip(editManifest(explode(valid), (m) => Object.assign(m, { format: FORMAT_VERSION + 1, minReaderFormat: FORMAT_VERSION + 1, runtime: '^0.4.0', layers: [] })));
    expect(() => openBundle(bytes)).toThrow(refusal('BUNDLE_FORMAT_VERSION', /^This game needs Cairn 0\.4\.0 or newer; this is Cairn 0\.1\.0\.$/));
  });

  it('reads a newer format that declares itself readable by us, ignoring the keys it added', () => {
    const bytes = craftZip(editManifest(explode(valid), (m) => Object.assign(m, { format: FORMAT_VERSION + 1, minReaderFormat: 1, layers: ['parallax'] })));
    expect(openBundle(bytes).manifest.format).toBe(FORMAT_VERSION + 1);
  });

  it('refuses the keys of format 2 (languages) in a format 1 manifest', () => {
    const bytes = craftZip(editManifest(explode(valid), (m) => Object.assign(m, { languages: { default: 'en', offered: ['en'], complete: [] } })));
    expect(() => openBundle(bytes)).toThrow(refusal('BUNDLE_MANIFEST', /unknown field "languages"/));
  });

  it('refuses unknown keys in a manifest of our own format: a typo must not pass', () => {
    const bytes = craftZip(editManifest(explode(valid), (m) => Object.assign(m, { pixleArt: true })));
    expect(() => openBundle(bytes)).toThrow(refusal('BUNDLE_MANIFEST', /unknown field "pixleArt"/));
  });
});

describe('hashing', () => {
  it('a bundle of random assets still round-trips through the built-in SHA-256', () => {
    const assets = new Map(Array.from({ length: 20 }, (_, i) => [`n/${i}.bin`, noise(i * 997, i + 1)] as [string, Uint8Array]));
    const bundle = openBundle(writeBundle(sampleInput({ assets })));
    expect(() => bundle.verifyAll()).not.toThrow();
  });
});
