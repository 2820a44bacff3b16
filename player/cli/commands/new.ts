// `cairn new DIR` scaffolds a game project that builds, runs and passes its
// walkthrough at once. It never overwrites: an existing non-empty folder is
// refused.

import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CairnError } from '../../../interpreter/errors.js';
import { parseCommandArgs } from '../args.js';
import { scaffoldFiles } from '../scaffold.js';
import type { Command } from './index.js';

export const newCommand: Command = {
  name: 'new',
  summary: 'create a new game project that builds and runs at once',
  usage: ['cairn new DIR [--title TITLE] [--id ID]', '', '  --title TITLE   the game title (default: from DIR)', '  --id ID         reverse-domain id (default: org.example.DIR)'].join('\n'),
  async run(args, term) {
    const { values, positionals } = parseCommandArgs('new', args, { title: { type: 'string' }, id: { type: 'string' } });
    if (positionals.length !== 1) throw new CairnError('USAGE', 'cairn new needs one folder name (see `cairn new --help`)');
    const dir = resolve(positionals[0]!);
    if (existsSync(dir) && readdirSync(dir).length > 0) throw new CairnError('IO', `\`${positionals[0]}\` already exists and is not empty; cairn new never overwrites files.`);
    const slug = basename(dir).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'game';
    const title = values.title ?? slug.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
    const id = values.id ?? `org.example.${slug}`;
    const files = scaffoldFiles(title, id);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    term.out([`Created ${title} in ${dir}:`, ...Object.keys(files).map((f) => `  ${f}`), '', 'Next:', `  npx cairn test ${positionals[0]}     play its walkthrough headless`, `  npx cairn build ${positionals[0]}    pack it into a .cairn bundle`].join('\n'));
    return 0;
  },
};
