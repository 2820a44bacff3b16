// `cairn disasm FILE.adv … | GAME.cairn` prints the bytecode a script
// compiles to, each instruction under the source line it came from. A bundle
// carries no source, so its functions show the line numbers of their line
// table instead; it is recognised by its ZIP signature, whatever its name.

import { closeSync, openSync, readSync } from 'node:fs';
import { CairnError } from '../../../interpreter/errors.js';
import { disassemble } from '../../../interpreter/bytecode/disasm.js';
import { parseCommandArgs } from '../args.js';
import { loadBundleFile } from '../bundle-file.js';
import { compileScriptFiles } from '../sources.js';
import type { Command } from './index.js';

export const disasmCommand: Command = {
  name: 'disasm',
  summary: 'print the bytecode of scripts or a bundle, annotated with their source lines',
  usage: [
    'cairn disasm FILE.adv [FILE.adv …]',
    'cairn disasm GAME.cairn',
    '',
    'Scripts are compiled and each instruction is shown under its source line. A bundle has no source:',
    'its functions are shown with the line numbers of their line table (`; line 12`).',
  ].join('\n'),
  async run(args, term) {
    const { positionals } = parseCommandArgs('disasm', args, {});
    if (positionals.length === 0) throw new CairnError('USAGE', 'cairn disasm needs a script file or a bundle (see `cairn disasm --help`)');
    const bundles = positionals.filter((p) => p.endsWith('.cairn') || isZip(p));
    if (bundles.length > 0) {
      if (positionals.length > 1) throw new CairnError('USAGE', 'cairn disasm takes one bundle on its own, or script files');
      const loaded = loadBundleFile(bundles[0]!);
      const m = loaded.bundle.manifest;
      term.out(`; bundle ${m.id} ${m.version} (${bundles[0]}): no source inside, lines from the line table`);
      term.out(disassemble(loaded.module));
      return 0;
    }
    const { module } = compileScriptFiles(positionals, term);
    term.out(disassemble(module, { sources: term.sources }));
    return 0;
  },
};

/** True when the file starts with a ZIP signature (a bundle under another name). */
function isZip(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
  } catch {
    return false; // unreadable: compiling it says why
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
