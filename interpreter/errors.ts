// The one error class, and the formatter that draws a code frame. Everything
// that can go wrong in Cairn — a syntax error, a runaway script, a damaged
// bundle — is a CairnError with a stable code from the table in
// error-codes.ts, a message for people and, where there is one, the place in
// the source.

import { ERROR_CODES, type ErrorCategory, type ErrorCode } from './error-codes.js';

export type { ErrorCategory, ErrorCode } from './error-codes.js';

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
