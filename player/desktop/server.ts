// The loopback server behind `cairn play`: node:http on 127.0.0.1 and a port
// the system picks, serving a fixed allow-list (the player build, the verified
// bundle's bytes, the page script) and the save API, to the one window it
// opened. Requests must name our host (no DNS rebinding), carry the session
// cookie the window got on its first visit, and writes must come from our origin.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PageLifetime, type EndReason, type LifetimeOptions } from './page-lifetime.js';
import { desktopLanguage, withDesktopScript } from './pages.js';
import type { ServedFile } from './player-files.js';
import { parseRequestTarget } from './request-path.js';
import { answerSaveRequest, type Reply } from './save-api.js';
import type { SaveStore } from './save-store.js';

/** The route the verified bundle is served at. */
export const BUNDLE_ROUTE = '/game.cairn';
const SAVES_PREFIX = '/saves/';
const ALIVE_ROUTE = '/alive';
const QUIT_ROUTE = '/quit';
/** Where `cairn dev`'s routes live. */
export const DEV_PREFIX = '/dev/';
/** A comment line on the event stream now and then, so an idle connection is never mistaken for a dead one. */
const ALIVE_COMMENT_MS = 20_000;
/** How long requests under way may take to finish once the session stops. */
const STOP_TIMEOUT_MS = 5_000;

/** What the server serves. */
export interface PlayServerOptions {
  /** Every file by route: the player build and the desktop's own; `/index.html` is the page. */
  player: ReadonlyMap<string, ServedFile>;
  /** The bundle's bytes exactly as verified; absent when the page explains a damaged one. */
  bundle?: Uint8Array;
  /** Where this game's saves go; absent for a damaged bundle. */
  saves?: SaveStore;
  lifetime: LifetimeOptions;
  /** 0 (the default) lets the system pick a free port. */
  port?: number;
  /** Told about failures that are ours, not the page's (a save that could not be written). */
  log?: (line: string) => void;
  /** `cairn dev` (player/dev/): the latest build, the page's dev script and the routes under /dev/. */
  dev?: DevRoutes;
}

/** What `cairn dev` adds to a play server; its routes pass the same host, session and origin checks as any other. */
export interface DevRoutes {
  /** The latest good build, served at BUNDLE_ROUTE instead of a fixed bundle. */
  bundle(): Uint8Array | undefined;
  /** The player's page with the dev client's script added. */
  page(html: string): string;
  /** Answers a request whose path starts with DEV_PREFIX. */
  answer(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams, method: string): void | Promise<void>;
  /** The session is stopping: end the event streams. */
  stop(): void;
}

/** Why a running server stopped. */
export type StopReason = EndReason | 'quit' | 'stopped' | 'browser-failed';

/** A running play server. */
export interface PlayServer {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly port: number;
  /** The address to open: it carries the one-time key that gets the window its session cookie. */
  readonly openUrl: string;
  /** Resolves once, when the server has stopped, with the reason. */
  readonly stopped: Promise<StopReason>;
  /** Tells pages the session is over, closes every connection and resolves `stopped`. */
  stop(reason: StopReason): void;
  /** Lets the server know the app-mode browser it opened has exited. */
  browserExited(): void;
  /** True once a page has connected to /alive. */
  readonly pageConnected: boolean;
  /** True once stop() was called. */
  readonly isStopping: boolean;
}

