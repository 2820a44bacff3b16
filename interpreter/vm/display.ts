// How values print: the one place that turns a Cairn value into text, used by
// PRINT, string interpolation (CONCAT), `str` and `join`. Iterative, so a
// deeply nested or cyclic list cannot overflow the JS stack; capped, so a huge
// structure fails with MEMORY_EXCEEDED instead of exhausting the host.

import { CairnError } from '../errors.js';
import { EntityRef, FnRef, Point, Range, ThreadHandle, type Value, isMap } from './values.js';
import { WORK, type Meter } from './work.js';

/** How to print functions and how long the text may grow. */
export interface DisplayOptions {
  /** Longest text allowed; longer throws MEMORY_EXCEEDED. */
  maxLength?: number;
  /** The name of function `index`, for printing function values. */
  functionName?: (index: number) => string;
  /** Charged for the work as the text is built, a batch of pieces at a time (scripts' budget). */
  meter?: Meter;
}

/** Pieces of text emitted between two charges of the meter. */
const PIECES_PER_CHARGE = 256;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Bare words that would read back as something else, so such keys are quoted. */
const RESERVED_KEYS = new Set(['true', 'false', 'nil', 'and', 'or', 'not']);

/** A number as the shortest decimal that reads back the same (-0 prints as 0). */
export function formatNumber(n: number): string {
  return String(n);
}

/** A string as a Cairn string literal, escaped so it reads back the same. */
export function quoteString(s: string): string {
  return `"${s.replace(/[\\"{}\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))}"`;
}

/** A map key as printed inside `{…}`: identifier-like strings bare, others quoted. */
function formatKey(k: unknown): string {
  if (typeof k === 'string') return IDENTIFIER.test(k) && !RESERVED_KEYS.has(k) ? k : quoteString(k);
  if (typeof k === 'number') return formatNumber(k);
  return String(k);
}

// Work items of the iterative printer: a value to print, literal text, or the
// end of a container (which leaves the set of containers being printed).
const VALUE = 0;
const TEXT = 1;
const LEAVE = 2;

/** The printed form of `v`: strings as they are at top level, quoted inside lists and maps. */
export function display(v: Value, options: DisplayOptions = {}): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  return displayNested(v, options);
}

/** The printed form of `v` as it appears inside a list (strings quoted). */
export function displayNested(root: Value, options: DisplayOptions = {}): string {
  const maxLength = options.maxLength ?? Infinity;
  const meter = options.meter;
  const out: string[] = [];
  let length = 0;
  let charged = 0;
  const emit = (text: string): void => {
    length += text.length;
    if (length > maxLength) throw new CairnError('MEMORY_EXCEEDED', `text would be longer than ${maxLength} characters`);
    if (meter !== undefined && out.length - charged >= PIECES_PER_CHARGE) {
      meter.spend(WORK.piece * (out.length - charged));
      charged = out.length;
    }
    out.push(text);
  };
  const kinds: number[] = [VALUE];
  const items: unknown[] = [root];
  const open = new Set<object>();
  while (kinds.length > 0) {
    const kind = kinds.pop()!;
    const item = items.pop();
    if (kind === TEXT) {
      emit(item as string);
      continue;
    }
    if (kind === LEAVE) {
      open.delete(item as object);
      continue;
    }
    const v = item as Value;
    if (v === null) emit('nil');
    else if (typeof v === 'string') emit(quoteString(v));
    else if (typeof v === 'number') emit(formatNumber(v));
    else if (typeof v === 'boolean') emit(v ? 'true' : 'false');
    else if (Array.isArray(v)) {
      if (open.has(v)) {
        emit('[...]');
        continue;
      }
      open.add(v);
      meter?.spend(WORK.nest * v.length);
      emit('[');
      kinds.push(LEAVE, TEXT);
      items.push(v, ']');
      for (let i = v.length - 1; i >= 0; i--) {
        kinds.push(VALUE);
        items.push(v[i]);
        if (i > 0) {
          kinds.push(TEXT);
          items.push(', ');
        }
      }
    } else if (isMap(v)) {
      if (open.has(v)) {
        emit('{...}');
        continue;
      }
      open.add(v);
      meter?.spend((WORK.nest + WORK.entry + 2 * WORK.piece) * v.size);
      emit('{');
      kinds.push(LEAVE, TEXT);
      items.push(v, '}');
      const entries = [...v];
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, value] = entries[i]!;
        kinds.push(VALUE, TEXT);
        items.push(value, `${i > 0 ? ', ' : ''}${formatKey(key)}: `);
      }
    } else if (v instanceof Point) emit(`(${formatNumber(v.x)}, ${formatNumber(v.y)})`);
    else if (v instanceof Range) emit(`${formatNumber(v.from)}..${formatNumber(v.to)}`);
    else if (v instanceof FnRef) emit(`<fn ${options.functionName?.(v.index) ?? v.index}>`);
    else if (v instanceof ThreadHandle) emit(`<thread ${v.id}>`);
    else if (v instanceof EntityRef) emit(v.name);
    else emit('<unknown>');
  }
  meter?.spend(WORK.piece * (out.length - charged) + WORK.char * length);
  return out.join('');
}
