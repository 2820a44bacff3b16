// The built-in natives every Cairn program has (docs/language.md, "Built-in functions"): rows of the
// one natives table. Each checks what its parameter kinds cannot express
// (ranges, caps) and throws CairnError; the VM adds the calling line.

import { CairnError } from '../errors.js';
import { valuesEqual } from './equality.js';
import { formatNumber } from './display.js';
import { checkListLength, checkStringLength, SIZE } from './memory.js';
import type { NativeContext, NativeDef } from './native-table.js';
import { isMapKey } from './operations.js';
import { Range, typeName, type CairnList, type CairnMap, type Value, isMap } from './values.js';
import { WORK } from './work.js';

const NUMBER_TEXT = /^\s*[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const HEX_TEXT = /^\s*[-+]?0[xX][0-9a-fA-F_]+\s*$/;

function outOfRange(what: string, i: number, length: number): CairnError {
  return new CairnError('INDEX_OUT_OF_RANGE', `${what}: index ${formatNumber(i)} is out of range for a list of length ${length}`);
}

function rangeLength(r: Range): number {
  return Math.max(0, Math.ceil(r.to - r.from));
}

/** Normalises -0 to 0 so results print as people expect. */
const noNegativeZero = (n: number): number => n + 0;

function textOf(ctx: NativeContext, v: Value): string {
  return typeof v === 'string' ? v : ctx.display(v);
}

/** `s`, once its characters are charged as work. */
function charged(ctx: NativeContext, s: string): string {
  ctx.spend(WORK.char * s.length);
  return s;
}

function newString(ctx: NativeContext, s: string): string {
  checkStringLength(s.length, ctx.limits);
  ctx.allocate(SIZE.string + 2 * s.length);
  return s;
}

function newList(ctx: NativeContext, items: CairnList): CairnList {
  checkListLength(items.length, ctx.limits);
  ctx.allocate(SIZE.list + SIZE.slot * items.length);
  return items;
}

/** The built-in rows of the natives table. */
export const BUILTIN_NATIVES: readonly NativeDef[] = [
  {
    name: 'len', params: [['string', 'list', 'map', 'range']], blocking: false,
    doc: 'len(x): the length of a string, list, map or range',
    fn: (a) => {
      const v = a[0]!;
      if (typeof v === 'string' || Array.isArray(v)) return v.length;
      if (isMap(v)) return v.size;
      return rangeLength(v as Range);
    },
  },
  {
    name: 'push', params: ['list', 'any'], blocking: false,
    doc: 'push(list, value): adds value at the end of list',
    fn: (a, ctx) => {
      const list = a[0] as CairnList;
      checkListLength(list.length + 1, ctx.limits);
      ctx.allocate(SIZE.slot);
      list.push(a[1]!);
      return null;
    },
  },
  {
    name: 'pop', params: ['list'], blocking: false,
    doc: 'pop(list): removes and returns the last item',
    fn: (a) => {
      const list = a[0] as CairnList;
      if (list.length === 0) throw new CairnError('INDEX_OUT_OF_RANGE', 'pop: the list is empty');
      return list.pop()!;
    },
  },
  {
    name: 'insert', params: ['list', 'int', 'any'], blocking: false,
    doc: 'insert(list, index, value): puts value at index (0 to len), moving later items along',
    fn: (a, ctx) => {
      const list = a[0] as CairnList;
      const i = a[1] as number;
      if (i < 0 || i > list.length) throw outOfRange('insert', i, list.length);
      checkListLength(list.length + 1, ctx.limits);
      ctx.spend(WORK.item * (list.length - i));
      ctx.allocate(SIZE.slot);
      list.splice(i, 0, a[2]!);
      return null;
    },
  },
  {
    name: 'remove', params: [['list', 'map'], 'any'], blocking: false,
    doc: 'remove(list, index) or remove(map, key): takes the item out and returns it (nil for a missing key)',
    fn: (a, ctx) => {
      const target = a[0]!;
      const key = a[1]!;
      if (Array.isArray(target)) {
        if (typeof key !== 'number' || !Number.isInteger(key)) throw new CairnError('BAD_ARGUMENT', `remove: a list index must be a whole number, not ${typeName(key)}`);
        if (key < 0 || key >= target.length) throw outOfRange('remove', key, target.length);
        ctx.spend(WORK.item * (target.length - key));
        return target.splice(key, 1)[0]!;
      }
      const map = target as CairnMap;
      if (!isMapKey(key)) return null;
      const v = map.get(key);
      map.delete(key);
      return v === undefined ? null : v;
    },
  },
  {
    name: 'keys', params: ['map'], blocking: false,
    doc: 'keys(map): the keys, in insertion order',
    fn: (a, ctx) => {
      const map = a[0] as CairnMap;
      ctx.spend(WORK.entry * map.size);
      return newList(ctx, [...map.keys()]);
    },
  },
  {
    name: 'has_key', params: ['map', 'any'], blocking: false,
    doc: 'has_key(map, key): true when map has key',
    fn: (a) => {
      const key = a[1]!;
      return isMapKey(key) && (a[0] as CairnMap).has(key);
    },
  },
  {
    name: 'get', params: [['map', 'list'], 'any', 'any'], optional: 1, blocking: false,
    doc: 'get(map, key, default) or get(list, index, default): the item, or default (nil) when missing',
    fn: (a) => {
      const target = a[0]!;
      const key = a[1]!;
      const fallback = a.length > 2 ? a[2]! : null;
      let v: Value | undefined;
      if (Array.isArray(target)) v = typeof key === 'number' ? target[key] : undefined;
      else if (isMapKey(key)) v = (target as CairnMap).get(key);
      return v === undefined ? fallback : v;
    },
  },
  {
    name: 'contains', params: [['list', 'map', 'string', 'range'], 'any'], blocking: false,
    doc: 'contains(list, x), contains(map, key), contains(string, part), contains(range, n)',
    fn: (a, ctx) => {
      const c = a[0]!;
      const x = a[1]!;
      if (Array.isArray(c)) {
        ctx.spend(WORK.item * c.length);
        for (let i = 0; i < c.length; i++) if (valuesEqual(c[i]!, x, ctx)) return true;
        return false;
      }
      if (isMap(c)) return isMapKey(x) && c.has(x);
      if (typeof c === 'string') {
        if (typeof x !== 'string') throw new CairnError('BAD_ARGUMENT', `contains: a string can only contain a string, not ${typeName(x)}`);
        ctx.spend(WORK.char * (c.length + x.length));
        return c.includes(x);
      }
      const r = c as Range;
      return typeof x === 'number' && x >= r.from && x < r.to && Number.isInteger(x - r.from);
    },
  },
  {
    name: 'join', params: ['list', 'string'], optional: 1, blocking: false,
    doc: 'join(list, separator = ""): the items as text, separated',
    fn: (a, ctx) => {
      const list = a[0] as CairnList;
      const sep = a.length > 1 ? (a[1] as string) : '';
      ctx.spend((WORK.part + WORK.char * sep.length) * list.length);
      const parts: string[] = [];
      let length = 0;
      for (const item of list) {
        const part = textOf(ctx, item);
        length += part.length + sep.length;
        checkStringLength(length - sep.length, ctx.limits);
        parts.push(part);
      }
      ctx.spend(WORK.char * length);
      return newString(ctx, parts.join(sep));
    },
  },
  {
    name: 'split', params: ['string', 'string'], optional: 1, blocking: false,
    doc: 'split(text, separator): the pieces between separators; "" splits into characters, no separator splits at spaces',
    fn: (a, ctx) => {
      const s = a[0] as string;
      ctx.spend((a.length < 2 ? WORK.scanChar : WORK.char) * s.length);
      // Split no further than the budget pays for: one piece more than that means it ran out.
      const most = Math.floor(Math.max(0, ctx.workLeft) / WORK.part) + 1;
      const parts = a.length < 2 ? (s.trim() === '' ? [] : s.trim().split(/\s+/, most)) : s.split(a[1] as string, most);
      ctx.spend(WORK.part * (parts.length < most ? parts.length : most + 1));
      return newList(ctx, parts);
    },
  },
  {
    name: 'plural', params: ['number', 'any', 'any'], blocking: false,
    doc: 'plural(n, one, other): the form that n takes, by the rules of the language played (one for 1 in English, other for the rest); with literal texts the translator gives every form the language has',
    fn: (a, ctx) => (ctx.sourcePluralForm(a[0] as number) === 0 ? a[1]! : a[2]!),
  },
  { name: 'upper', params: ['string'], blocking: false, doc: 'upper(text): in capitals', fn: (a, ctx) => newString(ctx, charged(ctx, a[0] as string).toUpperCase()) },
  { name: 'lower', params: ['string'], blocking: false, doc: 'lower(text): in small letters', fn: (a, ctx) => newString(ctx, charged(ctx, a[0] as string).toLowerCase()) },
  { name: 'str', params: ['any'], blocking: false, doc: 'str(x): x as text, as print writes it', fn: (a, ctx) => newString(ctx, textOf(ctx, a[0]!)) },
  {
    name: 'num', params: [['string', 'number']], blocking: false,
    doc: 'num(text): the number text spells (3, -2.5, 1e3, 0x1F), or nil',
    fn: (a, ctx) => {
      const v = a[0]!;
      if (typeof v === 'number') return v;
      ctx.spend(WORK.scanChar * (v as string).length);
      const s = (v as string).replace(/_/g, '');
      if (NUMBER_TEXT.test(v as string)) return Number(s);
      if (HEX_TEXT.test(v as string)) {
        const t = s.trim();
        const negative = t.startsWith('-');
        const n = Number(t.replace(/^[-+]/, ''));
        return negative ? -n : n;
      }
      return null;
    },
  },
  { name: 'floor', params: ['number'], blocking: false, doc: 'floor(x): the whole number at or below x', fn: (a) => noNegativeZero(Math.floor(a[0] as number)) },
  { name: 'ceil', params: ['number'], blocking: false, doc: 'ceil(x): the whole number at or above x', fn: (a) => noNegativeZero(Math.ceil(a[0] as number)) },
  {
    name: 'round', params: ['number'], blocking: false, doc: 'round(x): the nearest whole number, halves away from zero',
    fn: (a) => {
      const x = a[0] as number;
      return noNegativeZero(Math.sign(x) * Math.round(Math.abs(x)));
    },
  },
  { name: 'abs', params: ['number'], blocking: false, doc: 'abs(x): x without its sign', fn: (a) => Math.abs(a[0] as number) },
  {
    name: 'sqrt', params: ['number'], blocking: false, doc: 'sqrt(x): the square root of x (x >= 0)',
    fn: (a) => {
      const x = a[0] as number;
      if (x < 0) throw new CairnError('BAD_ARGUMENT', `sqrt: cannot take the square root of a negative number (${formatNumber(x)})`);
      return Math.sqrt(x);
    },
  },
  {
    name: 'min', params: ['number', 'number'], variadic: true, blocking: false, doc: 'min(a, b, …): the smallest',
    fn: (a) => {
      let m = a[0] as number;
      for (let i = 1; i < a.length; i++) m = Math.min(m, a[i] as number);
      return m;
    },
  },
  {
    name: 'max', params: ['number', 'number'], variadic: true, blocking: false, doc: 'max(a, b, …): the largest',
    fn: (a) => {
      let m = a[0] as number;
      for (let i = 1; i < a.length; i++) m = Math.max(m, a[i] as number);
      return m;
    },
  },
  {
    name: 'random', params: ['int', 'int'], blocking: false,
    doc: 'random(a, b): a whole number from a to b inclusive, from the game\'s seeded generator',
    fn: (a, ctx) => {
      const lo = a[0] as number;
      const hi = a[1] as number;
      if (lo > hi) throw new CairnError('BAD_ARGUMENT', `random: the low end ${lo} is above the high end ${hi}`);
      if (hi - lo >= 2 ** 53) throw new CairnError('BAD_ARGUMENT', 'random: the range is too wide');
      return lo + Math.floor(ctx.random() * (hi - lo + 1));
    },
  },
  { name: 'type_of', params: ['any'], blocking: false, doc: 'type_of(x): "number", "string", "list", "map", "nil", …', fn: (a) => typeName(a[0]!) },
];
