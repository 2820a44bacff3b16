// The `.cairnsave` file: one save as the same bytes in every player (the
// browser's IndexedDB, the desktop's saves folder, an exported download),
// readable without the game: which game and version made it, what it needs
// of the bundle (the functions its threads stand in, by name and hash), the
// slot, date, room, play time, a thumbnail, and the snapshot (runtime/world/
// save-file.ts), opaque here. docs/saves.md describes the layout for readers.
//
//   "CAIRNSAV" | u16 format | u16 minReadable | u32 headerLength | u32 crc32(file, this field as 0)
//   | header JSON | thumbnail bytes | snapshot bytes
//
// Decoding is bounded and flat: sizes are checked before anything is sliced,
// the header's nesting is measured before JSON.parse sees it, and every defect
// is a CairnError with a sentence. Imports interpreter/ only.

import { CairnError } from '../../interpreter/errors.js';
import { crc32 } from '../../interpreter/vm/snapshot-codec.js';

/** The `.cairnsave` format this build writes, and the oldest it reads (1 was the desktop's envelope without a game id). */
export const SAVE_FILE_FORMAT = 2;
export const SAVE_FILE_MIN_READABLE = 2;
/** The first eight bytes of every save file (also the MIME magic). */
export const SAVE_FILE_MAGIC = 'CAIRNSAV';
/** The file name extension and MIME type of save files. */
export const SAVE_FILE_EXTENSION = '.cairnsave';
export const SAVE_FILE_MIME = 'application/x-cairn-save';

/** The largest save file read or written: far above any real save, a guard against filling memory. */
export const MAX_SAVE_FILE_BYTES = 32 * 1024 * 1024;
const MAX_HEADER = 256 * 1024;
const MAX_THUMBNAIL = 4 * 1024 * 1024;
const MAX_NESTING = 6;
const MAX_TEXT = 200;
const FIXED = 20;

/** The thumbnail kinds a save may carry. */
export const THUMBNAIL_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** A function the saved threads stand in: it must hash the same in the game that loads the save. */
export interface NeededFunction {
  name: string;
  hash: string;
}

/** Everything a save file holds. */
export interface SaveFile {
  game: { id: string; version: string };
  /** What the save needs of the bundle: the build it was made with, and the functions its threads stand in. */
  needs: { build: string; functions: NeededFunction[] };
  slot: string;
  /** The name the player gave the save. */
  name: string;
  /** Milliseconds since the epoch. */
  date: number;
  /** The room the player was in, or null before the first. */
  room: string | null;
  /** Play time in ticks (60 a second). */
  ticks: number;
  thumbnail: { type: string; bytes: Uint8Array } | null;
  /** The game's snapshot (world and VM), opaque to this layer. */
  snapshot: Uint8Array;
}

/** The file's bytes. */
export function encodeSaveFile(file: SaveFile): Uint8Array {
  const header = {
    game: { id: file.game.id, version: file.game.version },
    slot: file.slot,
    name: file.name,
    date: file.date,
    room: file.room,
    ticks: file.ticks,
    needs: { build: file.needs.build, functions: file.needs.functions.map((f) => ({ name: f.name, hash: f.hash })) },
    thumbnail: file.thumbnail === null ? null : { type: file.thumbnail.type, size: file.thumbnail.bytes.length },
    snapshot: { size: file.snapshot.length },
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const thumb = file.thumbnail?.bytes ?? new Uint8Array(0);
  const out = new Uint8Array(FIXED + json.length + thumb.length + file.snapshot.length);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(SAVE_FILE_MAGIC), 0);
  view.setUint16(8, SAVE_FILE_FORMAT, true);
  view.setUint16(10, SAVE_FILE_MIN_READABLE, true);
  view.setUint32(12, json.length, true);
  out.set(json, FIXED);
  out.set(thumb, FIXED + json.length);
  out.set(file.snapshot, FIXED + json.length + thumb.length);
  view.setUint32(16, saveFileChecksum(out), true);
  return out;
}

/** The CRC-32 a save file carries at offset 16: of the whole file, with those four bytes taken as zero (so the versions and lengths are covered too). */
export function saveFileChecksum(bytes: Uint8Array): number {
  // A copy, never a view: Node's Buffer.slice() shares memory, and the caller's bytes must stay as they are.
  const copy = new Uint8Array(bytes);
  copy.fill(0, 16, 20);
  return crc32(copy);
}

