// The writer: real bundles written to real files and read back, byte-identical
// rebuilds, the magic at offset 30, stored vs deflated entries, interop with
// other ZIP readers, and refusals of input the door would refuse.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { openBundle, writeBundle, type BundleInput } from '../../../runtime/bundle/index.js';
import { missingTools, noteNotRun } from '../../support/not-run.js';
import { noise, sampleInput } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cairn-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the bundle to a file and reads the file back, as `cairn build` and the player do. */
function roundTrip(input: BundleInput, name = 'game.cairn'): Uint8Array {
  const file = join(dir, name);
  writeFileSync(file, writeBundle(input));
  return new Uint8Array(readFileSync(file));
}

const ascii = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('writeBundle', () => {
  it('writes a file that openBundle reads back with the same modules and assets', () => {
    const input = sampleInput();
    const bundle = openBundle(roundTrip(input));
    expect(bundle.manifest.id).toBe('org.example.beach');
    expect(bundle.manifest.resolution).toEqual([640, 360]);
    expect(bundle.manifest.runtime).toBe('^0.1.0');
    expect(bundle.modules.get('game')).toEqual(input.modules.get('game'));
    for (const [path, data] of input.assets) expect(bundle.readAsset(path)).toEqual(data);
    expect(bundle.assetPaths().sort()).toEqual([...input.assets.keys()].sort());
  });

  it('gives byte-identical bundles for the same project, whatever the order of the input maps', () => {
    const a = roundTrip(sampleInput(), 'a.cairn');
    const reversed = sampleInput();
    const b = roundTrip({ ...reversed, assets: new Map([...reversed.assets].reverse()) }, 'b.cairn');
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('puts `mimetypeapplication/x-cairn-bundle` at bytes 30..64, where file managers look', () => {
    const bytes = roundTrip(sampleInput());
    expect(ascii(bytes.subarray(0, 4))).toBe('PK\u0003\u0004');
    expect(ascii(bytes.subarray(30, 30 + 8 + 26))).toBe('mimetypeapplication/x-cairn-bundle');
  });

  it('orders entries mimetype, manifest.json, code/, then assets/ by byte order', () => {
    const names = openBundle(roundTrip(sampleInput())).listEntries().map((e) => e.name);
    expect(names).toEqual([
      'mimetype', 'manifest.json', 'code/game.cbc',
      'assets/door.png', 'assets/empty.json', 'assets/fonts/Pixel.ttf', 'assets/music/theme.ogg', 'assets/rooms/beach.png', 'assets/text/intro.txt',
    ]);
  });

  it('stores already-compressed assets and deflates the rest', () => {
    const methods = new Map(openBundle(roundTrip(sampleInput())).listEntries().map((e) => [e.name, e.method]));
    expect(methods.get('mimetype')).toBe('stored');
    expect(methods.get('assets/rooms/beach.png')).toBe('stored');
    expect(methods.get('assets/music/theme.ogg')).toBe('stored');
    expect(methods.get('assets/text/intro.txt')).toBe('deflated');
    expect(methods.get('manifest.json')).toBe('deflated');
    expect(methods.get('code/game.cbc')).toBe('deflated');
  });

  it('records every entry but mimetype and manifest.json with its size and SHA-256', () => {
    const bundle = openBundle(roundTrip(sampleInput()));
    const listed = bundle.manifest.entries.map((e) => e.path);
    expect(listed).toEqual(bundle.listEntries().map((e) => e.name).slice(2));
    expect(bundle.manifest.entries.every((e) => /^[0-9a-f]{64}$/.test(e.sha256))).toBe(true);
  });

  it('writes fixed timestamps (1980-01-01) and no extra fields', () => {
    const bytes = writeBundle(sampleInput());
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(10, true)).toBe(0); // DOS time 00:00:00
    expect(view.getUint16(12, true)).toBe(0x21); // DOS date 1980-01-01
    expect(view.getUint16(28, true)).toBe(0); // no extra field
  });

  it('is readable by fflate and by Info-ZIP unzip', async (ctx) => {
    const bytes = roundTrip(sampleInput(), 'interop.cairn');
    const files = unzipSync(bytes);
    expect(Object.keys(files)[0]).toBe('mimetype');
    expect(ascii(files['mimetype']!)).toBe('application/x-cairn-bundle');
    if (missingTools(['/usr/bin/unzip']).length === 0) {
      const out = execFileSync('/usr/bin/unzip', ['-t', join(dir, 'interop.cairn')], { encoding: 'utf8' });
      expect(out).toMatch(/No errors detected/);
    } else {
      await noteNotRun(ctx, 'Info-ZIP unzip -t', 'unzip not installed (Debian: unzip)');
    }
  });

  it('stores a file that would deflate beyond the bomb ratio, so the door still opens it', () => {
    const silence = new Uint8Array(4 * 1024 * 1024); // a long silent WAV
    const bundle = openBundle(writeBundle(sampleInput({ assets: new Map([['silence.wav', silence]]) })));
    expect(bundle.listEntries().find((e) => e.name === 'assets/silence.wav')!.method).toBe('stored');
    expect(Buffer.compare(bundle.readAsset('silence.wav'), silence)).toBe(0); // toEqual is slow on megabytes
  });

  it('stores a file deflate hardly shrinks (noise), and deflates one it does', () => {
    const hiss = noise(300_000); // a WAV of noise: deflate saves next to nothing
    const speech = new Uint8Array(300_000).map((_, i) => (i % 64 < 32 ? 128 : 120)); // a WAV that compresses
    const bundle = openBundle(writeBundle(sampleInput({ assets: new Map([['hiss.wav', hiss], ['speech.wav', speech]]) })));
    const method = (name: string) => bundle.listEntries().find((e) => e.name === `assets/${name}`)!.method;
    expect([method('hiss.wav'), method('speech.wav')]).toEqual(['stored', 'deflated']);
    expect(Buffer.compare(bundle.readAsset('hiss.wav'), hiss)).toBe(0);
    expect(Buffer.compare(bundle.readAsset('speech.wav'), speech)).toBe(0);
  });

  it('keeps non-ASCII asset names in UTF-8', () => {
    const bundle = openBundle(writeBundle(sampleInput({ assets: new Map([['café/crème.txt', noise(10)]]) })));
    expect(bundle.assetPaths()).toEqual(['café/crème.txt']);
  });

  it.each([
    ['../evil.sh', 'BUNDLE_BAD_NAME', /points outside the game/],
    ['/etc/passwd', 'BUNDLE_BAD_NAME', /empty path segment/],
    ['a\\b.png', 'BUNDLE_BAD_NAME', /backslash/],
    ['C:/x.png', 'BUNDLE_BAD_NAME', /colon/],
    ['x\u0000.png', 'BUNDLE_BAD_NAME', /NUL/],
    ['dir/', 'BUNDLE_BAD_NAME', /empty path segment/],
  ])('refuses the asset name %j', (name, code, message) => {
    expect(() => writeBundle(sampleInput({ assets: new Map([[name, noise(10)]]) }))).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });

  it('refuses two asset names that differ only in case', () => {
    const assets = new Map([['Door.png', noise(10)], ['door.png', noise(10)]]);
    expect(() => writeBundle(sampleInput({ assets }))).toThrow(expect.objectContaining({ code: 'BUNDLE_DUPLICATE' }));
  });

  it('refuses manifest fields the door would refuse, naming the field', () => {
    expect(() => writeBundle(sampleInput({ id: 'no dots' }))).toThrow(expect.objectContaining({ code: 'BUNDLE_MANIFEST', message: expect.stringMatching(/`id`/) }));
    expect(() => writeBundle(sampleInput({ resolution: [0, 360] }))).toThrow(expect.objectContaining({ message: expect.stringMatching(/`resolution`/) }));
    expect(() => writeBundle(sampleInput({ version: '1.0' }))).toThrow(expect.objectContaining({ message: expect.stringMatching(/`version`/) }));
    expect(() => writeBundle(sampleInput({ runtime: 'soon' }))).toThrow(expect.objectContaining({ message: expect.stringMatching(/`runtime`/) }));
    expect(() => writeBundle(sampleInput({ entry: 'main' }))).toThrow(expect.objectContaining({ code: 'BUNDLE_MISSING_ENTRY' }));
    expect(() => writeBundle(sampleInput({ modules: new Map([['bad/name', noise(4)]]) }))).toThrow(expect.objectContaining({ code: 'BUNDLE_BAD_NAME' }));
  });
});
