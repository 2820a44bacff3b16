// Reads an installed package's version, so the report names exactly what was
// measured. Peers use it for their labels; nothing else.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The version in node_modules/NAME/package.json, or '?' when it cannot be read. */
export function installedVersion(name) {
  try {
    const path = require.resolve(`${name}/package.json`);
    return JSON.parse(readFileSync(path, 'utf8')).version;
  } catch {
    return '?';
  }
}
