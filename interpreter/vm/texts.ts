// Translatable text: what TEXT evaluates. A text of the module's table (its
// id, and per form which popped value is a piece of literal text and which a
// placeholder) comes out in the current language when that language's string
// table has it, with placeholders filled by name so a translator may reorder
// them; otherwise it comes out exactly as CONCAT would join the same values,
// so a program run without a table behaves as if TEXT did not exist.

import type { TextEntry } from '../bytecode/module.js';
import { CairnError } from '../errors.js';
import { formatNumber } from './display.js';
import { concatValues } from './operations.js';
import type { Value } from './values.js';
import type { VM } from './vm.js';

/** A language's translations: id → text with `{placeholders}`, or a plural text's forms in CLDR category order. */
export type StringEntries = Readonly<Record<string, string | readonly string[]>>;

/** CLDR plural categories in the order plural forms are listed (PO msgstr[0], msgstr[1], … and string tables). */
export const PLURAL_CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** The plural categories a language uses, in PLURAL_CATEGORY_ORDER: form i of a translation is for category i. */
export function pluralCategories(lang: string): string[] {
  const used = new Set<string>(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);
  return PLURAL_CATEGORY_ORDER.filter((c) => used.has(c));
}

/** How many translated texts remember their source text. */
const SOURCES_KEPT = 256;

/** The language texts come out in, and its translations (none: the source text). */
export class TextLanguage {
  private rules: Intl.PluralRules;
  private categories: string[];
  private readonly sourceRules: Intl.PluralRules;

  constructor(
    /** The language the scripts are written in. */
    readonly source: string,
    private lang: string = source,
    private entries: StringEntries | null = null,
  ) {
    this.sourceRules = new Intl.PluralRules(source);
    this.rules = new Intl.PluralRules(lang);
    this.categories = pluralCategories(lang);
  }

  /** Translated texts evaluated lately → the same text in the source language (for `expect said`, which may be written in either); bounded. */
  private readonly sources = new Map<string, string>();

  /** The source-language text of a text TEXT lately gave in another language, if it did. */
  sourceOf(text: string): string | undefined {
    return this.sources.get(text);
  }

  /** Remembers the source text of a translation (the oldest of SOURCES_KEPT is forgotten first). */
  remember(translated: string, source: string): void {
    if (translated === source) return;
    this.sources.delete(translated);
    this.sources.set(translated, source);
    if (this.sources.size > SOURCES_KEPT) this.sources.delete(this.sources.keys().next().value!);
  }

  /** The current language's code. */
  get current(): string {
    return this.lang;
  }

  /** Switches language; `entries` are its translations (null or absent: show the source text). */
  set(lang: string, entries: StringEntries | null = null): void {
    this.lang = lang;
    this.entries = entries;
    this.rules = new Intl.PluralRules(lang);
    this.categories = pluralCategories(lang);
  }

  /** The translation of `id`, when the current language has one. */
  lookup(id: string): string | readonly string[] | undefined {
    const e = this.entries;
    return e !== null && Object.prototype.hasOwnProperty.call(e, id) ? e[id] : undefined;
  }

  /** Which translated form a count takes in the current language. */
  formFor(count: number, forms: number): number {
    return Math.min(Math.max(this.categories.indexOf(this.rules.select(count)), 0), forms - 1);
  }

  /** Which source form (singular, other) a count takes in the source language. */
  sourceFormFor(count: number): number {
    return this.sourceRules.select(count) === 'one' ? 0 : 1;
  }
}

/** TEXT: text `entry` from the n values at stack[from ..] (a plural text's count first). */
export function evaluateText(vm: VM, entry: TextEntry, stack: readonly Value[], from: number, n: number): string {
  const language = vm.texts;
  const plural = entry.forms.length > 1;
  let count = 0;
  if (plural) {
    const c = stack[from]!;
    if (typeof c !== 'number') throw new CairnError('BAD_ARGUMENT', `plural() needs a number to choose its form, not ${vm.display(c)}`);
    count = c;
  }
  const translated = language.lookup(entry.id);
  const slotsFrom = plural ? from + 1 : from;
  if (translated === undefined) {
    if (!plural) return concatValues(vm, stack, from, n);
    const form = language.sourceFormFor(count);
    const skip = form === 0 ? 0 : entry.forms[0]!.length;
    return concatValues(vm, stack, slotsFrom + skip, entry.forms[form]!.length);
  }
  const template = typeof translated === 'string' ? translated : translated[language.formFor(count, translated.length)]!;
  const pieces = fillTemplate(template, entry, stack, slotsFrom);
  const text = concatValues(vm, pieces, 0, pieces.length);
  language.remember(text, sourceText(vm, entry, stack, from, n, count));
  return text;
}

// The same text in the source language, without charging the script for it (the host asked for it, not the game).
function sourceText(vm: VM, entry: TextEntry, stack: readonly Value[], from: number, n: number, count: number): string {
  let start = from;
  let length = n;
  if (entry.forms.length > 1) {
    const form = vm.texts.sourceFormFor(count);
    start = from + 1 + (form === 0 ? 0 : entry.forms[0]!.length);
    length = entry.forms[form]!.length;
  }
  let out = '';
  for (let i = start; i < start + length; i++) {
    const v = stack[i]!;
    out += typeof v === 'string' ? v : typeof v === 'number' ? formatNumber(v) : vm.display(v);
  }
  return out;
}

/** The pieces of a translated template with each `{name}` replaced by the value of the source slot of that name; an unknown name stays as written. */
function fillTemplate(template: string, entry: TextEntry, stack: readonly Value[], from: number): Value[] {
  const byName = new Map<string, Value>();
  let at = from;
  for (const form of entry.forms) {
    for (const slot of form) {
      if (slot !== '' && !byName.has(slot)) byName.set(slot, stack[at]!);
      at++;
    }
  }
  const pieces: Value[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{([^{}]+)\}/g)) {
    const value = byName.get(m[1]!);
    if (value === undefined) continue;
    pieces.push(template.slice(last, m.index));
    pieces.push(value);
    last = m.index! + m[0].length;
  }
  pieces.push(template.slice(last));
  return pieces;
}
