// The one error class. Everything that can go wrong in Cairn — a syntax
// error, a runaway script, a damaged bundle — is a CairnError with a stable
// code from the table in error-codes.ts, a message for people and, where there
// is one, the place in the source. The one formatter that draws them is
// diagnostic-format.ts; "did you mean" hints come from edit-distance.ts.

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
