// A game from a bundle: the manifest gives its id, version and screen, and
// image headers in the bundle give sprites their clickable size; image-size.ts
// reads those headers without decoding pixels.

import { describe, expect, it } from 'vitest';
import { encodeModule } from '../../../interpreter/bytecode/binary.js';
import { writeBundle } from '../../../runtime/bundle/index.js';
import { Game } from '../../../runtime/game.js';
import { loadGame } from '../../../runtime/game-loader.js';
import { imageSize } from '../../../runtime/world/image-size.js';
import { act, fixtureModule, position, settle } from './support.js';

/** The first bytes of a PNG of w × h. */
function pngHeader(w: number, h: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, w);
  new DataView(b.buffer).setUint32(20, h);
  return b;
}

describe('image sizes', () => {
  it('reads PNG, GIF, JPEG, WebP and SVG headers, and gives null for the rest', () => {
    expect(imageSize(pngHeader(64, 16))).toEqual([64, 16]);
    expect(imageSize(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 10, 0, 20, 0]))).toEqual([10, 20]);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 48, 0, 96, 3, 0, 0, 0]);
    expect(imageSize(jpeg)).toEqual([96, 48]);
    const webp = new Uint8Array(30);
    webp.set(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8X'));
    webp.set([99, 0, 0, 49, 0, 0], 24);
    expect(imageSize(webp)).toEqual([100, 50]);
    expect(imageSize(new TextEncoder().encode('<?xml version="1.0"?><svg xmlns="x" width="40" height="30px">'))).toEqual([40, 30]);
    expect(imageSize(new TextEncoder().encode('<svg viewBox="0 0 12 8">'))).toEqual([12, 8]);
    expect(imageSize(new TextEncoder().encode('OggS...'))).toBe(null);
    expect(imageSize(new Uint8Array([0x89, 0x50]))).toBe(null);
  });
});

describe('Game.fromBundle', () => {
  const bundle = () =>
    writeBundle({
      id: 'org.cairn.beach',
      title: 'Beach',
      author: 'Tests',
      version: '2.1.0',
      resolution: [320, 200],
      pixelArt: true,
      entry: 'game',
      modules: new Map([['game', encodeModule(fixtureModule('sample.adv', 'sample-world.adv'))]]),
      assets: new Map([['art/shell.png', pngHeader(64, 16)]]),
    });

  it('takes the screen, id and version from the manifest and sprite sizes from the images', () => {
    const game = Game.fromBundle(loadGame(bundle()));
    settle(game);
    expect(game.scene().viewport).toEqual([320, 200]);
    expect(game.inputLog().game).toEqual({ id: 'org.cairn.beach', version: '2.1.0' });
    const camera = game.scene().camera;
    // 64 px wide: x = 290 is on the shell (a 32 px default box would miss it).
    act(game, { type: 'click', x: 290 - camera.x, y: 330 - camera.y });
    expect(position(game, 'hero')).toEqual([300, 345]);
    game.input({ type: 'hover', x: 295 - game.scene().camera.x, y: 330 - game.scene().camera.y });
    game.tick();
    expect(game.scene().hover).toBe('seashell');
  });
});
