// Fog on Gull Rock in its two languages, as an author and a player get it:
// the French translation is complete and in step with the scripts (running
// `cairn translate` again changes nothing), the bundle plays in French, and
// every walkthrough passes in English and in French, the game's own font
// draws every character of both, and the voiced lines have their files.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import gettextParser from 'gettext-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../interpreter/compiler/compile.js';
import { nodeSha256 } from '../../player/cli/project-bundle.js';
import { Game } from '../../runtime/game.js';
import { loadGame } from '../../runtime/game-loader.js';
import { loadStringTable } from '../../runtime/language.js';
import { audioDurationMs } from '../../runtime/world/audio-duration.js';
import { ROOT, runCairn, withoutVoiceWarnings } from '../support/cli.js';
import { fontCodePoints } from '../support/font-coverage.js';

const GAME = join(ROOT, 'bundles/gull-rock');
const PO_PATH = join(GAME, 'translations/fr.po');

/** The PO file's entries other than the header: id (msgctxt), source, translation (every plural form), flags. */
function poEntries(text: string | Buffer) {
  const po = gettextParser.po.parse(text);
  const entries: Array<{ id: string; source: string; translation: string; forms: string[]; fuzzy: boolean }> = [];
  for (const [ctx, byId] of Object.entries(po.translations)) {
    for (const e of Object.values(byId)) {
      if (ctx === '' && e.msgid === '') continue;
      entries.push({ id: ctx, source: e.msgid, translation: e.msgstr[0] ?? '', forms: e.msgstr, fuzzy: /\bfuzzy\b/.test(e.comments?.flag ?? '') });
    }
  }
  return { entries, obsolete: Object.values(po.obsolete ?? {}).flatMap((byId) => Object.keys(byId)) };
}

