// The build's string tables (docs/bundle-format.md): each translated
// language's PO file compiled to `strings/<lang>.json` — the translation of
// every string the scripts have, by id; a plural text as its forms in PO
// order. Untranslated and fuzzy entries are left out, so the source text
// shows for them. Keys are sorted, so the same PO file gives the same bytes.

import { po } from 'gettext-parser';
import type { TranslatableString } from '../../interpreter/compiler/compile.js';
import { entryFor } from './translation-check.js';

/** The string table bytes of each language, from its PO text. */
export function compileStringTables(poTexts: ReadonlyMap<string, string>, strings: readonly TranslatableString[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const [lang, text] of [...poTexts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const table = po.parse(text);
    const entries: Record<string, string | string[]> = {};
    for (const s of [...strings].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      const entry = entryFor(table.translations, s);
      if (entry === undefined || /\bfuzzy\b/.test(entry.comments?.flag ?? '')) continue;
      if (s.plural !== undefined) {
        if (entry.msgstr.length > 0 && entry.msgstr.every((m) => m !== '')) entries[s.id] = entry.msgstr.slice();
      } else if ((entry.msgstr[0] ?? '') !== '') {
        entries[s.id] = entry.msgstr[0]!;
      }
    }
    out.set(lang, new TextEncoder().encode(`${JSON.stringify({ lang, entries })}\n`));
  }
  return out;
}
