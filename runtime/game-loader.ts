// From bundle bytes to a verified, decoded program — the one verification
// every command and player uses (`inspect`, `run`, `test`, `play`, the web
// player's worker): the door (runtime/bundle) checks the container, its last
// step decodes and verifies the bytecode against the natives this runtime
// provides, and the world's declarations are read and checked (no room
// declared twice, no object in an unknown room, walk areas that do not cross).

import { decodeModule } from '../interpreter/bytecode/binary.js';
import type { Module } from '../interpreter/bytecode/module.js';
import { verifyModule } from '../interpreter/bytecode/verify.js';
import { ADVENTURE_NATIVES } from '../interpreter/compiler/adventure-natives.js';
import { BUILTIN_NATIVES } from '../interpreter/vm/builtins.js';
import { DEBUG_NATIVE_NAME } from '../interpreter/vm/debug-hooks.js';
import { openBundle, openBundleAsync, type Bundle } from './bundle/index.js';
import { readDeclarations, type WorldDecls } from './world/read-declarations.js';
import { checkRoomArea } from './world/room-layout.js';

/** Every native name a bundle's code may import: the builtins, `debug` (a no-op in a player) and the adventure layer. */
export const KNOWN_NATIVES: ReadonlySet<string> = new Set([...BUILTIN_NATIVES.map((n) => n.name), DEBUG_NATIVE_NAME, ...ADVENTURE_NATIVES.map((n) => n.name)]);

/** A bundle that passed the door, with its entry module decoded and verified. */
export interface LoadedGame {
  bundle: Bundle;
  module: Module;
}

/** How to load; `sha256` lets Node hosts use their native hash. */
export interface LoadOptions {
  sha256?: (bytes: Uint8Array) => string;
}

/** Opens and checks a bundle; every refusal is a CairnError. */
export function loadGame(bytes: Uint8Array, options: LoadOptions = {}): LoadedGame {
  const decoded = new Map<string, Module>();
  return loaded(openBundle(bytes, { sha256: options.sha256, verifyModule: decodeInto(decoded) }), decoded);
}

/** loadGame with the code's SHA-256 taken by `digest`, a host's asynchronous one (the browser's Web Crypto). */
export async function loadGameAsync(bytes: Uint8Array, digest: (bytes: Uint8Array) => Promise<string>): Promise<LoadedGame> {
  const decoded = new Map<string, Module>();
  return loaded(await openBundleAsync(bytes, digest, { verifyModule: decodeInto(decoded) }), decoded);
}

/** The door's last step: decodes each module and verifies it against the natives this runtime provides. */
function decodeInto(decoded: Map<string, Module>): (name: string, code: Uint8Array) => void {
  return (name, code) => {
    const module = decodeModule(code);
    verifyModule(module, { natives: KNOWN_NATIVES });
    decoded.set(name, module);
  };
}

function loaded(bundle: Bundle, decoded: ReadonlyMap<string, Module>): LoadedGame {
  const module = decoded.get(bundle.manifest.entry);
  if (module === undefined) throw new Error(`the door did not verify the entry module ${bundle.manifest.entry}`);
  verifyWorld(module);
  return { bundle, module };
}

/** The world checks a game's module must pass before it runs (MODULE_INVALID, INVALID_PROPERTY); returns its declarations. */
export function verifyWorld(module: Module): WorldDecls {
  const decls = readDeclarations(module);
  for (const [name, room] of decls.rooms) checkRoomArea(name, room.props);
  return decls;
}
