// Between Cairn's places and the protocol's: a Span (lines and columns from 1)
// is an LSP Range (from 0, both in UTF-16 code units as JavaScript strings
// count them), and a CairnError is a Diagnostic with the same code, message,
// hint and notes (the notes as related locations).

import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { CairnError, Span } from '../../interpreter/errors.js';

/** The range a span covers; a span without a width still marks one character. */
export function toRange(span: Span): Range {
  const start = { line: span.start.line - 1, character: span.start.column - 1 };
  const end = { line: span.end.line - 1, character: span.end.column - 1 };
  if (end.line === start.line && end.character <= start.character) end.character = start.character + 1;
  return { start, end };
}

/** The file URI of a project file (`dir` + `scripts/beach.adv`). */
export function fileUri(dir: string, file: string): string {
  return pathToFileURL(`${dir}/${file}`).href;
}

/** A Cairn error or warning as an LSP diagnostic: the message, then notes without a place and `hint: …` on lines of their own, as the terminal shows them. */
export function toDiagnostic(error: CairnError, warning: boolean, dir: string): Diagnostic {
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  const diagnostic: Diagnostic = {
    range: error.span ? toRange(error.span) : zero,
    severity: warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
    code: error.code,
    source: 'cairn',
    message: [error.message, ...error.notes.filter((n) => !n.span).map((n) => `note: ${n.message}`), ...(error.hint ? [`hint: ${error.hint}`] : [])].join('\n'),
  };
  const related = error.notes.filter((n) => n.span).map((n) => ({ location: { uri: fileUri(dir, n.span!.source), range: toRange(n.span!) }, message: n.message }));
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}
