// `cairn fmt [--check] FILES|DIR`: rewrites Cairn scripts in the one layout
// (interpreter/syntax/format-source.ts), or with --check only lists the files
// that are not in it and exits 1. A folder means every `.adv` file under it;
// a named `.md` file has its ```cairn blocks formatted.

import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CairnError, isCairnError } from '../../../interpreter/errors.js';
import { formatSource } from '../../../interpreter/syntax/format-source.js';
import { formatMarkdown } from '../../tools/format/markdown-fences.js';
import { parseCommandArgs } from '../args.js';
import { readTextFile } from '../sources.js';
import type { Command } from './index.js';

export const fmtCommand: Command = {
  name: 'fmt',
  summary: 'rewrite Cairn scripts in the one standard layout',
  usage: [
    'cairn fmt [--check] FILE.adv|DIR|MARKDOWN …',
    '',
    'Formats each script in place: two-space indent, one statement per line (or',
    'several joined by `;` where you wrote them on one line), one-line blocks',
    'kept on one line, comments where they were. There are no options: every',
    'project looks the same. A folder means every .adv file under it; a Markdown (.md) file',
    'has its ```cairn blocks formatted. The program compiles to the same code.',
    '',
    '  --check   change nothing; list the files that are not formatted and exit 1',
  ].join('\n'),
  async run(args, term) {
    const { values, positionals } = parseCommandArgs('fmt', args, { check: { type: 'boolean' } });
    if (positionals.length === 0) throw new CairnError('USAGE', 'cairn fmt needs files or a folder (see `cairn fmt --help`)');
    const files = positionals.flatMap((p) => filesOf(p));
    let unformatted = 0;
    // A file that does not parse is reported and left alone; the others are still formatted.
    const failures: CairnError[] = [];
    for (const file of files) {
      const text = readTextFile(file);
      term.addSource(file, text);
      let formatted: string;
      try {
        formatted = file.endsWith('.md') ? formatMarkdown(text, file) : formatSource(text, file);
      } catch (e) {
        if (!isCairnError(e)) throw e;
        failures.push(...e.all());
        continue;
      }
      if (formatted === text) continue;
      unformatted++;
      if (values.check) term.out(file);
      else {
        writeFileSync(file, formatted);
        term.out(`formatted ${file}`);
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new CairnError('COMPILE_FAILED', `${failures.length} files do not parse.`, { related: failures });
    if (values.check && unformatted > 0) {
      term.err(`${unformatted} of ${files.length} file${files.length === 1 ? ' is' : 's are'} not formatted; \`cairn fmt\` them`);
      return 1;
    }
    return 0;
  },
};

/** The files a path names: itself, or the `.adv` files under a folder (sorted). */
function filesOf(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new CairnError('FILE_NOT_FOUND', `There is no file or folder \`${path}\`.`);
  }
  if (!stat.isDirectory()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const full = join(path, name);
    if (statSync(full).isDirectory()) out.push(...filesOf(full));
    else if (name.endsWith('.adv')) out.push(full);
  }
  return out;
}
