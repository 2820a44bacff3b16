// Runs once before the test workers start: unpacks the npm Chromium (when it
// is the one the browser tests will use) so that parallel workers find it
// ready instead of each unpacking it.

import { resolveChromium } from './browser.js';

/** Vitest's global setup hook. */
export function setup(): void {
  resolveChromium();
}
