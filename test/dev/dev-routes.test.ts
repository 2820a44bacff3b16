// `cairn dev`'s routes on the play server: they pass the same checks as every
// other route (no session cookie, no answer; writes only from our origin), the
// bundle route carries the build's version, the event stream tells a page
// where things stand as it connects, and the log strips escape sequences.

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DevBuilder } from '../../player/dev/dev-builds.js';
import { devRoutes, VERSION_HEADER } from '../../player/dev/dev-routes.js';
import { startPlayServer, type PlayServer } from '../../player/desktop/server.js';
import { openSession, rawGet } from '../desktop/http-client.js';

const running: PlayServer[] = [];
afterEach(() => {
  for (const s of running.splice(0)) s.stop('stopped');
});

async function serve(): Promise<{ server: PlayServer; logged: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-dev-routes-'));
  mkdirSync(join(dir, 'scripts'));
  writeFileSync(join(dir, 'cairn.json'), JSON.stringify({ id: 'org.cairn.dev', title: 'Dev', version: '0.1.0', author: 'Tests', resolution: [640, 360], pixelArt: false }));
  writeFileSync(join(dir, 'scripts/game.adv'), 'on start {}\n');
  const builder = new DevBuilder(dir);
  builder.build();
  const logged: string[] = [];
  const routes = devRoutes(builder, (line) => logged.push(line));
  const player = new Map([['/index.html', { bytes: Buffer.from('<html><head><script type="module" src="./cairn-player.js"></script></head></html>'), contentType: 'text/html' }]]);
  const server = await startPlayServer({ player, lifetime: { closeGraceMs: 60_000, browserExitGraceMs: 60_000 }, dev: routes });
  running.push(server);
  return { server, logged };
}

describe('dev routes', () => {
  it('answer only the session, serve the latest build with its version, and put the dev client in the page', async () => {
    const { server } = await serve();
    expect((await rawGet(server.origin, '/dev/bundle', '')).status).toBe(403);
    expect((await rawGet(server.origin, '/dev/events', '')).status).toBe(403);
    const session = await openSession(server.openUrl);
    const bundle = await session.fetch('/dev/bundle');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get(VERSION_HEADER)).toBe('1');
    expect((await session.fetch('/game.cairn')).status).toBe(200);
    expect(await (await session.fetch('/')).text()).toContain('/cairn-dev.js');
  });

  it('tells a page that connects where things stand', async () => {
    const { server } = await serve();
    const session = await openSession(server.openUrl);
    const events = await session.fetch('/dev/events');
    const reader = events.body!.getReader();
    let text = '';
    while (!text.includes('data: ')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('data: {"type":"bundle","version":1}');
    await reader.cancel();
  });

  it('logs what the page sends, refuses other origins, and keeps escape sequences off the terminal', async () => {
    const { server, logged } = await serve();
    const session = await openSession(server.openUrl);
    const foreign = await fetch(`${server.origin}/dev/log`, { method: 'POST', headers: { cookie: session.cookie, origin: 'http://evil.example' }, body: '{"text":"hi"}' });
    expect(foreign.status).toBe(403);
    const ok = await session.fetch('/dev/log', { method: 'POST', body: JSON.stringify({ text: 'page: \x1b[2Jreloaded' }) });
    expect(ok.status).toBe(204);
    expect(logged).toEqual(['page: ?[2Jreloaded']);
    const formatted = await session.fetch('/dev/log', { method: 'POST', body: JSON.stringify({ error: { code: 'RUNTIME', message: 'boom', place: { file: 'scripts/game.adv', line: 1, column: 1 } } }) });
    expect(await formatted.text()).toContain(' 1 | on start {}');
  });
});
