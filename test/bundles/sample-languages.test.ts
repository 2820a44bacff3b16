// Fog on Gull Rock in its two languages, as an author and a player get it:
// the French translation is complete and in step with the scripts (running
// `cairn translate` again changes nothing), the bundle plays in French, and
// every walkthrough passes in English and in French.

import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gettextParser from 'gettext-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeSha256 } from '../../player/cli/project-bundle.js';
import { Game } from '../../runtime/game.js';
import { loadGame } from '../../runtime/game-loader.js';
import { loadStringTable } from '../../runtime/language.js';
import { ROOT, runCairn } from '../support/cli.js';

const GAME = join(ROOT, 'bundles/gull-rock');
const PO_PATH = join(GAME, 'translations/fr.po');

/** The PO file's entries other than the header: id (msgctxt), source, translation, flags. */
function poEntries(text: string | Buffer) {
  const po = gettextParser.po.parse(text);
  const entries: Array<{ id: string; source: string; translation: string; fuzzy: boolean }> = [];
  for (const [ctx, byId] of Object.entries(po.translations)) {
    for (const e of Object.values(byId)) {
      if (ctx === '' && e.msgid === '') continue;
      entries.push({ id: ctx, source: e.msgid, translation: e.msgstr[0] ?? '', fuzzy: /\bfuzzy\b/.test(e.comments?.flag ?? '') });
    }
  }
  return { entries, obsolete: Object.values(po.obsolete ?? {}).flatMap((byId) => Object.keys(byId)) };
}

const po = poEntries(readFileSync(PO_PATH));
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

  describe('played', () => {
    const out = mkdtempSync(join(tmpdir(), 'cairn-gull-rock-langs-'));
    const bundle = join(out, 'gull-rock.cairn');
    const walkthroughs = readdirSync(join(GAME, 'tests')).filter((f) => f.endsWith('.walk')).sort();

    beforeAll(() => {
      const built = runCairn(['build', GAME, '-o', bundle]);
      expect(built.stderr).toBe('');
      expect(built.code).toBe(0);
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
      expect(tested.stderr).toBe('');
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
