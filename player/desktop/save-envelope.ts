// The desktop's save file: one file per slot holding the player's snapshot
// bytes together with the slot's name, date and thumbnail, so that a save is
// written (and copied between machines) as one thing. Versioned like every
// Cairn format: magic, version, oldest version able to read it. Pure.

/** What one slot holds. */
export interface SaveContents {
  /** The name the player gave the slot. */
  name: string;
  /** Milliseconds since the epoch. */
  date: number;
  thumbnail: { type: string; bytes: Uint8Array } | null;
  /** The snapshot, opaque here. */
  save: Uint8Array;
}

const MAGIC = 'CAIRNSAV';
const VERSION = 1;
const MIN_READER = 1;
const FIXED = 16; // magic, version, min reader version, header length
const MAX_HEADER = 64 * 1024;
/** The thumbnail kinds a save may carry; they are served back with this type. */
export const THUMBNAIL_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp']);

interface Header {
  name: string;
  date: number;
  thumbnailType: string | null;
  thumbnailSize: number;
  saveSize: number;
}

/** The file's bytes for these contents. */
export function encodeSave(contents: SaveContents): Uint8Array {
  const thumb = contents.thumbnail;
  const header: Header = {
    name: contents.name,
    date: contents.date,
    thumbnailType: thumb?.type ?? null,
    thumbnailSize: thumb?.bytes.length ?? 0,
    saveSize: contents.save.length,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(FIXED + json.length + header.thumbnailSize + header.saveSize);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint16(8, VERSION, true);
  view.setUint16(10, MIN_READER, true);
  view.setUint32(12, json.length, true);
  out.set(json, FIXED);
  if (thumb) out.set(thumb.bytes, FIXED + json.length);
  out.set(contents.save, FIXED + json.length + header.thumbnailSize);
  return out;
}

/** The contents of a save file, or a phrase saying why it cannot be read. */
export function decodeSave(bytes: Uint8Array): SaveContents | string {
  if (bytes.length < FIXED || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) return 'it is not a Cairn save file';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(10, true) > VERSION) return 'it was written by a newer Cairn';
  const headerLength = view.getUint32(12, true);
  if (headerLength > MAX_HEADER || FIXED + headerLength > bytes.length) return 'it is truncated';
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(FIXED, FIXED + headerLength))) as Header;
  } catch {
    return 'its header is damaged';
  }
  if (!isHeader(header)) return 'its header is damaged';
  const thumbAt = FIXED + headerLength;
  const saveAt = thumbAt + header.thumbnailSize;
  if (saveAt + header.saveSize !== bytes.length) return 'it is truncated';
  return {
    name: header.name,
    date: header.date,
    thumbnail: header.thumbnailType === null ? null : { type: header.thumbnailType, bytes: bytes.subarray(thumbAt, saveAt) },
    save: bytes.subarray(saveAt),
  };
}

function isHeader(h: unknown): h is Header {
  if (typeof h !== 'object' || h === null) return false;
  const r = h as Record<string, unknown>;
  const size = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  return (
    typeof r.name === 'string' &&
    typeof r.date === 'number' &&
    Number.isFinite(r.date) &&
    (r.thumbnailType === null || (typeof r.thumbnailType === 'string' && THUMBNAIL_TYPES.has(r.thumbnailType))) &&
    size(r.thumbnailSize) &&
    size(r.saveSize) &&
    (r.thumbnailType !== null || r.thumbnailSize === 0)
  );
}
