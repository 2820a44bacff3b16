// The room editor's requests to `cairn dev` (player/dev/room-routes.ts): the
// scripts' geometry, an edit, undo and redo — sent one at a time, in order, so
// an undo never overtakes the edit it takes back.

import type { RoomEdit } from '../../../dev/room-edits.js';
import type { GeometryAnswer } from './room-model.js';

/** What a room route answers: done (with the geometry after it) or refused, with the build's message. */
export type RoomAnswer = { ok: true; file?: string; geometry: GeometryAnswer } | { ok: false; message: string };

/** The dev server, one request at a time. */
export class RoomServer {
  private busy: Promise<unknown> = Promise.resolve();

  /** The geometry as the scripts on disk say it. */
  geometry(): Promise<RoomAnswer> {
    return this.inTurn(() => call('/dev/room/geometry'));
  }

  /** Writes one edit, if the build accepts it. */
  edit(edit: RoomEdit): Promise<RoomAnswer> {
    return this.inTurn(() => call('/dev/room/edit', edit));
  }

  /** Takes back the last edit, or makes again the last one taken back. */
  replay(what: 'undo' | 'redo'): Promise<RoomAnswer> {
    return this.inTurn(() => call(`/dev/room/${what}`, {}));
  }

  private inTurn(run: () => Promise<RoomAnswer>): Promise<RoomAnswer> {
    const next = this.busy.then(run, run);
    this.busy = next.catch(() => undefined);
    return next;
  }
}

async function call(url: string, body?: unknown): Promise<RoomAnswer> {
  const response = await fetch(url, body === undefined ? { cache: 'no-store' } : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.startsWith('application/json')) return { ok: false, message: `${response.status}: ${await response.text()}` };
  return (await response.json()) as RoomAnswer;
}
