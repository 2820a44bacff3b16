// Checks that need a tool this machine may lack (a Linux desktop's xdg-utils,
// say) say so instead of failing or faking a pass: they note what did not run
// and why, and test/support/not-run-reporter.ts prints every such note in one
// line at the end of the run.

import { accessSync, constants } from 'node:fs';
import type { TestContext } from 'vitest';

/** The annotation type the reporter collects. */
export const NOT_RUN = 'not-run';

/** The tools (absolute paths) among `paths` that are not installed here. */
export function missingTools(paths: readonly string[]): string[] {
  return paths.filter((p) => {
    try {
      accessSync(p, constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
}

/** Notes that `check` did not run here because of `why`; the test goes on with what it can check. */
export async function noteNotRun(ctx: TestContext, check: string, why: string): Promise<void> {
  await ctx.annotate(`${check}|${why}`, NOT_RUN);
}

/** When any of `tools` is missing: notes `check` as not run and skips the rest of this test. */
export async function skipWithout(ctx: TestContext, tools: readonly string[], check: string, packages: string): Promise<void> {
  const missing = missingTools(tools);
  if (missing.length === 0) return;
  await noteNotRun(ctx, check, `${missing.map((t) => t.split('/').pop()).join(', ')} not installed (Debian: ${packages})`);
  ctx.skip(`needs ${missing.join(', ')}`);
}
