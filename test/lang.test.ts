// The language tests: every .adv file under test/lang/ is a program whose
// expected output sits in its comments (Wren's way); test/support/run-adv.ts
// reads them, compiles the file, runs its `on start` to the end and compares.
//   print 1 + 2        // expect: 3
//   print lampp        // expect error: UNKNOWN_NAME          (compile-time, on this line)
//   print 1 / zero     // expect runtime error: DIVIDE_BY_ZERO (on this line)

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'vitest';
import { checkProgram } from './support/run-adv.js';

const LANG_DIR = join(import.meta.dirname, 'lang');

function listAdvFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listAdvFiles(path);
      return name.endsWith('.adv') ? [path] : [];
    });
}

describe('language tests (test/lang/*.adv)', () => {
  for (const path of listAdvFiles(LANG_DIR)) {
    const name = relative(LANG_DIR, path);
    it(name, () => checkProgram(name, readFileSync(path, 'utf8')));
  }
});
