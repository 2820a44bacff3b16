// The small pieces under the door: SHA-256 and CRC-32 against Node's own,
// semver ranges, the entry-name rules and the size formatter.

import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, sha256Hex } from '../../../runtime/bundle/checksums.js';
import { compareUtf8 } from '../../../runtime/bundle/bundle-format.js';
import { count, formatSize } from '../../../runtime/bundle/limits.js';
import { foldName, nameProblem } from '../../../runtime/bundle/names.js';
import { describeMismatch, parseRange, parseVersion, satisfies } from '../../../runtime/bundle/version.js';
import { noise } from './fixtures.js';

describe('sha256Hex and crc32', () => {
  it('match the FIPS 180-4 examples', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(sha256Hex(text(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(text('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agree with node:crypto and zlib at every length around the block boundaries', () => {
    const data = noise(5000, 42);
    for (const n of [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4999]) {
      const slice = data.subarray(0, n);
      expect(sha256Hex(slice)).toBe(createHash('sha256').update(slice).digest('hex'));
      expect(crc32(slice)).toBe(zlib.crc32(slice));
    }
  });
});

describe('versions and ranges', () => {
  const v = (s: string) => parseVersion(s)!;
  const ok = (version: string, range: string) => satisfies(v(version), parseRange(range)!);

  it('parse semver and refuse what is not', () => {
    expect(parseVersion('1.2.3-beta.1+build.5')).toEqual({ major: 1, minor: 2, patch: 3, prerelease: ['beta', 1] });
    for (const bad of ['1.2', '01.2.3', '1.2.3-', 'v1.2.3', '1.2.3.4', '']) expect(parseVersion(bad)).toBeUndefined();
  });

  it('check caret, tilde, comparator and exact ranges', () => {
    expect(ok('0.1.5', '^0.1.0')).toBe(true);
    expect(ok('0.2.0', '^0.1.0')).toBe(false);
    expect(ok('1.9.0', '^1.2.0')).toBe(true);
    expect(ok('0.0.4', '^0.0.3')).toBe(false);
    expect(ok('0.1.9', '~0.1.2')).toBe(true);
    expect(ok('0.1.0', '>=0.1.0 <0.2.0')).toBe(true);
    expect(ok('0.2.0', '>=0.1.0 <0.2.0')).toBe(false);
    expect(ok('0.1.0', '0.1.0')).toBe(true);
    expect(ok('0.1.0', '=0.1.1 || 0.1.0')).toBe(true);
    expect(ok('0.1.0-rc.1', '>=0.1.0')).toBe(false);
    for (const bad of ['', '^', '>=0.1', '0.1.0 ||', 'latest']) expect(parseRange(bad)).toBeUndefined();
  });

  it('say what a player needs to hear', () => {
    const say = (range: string) => describeMismatch(range, parseRange(range)!, '0.1.0');
    expect(say('^0.3.0')).toBe('This game needs Cairn 0.3.0 or newer; this is Cairn 0.1.0.');
    expect(say('>0.2.0')).toBe('This game needs Cairn newer than 0.2.0; this is Cairn 0.1.0.');
    expect(say('^0.4.0 || ^1.0.0')).toBe('This game needs Cairn 0.4.0 or newer; this is Cairn 0.1.0.');
  });
});

describe('entry names', () => {
  it.each([
    ['assets/rooms/beach.png', undefined],
    ['assets/café.png', undefined],
    ['../x', 'points outside the game'],
    ['assets/./x', 'contains a `.` path segment'],
    ['/x', 'is an absolute path'],
    ['c:x', 'names a drive'],
    ['a\\b', 'contains a backslash'],
    ['a\u0000b', 'contains a NUL character'],
    ['a\tb', 'contains a control character'],
    ['a//b', 'has an empty path segment'],
    ['assets/x.txt:secret', 'contains a colon'],
    ['a\ud800', 'contains an unpaired surrogate'],
    ['x'.repeat(513), 'is longer than 512 bytes'],
  ])('%j → %s', (name, problem) => {
    expect(nameProblem(name)).toBe(problem);
  });

  it('fold case and Unicode form', () => {
    expect(foldName('Assets/CAFE\u0301.PNG')).toBe(foldName('assets/caf\u00e9.png'));
  });

  it('sort by UTF-8 bytes, not UTF-16 units', () => {
    expect(['\uff61', '\u{1f600}', 'a'].sort(compareUtf8)).toEqual(['a', '\uff61', '\u{1f600}']);
  });
});

describe('sizes and counts for people', () => {
  it('read naturally', () => {
    expect(formatSize(512)).toBe('512 bytes');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(512 * 1024 * 1024)).toBe('512 MB');
    expect(formatSize(2 ** 30)).toBe('1 GB');
    expect(count(10_000)).toBe('10,000');
    expect(count(999)).toBe('999');
  });
});
