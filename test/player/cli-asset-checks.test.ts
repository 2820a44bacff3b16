// `cairn build` reads the asset files the scripts name, as an author meets
// it: a damaged PNG, a picture played as a sound, a sound as a background,
// costume frames beyond their sheet or a frame size that does not divide it
// are build errors at the script line that uses them, with the sheet's real
// size in the message. Real files (PNGs made with pngjs), the built CLI.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { runCairn } from '../support/cli.js';

function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return PNG.sync.write(image);
}

/** A WAV file of `samples` silent 8-bit samples. */
function wav(samples: number): Buffer {
  const b = Buffer.alloc(44 + samples, 0x80);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + samples, 4);
  b.write('WAVEfmt ', 8, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(8000, 28);
  b.writeUInt16LE(1, 32);
  b.writeUInt16LE(8, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(samples, 40);
  return b;
}

function project(script: string, assets: Record<string, Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-assets-'));
  mkdirSync(join(dir, 'scripts'));
  writeFileSync(join(dir, 'cairn.json'), JSON.stringify({ id: 'org.example.assets', title: 'Assets', version: '1.0.0', author: 'Test', resolution: [640, 360], pixelArt: false }));
  writeFileSync(join(dir, 'scripts', 'main.adv'), script);
  for (const [path, bytes] of Object.entries(assets)) {
    mkdirSync(join(dir, 'assets', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'assets', path), bytes);
  }
  return dir;
}

const build = (dir: string) => runCairn(['build', dir, '-o', join(dir, 'out.cairn')]);

describe('cairn build reads the asset files', () => {
  it('builds good pictures and sounds used where they belong', () => {
    const dir = project('room shore { background: "art/shore.png"; music: "audio/sea.wav" }\ncostume hero { sheet: "art/hero.png"; frame: (32, 48); idle: [0]; walk: [4, 5, 6, 7] }\nactor hero { costume: "hero" }\non start { go shore; play sound "audio/sea.wav" }\n', {
      'art/shore.png': png(64, 36),
      'art/hero.png': png(256, 48),
      'audio/sea.wav': wav(100),
    });
    const r = build(dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('refuses a costume frame beyond its sheet, with the sheet\'s real size', () => {
    const dir = project('costume hero {\n  sheet: "art/hero.png"\n  frame: (32, 48)\n  walk: [0, 1, 12]\n}\nactor hero { costume: "hero" }\nroom shore { }\n', { 'art/hero.png': png(256, 48) });
    const r = build(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'scripts/main.adv:4:9: error: The animation `walk` names frame 12, but the sheet `art/hero.png` (256×48) holds 8 frames of 32×48, numbered 0 to 7. [INVALID_PROPERTY]\n 4 |   walk: [0, 1, 12]\n   |         ^^^^^^^^^^\n',
    );
  });

  it('refuses a frame size that does not divide the sheet', () => {
    const dir = project('costume hero {\n  sheet: "art/hero.png"\n  frame: (30, 48)\n  walk: [0]\n}\nactor hero { costume: "hero" }\nroom shore { }\n', { 'art/hero.png': png(256, 48) });
    const r = build(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('scripts/main.adv:3:10: error: The frame size 30×48 does not divide the sheet `art/hero.png`, which is 256×48. [INVALID_PROPERTY]');
    expect(r.stderr).toContain('hint: a frame size that divides it, such as 32×48, cuts the sheet into whole frames');
  });

  it('refuses a corrupt PNG, a PNG played as a sound and a WAV as a background', () => {
    const broken = png(16, 16);
    broken[45] ^= 0xff; // a byte of the image data: its chunk's checksum no longer matches
    const dir = project('room shore {\n  background: "audio/sea.wav"\n}\nobject shell {\n  sprite: "art/shell.png"\n}\non start {\n  play sound "art/ok.png"\n}\n', {
      'audio/sea.wav': wav(100),
      'art/shell.png': broken,
      'art/ok.png': png(8, 8),
    });
    const r = build(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('scripts/main.adv:2:15: error: The asset `audio/sea.wav` is a sound (WAV), but a picture (PNG, JPEG, WebP, GIF or SVG) belongs here. [ASSET_KIND]');
    expect(r.stderr).toContain('scripts/main.adv:5:11: error: The asset `art/shell.png` cannot be used: it is damaged (the IDAT chunk fails its checksum). [ASSET_DAMAGED]');
    expect(r.stderr).toContain('hint: export it again as a PNG file');
    expect(r.stderr).toContain('scripts/main.adv:8:14: error: The asset `art/ok.png` is a picture (PNG), but a sound (Ogg, MP3 or WAV) belongs here. [ASSET_KIND]');
  });

  it('refuses a file whose name says PNG but holds something else', () => {
    const dir = project('room shore { background: "art/shore.png" }\n', { 'art/shore.png': Buffer.from('not a picture at all') });
    const r = build(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: The asset `art/shore.png` cannot be used: it is named .png but does not start like a PNG file (damaged, or another kind of file). [ASSET_DAMAGED]');
  });
});
