// The browser tests' way in to the one browser resolver, test/support/browser.ts
// (kept so every browser test imports from the same place it always has).

export { findChromium, launchChromium, watchPage, type PageProblems } from '../../support/browser.js';
