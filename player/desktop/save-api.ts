// The HTTP face of the desktop's saves, under /saves/: list, read, write and
// delete slots, and a slot's thumbnail. The page's ServerSaveStore
// (player/web/saves/server-save-store.ts) is the other side of this contract;
// docs/desktop.md lists it. Answers are values; server.ts sends them.

import type { IncomingMessage } from 'node:http';
import { isCairnError } from '../../interpreter/errors.js';
import { decodeSaveFile, isSaveFile, SAVE_FILE_MIME } from '../../runtime/saves/save-file-format.js';
import { decodeSave, encodeSave, THUMBNAIL_TYPES, type SaveContents } from './save-envelope.js';
import { isValidSlot, type SaveStore } from './save-store.js';

/** The largest upload a slot accepts; a snapshot and its thumbnail are far smaller. */
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

/** An answer to send: status, type and body. */
export interface Reply {
  status: number;
  contentType: string;
  body: Uint8Array | string;
  /** Close the connection after answering (a body was left unread). */
  close?: boolean;
}

/** One slot as GET /saves/ lists it. */
export interface SlotListing {
  slot: string;
  name: string;
  date: number;
  thumbnail: boolean;
  /** Set for a file that is there but cannot be loaded (too large, not a file, damaged): why. Such a slot is never read to list it. */
  unreadable?: string;
}

const text = (status: number, body: string, close = false): Reply => ({ status, contentType: 'text/plain; charset=utf-8', body, close });
const json = (value: unknown): Reply => ({ status: 200, contentType: 'application/json', body: JSON.stringify(value) });

/** Answers a request for `/saves/<rest>`; `rest` has passed the request-path checks. */
export async function answerSaveRequest(req: IncomingMessage, method: string, rest: string, store: SaveStore): Promise<Reply> {
  const [slot = '', part, ...more] = rest.split('/');
  const reading = method === 'GET' || method === 'HEAD';
  if (slot === '' && part === undefined) return reading ? json(listSlots(store)) : text(405, 'list with GET');
  if (!isValidSlot(slot) || more.length > 0 || (part !== undefined && part !== 'thumbnail')) {
    return text(400, 'a slot name is 1 to 64 letters, digits, - and _ (starting with a letter or digit)');
  }
  if (part === 'thumbnail') {
    if (!reading) return text(405, 'read-only');
    const contents = readSlot(store, slot);
    if (typeof contents === 'string') return text(contents === 'missing' ? 404 : 422, contents);
    if (contents.thumbnail === null) return text(404, 'no thumbnail');
    return { status: 200, contentType: contents.thumbnail.type, body: contents.thumbnail.bytes };
  }
  if (reading) {
    const contents = readSlot(store, slot);
    if (typeof contents === 'string') return text(contents === 'missing' ? 404 : 422, contents);
    return { status: 200, contentType: isSaveFile(contents.save) ? SAVE_FILE_MIME : 'application/octet-stream', body: contents.save };
  }
  if (method === 'DELETE') {
    store.delete(slot);
    return { status: 204, contentType: 'text/plain', body: '' };
  }
  if (method !== 'PUT') return text(405, 'GET, PUT or DELETE');
  const body = await readBody(req, MAX_UPLOAD_BYTES);
  if (body === undefined) return text(413, `a save may hold at most ${MAX_UPLOAD_BYTES} bytes`, true);
  const contents = await parseUpload(body, req.headers['content-type'] ?? '', slot);
  if (typeof contents === 'string') return text(400, contents);
  // A .cairnsave is kept as the very bytes the page sent, so the file in the folder is the one any player imports.
  store.write(slot, isSaveFile(contents.save) ? contents.save : encodeSave(contents));
  return json({ slot, name: contents.name, date: contents.date });
}

function listSlots(store: SaveStore): SlotListing[] {
  const slots: SlotListing[] = [];
  for (const info of store.list()) {
    const { slot } = info;
    // Too large or not a file: listed as unreadable from its size alone, never read.
    const why = store.unreadable(info);
    const contents = why === null ? readSlot(store, slot) : why;
    // A damaged file is left on disk for a person to look at, listed as unreadable, never offered to load.
    if (typeof contents !== 'string') slots.push({ slot, name: contents.name, date: contents.date, thumbnail: contents.thumbnail !== null });
    else slots.push({ slot, name: slot, date: info.modified, thumbnail: false, unreadable: contents });
  }
  return slots.sort((a, b) => b.date - a.date);
}

function readSlot(store: SaveStore, slot: string): SaveContents | string {
  let bytes: Uint8Array | undefined;
  try {
    bytes = store.read(slot);
  } catch (e) {
    // Too large or not a file: a refusal for this slot, never a failure of the server.
    if (isCairnError(e)) return `the save in slot ${slot} cannot be read: ${e.message}`;
    throw e;
  }
  if (bytes === undefined) return 'missing';
  const contents = isSaveFile(bytes) ? saveFileContents(bytes) : decodeSave(bytes);
  return typeof contents === 'string' ? `the save in slot ${slot} cannot be read: ${contents}` : contents;
}

/** A `.cairnsave` as slot contents: its own name, date and thumbnail, and the whole file as what the page loads. */
function saveFileContents(bytes: Uint8Array): SaveContents | string {
  try {
    const file = decodeSaveFile(bytes);
    return { name: file.name, date: file.date, thumbnail: file.thumbnail, save: bytes };
  } catch (e) {
    if (isCairnError(e)) return e.message;
    throw e;
  }
}

/**
 * A PUT body as slot contents: multipart form data with `save`, `name` and
 * an optional `thumbnail` (what the page sends), or bare bytes named after
 * the slot (for tools and tests).
 */
async function parseUpload(body: Uint8Array, contentType: string, slot: string): Promise<SaveContents | string> {
  const date = Date.now();
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return { name: slot, date, thumbnail: null, save: body };
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return 'the upload is not valid form data';
  }
  const save = form.get('save');
  const name = form.get('name');
  const thumbnail = form.get('thumbnail');
  if (!(save instanceof Blob)) return 'the upload has no `save` file';
  if (save.size >= 8) {
    const bytes = new Uint8Array(await save.arrayBuffer());
    if (isSaveFile(bytes)) return saveFileContents(bytes);
  }
  if (name !== null && (typeof name !== 'string' || name.length > 200)) return '`name` must be text of at most 200 characters';
  let thumb: SaveContents['thumbnail'] = null;
  if (thumbnail instanceof Blob && thumbnail.size > 0) {
    const type = thumbnail.type.toLowerCase();
    if (!THUMBNAIL_TYPES.has(type)) return `a thumbnail must be one of ${[...THUMBNAIL_TYPES].join(', ')}`;
    thumb = { type, bytes: new Uint8Array(await thumbnail.arrayBuffer()) };
  }
  return { name: typeof name === 'string' && name.trim() !== '' ? name : slot, date, thumbnail: thumb, save: new Uint8Array(await save.arrayBuffer()) };
}

/** The request body, or undefined once it passes `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
