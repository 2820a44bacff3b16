// Finds and starts headless Chromium for the browser tests and the benchmark
// (CHROMIUM_PATH, then Debian's /usr/bin/chromium), and watches a page for
// what must never happen: console errors, uncaught exceptions and CSP
// violations, including those inside workers.

import { existsSync } from 'node:fs';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

/** The Chromium binary to drive, or null when none is installed. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => p !== undefined && p !== '' && existsSync(p)) ?? null;
}

/** Launches headless Chromium with the flags this machine needs. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (executablePath === null) throw new Error('no Chromium found: set CHROMIUM_PATH or install Debian chromium (.ci/run does)');
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--autoplay-policy=no-user-gesture-required'],
  });
}

/** What went wrong on a page. */
export interface PageProblems {
  console: string[];
  csp: string[];
  uncaught: string[];
}

/** Records console errors, page errors and CSP violations (the page reports them to a binding). */
export async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { console: [], csp: [], uncaught: [] };
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.console.push(m.text());
    if (m.text().includes('Content Security Policy') || m.text().includes('Content-Security-Policy')) problems.csp.push(m.text());
  });
  page.on('pageerror', (e) => problems.uncaught.push(String(e)));
  await page.exposeBinding('__cairnTestCsp', (_source, text: string) => problems.csp.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cairnTestCsp(t: string): void }).__cairnTestCsp(`${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  return problems;
}
