// The ZIP container as the door sees it: parses the end record, the central
// directory and every local header — offsets, sizes, names, flags — without
// inflating anything, and inflates one entry at a time, bounded by its
// declared size. Structure only: limits, names and the manifest come after.

import { Inflate } from 'fflate';
import { MIMETYPE, MIMETYPE_NAME } from './bundle-format.js';
import { damaged, refuse, shown } from './refuse.js';

/** One entry of the archive, as its headers describe it. */
export interface ZipEntry {
  /** The name, decoded as UTF-8 (with U+FFFD where it is not valid UTF-8). */
  name: string;
  /** False when the name's bytes are not valid UTF-8, or not ASCII without the UTF-8 flag. */
  nameIsUtf8: boolean;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  crc32: number;
  compressedSize: number;
  /** Uncompressed size. */
  size: number;
  /** Where the local header starts. */
  headerOffset: number;
  /** Where the entry's (compressed) data starts. */
  dataOffset: number;
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
// General-purpose flag bits we accept: 1–2 (deflate level hint) and 11 (UTF-8 names).
const ALLOWED_FLAGS = 0x0806;
const UTF8_FLAG = 0x0800;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');
const MAGIC = new TextEncoder().encode(MIMETYPE_NAME + MIMETYPE);

const broken = (detail: string): never => refuse('BUNDLE_CORRUPT', damaged('its table of contents does not match its contents'), detail);
const unsupported = (feature: string): never =>
  refuse('BUNDLE_UNSUPPORTED', `This game file uses a ZIP feature Cairn does not support (${feature}).`);

/**
 * Checks the first 64 bytes: a local header for a stored `mimetype` entry
 * holding `application/x-cairn-bundle`, exactly where file managers look.
 */
function checkMagic(bytes: Uint8Array, view: DataView): void {
  if (bytes.length === 0) refuse('BUNDLE_EMPTY', 'This game file is empty.');
  if (bytes.length < 4 || view.getUint32(0, true) !== LOCAL_SIG) refuse('BUNDLE_NOT_ZIP', 'This is not a Cairn game file.');
  if (bytes.length < 30 + MAGIC.length) refuse('BUNDLE_TRUNCATED', 'This game file is incomplete: it ends too early (was the download interrupted?).');
  const isMimetypeHeader =
    view.getUint16(8, true) === 0 && // stored
    view.getUint32(18, true) === MIMETYPE.length &&
    view.getUint32(22, true) === MIMETYPE.length &&
    view.getUint16(26, true) === MIMETYPE_NAME.length &&
    view.getUint16(28, true) === 0 && // no extra field, so the magic sits at offset 30
    MAGIC.every((b, i) => bytes[30 + i] === b);
  if (!isMimetypeHeader) refuse('BUNDLE_NOT_CAIRN', 'This is a ZIP archive, but not a Cairn game file.');
}

/** Finds the end-of-central-directory record, which must end exactly at the end of the file. */
function findEnd(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let p = bytes.length - 22; p >= lowest; p--) {
    if (view.getUint32(p, true) === END_SIG && p + 22 + view.getUint16(p + 20, true) === bytes.length) return p;
  }
  return refuse('BUNDLE_TRUNCATED', 'This game file is incomplete: it ends too early (was the download interrupted?).', 'no end-of-central-directory record');
}

