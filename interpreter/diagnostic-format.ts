// The one formatter of Cairn's diagnostics: every place that shows an error
// to a person — the CLI, `cairn test`, the dev console and overlay, the
// player's error panel — draws it here, with its code, message, place, code
// frame, notes and hint, so no path shows a bare message. `diagnosticOf`
// gives the same facts as plain JSON (`--json`, the worker boundary).
// Imports only errors.ts.

import { isCairnError, type CairnError, type Note, type Span } from './errors.js';

/** Where to find source text for code frames: file name → text. */
export type SourceLookup = (file: string) => string | undefined;

/** How to format: colours only on a TTY and never with NO_COLOR. */
export interface FormatOptions {
  color?: boolean;
  sources?: SourceLookup;
  /** Draw it as a warning rather than an error. */
  warning?: boolean;
}

/** A range of a file as JSON tools read it: lines and columns from 1, the end exclusive. */
export interface DiagnosticRange {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/** One diagnostic as plain data: what `--json` prints and what crosses the worker boundary. Stable field names. */
export interface Diagnostic {
  file: string | null;
  range: DiagnosticRange | null;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  hint: string | null;
  notes: Array<{ message: string; file: string | null; range: DiagnosticRange | null }>;
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

/** Formats anything thrown: a CairnError as formatError does, anything else as a bug in Cairn, said so. */
export function formatThrown(e: unknown, options: FormatOptions = {}): string {
  if (isCairnError(e)) return formatError(e, options);
  return `internal error — this is a bug in Cairn, please report it: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}

function formatOne(err: CairnError, options: FormatOptions): string {
  const color = options.color ?? false;
  const out: string[] = [];
  const where = err.span ? `${place(err.span)}: ` : '';
  const label = options.warning ? paint(color, '1;33', 'warning') : paint(color, '1;31', 'error');
  out.push(`${paint(color, '1', where)}${label}: ${paint(color, '1', err.message)} ${paint(color, '2', `[${err.code}]`)}`);
  if (err.span) out.push(...codeFrame(err.span, options.sources, color));
  for (const note of err.notes) {
    const at = note.span ? `${place(note.span)}: ` : '';
    out.push(`${at}${paint(color, '1;36', 'note')}: ${note.message}`);
    if (note.span) out.push(...codeFrame(note.span, options.sources, color));
  }
  if (err.hint) out.push(`${paint(color, '1;32', 'hint')}: ${err.hint}`);
  return out.join('\n');
}

const place = (span: Span): string => `${span.source}:${span.start.line}:${span.start.column}`;

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

const rangeOf = (span: Span | undefined): DiagnosticRange | null =>
  span === undefined ? null : { start: { line: span.start.line, column: span.start.column }, end: { line: span.end.line, column: span.end.column } };

/** The diagnostics an error stands for (a COMPILE_FAILED lists several), as plain data. */
export function diagnosticsOf(err: CairnError, severity: Diagnostic['severity'] = 'error'): Diagnostic[] {
  return err.all().map((e) => ({
    file: e.span?.source ?? null,
    range: rangeOf(e.span),
    code: e.code,
    severity,
    message: e.message,
    hint: e.hint ?? null,
    notes: e.notes.map((n: Note) => ({ message: n.message, file: n.span?.source ?? null, range: rangeOf(n.span) })),
  }));
}
