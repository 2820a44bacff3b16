// The `cairn play` server in-process: it serves only its allow-list however a
// path is spelled, only to the window holding its session cookie, keeps saves
// as files through the save API, and ends when its page goes away.

import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIFETIME, type LifetimeOptions } from '../../player/desktop/page-lifetime.js';
import { desktopFiles, readPlayerBuild } from '../../player/desktop/player-files.js';
import { SaveStore } from '../../player/desktop/save-store.js';
import { startPlayServer, type PlayServer } from '../../player/desktop/server.js';
import { openAlive, openSession, rawGet } from './http-client.js';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-PLAYER';
const BUNDLE = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5]);
const running: PlayServer[] = [];

function makePlayer(): { dir: string; player: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-server-'));
  const player = join(dir, 'player');
  mkdirSync(join(player, 'assets'), { recursive: true });
  writeFileSync(join(player, 'index.html'), '<!doctype html><html><head><title>P</title><script type="module" src="./app.js"></script></head><body><cairn-player src="game.cairn"></cairn-player></body></html>');
  writeFileSync(join(player, 'app.js'), 'export const app = 1;');
  writeFileSync(join(player, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  symlinkSync(join(dir, 'secret.txt'), join(player, 'link-out.txt'));
  return { dir, player };
}

async function start(lifetime: LifetimeOptions = { ...DEFAULT_LIFETIME, startupGraceMs: undefined }) {
  const { dir, player } = makePlayer();
  const files = readPlayerBuild(player)!;
  for (const [route, file] of desktopFiles()) files.set(route, file);
  const saves = new SaveStore(join(dir, 'saves', 'org.example.test'));
  const server = await startPlayServer({ player: files, bundle: BUNDLE, saves, lifetime });
  running.push(server);
  return { server, saves, dir };
}

afterEach(() => {
  for (const s of running.splice(0)) s.stop('stopped');
});

describe('cairn play server', () => {
  it('serves the player page with the desktop script first in <head>, its files, and the verified bundle', async () => {
    const { server } = await start();
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const s = await openSession(server.openUrl);
    const page = await (await s.fetch('/')).text();
    expect(page).toContain('<title>P</title><script type="module" src="/cairn-desktop.js"></script><script type="module" src="./app.js">');
    expect(page).toContain('<cairn-player src="game.cairn">');
    expect(await (await s.fetch('/app.js')).text()).toBe('export const app = 1;');
    expect((await s.fetch('/assets/style.css')).headers.get('content-type')).toContain('text/css');
    const script = await s.fetch('/cairn-desktop.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8'); // module scripts need it
    expect(await script.text()).toContain("new EventSource('/alive')");
    const bundle = await s.fetch('/game.cairn');
    expect(new Uint8Array(await bundle.arrayBuffer())).toEqual(BUNDLE);
    expect(bundle.headers.get('cache-control')).toBe('no-store');
    expect(bundle.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves nothing outside its allow-list, however the path is spelled', async () => {
    const { server } = await start();
    const s = await openSession(server.openUrl);
    const targets = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/assets\\..\\..\\secret.txt',
      '/%252e%252e/secret.txt',
      '/./secret.txt',
      '//secret.txt',
      '/secret.txt',
      '/link-out.txt',
      '/index.html%00.txt',
      '/app.js%00',
      '/%c0%ae%c0%ae/secret.txt',
      '/cairn-desktop.js/../../secret.txt',
      'http://127.0.0.1/../secret.txt',
      '/etc/passwd',
      '/saves/../../secret.txt',
      '/saves/..%2f..%2fsecret',
    ];
    for (const target of targets) {
      const r = await rawGet(server.origin, target, s.cookie);
      expect({ target, status: r.status }).not.toEqual({ target, status: 200 });
      expect(r.body).not.toContain(SECRET);
    }
    // …while the same file through an allowed name is served, so the refusals above are the path checks.
    expect((await rawGet(server.origin, '/app.js', s.cookie)).status).toBe(200);
  });

  it('answers only the window holding its cookie, on its own Host; the key stops working once a page is up', async () => {
    const { server } = await start();
    expect((await fetch(`${server.origin}/`)).status).toBe(403);
    expect((await fetch(`${server.origin}/game.cairn`, { headers: { cookie: `cairn-session-${server.port}=guess` } })).status).toBe(403);
    expect((await fetch(server.openUrl.replace(/key=.*/, 'key=wrong'), { redirect: 'manual' })).status).toBe(403);
    const s = await openSession(server.openUrl);
    expect((await rawGet(server.origin, '/', s.cookie, `attacker.example:${server.port}`)).status).toBe(403);
    expect((await rawGet(server.origin, '/', s.cookie, `localhost:${server.port}`)).status).toBe(403);
    expect((await rawGet(server.origin, '/', s.cookie)).status).toBe(200);
    const alive = await openAlive(server.origin, s.cookie);
    expect((await fetch(server.openUrl, { redirect: 'manual' })).status).toBe(403);
    alive.close();
  });

  it('keeps saves as files through the save API: multipart from the page, bare bytes from tools', async () => {
    const { server, saves } = await start();
    const s = await openSession(server.openUrl);
    const form = new FormData();
    form.set('name', 'By the lighthouse');
    form.set('save', new Blob([new Uint8Array([1, 2, 3, 4])]));
    form.set('thumbnail', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }));
    const put = await s.fetch('/saves/slot-1', { method: 'PUT', body: form });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ slot: 'slot-1', name: 'By the lighthouse' });
    await new Promise((r) => setTimeout(r, 5));
    expect((await s.fetch('/saves/autosave', { method: 'PUT', body: new Uint8Array([9, 9]) })).status).toBe(200);
    expect(readdirSync(saves.dir).sort()).toEqual(['autosave.save', 'slot-1.save']);
    const list = (await (await s.fetch('/saves/')).json()) as Array<{ slot: string; name: string; thumbnail: boolean }>;
    expect(list.map((e) => [e.slot, e.name, e.thumbnail])).toEqual([
      ['autosave', 'autosave', false],
      ['slot-1', 'By the lighthouse', true],
    ]);
    expect(new Uint8Array(await (await s.fetch('/saves/slot-1')).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3, 4]));
    const thumb = await s.fetch('/saves/slot-1/thumbnail');
    expect(thumb.headers.get('content-type')).toBe('image/png');
    expect((await s.fetch('/saves/autosave/thumbnail')).status).toBe(404);
    expect((await s.fetch('/saves/slot-1', { method: 'DELETE' })).status).toBe(204);
    expect((await s.fetch('/saves/slot-1')).status).toBe(404);
  });

  it('refuses bad slot names, cross-origin writes and writes to the player', async () => {
    const { server } = await start();
    const s = await openSession(server.openUrl);
    for (const slot of ['a.b', '.hidden', '-x', 'x'.repeat(65), 'a%20b', 'slot/thumbnail/x']) {
      expect((await s.fetch(`/saves/${slot}`, { method: 'PUT', body: 'x' })).status).toBe(400);
    }
    const evil = await fetch(`${server.origin}/saves/x`, { method: 'PUT', body: 'x', headers: { cookie: s.cookie, origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect((await s.fetch('/index.html', { method: 'PUT', body: 'x' })).status).toBe(405);
    expect((await s.fetch('/saves/x')).status).toBe(404);
  });

  it('ends when its last page goes away, but not on a reload', async () => {
    const { server } = await start({ startupGraceMs: undefined, closeGraceMs: 300, browserExitGraceMs: 300 });
    const s = await openSession(server.openUrl);
    let ended: string | undefined;
    void server.stopped.then((r) => (ended = r));
    const first = await openAlive(server.origin, s.cookie);
    first.close();
    await new Promise((r) => setTimeout(r, 100));
    const reloaded = await openAlive(server.origin, s.cookie); // a reload reconnects within the grace
    await new Promise((r) => setTimeout(r, 500));
    expect(ended).toBeUndefined();
    reloaded.close();
    expect(await server.stopped).toBe('window-closed');
  });

  it('tells the page when it stops, and stops on /quit', async () => {
    const { server } = await start();
    const s = await openSession(server.openUrl);
    const alive = await openAlive(server.origin, s.cookie);
    expect((await s.fetch('/quit', { method: 'POST' })).status).toBe(204);
    expect(await server.stopped).toBe('quit');
    await new Promise((r) => setTimeout(r, 50));
    expect(alive.events.join('')).toContain('event: stopped\ndata: quit');
  });

  it('ends when no page connects in time, and when the app browser exits', async () => {
    const a = await start({ startupGraceMs: 200, closeGraceMs: 100, browserExitGraceMs: 100 });
    expect(await a.server.stopped).toBe('no-window');
    const b = await start({ startupGraceMs: 60_000, closeGraceMs: 100, browserExitGraceMs: 100 });
    b.server.browserExited();
    expect(await b.server.stopped).toBe('window-closed');
    // the app browser's page came and went, then the browser exited: its window is gone, no grace needed
    const c = await start({ startupGraceMs: 60_000, closeGraceMs: 60_000, browserExitGraceMs: 60_000 });
    const s = await openSession(c.server.openUrl);
    (await openAlive(c.server.origin, s.cookie)).close();
    await new Promise((r) => setTimeout(r, 50));
    c.server.browserExited();
    expect(await c.server.stopped).toBe('window-closed');
  });
});
