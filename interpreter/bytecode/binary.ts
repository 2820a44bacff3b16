// The `.cbc` file format: a Module as bytes and back. One walk over the module
// (transferModule) does both directions through byte-stream.ts, so encoder and
// decoder cannot disagree. Decoding refuses anything the encoder would not have
// written, so encodeModule(decodeModule(x)) is x, byte for byte.
//
// Layout (little-endian; uint = unsigned LEB128 ≤ 2^32-1, sint = zigzag LEB128,
// both in their shortest form; string = uint byte length + UTF-8; list = uint
// count + items):
//
//   header       magic "CBC\x01" (4 bytes), version u16, minReadable u16
//                A reader refuses a module whose minReadable is newer than the
//                format it knows, or whose version is older than it still reads.
//   sections     each: id byte, uint byte length, body that fills it exactly;
//                ids 1..8 once each, in this order:
//     1 files         list of string
//     2 constants     list of (tag byte, payload):
//                       0 int     sint, an integer in int32 range other than -0
//                       1 number  f64, every other number (NaN as 0x7FF8000000000000)
//                       2 string  string
//                       3 entity  kind byte (ENTITY_KINDS index), name string
//     3 globals       list of (name string, flags byte: bit 0 = constant)
//     4 natives       list of string
//     5 functions     list of (name string, file uint, arity uint, minArity uint,
//                       entries list of uint, locals uint, maxStack uint,
//                       code: uint word count + i32 words,
//                       lines: uint triple count + (Δpc, Δline, Δcolumn) sints,
//                       each the difference from the previous triple, the first from 0)
//     6 init          uint function index
//     7 handlers      list of (owner string, event string, hasWith byte 0|1,
//                       [with string], fn uint)
//     8 declarations  string: the JSON text JSON.stringify writes
//     9 texts         (format 2; only when the module has texts) list of
//                       (id string, forms: list of (list of string)); the
//                       header's minReadable is then 2, else 1
//   A module from a newer writer that this reader may still read (its
//   minReadable is not newer) can carry further sections with ids above 9;
//   they are skipped. In a current-version module nothing may follow the last
//   section.

import { CairnError } from '../errors.js';
import { ByteReader, ByteWriter, type Channel } from './byte-stream.js';
import {
  MODULE_MAGIC,
  MODULE_MIN_READABLE_VERSION,
  MODULE_VERSION,
  TEXTS_MIN_READABLE_VERSION,
  type Constant,
  type EntityKind,
  type FunctionProto,
  type GlobalInfo,
  type HandlerEntry,
  type JsonValue,
  type Module,
  type TextEntry,
} from './module.js';

/** Entity kinds by their number in the format; append only. */
export const ENTITY_KINDS = ['room', 'object', 'actor', 'costume', 'dialog', 'verb'] as const satisfies readonly EntityKind[];
// Fails to compile when module.ts gains a kind this list lacks.
const everyKindNumbered: Exclude<EntityKind, (typeof ENTITY_KINDS)[number]> extends never ? true : never = true;
void everyKindNumbered;

/** Limits of the format: a count above these is refused before anything is allocated. */
export const FORMAT_LIMITS = {
  tableEntries: 1 << 20,
  entries: 1 << 16,
  codeWords: 1 << 24,
  lineTriples: 1 << 24,
} as const;

const MAGIC_BYTES = Uint8Array.from(MODULE_MAGIC, (ch) => ch.charCodeAt(0));
const LAST_SECTION = 9;
const TEXTS_SECTION = 9;
const TAG_INT = 0;
const TAG_NUMBER = 1;
const TAG_STRING = 2;
const TAG_ENTITY = 3;

/** Writes a module in the current format. Throws CairnError MODULE_INVALID for values the format cannot hold. */
export function encodeModule(m: Module): Uint8Array {
  const w = new ByteWriter();
  w.raw(MAGIC_BYTES);
  w.u16(MODULE_VERSION, 'format version');
  w.u16(hasTexts(m) ? TEXTS_MIN_READABLE_VERSION : MODULE_MIN_READABLE_VERSION, 'minimum readable version');
  transferModule(w, m);
  if (hasTexts(m)) w.section(TEXTS_SECTION, 'texts', () => transferTexts(w, m.texts!));
  return w.finish();
}

