// Which `cairn` command the extension starts the language server with: the
// `cairn.server.path` setting when given, else the project's own copy in a
// workspace folder's node_modules/.bin (the version the game is built with),
// else the first `cairn` on PATH. Plain Node, no VS Code API, so the root test
// suite can run it.
'use strict';

const { existsSync, statSync } = require('node:fs');
const { delimiter, join } = require('node:path');

/** Names the command may have in a folder on this platform. */
function commandNames(platform) {
  return platform === 'win32' ? ['cairn.cmd', 'cairn.exe', 'cairn'] : ['cairn'];
}

function isFile(path) {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The command to run `cairn lsp` with, or undefined when there is none.
 * `folders` are the workspace folders' paths; `env` and `platform` default to this process's.
 */
function findCairn(folders, setting, env = process.env, platform = process.platform) {
  if (setting) return setting;
  const names = commandNames(platform);
  for (const folder of folders) {
    for (const name of names) {
      const candidate = join(folder, 'node_modules', '.bin', name);
      if (isFile(candidate)) return candidate;
    }
  }
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

module.exports = { findCairn };
