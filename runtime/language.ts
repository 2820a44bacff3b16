// String tables: the translations of one language, as the build writes them
// to `strings/<lang>.json` (docs/bundle-format.md) and the runtime reads them
// — lazily, only for the language a player picks. Reading checks the shape
// and the limits, so a damaged table is a CairnError, never a crash.

import { CairnError } from '../interpreter/errors.js';
import type { StringEntries } from '../interpreter/vm/texts.js';
import { LIMITS } from './bundle/bundle-format.js';
import type { Bundle } from './bundle/index.js';

/** One language's translations: id → text, or a plural text's forms in CLDR category order. */
export interface StringTable {
  lang: string;
  entries: StringEntries;
}

/** The languages a bundle offers and its default (one language, the default, for a game without `languages`). */
export function offeredLanguages(bundle: Bundle): { default: string; offered: string[] } {
  const l = bundle.manifest.languages;
  return l === undefined ? { default: 'en', offered: ['en'] } : { default: l.default, offered: [...l.offered] };
}

/**
 * The string table of `lang` from an opened bundle, read now (and only now).
 * The default language has an empty table (its text is the source). Throws
 * LANGUAGE_UNKNOWN for a language the bundle does not offer, BUNDLE_STRINGS
 * for a damaged table.
 */
export function loadStringTable(bundle: Bundle, lang: string): StringTable {
  return hasOwnTable(bundle, lang) ? parseStringTable(bundle.readStrings(lang), lang) : { lang, entries: {} };
}

/** loadStringTable with the table's SHA-256 taken by `digest`, a host's asynchronous one (the browser's Web Crypto). */
export async function loadStringTableAsync(bundle: Bundle, lang: string, digest: (bytes: Uint8Array) => Promise<string>): Promise<StringTable> {
  return hasOwnTable(bundle, lang) ? parseStringTable(await bundle.readStringsAsync(lang, digest), lang) : { lang, entries: {} };
}

/** Whether `lang` is read from a string table of its own (not the scripts' language); LANGUAGE_UNKNOWN when the game does not offer it. */
function hasOwnTable(bundle: Bundle, lang: string): boolean {
  const { default: source, offered } = offeredLanguages(bundle);
  if (!offered.includes(lang)) {
    throw new CairnError('LANGUAGE_UNKNOWN', `This game is not offered in ${JSON.stringify(lang)}; it offers ${offered.map((l) => JSON.stringify(l)).join(', ')}.`);
  }
  return lang !== source && bundle.stringLanguages().includes(lang);
}

/** Parses and checks a string table's bytes (`{"lang": …, "entries": {id: text | [forms]}}`); throws BUNDLE_STRINGS. */
export function parseStringTable(bytes: Uint8Array, lang: string): StringTable {
  const bad = (why: string): CairnError => new CairnError('BUNDLE_STRINGS', `The ${JSON.stringify(lang)} string table of this game is damaged: ${why}.`);
  if (bytes.length > LIMITS.maxStringTableSize) throw bad(`it is larger than ${LIMITS.maxStringTableSize} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw bad('it is not UTF-8 JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('it is not a JSON object');
  const { lang: named, entries } = value as Record<string, unknown>;
  if (named !== lang) throw bad(`it says it is for ${JSON.stringify(named)}`);
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) throw bad('`entries` is not an object');
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  let count = 0;
  for (const [id, text] of Object.entries(entries as Record<string, unknown>)) {
    if (++count > LIMITS.maxStringEntries) throw bad(`it has more than ${LIMITS.maxStringEntries} entries`);
    if (typeof text === 'string') out[id] = text;
    else if (Array.isArray(text) && text.length >= 1 && text.length <= 6 && text.every((t) => typeof t === 'string')) out[id] = text.slice() as string[];
    else throw bad(`entry ${JSON.stringify(id)} is neither a text nor a list of one to six plural forms`);
  }
  return { lang, entries: out };
}
