// Saves on disk, for the desktop: the same four calls as the IndexedDB
// SaveStore, carried over HTTP to the `cairn play` server that served this
// page, which keeps one file per slot under $XDG_DATA_HOME/cairn/saves/<game id>/.
// Chosen by <cairn-player saves="server">; the server's side is player/desktop/save-api.ts.

import type { SlotInfo } from './save-store.js';

/** What <cairn-player> needs from a place that keeps saves (SaveStore and ServerSaveStore both fit). */
export interface GameSaves {
  put(slot: string, bytes: ArrayBuffer, name: string, thumbnail: Blob | null): Promise<SlotInfo>;
  get(slot: string): Promise<ArrayBuffer | null>;
  list(): Promise<SlotInfo[]>;
  remove(slot: string): Promise<void>;
}

/** Slot names the server accepts: they become file names there. */
const SLOT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** Browsers refuse `keepalive` requests with bodies above 64 KiB. */
const KEEPALIVE_LIMIT = 60 * 1024;

/** A slot as GET /saves/ lists it. */
interface SlotListing {
  slot: string;
  name: string;
  date: number;
  thumbnail: boolean;
  /** Why the file in this slot cannot be loaded (too large, damaged): such slots are not offered. */
  unreadable?: string;
}

/** The saves of the one game a `cairn play` server serves. */
export class ServerSaveStore implements GameSaves {
  /** `base` is the save API's address; the game id names the folder on the server's side. */
  constructor(
    readonly game: string,
    private readonly base: URL = new URL('/saves/', location.href),
  ) {}

  /** Writes a slot (replacing it); on disk, the old save stays whole until the new one is complete. */
  async put(slot: string, bytes: ArrayBuffer, name: string, thumbnail: Blob | null): Promise<SlotInfo> {
    const form = new FormData();
    form.set('name', name);
    form.set('save', new Blob([bytes], { type: 'application/octet-stream' }));
    if (thumbnail !== null) form.set('thumbnail', thumbnail);
    // keepalive lets an autosave sent as the window closes still arrive, when it is small enough.
    const small = bytes.byteLength + (thumbnail?.size ?? 0) < KEEPALIVE_LIMIT;
    const response = await this.request(slot, { method: 'PUT', body: form, keepalive: small });
    const written = (await response.json()) as { slot: string; name: string; date: number };
    return { slot: written.slot, name: written.name, date: written.date, thumbnail };
  }

  /** A slot's bytes, or null when it was never saved. */
  async get(slot: string): Promise<ArrayBuffer | null> {
    const response = await this.request(slot, { method: 'GET' }, true);
    return response === null ? null : response.arrayBuffer();
  }

  /** Every slot of this game, newest first, thumbnails included. */
  async list(): Promise<SlotInfo[]> {
    const response = await fetch(this.base, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`the saves could not be listed: ${await reason(response)}`);
    const slots = (await response.json()) as SlotListing[];
    return Promise.all(
      slots.filter((s) => s.unreadable === undefined).map(async (s) => ({ slot: s.slot, name: s.name, date: s.date, thumbnail: s.thumbnail ? await this.thumbnail(s.slot) : null })),
    );
  }

  /** Deletes a slot. */
  async remove(slot: string): Promise<void> {
    await this.request(slot, { method: 'DELETE' });
  }

  private async thumbnail(slot: string): Promise<Blob | null> {
    const response = await fetch(new URL(`${slot}/thumbnail`, this.base), { credentials: 'same-origin' });
    return response.ok ? response.blob() : null;
  }

  private async request(slot: string, init: RequestInit, missingIsNull: true): Promise<Response | null>;
  private async request(slot: string, init: RequestInit): Promise<Response>;
  private async request(slot: string, init: RequestInit, missingIsNull = false): Promise<Response | null> {
    if (!SLOT.test(slot)) throw new Error(`"${slot}" cannot name a save on the desktop: use 1 to 64 letters, digits, - and _`);
    const response = await fetch(new URL(slot, this.base), { ...init, credentials: 'same-origin' });
    if (missingIsNull && response.status === 404) return null;
    if (!response.ok) throw new Error(`the save in slot "${slot}" could not be ${init.method === 'GET' ? 'read' : 'written'}: ${await reason(response)}`);
    return response;
  }
}

async function reason(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  return text.trim() || `HTTP ${response.status}`;
}