/** Reads a module; throws CairnError (MODULE_MAGIC, MODULE_VERSION, MODULE_TRUNCATED, MODULE_INVALID) and nothing else. */
export function decodeModule(bytes: Uint8Array): Module {
  if (!(bytes instanceof Uint8Array)) throw new CairnError('MODULE_INVALID', 'a bytecode module must be given as a Uint8Array');
  checkMagic(bytes);
  const r = new ByteReader(bytes);
  r.raw(MAGIC_BYTES.length, 'magic');
  const version = r.u16(0, 'format version');
  const minReadable = r.u16(0, 'minimum readable version');
  checkVersions(version, minReadable);
  const body: ModuleBody = transferModule(r, EMPTY_MODULE);
  if (version >= TEXTS_MIN_READABLE_VERSION && r.remaining > 0 && r.peekByte() === TEXTS_SECTION) {
    const texts = r.section(TEXTS_SECTION, 'texts', () => transferTexts(r, []));
    if (texts.length === 0) r.fail('the texts section is empty; a module without texts has none');
    body.texts = texts;
  }
  // The writer's minReadable follows from the content, so any other is not its output.
  if (version === MODULE_VERSION && minReadable !== (body.texts ? TEXTS_MIN_READABLE_VERSION : MODULE_MIN_READABLE_VERSION)) {
    r.fail(`the header says format ${minReadable} can read this module, but a module ${body.texts ? 'with' : 'without'} texts says ${body.texts ? TEXTS_MIN_READABLE_VERSION : MODULE_MIN_READABLE_VERSION}`);
  }
  if (version > MODULE_VERSION) {
    while (r.remaining > 0) {
      const at = r.offset;
      const id = r.skipSection();
      if (id <= LAST_SECTION) r.fail(`section id ${id} at offset ${at} repeats a section that was already read`);
    }
  } else if (r.remaining > 0) {
    r.fail(`${r.remaining} unexpected bytes after the last section, at offset ${r.offset}`);
  }
  return { ...body, version };
}

function hasTexts(m: Module): boolean {
  return m.texts !== undefined && m.texts.length > 0;
}

const EMPTY_TEXT: TextEntry = { id: '', forms: [] };

function transferTexts(c: Channel, texts: readonly TextEntry[]): TextEntry[] {
  return transferList(c, texts, EMPTY_TEXT, 2, FORMAT_LIMITS.tableEntries, 'text', (t) => {
    const id = c.string(t.id, 'text id');
    const forms = transferList(c, t.forms, [], 1, FORMAT_LIMITS.entries, `form of text \`${id}\``, (form) =>
      transferList(c, form, '', 1, FORMAT_LIMITS.entries, `slot of text \`${id}\``, (slot) => c.string(slot, `slot of text \`${id}\``)),
    );
    return { id, forms };
  });
}

function checkMagic(bytes: Uint8Array): void {
  const n = Math.min(bytes.length, MAGIC_BYTES.length);
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== MAGIC_BYTES[i]) {
      const start = Array.from(bytes.subarray(0, MAGIC_BYTES.length), (b) => b.toString(16).padStart(2, '0')).join(' ');
      throw new CairnError('MODULE_MAGIC', `this is not a Cairn bytecode module: it starts with bytes ${start}, not "CBC\\x01"`);
    }
  }
  if (bytes.length < MAGIC_BYTES.length) throw new CairnError('MODULE_TRUNCATED', `the module is ${bytes.length} bytes long, shorter than its 4-byte magic`);
}

function checkVersions(version: number, minReadable: number): void {
  if (minReadable > MODULE_VERSION) {
    throw new CairnError(
      'MODULE_VERSION',
      `this module was built by a newer Cairn: reading it needs bytecode format ${minReadable} or later, and this Cairn reads formats ${MODULE_MIN_READABLE_VERSION} to ${MODULE_VERSION}; update Cairn to run it`,
    );
  }
  if (version < MODULE_MIN_READABLE_VERSION) {
    throw new CairnError(
      'MODULE_VERSION',
      `this module uses bytecode format ${version}, older than the oldest this Cairn reads (${MODULE_MIN_READABLE_VERSION}); rebuild the game with a current Cairn`,
    );
  }
  if (minReadable < 1 || minReadable > version) {
    throw new CairnError('MODULE_INVALID', `the module header is inconsistent: format ${version} claims to be readable from format ${minReadable}`);
  }
}

