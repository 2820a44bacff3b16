// What a command may do to the outside world when it talks: write lines to
// stdout and stderr, know whether colour is allowed, and find source text for
// code frames. Tests pass their own Terminal to capture output.

import { readFileSync } from 'node:fs';
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
