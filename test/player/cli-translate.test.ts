// `cairn translate` as an author runs it (docs/localization.md): the PO file
// it writes survives a translator's edits and the author's later rewording.

import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { po } from 'gettext-parser';
import { runCairn } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cairn-translate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const script = (lines: string[]): string =>
  `verbs { look: "Look at" }\n\nroom harbour {\n  name: "The harbour"\n\n  object crate {\n    name: "crate"\n    on look {\n${lines.map((l) => `      ${l}\n`).join('')}    }\n  }\n}\n\non start {\n  go harbour\n}\n`;

function project(lines: string[]): void {
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  writeFileSync(join(dir, 'cairn.json'), JSON.stringify({ id: 'org.example.harbour', title: 'Harbour', version: '0.1.0', author: 'Test', resolution: [640, 360], pixelArt: false }));
  writeFileSync(join(dir, 'scripts/main.adv'), script(lines));
}

const poPath = join(dir, 'translations/fr.po');
const entry = (text: string, id: string) => Object.values(po.parse(text).translations[id] ?? {})[0];
const idOf = (text: string, msgid: string): string => {
  for (const [ctx, byId] of Object.entries(po.parse(text).translations)) if (byId[msgid]) return ctx;
  throw new Error(`no entry for ${msgid}`);
};

