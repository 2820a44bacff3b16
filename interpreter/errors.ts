// The one table of Cairn's error codes, the one error class, and the one
// formatter that draws a code frame. Everything that can go wrong in Cairn —
// a syntax error, a runaway script, a damaged bundle — is a CairnError with a
// stable code from ERROR_CODES, a message for people and, where there is one,
// the place in the source. Imports nothing.

/** Where an error category belongs; the CLI and player use it to word things. */
export type ErrorCategory = 'syntax' | 'compile' | 'runtime' | 'limit' | 'module' | 'bundle' | 'save' | 'usage' | 'io' | 'test';

/** Every error code Cairn produces. Codes are stable: never renamed, never reused. */
export const ERROR_CODES = {
  // syntax (parser)
  SYNTAX: { category: 'syntax', title: 'syntax error' },
  UNTERMINATED_STRING: { category: 'syntax', title: 'unterminated string' },
  UNTERMINATED_COMMENT: { category: 'syntax', title: 'unterminated comment' },
  INVALID_NUMBER: { category: 'syntax', title: 'invalid number' },
  INVALID_ESCAPE: { category: 'syntax', title: 'invalid escape sequence' },
  // compile (resolve / check passes)
  UNKNOWN_NAME: { category: 'compile', title: 'unknown name' },
  ASSIGN_UNDECLARED: { category: 'compile', title: 'assignment to an undeclared name' },
  ASSIGN_CONST: { category: 'compile', title: 'assignment to a constant' },
  DUPLICATE_NAME: { category: 'compile', title: 'name declared twice' },
  WRONG_ARITY: { category: 'compile', title: 'wrong number of arguments' },
  BREAK_OUTSIDE_LOOP: { category: 'compile', title: '`break` outside a loop' },
  CONTINUE_OUTSIDE_LOOP: { category: 'compile', title: '`continue` outside a loop' },
  RETURN_AT_TOP_LEVEL: { category: 'compile', title: '`return` outside a function' },
  NOT_CONSTANT: { category: 'compile', title: 'value is not a constant' },
  UNKNOWN_VERB: { category: 'compile', title: 'unknown verb' },
  UNKNOWN_ASSET: { category: 'compile', title: 'asset not found' },
  UNKNOWN_ENTITY: { category: 'compile', title: 'unknown room, object, actor, costume or dialog' },
  INVALID_PROPERTY: { category: 'compile', title: 'invalid property' },
  INVALID_TARGET: { category: 'compile', title: 'cannot assign to this' },
  INVALID_DECLARATION: { category: 'compile', title: 'invalid declaration' },
  DONE_OUTSIDE_DIALOG: { category: 'compile', title: '`done` outside a dialog option' },
  COMPILE_FAILED: { category: 'compile', title: 'the script has errors' },
  NOT_A_VALUE: { category: 'compile', title: 'a built-in function can only be called' },
  INVALID_SPAWN: { category: 'compile', title: '`spawn` needs a script function' },
  INVALID_TUPLE: { category: 'compile', title: 'only a pair (x, y) is a value' },
  // compile warnings (reported in CompileResult.warnings, never thrown)
  UNUSED_LOCAL: { category: 'compile', title: 'local variable never read' },
  UNREACHABLE_CODE: { category: 'compile', title: 'code that can never run' },
  // runtime (VM and natives)
  TYPE_ERROR: { category: 'runtime', title: 'wrong type' },
  DIVIDE_BY_ZERO: { category: 'runtime', title: 'division by zero' },
  INDEX_OUT_OF_RANGE: { category: 'runtime', title: 'index out of range' },
  KEY_NOT_FOUND: { category: 'runtime', title: 'key not found' },
  NOT_CALLABLE: { category: 'runtime', title: 'not a function' },
  BAD_ARGUMENT: { category: 'runtime', title: 'bad argument' },
  NO_SUCH_PROPERTY: { category: 'runtime', title: 'no such property' },
  RUNTIME: { category: 'runtime', title: 'runtime error' },
  // sandbox limits
  BUDGET_EXCEEDED: { category: 'limit', title: 'script ran too long without waiting' },
  CALL_DEPTH_EXCEEDED: { category: 'limit', title: 'calls nested too deeply' },
  MEMORY_EXCEEDED: { category: 'limit', title: 'script used too much memory' },
  TOO_MANY_THREADS: { category: 'limit', title: 'too many threads' },
  // bytecode modules and VM snapshots
  MODULE_MAGIC: { category: 'module', title: 'not a Cairn bytecode module' },
  MODULE_VERSION: { category: 'module', title: 'unsupported bytecode version' },
  MODULE_TRUNCATED: { category: 'module', title: 'bytecode module is truncated' },
  MODULE_INVALID: { category: 'module', title: 'bytecode failed verification' },
  SNAPSHOT_INVALID: { category: 'save', title: 'snapshot is damaged' },
  SNAPSHOT_VERSION: { category: 'save', title: 'snapshot version not supported' },
  SAVE_INCOMPATIBLE: { category: 'save', title: 'save made with a version of the game whose scripts changed' },
  // bundles (runtime/bundle/): refusals at the door, in the order it checks
  BUNDLE_EMPTY: { category: 'bundle', title: 'bundle file is empty' },
  BUNDLE_NOT_ZIP: { category: 'bundle', title: 'not a ZIP archive' },
  BUNDLE_NOT_CAIRN: { category: 'bundle', title: 'ZIP archive is not a Cairn bundle' },
  BUNDLE_TRUNCATED: { category: 'bundle', title: 'bundle is truncated' },
  BUNDLE_CORRUPT: { category: 'bundle', title: 'bundle container is damaged' },
  BUNDLE_UNSUPPORTED: { category: 'bundle', title: 'bundle uses an unsupported ZIP feature' },
  BUNDLE_TOO_LARGE: { category: 'bundle', title: 'bundle exceeds a size limit' },
  BUNDLE_BOMB: { category: 'bundle', title: 'bundle entry expands suspiciously (zip bomb)' },
  BUNDLE_BAD_NAME: { category: 'bundle', title: 'unsafe entry name in bundle' },
  BUNDLE_DUPLICATE: { category: 'bundle', title: 'duplicate entry in bundle' },
  BUNDLE_MANIFEST: { category: 'bundle', title: 'bundle manifest missing or invalid' },
  BUNDLE_FORMAT_VERSION: { category: 'bundle', title: 'bundle format version not supported' },
  BUNDLE_UNLISTED: { category: 'bundle', title: 'bundle entry not listed in the manifest' },
  BUNDLE_MISSING_ENTRY: { category: 'bundle', title: 'entry missing from bundle' },
  BUNDLE_CHECKSUM: { category: 'bundle', title: 'bundle entry does not match its size or checksum' },
  BUNDLE_RUNTIME_VERSION: { category: 'bundle', title: 'game needs a different Cairn version' },
  BUNDLE_CODE: { category: 'bundle', title: 'bundle code failed verification' },
  // walkthroughs and input logs (runtime/walkthrough/, runtime/input-log.ts)
  WALKTHROUGH_SYNTAX: { category: 'test', title: 'walkthrough line not understood' },
  WALKTHROUGH_FAILED: { category: 'test', title: 'walkthrough failed' },
  INPUT_LOG_INVALID: { category: 'test', title: 'input log is damaged or for another game' },
  // save files and bug reports (runtime/saves/)
  SAVE_FILE_INVALID: { category: 'save', title: 'save file is damaged or not a save file' },
  SAVE_FILE_VERSION: { category: 'save', title: 'save file format not supported' },
  SAVE_WRONG_GAME: { category: 'save', title: 'save file belongs to another game' },
  REPORT_INVALID: { category: 'save', title: 'bug report is damaged or for another game' },
  // CLI
  USAGE: { category: 'usage', title: 'usage' },
  FILE_NOT_FOUND: { category: 'io', title: 'file not found' },
  IO: { category: 'io', title: 'could not read or write a file' },
} as const satisfies Record<string, { category: ErrorCategory; title: string }>;

