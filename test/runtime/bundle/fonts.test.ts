// The manifest's `fonts` (runtime/bundle/fonts.ts): the writer packs only
// fonts that are there and are fonts, the door refuses a manifest naming a
// font the archive lacks or a file that is no font by its name, and a
// language's own font replaces the default one. Real ZIPs throughout.

import { describe, expect, it } from 'vitest';
import { openBundle, writeBundle } from '../../../runtime/bundle/index.js';
import { fontFor, fontKind } from '../../../runtime/bundle/fonts.js';
import { validateManifest } from '../../../runtime/bundle/manifest.js';
import { craftZip, editManifest, explode, noise, sampleInput } from './fixtures.js';

const refusal = (code: string, message?: RegExp) => expect.objectContaining({ name: 'CairnError', code, ...(message ? { message: expect.stringMatching(message) } : {}) });

/** The first bytes of a TrueType file, then anything. */
const ttf = (n: number) => Uint8Array.from([0, 1, 0, 0, ...noise(n, 3)]);
const woff2 = (n: number) => Uint8Array.from([...new TextEncoder().encode('wOF2'), ...noise(n, 5)]);

function withFonts(fonts: NonNullable<Parameters<typeof sampleInput>[0]>['fonts']) {
  const assets = new Map(sampleInput().assets);
  assets.set('fonts/story.ttf', ttf(2_000));
  assets.set('fonts/naskh.woff2', woff2(2_000));
  return sampleInput({ assets, fonts });
}

describe('fonts in a bundle', () => {
  it('carries the fonts named, per role and per language, and reads them back', () => {
    const bundle = openBundle(writeBundle(withFonts({ speech: 'fonts/story.ttf', ui: 'fonts/story.ttf', languages: { ar: { speech: 'fonts/naskh.woff2' } } })));
    const fonts = bundle.manifest.fonts;
    expect(fonts).toEqual({ speech: 'fonts/story.ttf', ui: 'fonts/story.ttf', languages: { ar: { speech: 'fonts/naskh.woff2' } } });
    expect(fontFor(fonts, 'speech', 'ar')).toBe('fonts/naskh.woff2');
    expect(fontFor(fonts, 'speech', 'fr')).toBe('fonts/story.ttf');
    expect(fontFor(fonts, 'ui', 'ar')).toBe('fonts/story.ttf');
    expect(fontFor(fonts, 'dialog', 'ar')).toBeUndefined();
    expect(fontKind(bundle.readAsset('fonts/naskh.woff2'))).toBe('woff2');
  });

  it('the writer refuses a font that is missing or is not a font', () => {
    expect(() => writeBundle(withFonts({ speech: 'fonts/gone.ttf' }))).toThrow(refusal('BUNDLE_FONT', /`fonts\.speech` names "fonts\/gone\.ttf", which is not among the assets/));
    // fonts/Pixel.ttf of the sample is noise with a font's name.
    expect(() => writeBundle(withFonts({ languages: { ar: { dialog: 'fonts/Pixel.ttf' } } }))).toThrow(refusal('BUNDLE_FONT', /`fonts\.languages\.ar\.dialog` names "fonts\/Pixel\.ttf", which is not a TTF, OTF, WOFF or WOFF2 font/));
    expect(() => writeBundle(withFonts({ speech: 'fonts/story.ttf', bitmap: true }))).toThrow(refusal('BUNDLE_FONT', /not a BMFont \.fnt file/));
  });

  it('the door refuses a manifest that names a font the archive lacks, or a file that is no font', () => {
    const valid = writeBundle(withFonts({ speech: 'fonts/story.ttf' }));
    const missing = craftZip(editManifest(explode(valid), (m) => (m.fonts = { speech: 'fonts/elsewhere.ttf' })));
    expect(() => openBundle(missing)).toThrow(refusal('BUNDLE_FONT', /its font "?fonts\/elsewhere\.ttf"? \(`fonts\.speech`\) is missing/));
    const picture = craftZip(editManifest(explode(valid), (m) => (m.fonts = { ui: 'door.png' })));
    expect(() => openBundle(picture)).toThrow(refusal('BUNDLE_FONT', /is not a \.ttf, \.otf, \.woff or \.woff2 file/));
  });

  it('the manifest schema names the field at fault', () => {
    const base = JSON.parse(new TextDecoder().decode(explode(writeBundle(withFonts({ speech: 'fonts/story.ttf' }))).find((e) => e.name === 'manifest.json')!.data)) as Record<string, unknown>;
    expect(validateManifest({ ...base, fonts: { title: 'fonts/x.ttf' } })).toMatch(/^`fonts` must be/);
    expect(validateManifest({ ...base, fonts: { speech: '../x.ttf' } })).toMatch(/^`fonts` must be/);
    expect(validateManifest({ ...base, fonts: { languages: { 'not a tag': { ui: 'x.ttf' } } } })).toMatch(/^`fonts` must be/);
    expect(validateManifest({ ...base, fonts: { speech: 'fonts/x.ttf', bitmap: 'yes' } })).toMatch(/^`fonts` must be/);
  });

  it('tells fonts by their first bytes', () => {
    expect(fontKind(ttf(10))).toBe('truetype');
    expect(fontKind(new TextEncoder().encode('OTTO....'))).toBe('opentype');
    expect(fontKind(new TextEncoder().encode('wOFF....'))).toBe('woff');
    expect(fontKind(new TextEncoder().encode('info face="Pixel" size=8\ncommon lineHeight=9'))).toBe('bmfont');
    expect(fontKind(noise(64, 2))).toBeNull();
    expect(fontKind(new Uint8Array(0))).toBeNull();
  });
});
