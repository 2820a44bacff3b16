// `cairn build DIR --web OUTDIR`: the exported folder holds the player, the
// bundle and an index.html whose title is the game's, escaped; the zip beside
// it holds the same files and is byte-identical across exports; a folder with
// other things in it is never emptied.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { exportWeb, withTitle, WEB_BUNDLE_NAME } from '../../../player/cli/web-export.js';
import { isCairnError } from '../../../interpreter/errors.js';

/** A stand-in for dist/player-web, so this test needs no Vite build. */
function fakePlayer(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-player-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>Cairn</title></head><body><cairn-player src="game.cairn"></cairn-player></body></html>');
  writeFileSync(join(dir, 'cairn-player.js'), 'export {};');
  writeFileSync(join(dir, 'assets/cairn-worker-x.js'), 'export {};');
  return dir;
}

describe('web export', () => {
  test('writes the player, the bundle and a zip of both; the title is escaped', () => {
    const player = fakePlayer();
    const out = join(mkdtempSync(join(tmpdir(), 'cairn-export-')), 'site');
    const bundle = new Uint8Array([1, 2, 3]);
    const result = exportWeb(out, bundle, 'Fish & <Chips>', player);
    expect(result.files).toBe(4);
    expect([...readFileSync(join(out, WEB_BUNDLE_NAME))]).toEqual([1, 2, 3]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<title>Fish &#38; &#60;Chips&#62;</title>');
    expect(existsSync(join(out, 'assets/cairn-worker-x.js'))).toBe(true);
    const zip = unzipSync(readFileSync(`${out}.zip`));
    expect(Object.keys(zip).sort()).toEqual(['assets/cairn-worker-x.js', 'cairn-player.js', 'game.cairn', 'index.html']);
    expect(new TextDecoder().decode(zip['index.html'])).toContain('Fish &#38;');

    const first = readFileSync(`${out}.zip`);
    exportWeb(out, bundle, 'Fish & <Chips>', player);
    expect(readFileSync(`${out}.zip`).equals(first)).toBe(true);
  });

  test('refuses to empty a folder that holds something else', () => {
    const out = mkdtempSync(join(tmpdir(), 'cairn-export-'));
    writeFileSync(join(out, 'precious.txt'), 'keep me');
    let error: unknown;
    try {
      exportWeb(out, new Uint8Array(1), 'x', fakePlayer());
    } catch (e) {
      error = e;
    }
    expect(isCairnError(error) && error.code).toBe('USAGE');
    expect(readFileSync(join(out, 'precious.txt'), 'utf8')).toBe('keep me');
  });

  test('withTitle leaves the rest of the page alone', () => {
    expect(withTitle('<head><title>Cairn</title><meta></head>', '"quoted"')).toBe('<head><title>&#34;quoted&#34;</title><meta></head>');
  });
});