const po = poEntries(readFileSync(PO_PATH));
/** What the compiler collects from the scripts: every translatable unit with its id, role, speaker and context. */
const scripts = readdirSync(join(GAME, 'scripts')).filter((f) => f.endsWith('.adv')).sort();
const compiled = compile(scripts.map((f) => ({ file: `scripts/${f}`, text: readFileSync(join(GAME, 'scripts', f), 'utf8') })));
/** The characters of a text as a player reads it: placeholders are filled with other strings (names), which are checked themselves. */
const drawn = (text: string) => [...text.replace(/\{[^}]*\}/g, '')].filter((c) => c >= ' ');
/** The spoken lines, in source order. */
const lines = compiled.strings.filter((s) => s.role === 'line');
const LANGUAGES = ['en', 'fr'];
/** The voice files committed for a language: ids (the file names without `.ogg`). */
const voiceIds = (lang: string) => readdirSync(join(GAME, 'assets/voice', lang)).map((f) => f.replace(/\.ogg$/, '')).sort();
describe('Fog on Gull Rock in English and French', () => {
  it('declares French offered and complete, so the build checks every entry', () => {
    const config = JSON.parse(readFileSync(join(GAME, 'cairn.json'), 'utf8'));
    expect(config.languages).toEqual({ default: 'en', offered: ['en', 'fr'], complete: ['fr'] });
  });

  it('has every string translated in fr.po, none fuzzy or obsolete, with the placeholders kept', () => {
    expect(po.entries.length).toBeGreaterThan(300);
    expect(po.entries.filter((e) => e.translation.trim() === '').map((e) => e.id)).toEqual([]);
    expect(po.entries.filter((e) => e.fuzzy).map((e) => e.id)).toEqual([]);
    expect(po.obsolete).toEqual([]);
    const placeholders = (s: string) => [...s.matchAll(/\{[^}]*\}/g)].map((m) => m[0]).sort();
    const withPlaceholders = po.entries.filter((e) => placeholders(e.source).length > 0);
    expect(withPlaceholders.length).toBeGreaterThan(0);
    for (const e of withPlaceholders) expect(placeholders(e.translation), e.id).toEqual(placeholders(e.source));
  });

  it('keeps fr.po in step with the scripts: cairn translate finds nothing new and changes no byte', () => {
    const copy = mkdtempSync(join(tmpdir(), 'cairn-gull-rock-fr-'));
    for (const part of ['cairn.json', 'scripts', 'translations']) cpSync(join(GAME, part), join(copy, part), { recursive: true });
    const r = runCairn(['translate', copy, '--lang', 'fr']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${po.entries.length} strings (0 new, 0 fuzzy, 0 newly obsolete)`);
    expect(readFileSync(join(copy, 'translations/fr.po'), 'utf8')).toBe(readFileSync(PO_PATH, 'utf8'));
  });

  it('sets every character of the English and French text in its own font, Alegreya, with the font\'s licence beside it', () => {
    const config = JSON.parse(readFileSync(join(GAME, 'cairn.json'), 'utf8'));
    const font = 'fonts/alegreya-medium.woff2';
    expect(config.fonts).toEqual({ speech: font, ui: font, dialog: font });
    expect(readFileSync(join(GAME, 'assets/fonts/OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
    const covered = fontCodePoints(readFileSync(join(GAME, 'assets', font)));
    const english = compiled.strings.flatMap((s) => [s.text, s.plural ?? '']);
    const french = po.entries.flatMap((e) => e.forms);
    expect(english.length).toBeGreaterThan(300);
    const missing = (texts: string[]) => [...new Set(texts.flatMap(drawn))].filter((c) => !covered.has(c.codePointAt(0)!)).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${c}`);
    expect(missing(english)).toEqual([]);
    expect(missing(french)).toEqual([]);
    // The check can fail: the Latin subset has no Polish or Greek letters.
    expect(missing(['ł', 'λ'])).toEqual(['U+0142 ł', 'U+03BB λ']);
  });

  it('voices the opening and the ending in both languages: one file per line, named by the id the compiler gives it, each with a length', () => {
    const ids = voiceIds('en');
    expect(voiceIds('fr')).toEqual(ids);
    expect(readdirSync(join(GAME, 'assets/voice/en')).every((f) => f.endsWith('.ogg'))).toBe(true);
    // Every file is a line of the scripts, and a handler with a voiced line has all its lines voiced: a reworded line (a new id) without a new voice fails here.
    const voicedHandlers = new Set(lines.filter((s) => ids.includes(s.id)).map((s) => s.context));
    expect([...voicedHandlers].sort()).toEqual(['fn finale', 'fn give_parcel', 'fn intro']);
    expect(ids).toEqual(lines.filter((s) => voicedHandlers.has(s.context)).map((s) => s.id).sort());
    // The opening scene, from its first line to its last.
    const intro = lines.filter((s) => s.context === 'fn intro');
    expect(intro[0]!.text).toBe('Wren? Is that you, banging about?');
    expect(intro.at(-1)!.text).toBe('...That gull. That GULL.');
    // And they are what the committed tool makes, with the ids it gets from the compiler.
    const listed = spawnSync(process.execPath, [join(GAME, 'tools/make-voices.js'), '--list'], { cwd: ROOT, encoding: 'utf8' });
    expect(listed.stderr).toBe('');
    const made = [...listed.stdout.matchAll(/^(\w+)\/(\S+)\.ogg /gm)].map((m) => `${m[1]}/${m[2]}`).sort();
    expect(made).toEqual(LANGUAGES.flatMap((lang) => ids.map((id) => `${lang}/${id}`)).sort());
    let bytes = 0;
    for (const lang of LANGUAGES) {
      for (const id of ids) {
        const file = readFileSync(join(GAME, 'assets/voice', lang, `${id}.ogg`));
        const ms = audioDurationMs(file);
        expect(typeof ms, `${lang}/${id}.ogg`).toBe('number');
        expect(ms as number, `${lang}/${id}.ogg`).toBeGreaterThan(300);
        // Small: mono Vorbis at 16 kHz (the identification header: "\x01vorbis", version, channels, sample rate).
        const header = file.indexOf('\x01vorbis', 0, 'latin1');
        expect(header, `${lang}/${id}.ogg`).toBeGreaterThan(0);
        expect([file.readUInt8(header + 11), file.readUInt32LE(header + 12)], `${lang}/${id}.ogg`).toEqual([1, 16_000]);
        bytes += statSync(join(GAME, 'assets/voice', lang, `${id}.ogg`)).size;
      }
    }
    expect(bytes).toBeLessThan(1024 * 1024);
  });

  describe('played', () => {
    const out = mkdtempSync(join(tmpdir(), 'cairn-gull-rock-langs-'));
    const bundle = join(out, 'gull-rock.cairn');
    const walkthroughs = readdirSync(join(GAME, 'tests')).filter((f) => f.endsWith('.walk')).sort();

    let built: ReturnType<typeof runCairn>;
    beforeAll(() => {
      built = runCairn(['build', GAME, '-o', bundle]);
      expect(built.code).toBe(0);
    });

    it('builds warning of nothing but, per language, the spoken lines without a voice, the first of them named', () => {
      expect(withoutVoiceWarnings(built.stderr)).toBe('');
      const voiced = new Set(voiceIds('en'));
      const unvoiced = lines.filter((s) => !voiced.has(s.id));
      expect(unvoiced.length).toBeGreaterThan(100);
      for (const lang of LANGUAGES) {
        expect(built.stderr).toContain(
          [
            `warning: ${unvoiced.length} of ${lines.length} spoken lines have no voice in "${lang}" [VOICE_MISSING]`,
            ...unvoiced.slice(0, 5).map((s) => `note: ${s.file}:${s.line} ${s.id} "${s.text}"`),
            `note: … and ${unvoiced.length - 5} more`,
            `hint: record them as assets/voice/${lang}/<id>.ogg`,
          ].join('\n'),
        );
      }
    });

    it('indexes every voice in the manifest with its length, read from the file', () => {
      const manifest = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(bundle))['manifest.json']!));
      for (const lang of LANGUAGES) {
        const ids = voiceIds(lang);
        expect(Object.keys(manifest.voices[lang]).sort()).toEqual(ids);
        for (const id of ids) {
          const asset = `voice/${lang}/${id}.ogg`;
          expect(manifest.voices[lang][id]).toEqual({ asset, ms: audioDurationMs(readFileSync(join(GAME, 'assets', asset))) });
        }
      }
    });

    it('carries its font and the font\'s licence, named in the manifest for every role', () => {
      const packed = unzipSync(readFileSync(bundle));
      const manifest = JSON.parse(new TextDecoder().decode(packed['manifest.json']!));
      const font = 'fonts/alegreya-medium.woff2';
      expect(manifest.fonts).toEqual({ speech: font, ui: font, dialog: font });
      expect(Buffer.from(packed[`assets/${font}`]!).equals(readFileSync(join(GAME, 'assets', font)))).toBe(true);
      expect(packed['assets/fonts/OFL.txt']).toBeDefined();
    });

    it('builds into a bundle whose opening plays in French with --lang fr and in English without', () => {
      const fr = runCairn(['run', bundle, '--lang', 'fr']);
      expect(fr.stderr).toBe('');
      expect(fr.stdout).toContain('Wren\u00a0? C’est toi qui fais tout ce raffut\u00a0?');
      expect(fr.stdout).toContain('…Ce goéland. Ce GOÉLAND.');
      expect(fr.stdout).not.toContain('Is that you, banging about?');
      const en = runCairn(['run', bundle]);
      expect(en.stdout).toContain('Wren? Is that you, banging about?');
      expect(en.stdout).not.toContain('raffut');
    });

    it('words the verb bar in French, the joining words of two-thing verbs included', () => {
      const loaded = loadGame(readFileSync(bundle), { sha256: nodeSha256 });
      const game = Game.fromBundle(loaded, { language: loadStringTable(loaded.bundle, 'fr') });
      for (let n = 0; !game.hasControl && n < 36_000; n++) game.tick();
      expect(game.hasControl).toBe(true);
      expect(game.scene().verbs).toEqual([
        { id: 'look', label: 'Regarder' },
        { id: 'pickup', label: 'Prendre' },
        { id: 'use', label: 'Utiliser', with: 'avec' },
        { id: 'talk', label: 'Parler à' },
        { id: 'give', label: 'Donner', with: 'à' },
      ]);
      expect(game.said.at(-1)).toMatchObject({ actor: 'mags', text: '…Ce goéland. Ce GOÉLAND.' });
    });

    it('passes every walkthrough in French from the project folder', () => {
      const tested = runCairn(['test', GAME, '--lang', 'fr']);
      expect(withoutVoiceWarnings(tested.stderr)).toBe('');
      expect(tested.stdout).toContain(`${walkthroughs.length} walkthroughs: ${walkthroughs.length} passed`);
      expect(tested.code).toBe(0);
    });

    it('passes every walkthrough in every offered language against the built bundle (--lang all)', () => {
      const tested = runCairn(['test', bundle, '--lang', 'all', ...walkthroughs.map((w) => join(GAME, 'tests', w))]);
      expect(tested.stderr).toBe('');
      expect(tested.stdout).toContain(`${2 * walkthroughs.length} walkthroughs in 2 languages: ${2 * walkthroughs.length} passed`);
      for (const w of walkthroughs) for (const lang of ['en', 'fr']) expect(tested.stdout).toMatch(new RegExp(`✓ .*${w.replace('.', '\\.')} \\[${lang}\\]`));
      expect(tested.code).toBe(0);
    });
  });
});
