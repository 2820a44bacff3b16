// The one table of adventure natives (docs/language.md, "Adventure statements"): each adventure
// statement compiles to CALL_NATIVE of the native named here, with the
// arguments in the order listed. The compiler checks and emits from this
// table; the adventure runtime implements exactly these names and orders.
// Every native pushes one result (statements POP it). Imports nothing.

/** One adventure native: its name, its arguments in order, and whether it suspends the thread. */
export interface AdventureNative {
  readonly name: string;
  /** Argument meanings, in stack order (first pushed first). */
  readonly args: readonly string[];
  /** Suspends the calling thread until the action ends (never the game). */
  readonly blocking: boolean;
  /** Scripts may call it by name in expressions (`has(key)`, `here`); the rest are statements only. */
  readonly expression: boolean;
  /** The statement it implements. */
  readonly statement: string;
  /** How many trailing arguments may be left out (default 0). */
  readonly optional?: number;
}

const row = (name: string, statement: string, args: string[], blocking = false, expression = false): AdventureNative => ({ name, statement, args, blocking, expression });

/** The table. Entity arguments are EntityRefs (or whatever value a variable holds). */
export const ADVENTURE_NATIVES: readonly AdventureNative[] = [
  { ...row('say', 'say [actor] TEXT [#id] [voice "…"]', ['actor or nil (nil: the controlled actor)', 'text', "the line's translation id (a translatable line)", 'voice asset or nil'], true), optional: 2 },
  row('walk', 'walk ACTOR to POINT|OBJECT', ['actor', 'point or object'], true),
  row('choose', 'choose DIALOG', ['dialog'], true),
  row('cutscene_begin', 'cutscene { … } (before the block)', []),
  row('cutscene_end', 'cutscene { … } (after the block, and before any break/continue/return/done that leaves it)', []),
  row('take', 'take OBJECT', ['object']),
  row('drop', 'drop OBJECT', ['object']),
  row('go', 'go ROOM', ['room']),
  row('put', 'put ACTOR in ROOM at POINT', ['actor', 'room', 'point']),
  row('control', 'control ACTOR', ['actor']),
  row('face', 'face ACTOR left|right|up|down', ['actor', 'direction: "left", "right", "up" or "down"']),
  row('show', 'show OBJECT', ['object']),
  row('hide', 'hide OBJECT', ['object']),
  row('play_sound', 'play sound "FILE"', ['asset path (string)']),
  row('play_music', 'play music "FILE" [fade SECONDS]', ['asset path (string)', 'fade seconds or nil']),
  row('stop_music', 'stop music [fade SECONDS]', ['fade seconds or nil']),
  row('end_game', 'end game', []),
  row('done', 'done (then the option body returns at once)', []),
  row('has', 'has(OBJECT), an expression', ['object'], false, true),
  row('here', 'here, an expression: the current room', [], false, true),
];

/** The table by name. */
export const ADVENTURE_NATIVES_BY_NAME: ReadonlyMap<string, AdventureNative> = new Map(ADVENTURE_NATIVES.map((n) => [n.name, n]));
