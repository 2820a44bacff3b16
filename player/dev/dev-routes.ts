// The routes `cairn dev` adds to the loopback play server (DevRoutes in
// player/desktop/server.ts): an event stream telling the page about each build
// (`bundle` with its version, or `error` with the formatted text), the latest
// bundle with its version, and a log the page writes to the terminal through.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { BASE_HEADERS, DEV_PREFIX, send, sendBytes, type DevRoutes } from '../desktop/server.js';
import type { DevBuild, DevBuilder, PageError } from './dev-builds.js';
import { readBody } from './request-body.js';
import { ROOM_PREFIX, roomRoutes } from './room-routes.js';

/** The dev client's script in the player build (player/web/dev/dev-client.ts). */
export const DEV_CLIENT_FILE = 'cairn-dev.js';
const EVENTS_ROUTE = `${DEV_PREFIX}events`;
const BUNDLE_ROUTE = `${DEV_PREFIX}bundle`;
const LOG_ROUTE = `${DEV_PREFIX}log`;
/** The header that says which build a bundle is. */
export const VERSION_HEADER = 'X-Cairn-Dev-Version';
/** The most a page may write to the log at once. */
const MAX_LOG_BYTES = 64 * 1024;
const ALIVE_COMMENT_MS = 20_000;

/** A build as the page hears of it. */
export type DevEvent = { type: 'bundle'; version: number } | { type: 'error'; version: number; text: string };

/** The event a build makes. */
export function eventOf(build: DevBuild): DevEvent {
  return build.ok ? { type: 'bundle', version: build.version } : { type: 'error', version: build.version, text: build.text };
}

/** The dev routes over one builder; `log` prints what the page reports. */
export function devRoutes(builder: DevBuilder, print: (line: string) => void): DevRoutes & { publish(build: DevBuild): void } {
  // What the page sends may hold a game's strings: no escape sequence of theirs reaches the terminal.
  const log = (text: string) => print(text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?'));
  const streams = new Set<ServerResponse>();
  const room = roomRoutes(builder.dir);
  // Unnamed events: a named `error` would be mistaken for EventSource's own connection error.
  const write = (res: ServerResponse, event: DevEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);

  const openEvents = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'close' });
    res.write(': open\n\n');
    // A page that (re)connects hears where things stand at once.
    if (builder.latest !== undefined) write(res, eventOf(builder.latest));
    streams.add(res);
    const comment = setInterval(() => res.write(': alive\n\n'), ALIVE_COMMENT_MS);
    req.socket.setTimeout(0);
    res.on('close', () => {
      clearInterval(comment);
      streams.delete(res);
    });
  };

  const answerLog = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req, MAX_LOG_BYTES);
    if (body === undefined) return send(res, 413, 'too large');
    let entry: { text?: unknown; error?: PageError };
    try {
      entry = JSON.parse(body) as typeof entry;
    } catch {
      return send(res, 400, 'not JSON');
    }
    if (entry.error !== undefined && typeof entry.error.code === 'string' && typeof entry.error.message === 'string') {
      // Runtime errors come back formatted: the page shows the same code frame as the terminal.
      const text = builder.formatPageError(entry.error);
      log(text);
      return send(res, 200, text);
    }
    if (typeof entry.text !== 'string') return send(res, 400, 'give text or error');
    log(entry.text);
    return send(res, 204, '');
  };

  return {
    bundle: () => builder.bundle,
    page: (html) => withDevScript(html),
    answer(req, res, path, _query, method) {
      if (path === EVENTS_ROUTE) return method === 'GET' ? openEvents(req, res) : send(res, 405, 'use GET');
      if (path.startsWith(ROOM_PREFIX)) return room(req, res, path, _query, method);
      if (path === LOG_ROUTE) return method === 'POST' ? answerLog(req, res) : send(res, 405, 'use POST');
      if (path === BUNDLE_ROUTE) {
        if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'use GET');
        const bundle = builder.bundle;
        if (bundle === undefined) return send(res, 404, 'no build has succeeded yet');
        res.setHeader(VERSION_HEADER, String(builder.goodVersion));
        return sendBytes(res, method, bundle, 'application/x-cairn-bundle');
      }
      return send(res, 404, 'not found');
    },
    stop() {
      for (const res of streams) res.end();
      streams.clear();
    },
    publish(build) {
      for (const res of streams) write(res, eventOf(build));
    },
  };
}

/** The page with the dev client loaded before the player defines <cairn-player> (module scripts run in order). */
export function withDevScript(html: string): string {
  const tag = `<script type="module" src="/${DEV_CLIENT_FILE}"></script>`;
  // After the desktop's page script (it sets src and saves), before the player's own.
  const player = html.search(/<script[^>]*src="[^"]*cairn-player[^"]*"/i);
  const at = player !== -1 ? player : html.search(/<\/head>/i);
  return at === -1 ? tag + html : html.slice(0, at) + tag + html.slice(at);
}
