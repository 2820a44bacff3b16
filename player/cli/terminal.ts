// What a command may do to the outside world when it talks: write lines to
// stdout and stderr, know whether colour is allowed, and find source text for
// code frames. Tests pass their own Terminal to capture output.

import { readFileSync } from 'node:fs';
import { CairnError } from '../../interpreter/errors.js';
import type { SourceLookup } from '../../interpreter/diagnostic-format.js';

/** Output channels and settings a command uses. */
export interface Terminal {
  out(text: string): void;
  err(text: string): void;
  /** Colours on: only on a TTY and never with NO_COLOR. */
  color: boolean;
  /** stderr is a TTY: progress bars allowed. */
  interactive: boolean;
  /** Source text for code frames; commands register what they compiled. */
  sources: SourceLookup;
  /** Lets a command say where a file's text can be found for code frames. */
  addSource(file: string, text: string): void;
}

/** The real terminal of this process. */
export function createTerminal(): Terminal {
  // `cairn … | head` closes the pipe early; that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
  const known = new Map<string, string>();
  const color = Boolean(process.stderr.isTTY) && process.env.NO_COLOR === undefined;
  return {
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    color,
    interactive: Boolean(process.stderr.isTTY),
    sources: (file) => {
      if (known.has(file)) return known.get(file);
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    addSource: (file, text) => void known.set(file, text),
  };
}

/** A terminal that records output, for tests. */
export function createMemoryTerminal(): Terminal & { stdout: string[]; stderr: string[] } {
  const known = new Map<string, string>();
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
    color: false,
    interactive: false,
    sources: (f) => known.get(f),
    addSource: (f, t) => void known.set(f, t),
  };
}

// C0 controls but newline and tab, DEL, C1 controls (U+009B is a CSI on many
// terminals) and the bidi marks and overrides that reorder what follows.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Guest text (a game's title, an entry's name, a printed line) made safe to
 * print: each control character or bidi override becomes a visible escape
 * (`\x9b`, `\u202e`), so a game cannot move the cursor, recolour or reorder
 * what the terminal shows. `oneLine` escapes newlines and tabs too.
 */
export function terminalSafe(text: string, oneLine = false): string {
  return text.replace(oneLine ? UNSAFE_ONE_LINE : UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** An error whose texts (message, hint, notes, related errors) are terminalSafe, for printing. */
export function terminalSafeError(e: CairnError): CairnError {
  return new CairnError(e.code, terminalSafe(e.message), {
    span: e.span,
    hint: e.hint === undefined ? undefined : terminalSafe(e.hint),
    notes: e.notes.map((n) => ({ ...n, message: terminalSafe(n.message) })),
    related: e.related.map(terminalSafeError),
    cause: e.cause,
  });
}

/** Source text for code frames, terminalSafe (a frame shows a line of a file, which may hold anything). */
export function terminalSafeSources(sources: SourceLookup): SourceLookup {
  return (file) => {
    const text = sources(file);
    return text === undefined ? undefined : terminalSafe(text);
  };
}
