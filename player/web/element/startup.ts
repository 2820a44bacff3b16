// What opening a game needs from the page: the bundle's bytes, the seed, the
// browser's autoplay verdict, and disposal of a PixiJS application no game
// will use.

import type { Application } from 'pixi.js';
import { GameError } from './worker-client.js';

/** Frees an application that no game will use (a newer open() won, or loading failed). */
export function discard(app: Promise<Application>): void {
  void app.then((a) => a.destroy({ removeView: true }, { children: true })).catch(() => undefined);
}

/** The bundle's bytes, fetched from the page's origin when given a URL; `progress` hears bytes received of the total (null: unknown). */
export async function bytesOf(source: string | URL | ArrayBuffer | Uint8Array, progress: (loaded: number, total: number | null) => void = () => {}): Promise<ArrayBuffer> {
  if (source instanceof ArrayBuffer) return source.slice(0);
  if (source instanceof Uint8Array) return source.slice().buffer;
  const url = new URL(String(source), document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new GameError('LOAD', `cannot load ${url.pathname}: HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  if (response.body === null) return response.arrayBuffer();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  progress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    progress(loaded, total);
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}

/** The seed attribute, or a fresh random one. */
export function seedOf(attr: string | null): number {
  const n = attr === null ? NaN : Number(attr);
  if (Number.isInteger(n) && n >= 0) return n;
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** Whether sound may start without a click: a probe AudioContext runs only where the autoplay policy allows it. */
export async function audioMayStart(): Promise<boolean> {
  if (navigator.userActivation?.isActive) return true;
  let ctx: AudioContext;
  try {
    ctx = new AudioContext();
  } catch {
    return false;
  }
  try {
    // resume() stays pending while the policy blocks sound; give it a moment, not forever.
    await Promise.race([ctx.resume(), new Promise((ok) => setTimeout(ok, 150))]);
    return ctx.state === 'running';
  } finally {
    void ctx.close();
  }
}