type ModuleBody = Omit<Module, 'version'>;

// What the reader walks in place of a module: every field present, every list empty.
const EMPTY_FUNCTION: FunctionProto = { name: '', file: 0, arity: 0, minArity: 0, entries: [], locals: 0, maxStack: 0, code: new Int32Array(0), lines: new Int32Array(0) };
const EMPTY_GLOBAL: GlobalInfo = { name: '', constant: false };
const EMPTY_HANDLER: HandlerEntry = { owner: '', event: '', fn: 0 };
const EMPTY_MODULE: Module = { version: 0, files: [], constants: [], globals: [], natives: [], functions: [], init: 0, handlers: [], declarations: null };

function transferModule(c: Channel, m: Module): ModuleBody {
  const { tableEntries } = FORMAT_LIMITS;
  const files = c.section(1, 'files', () => transferList(c, m.files, '', 1, tableEntries, 'file name', (f) => c.string(f, 'file name')));
  const constants = c.section(2, 'constants', () => transferList<Constant>(c, m.constants, 0, 2, tableEntries, 'constant', (k) => transferConstant(c, k)));
  const globals = c.section(3, 'globals', () => transferList(c, m.globals, EMPTY_GLOBAL, 2, tableEntries, 'global', (g) => transferGlobal(c, g)));
  const natives = c.section(4, 'natives', () => transferList(c, m.natives, '', 1, tableEntries, 'native name', (n) => c.string(n, 'native name')));
  const functions = c.section(5, 'functions', () => transferList(c, m.functions, EMPTY_FUNCTION, 10, tableEntries, 'function', (f) => transferFunction(c, f)));
  const init = c.section(6, 'init', () => c.uint(m.init, 'init function index'));
  const handlers = c.section(7, 'handlers', () => transferList(c, m.handlers, EMPTY_HANDLER, 4, tableEntries, 'handler', (h) => transferHandler(c, h)));
  const declarations = c.section(8, 'declarations', () => transferDeclarations(c, m.declarations));
  return { files, constants, globals, natives, functions, init, handlers, declarations };
}

function transferList<T>(c: Channel, items: readonly T[], template: T, bytesEach: number, max: number, what: string, one: (item: T) => T): T[] {
  if (!c.reading && !Array.isArray(items)) c.fail(`the ${what} list is not an array`);
  const n = c.count(items.length, bytesEach, max, what);
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(one(c.reading ? template : items[i]!));
  return out;
}

function transferConstant(c: Channel, k: Constant): Constant {
  const tag = c.byte(c.reading ? 0 : constantTag(c, k), 'constant tag');
  switch (tag) {
    case TAG_INT: {
      const value = c.sint(k as number, 'integer constant');
      if (c.reading && !isSmallInt(value)) c.fail(`integer constant ${value} is outside the 32-bit range; it should have been written as a number constant`);
      return value;
    }
    case TAG_NUMBER: {
      const value = c.f64(k as number, 'number constant');
      if (c.reading && isSmallInt(value)) c.fail(`number constant ${value} should have been written as an integer constant`);
      return value;
    }
    case TAG_STRING:
      return c.string(k as string, 'string constant');
    case TAG_ENTITY: {
      const e = k as { entity: EntityKind; name: string };
      const kind = c.byte(c.reading ? 0 : ENTITY_KINDS.indexOf(e.entity), 'entity kind');
      const entity = ENTITY_KINDS[kind];
      if (entity === undefined) return c.fail(`entity kind ${kind} is not one of the ${ENTITY_KINDS.length} known kinds`);
      return { entity, name: c.string(e.name, `${entity} name`) };
    }
    default:
      return c.fail(`constant tag ${tag} is unknown`);
  }
}

