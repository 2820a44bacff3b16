// The entry point of the single-file runtime (dist/release/cairn-linux-x64):
// bundled by scripts/package-linux.js into one CommonJS file, as Node's
// single-executable applications need, and run with the process's arguments.
// A runtime with a game appended (`cairn build --app`) plays that game.

import { main } from '../cli/main.js';
import { appArguments, appLayout } from './app-file.js';

const args = process.argv.slice(2);
/** A damaged trailer still makes this an app: reading its game then reports the damage. */
function isApp(): boolean {
  try {
    return appLayout(process.execPath) !== undefined;
  } catch {
    return true;
  }
}

// No top-level await: the bundle is CommonJS.
void main(isApp() ? appArguments(args, process.execPath) : args).then((code) => {
  process.exitCode = code;
});
