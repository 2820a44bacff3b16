// The saves folder holds whatever a person or another program put there: a
// file far larger than a save, one over 2 GiB, a FIFO. Listing names them as
// unreadable from their size and kind alone — nothing is read — and asking
// for one is a refusal with a sentence, never a 500 or a hang.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIFETIME } from '../../player/desktop/page-lifetime.js';
import { desktopFiles } from '../../player/desktop/player-files.js';
import { SaveStore } from '../../player/desktop/save-store.js';
import { startPlayServer, type PlayServer } from '../../player/desktop/server.js';
import { openSession } from './http-client.js';

const running: PlayServer[] = [];
afterEach(() => {
  for (const s of running.splice(0)) s.stop('stopped');
});

describe('oversized and strange files in the saves folder', () => {
  it('are listed as unreadable without being read, and refused when asked for', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cairn-save-bounds-')), 'saves');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'big.save'), '');
    truncateSync(join(dir, 'big.save'), 700 * 1024 * 1024); // sparse: 700 MB that take no disk
    writeFileSync(join(dir, 'giant.save'), '');
    truncateSync(join(dir, 'giant.save'), 3 * 1024 * 1024 * 1024);
    const fifo = spawnSync('mkfifo', [join(dir, 'pipe.save')]);
    expect(fifo.status, 'mkfifo (coreutils) is needed for this test').toBe(0);
    const files = new Map(desktopFiles());
    files.set('/index.html', { bytes: new TextEncoder().encode('<!doctype html><title>P</title>'), contentType: 'text/html' });
    const server = await startPlayServer({ player: files, bundle: new Uint8Array([0x50, 0x4b, 3, 4]), saves: new SaveStore(dir), lifetime: { ...DEFAULT_LIFETIME, startupGraceMs: undefined } });
    running.push(server);
    const s = await openSession(server.openUrl);
    const before = process.memoryUsage().rss;
    const t0 = Date.now();
    const listing = await s.fetch('/saves/');
    expect(listing.status).toBe(200);
    const slots = (await listing.json()) as Array<{ slot: string; unreadable?: string }>;
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024); // nothing was read
    const why = Object.fromEntries(slots.map((x) => [x.slot, x.unreadable]));
    expect(why.big).toMatch(/holds 734003200 bytes, more than a save may/);
    expect(why.giant).toMatch(/holds 3221225472 bytes, more than a save may/);
    expect(why.pipe).toMatch(/is not a regular file/);
    for (const slot of ['big', 'giant', 'pipe']) {
      const r = await s.fetch(`/saves/${slot}`);
      expect(r.status).toBe(422);
      expect(await r.text()).toMatch(/cannot be read: .*(more than a save may|not a regular file)/);
    }
  });
});
