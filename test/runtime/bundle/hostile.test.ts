// The hostile-bundle suite: every file here is written to disk, read back and
// offered to the door, which must refuse it with a CairnError whose sentence a
// player understands — no stack trace, no file written, memory well bounded.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CairnError, isCairnError } from '../../../interpreter/errors.js';
import { formatError } from '../../../interpreter/diagnostic-format.js';
import { sha256Hex } from '../../../runtime/bundle/checksums.js';
import { openBundle, writeBundle, type OpenOptions } from '../../../runtime/bundle/index.js';
import { concat, craftZip, editManifest, explode, gigabyteOfZeros, localRecord, noise, sampleInput, type CraftEntry } from './fixtures.js';

const MiB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'cairn-hostile-'));
const written: string[] = [];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const valid = writeBundle(sampleInput());
const base = () => explode(valid);
const text = (s: string) => new TextEncoder().encode(s);
const withEntries = (...extra: CraftEntry[]) => craftZip([...base(), ...extra]);
const without = (name: string) => base().filter((e) => e.name !== name);
const replace = (name: string, edit: (e: CraftEntry) => CraftEntry) => base().map((e) => (e.name === name ? edit(e) : e));
const list = (entries: CraftEntry[], path: string, size: number, sha256: string) =>
  editManifest(entries, (m) => m.entries.push({ path, size, sha256 }));

/** Patches a copy of `bytes`. */
function patched(bytes: Uint8Array, patch: (view: DataView, copy: Uint8Array) => void): Uint8Array {
  const copy = bytes.slice();
  patch(new DataView(copy.buffer), copy);
  return copy;
}


let bomb: { compressed: Uint8Array; crc: number };
beforeAll(async () => {
  bomb = await gigabyteOfZeros();
}, 120_000);

/** A stub bytecode verifier standing in for interpreter/bytecode/verify.ts. */
const stubVerifier: OpenOptions = {
  verifyModule: (name, bytes) => {
    if (new TextDecoder().decode(bytes.subarray(0, 4)) !== 'CBC\u0001') throw new CairnError('MODULE_MAGIC', `${name} is not a bytecode module`);
  },
};

/** An archive whose second asset lives inside the first one's data: entries overlap. */
function overlapping(): Uint8Array {
  const [mimetype, manifest] = base();
  const inner: CraftEntry = { name: 'assets/b.bin', data: noise(100), method: 0 };
  const { local, body } = localRecord(inner);
  const outer: CraftEntry = { name: 'assets/a.bin', data: concat([local, body]), method: 0 };
  const innerAt = [mimetype!, manifest!].reduce((n, e) => n + localRecord(e).local.length + localRecord(e).body.length, 0) + 30 + 'assets/a.bin'.length;
  return craftZip([mimetype!, manifest!, outer, { ...inner, centralAt: innerAt }]);
}

interface Hostile {
  name: string;
  bytes: () => Uint8Array;
  code: string;
  message?: RegExp | string;
  /** 'read': the door opens it (assets are checked lazily) and reading the bad asset refuses. */
  when?: 'open' | 'read';
  options?: OpenOptions;
}

