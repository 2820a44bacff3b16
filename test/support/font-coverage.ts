// Which characters a font file draws, read from its `cmap` table, so a test
// can check that a game's font covers every character of its translations
// (a missing glyph falls back to another font, in the middle of a line).
// Reads TTF/OTF and WOFF2 (whose table stream is Brotli, in node:zlib).

import { brotliDecompressSync } from 'node:zlib';

/** The code points `bytes` (a TTF, OTF or WOFF2 file) maps to a glyph other than .notdef. */
export function fontCodePoints(bytes: Uint8Array): Set<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cmap = view.getUint32(0) === 0x774f4632 ? woff2Table(bytes, 'cmap') : sfntTable(bytes, 'cmap');
  if (cmap === undefined) throw new Error('the font has no cmap table');
  return cmapCodePoints(cmap);
}

function tag(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

function sfntTable(bytes: Uint8Array, want: string): DataView | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16;
    if (tag(view, rec) === want) return new DataView(bytes.buffer, bytes.byteOffset + view.getUint32(rec + 8), view.getUint32(rec + 12));
  }
  return undefined;
}

/** WOFF2's known-table tags, by the index its table directory stores (the WOFF2 specification, section 4.1). */
const KNOWN_TAGS: readonly string[] = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT', 'EBLC', 'gasp',
  'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC', 'COLR', 'CPAL',
  'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar', 'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx',
  'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
];

function woff2Table(bytes: Uint8Array, want: string): DataView | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(12);
  let at = 48;
  const base128 = (): number => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const b = view.getUint8(at++);
      value = value * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) return value;
    }
    throw new Error('a WOFF2 length runs past five bytes');
  };
  const tables: Array<{ tag: string; length: number }> = [];
  for (let i = 0; i < count; i++) {
    const flags = view.getUint8(at++);
    let name = KNOWN_TAGS[flags & 0x3f];
    if ((flags & 0x3f) === 63) {
      name = tag(view, at);
      at += 4;
    }
    const version = flags >> 6;
    const origLength = base128();
    // glyf and loca are transformed at version 0; every other table at any version but 0.
    const transformed = name === 'glyf' || name === 'loca' ? version !== 3 : version !== 0;
    tables.push({ tag: name!, length: transformed ? base128() : origLength });
  }
  const compressedLength = view.getUint32(20);
  const stream = brotliDecompressSync(bytes.subarray(at, at + compressedLength));
  let offset = 0;
  for (const t of tables) {
    if (t.tag === want) return new DataView(stream.buffer, stream.byteOffset + offset, t.length);
    offset += t.length;
  }
  return undefined;
}

function cmapCodePoints(cmap: DataView): Set<number> {
  const points = new Set<number>();
  const count = cmap.getUint16(2);
  for (let i = 0; i < count; i++) {
    const sub = cmap.getUint32(4 + i * 8 + 4);
    const format = cmap.getUint16(sub);
    if (format === 4) format4(cmap, sub, points);
    else if (format === 12) {
      const groups = cmap.getUint32(sub + 12);
      for (let g = 0; g < groups; g++) {
        const rec = sub + 16 + g * 12;
        const [first, last, glyph] = [cmap.getUint32(rec), cmap.getUint32(rec + 4), cmap.getUint32(rec + 8)];
        for (let c = first; c <= last; c++) if (glyph + (c - first) !== 0) points.add(c);
      }
    }
  }
  return points;
}

function format4(cmap: DataView, sub: number, points: Set<number>): void {
  const segments = cmap.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const [start, end] = [cmap.getUint16(starts + s * 2), cmap.getUint16(ends + s * 2)];
    const delta = cmap.getInt16(deltas + s * 2);
    const rangeOffset = cmap.getUint16(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const raw = cmap.getUint16(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(c);
    }
  }
}