/** A stable error code: a key of ERROR_CODES. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** A position in a source file; line and column start at 1, offset at 0. */
export interface SourcePos {
  offset: number;
  line: number;
  column: number;
}

/** A range of a source file (the shape of Peggy's `location()`). */
export interface Span {
  source: string;
  start: SourcePos;
  end: SourcePos;
}

/** A secondary place that explains an error ("the room started here"). */
export interface Note {
  message: string;
  span?: Span;
}

/** Options for a CairnError beyond its code and message. */
export interface CairnErrorOptions {
  span?: Span;
  hint?: string;
  notes?: Note[];
  /** Further errors found in the same run (a compile reports several at once). */
  related?: CairnError[];
  cause?: unknown;
}

/** The one error type of Cairn: a stable code, a sentence for people, a place. */
export class CairnError extends Error {
  readonly code: ErrorCode;
  readonly span?: Span;
  readonly hint?: string;
  readonly notes: Note[];
  readonly related: CairnError[];

  constructor(code: ErrorCode, message: string, options: CairnErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CairnError';
    this.code = code;
    this.span = options.span;
    this.hint = options.hint;
    this.notes = options.notes ?? [];
    this.related = options.related ?? [];
  }

  /** The category of this error's code. */
  get category(): ErrorCategory {
    return ERROR_CODES[this.code].category;
  }