/** Parses and cross-checks the archive's structure; returns its entries in central-directory order. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkMagic(bytes, view);
  const end = findEnd(bytes, view);
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR_SIG) unsupported('Zip64');
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) unsupported('Zip64');
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0 || view.getUint16(end + 8, true) !== count) unsupported('split archives');
  // Nothing may sit between the last entry's data, the central directory and the end record.
  if (cdOffset + cdSize !== end) broken(`central directory spans ${cdOffset}+${cdSize}, end record at ${end}`);

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL_SIG) broken(`central directory entry ${i} is malformed`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const disk = view.getUint16(p + 34, true);
    const headerOffset = view.getUint32(p + 42, true);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > end) broken(`central directory entry ${i} runs past the directory`);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = lenient.decode(nameBytes);
    if (flags & 0x2041) unsupported(`encrypted entry ${shown(name)}`);
    if (flags & 0x0008) unsupported(`data descriptor on ${shown(name)}`);
    if (flags & ~ALLOWED_FLAGS) unsupported(`flags 0x${flags.toString(16)} on ${shown(name)}`);
    if (method !== 0 && method !== 8) unsupported(`compression method ${method} on ${shown(name)}`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || headerOffset === 0xffffffff) unsupported('Zip64');
    if (disk !== 0) unsupported('split archives');
    if (method === 0 && compressedSize !== size) broken(`${shown(name)} is stored but its two sizes differ`);
    entries.push({
      name,
      nameIsUtf8: isUtf8Name(nameBytes, flags),
      method: method as 0 | 8,
      crc32: crc,
      compressedSize,
      size,
      headerOffset,
      dataOffset: checkLocalHeader(bytes, view, headerOffset, cdOffset, { flags, method, crc, compressedSize, size, nameBytes, name }),
    });
    p = next;
  }
  if (p !== end) broken('central directory has bytes left over');
  checkLayout(entries, cdOffset);
  return entries;
}

function isUtf8Name(nameBytes: Uint8Array, flags: number): boolean {
  if (!(flags & UTF8_FLAG)) return nameBytes.every((b) => b < 0x80);
  try {
    utf8.decode(nameBytes);
    return true;
  } catch {
    return false;
  }
}

interface CentralFields {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameBytes: Uint8Array;
  name: string;
}

/** Checks that the local header agrees with the central directory; returns where the data starts. */
function checkLocalHeader(bytes: Uint8Array, view: DataView, at: number, cdOffset: number, c: CentralFields): number {
  const where = shown(c.name);
  if (at + 30 > cdOffset || view.getUint32(at, true) !== LOCAL_SIG) broken(`no local header for ${where} at ${at}`);
  const nameLength = view.getUint16(at + 26, true);
  const extraLength = view.getUint16(at + 28, true);
  const agrees =
    view.getUint16(at + 6, true) === c.flags &&
    view.getUint16(at + 8, true) === c.method &&
    view.getUint32(at + 14, true) === c.crc &&
    view.getUint32(at + 18, true) === c.compressedSize &&
    view.getUint32(at + 22, true) === c.size &&
    nameLength === c.nameBytes.length &&
    at + 30 + nameLength <= cdOffset &&
    bytes.subarray(at + 30, at + 30 + nameLength).every((b, i) => b === c.nameBytes[i]);
  if (!agrees) broken(`local header of ${where} disagrees with the central directory`);
  const dataOffset = at + 30 + nameLength + extraLength;
  if (dataOffset + c.compressedSize > cdOffset) broken(`${where} runs into the central directory`);
  return dataOffset;
}

/**
 * Entries must tile the file from offset 0 up to the central directory: no
 * overlaps (the trick behind non-recursive zip bombs), no gaps (no hidden data).
 */
function checkLayout(entries: ZipEntry[], cdOffset: number): void {
  if (entries.length === 0 || entries[0]!.headerOffset !== 0) broken('the first entry is not `mimetype` at offset 0');
  const byOffset = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  let expected = 0;
  for (const e of byOffset) {
    if (e.headerOffset !== expected) broken(`${shown(e.name)} ${e.headerOffset < expected ? 'overlaps the entry before it' : 'follows a gap'}`);
    expected = e.dataOffset + e.compressedSize;
  }
  if (expected !== cdOffset) broken('there are bytes between the last entry and the central directory');
}

/** The raw (possibly compressed) bytes of an entry: a view, no copy. */
export function rawData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  return bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
}

// Input is fed to the inflater in slices this big, and the output is counted
// after each: one slice can expand at most ~1032 times, so a stream that lies
// about its size is stopped after at most ~17 MB of work, whatever its length.
const INFLATE_SLICE = 16 * 1024;

/**
 * The entry's uncompressed bytes, in a fresh buffer of exactly its declared
 * size; undefined when the data does not inflate to exactly that many bytes.
 */
export function extract(bytes: Uint8Array, e: ZipEntry): Uint8Array | undefined {
  const data = rawData(bytes, e);
  // A copy, never a view: the caller owns it (and Buffer#slice would not copy).
  if (e.method === 0) return new Uint8Array(data);
  const out = new Uint8Array(e.size);
  let filled = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (filled + chunk.length > out.length) overflow = true;
    else out.set(chunk, filled), (filled += chunk.length);
  });
  try {
    for (let p = 0; !overflow; p += INFLATE_SLICE) {
      const last = p + INFLATE_SLICE >= data.length;
      inflater.push(data.subarray(p, Math.min(p + INFLATE_SLICE, data.length)), last);
      if (last) break;
    }
  } catch {
    return undefined; // fflate's own error: the deflate stream is invalid or cut short
  }
  return !overflow && filled === e.size ? out : undefined;
}
