// The entry point of the single-file runtime (dist/release/cairn-linux-x64):
// bundled by scripts/package-linux.js into one CommonJS file, as Node's
// single-executable applications need, and run with the process's arguments.

import { main } from '../cli/main.js';

// No top-level await: the bundle is CommonJS.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