/** Reads a save file; `source` names it in errors ("this file" by default). Nothing is trusted until checked. */
export function decodeSaveFile(bytes: Uint8Array, source = 'this file'): SaveFile {
  const bad = (why: string) => new CairnError('SAVE_FILE_INVALID', `${source} cannot be read as a Cairn save: ${why}.`);
  if (bytes.length < FIXED || !hasMagic(bytes)) throw new CairnError('SAVE_FILE_INVALID', `${source} is not a Cairn save file (a .cairnsave starts with "${SAVE_FILE_MAGIC}").`);
  if (bytes.length > MAX_SAVE_FILE_BYTES) throw bad(`it is larger than ${MAX_SAVE_FILE_BYTES} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint16(8, true);
  const minReadable = view.getUint16(10, true);
  if (minReadable > SAVE_FILE_FORMAT || format < SAVE_FILE_MIN_READABLE || minReadable > format) {
    const newer = minReadable > SAVE_FILE_FORMAT;
    throw new CairnError(
      'SAVE_FILE_VERSION',
      `${source} is a save in format ${format}${newer ? `, made by a newer Cairn (it needs a reader of format ${minReadable})` : ''}; this Cairn reads formats ${SAVE_FILE_MIN_READABLE} to ${SAVE_FILE_FORMAT}.`,
      { hint: newer ? 'update the player, then load it again' : 'load it in the player that made it and save again' },
    );
  }
  const headerLength = view.getUint32(12, true);
  if (headerLength > MAX_HEADER) throw bad('its header is too long');
  if (FIXED + headerLength > bytes.length) throw bad('it is truncated');
  if (view.getUint32(16, true) !== saveFileChecksum(bytes)) throw bad('its checksum does not match (the file was changed or cut short)');
  const headerBytes = bytes.subarray(FIXED, FIXED + headerLength);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(headerBytes);
  } catch {
    throw bad('its header is not UTF-8 text');
  }
  if (jsonNesting(text) > MAX_NESTING) throw bad('its header is nested too deeply');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw bad('its header is not JSON');
  }
  const h = readHeader(raw, bad);
  const thumbAt = FIXED + headerLength;
  const snapAt = thumbAt + (h.thumbnail?.size ?? 0);
  if (snapAt + h.snapshot.size !== bytes.length) throw bad('its parts do not add up to its length');
  return {
    game: h.game,
    needs: h.needs,
    slot: h.slot,
    name: h.name,
    date: h.date,
    room: h.room,
    ticks: h.ticks,
    thumbnail: h.thumbnail === null ? null : { type: h.thumbnail.type, bytes: bytes.slice(thumbAt, snapAt) },
    snapshot: bytes.slice(snapAt),
  };
}

/**
 * True when the bytes start like a `.cairnsave` of format 2 or later. Format 1
 * (the desktop's old envelope, whose slots the desktop still reads) shares the
 * magic: telling them apart takes the version too.
 */
export function isSaveFile(bytes: Uint8Array): boolean {
  return bytes.length >= FIXED && hasMagic(bytes) && (bytes[8]! | (bytes[9]! << 8)) >= SAVE_FILE_MIN_READABLE;
}

/** True when the bytes start like a save file (for telling a save from a report or a bundle). */
export function hasMagic(bytes: Uint8Array): boolean {
  if (bytes.length < SAVE_FILE_MAGIC.length) return false;
  for (let i = 0; i < SAVE_FILE_MAGIC.length; i++) if (bytes[i] !== SAVE_FILE_MAGIC.charCodeAt(i)) return false;
  return true;
}

interface Header {
  game: { id: string; version: string };
  slot: string;
  name: string;
  date: number;
  room: string | null;
  ticks: number;
  needs: { build: string; functions: NeededFunction[] };
  thumbnail: { type: string; size: number } | null;
  snapshot: { size: number };
}

function readHeader(raw: unknown, bad: (why: string) => CairnError): Header {
  if (!isRecord(raw)) throw bad('its header is not a record');
  const game = raw.game;
  if (!isRecord(game) || !isText(game.id) || game.id === '' || !isText(game.version)) throw bad('it does not say which game made it');
  if (!isText(raw.slot) || raw.slot === '') throw bad(`its slot name is not text of 1 to ${MAX_TEXT} characters`);
  if (!isText(raw.name)) throw bad(`its name is not text of at most ${MAX_TEXT} characters`);
  if (!isCount(raw.date)) throw bad('its date is not a date');
  if (raw.room !== null && !isText(raw.room)) throw bad('its room is not a name');
  if (!isCount(raw.ticks)) throw bad('its play time is not a count of ticks');
  const needs = raw.needs;
  if (!isRecord(needs) || !isText(needs.build) || !Array.isArray(needs.functions)) throw bad('it does not say what it needs of the game');
  const functions: NeededFunction[] = [];
  for (const f of needs.functions as unknown[]) {
    if (!isRecord(f) || !isText(f.name) || !isText(f.hash)) throw bad('a function it needs is not a name and a hash');
    functions.push({ name: f.name, hash: f.hash });
  }
  let thumbnail: Header['thumbnail'] = null;
  if (raw.thumbnail !== null) {
    const t = raw.thumbnail;
    if (!isRecord(t) || !isText(t.type) || !THUMBNAIL_TYPES.has(t.type) || !isCount(t.size) || t.size > MAX_THUMBNAIL) {
      throw bad(`its thumbnail is not a PNG, JPEG or WebP image of at most ${MAX_THUMBNAIL} bytes`);
    }
    thumbnail = { type: t.type, size: t.size };
  }
  const snapshot = raw.snapshot;
  if (!isRecord(snapshot) || !isCount(snapshot.size) || snapshot.size === 0) throw bad('it holds no snapshot');
  return {
    game: { id: game.id, version: game.version },
    slot: raw.slot,
    name: raw.name,
    date: raw.date,
    room: raw.room as string | null,
    ticks: raw.ticks,
    needs: { build: needs.build, functions },
    thumbnail,
    snapshot: { size: snapshot.size },
  };
}

/** The deepest nesting of arrays and objects in JSON text, outside strings (one pass, no recursion). */
export function jsonNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_TEXT;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
