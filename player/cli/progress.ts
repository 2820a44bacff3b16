// A progress bar for long work, drawn on stderr only when it is a terminal;
// on a pipe it stays silent so logs and scripts see only results.

import type { Terminal } from './terminal.js';

/** A progress bar; `update` with the work done so far, `done` to clear it. */
export interface Progress {
  update(done: number): void;
  done(): void;
}

const WIDTH = 30;

/** A bar for `total` units of work labelled `label`; a no-op off a TTY or for small work. */
export function createProgress(term: Terminal, label: string, total: number, minTotal = 0): Progress {
  if (!term.interactive || total <= minTotal || total <= 0) return { update() {}, done() {} };
  let last = -1;
  const draw = (done: number) => {
    const fraction = Math.min(1, done / total);
    const filled = Math.round(fraction * WIDTH);
    const percent = Math.floor(fraction * 100);
    if (percent === last) return;
    last = percent;
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(percent).padStart(3)}%`);
  };
  return {
    update: draw,
    done: () => process.stderr.write(`\r${' '.repeat(label.length + WIDTH + 10)}\r`),
  };
}