/** Starts serving on 127.0.0.1; resolves once listening. */
export async function startPlayServer(options: PlayServerOptions): Promise<PlayServer> {
  const key = randomBytes(24).toString('base64url');
  const session = randomBytes(24).toString('base64url');
  let keyUsable = true;
  let port = 0;
  let origin = '';
  let cookieName = '';
  const streams = new Set<ServerResponse>();
  const log = options.log ?? (() => {});
  let resolveStopped!: (reason: StopReason) => void;
  const stopped = new Promise<StopReason>((resolve) => (resolveStopped = resolve));
  let isStopped = false;

  const stop = (reason: StopReason): void => {
    if (isStopped) return;
    isStopped = true;
    lifetime.dispose();
    options.dev?.stop();
    for (const res of streams) res.end(`event: stopped\ndata: ${reason}\n\n`);
    // Requests under way (a save sent as the window closed) may finish; connections close as soon as they idle.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const backstop = setTimeout(() => server.closeAllConnections(), STOP_TIMEOUT_MS);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(backstop);
      resolveStopped(reason);
    });
    server.closeIdleConnections();
  };
  const lifetime = new PageLifetime(options.lifetime, (reason) => stop(reason));

  const page = (): ServedFile | undefined => {
    const index = options.player.get('/index.html');
    if (index === undefined) return undefined;
    const html = withDesktopScript(Buffer.from(index.bytes).toString('utf8'), desktopLanguage(process.env));
    return { bytes: Buffer.from(options.dev ? options.dev.page(html) : html), contentType: index.contentType };
  };
  const indexPage = page();

  const hasSession = (req: IncomingMessage): boolean => {
    const value = readCookie(req.headers.cookie, cookieName);
    return value !== undefined && sameSecret(value, session);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Our own address only: a page elsewhere that rebinds its name to 127.0.0.1 sends its own Host.
    if (req.headers.host !== `127.0.0.1:${port}`) return send(res, 403, 'wrong host');
    const target = parseRequestTarget(req.url);
    if (target === undefined) return send(res, 400, 'bad request path');
    const { path, query } = target;
    const method = req.method ?? 'GET';

    // The first visit trades the key in the address for a cookie, then drops the key from the address.
    if (path === '/' && query.has('key') && method === 'GET') {
      if (!keyUsable || !sameSecret(query.get('key')!, key)) return send(res, 403, 'This address has expired: open the game again with `cairn play`.');
      res.setHeader('Set-Cookie', `${cookieName}=${session}; Path=/; HttpOnly; SameSite=Strict`);
      res.setHeader('Location', '/');
      return send(res, 303, '');
    }
    if (!hasSession(req)) return send(res, 403, 'This game window belongs to another `cairn play`: open the game again.');
    // Anything that changes state must come from our own page (browsers always send Origin on these).
    if (method !== 'GET' && method !== 'HEAD') {
      const from = req.headers.origin;
      if (from !== undefined && from !== origin) return send(res, 403, 'cross-origin request');
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return send(res, 403, 'cross-site request');
    }

    if (isStopped) return send(res, 503, 'this game session has ended');
    if (path === ALIVE_ROUTE) return method === 'GET' ? openAliveStream(req, res) : send(res, 405, 'use GET');
    if (path === QUIT_ROUTE) {
      if (method !== 'POST') return send(res, 405, 'use POST');
      send(res, 204, '');
      return void setImmediate(() => stop('quit'));
    }
    if (path.startsWith(SAVES_PREFIX)) {
      if (options.saves === undefined) return send(res, 404, 'no saves for this page');
      return reply(res, method, await answerSaveRequest(req, method, path.slice(SAVES_PREFIX.length), options.saves));
    }
    if (options.dev !== undefined && path.startsWith(DEV_PREFIX)) return options.dev.answer(req, res, path, query, method);
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'read-only');
    if (path === BUNDLE_ROUTE) {
      const bundle = options.dev ? options.dev.bundle() : options.bundle;
      if (bundle === undefined) return send(res, 404, 'no bundle');
      return sendBytes(res, method, bundle, 'application/x-cairn-bundle');
    }
    if (path === '/' || path === '/index.html') return indexPage ? sendFile(res, method, indexPage) : send(res, 404, 'no page');
    const file = options.player.get(path);
    if (file === undefined) return send(res, 404, 'not found');
    return sendFile(res, method, file);
  };

  const openAliveStream = (req: IncomingMessage, res: ServerResponse): void => {
    // A page is up: the key in the address has done its work (`cairn dev` keeps it, so the address opens the game again).
    if (!options.lifetime.keepServing) keyUsable = false;
    const closed = lifetime.pageOpened();
    streams.add(res);
    // Connection: close, so that ending the stream on stop also ends its socket.
    res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'close' });
    res.write(': open\n\n');
    const comment = setInterval(() => res.write(': alive\n\n'), ALIVE_COMMENT_MS);
    req.socket.setTimeout(0);
    res.on('close', () => {
      clearInterval(comment);
      streams.delete(res);
      closed();
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`cairn play: ${req.method} ${req.url}: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) send(res, 500, 'the desktop could not do that');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0, exclusive: true }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  // Cookies are shared by every port of a host: one name per port keeps two games apart.
  cookieName = `cairn-session-${port}`;
  return {
    origin,
    port,
    openUrl: `${origin}/?key=${key}`,
    stopped,
    stop,
    browserExited: () => lifetime.browserExited(),
    get pageConnected() {
      return lifetime.everConnected;
    },
    get isStopping() {
      return isStopped;
    },
  };
}

/** Headers on every response: nothing cached (the port changes each run), sniffed, framed or leaked. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': "frame-ancestors 'none'",
};

/** A plain-text answer with the base headers. */
export function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function reply(res: ServerResponse, method: string, answer: Reply): void {
  if (answer.close) res.setHeader('Connection', 'close'); // the rest of the body was not read
  if (answer.status !== 200) return send(res, answer.status, typeof answer.body === 'string' ? answer.body : '');
  sendBytes(res, method, typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body, answer.contentType);
}

function sendFile(res: ServerResponse, method: string, file: ServedFile): void {
  sendBytes(res, method, file.bytes, file.contentType);
}

/** Bytes with the base headers (no body for HEAD). */
export function sendBytes(res: ServerResponse, method: string, bytes: Uint8Array, contentType: string): void {
  res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': contentType, 'Content-Length': String(bytes.length) });
  res.end(method === 'HEAD' ? undefined : bytes);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

// Compared in constant time: the answer's timing must not tell a guesser how close it was.
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