const CASES: Hostile[] = [
  // not a bundle at all
  { name: 'an empty file', bytes: () => new Uint8Array(0), code: 'BUNDLE_EMPTY', message: 'This game file is empty.' },
  { name: 'random bytes', bytes: () => noise(MiB, 3), code: 'BUNDLE_NOT_ZIP', message: 'This is not a Cairn game file.' },
  { name: 'random bytes after a ZIP signature', bytes: () => concat([text('PK\u0003\u0004'), noise(5000)]), code: 'BUNDLE_NOT_CAIRN' },
  { name: 'a plain ZIP archive', bytes: () => zipSync({ 'readme.txt': text('hello') }), code: 'BUNDLE_NOT_CAIRN', message: 'This is a ZIP archive, but not a Cairn game file.' },
  // truncated
  { name: 'the first half of a bundle', bytes: () => valid.subarray(0, valid.length >> 1), code: 'BUNDLE_TRUNCATED', message: /ends too early/ },
  { name: 'a bundle cut at 40 bytes', bytes: () => valid.subarray(0, 40), code: 'BUNDLE_TRUNCATED' },
  { name: 'a bundle missing its last byte', bytes: () => valid.subarray(0, valid.length - 1), code: 'BUNDLE_TRUNCATED' },
  // broken structure
  { name: 'a local header that disagrees with the central directory', bytes: () => patched(valid, (v) => v.setUint32(64 + 14, 0xdeadbeef, true)), code: 'BUNDLE_CORRUPT', message: /table of contents/ },
  { name: 'bytes hidden before the central directory', bytes: () => hiddenBytes(), code: 'BUNDLE_CORRUPT' },
  { name: 'overlapping entries', bytes: overlapping, code: 'BUNDLE_CORRUPT' },
  { name: 'an entry count larger than the directory', bytes: () => patched(valid, (v, c) => (v.setUint16(c.length - 12, 99, true), v.setUint16(c.length - 14, 99, true))), code: 'BUNDLE_CORRUPT' },
  { name: 'an encrypted entry', bytes: () => withEntries({ name: 'assets/x.bin', data: noise(10), flags: 1 }), code: 'BUNDLE_UNSUPPORTED', message: /encrypted/ },
  { name: 'a data descriptor', bytes: () => withEntries({ name: 'assets/x.bin', data: noise(10), flags: 8 }), code: 'BUNDLE_UNSUPPORTED' },
  { name: 'bzip2 compression', bytes: () => withEntries({ name: 'assets/x.bin', data: noise(10), method: 12 as 0 }), code: 'BUNDLE_UNSUPPORTED', message: /method 12/ },
  { name: 'Zip64 sizes', bytes: () => withEntries({ name: 'assets/x.bin', data: noise(10), size: 0xffffffff }), code: 'BUNDLE_UNSUPPORTED', message: /Zip64/ },
  // limits, from headers alone
  { name: 'a zip bomb: 1 GiB of zeros', bytes: () => withEntries({ name: 'assets/zeros.bin', data: new Uint8Array(0), compressed: bomb.compressed, size: 1024 * MiB, crc: bomb.crc }), code: 'BUNDLE_BOMB', message: /^This game file was refused as unsafe: assets\/zeros\.bin would expand from 10\d\d(\.\d)? KB to 1 GB\.$/ },
  { name: 'an entry claiming 600 MB', bytes: () => withEntries({ name: 'assets/big.bin', data: new Uint8Array(0), compressed: noise(4 * MiB), size: 600 * MiB }), code: 'BUNDLE_TOO_LARGE', message: /600 MB; the limit is 512 MB/ },
  { name: 'entries claiming 2.5 GB together', bytes: () => withEntries(...[1, 2, 3, 4, 5].map((i) => ({ name: `assets/${i}.bin`, data: new Uint8Array(0), compressed: noise(3 * MiB, i), size: 500 * MiB }))), code: 'BUNDLE_TOO_LARGE', message: /2\.4 GB/ },
  { name: '10,001 entries', bytes: () => withEntries(...Array.from({ length: 10_001 }, (_, i) => ({ name: `assets/${i}`, data: new Uint8Array(0), method: 0 as const }))), code: 'BUNDLE_TOO_LARGE', message: 'This game file holds too many files (10,010; the limit is 10,000).' },
  // names
  { name: 'a zip-slip name', bytes: () => withEntries({ name: '../../evil.sh', data: text('rm -rf ~') }), code: 'BUNDLE_BAD_NAME', message: /^This game file was refused as unsafe: it contains a file named "\.\.\/\.\.\/evil\.sh", which points outside the game\.$/ },
  { name: 'a zip-slip name inside assets', bytes: () => withEntries({ name: 'assets/../../../tmp/evil.sh', data: text('x') }), code: 'BUNDLE_BAD_NAME', message: /points outside the game/ },
  { name: 'an absolute name', bytes: () => withEntries({ name: '/tmp/evil.sh', data: text('x') }), code: 'BUNDLE_BAD_NAME', message: /absolute path/ },
  { name: 'a drive name', bytes: () => withEntries({ name: 'C:/Windows/evil.bat', data: text('x') }), code: 'BUNDLE_BAD_NAME', message: /names a drive/ },
  { name: 'a backslash name', bytes: () => withEntries({ name: 'assets\\..\\..\\evil.bat', data: text('x') }), code: 'BUNDLE_BAD_NAME', message: /backslash/ },
  { name: 'a NUL in a name', bytes: () => withEntries({ name: 'assets/door.png\u0000.sh', data: text('x') }), code: 'BUNDLE_BAD_NAME', message: /NUL/ },
  { name: 'a name that is not UTF-8', bytes: () => withEntries({ name: new Uint8Array([0x61, 0xff, 0x62]), data: text('x'), flags: 0x800 }), code: 'BUNDLE_BAD_NAME', message: /not valid UTF-8/ },
  { name: 'a non-ASCII name without the UTF-8 flag', bytes: () => withEntries({ name: new Uint8Array([0x61, 0x82]), data: text('x'), flags: 0 }), code: 'BUNDLE_BAD_NAME' },
  { name: 'a directory entry', bytes: () => withEntries({ name: 'assets/rooms/', data: new Uint8Array(0), method: 0 }), code: 'BUNDLE_BAD_NAME' },
  { name: 'the same name twice', bytes: () => withEntries({ name: 'assets/door.png', data: noise(5) }), code: 'BUNDLE_DUPLICATE', message: 'This game file is damaged: it contains assets/door.png twice.' },
  { name: 'names equal once case-folded', bytes: () => withEntries({ name: 'assets/DOOR.png', data: noise(5) }), code: 'BUNDLE_DUPLICATE', message: /assets\/door\.png and assets\/DOOR\.png/ },
  { name: 'names equal once normalised', bytes: () => craftZip([...base(), { name: 'assets/caf\u00e9', data: noise(5) }, { name: 'assets/cafe\u0301', data: noise(5) }]), code: 'BUNDLE_DUPLICATE' },
  // manifest
  { name: 'no manifest', bytes: () => craftZip(without('manifest.json')), code: 'BUNDLE_MANIFEST', message: 'This game file is damaged: it has no manifest.' },
  { name: 'a manifest that is not JSON', bytes: () => craftZip(replace('manifest.json', (e) => ({ ...e, data: text('{"format": 1,') }))), code: 'BUNDLE_MANIFEST', message: 'This game file is damaged: its manifest is not valid.' },
  { name: 'a manifest that is not UTF-8', bytes: () => craftZip(replace('manifest.json', (e) => ({ ...e, data: new Uint8Array([0x7b, 0xff, 0x7d]) }))), code: 'BUNDLE_MANIFEST' },
  { name: 'a manifest failing its CRC-32', bytes: () => craftZip(replace('manifest.json', (e) => ({ ...e, crc: 0x12345678 }))), code: 'BUNDLE_MANIFEST', message: 'This game file is damaged: its manifest does not match its checksum.' },
  { name: 'a manifest with a bad field', bytes: () => craftZip(editManifest(base(), (m) => (m.resolution = 'big'))), code: 'BUNDLE_MANIFEST', message: /^This game file is damaged: its manifest is not valid \(`resolution` must be/ },
  { name: 'a manifest without an id', bytes: () => craftZip(editManifest(base(), (m) => delete m.id)), code: 'BUNDLE_MANIFEST', message: /`id` is missing/ },
  { name: 'a manifest that tries prototype pollution', bytes: () => craftZip(replace('manifest.json', (e) => ({ ...e, data: text(new TextDecoder().decode(e.data).replace('{', '{"__proto__": {"polluted": true},')) }))), code: 'BUNDLE_MANIFEST', message: /unknown field "__proto__"/ },
  { name: 'a manifest claiming 9 MB', bytes: () => craftZip(replace('manifest.json', (e) => ({ ...e, compressed: noise(MiB), size: 9 * MiB }))), code: 'BUNDLE_TOO_LARGE', message: /manifest/ },
  // listing and checksums
  { name: 'an entry the manifest does not list', bytes: () => withEntries({ name: 'assets/extra.png', data: noise(10) }), code: 'BUNDLE_UNLISTED', message: 'This game file is damaged: it contains assets/extra.png, which its manifest does not list.' },
  { name: 'a stray top-level file', bytes: () => withEntries({ name: 'autorun.inf', data: text('x') }), code: 'BUNDLE_UNLISTED' },
  { name: 'a listed entry that is missing', bytes: () => craftZip(without('assets/door.png')), code: 'BUNDLE_MISSING_ENTRY', message: 'This game file is damaged: assets/door.png is missing.' },
  { name: 'a size that disagrees with the manifest', bytes: () => craftZip(editManifest(base(), (m) => (m.entries.find((e: { path: string }) => e.path === 'assets/door.png').size = 7))), code: 'BUNDLE_CHECKSUM' },
  { name: 'tampered code of the same length', bytes: () => craftZip(replace('code/game.cbc', (e) => ({ ...e, data: e.data.map((b, i) => (i === 100 ? b ^ 4 : b)) }))), code: 'BUNDLE_CHECKSUM', message: 'This game file is damaged: code/game.cbc does not match its checksum.' },
  { name: 'code claiming 1 KB that inflates to 1 GiB', bytes: () => lyingCode(), code: 'BUNDLE_CHECKSUM' },
  { name: 'corrupted bytecode whose hash was updated to match', bytes: () => corruptedCode(), code: 'BUNDLE_CODE', message: 'This game file is damaged: its code (code/game.cbc) failed verification.', options: stubVerifier },
  { name: 'a game for a newer Cairn', bytes: () => writeBundle(sampleInput({ runtime: '^0.3.0' })), code: 'BUNDLE_RUNTIME_VERSION', message: 'This game needs Cairn 0.3.0 or newer; this is Cairn 0.1.0.' },
  // found when the asset is read
  { name: 'a tampered asset', bytes: () => craftZip(replace('assets/door.png', (e) => ({ ...e, data: e.data.map((b) => b ^ 1) }))), code: 'BUNDLE_CHECKSUM', message: 'This game file is damaged: assets/door.png does not match its checksum.', when: 'read' },
  { name: 'an asset whose deflate stream is broken', bytes: () => craftZip(replace('assets/text/intro.txt', (e) => ({ ...e, compressed: noise(200) }))), code: 'BUNDLE_CHECKSUM', when: 'read' },
  { name: 'an asset claiming 1 KB that inflates to 1 GiB', bytes: () => craftZip(list(base(), 'assets/lie.wav', 1024, sha256Hex(new Uint8Array(1024))).concat([{ name: 'assets/lie.wav', data: new Uint8Array(0), compressed: bomb.compressed, size: 1024 }])), code: 'BUNDLE_CHECKSUM', when: 'read' },
];

function hiddenBytes(): Uint8Array {
  const view = new DataView(valid.buffer, valid.byteOffset);
  const cdOffset = view.getUint32(valid.length - 6, true);
  const out = concat([valid.subarray(0, cdOffset), text('hidden payload!!'), valid.subarray(cdOffset)]);
  return patched(out, (v, c) => v.setUint32(c.length - 6, cdOffset + 16, true));
}

function lyingCode(): Uint8Array {
  const entries = editManifest(base(), (m) => Object.assign(m.entries.find((e: { path: string }) => e.path === 'code/game.cbc'), { size: 1024, sha256: sha256Hex(new Uint8Array(1024)) }));
  return craftZip(entries.map((e) => (e.name === 'code/game.cbc' ? { ...e, data: new Uint8Array(0), compressed: bomb.compressed, size: 1024 } : e)));
}

function corruptedCode(): Uint8Array {
  const code = sampleInput().modules.get('game')!.slice();
  code[0] = 0x58; // 'XBC\1': the magic is gone
  const entries = editManifest(base(), (m) => (m.entries.find((e: { path: string }) => e.path === 'code/game.cbc').sha256 = sha256Hex(code)));
  return craftZip(entries.map((e) => (e.name === 'code/game.cbc' ? { ...e, data: code } : e)));
}

/** Offers the file to the door as the player would, and returns what was refused. */
function refuse(c: Hostile, file: string): unknown {
  const bytes = new Uint8Array(readFileSync(file));
  try {
    const bundle = openBundle(bytes, c.options);
    if (c.when !== 'read') return new Error(`opened: ${c.name}`);
    for (const path of bundle.assetPaths()) {
      try {
        bundle.readAsset(path);
      } catch (e) {
        expect(() => bundle.verifyAll()).toThrow(expect.objectContaining({ code: c.code }));
        return e;
      }
    }
    return new Error(`every asset read: ${c.name}`);
  } catch (e) {
    return e;
  }
}

describe('the door refuses hostile bundles', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', (_, c, i) => {
    const file = join(dir, `${i}.cairn`);
    writeFileSync(file, c.bytes());
    written.push(`${i}.cairn`);
    const started = performance.now();
    const err = refuse(c, file);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(isCairnError(err), String(err)).toBe(true);
    const e = err as CairnError;
    expect(e.code).toBe(c.code);
    if (typeof c.message === 'string') expect(e.message).toBe(c.message);
    else if (c.message) expect(e.message).toMatch(c.message);
    // A sentence for a player: one line, no stack trace, no code frame.
    expect(e.message).toMatch(/^This .*\.$/);
    expect(e.message).not.toMatch(/\n|\bat .*:\d+:\d+/);
    expect(formatError(e)).not.toMatch(/\n\s+at /);
  });

  it('wrote no file but the bundles themselves, anywhere', () => {
    expect(readdirSync(dir).sort()).toEqual([...written].sort());
    for (const p of [resolve(dir, '../evil.sh'), resolve(dir, '../../evil.sh'), '/tmp/evil.sh', resolve('evil.sh'), resolve('../evil.sh')]) expect(existsSync(p)).toBe(false);
  });

  it('did not pollute Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stayed well under 500 MB of memory', () => {
    const peakMB = process.resourceUsage().maxRSS / 1024;
    expect(peakMB).toBeLessThan(500);
  });
});
