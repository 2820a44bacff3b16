// Shared material for the bundle tests: a small valid game, and a raw ZIP
// crafter that writes whatever headers a test asks for — including the
// hostile ones the real writer refuses to produce.

import { once } from 'node:events';
import zlib from 'node:zlib';
import { deflateSync, unzipSync } from 'fflate';
import { crc32 } from '../../../runtime/bundle/checksums.js';
import type { BundleInput } from '../../../runtime/bundle/index.js';

/** Deterministic pseudo-random bytes (xorshift32), like an already-compressed file. */
export function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed | 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const text = (s: string) => new TextEncoder().encode(s);

/** A small but complete game: one code module, stored and deflated assets, nested paths. */
export function sampleInput(overrides: Partial<BundleInput> = {}): BundleInput {
  return {
    id: 'org.example.beach',
    title: 'The Beach',
    author: 'Ada Example',
    version: '1.0.0',
    resolution: [640, 360],
    pixelArt: true,
    entry: 'game',
    modules: new Map([['game', text('CBC\u0001' + 'pretend bytecode '.repeat(200))]]),
    assets: new Map<string, Uint8Array>([
      ['rooms/beach.png', noise(40_000, 7)],
      ['music/theme.ogg', noise(25_000, 9)],
      ['text/intro.txt', text('The tide comes in. '.repeat(500))],
      ['door.png', noise(3_000, 11)],
      ['fonts/Pixel.ttf', noise(5_000, 13)],
      ['empty.json', new Uint8Array(0)],
    ]),
    ...overrides,
  };
}

/** One entry for craftZip; everything beyond name and data overrides what the headers say. */
export interface CraftEntry {
  name: string | Uint8Array;
  data: Uint8Array;
  method?: 0 | 8;
  /** Already-compressed bytes to write as the entry's data (method 8). */
  compressed?: Uint8Array;
  /** Declared uncompressed size (defaults to data.length). */
  size?: number;
  crc?: number;
  flags?: number;
  localExtra?: Uint8Array;
  /** Write only a central-directory record, pointing at this offset (for overlaps). */
  centralAt?: number;
}

/** The local header and data of one entry, as craftZip writes them. */
export function localRecord(e: CraftEntry): { local: Uint8Array; body: Uint8Array } {
  const name = typeof e.name === 'string' ? text(e.name) : e.name;
  const method = e.method ?? 8;
  const body = e.compressed ?? (method === 8 ? deflateSync(e.data) : e.data);
  const flags = e.flags ?? (typeof e.name === 'string' && /[^\x00-\x7f]/.test(e.name) ? 0x800 : 0);
  const extra = e.localExtra ?? new Uint8Array(0);
  const local = new Uint8Array(30 + name.length + extra.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(6, flags, true);
  lv.setUint16(8, method, true);
  lv.setUint32(10, 0x00210000, true); // 1980-01-01 00:00
  lv.setUint32(14, e.crc ?? crc32(e.data), true);
  lv.setUint32(18, body.length, true);
  lv.setUint32(22, e.size ?? e.data.length, true);
  lv.setUint16(26, name.length, true);
  lv.setUint16(28, extra.length, true);
  local.set(name, 30);
  local.set(extra, 30 + name.length);
  return { local, body };
}

/** Writes a ZIP archive byte by byte from `entries`, in order, honest unless told otherwise. */
export function craftZip(entries: readonly CraftEntry[], { comment = new Uint8Array(0) } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? text(e.name) : e.name;
    const { local, body } = localRecord(e);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cd.set(local.subarray(6, 28), 8); // flags … sizes, name length: as in the local header
    cv.setUint32(30, 0, true); // no extra field, no comment
    cv.setUint32(42, e.centralAt ?? offset, true);
    cd.set(name, 46);
    central.push(cd);
    if (e.centralAt !== undefined) continue;
    parts.push(local, body);
    offset += local.length + body.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22 + comment.length);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  ev.setUint16(20, comment.length, true);
  end.set(comment, 22);
  return concat([...parts, ...central, end]);
}

/** Joins byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, at), (at += p.length);
  return out;
}

/** The entries of a valid bundle, in archive order, ready to tamper with and craftZip again. */
export function explode(bundle: Uint8Array): CraftEntry[] {
  const files = unzipSync(bundle);
  return Object.entries(files).map(([name, data]) => ({ name, data, method: name === 'mimetype' || /\.(png|ogg)$/.test(name) ? 0 : 8 }));
}

/** The manifest of an exploded bundle as JSON, and a way to put it back. */
export function editManifest(entries: CraftEntry[], edit: (manifest: Record<string, any>) => void): CraftEntry[] {
  return entries.map((e) => {
    if (e.name !== 'manifest.json') return e;
    const manifest = JSON.parse(new TextDecoder().decode(e.data));
    edit(manifest);
    return { ...e, data: text(JSON.stringify(manifest, null, 2)) };
  });
}

/** 1 GiB of zeros deflated (about 1 MB), streamed so that a test never holds the gigabyte. */
export async function gigabyteOfZeros(): Promise<{ compressed: Uint8Array; crc: number }> {
  const deflater = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflater.on('data', (c: Buffer) => chunks.push(c));
  const zero = Buffer.alloc(1024 * 1024);
  let crc = 0;
  for (let i = 0; i < 1024; i++) {
    crc = zlib.crc32(zero, crc);
    if (!deflater.write(zero)) await once(deflater, 'drain');
  }
  deflater.end();
  await once(deflater, 'end');
  return { compressed: new Uint8Array(Buffer.concat(chunks)), crc };
}
