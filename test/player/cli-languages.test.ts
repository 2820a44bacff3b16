// A game in two languages through the CLI, as an author uses it
// (docs/localization.md): the build packs the French string table, `cairn
// run --lang fr` plays in French, `cairn test --lang all` passes the same
// English walkthrough in both languages, a replay plays in the language its
// log recorded. The fixture game test/player/fixtures/harbour-lang has a
// hand-translated translations/fr.po.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCairn } from '../support/cli.js';

const FIXTURE = join(import.meta.dirname, 'fixtures/harbour-lang');
const dir = mkdtempSync(join(tmpdir(), 'cairn-languages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bundle = join(dir, 'harbour.cairn');

function build(): void {
  const r = runCairn(['build', FIXTURE, '-o', bundle]);
  expect(r.code, r.stderr).toBe(0);
}

describe('a game in two languages', () => {
  it('packs one string table per translated language and the languages in the manifest', () => {
    build();
    const files = unzipSync(readFileSync(bundle));
    expect(Object.keys(files).filter((f) => f.startsWith('strings/'))).toEqual(['strings/fr.json']);
    const table = JSON.parse(new TextDecoder().decode(files['strings/fr.json'])) as { lang: string; entries: Record<string, string> };
    expect(table.lang).toBe('fr');
    expect(Object.values(table.entries)).toContain('Où est ce bateau ?');
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { languages: unknown; voices: unknown };
    expect(manifest.languages).toEqual({ default: 'en', offered: ['en', 'fr'], complete: ['fr'] });
    // Voices found by id, their lengths measured from the files (espeak-ng recordings, see the fixture's README).
    expect(manifest.voices).toEqual({
      en: { 'main.on_start.c95bb509': { asset: 'voice/en/main.on_start.c95bb509.ogg', ms: 1206 } },
      fr: { 'main.on_start.c95bb509': { asset: 'voice/fr/main.on_start.c95bb509.wav', ms: 995 } },
    });
  });

  it('warns, per voiced language, how many spoken lines have no voice; voice files are not unused assets', () => {
    const r = runCairn(['build', FIXTURE, '-o', bundle]);
    expect(r.stderr).toContain('3 of 4 spoken lines have no voice in "en" [VOICE_MISSING]');
    expect(r.stderr).toContain('3 of 4 spoken lines have no voice in "fr" [VOICE_MISSING]');
    expect(r.stderr).not.toContain('UNUSED_ASSET');
  });

  it('`cairn run --lang fr` plays in French; a language the game does not offer is refused', () => {
    build();
    const fr = runCairn(['run', bundle, '--lang', 'fr']);
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout).toContain('Robin: Où est ce bateau ?');
    const en = runCairn(['run', bundle]);
    expect(en.stdout).toContain('Robin: Where is that boat?');
    const de = runCairn(['run', bundle, '--lang', 'de']);
    expect(de.code).not.toBe(0);
    expect(de.stderr).toContain('LANGUAGE_UNKNOWN');
    expect(de.stderr).toContain('"en", "fr"');
  });

  it('`cairn test --lang all` passes the same English walkthrough in every language', () => {
    const r = runCairn(['test', FIXTURE, '--lang', 'all']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('✓ tests/harbour.walk [en]');
    expect(r.stdout).toContain('✓ tests/harbour.walk [fr]');
    expect(r.stdout).toContain('2 walkthroughs in 2 languages: 2 passed');
  });

  it('`expect said` matches French text, or a line by its id; a line said in neither fails', () => {
    const walk = join(dir, 'french.walk');
    writeFileSync(walk, ['expect said "Où est ce bateau ?"', 'do look crate', 'expect said "Robin, il y a 3 harengs"', 'expect not said "Bonjour"'].join('\n'));
    const fr = runCairn(['test', FIXTURE, walk, '--lang', 'fr']);
    expect(fr.code, fr.stdout).toBe(0);
    const byId = join(dir, 'by-id.walk');
    writeFileSync(byId, ['expect said #main.on_start.c95bb509  # the opening line, in any language', 'do look crate', 'expect not said #main.on_start.c95bb509'].join('\n'));
    for (const lang of ['en', 'fr']) expect(runCairn(['test', FIXTURE, byId, '--lang', lang]).code).toBe(0);
    // Played in English, the French text is not what was said.
    const en = runCairn(['test', FIXTURE, walk]);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('expected a line "Où est ce bateau ?" to be said');
  });

  it('records the language in the input log, and a replay plays in it', () => {
    build();
    const log = join(dir, 'fr.log.json');
    const rec = runCairn(['test', FIXTURE, 'tests/harbour.walk', '--lang', 'fr', '--record', log]);
    expect(rec.code, rec.stdout).toBe(0);
    expect(JSON.parse(readFileSync(log, 'utf8')).languages).toEqual([{ tick: 0, lang: 'fr' }]);
    const replay = runCairn(['run', bundle, '--replay', log]);
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toContain('Sam: Pas par ce brouillard.');
    // The transcript words the options in French too.
    expect(replay.stdout).toContain('[options] 1. "Des bateaux aujourd\'hui ?"');
    expect(replay.stdout).toContain('> Des bateaux aujourd\'hui ?');
  });

  it('rewording a line with a pinned id keeps its translation, in the build and in `cairn translate`', () => {
    const copy = join(dir, 'reworded');
    cpSync(FIXTURE, copy, { recursive: true });
    const script = join(copy, 'scripts/main.adv');
    writeFileSync(script, readFileSync(script, 'utf8').replace('"One gull on the nets."', '"A single gull on the nets."'));
    const out = join(dir, 'reworded.cairn');
    expect(runCairn(['build', copy, '-o', out]).code).toBe(0);
    const table = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(out))['strings/fr.json'])) as { entries: Record<string, unknown> };
    expect(table.entries.nets_gulls).toEqual(['{gulls} mouette sur les filets.', '{gulls} mouettes sur les filets.']);
    const r = runCairn(['translate', copy, '--lang', 'fr']);
    expect(r.stdout).toContain('0 new, 0 fuzzy');
    const text = readFileSync(join(copy, 'translations/fr.po'), 'utf8');
    expect(text).toContain('msgctxt "nets_gulls"\nmsgid "A single gull on the nets."');
    expect(text).not.toMatch(/fuzzy[^\n]*\n[^\n]*\nmsgctxt "nets_gulls"/);
  });

  it('a translation that loses a placeholder is a build error at the PO file\'s line', () => {
    const copy = join(dir, 'broken');
    cpSync(FIXTURE, copy, { recursive: true });
    const poFile = join(copy, 'translations/fr.po');
    writeFileSync(poFile, readFileSync(poFile, 'utf8').replace('{hero.name}, il y a {n} harengs', 'Il y a {n} harengs').replace('{gulls} mouettes', '{n} mouettes'));
    const r = runCairn(['build', copy, '-o', join(dir, 'broken.cairn')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('TRANSLATION_PLACEHOLDER');
    expect(r.stderr).toMatch(/translations\/fr\.po:\d+/);
    // A plural form may only use the placeholders of the source forms.
    expect(r.stderr).toContain('has the placeholders {n} instead of {gulls}');
  });
});
