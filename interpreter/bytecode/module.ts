// The in-memory shape of a compiled module: what the code generator produces,
// what the binary format (binary.ts) writes and reads, what the verifier checks
// and what the VM runs. Plain data only.

/** Current bytecode format version, and the oldest this build still reads. */
export const MODULE_VERSION = 2;
export const MODULE_MIN_READABLE_VERSION = 1;
/** The oldest format that can run a module with a text table (format 2 added TEXT). */
export const TEXTS_MIN_READABLE_VERSION = 2;
/** The four bytes every `.cbc` file starts with. */
export const MODULE_MAGIC = 'CBC\u0001';

/** Kinds of world entity a script can name. */
export type EntityKind = 'room' | 'object' | 'actor' | 'costume' | 'dialog' | 'verb';

/** A constant naming a world entity (`door`, `beach`); the runtime resolves it by name. */
export interface EntityConst {
  entity: EntityKind;
  name: string;
}

/** A constant pool entry. */
export type Constant = number | string | EntityConst;

/** A global variable or constant, by name (saves refer to globals by name). */
export interface GlobalInfo {
  name: string;
  /** `const` globals are folded where used and never written after init. */
  constant: boolean;
}

/** One compiled function: a `fn`, a handler, a dialog option body, or the init code. */
export interface FunctionProto {
  /** A readable, unique name: `greet`, `on start`, `beach.shell.on pickup`, `<init>`. */
  name: string;
  /** Index into Module.files. */
  file: number;
  /** Parameters, including those with defaults. */
  arity: number;
  /** Parameters without defaults. */
  minArity: number;
  /**
   * Where to start for each accepted argument count: entries[argc - minArity].
   * The code between entries evaluates the defaults of the missing parameters.
   */
  entries: number[];
  /** Local slots needed, parameters first. */
  locals: number;
  /** Deepest operand stack the code reaches above its locals. */
  maxStack: number;
  code: Int32Array;
  /** Line table: triples (pc, line, column) in ascending pc order. */
  lines: Int32Array;
}

/** An event handler: `on start` (owner ''), `on look` in object `shell`, `on use with key`. */
export interface HandlerEntry {
  /** The declaring entity's name, or '' for a top-level handler. */
  owner: string;
  event: string;
  with?: string;
  fn: number;
}

/** JSON-shaped data (adventure declarations travel as this). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * One translatable text the code evaluates with TEXT: its translation id and,
 * per form (one, or two for `plural()`), what each value TEXT pops is — ''
 * for a piece of literal text, else the placeholder name a translation uses.
 */
export interface TextEntry {
  id: string;
  forms: string[][];
}

/** A compiled program. */
export interface Module {
  version: number;
  /** Source file names, as given to the compiler (`scripts/beach.adv`). */
  files: string[];
  constants: Constant[];
  globals: GlobalInfo[];
  /** Names of the natives the code calls; CALL_NATIVE operands index this. */
  natives: string[];
  functions: FunctionProto[];
  /** The function that initialises globals; runs once before anything else. */
  init: number;
  handlers: HandlerEntry[];
  /** The world the adventure declarations describe (rooms, objects, …), as data. */
  declarations: JsonValue;
  /** The texts TEXT instructions name, by index; absent when there are none (format 1 modules never have them). */
  texts?: TextEntry[];
}
