// Merging the compiler's translatable strings into a language's PO file
// (docs/localization.md). The entry's msgctxt is the string's stable id, so a
// reworded line gets a new id; its old entry, when it had a translation, is
// carried over to the new id marked fuzzy with the old text kept (`#|
// msgid`), and an id no script has any more becomes an obsolete entry. No
// translation is ever dropped, and what a translator's tool wrote (their
// comments, flags, plural forms) is kept.

import { po, type PoEntry, type PoTable } from 'gettext-parser';
import type { TranslatableString } from '../../interpreter/compiler/compile.js';
import { pluralCategories } from '../../interpreter/vm/texts.js';

/** What a merge changed, for the command's summary. */
export interface MergeSummary {
  added: number;
  fuzzy: number;
  obsolete: number;
  total: number;
}

/** The declaration path part of an id: everything before the hash (and a repeat counter). */
function placeOf(id: string): string {
  return id.replace(/(\.[0-9a-f]{8})(\.\d+)?$/, '');
}

function entriesOf(section: PoTable['translations'] | undefined): PoEntry[] {
  const out: PoEntry[] = [];
  for (const byId of Object.values(section ?? {})) for (const entry of Object.values(byId)) if (entry.msgid !== '') out.push(entry);
  return out;
}

function translated(e: PoEntry): boolean {
  return e.msgstr.some((s) => s !== '');
}

function describe(s: TranslatableString): string {
  const parts = [s.role === 'line' ? `line${s.speaker ? ` spoken by ${s.speaker}` : ''}` : s.role];
  if (s.room) parts.push(`in room ${s.room}`);
  parts.push(s.context);
  return parts.join(', ');
}

function flags(e: PoEntry): Set<string> {
  return new Set((e.comments?.flag ?? '').split(/[,\s]+/).filter((f) => f !== ''));
}

/**
 * How many forms a plural entry has in `lang`: the `nplurals` of the file's
 * Plural-Forms header when it has one (a translator's tool writes it), else
 * the number of CLDR plural categories the language uses (docs/localization.md).
 */
export function pluralFormCount(header: string | undefined, lang: string): number {
  const n = /nplurals\s*=\s*(\d+)/.exec(header ?? '');
  return n !== null && Number(n[1]) >= 1 && Number(n[1]) <= 6 ? Number(n[1]) : pluralCategories(lang).length;
}

/** Merges `strings` into the PO text `existing` (undefined: a new file) for `lang`; returns the new PO text and what changed. */
export function mergePo(existing: string | undefined, strings: readonly TranslatableString[], lang: string): { text: string; summary: MergeSummary } {
  const table: PoTable = existing === undefined ? { charset: 'utf-8', headers: {}, translations: {} } : po.parse(existing);
  table.headers = { ...table.headers, Language: lang, 'MIME-Version': '1.0', 'Content-Type': 'text/plain; charset=UTF-8', 'Content-Transfer-Encoding': '8bit' };
  const old = new Map<string, PoEntry>();
  for (const e of [...entriesOf(table.obsolete), ...entriesOf(table.translations)]) old.set(e.msgctxt ?? '', e);
  const used = new Set<string>();
  const summary: MergeSummary = { added: 0, fuzzy: 0, obsolete: 0, total: strings.length };
  const next: PoTable['translations'] = { '': { '': { msgid: '', msgstr: [''] } } };
  const forms = pluralFormCount(table.headers['Plural-Forms'], lang);
  for (const s of strings) {
    let entry = old.get(s.id);
    if (entry && entry.msgid === s.text && entry.msgid_plural === s.plural) used.add(s.id);
    else if (entry && s.pinned === true) {
      // A pinned id is the author saying "same line, new words": the translation stands as it is.
      used.add(s.id);
      entry = { ...entry, msgid: s.text };
      if (s.plural === undefined) delete entry.msgid_plural;
      else entry.msgid_plural = s.plural;
    } else {
      // The text changed (so did its id): take over an unclaimed translation from the same place.
      const donor = entry ?? [...old.values()].find((e) => !used.has(e.msgctxt ?? '') && !strings.some((x) => x.id === e.msgctxt) && placeOf(e.msgctxt ?? '') === placeOf(s.id) && translated(e));
      if (donor) {
        used.add(donor.msgctxt ?? '');
        const f = flags(donor);
        f.add('fuzzy');
        entry = { ...donor, msgctxt: s.id, msgid: s.text, comments: { ...donor.comments, flag: [...f].join(', '), previous: `msgid ${JSON.stringify(donor.msgid)}` } };
        if (s.plural === undefined) delete entry.msgid_plural;
        else {
          entry.msgid_plural = s.plural;
          while (entry.msgstr.length < forms) entry.msgstr.push('');
        }
        summary.fuzzy++;
      } else {
        entry = s.plural === undefined ? { msgctxt: s.id, msgid: s.text, msgstr: [''] } : { msgctxt: s.id, msgid: s.text, msgid_plural: s.plural, msgstr: Array<string>(forms).fill('') };
        summary.added++;
      }
    }
    entry.comments = { ...entry.comments, extracted: describe(s), reference: `${s.file}:${s.line}` };
    (next[s.id] ??= {})[s.text] = entry;
  }
  const obsolete: PoTable['translations'] = {};
  for (const [id, e] of old) {
    if (used.has(id) || strings.some((s) => s.id === id)) continue;
    (obsolete[id] ??= {})[e.msgid] = e;
    if (!entriesOf(table.obsolete).includes(e)) summary.obsolete++;
  }
  table.translations = next;
  table.obsolete = obsolete;
  if (!table.translations['']![''] || existing === undefined) table.translations['']![''] = { msgid: '', msgstr: [''] };
  return { text: new TextDecoder().decode(po.compile(table, { foldLength: 0 })), summary };
}

/** The voice actors' script: one CSV row per spoken line (id, character, text, context, file). */
export function voiceScriptCsv(strings: readonly TranslatableString[]): string {
  const cell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = [['id', 'character', 'text', 'context', 'file']];
  for (const s of strings) if (s.role === 'line') rows.push([s.id, s.speaker ?? '', s.text, s.context, `${s.file}:${s.line}`]);
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
