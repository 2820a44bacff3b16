// The room editor's write-back: a geometric property's new value as the
// smallest text edit of its source. Only the numbers that changed are
// rewritten, a vertex added or removed touches only its own point, and a
// property the author never wrote goes in as a new line of its block with the
// file's indentation; comments, spacing and the rest of the file stay as they
// were. Pure functions of text; imports only the geometry-source types.

import type { GeometryLiteral, GeometryOwner } from '../../interpreter/compiler/geometry-sources.js';

/** A geometric value in the nesting of its literal: a number, or a tuple or list of values. */
export type GeometryValue = number | readonly GeometryValue[];

/** One drag's result, as the page sends it: a property of a room, object or actor set to a value. */
export interface RoomEdit {
  kind: GeometryOwner['kind'];
  name: string;
  property: string;
  /** Which occurrence of the property in its block (`walkable` may repeat), from 0. */
  occurrence: number;
  value: GeometryValue;
}

/** Replace text[start, end) with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The value a literal holds, in its nesting. */
export function literalValue(lit: GeometryLiteral): GeometryValue {
  return 'number' in lit ? lit.number : lit.items.map(literalValue);
}

/** A number as a script writes it: whole numbers as they are, others to three decimals. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`${n} is not a number a script can hold`);
  const r = Number.isInteger(n) ? n : Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

/** A value as fresh source: pairs and 4-tuples in parentheses, polygons and lists of them in brackets. */
export function formatValue(value: GeometryValue): string {
  if (typeof value === 'number') return formatNumber(value);
  const inner = value.map(formatValue).join(', ');
  return value.every((v) => typeof v === 'number') ? `(${inner})` : `[${inner}]`;
}

/** The edits that turn `lit` (as written in `text`) into `value`, in file order; none when nothing changed. */
export function editLiteral(text: string, lit: GeometryLiteral, value: GeometryValue): TextEdit[] {
  if ('number' in lit) {
    if (typeof value !== 'number') return [{ start: lit.start, end: lit.end, text: formatValue(value) }];
    return sameNumber(lit.number, value) ? [] : [{ start: lit.start, end: lit.end, text: formatNumber(value) }];
  }
  if (typeof value === 'number') return [{ start: lit.start, end: lit.end, text: formatNumber(value) }];
  const items = lit.items;
  if (items.length === value.length) return items.flatMap((item, i) => editLiteral(text, item, value[i]!));
  // Points added or removed: keep the equal ends, change only the middle.
  let head = 0;
  while (head < items.length && head < value.length && equalValue(literalValue(items[head]!), value[head]!)) head++;
  let tail = 0;
  while (tail < items.length - head && tail < value.length - head && equalValue(literalValue(items[items.length - 1 - tail]!), value[value.length - 1 - tail]!)) tail++;
  const removed = items.slice(head, items.length - tail);
  const added = value.slice(head, value.length - tail);
  if (removed.length > 0 && added.length > 0) {
    if (removed.length === added.length) return removed.flatMap((item, i) => editLiteral(text, item, added[i]!));
    // A different run of points: only that run is written anew.
    return [{ start: removed[0]!.start, end: removed[removed.length - 1]!.end, text: added.map(formatValue).join(separatorOf(text, items)) }];
  }
  if (removed.length > 0) return removeItems(text, lit, head, removed.length);
  return insertItems(text, lit, head, added);
}

/** Removes `count` items from index `at`, with the separators they bring. */
function removeItems(text: string, lit: Extract<GeometryLiteral, { items: unknown }>, at: number, count: number): TextEdit[] {
  const items = lit.items;
  if (count >= items.length) return [{ start: lit.start, end: lit.end, text: lit.list ? '[]' : '()' }];
  if (at > 0) return [{ start: items[at - 1]!.end, end: items[at + count - 1]!.end, text: '' }];
  return [{ start: items[0]!.start, end: items[count]!.start, text: '' }];
}

