// What work costs against the instruction budget. One unit is about one code
// word of a loop round (≈ 8.5 ns of CPU on the reference machine, see
// docs/language.md, "Sandbox limits"); natives and operators that walk strings, lists or
// maps charge these rates per character, item or entry, before the work where
// the size is known, so a tick's time is bounded whatever a script does.

/** Budget units per piece of work, measured against the loop rate (see docs/language.md, "Sandbox limits"). */
export const WORK = Object.freeze({
  /** A character read or written by a string native (`upper`, `contains`, `split`, …). */
  char: 0.25,
  /** A character matched by a pattern (`num`, `split` at spaces). */
  scanChar: 1,
  /** A character of a string `+` or comparison: what flattening and comparing the result costs later. */
  flatChar: 1 / 8,
  /** A list item copied or moved (`+` on lists, `insert`, `remove`, printing a list). */
  item: 1,
  /** A map entry copied or printed (`keys`, `for k in map`, `str`). */
  entry: 16,
  /** A new key in a map (`m[k] = v`): hashing and growing the table. */
  newEntry: 64,
  /** A pair of values compared by `==` on lists and maps or by `contains`. */
  compare: 4,
  /** A list item or map entry queued for printing (before its text is made). */
  nest: 16,
  /** A piece of text a value prints as (`str`, `join`, `print`, interpolation). */
  piece: 64,
  /** A piece (item or entry) of split's or join's result, besides its characters. */
  part: 16,
});

/** Fixed work charged per call (calls are budget checkpoints). */
export const CALL_COST = 10;

/** Strings up to this length compare and join for free: what they cost is the instruction's own. */
export const FREE_STRING = 256;

/** Anything that can be charged for work: the VM, through a native's context. */
export interface Meter {
  /** Charges `units` of work; BUDGET_EXCEEDED when the tick's budget runs out. */
  spend(units: number): void;
}
