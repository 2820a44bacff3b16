// `fonts` in cairn.json as an author meets it, through the built CLI: a font
// named there is packed into the manifest (and is not an unused asset), a
// font that is not there or is not a font fails the build with BUNDLE_FONT,
// and a malformed `fonts` names what is wrong.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCairn } from '../support/cli.js';

/** A TrueType signature and some bytes: what the build looks at. */
const TTF = Buffer.from([0, 1, 0, 0, ...Array.from({ length: 200 }, (_, i) => i & 0xff)]);

function project(fonts: unknown, assets: Record<string, Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-fonts-'));
  mkdirSync(join(dir, 'scripts'));
  writeFileSync(join(dir, 'cairn.json'), JSON.stringify({ id: 'org.example.fonts', title: 'Fonts', version: '1.0.0', author: 'Test', resolution: [640, 360], pixelArt: false, fonts }));
  writeFileSync(join(dir, 'scripts', 'main.adv'), 'room shore { }\non start { go shore; say "Hello." }\n');
  for (const [path, bytes] of Object.entries(assets)) {
    mkdirSync(join(dir, 'assets', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'assets', path), bytes);
  }
  return dir;
}

const build = (dir: string) => runCairn(['build', dir, '-o', join(dir, 'out.cairn')]);

describe('fonts in cairn.json', () => {
  it('packs the fonts into the manifest; a font is not an unused asset', () => {
    const dir = project({ speech: 'fonts/story.ttf', languages: { ar: { speech: 'fonts/naskh.ttf' } } }, { 'fonts/story.ttf': TTF, 'fonts/naskh.ttf': TTF });
    const r = build(dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(join(dir, 'out.cairn')))['manifest.json']!));
    expect(manifest.fonts).toEqual({ speech: 'fonts/story.ttf', languages: { ar: { speech: 'fonts/naskh.ttf' } } });
  });

  it('fails the build on a font that is missing or is not a font', () => {
    const missing = build(project({ ui: 'fonts/gone.ttf' }, {}));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('`fonts.ui` names "fonts/gone.ttf", which is not among the assets');
    expect(missing.stderr).toContain('[BUNDLE_FONT]');
    const fake = build(project({ dialog: 'fonts/fake.woff2' }, { 'fonts/fake.woff2': Buffer.from('<html>not a font</html>') }));
    expect(fake.code).toBe(1);
    expect(fake.stderr).toContain('`fonts.dialog` names "fonts/fake.woff2", which is not a TTF, OTF, WOFF or WOFF2 font');
  });

  it('names what is wrong with a malformed `fonts`', () => {
    const role = build(project({ title: 'fonts/story.ttf' }, { 'fonts/story.ttf': TTF }));
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('`fonts` in');
    expect(role.stderr).toContain('has an unknown role `title`: the roles are "speech", "ui", "dialog"');
    const path = build(project({ languages: { ar: { speech: 'assets/fonts/story.ttf' } } }, { 'fonts/story.ttf': TTF }));
    expect(path.stderr).toContain('has `languages.ar.speech`, which must be a font file\'s path inside assets/, like "fonts/story.woff2"');
    const tag = build(project({ languages: { Arabic: { speech: 'fonts/story.ttf' } } }, { 'fonts/story.ttf': TTF }));
    expect(tag.stderr).toContain('has `languages` with "Arabic", which is not a language tag like "fr" or "zh-Hant"');
  });
});
