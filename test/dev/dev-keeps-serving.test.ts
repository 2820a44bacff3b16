// `cairn dev` outlives its page, as an author meets it: the built CLI runs in
// a child process with --no-open; a page connects (the printed address, then
// the /alive stream a page holds), closes, and well after the grace in which
// `cairn play` would have stopped, the same address brings the game back.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIFETIME } from '../../player/desktop/page-lifetime.js';
import { CLI } from '../support/cli.js';
import { openAlive, openSession, waitFor } from '../desktop/http-client.js';

let child: ChildProcess | undefined;

afterEach(() => {
  if (child !== undefined && child.exitCode === null) child.kill('SIGINT');
  child = undefined;
});

describe('cairn dev keeps serving when its page closes', () => {
  it('brings the game back at the printed address after the page closed, until Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-dev-serve-'));
    mkdirSync(join(dir, 'scripts'));
    writeFileSync(join(dir, 'cairn.json'), JSON.stringify({ id: 'org.example.serve', title: 'Serve', version: '1.0.0', author: 'Test', resolution: [640, 360], pixelArt: false }));
    writeFileSync(join(dir, 'scripts', 'main.adv'), 'room shore { }\non start { go shore }\n');
    const out: string[] = [];
    child = spawn(process.execPath, [CLI, 'dev', dir, '--no-open'], { env: { ...process.env, NO_COLOR: '1', XDG_DATA_HOME: join(dir, 'data'), XDG_CACHE_HOME: join(dir, 'cache') } });
    child.stdout!.setEncoding('utf8').on('data', (t: string) => out.push(t));
    child.stderr!.setEncoding('utf8').on('data', (t: string) => out.push(t));
    const url = await waitFor('the printed address', () => /Open (http:\/\/127\.0\.0\.1:\d+\/\?key=\S+) in a browser/.exec(out.join(''))?.[1]);

    const first = await openSession(url);
    expect((await first.fetch('/')).status).toBe(200);
    const alive = await openAlive(first.origin, first.cookie);
    alive.close();
    await waitFor('the note that it keeps serving', () => (out.join('').includes('The page closed; cairn dev keeps serving.') ? true : undefined));
    // Longer than `cairn play` waits for a reload before it stops.
    await new Promise((r) => setTimeout(r, DEFAULT_LIFETIME.closeGraceMs + 1000));
    expect(child.exitCode).toBeNull();

    const again = await openSession(url);
    const page = await again.fetch('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<cairn-player');
    const bundle = await again.fetch('/game.cairn');
    expect(bundle.status).toBe(200);
    expect(new Uint8Array(await bundle.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));

    child.kill('SIGINT');
    await waitFor('cairn dev to stop on Ctrl-C', () => (child!.exitCode !== null ? true : undefined));
    expect(child.exitCode).toBe(0);
  }, 60_000);
});
