// The compiler's model of a whole program: what the passes hand each other.
// declare.ts fills the global tables and the list of units (one per function
// to emit); resolve.ts adds bindings and local slots; later passes read them.
// Types only, plus two small helpers. Imports only AST and natives types.

import type * as A from '../syntax/ast.js';
import type { Span } from '../errors.js';
import type { KnownNative } from './known-natives.js';

/** Entity kinds that live in the value namespace (costumes and verbs do not). */
export type ValueEntityKind = 'room' | 'object' | 'actor' | 'dialog';

/** A top-level name: const, var, fn, or a world entity usable as a value. */
export type GlobalSymbol =
  | { kind: 'const'; name: string; decl: A.ConstDecl; global: number }
  | { kind: 'var'; name: string; decl: A.VarDecl; global: number }
  | { kind: 'fn'; name: string; decl: A.FnDecl; fn: number; minArity: number; arity: number }
  | { kind: 'entity'; name: string; entity: ValueEntityKind; decl: A.RoomDecl | A.ObjectDecl | A.ActorDecl | A.DialogDecl };

/** What a name (NameRef, or an entity Ident in an adventure statement) refers to. */
export type Binding =
  | { kind: 'local'; slot: number }
  | { kind: 'global'; index: number }
  | { kind: 'const'; symbol: Extract<GlobalSymbol, { kind: 'const' }> }
  | { kind: 'fn'; fn: number; symbol: Extract<GlobalSymbol, { kind: 'fn' }> }
  | { kind: 'entity'; entity: ValueEntityKind; name: string }
  | { kind: 'native'; native: KnownNative }
  | { kind: 'unknown' };

/** A parameter of a unit: fn parameters, or handler parameters (which default to nil). */
export interface UnitParam {
  name: A.Ident;
  default?: A.Expr;
}

/** One function to emit. */
export interface Unit {
  index: number;
  /** Unique readable name: `greet`, `on start`, `beach.shell.on pickup`, `chat.option 3`, `<init>`. */
  name: string;
  /** Index into the program's files. */
  file: number;
  kind: 'fn' | 'handler' | 'option' | 'condition' | 'init';
  params: UnitParam[];
  /** The code; for `init` units an empty block (their work is `inits` and `initCalls`). */
  body: A.Block;
  span: Span;
  /** A dialog option body, where `done` is allowed. */
  inDialog: boolean;
  /** Local slots the resolver allocated (parameters first). */
  locals: number;
  /** For `init` units: the globals this unit initialises, in order. */
  inits?: GlobalInit[];
  /** For the main `<init>` when several files declare globals: the per-file init units it calls. */
  initCalls?: number[];
}

/** A handler as the module lists it. */
export interface HandlerInfo {
  owner: string;
  event: string;
  with?: string;
  unit: number;
  decl: A.Handler;
}

/** A dialog option and the units compiled from it. */
export interface OptionInfo {
  option: A.DialogOption;
  body: number;
  condition?: number;
}

/** Slots of a `for` loop: two hidden locals, and the loop variable's slot. */
export interface ForSlots {
  /** First of the two hidden slots (counter/end, or iterable/position). */
  hidden: number;
  variable: number;
  /** A numeric loop over a range literal `a..b`. */
  numeric: boolean;
}

/** A global's initial value, computed by the `<init>` function. */
export interface GlobalInit {
  global: number;
  expr: A.Expr;
  file: number;
}

/** The whole program as the passes share it. */
export interface ProgramModel {
  files: string[];
  /** Parsed files (those that parsed), each with its index into `files`. */
  programs: Array<{ program: A.Program; file: number }>;
  globals: Map<string, GlobalSymbol>;
  /** By global index: name, and whether it is a const. */
  globalInfos: Array<{ name: string; constant: boolean }>;
  costumes: Map<string, A.CostumeDecl>;
  verbs: Map<string, A.VerbEntry>;
  /** True when some file has a `verbs { … }` block. */
  hasVerbs: boolean;
  rooms: A.RoomDecl[];
  /** Every object with the room that holds it (null for top-level objects). */
  objects: Array<{ decl: A.ObjectDecl; room: string | null }>;
  actors: A.ActorDecl[];
  dialogs: Array<{ decl: A.DialogDecl; options: OptionInfo[] }>;
  units: Unit[];
  handlers: HandlerInfo[];
  /** The module's init function (`<init>`). */
  initUnit: number;
  natives: Map<string, KnownNative>;
  // Filled by resolve.ts:
  bindings: Map<A.NameRef | A.Ident, Binding>;
  letSlots: Map<A.Let, number>;
  forSlots: Map<A.For, ForSlots>;
}

/** Creates an empty model for these files. */
export function emptyModel(files: string[], natives: Map<string, KnownNative>): ProgramModel {
  return {
    files,
    programs: [],
    globals: new Map(),
    globalInfos: [],
    costumes: new Map(),
    verbs: new Map(),
    hasVerbs: false,
    rooms: [],
    objects: [],
    actors: [],
    dialogs: [],
    units: [],
    handlers: [],
    initUnit: -1,
    natives,
    bindings: new Map(),
    letSlots: new Map(),
    forSlots: new Map(),
  };
}

/** A word for what a global symbol is, for messages: "a function", "the room `beach`". */
export function describeSymbol(s: GlobalSymbol): string {
  switch (s.kind) {
    case 'const':
      return 'a constant';
    case 'var':
      return 'a global variable';
    case 'fn':
      return 'a function';
    case 'entity':
      return s.entity === 'object' ? 'an object' : s.entity === 'actor' ? 'an actor' : `a ${s.entity}`;
  }
}
