// The room editor's routes under `cairn dev`'s DEV_PREFIX (dev-routes.ts hands
// them on): the geometry, an edit, undo and redo (room-write-back.ts), and the
// project's pictures, so the editor can draw a whole room, also the parts off
// the game's screen. Answers JSON; pictures only by the names the project lists.

import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isCairnError } from '../../interpreter/errors.js';
import { formatError } from '../../interpreter/diagnostic-format.js';
import { loadProject } from '../cli/project.js';
import { BASE_HEADERS, DEV_PREFIX, send, sendBytes } from '../desktop/server.js';
import { readBody } from './request-body.js';
import { RoomWriteBack, type RoomEdit } from './room-write-back.js';

/** Every route of the room editor starts with this. */
export const ROOM_PREFIX = `${DEV_PREFIX}room/`;
/** An edit is a few numbers: a body past this is not one. */
const MAX_EDIT_BYTES = 256 * 1024;
const PICTURE_TYPES: ReadonlyMap<string, string> = new Map([['png', 'image/png'], ['jpg', 'image/jpeg'], ['jpeg', 'image/jpeg'], ['webp', 'image/webp'], ['svg', 'image/svg+xml']]);

/** The room editor's routes over one project folder. */
export function roomRoutes(dir: string): (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams, method: string) => Promise<void> {
  const writeBack = new RoomWriteBack(dir);
  return async (req, res, path, query, method) => {
    const route = path.slice(ROOM_PREFIX.length);
    if (route === 'geometry') {
      if (method !== 'GET') return send(res, 405, 'use GET');
      try {
        return json(res, 200, { ok: true, geometry: writeBack.geometry() });
      } catch (e) {
        if (!isCairnError(e)) throw e;
        return json(res, 409, { ok: false, message: formatError(e.code === 'COMPILE_FAILED' && e.related.length > 0 ? e.related[0]! : e).split('\n')[0] });
      }
    }
    if (route === 'picture') {
      if (method !== 'GET') return send(res, 405, 'use GET');
      const name = query.get('path') ?? '';
      const file = loadProject(dir).assets.get(name);
      const type = PICTURE_TYPES.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase());
      if (file === undefined || type === undefined) return send(res, 404, 'no such picture in the project');
      return sendBytes(res, method, readFileSync(file), type);
    }
    if (route === 'edit' || route === 'undo' || route === 'redo') {
      if (method !== 'POST') return send(res, 405, 'use POST');
      if (route === 'undo') return answer(res, writeBack.undo());
      if (route === 'redo') return answer(res, writeBack.redo());
      const edit = parseEdit(await readBody(req, MAX_EDIT_BYTES));
      if (typeof edit === 'string') return json(res, 400, { ok: false, message: edit });
      return answer(res, writeBack.edit(edit));
    }
    return send(res, 404, 'not found');
  };
}

function answer(res: ServerResponse, a: ReturnType<RoomWriteBack['edit']>): void {
  json(res, a.ok ? 200 : 422, a);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** An edit from the page, checked field by field; a string says what is wrong. */
function parseEdit(body: string | undefined): RoomEdit | string {
  if (body === undefined) return 'the edit is too large';
  let e: Partial<RoomEdit>;
  try {
    e = JSON.parse(body) as Partial<RoomEdit>;
  } catch {
    return 'the edit is not JSON';
  }
  const isValue = (v: unknown, depth: number): boolean => (typeof v === 'number' && Number.isFinite(v)) || (depth < 4 && Array.isArray(v) && v.every((x) => isValue(x, depth + 1)));
  if (e.kind !== 'room' && e.kind !== 'object' && e.kind !== 'actor') return 'kind must be room, object or actor';
  if (typeof e.name !== 'string' || typeof e.property !== 'string') return 'name and property must be strings';
  if (!Number.isInteger(e.occurrence) || (e.occurrence as number) < 0) return 'occurrence must be a whole number';
  if (!isValue(e.value, 0)) return 'value must be numbers in lists';
  return e as RoomEdit;
}