describe('cairn translate', () => {
  it('refuses a missing --lang', () => {
    project(['say "A crate."']);
    const r = runCairn(['translate', dir]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--lang');
  });

  it('round-trips a PO file through a translator\'s edits and the author\'s rewording', () => {
    project(['say "A crate of herring."', 'say "It smells of the sea."', 'say "Somebody nailed it shut."']);
    let r = runCairn(['translate', dir, '--lang', 'fr']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('6 strings (6 new');
    const first = readFileSync(poPath, 'utf8');
    const herring = idOf(first, 'A crate of herring.');
    const sea = idOf(first, 'It smells of the sea.');
    const nailed = idOf(first, 'Somebody nailed it shut.');
    expect(first).toContain('#: scripts/main.adv:10');
    expect(first).toContain('#. line, in room harbour, room harbour / object crate / on look');

    // What Poedit does: fill in translations, add a translator's comment, a plural header, a fuzzy flag of its own.
    const table = po.parse(first);
    table.headers['Plural-Forms'] = 'nplurals=2; plural=(n > 1);';
    const set = (id: string, text: string): void => {
      const e = Object.values(table.translations[id]!)[0]!;
      e.msgstr = [text];
      e.comments = { ...e.comments, translator: 'checked with the writer' };
    };
    set(herring, 'Une caisse de harengs.');
    set(sea, 'Ça sent la mer.');
    set(nailed, 'Quelqu\'un l\'a clouée.');
    writeFileSync(poPath, po.compile(table));

    // The author rewords one line and deletes another.
    project(['say "A crate of mackerel."', 'say "It smells of the sea."']);
    r = runCairn(['translate', dir, '--lang', 'fr']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 fuzzy, 1 newly obsolete');
    const second = readFileSync(poPath, 'utf8');
    const parsed = po.parse(second);
    expect(parsed.headers['Plural-Forms']).toBe('nplurals=2; plural=(n > 1);');
    expect(entry(second, sea)).toMatchObject({ msgstr: ['Ça sent la mer.'], comments: { translator: 'checked with the writer' } });
    const mackerel = idOf(second, 'A crate of mackerel.');
    expect(mackerel).not.toBe(herring);
    const reworded = entry(second, mackerel)!;
    expect(reworded.msgstr).toEqual(['Une caisse de harengs.']);
    expect(reworded.comments?.flag).toContain('fuzzy');
    expect(second).toContain('#| msgid "A crate of herring."');
    expect(Object.values(parsed.obsolete?.[nailed] ?? {})[0]?.msgstr).toEqual(['Quelqu\'un l\'a clouée.']);
    expect(second).toContain('#~ msgstr "Quelqu\'un l\'a clouée."');

    // Putting the line back revives its translation; running again changes nothing more.
    project(['say "A crate of mackerel."', 'say "It smells of the sea."', 'say "Somebody nailed it shut."']);
    expect(runCairn(['translate', dir, '--lang', 'fr']).code).toBe(0);
    const third = readFileSync(poPath, 'utf8');
    expect(entry(third, nailed)?.msgstr).toEqual(['Quelqu\'un l\'a clouée.']);
    expect(runCairn(['translate', dir, '--lang', 'fr']).code).toBe(0);
    expect(readFileSync(poPath, 'utf8')).toBe(third);
  });

  it('writes plural entries, keeps a translator\'s forms, and carries them over fuzzy when the forms are reworded', () => {
    rmSync(join(dir, 'translations'), { recursive: true, force: true });
    project(['let n = 2', 'say plural(n, "One herring.", "{n} herring.")']);
    expect(runCairn(['translate', dir, '--lang', 'pl']).code).toBe(0);
    const first = readFileSync(join(dir, 'translations/pl.po'), 'utf8');
    const id = idOf(first, 'One herring.');
    const fresh = entry(first, id)!;
    // No Plural-Forms header yet: one form per CLDR category Polish uses (one, few, many, other).
    expect(fresh).toMatchObject({ msgid_plural: '{n} herring.', msgstr: ['', '', '', ''] });
    // A translator's tool sets the header and fills the forms.
    const table = po.parse(first);
    table.headers['Plural-Forms'] = 'nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);';
    Object.values(table.translations[id]!)[0]!.msgstr = ['{n} śledź.', '{n} śledzie.', '{n} śledzi.'];
    writeFileSync(join(dir, 'translations/pl.po'), po.compile(table));
    expect(runCairn(['translate', dir, '--lang', 'pl']).code).toBe(0);
    expect(entry(readFileSync(join(dir, 'translations/pl.po'), 'utf8'), id)?.msgstr).toEqual(['{n} śledź.', '{n} śledzie.', '{n} śledzi.']);
    project(['let n = 2', 'say plural(n, "One red herring.", "{n} red herring.")']);
    const r = runCairn(['translate', dir, '--lang', 'pl']);
    expect(r.stdout).toContain('1 fuzzy');
    const after = readFileSync(join(dir, 'translations/pl.po'), 'utf8');
    const moved = entry(after, idOf(after, 'One red herring.'))!;
    expect(moved).toMatchObject({ msgid_plural: '{n} red herring.', msgstr: ['{n} śledź.', '{n} śledzie.', '{n} śledzi.'] });
    expect(moved.comments?.flag).toContain('fuzzy');
    rmSync(join(dir, 'translations'), { recursive: true, force: true });
  });

  it('writes the voice script as CSV', () => {
    project(['say "A crate, of herring."']);
    const r = runCairn(['translate', dir, '--lang', 'fr', '--voice-script']);
    expect(r.code, r.stderr).toBe(0);
    const csv = readFileSync(join(dir, 'translations/fr-voice.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('id,character,text,context,file');
    expect(csv[1]).toMatch(/^main\.room_harbour\.object_crate\.on_look\.[0-9a-f]{8},,"A crate, of herring\.",room harbour \/ object crate \/ on look,scripts\/main\.adv:9$/);
  });
});

describe('cairn build checks translations', () => {
  const build = (languages: object): ReturnType<typeof runCairn> => {
    const config = JSON.parse(readFileSync(join(dir, 'cairn.json'), 'utf8'));
    writeFileSync(join(dir, 'cairn.json'), JSON.stringify({ ...config, languages }));
    return runCairn(['build', dir, '-o', join(dir, 'game.cairn')]);
  };
  const translateAll = (bad?: string): void => {
    const table = po.parse(readFileSync(poPath, 'utf8'));
    for (const [id, byId] of Object.entries(table.translations)) {
      if (id === '') continue;
      for (const e of Object.values(byId)) {
        e.msgstr = [e.msgid === bad ? 'Il reste {m} harengs.' : `fr: ${e.msgid}`];
        if (e.comments) delete e.comments.flag;
      }
    }
    writeFileSync(poPath, po.compile(table));
  };

  it('warns with counts for an unfinished language and fails one declared complete', () => {
    project(['let n = 3', 'say "{n} herring left."', 'say "A crate."']);
    rmSync(join(dir, 'translations'), { recursive: true, force: true });
    expect(runCairn(['translate', dir, '--lang', 'fr']).code).toBe(0);
    let r = build({ default: 'en', offered: ['en', 'fr'] });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('translations/fr.po: 5 of 5 strings untranslated, 0 fuzzy');
    r = build({ default: 'en', offered: ['en', 'fr'], complete: ['fr'] });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('TRANSLATION_INCOMPLETE');
    translateAll();
    r = build({ default: 'en', offered: ['en', 'fr'], complete: ['fr'] });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('untranslated');
  });

  it('fails a placeholder mismatch at the PO file\'s line', () => {
    translateAll('{n} herring left.');
    const text = readFileSync(poPath, 'utf8');
    const line = text.split('\n').findIndex((l) => l === 'msgstr "Il reste {m} harengs."') + 1;
    expect(line).toBeGreaterThan(0);
    const r = build({ default: 'en', offered: ['en', 'fr'] });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('TRANSLATION_PLACEHOLDER');
    expect(r.stderr).toContain(`translations/fr.po:${line}:`);
    expect(r.stderr).toContain('{m} instead of {n}');
  });

  it('refuses a default language that is not offered', () => {
    const r = build({ default: 'de', offered: ['en', 'fr'] });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('must list its default "de" among "offered"');
  });
});

describe('cairn translate warnings', () => {
  it('prints the warning for a line built from pieces', () => {
    project(['let n = 3', 'say "You have " + n + " coins"']);
    const r = runCairn(['translate', dir, '--lang', 'fr']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('STRING_FRAGMENTS');
    expect(r.stderr).toContain('scripts/main.adv:10');
  });
});
