// `cairn dev`'s builds: the same in-memory build as `cairn build`
// (buildProjectBundle), numbered, with the latest good bundle kept to serve
// and the latest failure formatted once — code frame, no colour — for both
// the terminal and the page's overlay. Also formats the page's runtime errors.

import { CairnError, type ErrorCode, type Span } from '../../interpreter/errors.js';
import { ERROR_CODES } from '../../interpreter/error-codes.js';
import { formatError, formatThrown, type SourceLookup } from '../../interpreter/diagnostic-format.js';
import { buildProjectBundle } from '../cli/project-bundle.js';
import { createMemoryTerminal } from '../cli/terminal.js';

/** One build's result. */
export type DevBuild =
  | { ok: true; version: number; bundle: Uint8Array; ms: number; warnings: string[] }
  | { ok: false; version: number; text: string; ms: number };

/** A runtime error as the page reports it (protocol.ts ErrorView). */
export interface PageError {
  code: string;
  message: string;
  place?: { file: string; line: number; column: number };
  hint?: string;
  notes?: Array<{ message: string; place?: { file: string; line: number; column: number } }>;
}

/** Builds one project again and again, keeping what the server serves. */
export class DevBuilder {
  private version = 0;
  private good: Uint8Array | undefined;
  private goodAt = 0;
  private last: DevBuild | undefined;
  /** Script texts of the last build that read them: for code frames of runtime errors. */
  private sources: SourceLookup = () => undefined;

  constructor(readonly dir: string) {}

  /** The latest bundle that built, if any did. */
  get bundle(): Uint8Array | undefined {
    return this.good;
  }

  /** The version of `bundle` (0: none yet). */
  get goodVersion(): number {
    return this.goodAt;
  }

  /** The latest build, good or not. */
  get latest(): DevBuild | undefined {
    return this.last;
  }

  /** Builds now. A failure keeps the last good bundle served (the page shows the error over it). */
  build(): DevBuild {
    const started = performance.now();
    const term = createMemoryTerminal();
    const version = ++this.version;
    let result: DevBuild;
    try {
      const { bundle } = buildProjectBundle(this.dir, term);
      this.good = bundle;
      this.goodAt = version;
      result = { ok: true, version, bundle, ms: performance.now() - started, warnings: term.stderr.slice() };
    } catch (e) {
      result = { ok: false, version, text: describeFailure(e, term.sources), ms: performance.now() - started };
    }
    this.sources = term.sources;
    this.last = result;
    return result;
  }

  /** A runtime error from the page, formatted as the compiler formats its own, with the code frame. */
  formatPageError(error: PageError): string {
    const code: ErrorCode = Object.hasOwn(ERROR_CODES, error.code) ? (error.code as ErrorCode) : 'RUNTIME';
    const spanAt = (place: PageError['place']): Span | undefined => {
      if (place === undefined || typeof place.file !== 'string' || typeof place.line !== 'number' || typeof place.column !== 'number') return undefined;
      const at = { offset: 0, line: place.line, column: place.column };
      return { source: place.file, start: at, end: at };
    };
    const span = spanAt(error.place);
    // The worker appends the place to the message for pages without a frame; here the frame says it.
    const message = span === undefined ? error.message : error.message.replace(/ \([^()]*:\d+:\d+\)$/, '');
    const hint = typeof error.hint === 'string' ? error.hint : undefined;
    const notes = Array.isArray(error.notes) ? error.notes.filter((n) => typeof n?.message === 'string').map((n) => ({ message: n.message, span: spanAt(n.place) })) : [];
    return formatError(new CairnError(code, message, { span, hint, notes }), { sources: this.sources });
  }
}

/** A failed build as text: a CairnError with its code frames; anything else is a bug in Cairn, said so. */
function describeFailure(e: unknown, sources: SourceLookup): string {
  return formatThrown(e, { sources });
}