function constantTag(c: Channel, k: Constant): number {
  if (typeof k === 'number') return isSmallInt(k) ? TAG_INT : TAG_NUMBER;
  if (typeof k === 'string') return TAG_STRING;
  if (typeof k === 'object' && k !== null && ENTITY_KINDS.includes(k.entity) && typeof k.name === 'string') return TAG_ENTITY;
  return c.fail(`constant ${String(JSON.stringify(k))} is not a number, string or entity`);
}

// Integers in int32 range go as varints; -0 must stay a double to keep its sign.
function isSmallInt(v: number): boolean {
  return (v | 0) === v && !Object.is(v, -0);
}

function transferGlobal(c: Channel, g: GlobalInfo): GlobalInfo {
  const name = c.string(g.name, 'global name');
  const flags = c.byte(g.constant ? 1 : 0, `flags of global \`${name}\``);
  if (flags > 1) c.fail(`global \`${name}\` has unknown flags ${flags}`);
  return { name, constant: flags === 1 };
}

function transferFunction(c: Channel, f: FunctionProto): FunctionProto {
  const name = c.string(f.name, 'function name');
  const of = `of function \`${name}\``;
  const file = c.uint(f.file, `file index ${of}`);
  const arity = c.uint(f.arity, `arity ${of}`);
  const minArity = c.uint(f.minArity, `minArity ${of}`);
  const entries = transferList(c, f.entries, 0, 1, FORMAT_LIMITS.entries, `entry ${of}`, (e) => c.uint(e, `entry ${of}`));
  const locals = c.uint(f.locals, `locals ${of}`);
  const maxStack = c.uint(f.maxStack, `maxStack ${of}`);
  const code = c.words(f.code, FORMAT_LIMITS.codeWords, `code word ${of}`);
  const lines = transferLines(c, f.lines, of);
  return { name, file, arity, minArity, entries, locals, maxStack, code, lines };
}

// Triples are sorted by pc and lines move slowly, so each is stored as its
// difference from the one before: usually three one-byte varints.
function transferLines(c: Channel, lines: Int32Array, of: string): Int32Array {
  if (!c.reading && !(lines instanceof Int32Array)) c.fail(`the line table ${of} is not an Int32Array`);
  if (!c.reading && lines.length % 3 !== 0) c.fail(`the line table ${of} has ${lines.length} numbers, not a whole number of triples`);
  const n = c.count(lines.length / 3, 3, FORMAT_LIMITS.lineTriples, `line table entry ${of}`);
  const out = c.reading ? new Int32Array(3 * n) : lines;
  for (let i = 0; i < 3 * n; i++) {
    const prev = i < 3 ? 0 : out[i - 3]!;
    const value = prev + c.sint(c.reading ? 0 : lines[i]! - prev, `line table delta ${of}`);
    if (c.reading) {
      if ((value | 0) !== value) c.fail(`line table entry ${Math.floor(i / 3)} ${of} is ${value}, outside the 32-bit range`);
      out[i] = value;
    }
  }
  return out;
}

function transferHandler(c: Channel, h: HandlerEntry): HandlerEntry {
  const owner = c.string(h.owner, 'handler owner');
  const event = c.string(h.event, 'handler event');
  const hasWith = c.byte(h.with === undefined ? 0 : 1, `with-flag of handler \`${event}\``);
  if (hasWith > 1) c.fail(`handler \`${event}\` has with-flag ${hasWith}, not 0 or 1`);
  const withName = hasWith === 1 ? c.string(h.with ?? '', `with-name of handler \`${event}\``) : undefined;
  const fn = c.uint(h.fn, `function index of handler \`${event}\``);
  return withName === undefined ? { owner, event, fn } : { owner, event, with: withName, fn };
}

function transferDeclarations(c: Channel, value: JsonValue): JsonValue {
  const text = c.string(c.reading ? '' : jsonText(c, value), 'declarations');
  if (!c.reading) return value;
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(text) as JsonValue;
  } catch {
    return c.fail('the declarations are not valid JSON');
  }
  // The writer's text is JSON.stringify's; anything else would not re-encode to the same bytes.
  if (jsonText(c, parsed) !== text) c.fail('the declarations are not in the form JSON.stringify writes');
  return parsed;
}

function jsonText(c: Channel, value: JsonValue): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    return c.fail(`the declarations cannot be written as JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return typeof text === 'string' ? text : c.fail('the declarations are not a JSON value');
}
