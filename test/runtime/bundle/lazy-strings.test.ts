// String tables load lazily (docs/bundle-format.md): opening a bundle with
// several languages reads none of them, and choosing a language reads only its
// own. Shown with a bundle whose German table is damaged: the game opens and
// plays in French without noticing, and only asking for German finds it.

import { describe, expect, it } from 'vitest';
import { encodeModule } from '../../../interpreter/bytecode/binary.js';
import { compile } from '../../../interpreter/compiler/compile.js';
import { isCairnError } from '../../../interpreter/errors.js';
import { writeBundle } from '../../../runtime/bundle/index.js';
import { readZip } from '../../../runtime/bundle/zip.js';
import { Game } from '../../../runtime/game.js';
import { craftZip, editManifest, explode } from './fixtures.js';
import { loadGame, loadGameAsync } from '../../../runtime/game-loader.js';
import { loadStringTable, loadStringTableAsync, parseStringTable } from '../../../runtime/language.js';
import { webSha256 } from '../../../player/web/worker/web-sha256.js';

function twoLanguageBundle(): Uint8Array {
  const { module, strings } = compile([{ file: 'main.adv', text: 'actor hero { name: "Robin" }\n\non start {\n  say "Good morning."\n}\n' }]);
  const id = strings.find((s) => s.text === 'Good morning.')!.id;
  const table = (lang: string, text: string) => new TextEncoder().encode(JSON.stringify({ lang, entries: { [id]: text } }));
  const bytes = writeBundle({
    id: 'org.example.lazy', title: 'Lazy', author: 'Test', version: '1.0.0', resolution: [640, 360], pixelArt: false, entry: 'game',
    modules: new Map([['game', encodeModule(module)]]),
    assets: new Map(),
    languages: { default: 'en', offered: ['en', 'fr', 'de'], complete: [] },
    strings: new Map([['fr', table('fr', 'Bonjour.')], ['de', table('de', 'Guten Morgen.')]]),
  });
  // Damage the German table's compressed bytes; its checksum in the manifest no longer holds.
  const de = readZip(bytes).find((e) => e.name === 'strings/de.json')!;
  bytes[de.dataOffset + 2] ^= 0xff;
  return bytes;
}

describe('string tables load lazily', () => {
  it('opening a bundle reads no string table; a language reads its own and no other', () => {
    const loaded = loadGame(twoLanguageBundle());
    expect(loaded.bundle.stringLanguages()).toEqual(['de', 'fr']);
    const game = Game.fromBundle(loaded, { language: loadStringTable(loaded.bundle, 'fr') });
    game.tick();
    expect(game.said.map((l) => l.text)).toEqual(['Bonjour.']);
    let error: unknown;
    try {
      loadStringTable(loaded.bundle, 'de');
    } catch (e) {
      error = e;
    }
    expect(isCairnError(error) && error.code).toBe('BUNDLE_CHECKSUM');
  });

  it("reads the same, and refuses the same, with a host's asynchronous SHA-256 (the web player's Web Crypto)", async () => {
    const digest = webSha256()!;
    const loaded = await loadGameAsync(twoLanguageBundle(), digest);
    expect(loaded.module).toEqual(loadGame(twoLanguageBundle()).module);
    const game = Game.fromBundle(loaded, { language: await loadStringTableAsync(loaded.bundle, 'fr', digest) });
    game.tick();
    expect(game.said.map((l) => l.text)).toEqual(['Bonjour.']);
    await expect(loadStringTableAsync(loaded.bundle, 'de', digest)).rejects.toMatchObject({ code: 'BUNDLE_CHECKSUM' });
    await expect(loadStringTableAsync(loaded.bundle, 'en', digest)).resolves.toEqual({ lang: 'en', entries: {} });
    await expect(loadStringTableAsync(loaded.bundle, 'it', digest)).rejects.toMatchObject({ code: 'LANGUAGE_UNKNOWN' });
  });

  it('the default language needs no table, and a language not offered is LANGUAGE_UNKNOWN', () => {
    const loaded = loadGame(twoLanguageBundle());
    expect(loadStringTable(loaded.bundle, 'en')).toEqual({ lang: 'en', entries: {} });
    expect(() => loadStringTable(loaded.bundle, 'it')).toThrow(/not offered in "it"; it offers "en", "fr", "de"/);
  });
});

describe('the door checks the languages against the archive', () => {
  it.each([
    ['a voice the archive does not contain', (m: Record<string, any>) => Object.assign(m, { voices: { fr: { x: { asset: 'voice/fr/x.ogg', ms: 5 } } } }), 'the fr voice assets/voice/fr/x.ogg, which it does not contain'],
    ['a string table of a language not offered', (m: Record<string, any>) => Object.assign(m, { languages: { default: 'en', offered: ['en', 'de'], complete: [] } }), 'for a language its manifest does not offer'],
    ['a string table for the scripts\' own language', (m: Record<string, any>) => Object.assign(m, { languages: { default: 'fr', offered: ['en', 'fr', 'de'], complete: [] } }), 'the language its scripts are written in'],
  ])('refuses %s', (_what, edit, phrase) => {
    const entries = editManifest(explode(twoLanguageBundle()), edit);
    let error: unknown;
    try {
      loadGame(craftZip(entries));
    } catch (e) {
      error = e;
    }
    expect(isCairnError(error) && error.code).toBe('BUNDLE_MANIFEST');
    expect((error as Error).message).toContain(phrase);
  });
});

describe('a string table\'s shape', () => {
  const bytes = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
  it.each([
    ['not JSON', '{"lang": "fr",', 'not UTF-8 JSON'],
    ['for another language', { lang: 'de', entries: {} }, 'says it is for "de"'],
    ['entries that are no object', { lang: 'fr', entries: [] }, '`entries` is not an object'],
    ['an entry that is a number', { lang: 'fr', entries: { a: 3 } }, 'entry "a" is neither a text nor a list'],
    ['seven plural forms', { lang: 'fr', entries: { a: ['1', '2', '3', '4', '5', '6', '7'] } }, 'one to six plural forms'],
  ])('refuses %s with BUNDLE_STRINGS', (_what, value, phrase) => {
    let error: unknown;
    try {
      parseStringTable(bytes(value), 'fr');
    } catch (e) {
      error = e;
    }
    expect(isCairnError(error) && error.code).toBe('BUNDLE_STRINGS');
    expect((error as Error).message).toContain(phrase);
  });

  it('keeps ids that are names of Object.prototype as plain entries', () => {
    const t = parseStringTable(bytes({ lang: 'fr', entries: { constructor: 'x', __proto__: 'y' } }), 'fr');
    expect(t.entries.constructor).toBe('x');
  });
});