/** Inserts `added` before index `at` of `lit`, separated as the list separates its items. */
function insertItems(text: string, lit: Extract<GeometryLiteral, { items: unknown }>, at: number, added: readonly GeometryValue[]): TextEdit[] {
  const items = lit.items;
  const sep = separatorOf(text, items);
  const body = added.map(formatValue).join(sep);
  if (items.length === 0) return [{ start: lit.start, end: lit.end, text: lit.list ? `[${body}]` : `(${body})` }];
  if (at > 0) return [{ start: items[at - 1]!.end, end: items[at - 1]!.end, text: sep + body }];
  return [{ start: items[0]!.start, end: items[0]!.start, text: body + sep }];
}

/** What stands between two items of a list (`, ` or a newline and indentation), without comments. */
function separatorOf(text: string, items: readonly GeometryLiteral[]): string {
  for (let i = 0; i + 1 < items.length; i++) {
    const between = text.slice(items[i]!.end, items[i + 1]!.start);
    if (!between.includes('/')) return between;
  }
  return ', ';
}

function sameNumber(a: number, b: number): boolean {
  return a === b || formatNumber(a) === formatNumber(b);
}

function equalValue(a: GeometryValue, b: GeometryValue): boolean {
  if (typeof a === 'number' || typeof b === 'number') return typeof a === typeof b && sameNumber(a as number, b as number);
  return a.length === b.length && a.every((x, i) => equalValue(x, b[i]!));
}

/**
 * A property the block does not have, as a new line after its last property
 * with that property's indentation; in a one-line block, after a `;`. A block
 * without properties gets it on a new line after its `{`, one step in.
 */
export function insertProperty(text: string, owner: GeometryOwner, name: string, value: GeometryValue): TextEdit {
  const written = `${name}: ${formatValue(value)}`;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  if (owner.insertAt >= 0) {
    const lineStart = text.lastIndexOf('\n', owner.insertAt - 1) + 1;
    const declLineStart = text.lastIndexOf('\n', owner.start - 1) + 1;
    if (lineStart === declLineStart) return { start: owner.insertAt, end: owner.insertAt, text: `; ${written}` };
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    return { start: owner.insertAt, end: owner.insertAt, text: `${nl}${indent}${written}` };
  }
  const brace = openingBrace(text, owner.nameEnd);
  const declLineStart = text.lastIndexOf('\n', owner.start - 1) + 1;
  const outer = /^[ \t]*/.exec(text.slice(declLineStart))![0];
  return { start: brace + 1, end: brace + 1, text: `${nl}${outer}${indentUnit(text)}${written}` };
}

/** The offset of the `{` after a declaration's name (only space and comments lie between). */
function openingBrace(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '{') {
    if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) + 2;
    else if (text.startsWith('//', i)) i = text.indexOf('\n', i);
    else i++;
    if (i <= 0) break;
  }
  if (text[i] !== '{') throw new Error(`no \`{\` after the declaration at offset ${from}`);
  return i;
}

/** One step of the file's indentation: its first indented line's, else two spaces. */
function indentUnit(text: string): string {
  const m = /\n([ \t]+)\S/.exec(text);
  return m === null ? '  ' : m[1]!;
}

/** The edits that give `owner`'s property `name` (its `occurrence`-th) the value `value`: changed in place, or inserted. */
export function propertyEdits(text: string, owner: GeometryOwner, name: string, occurrence: number, value: GeometryValue): TextEdit[] {
  const prop = owner.properties.find((p) => p.name === name && p.occurrence === occurrence);
  if (prop === undefined) return [insertProperty(text, owner, name, value)];
  if (prop.literal === null) throw new Error(`\`${name}\` of ${owner.kind} \`${owner.name}\` is not written with numbers alone: edit it in the script`);
  return editLiteral(text, prop.literal, value);
}

/** Applies edits (non-overlapping, any order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