  /** Every error this one stands for: itself, or the list it collects. */
  all(): CairnError[] {
    return this.code === 'COMPILE_FAILED' && this.related.length > 0 ? this.related : [this];
  }
}

/** True when `e` is a CairnError (also across realms, where instanceof fails). */
export function isCairnError(e: unknown): e is CairnError {
  return e instanceof CairnError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'CairnError' && typeof (e as { code?: unknown }).code === 'string');
}

/** Where to find source text for code frames: file name → text. */
export type SourceLookup = (file: string) => string | undefined;

/** How to format: colours only on a TTY and never with NO_COLOR. */
export interface FormatOptions {
  color?: boolean;
  sources?: SourceLookup;
  /** Draw it as a warning rather than an error. */
  warning?: boolean;
}

const paint = (on: boolean, code: string, text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

/**
 * Formats an error the way a good compiler does:
 *   scripts/beach.adv:12:3: error: unknown name `lampp` [UNKNOWN_NAME]
 *      12 |   lampp.visible = true
 *         |   ^^^^^
 *   hint: did you mean `lamp`?
 */
export function formatError(err: CairnError, options: FormatOptions = {}): string {
  return err
    .all()
    .map((e) => formatOne(e, options))
    .join('\n\n');
}

function formatOne(err: CairnError, options: FormatOptions): string {
  const color = options.color ?? false;
  const out: string[] = [];
  const where = err.span ? `${err.span.source}:${err.span.start.line}:${err.span.start.column}: ` : '';
  const label = options.warning ? paint(color, '1;33', 'warning') : paint(color, '1;31', 'error');
  out.push(`${paint(color, '1', where)}${label}: ${paint(color, '1', err.message)} ${paint(color, '2', `[${err.code}]`)}`);
  if (err.span) out.push(...codeFrame(err.span, options.sources, color));
  for (const note of err.notes) {
    const at = note.span ? `${note.span.source}:${note.span.start.line}:${note.span.start.column}: ` : '';
    out.push(`${at}${paint(color, '1;36', 'note')}: ${note.message}`);
    if (note.span) out.push(...codeFrame(note.span, options.sources, color));
  }
  if (err.hint) out.push(`${paint(color, '1;32', 'hint')}: ${err.hint}`);
  return out.join('\n');
}

/** The lines of a code frame for `span`: the source line and a caret under it. */
export function codeFrame(span: Span, sources: SourceLookup | undefined, color = false): string[] {
  const text = sources?.(span.source);
  if (text === undefined) return [];
  const lines = text.split(/\r?\n/);
  const lineText = lines[span.start.line - 1];
  if (lineText === undefined) return [];
  const gutter = String(span.start.line).length;
  const pad = ' '.repeat(gutter);
  const startCol = Math.max(1, span.start.column);
  const endCol = span.end.line === span.start.line ? Math.max(span.end.column, startCol + 1) : lineText.length + 1;
  const width = Math.max(1, Math.min(endCol, lineText.length + 1) - startCol);
  const lead = lineText.slice(0, startCol - 1).replace(/[^\t]/g, ' ');
  return [
    ` ${String(span.start.line)} | ${lineText}`,
    ` ${pad} | ${lead}${paint(color, '1;31', '^'.repeat(width))}`,
  ];
}

/** Edit distance counting a swap of neighbours as one edit (typos like `titel`), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array<number>(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/** The closest of `candidates` to `name`, when it is close enough to suggest. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.floor(name.length / 3));
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** "did you mean `x`?" for the closest candidate, or undefined. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const best = closestName(name, candidates);
  return best === undefined ? undefined : `did you mean \`${best}\`?`;
}
