// The snapshot schema: the flat records a VM state becomes (heap objects in a
// table, values as tagged references) and ONE sync function per record type,
// which both writes and reads through a Codec, so the two cannot drift apart.
// Adding a field means adding one line here (and a format version bump).

import { damaged, type Codec } from './snapshot-codec.js';

/** A value reference: a tag and a number (the value itself, or a table index). */
export class Ref {
  constructor(public tag: number, public n: number) {}
}
/** Reference tags. */
export const R_NIL = 0, R_FALSE = 1, R_TRUE = 2, R_INT = 3, R_FLOAT = 4, R_STRING = 5, R_OBJECT = 6;

/** Object kinds. */
export const O_LIST = 0, O_MAP = 1, O_RECORD = 2, O_POINT = 3, O_RANGE = 4, O_FN = 5, O_THREAD = 6, O_ENTITY = 7;

/** A heap object: its kind, numbers, references and texts (what each means depends on the kind). */
export interface FlatObject {
  kind: number;
  nums: number[];
  refs: Ref[];
  texts: string[];
}

/** A function a frame or function value refers to: by name, with its hash (bytecode/hash.ts functionHash). */
export interface FlatFunction {
  name: string;
  hash: string;
}

/** A global, by name. */
export interface FlatGlobal {
  name: string;
  value: Ref;
}

/** A thread: its wait state, frames and stack. */
export interface FlatThread {
  id: number;
  state: number;
  waitKind: number;
  wakeTick: number;
  blockedOn: string;
  blockReason: Ref;
  /** Current frame then saved frames; function numbers index FlatState.functions. */
  fn: number;
  pc: number;
  base: number;
  frames: number[];
  stack: Ref[];
}

/** The whole VM state as records. */
export interface FlatState {
  tick: number;
  nextThreadId: number;
  rng: number[];
  allocated: number;
  nextMeasure: number;
  /** The fingerprint of the build that wrote it (bytecode/hash.ts buildFingerprint). */
  build: string;
  functions: FlatFunction[];
  strings: string[];
  objects: FlatObject[];
  globals: FlatGlobal[];
  threads: FlatThread[];
}

export const blankRef = (): Ref => new Ref(R_NIL, 0);

/** Sync of a value reference. */
function syncRef(c: Codec, r: Ref): Ref {
  r.tag = c.u8(r.tag);
  if (r.tag === R_INT) r.n = c.int(r.n);
  else if (r.tag === R_FLOAT) r.n = c.f64(r.n);
  else if (r.tag === R_STRING || r.tag === R_OBJECT) r.n = c.uint(r.n);
  else if (r.tag > R_OBJECT) throw damaged(`unknown value tag ${r.tag}`);
  return r;
}

const syncNumber = (c: Codec, n: number): number => c.f64(n);
const syncUint = (c: Codec, n: number): number => c.uint(n);
const syncText = (c: Codec, s: string): string => c.str(s);

function syncObject(c: Codec, o: FlatObject): FlatObject {
  o.kind = c.u8(o.kind);
  o.nums = c.list(o.nums, () => 0, syncNumber);
  o.refs = c.list(o.refs, blankRef, syncRef);
  o.texts = c.list(o.texts, () => '', syncText);
  return o;
}

function syncFunction(c: Codec, f: FlatFunction): FlatFunction {
  f.name = c.str(f.name);
  f.hash = c.str(f.hash);
  return f;
}

function syncGlobal(c: Codec, g: FlatGlobal): FlatGlobal {
  g.name = c.str(g.name);
  g.value = syncRef(c, g.value);
  return g;
}

function syncThread(c: Codec, t: FlatThread): FlatThread {
  t.id = c.uint(t.id);
  t.state = c.u8(t.state);
  t.waitKind = c.u8(t.waitKind);
  t.wakeTick = c.f64(t.wakeTick);
  t.blockedOn = c.str(t.blockedOn);
  t.blockReason = syncRef(c, t.blockReason);
  t.fn = c.uint(t.fn);
  t.pc = c.uint(t.pc);
  t.base = c.uint(t.base);
  t.frames = c.list(t.frames, () => 0, syncUint);
  t.stack = c.list(t.stack, blankRef, syncRef);
  return t;
}

/** Sync of the whole state: the root of the format. */
export function syncState(c: Codec, s: FlatState): FlatState {
  s.tick = c.f64(s.tick);
  s.nextThreadId = c.uint(s.nextThreadId);
  s.rng = c.list(s.rng, () => 0, (cc, n) => cc.int(n));
  s.allocated = c.f64(s.allocated);
  s.nextMeasure = c.f64(s.nextMeasure);
  s.build = c.str(s.build);
  s.functions = c.list(s.functions, () => ({ name: '', hash: '' }), syncFunction);
  s.strings = c.list(s.strings, () => '', syncText);
  s.objects = c.list(s.objects, () => ({ kind: 0, nums: [], refs: [], texts: [] }), syncObject);
  s.globals = c.list(s.globals, () => ({ name: '', value: blankRef() }), syncGlobal);
  s.threads = c.list(s.threads, blankThread, syncThread);
  return s;
}

const blankThread = (): FlatThread => ({ id: 0, state: 0, waitKind: 0, wakeTick: 0, blockedOn: '', blockReason: blankRef(), fn: 0, pc: 0, base: 0, frames: [], stack: [] });
