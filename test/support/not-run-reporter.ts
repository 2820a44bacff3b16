// Prints, after vitest's own summary, one line naming every check that did
// not run on this machine and why (see test/support/not-run.ts), so a run
// without a desktop's tools is complete about what it left out.

import type { Reporter, TestModule } from 'vitest/node';
import { NOT_RUN } from './not-run.js';

/** The reporter vitest.config.ts adds beside the default one. */
export default class NotRunReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const byReason = new Map<string, string[]>();
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        for (const a of test.annotations()) {
          if (a.type !== NOT_RUN) continue;
          const [check, why] = a.message.split('|') as [string, string];
          byReason.set(why, [...(byReason.get(why) ?? []), check]);
        }
      }
    }
    const checks = [...byReason.values()].flat().length;
    const line =
      checks === 0
        ? 'Checks not run on this machine: none.'
        : `Checks not run on this machine (${checks}): ${[...byReason].map(([why, names]) => `${names.join(', ')} — ${why}`).join('; ')}. .ci/run installs what they need.`;
    process.stdout.write(`\n${line}\n`);
  }
}
