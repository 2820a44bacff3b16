// The build's checks of a project's translations (docs/localization.md): each
// `translations/<lang>.po` of an offered language keeps the placeholders of
// its source text — an error at the PO file's line — and a language the
// manifest declares complete has no untranslated or fuzzy entry (otherwise
// the counts are a warning).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { po, type PoEntry, type PoTable } from 'gettext-parser';
import { CairnError, type Span } from '../../interpreter/errors.js';
import type { TranslatableString } from '../../interpreter/compiler/compile.js';
import type { Project } from './project.js';

/**
 * The PO entry translating `s`: the one with its id and text, or for a pinned
 * id the one with its id whatever its text (rewording a pinned line keeps its
 * translation, even before `cairn translate` runs again).
 */
export function entryFor(translations: PoTable['translations'], s: TranslatableString): PoEntry | undefined {
  const byText = translations[s.id];
  if (byText === undefined) return undefined;
  return byText[s.text] ?? (s.pinned === true ? Object.values(byText)[0] : undefined);
}

/** The `{…}` placeholders of a text, sorted, as a comparable key. */
function placeholders(text: string): string {
  return [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]).sort().join(', ');
}

/** The span of the `msgstr` line of the entry with this msgctxt in the PO text. */
function msgstrSpan(text: string, file: string, id: string): Span | undefined {
  const at = text.indexOf(`msgctxt ${JSON.stringify(id)}`);
  if (at < 0) return undefined;
  const str = text.indexOf('msgstr', at);
  const offset = str < 0 ? at : str;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return { source: file, start: { offset, line, column }, end: { offset: end, line, column: column + end - offset } };
}

/** Checks every offered language's PO file against the game's strings; throws the errors, reports warnings. Returns the PO texts read, by language. */
export function checkTranslations(project: Project, strings: readonly TranslatableString[], onWarning: (w: CairnError) => void, addSource?: (file: string, text: string) => void): Map<string, string> {
  const languages = project.config.languages;
  const found = new Map<string, string>();
  if (!languages) return found;
  const errors: CairnError[] = [];
  for (const lang of languages.offered) {
    if (lang === languages.default) continue;
    const file = `translations/${lang}.po`;
    const path = join(project.dir, file);
    const complete = languages.complete?.includes(lang) ?? false;
    if (!existsSync(path)) {
      const problem = new CairnError('TRANSLATION_INCOMPLETE', `cairn.json offers "${lang}" but there is no ${file}`, { hint: `run \`cairn translate ${project.dir} --lang ${lang}\`` });
      if (complete) errors.push(problem);
      else onWarning(problem);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    addSource?.(file, text);
    found.set(lang, text);
    const table = po.parse(text);
    let untranslated = 0;
    let fuzzy = 0;
    for (const s of strings) {
      const entry = entryFor(table.translations, s);
      if (!entry || entry.msgstr.every((m) => m === '') || (s.plural !== undefined && entry.msgstr.some((m) => m === ''))) {
        untranslated++;
        continue;
      }
      if (/\bfuzzy\b/.test(entry.comments?.flag ?? '')) fuzzy++;
      // A plural text's forms may each use any placeholder of either source form ("a coin" / "{n} coins").
      const want = s.plural === undefined ? placeholders(s.text) : [...new Set([...placeholders(s.text).split(', '), ...placeholders(s.plural).split(', ')])].filter((p) => p !== '').sort().join(', ');
      const allowed = new Set(want.split(', '));
      for (const m of entry.msgstr) {
        if (m === '' || placeholders(m) === want) continue;
        if (s.plural !== undefined && placeholders(m).split(', ').every((p) => p === '' || allowed.has(p))) continue;
        errors.push(
          new CairnError('TRANSLATION_PLACEHOLDER', `the ${lang} translation of "${s.text}" has the placeholders {${placeholders(m)}} instead of {${want}}`, {
            span: msgstrSpan(text, file, s.id),
            hint: 'keep every {…} of the source text, spelled the same; only their order may change',
          }),
        );
      }
    }
    if (untranslated + fuzzy > 0) {
      const problem = new CairnError('TRANSLATION_INCOMPLETE', `${file}: ${untranslated} of ${strings.length} strings untranslated, ${fuzzy} fuzzy`, {
        hint: complete ? `cairn.json declares "${lang}" complete: translate them, or take "${lang}" out of "complete"` : `finish them in a PO editor; \`cairn translate\` adds what is new`,
      });
      if (complete) errors.push(problem);
      else onWarning(problem);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new CairnError('COMPILE_FAILED', `The translations have ${errors.length} errors.`, { related: errors });
  return found;
}
