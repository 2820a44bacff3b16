// Timing, shared by the harness and the bench modules that plug into it: a
// warm-up run, then N timed runs, reporting the median. Collects garbage
// between runs when it can, so one run's garbage is not billed to the next.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

/** The middle value (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A full garbage collection now (the bench's --expose-gc). */
export { collectGarbage };

/**
 * Runs `fn` `warmup` times untimed, then `runs` times timed. `fn` may return a
 * promise. Returns the median and every time in ms, and the last run's value.
 * `gc: false` skips the full collection before each timed run.
 */
export async function measure(fn, { warmup = 1, runs = 5, gc = true } = {}) {
  let value;
  for (let i = 0; i < warmup; i++) value = await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    if (gc) collectGarbage();
    const start = performance.now();
    value = await fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), times, value };
}
