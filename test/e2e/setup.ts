// Shared setup of the browser tests: exports the fixture games with the real
// CLI (`cairn build DIR --web OUTDIR`, so the export path is tested too), and
// says whether a browser is there to run them (test/support/browser.ts finds
// one: CHROMIUM_PATH, the system's, or the one npm installed). Needs
// `npm run build` first (npm test's pretest does it).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeProject } from './fixtures/games.js';
import { findChromium } from '../support/browser.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** How long one browser test may take: a real game plays in real time, on a machine that may be busy. */
export const BROWSER_TEST_MS = 180_000;

/** True when the browser tests can run here; on CI a missing browser is a failure, not a skip. */
export function browserAvailable(): boolean {
  if (findChromium() !== null) return true;
  if (process.env.CI) throw new Error('CI must have a Chromium for the browser tests: .ci/run installs Debian chromium, npm ci installs @sparticuz/chromium');
  return false;
}

/** Exports a fixture project as a web folder with the CLI; returns the folder. */
export function exportFixture(name: string, files: Map<string, string | Uint8Array>): string {
  if (!existsSync(join(root, 'dist/player-web/index.html')) || !existsSync(join(root, 'dist/player/cli/main.js'))) {
    throw new Error('the player is not built: run `npm run build` first');
  }
  const work = mkdtempSync(join(tmpdir(), `cairn-e2e-${name}-`));
  const project = join(work, name);
  writeProject(project, files);
  const out = join(work, `${name}-web`);
  execFileSync(process.execPath, [join(root, 'bin/cairn.js'), 'build', project, '-o', join(work, `${name}.cairn`), '--web', out], { stdio: 'pipe' });
  return out;
}

/** Exports a project folder (the sample game) as a web folder with the CLI; returns the folder. */
export function exportProject(project: string, name: string): string {
  if (!existsSync(join(root, 'dist/player-web/index.html')) || !existsSync(join(root, 'dist/player/cli/main.js'))) {
    throw new Error('the player is not built: run `npm run build` first');
  }
  const work = mkdtempSync(join(tmpdir(), `cairn-e2e-${name}-`));
  const out = join(work, `${name}-web`);
  execFileSync(process.execPath, [join(root, 'bin/cairn.js'), 'build', project, '-o', join(work, `${name}.cairn`), '--web', out], { stdio: 'pipe' });
  return out;
}
