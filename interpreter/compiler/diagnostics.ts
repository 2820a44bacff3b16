// The compiler's problem collector: every pass reports errors and warnings
// here instead of throwing, so one run reports everything it can find.
// compile.ts turns the collected errors into one COMPILE_FAILED CairnError.

import { CairnError, type ErrorCode, type Note, type Span } from '../errors.js';
import { closestName, editDistance } from '../edit-distance.js';
import { keepAlive } from '../keep-alive.js';

/** Codes about names the program never declares: noise when a file failed to parse. */
const NAME_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['UNKNOWN_NAME', 'ASSIGN_UNDECLARED', 'UNKNOWN_ENTITY', 'UNKNOWN_VERB']);

/** Extra detail for one diagnostic. */
export interface DiagnosticExtra {
  hint?: string;
  notes?: Note[];
}

/** Collects the errors and warnings of one compile. */
export class Diagnostics {
  readonly errors: CairnError[] = [];
  readonly warnings: CairnError[] = [];
  /**
   * Set when a file failed to parse: its declarations are missing, so "unknown
   * name" errors elsewhere would mostly be noise and are left out.
   */
  incomplete = false;

  constructor() {
    keepAlive(this);
  }

  /** Records an error. */
  error(code: ErrorCode, message: string, span: Span | undefined, extra: DiagnosticExtra = {}): void {
    if (this.incomplete && NAME_CODES.has(code)) return;
    this.errors.push(new CairnError(code, message, { span, hint: extra.hint, notes: extra.notes }));
  }

  /** Records a warning. */
  warn(code: ErrorCode, message: string, span: Span | undefined, extra: DiagnosticExtra = {}): void {
    this.warnings.push(new CairnError(code, message, { span, hint: extra.hint, notes: extra.notes }));
  }

  /** Records an error raised elsewhere (the parser's). */
  add(error: CairnError): void {
    this.errors.push(error);
  }

  /** True once any error was recorded. */
  get failed(): boolean {
    return this.errors.length > 0;
  }
}

/** Sorts diagnostics by file (in the order given) and position, for stable output. */
export function sortByPlace(list: CairnError[], files: readonly string[]): CairnError[] {
  const fileIndex = new Map(files.map((f, i) => [f, i]));
  const key = (e: CairnError): [number, number] => [e.span ? (fileIndex.get(e.span.source) ?? files.length) : -1, e.span?.start.offset ?? 0];
  return list
    .map((e, i) => ({ e, i, k: key(e) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.e);
}

/**
 * "did you mean `x`?" from groups of names, nearest scope first (locals, then
 * globals, then natives): the closest name wins, and on a tie the nearer group.
 */
export function suggest(name: string, groups: ReadonlyArray<Iterable<string>>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const group of groups) {
    const candidate = closestName(name, group);
    if (candidate === undefined) continue;
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === undefined ? undefined : `did you mean \`${best}\`?`;
}
