// A small client for the tests of `cairn play`'s server: trades the key in the
// opened address for the session cookie as a browser would, sends our Origin
// on writes, and can send a raw request target that no URL parser normalised.

import { request } from 'node:http';
import { connect } from 'node:net';

/** A browser-like session with one play server. */
export interface PlaySession {
  origin: string;
  cookie: string;
  /** fetch() on a path of the server, with the cookie (and Origin on writes). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** Opens `url` (the address `cairn play` opened) the way a browser's first visit does. */
export async function openSession(url: string): Promise<PlaySession> {
  const origin = new URL(url).origin;
  const landing = await fetch(url, { redirect: 'manual' });
  if (landing.status !== 303) throw new Error(`the landing address answered ${landing.status}: ${await landing.text()}`);
  const cookie = (landing.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    origin,
    cookie,
    fetch: (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      if (init.method !== undefined && init.method !== 'GET' && init.method !== 'HEAD') headers.set('origin', origin);
      return fetch(origin + path, { ...init, headers });
    },
  };
}

/** Sends `GET <target>` byte for byte (with this Host, by default the server's) and resolves with the status and body. */
export function rawGet(origin: string, target: string, cookie: string, host?: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host ?? `${hostname}:${port}`}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
  });
}

/** Resolves when `check` returns a value other than undefined; rejects after `ms`. */
export async function waitFor<T>(what: string, check: () => T | undefined, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens /alive like the page script does; resolves once the stream is open, with a way to close it. */
export function openAlive(origin: string, cookie: string): Promise<{ close(): void; events: string[] }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const events: string[] = [];
    const req = request({ host: hostname, port, path: '/alive', headers: { cookie } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (t: string) => events.push(t));
      res.on('error', () => {});
      resolve({ close: () => req.destroy(), events });
    });
    req.on('error', reject);
    req.end();
  });
}
